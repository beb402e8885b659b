//! Checks and hints that several grammar areas share: whether an
//! expression may be assigned to and how CPython names it, and whether to
//! say "Perhaps you forgot a comma?". One place, so statements, displays
//! and comprehensions word them alike.

use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::token::{Op, TokenKind as K};

use super::expressions::can_start_expr;
use super::{PResult, Parser};

impl<'a> Parser<'a> {
    pub(super) fn check_store_target(&self, target: &Expr) -> PResult<()> {
        match invalid_target(target, false) {
            Some(bad) => {
                Err(self.err_span(format!("cannot assign to {}", expr_name(bad)), bad.span))
            }
            None => Ok(()),
        }
    }

    /// Whether `e`, whose first token is `first`, was written in
    /// parentheses that belong to no tuple or call: `(a < b)`.
    fn is_group(&self, e: &Expr, first: usize) -> bool {
        let t = &self.toks[first.min(self.toks.len() - 1)];
        t.kind == K::Op(Op::LParen) && (e.span.line, e.span.col) != (t.span.line, t.span.col)
    }

    /// Whether `e` is at the level of CPython's `bitwise_or` rule (what may
    /// stand left of `=` in its "Maybe you meant '=='" hints).
    pub(super) fn is_bitwise_or(&self, e: &Expr, first: usize) -> bool {
        if self.is_group(e, first) {
            return true;
        }
        !matches!(
            e.kind,
            ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    ..
                }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::Starred(_)
                | ExprKind::Yield(_)
                | ExprKind::YieldFrom(_)
                | ExprKind::NamedExpr { .. }
        )
    }

    /// CPython's hints skip expressions that begin with a list display, a
    /// tuple, a generator expression or `True`/`False`/`None`.
    pub(super) fn starts_with_display(&self, e: &Expr, first: usize) -> bool {
        let t = &self.toks[first.min(self.toks.len() - 1)];
        let mut cur = e;
        loop {
            cur = match &cur.kind {
                ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
                ExprKind::Call { func, .. } => func,
                ExprKind::BinOp { left, .. } => left,
                ExprKind::Compare { left, .. } => left,
                _ => break,
            };
        }
        let at_start = (cur.span.line, cur.span.col) == (t.span.line, t.span.col);
        at_start
            && matches!(
                cur.kind,
                ExprKind::List(_)
                    | ExprKind::Tuple(_)
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Constant(Constant::Bool(_) | Constant::None)
            )
    }

    /// The error at a token that cannot follow element `e` (first token
    /// `first`): CPython's "Perhaps you forgot a comma?" when inside
    /// brackets another expression follows, else `invalid syntax`.
    pub(super) fn no_comma_error(&mut self, e: &Expr, first: usize) -> SyntaxError {
        if let Some(err) = self.legacy_print(e, first) {
            return err;
        }
        let first_tok = &self.toks[first.min(self.toks.len() - 1)];
        // CPython 3.11 compares only the name's length of each soft
        // keyword, so any prefix of one counts (`m`, `ca`).
        let soft_keyword = first_tok.kind == K::Name && {
            let name = self.text(first_tok);
            !name.is_empty() && ["match", "case", "_"].iter().any(|k| k.starts_with(name))
        };
        let name_then_string = first_tok.kind == K::Name
            && matches!(self.toks.get(first + 1).map(|t| t.kind), Some(K::Str(_)));
        let disjunction = self.is_group(e, first)
            || !matches!(
                e.kind,
                ExprKind::IfExp { .. }
                    | ExprKind::Lambda { .. }
                    | ExprKind::Starred(_)
                    | ExprKind::NamedExpr { .. }
                    | ExprKind::Yield(_)
                    | ExprKind::YieldFrom(_)
            );
        // The expression is parsed even outside brackets, where no hint is
        // given, because CPython does, and may read an unclosed bracket's
        // end of input doing so (which then is the error reported). It is
        // parsed without hints of its own, as CPython's second try is.
        if self.hints
            && can_start_expr(self.kind())
            && !self.is_op(Op::Star)
            && self.speculate(|p| p.expression())
            && self.brackets > 0
            && disjunction
            && !soft_keyword
            && !name_then_string
        {
            let span = match self.end_of(|p| p.expression()) {
                Some(next) => e.span.to(next),
                None => e.span,
            };
            return self.err_span("invalid syntax. Perhaps you forgot a comma?", span);
        }
        // `name "string" more`: CPython skips the name and tries the hint
        // from the string.
        if self.hints && name_then_string && self.brackets > 0 {
            let m = self.mark();
            let furthest = self.furthest.get();
            self.hints = false;
            let hint = match self.expression() {
                Ok(a) if can_start_expr(self.kind()) && !self.is_op(Op::Star) => {
                    self.speculate(|p| p.expression()).then_some(a.span)
                }
                _ => None,
            };
            self.hints = true;
            self.reset(m);
            self.furthest.set(furthest);
            if let Some(span) = hint {
                return self.err_span("invalid syntax. Perhaps you forgot a comma?", span);
            }
        }
        self.syntax_error()
    }
}

/// The first part of `e` that cannot be assigned to (or deleted, with
/// `del`), as CPython finds it.
pub(super) fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|x| invalid_target(x, del))
        }
        ExprKind::Starred(inner) if !del => invalid_target(inner, del),
        _ => Some(e),
    }
}

/// How CPython names an expression in "cannot assign to ..." messages.
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
