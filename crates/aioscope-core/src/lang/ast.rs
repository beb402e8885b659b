//! The syntax tree of the Python subset.
//!
//! It follows the shape of CPython's `ast` module (same node names where a
//! node exists there) so that anyone who knows Python's grammar can read
//! the compiler. Every statement and expression carries the [`Span`] of the
//! source it came from: tracebacks, the line highlight in the UI and
//! `SyntaxError` carets all come from these spans.

use std::rc::Rc;

/// A region of source text. Lines are 1-based; columns are 1-based and
/// count characters (not bytes), as Python's `SyntaxError.offset` does.
/// The end is exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct Span {
    /// First line of the node.
    pub line: u32,
    /// Column of the node's first character.
    pub col: u32,
    /// Line of the node's end.
    pub end_line: u32,
    /// Column just past the node's last character.
    pub end_col: u32,
}

impl Span {
    /// A span from `self`'s start to `other`'s end.
    pub fn to(self, other: Span) -> Span {
        Span {
            line: self.line,
            col: self.col,
            end_line: other.end_line,
            end_col: other.end_col,
        }
    }
}

/// A whole source file.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// The top-level statements in order.
    pub body: Vec<Stmt>,
}

/// A statement with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What kind of statement it is.
    pub kind: StmtKind,
    /// Where it is; for compound statements, the header line starts it.
    pub span: Span,
}

/// The statements of the subset.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (a call, an `await`).
    Expr(Expr),
    /// `a = b = value`: every target gets the same value, left to right.
    Assign {
        /// Names, attributes, subscripts, or tuples/lists of them.
        targets: Vec<Expr>,
        /// The right-hand side.
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The operator before `=`.
        op: BinOp,
        /// The right-hand side.
        value: Expr,
    },
    /// `target: annotation [= value]`; the annotation is parsed and ignored.
    AnnAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The annotation, kept only so that errors can point into it.
        annotation: Expr,
        /// The value, if any.
        value: Option<Expr>,
    },
    /// `def` or `async def`.
    FunctionDef(Rc<FunctionDef>),
    /// `class Name(bases): body`.
    ClassDef(Rc<ClassDef>),
    /// `return [value]`.
    Return(Option<Expr>),
    /// `if test: body else: orelse` (`elif` nests in `orelse`).
    If {
        /// The condition.
        test: Expr,
        /// Statements run when it is true.
        body: Vec<Stmt>,
        /// The `elif`/`else` part; empty when absent.
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        /// The condition.
        test: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse`, or `async for`.
    For {
        /// The loop variable(s).
        target: Expr,
        /// The iterable.
        iter: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
        /// `async for`.
        is_async: bool,
    },
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `raise [exc [from cause]]`.
    Raise {
        /// The exception (class or instance); `None` re-raises.
        exc: Option<Expr>,
        /// The `from` clause.
        cause: Option<Expr>,
    },
    /// `try` with handlers, `else` and `finally`.
    Try {
        /// The guarded statements.
        body: Vec<Stmt>,
        /// The `except` clauses in order.
        handlers: Vec<ExceptHandler>,
        /// Runs when `body` raised nothing.
        orelse: Vec<Stmt>,
        /// Runs on every way out.
        finalbody: Vec<Stmt>,
    },
    /// `with` / `async with`.
    With {
        /// The context managers, entered left to right.
        items: Vec<WithItem>,
        /// The body.
        body: Vec<Stmt>,
        /// `async with`.
        is_async: bool,
    },
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from module import names` (`level` counts leading dots).
    ImportFrom {
        /// The dotted module name, without leading dots.
        module: String,
        /// The imported names; a single `*` alias means `import *`.
        names: Vec<Alias>,
        /// Number of leading dots (relative import).
        level: u32,
    },
    /// `global a, b`.
    Global(Vec<Rc<str>>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<Rc<str>>),
    /// `del a, b[0]`.
    Delete(Vec<Expr>),
    /// `assert test, msg`.
    Assert {
        /// The condition.
        test: Expr,
        /// The message expression.
        msg: Option<Expr>,
    },
    /// `match subject:` with its `case` blocks.
    Match {
        /// The value matched (a tuple for `match a, b:`).
        subject: Expr,
        /// The cases, tried in order.
        cases: Vec<MatchCase>,
    },
}

/// One `case pattern if guard:` block of a `match` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    /// What the subject must match.
    pub pattern: Pattern,
    /// The `if` condition, tested after the pattern bound its names.
    pub guard: Option<Expr>,
    /// The block run on a match.
    pub body: Vec<Stmt>,
    /// The `case` line.
    pub span: Span,
}

/// A pattern of a `case`, with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// What kind of pattern it is.
    pub kind: PatternKind,
    /// Where it is.
    pub span: Span,
}

/// The patterns of `match` statements (the shape of CPython's `ast`).
#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// A literal or a dotted name, compared with `==`.
    Value(Expr),
    /// `None`, `True` or `False`, compared with `is`.
    Singleton(Constant),
    /// `[a, *rest]` or `(a, b)`: any sequence but str, bytes and
    /// mappings, item by item; at most one [`PatternKind::Star`].
    Sequence(Vec<Pattern>),
    /// `{key: pattern, **rest}`: keys are literals or dotted names.
    Mapping {
        /// The keys looked up.
        keys: Vec<Expr>,
        /// The pattern for each key's value.
        patterns: Vec<Pattern>,
        /// `**rest`: a dict of the other items.
        rest: Option<Rc<str>>,
    },
    /// `Cls(a, b, attr=c)`: an instance check, then positional patterns
    /// against the attributes `__match_args__` names, keyword patterns
    /// against the named attributes.
    Class {
        /// The class (a name or dotted name).
        cls: Expr,
        /// Positional sub-patterns.
        patterns: Vec<Pattern>,
        /// Attribute names of the keyword sub-patterns.
        kwd_attrs: Vec<Rc<str>>,
        /// The keyword sub-patterns.
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` or `*_` inside a sequence pattern.
    Star(Option<Rc<str>>),
    /// `pattern as name`, a capture `name` (no pattern), or the wildcard
    /// `_` (neither).
    As {
        /// The pattern that must match first.
        pattern: Option<Box<Pattern>>,
        /// The name bound to the subject.
        name: Option<Rc<str>>,
    },
    /// `p | q | ...`: the first alternative that matches.
    Or(Vec<Pattern>),
}

/// A function definition; lambdas are [`ExprKind::Lambda`].
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The function's name.
    pub name: Rc<str>,
    /// Its parameters.
    pub params: Params,
    /// Its statements.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first (as written, top to bottom).
    pub decorators: Vec<Expr>,
    /// `async def`.
    pub is_async: bool,
    /// The return annotation, parsed and ignored.
    pub returns: Option<Expr>,
    /// The span of the `def` header (decorators excluded).
    pub span: Span,
    /// The line CPython's `co_firstlineno` would give: the first decorator's
    /// line when there are decorators, else the `def` line.
    pub first_line: u32,
}

/// A class definition.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// The class name.
    pub name: Rc<str>,
    /// The base class expressions.
    pub bases: Vec<Expr>,
    /// Keywords in the class header (`metaclass=` is not supported; kept
    /// so the compiler can say so).
    pub keywords: Vec<Keyword>,
    /// The class body.
    pub body: Vec<Stmt>,
    /// Decorators, as written top to bottom.
    pub decorators: Vec<Expr>,
    /// The `class` line.
    pub span: Span,
}

/// Formal parameters of a function or lambda.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Params {
    /// Positional-or-keyword parameters, in order (positional-only ones
    /// before a `/` are included here and counted by `posonly`).
    pub args: Vec<Param>,
    /// How many of `args` are positional-only.
    pub posonly: usize,
    /// `*args`.
    pub vararg: Option<Param>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

/// One parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Its name.
    pub name: Rc<str>,
    /// Its default value expression.
    pub default: Option<Expr>,
    /// Its annotation, parsed and ignored.
    pub annotation: Option<Expr>,
    /// Where the name is.
    pub span: Span,
}

/// One `except` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The exception class (or tuple); `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// `as name`.
    pub name: Option<Rc<str>>,
    /// The handler's statements.
    pub body: Vec<Stmt>,
    /// The `except` line.
    pub span: Span,
    /// `except*`: the handler takes the matching part of an exception
    /// group (all handlers of a `try` are alike; the parser checks).
    pub is_star: bool,
}

/// One `with` item: `context_expr as optional_vars`.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context manager expression.
    pub context_expr: Expr,
    /// The `as` target.
    pub optional_vars: Option<Expr>,
}

/// `name as asname` in imports.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The (dotted) name imported.
    pub name: String,
    /// The local name, if renamed.
    pub asname: Option<Rc<str>>,
    /// Where it is.
    pub span: Span,
}

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What kind of expression it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// The expressions of the subset.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A variable.
    Name(Rc<str>),
    /// A literal (implicitly concatenated strings are already joined).
    Constant(Constant),
    /// An f-string; adjacent plain strings are folded into its parts.
    JoinedStr(Vec<FStringPart>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `{k: v, **m}`: a `None` key means `**value`.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `value.attr`.
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute name.
        attr: Rc<str>,
    },
    /// `value[index]`; a slice index is an [`ExprKind::Slice`], and
    /// `a[1, 2]` has a tuple index.
    Subscript {
        /// The container.
        value: Box<Expr>,
        /// The key, index or slice.
        index: Box<Expr>,
    },
    /// `lower:upper:step` inside a subscript.
    Slice {
        /// Start.
        lower: Option<Box<Expr>>,
        /// Stop.
        upper: Option<Box<Expr>>,
        /// Step.
        step: Option<Box<Expr>>,
    },
    /// `func(args, keywords)`.
    Call {
        /// The callee.
        func: Box<Expr>,
        /// Positional arguments; `*x` is an [`ExprKind::Starred`].
        args: Vec<Expr>,
        /// Keyword arguments; `**x` has `arg: None`.
        keywords: Vec<Keyword>,
    },
    /// `left op right`.
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// The operator.
        op: BinOp,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `op operand`.
    UnaryOp {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `a and b and c` / `a or b`.
    BoolOp {
        /// `and` or `or`.
        op: BoolOp,
        /// Two or more operands.
        values: Vec<Expr>,
    },
    /// `a < b <= c`: chained comparisons.
    Compare {
        /// The first operand.
        left: Box<Expr>,
        /// One operator per comparator.
        ops: Vec<CmpOp>,
        /// The operands after `left`.
        comparators: Vec<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        /// The condition.
        test: Box<Expr>,
        /// Value when true.
        body: Box<Expr>,
        /// Value when false.
        orelse: Box<Expr>,
    },
    /// `lambda params: body`.
    Lambda {
        /// The parameters.
        params: Box<Params>,
        /// The single expression.
        body: Box<Expr>,
    },
    /// `await value`.
    Await(Box<Expr>),
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `*value` in calls, displays and assignment targets.
    Starred(Box<Expr>),
    /// `[elt for ...]`.
    ListComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        /// The key.
        key: Box<Expr>,
        /// The value.
        value: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `name := value`.
    NamedExpr {
        /// The name bound.
        target: Rc<str>,
        /// The value.
        value: Box<Expr>,
    },
}

/// One `for ... in ... if ...` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop variable(s).
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` filters.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}

/// A keyword argument `arg=value`, or `**value` when `arg` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The parameter name.
    pub arg: Option<Rc<str>>,
    /// The value.
    pub value: Expr,
    /// Where the whole keyword argument is.
    pub span: Span,
}

/// A part of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    /// Literal text (escapes and `{{`/`}}` already resolved).
    Literal(Rc<str>),
    /// A `{expr!conv:spec}` field.
    Field {
        /// The expression.
        value: Box<Expr>,
        /// `!r`, `!s` or `!a`.
        conversion: Option<char>,
        /// The format spec, which may itself contain fields.
        format_spec: Option<Vec<FStringPart>>,
        /// `{expr=}`: the text `expr=` to print before the value.
        debug_text: Option<Rc<str>>,
    },
}

/// Literal constants.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An integer literal that fits in 64 bits.
    Int(i64),
    /// An integer literal that does not.
    BigInt(Rc<num_bigint::BigInt>),
    /// A float literal.
    Float(f64),
    /// A string literal.
    Str(Rc<str>),
    /// A bytes literal.
    Bytes(Rc<[u8]>),
    /// `...`.
    Ellipsis,
}

/// Binary operators (also the operator of augmented assignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `not`
    Not,
    /// `-`
    USub,
    /// `+`
    UAdd,
    /// `~`
    Invert,
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}
