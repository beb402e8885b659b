//! `match` statements. Each case matches a copy of the subject; a pattern
//! consumes the value on top of the stack and, on success, leaves what it
//! captured on the stack (below the items it is still working on), so
//! that names are bound only once the whole pattern matched. A failed
//! check jumps to a chain of `Pop`s that removes exactly what was on the
//! stack at that point, then goes on with the next case.

use std::rc::Rc;

use crate::lang::ast::*;
use crate::lang::bytecode::{Const, Instr};
use crate::lang::error::SyntaxError;

use super::{err, Compiler};

/// The state of one case's (or one alternative's) pattern while compiling.
struct Ctx {
    /// Names captured so far, in the order their values sit on the stack.
    stores: Vec<Rc<str>>,
    /// Whether a pattern that always matches is allowed here (the last
    /// case, a guarded case, or inside a bigger pattern).
    allow_irrefutable: bool,
    /// Failure jumps, each with how many items are on the stack (above
    /// the case's start) when it is taken.
    fails: Vec<(usize, usize)>,
    /// Items above the captures that the pattern is working on, not
    /// counting the value being matched.
    on_top: usize,
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(
        &mut self,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> Result<(), SyntaxError> {
        self.expr(subject)?;
        let mut to_end = Vec::new();
        for (i, case) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            self.u().loc = case.pattern.span.into();
            if !last {
                self.emit(Instr::Dup);
            }
            let mut ctx = Ctx {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || last,
                fails: Vec::new(),
                on_top: 0,
            };
            self.pattern(&case.pattern, &mut ctx)?;
            for name in ctx.stores.iter().rev() {
                self.store_name(name);
            }
            if let Some(guard) = &case.guard {
                self.expr(guard)?;
                let j = self.emit(Instr::PopJumpIfFalse(0));
                ctx.fails.push((j, 0));
            }
            if !last {
                self.emit(Instr::Pop);
            }
            self.stmts(&case.body)?;
            to_end.push(self.emit(Instr::Jump(0)));
            self.u().loc = case.pattern.span.into();
            self.emit_fail_pops(ctx.fails);
        }
        for j in to_end {
            self.patch(j);
        }
        Ok(())
    }

    /// The `Pop` chain the failure jumps lead to, deepest first.
    fn emit_fail_pops(&mut self, fails: Vec<(usize, usize)>) {
        let deepest = fails.iter().map(|f| f.1).max().unwrap_or(0);
        for n in (0..=deepest).rev() {
            for &(j, c) in &fails {
                if c == n {
                    self.patch(j);
                }
            }
            if n > 0 {
                self.emit(Instr::Pop);
            }
        }
    }

    fn fail_if(&mut self, jump: Instr, ctx: &mut Ctx) {
        let j = self.emit(jump);
        ctx.fails.push((j, ctx.stores.len() + ctx.on_top));
    }

    /// Moves the item `depth` places from the top to the top.
    fn lift(&mut self, depth: usize) {
        for _ in 1..depth {
            self.emit(Instr::RotN(depth as u32));
        }
    }

    /// Keeps the value on top as the capture of `name`, below the items
    /// still being worked on.
    fn capture(&mut self, name: &Rc<str>, span: Span, ctx: &mut Ctx) -> Result<(), SyntaxError> {
        if ctx.stores.contains(name) {
            return Err(err(
                format!("multiple assignments to name '{}' in pattern", name),
                span,
            ));
        }
        if ctx.on_top > 0 {
            self.emit(Instr::RotN(ctx.on_top as u32 + 1));
        }
        ctx.stores.push(name.clone());
        Ok(())
    }

    /// A pattern inside another, where always-matching ones are fine.
    fn subpattern(&mut self, p: &'a Pattern, ctx: &mut Ctx) -> Result<(), SyntaxError> {
        let allow = std::mem::replace(&mut ctx.allow_irrefutable, true);
        let r = self.pattern(p, ctx);
        ctx.allow_irrefutable = allow;
        r
    }

    fn pattern(&mut self, p: &'a Pattern, ctx: &mut Ctx) -> Result<(), SyntaxError> {
        self.u().loc = p.span.into();
        match &p.kind {
            PatternKind::Value(value) => {
                self.expr(value)?;
                self.emit(Instr::Compare(CmpOp::Eq));
                self.fail_if(Instr::PopJumpIfFalse(0), ctx);
            }
            PatternKind::Singleton(c) => {
                self.emit_const(match c {
                    Constant::Bool(b) => Const::Bool(*b),
                    _ => Const::None,
                });
                self.emit(Instr::Compare(CmpOp::Is));
                self.fail_if(Instr::PopJumpIfFalse(0), ctx);
            }
            PatternKind::As { pattern, name } => {
                let Some(inner) = pattern else {
                    if !ctx.allow_irrefutable {
                        let msg = match name {
                            Some(n) => {
                                format!("name capture '{}' makes remaining patterns unreachable", n)
                            }
                            None => "wildcard makes remaining patterns unreachable".into(),
                        };
                        return Err(err(msg, p.span));
                    }
                    match name {
                        Some(n) => self.capture(n, p.span, ctx)?,
                        None => {
                            self.emit(Instr::Pop);
                        }
                    }
                    return Ok(());
                };
                self.emit(Instr::Dup);
                ctx.on_top += 1;
                self.pattern(inner, ctx)?;
                ctx.on_top -= 1;
                if let Some(n) = name {
                    self.capture(n, p.span, ctx)?;
                }
            }
            PatternKind::Star(_) => {
                return Err(err("can't use starred name here", p.span));
            }
            PatternKind::Sequence(items) => self.sequence_pattern(p, items, ctx)?,
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(p, keys, patterns, rest, ctx)?,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, ctx)?,
            PatternKind::Or(alts) => self.or_pattern(alts, ctx)?,
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        p: &'a Pattern,
        items: &'a [Pattern],
        ctx: &mut Ctx,
    ) -> Result<(), SyntaxError> {
        let stars: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i.kind, PatternKind::Star(_)))
            .map(|(n, _)| n)
            .collect();
        if stars.len() > 1 {
            return Err(err("multiple starred names in sequence pattern", p.span));
        }
        let n = items.len();
        ctx.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.fail_if(Instr::PopJumpIfFalse(0), ctx);
        match stars.first() {
            None => {
                self.emit(Instr::GetLen);
                self.emit_const(Const::Int(n as i64));
                self.emit(Instr::Compare(CmpOp::Eq));
                self.fail_if(Instr::PopJumpIfFalse(0), ctx);
            }
            Some(_) if n > 1 => {
                self.emit(Instr::GetLen);
                self.emit_const(Const::Int(n as i64 - 1));
                self.emit(Instr::Compare(CmpOp::GtE));
                self.fail_if(Instr::PopJumpIfFalse(0), ctx);
            }
            Some(_) => {}
        }
        ctx.on_top -= 1;
        let wildcard = |i: &Pattern| {
            matches!(
                i.kind,
                PatternKind::Star(None)
                    | PatternKind::As {
                        pattern: None,
                        name: None
                    }
            )
        };
        if items.iter().all(wildcard) {
            self.emit(Instr::Pop);
            return Ok(());
        }
        match stars.first() {
            Some(&at) => self.emit(Instr::UnpackEx {
                before: at as u32,
                after: (n - at - 1) as u32,
            }),
            None => self.emit(Instr::UnpackSequence(n as u32)),
        };
        ctx.on_top += n;
        for item in items {
            ctx.on_top -= 1;
            match &item.kind {
                PatternKind::Star(Some(name)) => self.capture(name, item.span, ctx)?,
                PatternKind::Star(None) => {
                    self.emit(Instr::Pop);
                }
                _ => self.subpattern(item, ctx)?,
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        p: &'a Pattern,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: &'a Option<Rc<str>>,
        ctx: &mut Ctx,
    ) -> Result<(), SyntaxError> {
        ctx.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.fail_if(Instr::PopJumpIfFalse(0), ctx);
        if keys.is_empty() && rest.is_none() {
            ctx.on_top -= 1;
            self.emit(Instr::Pop);
            return Ok(());
        }
        let n = keys.len();
        if n > 0 {
            self.emit(Instr::GetLen);
            self.emit_const(Const::Int(n as i64));
            self.emit(Instr::Compare(CmpOp::GtE));
            self.fail_if(Instr::PopJumpIfFalse(0), ctx);
        }
        let mut seen: Vec<&Constant> = Vec::new();
        for k in keys {
            if let ExprKind::Constant(c) = &k.kind {
                if seen.iter().any(|s| same_key(s, c)) {
                    return Err(err(
                        format!(
                            "mapping pattern checks duplicate key ({})",
                            constant_repr(c)
                        ),
                        p.span,
                    ));
                }
                seen.push(c);
            }
            self.expr(k)?;
        }
        self.emit(Instr::BuildTuple(n as u32));
        self.emit(Instr::MatchKeys);
        ctx.on_top += 2;
        self.emit(Instr::Dup);
        self.emit_const(Const::None);
        self.emit(Instr::Compare(CmpOp::IsNot));
        self.fail_if(Instr::PopJumpIfFalse(0), ctx);
        self.emit(Instr::UnpackSequence(n as u32));
        ctx.on_top = ctx.on_top + n - 1;
        for sub in patterns {
            ctx.on_top -= 1;
            self.subpattern(sub, ctx)?;
        }
        ctx.on_top -= 2;
        match rest {
            Some(name) => {
                self.emit(Instr::MappingRest);
                self.capture(name, p.span, ctx)?;
            }
            None => {
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [Rc<str>],
        kwd_patterns: &'a [Pattern],
        ctx: &mut Ctx,
    ) -> Result<(), SyntaxError> {
        for (i, a) in kwd_attrs.iter().enumerate() {
            if kwd_attrs[..i].contains(a) {
                return Err(err(
                    format!("attribute name repeated in class pattern: {}", a),
                    kwd_patterns[i].span,
                ));
            }
        }
        self.expr(cls)?;
        let names = kwd_attrs.iter().map(|a| Const::Str(a.clone())).collect();
        self.emit_const(Const::Tuple(names));
        self.emit(Instr::MatchClass(patterns.len() as u32));
        self.emit(Instr::Dup);
        self.emit_const(Const::None);
        self.emit(Instr::Compare(CmpOp::IsNot));
        ctx.on_top += 1;
        self.fail_if(Instr::PopJumpIfFalse(0), ctx);
        let total = patterns.len() + kwd_patterns.len();
        self.emit(Instr::UnpackSequence(total as u32));
        ctx.on_top = ctx.on_top + total - 1;
        for sub in patterns.iter().chain(kwd_patterns) {
            ctx.on_top -= 1;
            if let PatternKind::As {
                pattern: None,
                name: None,
            } = sub.kind
            {
                self.emit(Instr::Pop);
            } else {
                self.subpattern(sub, ctx)?;
            }
        }
        Ok(())
    }

    /// `p | q`: each alternative tries a copy of the subject with captures
    /// of its own, put in the first alternative's order on success.
    fn or_pattern(&mut self, alts: &'a [Pattern], ctx: &mut Ctx) -> Result<(), SyntaxError> {
        let mut control: Option<Vec<Rc<str>>> = None;
        let mut to_end = Vec::new();
        for (i, alt) in alts.iter().enumerate() {
            let mut sub = Ctx {
                stores: Vec::new(),
                allow_irrefutable: i + 1 == alts.len() && ctx.allow_irrefutable,
                fails: Vec::new(),
                on_top: 0,
            };
            self.emit(Instr::Dup);
            self.pattern(alt, &mut sub)?;
            match &control {
                None => control = Some(sub.stores.clone()),
                Some(names) => {
                    let same_set = names.len() == sub.stores.len()
                        && names.iter().all(|n| sub.stores.contains(n));
                    if !same_set {
                        return Err(err("alternative patterns bind different names", alt.span));
                    }
                    if *names != sub.stores {
                        let mut order = sub.stores.clone();
                        for name in names {
                            let at = order.iter().position(|n| n == name).unwrap_or(0);
                            self.lift(order.len() - at);
                            let moved = order.remove(at);
                            order.push(moved);
                        }
                    }
                }
            }
            to_end.push(self.emit(Instr::Jump(0)));
            self.emit_fail_pops(sub.fails);
        }
        // No alternative matched: drop the subject and fail.
        self.emit(Instr::Pop);
        self.fail_if(Instr::Jump(0), ctx);
        for j in to_end {
            self.patch(j);
        }
        let names = control.unwrap_or_default();
        let k = names.len();
        // The subject sits below the new captures: drop it, then move the
        // captures below the items being worked on.
        self.lift(k + 1);
        self.emit(Instr::Pop);
        if ctx.on_top > 0 {
            for _ in 0..k {
                self.emit(Instr::RotN((k + ctx.on_top) as u32));
            }
        }
        for name in names {
            if ctx.stores.contains(&name) {
                return Err(err(
                    format!("multiple assignments to name '{}' in pattern", name),
                    alts[0].span,
                ));
            }
            ctx.stores.push(name);
        }
        Ok(())
    }
}

/// Whether two literal keys are the same key (`1` and `True` are).
fn same_key(a: &Constant, b: &Constant) -> bool {
    let num = |c: &Constant| match c {
        Constant::Int(i) => Some(*i as f64),
        Constant::Bool(b) => Some(f64::from(u8::from(*b))),
        Constant::Float(f) => Some(*f),
        _ => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// A literal key as `repr()` shows it, for the duplicate-key error.
fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => format!("{:?}", f),
        Constant::Str(s) => {
            let quote = if s.contains('\'') && !s.contains('"') {
                '"'
            } else {
                '\''
            };
            let mut out = String::new();
            out.push(quote);
            for ch in s.chars() {
                match ch {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    c if c == quote => {
                        out.push('\\');
                        out.push(c);
                    }
                    c => out.push(c),
                }
            }
            out.push(quote);
            out
        }
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Constant::Ellipsis => "Ellipsis".into(),
    }
}
