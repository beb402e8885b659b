//! Atoms: names, constants, parenthesised forms, list, dict and set
//! displays, and comprehensions. They share the comma-separated element
//! lists with their "Perhaps you forgot a comma?" errors, and comprehension
//! clauses can follow any of them, so they are parsed together.
//! On the recursive path: see the frame-size rule in `expressions.rs`.

use std::rc::Rc;

use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::token::{Keyword as Kw, Op, TokenKind as K};

use super::expressions::{BP_BOR, BP_OR};
use super::targets::{expr_name, invalid_target};
use super::{PResult, Parser};

impl<'a> Parser<'a> {
    #[inline(always)]
    pub(super) fn atom(&mut self) -> PResult<Expr> {
        match self.kind() {
            K::Str(_) => self.strings(),
            K::Op(Op::LParen) => self.paren(),
            K::Op(Op::LBracket) => self.list(),
            K::Op(Op::LBrace) => self.dict_or_set(),
            _ => self.leaf(),
        }
    }

    /// A name or a constant.
    pub(super) fn leaf(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let constant = ExprKind::Constant;
        let kind = match t.kind {
            K::Name => ExprKind::Name(self.text(t).into()),
            K::Int(v) => constant(Constant::Int(v)),
            K::Float(v) => constant(Constant::Float(v)),
            K::Keyword(Kw::None) => constant(Constant::None),
            K::Keyword(Kw::True) => constant(Constant::Bool(true)),
            K::Keyword(Kw::False) => constant(Constant::Bool(false)),
            K::Op(Op::Ellipsis) => constant(Constant::Ellipsis),
            K::BigInt => constant(Constant::BigInt(Rc::new(big_literal(self.text(t))))),
            K::Imaginary => {
                return Err(SyntaxError::unsupported(
                    "complex numbers",
                    t.span.line,
                    t.span.col,
                ))
            }
            _ => return Err(self.syntax_error()),
        };
        self.advance();
        Ok(Expr { kind, span: t.span })
    }

    /// `(...)`: empty tuple, group, tuple, generator expression or
    /// parenthesized yield. A group keeps its inner expression's span, as
    /// CPython's does; nodes around it still start at the parenthesis.
    fn paren(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        self.brackets += 1;
        if self.is_op(Op::RParen) || self.is_kw(Kw::Yield) {
            return self.paren_special(start);
        }
        let first = self.pos;
        let e = tri!(self.star_named_expression());
        self.paren_rest(start, first, e)
    }

    /// `()` or `(yield ...)`.
    fn paren_special(&mut self, start: Span) -> PResult<Expr> {
        let e = if self.is_op(Op::RParen) {
            self.advance();
            self.node(start, ExprKind::Tuple(Vec::new()))
        } else {
            let e = tri!(self.yield_expr());
            self.expect_op(Op::RParen)?;
            e
        };
        self.brackets -= 1;
        Ok(e)
    }

    /// After the first element inside `(`.
    fn paren_rest(&mut self, start: Span, first: usize, e: Expr) -> PResult<Expr> {
        if self.is_comp_for() || self.is_op(Op::Comma) {
            let kind = tri!(self.genexp_or_tuple(first, e));
            return self.close_paren(start, kind);
        }
        self.group(first, e)
    }

    /// `(e)`, at the `)`.
    fn group(&mut self, first: usize, e: Expr) -> PResult<Expr> {
        if !self.is_op(Op::RParen) {
            return Err(self.no_comma_error(&e, first));
        }
        if let ExprKind::Starred(_) = e.kind {
            return Err(self.err_span("cannot use starred expression here", e.span));
        }
        self.advance();
        self.brackets -= 1;
        Ok(e)
    }

    fn close_paren(&mut self, start: Span, kind: ExprKind) -> PResult<Expr> {
        self.expect_op(Op::RParen)?;
        self.brackets -= 1;
        Ok(self.node(start, kind))
    }

    /// After the first element inside `(`, when `for` or `,` follows.
    fn genexp_or_tuple(&mut self, first: usize, e: Expr) -> PResult<ExprKind> {
        if self.is_comp_for() {
            let generators = tri!(self.comprehension_of(&e));
            let elt = Box::new(e);
            return Ok(ExprKind::GeneratorExp { elt, generators });
        }
        Ok(ExprKind::Tuple(tri!(self.rest_of_list(
            e,
            first,
            Op::RParen
        ))))
    }

    fn list(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        self.brackets += 1;
        let kind = if self.is_op(Op::RBracket) {
            ExprKind::List(Vec::new())
        } else {
            let first = self.pos;
            let e = tri!(self.star_named_expression());
            tri!(self.list_rest(first, e))
        };
        self.expect_op(Op::RBracket)?;
        self.brackets -= 1;
        Ok(self.node(start, kind))
    }

    /// After the first element inside `[`.
    fn list_rest(&mut self, first: usize, e: Expr) -> PResult<ExprKind> {
        if self.is_comp_for() {
            let generators = tri!(self.comprehension_of(&e));
            let elt = Box::new(e);
            return Ok(ExprKind::ListComp { elt, generators });
        }
        Ok(ExprKind::List(tri!(self.rest_of_list(
            e,
            first,
            Op::RBracket
        ))))
    }

    fn dict_or_set(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        self.brackets += 1;
        let kind = if self.is_op(Op::RBrace) {
            ExprKind::Dict(Vec::new())
        } else if self.is_op(Op::DoubleStar) {
            tri!(self.dict_from_unpacking())
        } else {
            let first = self.pos;
            let e = tri!(self.star_named_expression());
            tri!(self.dict_or_set_rest(first, e))
        };
        self.expect_op(Op::RBrace)?;
        self.brackets -= 1;
        Ok(self.node(start, kind))
    }

    /// `{**m, ...}`.
    fn dict_from_unpacking(&mut self) -> PResult<ExprKind> {
        let stars = self.advance().span;
        let value_first = self.pos;
        let value = tri!(self.expr_bp(BP_BOR));
        if self.is_comp_for() {
            return Err(self.err_span("dict unpacking cannot be used in dict comprehension", stars));
        }
        Ok(ExprKind::Dict(tri!(self.rest_of_dict(
            None,
            value,
            value_first
        ))))
    }

    /// After the first element or key inside `{`.
    fn dict_or_set_rest(&mut self, first: usize, e: Expr) -> PResult<ExprKind> {
        if self.is_op(Op::Colon) && !matches!(e.kind, ExprKind::Starred(_)) {
            // `{x := 1: 2}`: a key cannot be an unparenthesized walrus
            // (CPython points at the `:=`).
            if matches!(e.kind, ExprKind::NamedExpr { .. })
                && self.toks[first].kind != K::Op(Op::LParen)
            {
                let at = self.toks[(first + 1).min(self.toks.len() - 1)].span;
                return Err(self.err_span("invalid syntax", at));
            }
            self.advance();
            let value_first = self.pos;
            let value = tri!(self.dict_value());
            return self.dict_rest(e, value, value_first);
        }
        self.set_rest(first, e)
    }

    /// After the first `key: value` inside `{`.
    fn dict_rest(&mut self, key: Expr, value: Expr, value_first: usize) -> PResult<ExprKind> {
        if self.is_comp_for() {
            let generators = tri!(self.comp_for());
            let (key, value) = (Box::new(key), Box::new(value));
            return Ok(ExprKind::DictComp {
                key,
                value,
                generators,
            });
        }
        Ok(ExprKind::Dict(tri!(self.rest_of_dict(
            Some(key),
            value,
            value_first
        ))))
    }

    /// After the first element inside `{`, a set's.
    fn set_rest(&mut self, first: usize, e: Expr) -> PResult<ExprKind> {
        if self.is_comp_for() {
            let generators = tri!(self.comprehension_of(&e));
            let elt = Box::new(e);
            return Ok(ExprKind::SetComp { elt, generators });
        }
        Ok(ExprKind::Set(tri!(self.rest_of_list(e, first, Op::RBrace))))
    }

    fn dict_value(&mut self) -> PResult<Expr> {
        if self.is_op(Op::Star) {
            return Err(self.err_here("cannot use a starred expression in a dictionary value"));
        }
        self.expression()
    }

    /// The entries after the first of a dict display, up to `}`; the
    /// first value's first token is `value_first` (for the comma hint).
    fn rest_of_dict(
        &mut self,
        key: Option<Expr>,
        value: Expr,
        value_first: usize,
    ) -> PResult<Vec<(Option<Expr>, Expr)>> {
        let mut entries = vec![(key, value)];
        let mut last_first = value_first;
        while !self.is_op(Op::RBrace) {
            if !self.eat_op(Op::Comma) {
                return Err(self.no_comma_error(&entries[entries.len() - 1].1, last_first));
            }
            if self.is_op(Op::RBrace) {
                break;
            }
            last_first = tri!(self.dict_entry(&mut entries));
        }
        Ok(entries)
    }

    /// One `key: value` or `**mapping` entry; returns the index of the
    /// value's first token.
    fn dict_entry(&mut self, entries: &mut Vec<(Option<Expr>, Expr)>) -> PResult<usize> {
        if self.eat_op(Op::DoubleStar) {
            let value_first = self.pos;
            let value = tri!(self.expr_bp(BP_BOR));
            entries.push((None, value));
            return Ok(value_first);
        }
        let key = tri!(self.expression());
        if !self.is_op(Op::Colon) {
            return Err(self.missing_dict_colon(&key));
        }
        self.advance();
        let value_first = self.pos;
        let value = tri!(self.dict_value());
        entries.push((Some(key), value));
        Ok(value_first)
    }

    #[cold]
    #[inline(never)]
    fn missing_dict_colon(&self, key: &Expr) -> SyntaxError {
        // CPython points at the key's last character.
        let col = key.span.end_col.saturating_sub(1).max(1);
        self.err_at("':' expected after dictionary key", key.span.end_line, col)
    }

    /// After a first element, `(',' element)* [',']` up to `close`.
    fn rest_of_list(&mut self, first: Expr, first_tok: usize, close: Op) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        let mut last_tok = first_tok;
        while !self.is_op(close) {
            if !self.eat_op(Op::Comma) {
                return Err(self.list_separator_error(&elts, last_tok, close));
            }
            if self.is_op(close) {
                break;
            }
            if close != Op::RParen && self.is_comp_for() {
                if let Some(err) = self.unparenthesized_comp_target(&elts[0]) {
                    return Err(err);
                }
            }
            last_tok = self.pos;
            elts.push(tri!(self.star_named_expression()));
        }
        Ok(elts)
    }

    /// Neither `,` nor the closing bracket after the last of `elts`.
    #[cold]
    #[inline(never)]
    fn list_separator_error(&mut self, elts: &[Expr], last_tok: usize, close: Op) -> SyntaxError {
        if close != Op::RParen && self.is_comp_for() {
            if let Some(err) = self.unparenthesized_comp_target(&elts[0]) {
                return err;
            }
        }
        self.no_comma_error(&elts[elts.len() - 1], last_tok)
    }

    /// `[a, b for ...]`: CPython's hint, if the clauses parse; their own
    /// specific errors (a bad target) come first.
    #[cold]
    #[inline(never)]
    fn unparenthesized_comp_target(&mut self, first: &Expr) -> Option<SyntaxError> {
        let m = self.mark();
        let furthest = self.furthest.get();
        let hints = std::mem::replace(&mut self.hints, false);
        let result = self.comp_for();
        self.hints = hints;
        self.reset(m);
        self.furthest.set(furthest);
        match result {
            Ok(_) => Some(self.err_span(
                "did you forget parentheses around the comprehension target?",
                first.span,
            )),
            Err(e) if e.msg.starts_with("cannot assign to") => Some(e),
            Err(_) => None,
        }
    }

    /// The error for a `for` target not followed by `in`. CPython reparses
    /// it as expressions and names what cannot be assigned to (`for a or b
    /// in c`), else reports the token, or a missing comma.
    #[cold]
    #[inline(never)]
    pub(super) fn bad_for_target(&mut self, target: &Expr, first: usize) -> SyntaxError {
        let m = self.mark();
        let furthest = self.furthest.get();
        let hints = std::mem::replace(&mut self.hints, false);
        self.pos = first;
        let reparsed = self.star_expressions(None);
        self.hints = hints;
        self.reset(m);
        self.furthest.set(furthest);
        if let Ok((e, _)) = reparsed {
            let e = match &e.kind {
                ExprKind::Compare { left, ops, .. } if ops.first() == Some(&CmpOp::In) => left,
                _ => &e,
            };
            if !matches!(e.kind, ExprKind::Compare { .. }) {
                if let Some(bad) = invalid_target(e, false) {
                    return self.err_span(format!("cannot assign to {}", expr_name(bad)), bad.span);
                }
            }
        }
        self.no_comma_error(target, first)
    }

    pub(super) fn is_comp_for(&self) -> bool {
        // The look past `async` is not recorded as read: CPython's first
        // pass does not get there.
        self.is_kw(Kw::For)
            || (self.is_kw(Kw::Async)
                && self.toks.get(self.pos + 1).map(|t| t.kind) == Some(K::Keyword(Kw::For)))
    }

    pub(super) fn comprehension_of(&mut self, elt: &Expr) -> PResult<Vec<Comprehension>> {
        if let ExprKind::Starred(_) = elt.kind {
            return Err(self.err_span(
                "iterable unpacking cannot be used in comprehension",
                elt.span,
            ));
        }
        self.comp_for()
    }

    /// `for target in iter if cond ...` clauses.
    pub(super) fn comp_for(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.is_comp_for() {
            tri!(self.comp_clause(&mut generators));
        }
        Ok(generators)
    }

    /// One clause, added to `generators` (results are passed that way
    /// rather than returned to keep these recursive frames small).
    fn comp_clause(&mut self, generators: &mut Vec<Comprehension>) -> PResult<()> {
        let is_async = self.eat_kw(Kw::Async);
        self.advance(); // `for`
        let first = self.pos;
        let target = tri!(self.target_list());
        self.comp_iter(generators, first, target, is_async)
    }

    /// A comprehension clause from the end of its target on.
    fn comp_iter(
        &mut self,
        generators: &mut Vec<Comprehension>,
        first: usize,
        target: Expr,
        is_async: bool,
    ) -> PResult<()> {
        tri!(self.check_store_target(&target));
        if !self.is_kw(Kw::In) {
            return Err(self.bad_for_target(&target, first));
        }
        self.advance();
        let iter = tri!(self.expr_bp(BP_OR));
        self.comp_ifs(generators, target, iter, is_async)
    }

    fn comp_ifs(
        &mut self,
        generators: &mut Vec<Comprehension>,
        target: Expr,
        iter: Expr,
        is_async: bool,
    ) -> PResult<()> {
        let mut ifs = Vec::new();
        while self.eat_kw(Kw::If) {
            ifs.push(tri!(self.expr_bp(BP_OR)));
        }
        generators.push(Comprehension {
            target,
            iter,
            ifs,
            is_async,
        });
        Ok(())
    }
}

/// The value of an integer literal too large for an `i64` (the lexer has
/// checked its digits): an optional `0x`/`0o`/`0b` prefix, digits and
/// single underscores.
fn big_literal(text: &str) -> num_bigint::BigInt {
    let lower = text.to_ascii_lowercase();
    let (radix, digits) = match lower.get(..2) {
        Some("0x") => (16, &lower[2..]),
        Some("0o") => (8, &lower[2..]),
        Some("0b") => (2, &lower[2..]),
        _ => (10, &lower[..]),
    };
    let digits: String = digits.chars().filter(|c| *c != '_').collect();
    num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}
