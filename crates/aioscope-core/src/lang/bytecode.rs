//! Compiled code: instructions with typed operands, one [`Code`] per
//! function body, class body, comprehension or module.
//!
//! The design follows CPython's stack machine closely enough that its
//! behaviour (evaluation order, where a coroutine suspends, which line a
//! traceback names) carries over, but uses a block stack for `try` (as
//! CPython did up to 3.10) because a suspended frame then carries all of
//! its unwinding state with it.

use std::rc::Rc;

use super::ast::{BinOp, CmpOp, UnaryOp};

/// A jump target: an index into [`Code::instrs`].
pub type Label = u32;

/// One instruction. Operands index the tables of the [`Code`] that holds it
/// (`names`, `varnames`, `cells`, `consts`) unless documented otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    /// Does nothing; keeps a line number alive for the debugger.
    Nop,
    /// Drops the top of the stack.
    Pop,
    /// Pushes a copy of the top.
    Dup,
    /// Duplicates the two top items, keeping their order.
    Dup2,
    /// Swaps the two top items.
    Rot2,
    /// Lifts the second and third items: `a b c` → `c a b` (top last).
    Rot3,
    /// Moves the top down to be the `n`th item from the top (`a b c` with
    /// `RotN(3)` → `c a b`); `match` keeps what its patterns capture below
    /// the items it is still working on.
    RotN(u32),
    /// Pushes a constant.
    LoadConst(u32),
    /// Pushes a local variable; unbound raises `UnboundLocalError`.
    LoadFast(u32),
    /// Pops into a local variable.
    StoreFast(u32),
    /// Unbinds a local variable.
    DeleteFast(u32),
    /// Pushes the value of a cell (captured or captured-from variable).
    LoadDeref(u32),
    /// Pops into a cell.
    StoreDeref(u32),
    /// Unbinds a cell.
    DeleteDeref(u32),
    /// Pushes the cell object itself, to build a closure.
    LoadClosure(u32),
    /// Pushes a global (then builtin) by name.
    LoadGlobal(u32),
    /// Pops into a global.
    StoreGlobal(u32),
    /// Unbinds a global.
    DeleteGlobal(u32),
    /// Pushes a name from the local namespace, then globals, then builtins
    /// (module and class bodies).
    LoadName(u32),
    /// Pops into the local namespace.
    StoreName(u32),
    /// Unbinds a name in the local namespace.
    DeleteName(u32),
    /// Class bodies: a free variable is looked up in the class namespace
    /// first, then in its cell.
    LoadClassDeref(u32),
    /// `obj.name`: pops obj, pushes the attribute.
    LoadAttr(u32),
    /// `obj.name = v`: stack `v obj`.
    StoreAttr(u32),
    /// `del obj.name`.
    DeleteAttr(u32),
    /// Pops obj and pushes either `method obj` (an unbound function found on
    /// the type) or `attr NULL-marker`, so calls avoid a bound-method object.
    LoadMethod(u32),
    /// Calls what `LoadMethod` pushed with `argc` positional arguments.
    CallMethod(u32),
    /// `container[key]`: stack `container key`.
    Subscr,
    /// `container[key] = v`: stack `v container key`.
    StoreSubscr,
    /// `del container[key]`.
    DeleteSubscr,
    /// A binary operator on the two top items.
    Binary(BinOp),
    /// An augmented assignment operator (`+=` tries `__iadd__`; lists extend
    /// in place).
    Inplace(BinOp),
    /// A unary operator.
    Unary(UnaryOp),
    /// A comparison operator (not chained: the compiler chains).
    Compare(CmpOp),
    /// Unconditional jump.
    Jump(Label),
    /// Pops; jumps if false.
    PopJumpIfFalse(Label),
    /// Pops; jumps if true.
    PopJumpIfTrue(Label),
    /// Jumps keeping the top if it is false, else pops it (`and`).
    JumpIfFalseOrPop(Label),
    /// Jumps keeping the top if it is true, else pops it (`or`).
    JumpIfTrueOrPop(Label),
    /// Replaces the top with an iterator over it.
    GetIter,
    /// `yield from`'s operand: generators, futures and (in a generator
    /// marked as an old-style coroutine) coroutines stay as they are;
    /// anything else becomes its iterator.
    GetYieldFromIter,
    /// Pushes the iterator's next value; when exhausted, pops the iterator
    /// and jumps to the label.
    ForIter(Label),
    /// Builds a tuple from the top `n` items.
    BuildTuple(u32),
    /// Builds a list from the top `n` items.
    BuildList(u32),
    /// Builds a set from the top `n` items.
    BuildSet(u32),
    /// Builds a dict from the top `2n` items (key, value pairs).
    BuildMap(u32),
    /// Builds a slice from the top 2 or 3 items.
    BuildSlice(u32),
    /// Concatenates the top `n` strings.
    BuildString(u32),
    /// Appends the top to the list `n` items below it (comprehensions,
    /// starred displays).
    ListAppend(u32),
    /// Extends the list `n` items below with the popped iterable.
    ListExtend(u32),
    /// Adds the top to the set `n` items below it.
    SetAdd(u32),
    /// Stores `key value` into the dict `n` items below them.
    MapAdd(u32),
    /// Merges the popped mapping into the dict `n` items below (`**m` in
    /// a dict display).
    DictUpdate(u32),
    /// `**m` in a call: merges the popped mapping into the keyword dict `n`
    /// items below, refusing a key already there; the called function sits
    /// two items below the dict (for the messages).
    DictMerge(u32),
    /// Replaces a list at the top with a tuple of its items.
    ListToTuple,
    /// Unpacks an iterable into exactly `n` items (first item on top).
    UnpackSequence(u32),
    /// Unpacks with a starred target: `before` items, a list, `after` items.
    UnpackEx {
        /// Targets before the star.
        before: u32,
        /// Targets after the star.
        after: u32,
    },
    /// f-string field: pops the value (and a spec string when `spec`),
    /// applies the conversion (`0` none, `b's'`, `b'r'`, `b'a'`), pushes
    /// the formatted string.
    FormatValue {
        /// Conversion character as a byte, or 0.
        conversion: u8,
        /// Whether a format spec string is on the stack above the value.
        spec: bool,
    },
    /// Calls with `argc` positional arguments: stack `func arg1..argN`.
    Call(u32),
    /// Calls with keywords: stack `func args.. kwvalues..`; the constant is
    /// the tuple of keyword names (the last `len` values).
    CallKw {
        /// Total number of arguments on the stack, keywords included.
        argc: u32,
        /// Index of a [`Const::Names`] constant with the keyword names.
        names: u32,
    },
    /// Calls with a tuple of positional arguments, and a dict of keywords
    /// when the flag is set: stack `func args [kwargs]`.
    CallEx {
        /// Whether a dict of keyword arguments is on the stack.
        kwargs: bool,
    },
    /// Creates a function from a code constant. Stack (bottom to top):
    /// defaults tuple if `defaults`, keyword-defaults dict if `kwdefaults`,
    /// annotations dict if `annotations`, closure tuple if `closure`.
    MakeFunction {
        /// Index of a [`Const::Code`].
        code: u32,
        /// A tuple of positional defaults is on the stack.
        defaults: bool,
        /// A dict of keyword-only defaults is on the stack.
        kwdefaults: bool,
        /// A dict of the parameters' and return annotations is on the
        /// stack (evaluated where the `def` runs, as CPython does).
        annotations: bool,
        /// A tuple of cells is on the stack.
        closure: bool,
    },
    /// Builds a class: stack `body_function bases_tuple [kwargs dict]`;
    /// the constant is the class name.
    BuildClass {
        /// Index of the name (a [`Const::Str`]).
        name: u32,
        /// Whether a dict of class keywords is on the stack.
        kwargs: bool,
    },
    /// Returns the top from the frame.
    Return,
    /// Suspends a generator frame, yielding the top; resumes pushing the
    /// sent value.
    YieldValue,
    /// Replaces the top with an awaitable for it (`__await__` protocol;
    /// raises `TypeError` for non-awaitables, as CPython's `GET_AWAITABLE`).
    GetAwaitable,
    /// Awaits the awaitable on top: delegates to a coroutine, or suspends
    /// the whole task on a pending future; pushes the result.
    Await,
    /// `yield from`: stack `iter sent`. A generator is delegated to (its
    /// frame joins the fiber, and its return value is pushed). Any other
    /// iterator is stepped here: each item is yielded with the frame set to
    /// run this instruction again, so the value sent back lands on the
    /// stack as the next `sent`; when the iterator is exhausted, `None` is
    /// pushed in its place.
    YieldFrom,
    /// `async for`: replaces the top with its asynchronous iterator
    /// (`__aiter__()`, or an async generator itself).
    GetAIter,
    /// `async for`: pushes the awaitable for the next item of the
    /// asynchronous iterator on top, which stays (an `Await` follows).
    GetANext,
    /// End of an `async for` (its handler): stack `aiter exc`. On
    /// `StopAsyncIteration` pops both and goes on; re-raises anything else.
    EndAsyncFor,
    /// Pushes a handler block: on an exception, the stack is cut back to its
    /// current height, the exception is pushed, and execution jumps here.
    SetupExcept(Label),
    /// Pops the innermost handler block (normal exit from a `try` body).
    PopBlock,
    /// Marks the exception on top as being handled (for `__context__` and
    /// bare `raise`), keeping it on the stack.
    PushExcInfo,
    /// Leaves an `except` handler: forgets the innermost handled exception.
    PopExcept,
    /// Stack `exc class`: pops the class and jumps unless the exception (kept)
    /// is an instance of it (or of one in a tuple).
    JumpIfNotExcMatch(Label),
    /// `except* T`: stack `orig rest raised T`. Pops `T`; when it matches
    /// part of `rest` (what no earlier handler took), `rest` becomes what is
    /// left and the matching part is pushed; otherwise jumps.
    ExcStarMatch(Label),
    /// End of an `except*` statement: stack `orig rest raised` (`raised` a
    /// list of what the handlers raised). Pops all three and raises what is
    /// left unhandled together with what the handlers raised, if anything.
    ExcStarReraise,
    /// `match`: pushes whether the top is a sequence a sequence pattern may
    /// match (not str, bytes or a mapping), keeping it.
    MatchSequence,
    /// `match`: pushes whether the top is a mapping, keeping it.
    MatchMapping,
    /// `match`: pushes `len()` of the top, keeping it.
    GetLen,
    /// `match`: stack `subject keys`; pushes the tuple of the subject's
    /// values for the keys (looked up with `get`), or `None` if one is
    /// missing.
    MatchKeys,
    /// `match`: stack `subject keys`; replaces both with a dict of the
    /// subject's other items (`**rest`).
    MappingRest,
    /// `match`: stack `subject class names`; replaces the three with the
    /// tuple of the attributes a class pattern matches (`count`
    /// positional ones through `__match_args__`, then the named ones), or
    /// `None` when the subject is not an instance or lacks one.
    MatchClass(u32),
    /// `raise` (0 operands: re-raise the handled exception), `raise X` (1),
    /// `raise X from Y` (2).
    Raise(u8),
    /// Re-raises the exception on top without touching its traceback
    /// (end of a `finally` or an unmatched handler).
    Reraise,
    /// `with`: pops the manager, pushes its bound `__exit__` then the result
    /// of `__enter__()`.
    BeforeWith,
    /// `async with`: pops the manager, pushes its bound `__aexit__` then the
    /// awaitable `__aenter__()` (an `Await` follows).
    BeforeAsyncWith,
    /// Normal exit of a `with` body: stack `exit`; calls `exit(None, None,
    /// None)` and pushes its result.
    CallExitNone,
    /// Exceptional exit: stack `exit exc`; pushes `exit(type, exc, tb)`.
    WithExceptStart,
    /// `import name`: pushes the top-level module (or the leaf with `leaf`).
    ImportName {
        /// Index of the dotted name in `names`.
        name: u32,
        /// Push the last module of a dotted path instead of the first (for
        /// `import a.b as c`).
        leaf: bool,
    },
    /// `from module import name`: stack `module`; pushes the attribute
    /// (importing a submodule if needed), keeping the module.
    ImportFrom(u32),
    /// `from module import *`: pops the module.
    ImportStar,
    /// Pushes the `AssertionError` class (the name may be shadowed).
    LoadAssertionError,
}

/// A constant referenced by [`Instr::LoadConst`] and friends.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    /// `None`.
    None,
    /// A bool.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// An int that does not.
    BigInt(Rc<num_bigint::BigInt>),
    /// A float.
    Float(f64),
    /// A str.
    Str(Rc<str>),
    /// A bytes value.
    Bytes(Rc<[u8]>),
    /// `...`.
    Ellipsis,
    /// A tuple of constants (folded from a literal tuple).
    Tuple(Rc<[Const]>),
    /// A frozenset of constants, built by adding them in order (a set
    /// display of constants, as CPython's optimizer folds it).
    FrozenSet(Rc<[Const]>),
    /// The body of a nested function, class or comprehension.
    Code(Rc<Code>),
    /// Keyword names of a call.
    Names(Rc<[Rc<str>]>),
}

/// What a code object is the body of; decides how names resolve and what
/// calling it creates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A module's top level: names are globals.
    Module,
    /// A class body: names live in the class namespace.
    Class,
    /// A function, lambda or comprehension body: names are fast locals.
    Function,
}

/// Flags of a function body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags {
    /// Declared `async def`: calling it creates a coroutine.
    pub coroutine: bool,
    /// Contains `yield`: calling it creates a generator.
    pub generator: bool,
    /// Takes `*args`.
    pub varargs: bool,
    /// Takes `**kwargs`.
    pub varkeywords: bool,
    /// A generator made an old-style coroutine (`types.coroutine`,
    /// CPython's `CO_ITERABLE_COROUTINE`): it can be awaited, and its
    /// `yield from` takes coroutines.
    pub iterable_coroutine: bool,
}

/// A compiled body. Immutable once built, shared by every function object
/// and frame made from it (a copy with other flags is a new body).
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// `co_name`: the function name, `<module>`, `<lambda>`, `<listcomp>`.
    pub name: Rc<str>,
    /// `co_qualname`: dotted path with `<locals>`, as shown in reprs.
    pub qualname: Rc<str>,
    /// The file name shown in tracebacks and reprs.
    pub filename: Rc<str>,
    /// `co_firstlineno`.
    pub first_line: u32,
    /// Module, class or function body.
    pub kind: CodeKind,
    /// Coroutine/generator/varargs flags.
    pub flags: CodeFlags,
    /// Positional parameters (positional-only included).
    pub argcount: u32,
    /// How many of those are positional-only.
    pub posonlycount: u32,
    /// Keyword-only parameters (after `*`).
    pub kwonlycount: u32,
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// The source line of each instruction (same length as `instrs`): the
    /// first line of the source it comes from.
    pub lines: Vec<u32>,
    /// The rest of each instruction's source region (same length): end
    /// line and columns, for the carets of tracebacks. Apart from `lines`
    /// because only tracebacks read them, while the tracer reads the line
    /// of every instruction.
    pub cols: Vec<Cols>,
    /// Constants.
    pub consts: Vec<Const>,
    /// Global, attribute and import names.
    pub names: Vec<Rc<str>>,
    /// Local variable names: parameters first (positional, keyword-only,
    /// `*args`, `**kwargs`), then other locals.
    pub varnames: Vec<Rc<str>>,
    /// Names of cells: first this body's own captured locals (`cellvars`),
    /// then the variables it captures from enclosing bodies (`freevars`).
    pub cellnames: Vec<Rc<str>>,
    /// How many of `cellnames` are this body's own cells.
    pub ncellvars: u32,
    /// For each own cell that is also a parameter, the parameter's index in
    /// `varnames` (its value is moved into the cell on entry).
    pub cell_params: Vec<(u32, u32)>,
    /// A function's docstring (its `__doc__`).
    pub doc: Option<Rc<str>>,
}

/// The end line and columns of an instruction's source region, as CPython
/// 3.11's `co_positions()` gives them (its line is in [`Code::lines`]).
/// Columns count characters from 0, the end one past the last; an
/// unknown column (a line longer than `u16` allows) is [`Cols::UNKNOWN`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cols {
    /// Lines from the first to the last of the region.
    pub end_line_delta: u16,
    /// First column.
    pub col: u16,
    /// Column after the last.
    pub end_col: u16,
}

impl Cols {
    /// A column too far to keep.
    pub const UNKNOWN: u16 = u16::MAX;

    /// The region from (`line`, `col`) to (`end_line`, `end_col`).
    pub fn new(line: u32, col: u32, end_line: u32, end_col: u32) -> Cols {
        let narrow = |c: u32| u16::try_from(c).ok().filter(|c| *c != Cols::UNKNOWN);
        let delta = end_line.saturating_sub(line);
        match (narrow(col), narrow(end_col), u16::try_from(delta)) {
            (Some(col), Some(end_col), Ok(end_line_delta)) => Cols {
                end_line_delta,
                col,
                end_col,
            },
            _ => Cols {
                end_line_delta: 0,
                col: Cols::UNKNOWN,
                end_col: Cols::UNKNOWN,
            },
        }
    }
}

/// Where an instruction comes from in the source: what a traceback shows
/// of a frame (its line, and the carets under the region).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// First line.
    pub line: u32,
    /// Last line.
    pub end_line: u32,
    /// First column (characters from 0), when known.
    pub col: Option<u32>,
    /// Column after the last, when known.
    pub end_col: Option<u32>,
}

impl Code {
    /// The source line of the instruction at `pc` (the first line when out
    /// of range, as before the first step).
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }

    /// The source region of the instruction at `pc` (the first line,
    /// without columns, when out of range).
    pub fn position_at(&self, pc: usize) -> Position {
        let line = self.line_at(pc);
        match self.cols.get(pc) {
            Some(c) if c.col != Cols::UNKNOWN => Position {
                line,
                end_line: line + c.end_line_delta as u32,
                col: Some(c.col as u32),
                end_col: Some(c.end_col as u32),
            },
            _ => Position {
                line,
                end_line: line,
                col: None,
                end_col: None,
            },
        }
    }

    /// Number of free variables (cells captured from outside).
    pub fn nfreevars(&self) -> usize {
        self.cellnames.len() - self.ncellvars as usize
    }

    /// Whether calling this body creates a coroutine or generator object
    /// instead of running it.
    pub fn is_resumable(&self) -> bool {
        self.flags.coroutine || self.flags.generator
    }
}
