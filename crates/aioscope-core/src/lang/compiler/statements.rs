//! Statements, and the control flow among them: loops, `try`, `with`, and
//! the unwinding that an early exit (`return`, `break`, `continue`) emits
//! for every block it leaves, which is where the inline `finally` copies
//! come from. They are together because they all work the unit's block
//! stack.

use std::rc::Rc;

use crate::lang::ast::*;
use crate::lang::bytecode::{CodeKind, Const, Instr};
use crate::lang::error::SyntaxError;

use super::{err, unsupported, Compiler, FBlock};

/// CPython's error for leaving an `except*` handler early.
const STAR_HANDLER_EXIT: &str =
    "'break', 'continue' and 'return' cannot appear in an except* block";

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        self.u().loc = super::extent(s);
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
                    self.u().loc = super::extent(s);
                    self.annotation(annotation)?;
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
                if self
                    .u()
                    .fblocks
                    .iter()
                    .any(|b| matches!(b, FBlock::StarHandler))
                {
                    let at = value.as_ref().map_or(s.span, |v| v.span);
                    return Err(err(STAR_HANDLER_EXIT, at));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Const::None),
                }
                self.unwind_all(true)?;
                self.u().loc = super::extent(s);
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
                self.u().loc = super::extent(s);
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
                self.iterable(iter)?;
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
                self.u().loc = super::extent(s);
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
                    self.try_handlers(body, handlers, orelse)?;
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
                self.with(items, body, *is_async, super::extent(s))?;
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
                self.check_future_position(s)?;
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
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                // The failure is placed at the test, as CPython does.
                self.u().loc = test.span.into();
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
        // The target is read and written at its own place, the operator
        // runs at the statement's (as CPython places them).
        let statement = self.u().loc;
        let at_target: super::Loc = target.span.into();
        match &target.kind {
            ExprKind::Name(n) => {
                self.u().loc = at_target;
                self.load_name(n);
                self.expr(value)?;
                self.u().loc = statement;
                self.emit(Instr::Inplace(op));
                self.u().loc = at_target;
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.u().loc = super::from_attr(at_target, target.span, attr);
                self.emit(Instr::Dup);
                let i = self.attr_idx(attr);
                self.emit(Instr::LoadAttr(i));
                self.expr(value)?;
                self.u().loc = statement;
                self.emit(Instr::Inplace(op));
                self.u().loc = super::from_attr(at_target, target.span, attr);
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.u().loc = at_target;
                self.emit(Instr::Dup2);
                self.emit(Instr::Subscr);
                self.expr(value)?;
                self.u().loc = statement;
                self.emit(Instr::Inplace(op));
                self.u().loc = at_target;
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
                if returning {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if returning {
                    self.u().fblocks.pop();
                }
            }
            FBlock::PopValue => {
                if returning {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
            }
            FBlock::FinallyEnd => {
                if returning {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
                self.emit(Instr::PopExcept);
            }
            // `return` out of it is refused before unwinding.
            FBlock::StarHandler => {}
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
        for b in self.u().fblocks.iter().rev() {
            match b {
                FBlock::While { .. } | FBlock::For { .. } => break,
                FBlock::StarHandler => return Err(err(STAR_HANDLER_EXIT, span)),
                _ => {}
            }
        }
        let saved = self.u().fblocks.clone();
        loop {
            let Some(block) = self.u().fblocks.pop() else {
                self.u().fblocks = saved;
                let msg = if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                };
                return Err(err(msg, span));
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

    /// `try` with `except` or `except*` handlers (all of one kind).
    fn try_handlers(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        if handlers.first().is_some_and(|h| h.is_star) {
            self.try_star(body, handlers, orelse)
        } else {
            self.try_except(body, handlers, orelse)
        }
    }

    /// `try` with `except*` handlers. The handler block gets the exception
    /// and keeps `orig rest raised` on the stack: each handler takes its
    /// part of `rest`, what it raises is appended to `raised`, and the end
    /// re-raises what is left with what was raised.
    fn try_star(
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
        let to_end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::Dup);
        self.emit(Instr::BuildList(0));
        for h in handlers {
            self.u().loc = h.span.into();
            if let Some(t) = &h.typ {
                self.expr(t)?;
            }
            let no_match = self.emit(Instr::ExcStarMatch(0));
            self.emit(Instr::PushExcInfo);
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            let raised = self.emit(Instr::SetupExcept(0));
            self.u().fblocks.push(FBlock::StarHandler);
            self.stmts(&h.body)?;
            self.u().fblocks.pop();
            self.emit(Instr::PopBlock);
            self.emit(Instr::PopExcept);
            self.clear_handler_name(&h.name);
            let done = self.emit(Instr::Jump(0));
            self.patch(raised);
            self.emit(Instr::PopExcept);
            self.emit(Instr::ListAppend(1));
            self.clear_handler_name(&h.name);
            self.patch(done);
            self.patch(no_match);
        }
        self.emit(Instr::ExcStarReraise);
        self.emit(Instr::PopExcept);
        self.patch(to_end);
        Ok(())
    }

    /// `except ... as name` unbinds the name when the handler ends.
    fn clear_handler_name(&mut self, name: &Option<Rc<str>>) {
        if let Some(n) = name {
            self.emit_const(Const::None);
            self.store_name(n);
            self.delete_name(n);
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
            self.u().loc = h.span.into();
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
            self.try_handlers(body, handlers, orelse)?;
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
        with_loc: super::Loc,
    ) -> Result<(), SyntaxError> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&item.context_expr)?;
        self.u().loc = with_loc;
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
            self.with(rest, body, is_async, with_loc)?;
        }
        self.u().fblocks.pop();
        self.u().loc = with_loc;
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
}
