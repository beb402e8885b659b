//! AST → bytecode. One [`Unit`] per body being compiled; nested bodies
//! become [`Const::Code`] constants of their parent.
//!
//! `finally` bodies are compiled inline at every exit of their `try` (the
//! normal path, each `return`/`break`/`continue`, and the exception path),
//! as CPython does since 3.9: unwinding then needs no runtime bookkeeping
//! beyond the block stack.
//!
//! The compiler is one `Compiler` whose methods are spread over files,
//! each adding an `impl Compiler` block: this file holds the entry points,
//! the compiler's state (a stack of units, one per body) and emitting into
//! the current unit; `names.rs` how a name is loaded, stored or deleted;
//! `statements.rs` statements and the unwinding of early exits;
//! `patterns.rs` `match` statements;
//! `definitions.rs` functions and classes; `targets.rs` assignment and
//! `del` targets; `expressions.rs` expressions and comprehensions.

use std::collections::HashMap;
use std::rc::Rc;

use super::ast::*;
use super::bytecode::{Code, CodeFlags, CodeKind, Cols, Const, Instr, Label};
use super::error::SyntaxError;
use super::symtable::{ScopeKey, SymbolTable, MODULE_KEY};

mod definitions;
mod expressions;
mod fold;
mod future;
mod names;
mod patterns;
mod statements;
mod targets;
#[cfg(test)]
mod tests;

/// Where the compiled code's lines differ between the CPython versions a
/// program may run as (3.11 is the default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dialect {
    /// CPython 3.10 calls a definition's decorators at the `def` (or
    /// `class`) line; 3.11 calls each at its own line. A warning or a
    /// traceback raised by a decorator names that line.
    pub decorators_at_definition: bool,
}

/// Compiles a parsed module. `filename` is what tracebacks and reprs show.
pub fn compile(module: &Module, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    compile_with_source(module, filename, "", Dialect::default())
}

/// Compiles a parsed module whose source text is `source` (what postponed
/// annotations keep).
fn compile_with_source(
    module: &Module,
    filename: &str,
    source: &str,
    dialect: Dialect,
) -> Result<Rc<Code>, SyntaxError> {
    let table = SymbolTable::build(module)?;
    let after_doc = match doc_of(&module.body) {
        Some(_) => &module.body[1..],
        None => &module.body[..],
    };
    let postponed_annotations = future::leading_features(after_doc)?;
    let leading_futures = after_doc
        .iter()
        .take_while(|s| future::is_future_import(s))
        .map(|s| (s.span.line, s.span.col))
        .collect();
    let mut c = Compiler {
        table: &table,
        filename: filename.into(),
        units: Vec::new(),
        source,
        postponed_annotations,
        leading_futures,
        dialect,
    };
    c.enter(
        MODULE_KEY,
        CodeKind::Module,
        "<module>".into(),
        "".into(),
        1,
    );
    let body = c.docstring(&module.body);
    c.setup_annotations(body);
    c.stmts(body)?;
    c.emit_const(Const::None);
    c.emit(Instr::Return);
    Ok(Rc::new(c.leave(CodeFlags::default(), 0, 0, 0)))
}

/// Parses and compiles source text.
pub fn compile_source(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    compile_source_as(source, filename, Dialect::default())
}

/// Parses and compiles source text with the lines of `dialect`.
pub fn compile_source_as(
    source: &str,
    filename: &str,
    dialect: Dialect,
) -> Result<Rc<Code>, SyntaxError> {
    let module = super::parser::parse(source)?;
    compile_with_source(&module, filename, source, dialect)
}

/// A way out of the current position that an early exit must unwind.
#[derive(Clone)]
enum FBlock<'a> {
    /// A `while` loop.
    While { start: Label, breaks: Vec<usize> },
    /// A `for` loop: its iterator is on the stack.
    For { start: Label, breaks: Vec<usize> },
    /// A `try` body with `except` handlers (a handler block is pushed).
    TryExcept,
    /// A `try` body with a `finally` (a handler block is pushed).
    TryFinally { body: &'a [Stmt] },
    /// A `finally` body run on the exception path: the exception is on the
    /// stack and marked handled.
    FinallyEnd,
    /// An `except` handler body: the exception is marked handled.
    Handler { name: Option<Rc<str>> },
    /// An `except*` handler body, which `break`, `continue` and `return`
    /// may not leave.
    StarHandler,
    /// A `finally` body copied into a `return`'s path: the value being
    /// returned is on the stack, and leaving the body another way drops it.
    PopValue,
    /// A `with` body: the exit function is on the stack, a block is pushed.
    With { is_async: bool },
}

struct Unit<'a> {
    key: ScopeKey,
    kind: CodeKind,
    name: Rc<str>,
    qualname: Rc<str>,
    first_line: u32,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    cols: Vec<Cols>,
    consts: Vec<Const>,
    names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    varnames: Vec<Rc<str>>,
    cellnames: Vec<Rc<str>>,
    ncellvars: u32,
    fblocks: Vec<FBlock<'a>>,
    /// The source region the next instructions come from.
    loc: Loc,
    is_async: bool,
    /// Whether the body awaits (`await`, `async for`): a comprehension
    /// that does is a coroutine, awaited where it stands.
    awaits: bool,
    /// A function body's docstring.
    doc: Option<Rc<str>>,
    /// The class whose private names (`__x`) this body mangles.
    private: Option<Rc<str>>,
}

struct Compiler<'a> {
    table: &'a SymbolTable,
    filename: Rc<str>,
    units: Vec<Unit<'a>>,
    /// The module's source text, for postponed annotations.
    source: &'a str,
    /// `from __future__ import annotations`: annotations stay text.
    postponed_annotations: bool,
    /// Where the module's leading future statements are (line, column);
    /// one anywhere else is an error.
    leading_futures: Vec<(u32, u32)>,
    /// The CPython version's line placement.
    dialect: Dialect,
}

/// A source region as code objects keep it: lines from 1, columns in
/// characters from 0 (the AST's spans count columns from 1), the end
/// exclusive. `u32::MAX` columns are unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Loc {
    line: u32,
    end_line: u32,
    col: u32,
    end_col: u32,
}

impl From<Span> for Loc {
    fn from(s: Span) -> Loc {
        Loc {
            line: s.line,
            end_line: s.end_line.max(s.line),
            col: s.col.saturating_sub(1),
            end_col: s.end_col.saturating_sub(1),
        }
    }
}

/// A statement's whole region, as CPython's AST has it: a compound
/// statement runs to the end of its last block (the parser's span stops
/// at its header).
fn extent(s: &Stmt) -> Loc {
    let last = |blocks: &[&[Stmt]]| -> Option<Loc> {
        blocks.iter().rev().find_map(|b| b.last()).map(extent)
    };
    let end = match &s.kind {
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => last(&[body, orelse]),
        StmtKind::With { body, .. } => last(&[body]),
        StmtKind::FunctionDef(d) => last(&[&d.body]),
        StmtKind::ClassDef(d) => last(&[&d.body]),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let mut blocks: Vec<&[Stmt]> = vec![body];
            blocks.extend(handlers.iter().map(|h| &h.body[..]));
            blocks.push(orelse);
            blocks.push(finalbody);
            last(&blocks)
        }
        _ => None,
    };
    let mut loc = Loc::from(s.span);
    if let Some(end) = end {
        if (end.end_line, end.end_col) > (loc.end_line, loc.end_col) {
            loc.end_line = end.end_line;
            loc.end_col = end.end_col;
        }
    }
    loc
}

/// `loc` moved to start at the name of attribute `attr` (whose whole
/// expression spans `attr_span`) when it starts on another line than the
/// one that name ends on: where CPython 3.11 places the lookup of an
/// attribute, and the call of a method, written across lines
/// (`update_start_location_to_match_attr`).
fn from_attr(mut loc: Loc, attr_span: Span, attr: &str) -> Loc {
    let attr_loc = Loc::from(attr_span);
    if loc.line == attr_loc.end_line {
        return loc;
    }
    let len = attr.chars().count() as u32;
    loc.line = attr_loc.end_line;
    if len <= attr_loc.end_col {
        loc.col = attr_loc.end_col - len;
    } else {
        loc.col = u32::MAX;
        loc.end_col = u32::MAX;
    }
    loc.end_line = loc.end_line.max(loc.line);
    if loc.line == loc.end_line && loc.col != u32::MAX {
        loc.end_col = loc.end_col.max(loc.col);
    }
    loc
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span.line, span.col).with_end(span.end_line, span.end_col)
}

fn unsupported(feature: &str, span: Span) -> SyntaxError {
    SyntaxError::unsupported(feature, span.line, span.col)
}

/// The docstring of a body: its first statement, if a plain string.
fn doc_of(body: &[Stmt]) -> Option<Rc<str>> {
    match &body.first()?.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        }) => Some(s.clone()),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    fn enter(
        &mut self,
        key: ScopeKey,
        kind: CodeKind,
        name: Rc<str>,
        qualname: Rc<str>,
        first_line: u32,
    ) {
        let scope = self.table.scope(key);
        let private = match kind {
            CodeKind::Class => Some(name.clone()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let mut cellnames = scope.cellvars.clone();
        let ncellvars = cellnames.len() as u32;
        cellnames.extend(scope.freevars.iter().cloned());
        self.units.push(Unit {
            key,
            kind,
            name,
            qualname,
            first_line,
            instrs: Vec::new(),
            lines: Vec::new(),
            cols: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: scope.varnames.clone(),
            cellnames,
            ncellvars,
            fblocks: Vec::new(),
            loc: Loc {
                line: first_line,
                end_line: first_line,
                col: u32::MAX,
                end_col: u32::MAX,
            },
            is_async: false,
            awaits: false,
            doc: None,
            private,
        });
    }

    fn leave(&mut self, flags: CodeFlags, argcount: u32, posonly: u32, kwonly: u32) -> Code {
        let u = self.units.pop().expect("unit stack never empty here");
        let cell_params = u
            .cellnames
            .iter()
            .take(u.ncellvars as usize)
            .enumerate()
            .filter_map(|(ci, name)| {
                u.varnames
                    .iter()
                    .position(|v| v == name)
                    .map(|vi| (ci as u32, vi as u32))
            })
            .collect();
        Code {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            kind: u.kind,
            flags,
            argcount,
            posonlycount: posonly,
            kwonlycount: kwonly,
            instrs: u.instrs,
            lines: u.lines,
            cols: u.cols,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellnames: u.cellnames,
            ncellvars: u.ncellvars,
            cell_params,
            doc: u.doc,
        }
    }

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("unit stack never empty")
    }

    fn emit(&mut self, i: Instr) -> usize {
        let u = self.u();
        u.instrs.push(i);
        u.lines.push(u.loc.line);
        u.cols.push(Cols::new(
            u.loc.line,
            u.loc.col,
            u.loc.end_line,
            u.loc.end_col,
        ));
        u.instrs.len() - 1
    }

    fn here(&mut self) -> Label {
        self.u().instrs.len() as Label
    }

    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let target = self.here();
        let u = self.u();
        u.instrs[at] = match u.instrs[at] {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
            Instr::ForIter(_) => Instr::ForIter(target),
            Instr::SetupExcept(_) => Instr::SetupExcept(target),
            Instr::JumpIfNotExcMatch(_) => Instr::JumpIfNotExcMatch(target),
            Instr::ExcStarMatch(_) => Instr::ExcStarMatch(target),
            other => other,
        };
    }

    /// A module's or class's docstring (a first statement that is a plain
    /// string) becomes its `__doc__`; returns the statements after it.
    fn docstring(&mut self, body: &'a [Stmt]) -> &'a [Stmt] {
        match doc_of(body) {
            Some(doc) => {
                self.u().loc = body[0].span.into();
                self.emit_const(Const::Str(doc));
                self.store_name(&"__doc__".into());
                &body[1..]
            }
            None => body,
        }
    }

    /// A module or class body with annotated names starts with an empty
    /// `__annotations__` (CPython's `SETUP_ANNOTATIONS`).
    fn setup_annotations(&mut self, body: &[Stmt]) {
        fn annotates(body: &[Stmt]) -> bool {
            body.iter().any(|s| match &s.kind {
                StmtKind::AnnAssign { target, .. } => matches!(target.kind, ExprKind::Name(_)),
                StmtKind::If { body, orelse, .. }
                | StmtKind::While { body, orelse, .. }
                | StmtKind::For { body, orelse, .. } => annotates(body) || annotates(orelse),
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    annotates(body)
                        || handlers.iter().any(|h| annotates(&h.body))
                        || annotates(orelse)
                        || annotates(finalbody)
                }
                StmtKind::With { body, .. } => annotates(body),
                StmtKind::Match { cases, .. } => cases.iter().any(|c| annotates(&c.body)),
                _ => false,
            })
        }
        if annotates(body) {
            self.emit(Instr::BuildMap(0));
            self.store_name(&"__annotations__".into());
        }
    }

    /// The head of a `for` loop over the iterator on top: pushes the next
    /// item, or leaves the loop (see [`Self::loop_end`]). Returns what
    /// `loop_end` patches.
    fn loop_next(&mut self, is_async: bool) -> usize {
        if !is_async {
            return self.emit(Instr::ForIter(0));
        }
        // As CPython: the awaited `__anext__()` inside a handler block,
        // whose `StopAsyncIteration` ends the loop.
        self.u().awaits = true;
        let setup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetANext);
        self.emit(Instr::Await);
        self.emit(Instr::PopBlock);
        setup
    }

    /// Where a loop headed by [`Self::loop_next`] goes when its iterator is
    /// exhausted (the iterator is popped there).
    fn loop_end(&mut self, head: usize, is_async: bool) {
        self.patch(head);
        if is_async {
            self.emit(Instr::EndAsyncFor);
        }
    }

    fn add_const(&mut self, c: Const) -> u32 {
        let u = self.u();
        if let Some(i) = u.consts.iter().position(|x| match (x, &c) {
            // 0.0 and -0.0, 1 and True compare equal but must stay distinct.
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            (Const::Code(_), _) | (_, Const::Code(_)) => false,
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b) && a == b,
        }) {
            return i as u32;
        }
        u.consts.push(c);
        (u.consts.len() - 1) as u32
    }

    fn emit_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    fn name_idx(&mut self, name: &Rc<str>) -> u32 {
        let u = self.u();
        if let Some(i) = u.name_index.get(name) {
            return *i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.clone());
        u.name_index.insert(name.clone(), i);
        i
    }

    fn str_const(&mut self, s: &str) -> u32 {
        self.add_const(Const::Str(s.into()))
    }

    /// `name` as this body sees it: private names mangled inside a class.
    fn mangle(&self, name: &Rc<str>) -> Rc<str> {
        let private = self.units.last().and_then(|u| u.private.as_deref());
        super::symtable::mangle(private, name)
    }

    /// The index of an attribute or keyword name, mangled.
    fn attr_idx(&mut self, name: &Rc<str>) -> u32 {
        let name = self.mangle(name);
        self.name_idx(&name)
    }
}
