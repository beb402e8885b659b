//! Expressions, everything that leaves one value on the stack: operators,
//! displays, f-strings, calls (with the method-call path and zero-argument
//! `super()`) and comprehensions, which compile into a nested code object
//! called in place.

use std::rc::Rc;

use crate::lang::ast::*;
use crate::lang::bytecode::{CodeFlags, CodeKind, Const, Instr, Label};
use crate::lang::error::SyntaxError;
use crate::lang::symtable::key_of_expr;

use super::definitions::FunctionBody;
use super::{err, fold, from_attr, Compiler};

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        let saved = self.u().loc;
        self.u().loc = e.span.into();
        self.expr_inner(e)?;
        self.u().loc = saved;
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
                let i = self.attr_idx(attr);
                self.u().loc = from_attr(e.span.into(), e.span, attr);
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
                        Constant::BigInt(b) => {
                            let negated = -(**b).clone();
                            self.emit_const(match i64::try_from(&negated) {
                                Ok(i) => Const::Int(i),
                                Err(_) => Const::BigInt(Rc::new(negated)),
                            });
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
                let last = ops.len() - 1;
                let in_test = matches!(ops[last], CmpOp::In | CmpOp::NotIn);
                if ops.len() == 1 {
                    if in_test {
                        self.iterable(&comparators[0])?;
                    } else {
                        self.expr(&comparators[0])?;
                    }
                    self.emit(Instr::Compare(ops[0]));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, c)) in ops.iter().zip(comparators.iter()).enumerate() {
                        if i == last && in_test {
                            self.iterable(c)?;
                        } else {
                            self.expr(c)?;
                        }
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
                self.emit(Instr::GetYieldFromIter);
                self.emit_const(Const::None);
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

    /// An iterable of `for`, a comprehension or `in`: a set display of
    /// constants is a frozenset constant.
    pub(super) fn iterable(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        if let Some(c) = fold::iterable_constant(e) {
            self.u().loc = e.span.into();
            self.emit_const(c);
            return Ok(());
        }
        self.expr(e)
    }

    fn display(&mut self, items: &'a [Expr], kind: Display) -> Result<(), SyntaxError> {
        // More than two constants: a frozenset constant merged into a new
        // set (CPython's `starunpack_helper`).
        if let (Display::Set, true) = (kind, items.len() > 2) {
            if let Some(consts) = fold::constant_set(items) {
                self.emit(Instr::BuildSet(0));
                self.emit_const(Const::FrozenSet(consts));
                self.emit(Instr::ListExtend(1));
                return Ok(());
            }
        }
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
                let i = self.attr_idx(attr);
                // Both the method's lookup and its call are placed from
                // the attribute's name on, as CPython 3.11 does when the
                // call starts on another line.
                let call = self.u().loc;
                self.u().loc = from_attr(func.span.into(), func.span, attr);
                self.emit(Instr::LoadMethod(i));
                for a in args {
                    self.expr(a)?;
                }
                self.u().loc = from_attr(call, func.span, attr);
                self.emit(Instr::CallMethod(args.len() as u32));
                self.u().loc = call;
                return Ok(());
            }
        }
        self.expr(func)?;
        if has_star {
            self.check_repeated_keywords(keywords)?;
            match args {
                // `f(*xs)` passes the iterable itself: the call checks it.
                [Expr {
                    kind: ExprKind::Starred(inner),
                    ..
                }] => self.expr(inner)?,
                _ => {
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
                }
            }
            if !keywords.is_empty() {
                self.emit(Instr::BuildMap(0));
                let mut merged = false;
                for k in keywords {
                    match &k.arg {
                        // Before any `**`, names cannot clash (the parser
                        // refuses repeats); after one, they are merged with
                        // the check for a second value.
                        Some(name) => {
                            let c = self.str_const(name);
                            self.emit(Instr::LoadConst(c));
                            self.expr(&k.value)?;
                            if merged {
                                self.emit(Instr::BuildMap(1));
                                self.emit(Instr::DictMerge(1));
                            } else {
                                self.emit(Instr::MapAdd(1));
                            }
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Instr::DictMerge(1));
                            merged = true;
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
        self.check_repeated_keywords(keywords)?;
        let mut names: Vec<Rc<str>> = Vec::new();
        for k in keywords {
            if let Some(name) = &k.arg {
                names.push(name.clone());
            }
            self.expr(&k.value)?;
        }
        let names = self.add_const(Const::Names(names.into()));
        self.emit(Instr::CallKw {
            argc: (args.len() + keywords.len()) as u32,
            names,
        });
        Ok(())
    }

    /// CPython's "keyword argument repeated" for `f(x=1, x=2)`.
    fn check_repeated_keywords(&self, keywords: &[Keyword]) -> Result<(), SyntaxError> {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.arg {
                if keywords[..i].iter().any(|o| o.arg.as_ref() == Some(name)) {
                    return Err(err(format!("keyword argument repeated: {}", name), k.span));
                }
            }
        }
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
        let is_gen = matches!(comp, Comp::Gen(_));
        if any_async && !is_gen && !self.u().is_async {
            return Err(err(
                "asynchronous comprehension outside of an asynchronous function",
                e.span,
            ));
        }
        let key = key_of_expr(e);
        let qualname = self.qualname_for(name);
        let outer_async = self.u().is_async;
        self.enter(key, CodeKind::Function, name.into(), qualname, e.span.line);
        self.u().loc = e.span.into();
        // Comprehensions may await inside async functions (3.8+ allows
        // it); a generator expression that awaits, anywhere, is an
        // asynchronous generator expression.
        self.u().is_async = outer_async || is_gen;
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
                self.iterable(&g.iter)?;
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
        // One that awaits is a coroutine, awaited right here (as CPython);
        // a generator expression that awaits is an async generator, which
        // is only created here.
        let awaits = self.u().awaits || (is_gen && any_async);
        let flags = CodeFlags {
            coroutine: awaits,
            generator: is_gen,
            varargs: false,
            varkeywords: false,
            iterable_coroutine: false,
        };
        let code = self.leave(flags, 1, 0, 0);
        self.u().loc = e.span.into();
        let awaits = awaits && !is_gen;
        if awaits {
            self.u().awaits = true;
        }
        self.push_code(code, false, false)?;
        self.iterable(&generators[0].iter)?;
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

pub(super) fn constant(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => Const::Int(*i),
        Constant::BigInt(b) => Const::BigInt(b.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
        Constant::Ellipsis => Const::Ellipsis,
    }
}
