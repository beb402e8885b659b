//! AST → bytecode. One [`Unit`] per body being compiled; nested bodies
//! become [`Const::Code`] constants of their parent.
//!
//! `finally` bodies are compiled inline at every exit of their `try` (the
//! normal path, each `return`/`break`/`continue`, and the exception path),
//! as CPython does since 3.9: unwinding then needs no runtime bookkeeping
//! beyond the block stack.

use std::collections::HashMap;
use std::rc::Rc;

use super::ast::*;
use super::bytecode::{Code, CodeFlags, CodeKind, Const, Instr, Label};
use super::error::SyntaxError;
use super::symtable::{
    key_of_class, key_of_def, key_of_expr, Binding, ScopeKey, SymbolTable, MODULE_KEY,
};

/// Compiles a parsed module. `filename` is what tracebacks and reprs show.
pub fn compile(module: &Module, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    let table = SymbolTable::build(module)?;
    let mut c = Compiler {
        table: &table,
        filename: filename.into(),
        units: Vec::new(),
    };
    c.enter(
        MODULE_KEY,
        CodeKind::Module,
        "<module>".into(),
        "".into(),
        1,
    );
    c.setup_annotations(&module.body);
    c.stmts(&module.body)?;
    c.emit_const(Const::None);
    c.emit(Instr::Return);
    Ok(Rc::new(c.leave(CodeFlags::default(), 0, 0, 0)))
}

/// Parses and compiles source text.
pub fn compile_source(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    let module = super::parser::parse(source)?;
    compile(&module, filename)
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
    consts: Vec<Const>,
    names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    varnames: Vec<Rc<str>>,
    cellnames: Vec<Rc<str>>,
    ncellvars: u32,
    fblocks: Vec<FBlock<'a>>,
    line: u32,
    is_async: bool,
    /// Whether the body awaits (`await`, `async for`): a comprehension
    /// that does is a coroutine, awaited where it stands.
    awaits: bool,
}

struct Compiler<'a> {
    table: &'a SymbolTable,
    filename: Rc<str>,
    units: Vec<Unit<'a>>,
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span.line, span.col)
}

fn unsupported(feature: &str, span: Span) -> SyntaxError {
    SyntaxError::unsupported(feature, span.line, span.col)
}

impl<'a> Compiler<'a> {
    // ----- units -------------------------------------------------------

    fn enter(
        &mut self,
        key: ScopeKey,
        kind: CodeKind,
        name: Rc<str>,
        qualname: Rc<str>,
        first_line: u32,
    ) {
        let scope = self.table.scope(key);
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
            consts: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: scope.varnames.clone(),
            cellnames,
            ncellvars,
            fblocks: Vec::new(),
            line: first_line,
            is_async: false,
            awaits: false,
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
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellnames: u.cellnames,
            ncellvars: u.ncellvars,
            cell_params,
        }
    }

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("unit stack never empty")
    }

    fn emit(&mut self, i: Instr) -> usize {
        let u = self.u();
        u.instrs.push(i);
        u.lines.push(u.line);
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
            other => other,
        };
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

    // ----- names ------------------------------------------------------

    fn binding(&self, name: &str) -> Binding {
        let u = self.units.last().expect("unit stack never empty");
        self.table.scope(u.key).binding(name)
    }

    fn var_idx(&mut self, name: &Rc<str>) -> u32 {
        let u = self.u();
        match u.varnames.iter().position(|v| v == name) {
            Some(i) => i as u32,
            None => {
                u.varnames.push(name.clone());
                (u.varnames.len() - 1) as u32
            }
        }
    }

    fn cell_idx(&mut self, name: &str) -> u32 {
        let u = self.u();
        u.cellnames
            .iter()
            .position(|v| &**v == name)
            .expect("symtable lists every cell") as u32
    }

    fn load_name(&mut self, name: &Rc<str>) {
        self.name_op(name, NameOp::Load);
    }

    fn store_name(&mut self, name: &Rc<str>) {
        self.name_op(name, NameOp::Store);
    }

    fn delete_name(&mut self, name: &Rc<str>) {
        self.name_op(name, NameOp::Delete);
    }

    /// Emits the load, store or delete of `name` that its binding calls for.
    fn name_op(&mut self, name: &Rc<str>, op: NameOp) {
        use NameOp::*;
        let kind = self.u().kind;
        let instr = match (self.binding(name), kind) {
            (Binding::Local, _) => {
                let i = self.var_idx(name);
                match op {
                    Load => Instr::LoadFast(i),
                    Store => Instr::StoreFast(i),
                    Delete => Instr::DeleteFast(i),
                }
            }
            (Binding::Cell | Binding::Free, k) => {
                let i = self.cell_idx(name);
                match op {
                    Load if k == CodeKind::Function => Instr::LoadDeref(i),
                    // A class body looks in its namespace before the cell.
                    Load => Instr::LoadClassDeref(i),
                    Store => Instr::StoreDeref(i),
                    Delete => Instr::DeleteDeref(i),
                }
            }
            (Binding::GlobalExplicit | Binding::GlobalImplicit, _)
            | (Binding::Name, CodeKind::Module) => {
                let i = self.name_idx(name);
                match op {
                    Load => Instr::LoadGlobal(i),
                    Store => Instr::StoreGlobal(i),
                    Delete => Instr::DeleteGlobal(i),
                }
            }
            (Binding::Name, _) => {
                let i = self.name_idx(name);
                match op {
                    Load => Instr::LoadName(i),
                    Store => Instr::StoreName(i),
                    Delete => Instr::DeleteName(i),
                }
            }
        };
        self.emit(instr);
    }

    fn qualname_for(&self, name: &str) -> Rc<str> {
        let u = self.units.last().expect("unit stack never empty");
        match u.kind {
            CodeKind::Module => name.into(),
            CodeKind::Class => format!("{}.{}", u.qualname, name).into(),
            CodeKind::Function => format!("{}.<locals>.{}", u.qualname, name).into(),
        }
    }

    // ----- statements --------------------------------------------------

    fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        self.u().line = s.span.line;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Instr::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                }
                // A module or class body records a name's annotation in
                // `__annotations__` (what dataclasses read); a function
                // body never evaluates it.
                if let (ExprKind::Name(n), CodeKind::Module | CodeKind::Class) =
                    (&target.kind, self.u().kind)
                {
                    self.u().line = s.span.line;
                    self.expr(annotation)?;
                    self.load_name(&"__annotations__".into());
                    let c = self.str_const(n);
                    self.emit(Instr::LoadConst(c));
                    self.emit(Instr::StoreSubscr);
                }
            }
            StmtKind::FunctionDef(def) => self.function_def(def)?,
            StmtKind::ClassDef(def) => self.class_def(def)?,
            StmtKind::Return(value) => {
                if self.u().kind != CodeKind::Function {
                    return Err(err("'return' outside function", s.span));
                }
                let key = self.u().key;
                if value.is_some() && self.u().is_async && self.table.scope(key).is_generator {
                    return Err(err("'return' with value in async generator", s.span));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Const::None),
                }
                self.unwind_all(true)?;
                self.u().line = s.span.line;
                self.emit(Instr::Return);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch(jf);
                } else {
                    let jend = self.emit(Instr::Jump(0));
                    self.patch(jf);
                    self.stmts(orelse)?;
                    self.patch(jend);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.u().fblocks.push(FBlock::While {
                    start,
                    breaks: Vec::new(),
                });
                self.stmts(body)?;
                self.u().line = s.span.line;
                self.emit(Instr::Jump(start));
                let breaks = match self.u().fblocks.pop() {
                    Some(FBlock::While { breaks, .. }) => breaks,
                    _ => unreachable!("fblocks are balanced"),
                };
                self.patch(jf);
                self.stmts(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async && !self.u().is_async {
                    return Err(err("'async for' outside async function", s.span));
                }
                self.expr(iter)?;
                self.emit(if *is_async {
                    Instr::GetAIter
                } else {
                    Instr::GetIter
                });
                let start = self.here();
                let fi = self.loop_next(*is_async);
                self.store(target)?;
                self.u().fblocks.push(FBlock::For {
                    start,
                    breaks: Vec::new(),
                });
                self.stmts(body)?;
                self.u().line = s.span.line;
                self.emit(Instr::Jump(start));
                let breaks = match self.u().fblocks.pop() {
                    Some(FBlock::For { breaks, .. }) => breaks,
                    _ => unreachable!("fblocks are balanced"),
                };
                self.loop_end(fi, *is_async);
                self.stmts(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::Break => self.break_continue(true, s.span)?,
            StmtKind::Continue => self.break_continue(false, s.span)?,
            StmtKind::Pass => {
                self.emit(Instr::Nop);
            }
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, _) => {
                    self.emit(Instr::Raise(0));
                }
                (Some(e), None) => {
                    self.expr(e)?;
                    self.emit(Instr::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.emit(Instr::Raise(2));
                }
            },
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async && !self.u().is_async {
                    return Err(err("'async with' outside async function", s.span));
                }
                self.with(items, body, *is_async, s.span)?;
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let idx = self.name_idx(&Rc::from(a.name.as_str()));
                    match &a.asname {
                        Some(asname) => {
                            self.emit(Instr::ImportName {
                                name: idx,
                                leaf: true,
                            });
                            self.store_name(asname);
                        }
                        None => {
                            self.emit(Instr::ImportName {
                                name: idx,
                                leaf: false,
                            });
                            let first: Rc<str> = a.name.split('.').next().unwrap_or("").into();
                            self.store_name(&first);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if *level > 0 {
                    return Err(unsupported("relative imports", s.span));
                }
                let idx = self.name_idx(&Rc::from(module.as_str()));
                self.emit(Instr::ImportName {
                    name: idx,
                    leaf: true,
                });
                if names.len() == 1 && names[0].name == "*" {
                    if self.u().kind != CodeKind::Module {
                        return Err(err("import * only allowed at module level", s.span));
                    }
                    self.emit(Instr::ImportStar);
                } else {
                    for a in names {
                        let n: Rc<str> = a.name.as_str().into();
                        let i = self.name_idx(&n);
                        self.emit(Instr::ImportFrom(i));
                        let local = a.asname.clone().unwrap_or(n);
                        self.store_name(&local);
                    }
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let jt = self.emit(Instr::PopJumpIfTrue(0));
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.patch(jt);
            }
        }
        Ok(())
    }

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
    ) -> Result<(), SyntaxError> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                let i = self.name_idx(attr);
                self.emit(Instr::LoadAttr(i));
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Dup2);
                self.emit(Instr::Subscr);
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(err(
                    "'expression' is an illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        Ok(())
    }

    /// Emits the unwinding of every block up to the innermost loop
    /// (`to_loop`) or all of them (a `return`, with its value on top).
    fn unwind_all(&mut self, returning: bool) -> Result<(), SyntaxError> {
        let saved = self.u().fblocks.clone();
        while let Some(block) = self.u().fblocks.pop() {
            self.unwind_one(&block, returning)?;
        }
        self.u().fblocks = saved;
        Ok(())
    }

    fn unwind_one(&mut self, block: &FBlock<'a>, returning: bool) -> Result<(), SyntaxError> {
        match block {
            FBlock::While { .. } => {}
            FBlock::For { .. } => {
                if returning {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
            }
            FBlock::TryExcept => {
                self.emit(Instr::PopBlock);
            }
            FBlock::TryFinally { body } => {
                self.emit(Instr::PopBlock);
                // The fblocks above this one are already popped, so a
                // `return` inside the copy unwinds only the outer ones.
                let body: &'a [Stmt] = body;
                self.stmts(body)?;
            }
            FBlock::FinallyEnd => {
                if returning {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
                self.emit(Instr::PopExcept);
            }
            FBlock::Handler { name } => {
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.emit_const(Const::None);
                    self.store_name(n);
                    self.delete_name(n);
                }
            }
            FBlock::With { is_async } => {
                self.emit(Instr::PopBlock);
                if returning {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::CallExitNone);
                if *is_async {
                    self.emit(Instr::GetAwaitable);
                    self.emit(Instr::Await);
                }
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, span: Span) -> Result<(), SyntaxError> {
        let saved = self.u().fblocks.clone();
        loop {
            let Some(block) = self.u().fblocks.pop() else {
                self.u().fblocks = saved;
                let what = if is_break { "'break'" } else { "'continue'" };
                return Err(err(format!("{} outside loop", what), span));
            };
            match block {
                FBlock::While { start, .. } | FBlock::For { start, .. } => {
                    let is_for = matches!(block, FBlock::For { .. });
                    if is_break {
                        if is_for {
                            self.emit(Instr::Pop);
                        }
                        let j = self.emit(Instr::Jump(0));
                        self.u().fblocks = saved;
                        // Record the break in the loop's own (restored) block.
                        let depth = self.u().fblocks.len();
                        let mut found = None;
                        for i in (0..depth).rev() {
                            if matches!(
                                self.u().fblocks[i],
                                FBlock::While { .. } | FBlock::For { .. }
                            ) {
                                found = Some(i);
                                break;
                            }
                        }
                        if let Some(i) = found {
                            match &mut self.u().fblocks[i] {
                                FBlock::While { breaks, .. } | FBlock::For { breaks, .. } => {
                                    breaks.push(j)
                                }
                                _ => unreachable!("found a loop block"),
                            }
                        }
                    } else {
                        self.emit(Instr::Jump(start));
                        self.u().fblocks = saved;
                    }
                    return Ok(());
                }
                other => self.unwind_one(&other, false)?,
            }
        }
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(orelse)?;
        let mut to_end = vec![self.emit(Instr::Jump(0))];
        self.patch(setup);
        self.emit(Instr::PushExcInfo);
        for h in handlers {
            self.u().line = h.span.line;
            let mut next = None;
            if let Some(t) = &h.typ {
                self.expr(t)?;
                next = Some(self.emit(Instr::JumpIfNotExcMatch(0)));
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.u().fblocks.push(FBlock::Handler {
                name: h.name.clone(),
            });
            self.stmts(&h.body)?;
            self.u().fblocks.pop();
            self.emit(Instr::PopExcept);
            if let Some(n) = &h.name {
                self.emit_const(Const::None);
                self.store_name(n);
                self.delete_name(n);
            }
            to_end.push(self.emit(Instr::Jump(0)));
            match next {
                Some(j) => self.patch(j),
                None => break,
            }
        }
        // No handler matched: the exception (still on the stack) goes on.
        self.emit(Instr::Reraise);
        for j in to_end {
            self.patch(j);
        }
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.u()
            .fblocks
            .push(FBlock::TryFinally { body: finalbody });
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(finalbody)?;
        let to_end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.emit(Instr::PushExcInfo);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.u().fblocks.pop();
        self.emit(Instr::Reraise);
        self.patch(to_end);
        Ok(())
    }

    fn with(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&item.context_expr)?;
        self.u().line = span.line;
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        } else {
            self.emit(Instr::BeforeWith);
        }
        match &item.optional_vars {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        let setup = self.emit(Instr::SetupExcept(0));
        self.u().fblocks.push(FBlock::With { is_async });
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(rest, body, is_async, span)?;
        }
        self.u().fblocks.pop();
        self.u().line = span.line;
        self.emit(Instr::PopBlock);
        self.emit(Instr::CallExitNone);
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        self.emit(Instr::Pop);
        let to_end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        let suppress = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.patch(suppress);
        self.emit(Instr::Pop);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.patch(to_end);
        Ok(())
    }

    fn function_def(&mut self, def: &'a Rc<FunctionDef>) -> Result<(), SyntaxError> {
        for d in &def.decorators {
            self.expr(d)?;
        }
        self.u().line = def.span.line;
        let qualname = self.qualname_for(&def.name);
        self.make_function(
            key_of_def(def),
            def.name.clone(),
            qualname,
            def.first_line,
            &def.params,
            def.is_async,
            FunctionBody::Stmts(&def.body),
        )?;
        for _ in &def.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&def.name);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn make_function(
        &mut self,
        key: ScopeKey,
        name: Rc<str>,
        qualname: Rc<str>,
        first_line: u32,
        params: &'a Params,
        is_async: bool,
        body: FunctionBody<'a>,
    ) -> Result<(), SyntaxError> {
        // Defaults are evaluated where the function is defined.
        let defaults: Vec<&'a Expr> = params
            .args
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        let has_defaults = !defaults.is_empty();
        for d in &defaults {
            self.expr(d)?;
        }
        if has_defaults {
            self.emit(Instr::BuildTuple(defaults.len() as u32));
        }
        let kwdefaults: Vec<(&Rc<str>, &'a Expr)> = params
            .kwonly
            .iter()
            .filter_map(|p| p.default.as_ref().map(|d| (&p.name, d)))
            .collect();
        let has_kwdefaults = !kwdefaults.is_empty();
        for (n, d) in &kwdefaults {
            let c = self.str_const(n);
            self.emit(Instr::LoadConst(c));
            self.expr(d)?;
        }
        if has_kwdefaults {
            self.emit(Instr::BuildMap(kwdefaults.len() as u32));
        }

        self.enter(key, CodeKind::Function, name, qualname, first_line);
        self.u().is_async = is_async;
        match body {
            FunctionBody::Stmts(stmts) => {
                self.stmts(stmts)?;
                if !matches!(self.u().instrs.last(), Some(Instr::Return)) {
                    self.emit_const(Const::None);
                    self.emit(Instr::Return);
                }
            }
            FunctionBody::Expr(e) => {
                self.u().line = e.span.line;
                self.expr(e)?;
                self.emit(Instr::Return);
            }
        }
        let scope = self.table.scope(key);
        let flags = CodeFlags {
            coroutine: is_async,
            generator: scope.is_generator,
            varargs: params.vararg.is_some(),
            varkeywords: params.kwarg.is_some(),
        };
        let code = self.leave(
            flags,
            params.args.len() as u32,
            params.posonly as u32,
            params.kwonly.len() as u32,
        );
        self.push_code(code, has_defaults, has_kwdefaults)
    }

    /// Emits the closure (if the code captures anything) and `MakeFunction`.
    fn push_code(
        &mut self,
        code: Code,
        defaults: bool,
        kwdefaults: bool,
    ) -> Result<(), SyntaxError> {
        let free: Vec<Rc<str>> = code.cellnames[code.ncellvars as usize..].to_vec();
        let closure = !free.is_empty();
        for n in &free {
            let i = self.cell_idx(n);
            self.emit(Instr::LoadClosure(i));
        }
        if closure {
            self.emit(Instr::BuildTuple(free.len() as u32));
        }
        let c = self.add_const(Const::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction {
            code: c,
            defaults,
            kwdefaults,
            closure,
        });
        Ok(())
    }

    fn class_def(&mut self, def: &'a Rc<ClassDef>) -> Result<(), SyntaxError> {
        for d in &def.decorators {
            self.expr(d)?;
        }
        self.u().line = def.span.line;
        let key = key_of_class(def);
        let qualname = self.qualname_for(&def.name);
        self.enter(
            key,
            CodeKind::Class,
            def.name.clone(),
            qualname,
            def.span.line,
        );
        self.setup_annotations(&def.body);
        self.stmts(&def.body)?;
        // The body returns the `__class__` cell (if methods use `super()`)
        // so that building the class can fill it.
        let unit = self.u();
        let has_class_cell = unit
            .cellnames
            .iter()
            .take(unit.ncellvars as usize)
            .any(|n| &**n == "__class__");
        if has_class_cell {
            let i = self.cell_idx("__class__");
            self.emit(Instr::LoadClosure(i));
        } else {
            self.emit_const(Const::None);
        }
        self.emit(Instr::Return);
        let code = self.leave(CodeFlags::default(), 0, 0, 0);
        self.u().line = def.span.line;
        self.push_code(code, false, false)?;
        for b in &def.bases {
            if matches!(b.kind, ExprKind::Starred(_)) {
                return Err(unsupported("starred base classes", b.span));
            }
            self.expr(b)?;
        }
        self.emit(Instr::BuildTuple(def.bases.len() as u32));
        let has_kw = !def.keywords.is_empty();
        for k in &def.keywords {
            let Some(arg) = &k.arg else {
                return Err(unsupported("'**' in a class header", k.span));
            };
            let c = self.str_const(arg);
            self.emit(Instr::LoadConst(c));
            self.expr(&k.value)?;
        }
        if has_kw {
            self.emit(Instr::BuildMap(def.keywords.len() as u32));
        }
        let name = self.str_const(&def.name);
        self.u().line = def.span.line;
        self.emit(Instr::BuildClass {
            name,
            kwargs: has_kw,
        });
        for _ in &def.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&def.name);
        Ok(())
    }

    // ----- targets -----------------------------------------------------

    fn store(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        let saved = self.u().line;
        self.u().line = t.span.line;
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_idx(attr);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(pos) => {
                        if items
                            .iter()
                            .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(err("multiple starred expressions in assignment", t.span));
                        }
                        self.emit(Instr::UnpackEx {
                            before: pos as u32,
                            after: (items.len() - pos - 1) as u32,
                        });
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                ))
            }
            _ => return Err(err("cannot assign to expression", t.span)),
        }
        self.u().line = saved;
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_idx(attr);
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(err("cannot delete expression", t.span)),
        }
        Ok(())
    }

    // ----- expressions -------------------------------------------------

    fn expr(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        let saved = self.u().line;
        self.u().line = e.span.line;
        self.expr_inner(e)?;
        self.u().line = saved;
        Ok(())
    }

    fn expr_inner(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Constant(c) => self.emit_const(constant(c)),
            ExprKind::JoinedStr(parts) => self.joined_str(parts)?,
            ExprKind::List(items) => self.display(items, Display::List)?,
            ExprKind::Tuple(items) => self.display(items, Display::Tuple)?,
            ExprKind::Set(items) => self.display(items, Display::Set)?,
            ExprKind::Dict(pairs) => {
                let has_spread = pairs.iter().any(|(k, _)| k.is_none());
                if has_spread {
                    self.emit(Instr::BuildMap(0));
                    for (k, v) in pairs {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Instr::DictUpdate(1));
                            }
                        }
                    }
                } else {
                    for (k, v) in pairs {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Instr::BuildMap(pairs.len() as u32));
                }
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_idx(attr);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                let parts = [lower, upper, step];
                let n = if step.is_some() { 3 } else { 2 };
                for p in parts.into_iter().take(n) {
                    match p {
                        Some(x) => self.expr(x)?,
                        None => self.emit_const(Const::None),
                    }
                }
                self.emit(Instr::BuildSlice(n as u32));
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                // Fold `-5` and `-2.5` into constants, as CPython does.
                if let (UnaryOp::USub, ExprKind::Constant(c)) = (op, &operand.kind) {
                    match c {
                        Constant::Int(i) if *i != i64::MIN => {
                            self.emit_const(Const::Int(-i));
                            return Ok(());
                        }
                        Constant::Float(f) => {
                            self.emit_const(Const::Float(-f));
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                self.expr(operand)?;
                self.emit(Instr::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        let j = match op {
                            BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        };
                        jumps.push(self.emit(j));
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.emit(Instr::Compare(ops[0]));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, c)) in ops.iter().zip(comparators.iter()).enumerate() {
                        self.expr(c)?;
                        if i + 1 < ops.len() {
                            self.emit(Instr::Dup);
                            self.emit(Instr::Rot3);
                            self.emit(Instr::Compare(*op));
                            cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
                        } else {
                            self.emit(Instr::Compare(*op));
                        }
                    }
                    let end = self.emit(Instr::Jump(0));
                    for c in cleanups {
                        self.patch(c);
                    }
                    self.emit(Instr::Rot2);
                    self.emit(Instr::Pop);
                    self.patch(end);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let end = self.emit(Instr::Jump(0));
                self.patch(jf);
                self.expr(orelse)?;
                self.patch(end);
            }
            ExprKind::Lambda { params, body } => {
                let qualname = self.qualname_for("<lambda>");
                self.make_function(
                    key_of_expr(e),
                    "<lambda>".into(),
                    qualname,
                    e.span.line,
                    params,
                    false,
                    FunctionBody::Expr(body),
                )?;
            }
            ExprKind::Await(value) => {
                if !self.u().is_async {
                    let msg = if self.u().kind == CodeKind::Function {
                        "'await' outside async function"
                    } else {
                        "'await' outside function"
                    };
                    return Err(err(msg, e.span));
                }
                self.u().awaits = true;
                self.expr(value)?;
                self.emit(Instr::GetAwaitable);
                self.emit(Instr::Await);
            }
            ExprKind::Yield(value) => {
                if self.u().kind != CodeKind::Function {
                    return Err(err("'yield' outside function", e.span));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Const::None),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(value) => {
                if self.u().kind != CodeKind::Function {
                    return Err(err("'yield' outside function", e.span));
                }
                if self.u().is_async {
                    return Err(err("'yield from' inside async function", e.span));
                }
                self.expr(value)?;
                self.emit(Instr::GetIter);
                self.emit(Instr::YieldFrom);
            }
            ExprKind::Starred(_) => {
                return Err(err("can't use starred expression here", e.span));
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", Comp::List(elt), generators)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", Comp::Set(elt), generators)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", Comp::Gen(elt), generators)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", Comp::Dict(key, value), generators)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Dup);
                self.store_name(target);
            }
        }
        Ok(())
    }

    fn display(&mut self, items: &'a [Expr], kind: Display) -> Result<(), SyntaxError> {
        let has_star = items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !has_star {
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.emit(match kind {
                Display::List => Instr::BuildList(n),
                Display::Tuple => Instr::BuildTuple(n),
                Display::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        match kind {
            Display::Set => self.emit(Instr::BuildSet(0)),
            _ => self.emit(Instr::BuildList(0)),
        };
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    match kind {
                        Display::Set => {
                            // set.update through a temporary list: keep it simple.
                            self.emit(Instr::ListExtend(1))
                        }
                        _ => self.emit(Instr::ListExtend(1)),
                    };
                }
                _ => {
                    self.expr(i)?;
                    match kind {
                        Display::Set => self.emit(Instr::SetAdd(1)),
                        _ => self.emit(Instr::ListAppend(1)),
                    };
                }
            }
        }
        if let Display::Tuple = kind {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn joined_str(&mut self, parts: &'a [FStringPart]) -> Result<(), SyntaxError> {
        if parts.is_empty() {
            self.emit_const(Const::Str("".into()));
            return Ok(());
        }
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    self.emit_const(Const::Str(s.clone()));
                    n += 1;
                }
                FStringPart::Field {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    let mut conversion = *conversion;
                    if let Some(text) = debug_text {
                        self.emit_const(Const::Str(text.clone()));
                        n += 1;
                        if conversion.is_none() && format_spec.is_none() {
                            conversion = Some('r');
                        }
                    }
                    self.expr(value)?;
                    if let Some(spec) = format_spec {
                        self.joined_str(spec)?;
                    }
                    self.emit(Instr::FormatValue {
                        conversion: conversion.map(|c| c as u8).unwrap_or(0),
                        spec: format_spec.is_some(),
                    });
                    n += 1;
                }
            }
        }
        if n > 1 {
            self.emit(Instr::BuildString(n));
        } else if matches!(parts[0], FStringPart::Literal(_)) {
            // A single literal is already a str.
        }
        Ok(())
    }

    fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), SyntaxError> {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        // Zero-argument super() needs the class and the first argument.
        if let ExprKind::Name(n) = &func.kind {
            if &**n == "super" && args.is_empty() && keywords.is_empty() {
                return self.zero_arg_super(e);
            }
        }
        if !has_star && keywords.is_empty() {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                self.expr(value)?;
                let i = self.name_idx(attr);
                self.u().line = func.span.end_line;
                self.emit(Instr::LoadMethod(i));
                for a in args {
                    self.expr(a)?;
                }
                self.u().line = e.span.line;
                self.emit(Instr::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(func)?;
        if has_star {
            self.emit(Instr::BuildList(0));
            for a in args {
                match &a.kind {
                    ExprKind::Starred(inner) => {
                        self.expr(inner)?;
                        self.emit(Instr::ListExtend(1));
                    }
                    _ => {
                        self.expr(a)?;
                        self.emit(Instr::ListAppend(1));
                    }
                }
            }
            self.emit(Instr::ListToTuple);
            if !keywords.is_empty() {
                self.emit(Instr::BuildMap(0));
                for k in keywords {
                    match &k.arg {
                        Some(name) => {
                            let c = self.str_const(name);
                            self.emit(Instr::LoadConst(c));
                            self.expr(&k.value)?;
                            self.emit(Instr::MapAdd(1));
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Instr::DictUpdate(1));
                        }
                    }
                }
            }
            self.emit(Instr::CallEx {
                kwargs: !keywords.is_empty(),
            });
            return Ok(());
        }
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.emit(Instr::Call(args.len() as u32));
            return Ok(());
        }
        let mut names: Vec<Rc<str>> = Vec::new();
        for k in keywords {
            let name = k.arg.clone().expect("no ** keywords on this path");
            if names.contains(&name) {
                return Err(err(format!("keyword argument repeated: {}", name), k.span));
            }
            names.push(name);
            self.expr(&k.value)?;
        }
        let names = self.add_const(Const::Names(names.into()));
        self.emit(Instr::CallKw {
            argc: (args.len() + keywords.len()) as u32,
            names,
        });
        Ok(())
    }

    fn zero_arg_super(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        let super_name: Rc<str> = "super".into();
        self.load_name(&super_name);
        let has_class = self.u().cellnames.iter().any(|n| &**n == "__class__");
        let first = self.u().varnames.first().cloned();
        match (has_class, first, self.u().kind) {
            (true, Some(first), CodeKind::Function) => {
                let i = self.cell_idx("__class__");
                self.emit(Instr::LoadDeref(i));
                self.load_name(&first);
                self.emit(Instr::Call(2));
                Ok(())
            }
            _ => {
                // Let the runtime raise CPython's "super(): no arguments".
                let _ = e;
                self.emit(Instr::Call(0));
                Ok(())
            }
        }
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        comp: Comp<'a>,
        generators: &'a [Comprehension],
    ) -> Result<(), SyntaxError> {
        let any_async = generators.iter().any(|g| g.is_async);
        if any_async && matches!(comp, Comp::Gen(_)) {
            return Err(unsupported("asynchronous generator expressions", e.span));
        }
        if any_async && !self.u().is_async {
            return Err(err(
                "asynchronous comprehension outside of an asynchronous function",
                e.span,
            ));
        }
        let key = key_of_expr(e);
        let qualname = self.qualname_for(name);
        let outer_async = self.u().is_async;
        self.enter(key, CodeKind::Function, name.into(), qualname, e.span.line);
        self.u().line = e.span.line;
        // Comprehensions may await inside async functions (3.8+ allows it).
        self.u().is_async = outer_async && !matches!(comp, Comp::Gen(_));
        let is_gen = matches!(comp, Comp::Gen(_));
        match comp {
            Comp::List(_) => {
                self.emit(Instr::BuildList(0));
            }
            Comp::Set(_) => {
                self.emit(Instr::BuildSet(0));
            }
            Comp::Dict(..) => {
                self.emit(Instr::BuildMap(0));
            }
            Comp::Gen(_) => {}
        }
        let dot0: Rc<str> = ".0".into();
        let mut loops: Vec<(Label, usize, bool)> = Vec::new();
        for (i, g) in generators.iter().enumerate() {
            if i == 0 {
                let idx = self.var_idx(&dot0);
                self.emit(Instr::LoadFast(idx));
            } else {
                self.expr(&g.iter)?;
                self.emit(if g.is_async {
                    Instr::GetAIter
                } else {
                    Instr::GetIter
                });
            }
            let start = self.here();
            let head = self.loop_next(g.is_async);
            self.store(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
                self.emit(Instr::PopJumpIfFalse(start));
            }
            loops.push((start, head, g.is_async));
        }
        let depth = generators.len() as u32 + 1;
        match comp {
            Comp::List(elt) => {
                self.expr(elt)?;
                self.emit(Instr::ListAppend(depth));
            }
            Comp::Set(elt) => {
                self.expr(elt)?;
                self.emit(Instr::SetAdd(depth));
            }
            Comp::Dict(k, v) => {
                self.expr(k)?;
                self.expr(v)?;
                self.emit(Instr::MapAdd(depth));
            }
            Comp::Gen(elt) => {
                self.expr(elt)?;
                self.emit(Instr::YieldValue);
                self.emit(Instr::Pop);
            }
        }
        for (start, head, is_async) in loops.into_iter().rev() {
            self.emit(Instr::Jump(start));
            self.loop_end(head, is_async);
        }
        if is_gen {
            self.emit_const(Const::None);
        }
        self.emit(Instr::Return);
        // One that awaits is a coroutine, awaited right here (as CPython).
        let awaits = self.u().awaits;
        let flags = CodeFlags {
            coroutine: awaits,
            generator: is_gen,
            varargs: false,
            varkeywords: false,
        };
        let code = self.leave(flags, 1, 0, 0);
        self.u().line = e.span.line;
        if awaits {
            self.u().awaits = true;
        }
        self.push_code(code, false, false)?;
        self.expr(&generators[0].iter)?;
        self.emit(if generators[0].is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if awaits {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum NameOp {
    Load,
    Store,
    Delete,
}

enum FunctionBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

#[derive(Clone, Copy)]
enum Display {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Gen(&'a Expr),
    Dict(&'a Expr, &'a Expr),
}

fn constant(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => Const::Int(*i),
        Constant::Float(f) => Const::Float(*f),
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
        Constant::Ellipsis => Const::Ellipsis,
    }
}
