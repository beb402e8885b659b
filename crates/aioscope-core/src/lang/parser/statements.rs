//! Statements that end with their line: the module's statement loop,
//! expression statements and assignments, imports and the keyword
//! statements. Most of the weight is CPython's wording for a bad
//! assignment (`=` for `==`, `print x`, a literal on the left), which
//! needs the whole statement in view, so it lives here rather than with
//! the expressions.

use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::token::{Keyword as Kw, Op, TokenKind as K};

use super::expressions::{can_start_expr, BP_BOR};
use super::targets::{expr_name, invalid_target};
use super::{PResult, Parser};

impl<'a> Parser<'a> {
    pub(super) fn module(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        loop {
            match self.kind() {
                K::EndMarker => break,
                K::Newline => {
                    self.advance();
                }
                _ => self.statement(&mut body)?,
            }
        }
        Ok(Module { body })
    }

    pub(super) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        if !self.at_compound()? {
            return self.simple_stmts(out);
        }
        let stmt = self.compound()?;
        out.push(stmt);
        Ok(())
    }

    /// Whether a compound statement starts here; errors for what starts
    /// no statement at all.
    fn at_compound(&mut self) -> PResult<bool> {
        let t = self.tok();
        Ok(match t.kind {
            K::Keyword(Kw::If | Kw::While | Kw::For | Kw::Try | Kw::With | Kw::Def | Kw::Class)
            | K::Op(Op::At) => true,
            K::Keyword(Kw::Async) => {
                if !matches!(self.peek(1).kind, K::Keyword(Kw::Def | Kw::For | Kw::With)) {
                    self.advance();
                    return Err(self.syntax_error());
                }
                true
            }
            K::Indent => return Err(self.syntax_error()),
            K::Name if self.is_name(t, "match") && self.looks_like_match() => true,
            _ => false,
        })
    }

    /// A compound statement; [`Self::at_compound`] said one starts here.
    fn compound(&mut self) -> PResult<Stmt> {
        let t = self.tok();
        let after_async = self.peek(1).kind;
        match t.kind {
            K::Keyword(Kw::If) => self.if_stmt(),
            K::Keyword(Kw::While) => self.while_stmt(),
            K::Keyword(Kw::For) => self.for_stmt(t.span, false),
            K::Keyword(Kw::Try) => self.try_stmt(),
            K::Keyword(Kw::With) => self.with_stmt(t.span, false),
            K::Keyword(Kw::Class) => self.classdef(Vec::new()),
            K::Op(Op::At) => self.decorated(),
            K::Keyword(Kw::Async) if after_async == K::Keyword(Kw::For) => {
                self.advance();
                self.for_stmt(t.span, true)
            }
            K::Keyword(Kw::Async) if after_async == K::Keyword(Kw::With) => {
                self.advance();
                self.with_stmt(t.span, true)
            }
            K::Name => self.match_stmt(),
            _ => self.funcdef(Vec::new(), None),
        }
    }

    /// `match` is a soft keyword: only a line `match <subject>:` that
    /// opens a block is a match statement.
    fn looks_like_match(&mut self) -> bool {
        let starts_subject = match self.peek(1).kind {
            K::Name | K::Int(_) | K::BigInt | K::Float(_) | K::Imaginary | K::Str(_) => true,
            K::Keyword(kw) => matches!(
                kw,
                Kw::None | Kw::True | Kw::False | Kw::Not | Kw::Lambda | Kw::Await
            ),
            K::Op(op) => matches!(
                op,
                Op::LParen
                    | Op::LBracket
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Star
                    | Op::Ellipsis
            ),
            _ => false,
        };
        if !starts_subject {
            return false;
        }
        let rest = &self.toks[self.pos..];
        let ends_with_colon = match rest.iter().position(|t| {
            matches!(
                t.kind,
                K::Newline | K::EndMarker | K::Error | K::Op(Op::Semi)
            )
        }) {
            Some(i) if i >= 2 => rest[i].kind == K::Newline && rest[i - 1].kind == K::Op(Op::Colon),
            _ => false,
        };
        // `match x` alone on its line is a match statement missing its
        // colon, unless the line is a valid statement (`match(x)`).
        ends_with_colon
            || (!self.speculate(|p| p.simple_stmts(&mut Vec::new()))
                && self.speculate(|p| {
                    p.advance();
                    p.match_subject()?;
                    if p.kind() == K::Newline {
                        Ok(())
                    } else {
                        Err(p.syntax_error())
                    }
                }))
    }

    /// Simple statements separated by `;`, up to and including NEWLINE.
    pub(super) fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let first = self.pos;
            let stmt = self.simple_stmt()?;
            if self.eat_op(Op::Semi) {
                out.push(stmt);
                if self.kind() == K::Newline {
                    break;
                }
                continue;
            }
            if self.kind() != K::Newline {
                let last = match &stmt.kind {
                    StmtKind::Expr(e) => Some((e, first)),
                    StmtKind::Assign { value: e, .. }
                    | StmtKind::AugAssign { value: e, .. }
                    | StmtKind::AnnAssign {
                        annotation: _,
                        value: Some(e),
                        ..
                    }
                    | StmtKind::AnnAssign { annotation: e, .. }
                    | StmtKind::Return(Some(e)) => {
                        let e = match &e.kind {
                            ExprKind::Tuple(elts) if !elts.is_empty() => &elts[elts.len() - 1],
                            _ => e,
                        };
                        Some((e, self.token_at(e.span)))
                    }
                    _ => None,
                };
                return Err(match last {
                    Some((e, first)) => self.no_comma_error(e, first),
                    None => self.syntax_error(),
                });
            }
            out.push(stmt);
            break;
        }
        self.advance();
        Ok(())
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let t = self.tok();
        let start = t.span;
        match t.kind {
            K::Keyword(Kw::Pass) => {
                self.advance();
                Ok(self.stmt(start, StmtKind::Pass))
            }
            K::Keyword(Kw::Break) => {
                self.advance();
                Ok(self.stmt(start, StmtKind::Break))
            }
            K::Keyword(Kw::Continue) => {
                self.advance();
                Ok(self.stmt(start, StmtKind::Continue))
            }
            K::Keyword(Kw::Return) => {
                self.advance();
                let value = if can_start_expr(self.kind()) {
                    Some(self.star_expressions(None)?.0)
                } else {
                    None
                };
                Ok(self.stmt(start, StmtKind::Return(value)))
            }
            K::Keyword(Kw::Raise) => {
                self.advance();
                let (mut exc, mut cause) = (None, None);
                if can_start_expr(self.kind()) {
                    exc = Some(self.expression()?);
                    if self.eat_kw(Kw::From) {
                        cause = Some(self.expression()?);
                    }
                }
                Ok(self.stmt(start, StmtKind::Raise { exc, cause }))
            }
            K::Keyword(kw @ (Kw::Global | Kw::Nonlocal)) => {
                self.advance();
                let mut names = vec![self.expect_name()?.0];
                while self.eat_op(Op::Comma) {
                    names.push(self.expect_name()?.0);
                }
                let kind = if kw == Kw::Global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                };
                Ok(self.stmt(start, kind))
            }
            K::Keyword(Kw::Del) => {
                self.advance();
                let (e, is_tuple) = self.star_expressions(None)?;
                let targets = match e.kind {
                    ExprKind::Tuple(elts) if is_tuple => elts,
                    kind => vec![Expr { kind, span: e.span }],
                };
                for t in &targets {
                    if let Some(bad) = invalid_target(t, true) {
                        return Err(
                            self.err_span(format!("cannot delete {}", expr_name(bad)), bad.span)
                        );
                    }
                }
                Ok(self.stmt(start, StmtKind::Delete(targets)))
            }
            K::Keyword(Kw::Assert) => {
                self.advance();
                let test = self.expression()?;
                let msg = if self.eat_op(Op::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
                Ok(self.stmt(start, StmtKind::Assert { test, msg }))
            }
            K::Keyword(Kw::Import) => self.import(),
            K::Keyword(Kw::From) => self.import_from(),
            _ => self.expr_stmt(),
        }
    }

    fn import(&mut self) -> PResult<Stmt> {
        let start = self.advance().span;
        let mut names = Vec::new();
        loop {
            let a_start = self.tok().span;
            let name = self.dotted_name()?;
            let asname = if self.eat_kw(Kw::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.span_from(a_start),
            });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(self.stmt(start, StmtKind::Import(names)))
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = String::from(&*self.expect_name()?.0);
        while self.eat_op(Op::Dot) {
            name.push('.');
            name.push_str(&self.expect_name()?.0);
        }
        Ok(name)
    }

    fn import_from(&mut self) -> PResult<Stmt> {
        let start = self.advance().span;
        let mut level = 0u32;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.kind() == K::Name || level == 0 {
            self.dotted_name()?
        } else {
            String::new()
        };
        if !self.eat_kw(Kw::Import) {
            return Err(self.syntax_error());
        }
        let mut names = Vec::new();
        if self.is_op(Op::Star) {
            let t = self.advance();
            names.push(Alias {
                name: "*".into(),
                asname: None,
                span: t.span,
            });
        } else {
            let parens = self.eat_op(Op::LParen);
            loop {
                let a_start = self.tok().span;
                let (name, _) = self.expect_name()?;
                let asname = if self.eat_kw(Kw::As) {
                    Some(self.expect_name()?.0)
                } else {
                    None
                };
                names.push(Alias {
                    name: name.to_string(),
                    asname,
                    span: self.span_from(a_start),
                });
                if !self.eat_op(Op::Comma) {
                    break;
                }
                if parens && self.is_op(Op::RParen) {
                    break;
                }
                if !parens && self.kind() != K::Name {
                    if matches!(self.kind(), K::Newline | K::Op(Op::Semi) | K::EndMarker) {
                        return Err(self.err_here(
                            "trailing comma not allowed without surrounding parentheses",
                        ));
                    }
                    return Err(self.syntax_error());
                }
            }
            if parens {
                self.expect_op(Op::RParen)?;
            }
        }
        Ok(self.stmt(
            start,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            },
        ))
    }

    /// Expression statements and every kind of assignment.
    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.tok().span;
        let mut starts = Vec::new();
        let (first, first_tuple, first_yield) = if self.is_kw(Kw::Yield) {
            (self.yield_expr()?, false, true)
        } else {
            let (e, t) = self.star_expressions(Some(&mut starts))?;
            (e, t, false)
        };
        match self.kind() {
            K::Op(Op::Assign) => self.assignment(start, first, first_tuple, first_yield, &starts),
            K::Op(op) if aug_op(op).is_some() => {
                let ok = !first_tuple
                    && matches!(
                        first.kind,
                        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                    );
                if !ok {
                    let name = if first_tuple {
                        "tuple"
                    } else {
                        expr_name(&first)
                    };
                    return Err(self.err_span(
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            name
                        ),
                        first.span,
                    ));
                }
                self.advance();
                let value = self.assigned_value()?.0;
                Ok(self.stmt(
                    start,
                    StmtKind::AugAssign {
                        target: first,
                        op: aug_op(op).unwrap_or(BinOp::Add),
                        value,
                    },
                ))
            }
            K::Op(Op::Colon) => {
                let single = !first_tuple
                    && matches!(
                        first.kind,
                        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                    );
                if !single {
                    // CPython words these only if an annotation follows;
                    // otherwise it never read past the colon.
                    let annotated = self.speculate(|p| {
                        p.advance();
                        p.expression()
                    });
                    if !annotated {
                        return Err(self.syntax_error());
                    }
                    let which = match &first.kind {
                        _ if first_tuple => "tuple",
                        ExprKind::Tuple(_) => "tuple",
                        ExprKind::List(_) => "list",
                        _ => return Err(self.err_span("illegal target for annotation", start)),
                    };
                    return Err(self.err_span(
                        format!("only single target (not {}) can be annotated", which),
                        start,
                    ));
                }
                self.advance();
                let annotation = self.expression()?;
                let value = if self.eat_op(Op::Assign) {
                    Some(self.assigned_value()?.0)
                } else {
                    None
                };
                Ok(self.stmt(
                    start,
                    StmtKind::AnnAssign {
                        target: first,
                        annotation,
                        value,
                    },
                ))
            }
            K::Op(Op::Walrus) => {
                // `f() := 1`: CPython names what cannot be assigned to, if
                // an expression follows (`x := 1` is plain invalid syntax).
                let (e, e_first) = match &first.kind {
                    ExprKind::Tuple(elts) if first_tuple => (elts.last(), starts.last()),
                    _ => (Some(&first), starts.first()),
                };
                if let (Some(e), Some(&e_first)) = (e, e_first) {
                    let plain_name =
                        matches!(e.kind, ExprKind::Name(_)) && self.toks[e_first].kind == K::Name;
                    if !plain_name
                        && self.speculate(|p| {
                            p.advance();
                            p.expression()
                        })
                    {
                        return Err(self.err_span(
                            format!("cannot use assignment expressions with {}", expr_name(e)),
                            e.span,
                        ));
                    }
                }
                Err(self.syntax_error())
            }
            _ => Ok(self.stmt(start, StmtKind::Expr(first))),
        }
    }

    /// The right of `=`: a yield expression or expressions. Also returns
    /// (is an unparenthesized tuple, is a yield, index of its first token).
    fn assigned_value(&mut self) -> PResult<(Expr, bool, bool, usize)> {
        let first = self.pos;
        if self.is_kw(Kw::Yield) {
            Ok((self.yield_expr()?, false, true, first))
        } else {
            let (e, t) = self.star_expressions(None)?;
            Ok((e, t, false, first))
        }
    }

    fn assignment(
        &mut self,
        start: Span,
        first: Expr,
        first_tuple: bool,
        first_yield: bool,
        starts: &[usize],
    ) -> PResult<Stmt> {
        // Each target is checked when its `=` is seen, as CPython reports a
        // bad target whatever follows.
        self.check_assign_target(&first, first_yield, Some((first_tuple, starts)))?;
        let mut targets = vec![first];
        let value = loop {
            self.advance();
            let (v, _, is_yield, _) = self.assigned_value()?;
            if !self.is_op(Op::Assign) {
                break v;
            }
            self.check_assign_target(&v, is_yield, None)?;
            targets.push(v);
        };
        Ok(self.stmt(start, StmtKind::Assign { targets, value }))
    }

    /// Checks target `t` of an assignment, at its `=`. For the first target,
    /// `first` has whether it is an unparenthesized tuple and where its
    /// elements start, for CPython's "Maybe you meant '=='" hints.
    fn check_assign_target(
        &mut self,
        t: &Expr,
        is_yield: bool,
        first: Option<(bool, &[usize])>,
    ) -> PResult<()> {
        if is_yield {
            return Err(self.err_span("assignment to yield expression not possible", t.span));
        }
        let Some(bad) = invalid_target(t, false) else {
            return Ok(());
        };
        if let Some((is_tuple, starts)) = first {
            if let Some(err) = self.assign_hint(t, is_tuple, starts) {
                return Err(err);
            }
        }
        Err(self.err_span(format!("cannot assign to {}", expr_name(bad)), bad.span))
    }

    /// CPython's hints for a first target that reads like a comparison:
    /// they apply when what follows the `=` begins with a plain operand not
    /// itself followed by `=`.
    fn assign_hint(&mut self, t0: &Expr, is_tuple: bool, starts: &[usize]) -> Option<SyntaxError> {
        let (e, first) = match &t0.kind {
            ExprKind::Tuple(elts) if is_tuple => (elts.last()?, *starts.last()?),
            _ => (t0, *starts.first()?),
        };
        let plain_name = matches!(e.kind, ExprKind::Name(_)) && self.toks[first].kind == K::Name;
        if plain_name && !is_tuple {
            return None;
        }
        if !plain_name && (!self.is_bitwise_or(e, first) || self.starts_with_display(e, first)) {
            return None;
        }
        let rhs_simple = self.speculate(|p| {
            p.advance();
            if p.is_kw(Kw::Yield) {
                return Err(p.syntax_error());
            }
            p.expr_bp(BP_BOR)?;
            if p.is_op(Op::Assign) || p.is_op(Op::Walrus) {
                return Err(p.syntax_error());
            }
            Ok(())
        });
        if !rhs_simple {
            return None;
        }
        Some(if plain_name {
            self.err_span(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                e.span,
            )
        } else {
            self.err_span(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(e)
                ),
                e.span,
            )
        })
    }

    /// The index of the first token at or after the start of `span`.
    fn token_at(&self, span: Span) -> usize {
        let key = (span.line, span.col);
        self.toks[..self.pos].partition_point(|t| (t.span.line, t.span.col) < key)
    }

    /// `print x`: CPython's hint for Python 2 habits.
    pub(super) fn legacy_print(&mut self, e: &Expr, first: usize) -> Option<SyntaxError> {
        let ExprKind::Name(name) = &e.kind else {
            return None;
        };
        if !(&**name == "print" || &**name == "exec")
            || self.toks[first].kind != K::Name
            || !can_start_expr(self.kind())
        {
            return None;
        }
        if self.speculate(|p| p.star_expressions(None)) {
            Some(self.err_span(
                format!(
                    "Missing parentheses in call to '{}'. Did you mean {}(...)?",
                    name, name
                ),
                e.span,
            ))
        } else {
            None
        }
    }
}

/// The operator of an augmented assignment token.
fn aug_op(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::PlusEq => BinOp::Add,
        Op::MinusEq => BinOp::Sub,
        Op::StarEq => BinOp::Mult,
        Op::AtEq => BinOp::MatMult,
        Op::SlashEq => BinOp::Div,
        Op::DoubleSlashEq => BinOp::FloorDiv,
        Op::PercentEq => BinOp::Mod,
        Op::DoubleStarEq => BinOp::Pow,
        Op::LShiftEq => BinOp::LShift,
        Op::RShiftEq => BinOp::RShift,
        Op::PipeEq => BinOp::BitOr,
        Op::CaretEq => BinOp::BitXor,
        Op::AmperEq => BinOp::BitAnd,
        _ => return None,
    })
}
