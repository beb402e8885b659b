//! Functions and classes each become a code object, compiled in a unit of
//! their own and made into a function or class at run time. Defaults,
//! closures and the `__class__` cell are handled here once, for `def` and
//! `class` and for the lambdas and comprehensions that reuse this.

use std::rc::Rc;

use crate::lang::ast::*;
use crate::lang::bytecode::{Code, CodeFlags, CodeKind, Const, Instr};
use crate::lang::error::SyntaxError;
use crate::lang::symtable::{key_of_class, key_of_def, ScopeKey};

use super::{unsupported, Compiler, Loc};

impl<'a> Compiler<'a> {
    pub(super) fn function_def(&mut self, def: &'a Rc<FunctionDef>) -> Result<(), SyntaxError> {
        let statement = self.u().loc;
        for d in &def.decorators {
            self.expr(d)?;
        }
        let qualname = self.qualname_for_def(&def.name);
        self.make_function(
            key_of_def(def),
            def.name.clone(),
            qualname,
            def.first_line,
            &def.params,
            def.is_async,
            FunctionBody::Stmts(&def.body, &def.returns),
        )?;
        // Each decorator is called where it is written (3.10: at the
        // `def` line), innermost first.
        for d in def.decorators.iter().rev() {
            self.u().loc = self.decorator_loc(d, def.span);
            self.emit(Instr::Call(1));
        }
        self.u().loc = statement;
        self.store_name(&def.name);
        Ok(())
    }

    /// Where the call of `decorator` is placed: its own span, or in
    /// 3.10 the definition's header.
    fn decorator_loc(&self, decorator: &Expr, header: Span) -> Loc {
        if self.dialect.decorators_at_definition {
            header.into()
        } else {
            decorator.span.into()
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn make_function(
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
        let has_annotations = match body {
            FunctionBody::Stmts(_, returns) => self.annotations(params, returns)?,
            FunctionBody::Expr(_) => false,
        };

        self.enter(key, CodeKind::Function, name, qualname, first_line);
        self.u().is_async = is_async;
        match body {
            FunctionBody::Stmts(stmts, _) => {
                let stmts = match super::doc_of(stmts) {
                    Some(doc) => {
                        self.u().doc = Some(doc);
                        &stmts[1..]
                    }
                    None => stmts,
                };
                self.stmts(stmts)?;
                if !matches!(self.u().instrs.last(), Some(Instr::Return)) {
                    self.emit_const(Const::None);
                    self.emit(Instr::Return);
                }
            }
            FunctionBody::Expr(e) => {
                self.u().loc = e.span.into();
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
            iterable_coroutine: false,
        };
        let code = self.leave(
            flags,
            params.args.len() as u32,
            params.posonly as u32,
            params.kwonly.len() as u32,
        );
        self.push_function(code, has_defaults, has_kwdefaults, has_annotations)
    }

    /// Pushes the dict of a `def`'s annotations (parameters in order,
    /// then `return`), if it has any; returns whether it did.
    fn annotations(
        &mut self,
        params: &'a Params,
        returns: &'a Option<Expr>,
    ) -> Result<bool, SyntaxError> {
        let all = params
            .args
            .iter()
            .chain(params.vararg.iter())
            .chain(params.kwonly.iter())
            .chain(params.kwarg.iter());
        let mut n = 0;
        for p in all {
            if let Some(a) = &p.annotation {
                let name = self.mangle(&p.name);
                let c = self.str_const(&name);
                self.emit(Instr::LoadConst(c));
                self.annotation(a)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            let c = self.str_const("return");
            self.emit(Instr::LoadConst(c));
            self.annotation(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n));
        }
        Ok(n > 0)
    }

    /// Emits the closure (if the code captures anything) and `MakeFunction`.
    pub(super) fn push_code(
        &mut self,
        code: Code,
        defaults: bool,
        kwdefaults: bool,
    ) -> Result<(), SyntaxError> {
        self.push_function(code, defaults, kwdefaults, false)
    }

    fn push_function(
        &mut self,
        code: Code,
        defaults: bool,
        kwdefaults: bool,
        annotations: bool,
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
            annotations,
            closure,
        });
        Ok(())
    }

    pub(super) fn class_def(&mut self, def: &'a Rc<ClassDef>) -> Result<(), SyntaxError> {
        let statement = self.u().loc;
        for d in &def.decorators {
            self.expr(d)?;
        }
        let key = key_of_class(def);
        let qualname = self.qualname_for_def(&def.name);
        self.enter(
            key,
            CodeKind::Class,
            def.name.clone(),
            qualname,
            def.span.line,
        );
        self.setup_annotations(&def.body);
        let body = self.docstring(&def.body);
        self.stmts(body)?;
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
        self.u().loc = statement;
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
        self.u().loc = statement;
        self.emit(Instr::BuildClass {
            name,
            kwargs: has_kw,
        });
        for d in def.decorators.iter().rev() {
            self.u().loc = self.decorator_loc(d, def.span);
            self.emit(Instr::Call(1));
        }
        self.u().loc = statement;
        self.store_name(&def.name);
        Ok(())
    }
}

/// What a function's body is: statements (with the `def`'s return
/// annotation), or a lambda's expression.
#[derive(Clone, Copy)]
pub(super) enum FunctionBody<'a> {
    Stmts(&'a [Stmt], &'a Option<Expr>),
    Expr(&'a Expr),
}
