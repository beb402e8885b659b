//! Expressions above the primaries: the entry points statements use
//! (`expression`, `star_expressions`, named expressions, `yield`) and
//! precedence climbing over the operators. This is the top of the
//! recursive path, whose frame-size rule (stated below) binds
//! `primaries.rs` and `displays.rs` as well.

use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::token::{Keyword as Kw, Op, TokenKind as K};

use super::targets::expr_name;
use super::{PResult, Parser, MAX_DEPTH};

/// Binding powers, loosest first.
const BP_TERNARY: u8 = 1;
pub(super) const BP_OR: u8 = 2;
const BP_AND: u8 = 3;
const BP_NOT: u8 = 4;
const BP_CMP: u8 = 5;
pub(super) const BP_BOR: u8 = 6;
const BP_BXOR: u8 = 7;
const BP_BAND: u8 = 8;
const BP_SHIFT: u8 = 9;
const BP_ARITH: u8 = 10;
const BP_TERM: u8 = 11;
const BP_UNARY: u8 = 12;
const BP_POW: u8 = 13;

/// An infix construct and how it continues the expression to its left.
#[derive(Clone, Copy)]
enum Infix {
    Ternary,
    Or,
    And,
    Cmp,
    Bin(BinOp),
}

impl<'a> Parser<'a> {
    // The functions on the recursive path (expr_bp → prefix/infix →
    // primary → atom → displays → named_expression → expr_bp) stay small:
    // they dispatch with tail calls and leave error wording to helpers,
    // because a debug build gives every temporary its own stack slot and
    // the deepest nesting allowed must fit in a 2 MB thread stack.

    /// `expression`: a conditional expression or lambda, no tuple.
    #[inline(always)]
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.expr_bp(BP_TERNARY)
    }

    /// `star_expressions`: one or more comma-separated expressions, a
    /// tuple if there is a comma. Records each element's first token in
    /// `starts` when asked; returns whether it made a tuple.
    pub(super) fn star_expressions(
        &mut self,
        mut starts: Option<&mut Vec<usize>>,
    ) -> PResult<(Expr, bool)> {
        let start = self.tok().span;
        if let Some(s) = starts.as_deref_mut() {
            s.push(self.pos);
        }
        let first = tri!(self.star_expression());
        if !self.is_op(Op::Comma) {
            return Ok((first, false));
        }
        let tuple = tri!(self.tuple_rest(start, first, starts));
        Ok((tuple, true))
    }

    /// The rest of an unparenthesized tuple after its first element.
    fn tuple_rest(
        &mut self,
        start: Span,
        first: Expr,
        mut starts: Option<&mut Vec<usize>>,
    ) -> PResult<Expr> {
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !can_start_expr(self.kind()) {
                break;
            }
            if let Some(s) = starts.as_deref_mut() {
                s.push(self.pos);
            }
            elts.push(tri!(self.star_expression()));
        }
        Ok(self.node(start, ExprKind::Tuple(elts)))
    }

    #[inline(always)]
    fn star_expression(&mut self) -> PResult<Expr> {
        if self.is_op(Op::Star) {
            self.star_target()
        } else {
            self.expression()
        }
    }

    /// `*expr` where a star is allowed; `expr` is at `|` level.
    pub(super) fn star_target(&mut self) -> PResult<Expr> {
        if !self.is_op(Op::Star) {
            return self.expr_bp(BP_BOR);
        }
        let start = self.advance().span;
        let value = tri!(self.expr_bp(BP_BOR));
        Ok(self.boxed(start, value, ExprKind::Starred))
    }

    /// A node with one boxed child, from `start` to here.
    pub(super) fn boxed(&self, start: Span, child: Expr, make: fn(Box<Expr>) -> ExprKind) -> Expr {
        self.node(start, make(Box::new(child)))
    }

    /// Assignment targets of `for` and comprehensions (`a, *b`).
    pub(super) fn target_list(&mut self) -> PResult<Expr> {
        let start = self.tok().span;
        let first = tri!(self.star_target());
        if !self.is_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !can_start_expr(self.kind()) {
                break;
            }
            elts.push(tri!(self.star_target()));
        }
        Ok(self.node(start, ExprKind::Tuple(elts)))
    }

    #[inline(always)]
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.is_op(Op::Star) {
            self.star_target()
        } else {
            self.named_expression(true)
        }
    }

    /// `name := value` or an expression. With `hint`, a following `=` or
    /// `:=` gets CPython's specific errors.
    pub(super) fn named_expression(&mut self, hint: bool) -> PResult<Expr> {
        if self.kind() == K::Name && self.peek(1).kind == K::Op(Op::Walrus) {
            return self.walrus();
        }
        let first = self.pos;
        let e = tri!(self.expression());
        if hint && (self.is_op(Op::Walrus) || self.is_op(Op::Assign)) {
            return self.named_expression_hints(e, first);
        }
        Ok(e)
    }

    fn walrus(&mut self) -> PResult<Expr> {
        let start = self.tok().span;
        let (target, _) = self.expect_name()?;
        self.advance();
        let value = Box::new(tri!(self.expression()));
        Ok(self.node(start, ExprKind::NamedExpr { target, value }))
    }

    /// `e` is followed by `:=` or `=` where a named expression was parsed.
    #[inline(never)]
    fn named_expression_hints(&mut self, e: Expr, first: usize) -> PResult<Expr> {
        if self.is_op(Op::Walrus) {
            if self.speculate(|p| {
                p.advance();
                p.expression()
            }) {
                return Err(self.err_span(
                    format!("cannot use assignment expressions with {}", expr_name(&e)),
                    e.span,
                ));
            }
        } else if let Some(err) = self.eq_hint(&e, first) {
            return Err(err);
        }
        Ok(e)
    }

    /// At `=` after `e` where a comparison was expected (`if x = 1:`).
    fn eq_hint(&mut self, e: &Expr, first: usize) -> Option<SyntaxError> {
        let ok = self.speculate(|p| {
            p.advance();
            p.expr_bp(BP_BOR)?;
            if p.is_op(Op::Assign) || p.is_op(Op::Walrus) {
                return Err(p.syntax_error());
            }
            Ok(())
        });
        if !ok {
            return None;
        }
        if matches!(e.kind, ExprKind::Name(_)) && self.toks[first].kind == K::Name {
            let value = self.end_of(|p| {
                p.advance();
                p.expr_bp(BP_BOR)
            });
            Some(self.err_span(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                value.map_or(e.span, |v| e.span.to(v)),
            ))
        } else if self.is_bitwise_or(e, first) && !self.starts_with_display(e, first) {
            Some(self.err_span(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(e)
                ),
                e.span,
            ))
        } else {
            None
        }
    }

    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        if self.eat_kw(Kw::From) {
            let value = tri!(self.expression());
            return Ok(self.boxed(start, value, ExprKind::YieldFrom));
        }
        let value = if can_start_expr(self.kind()) {
            Some(Box::new(tri!(self.star_expressions(None)).0))
        } else {
            None
        };
        Ok(self.node(start, ExprKind::Yield(value)))
    }

    /// Precedence climbing: an expression whose operators all bind at
    /// least as tightly as `min`.
    pub(super) fn expr_bp(&mut self, min: u8) -> PResult<Expr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        let result = self.expr_bp_inner(min);
        self.depth -= 1;
        result
    }

    fn expr_bp_inner(&mut self, min: u8) -> PResult<Expr> {
        let start = self.tok().span;
        let lhs = tri!(self.prefix(min, start));
        match self.infix() {
            Some((bp, _)) if bp >= min => self.infix_loop(min, start, lhs),
            _ => Ok(lhs),
        }
    }

    /// The operand before any infix operator: a prefix operator applied to
    /// its operand, a lambda, or a primary.
    fn prefix(&mut self, min: u8, start: Span) -> PResult<Expr> {
        match self.kind() {
            K::Keyword(Kw::Lambda) if min <= BP_TERNARY => self.lambda(),
            K::Keyword(Kw::Not) if min <= BP_NOT => self.unary(start, UnaryOp::Not, BP_NOT),
            K::Op(Op::Minus) => self.unary(start, UnaryOp::USub, BP_UNARY),
            K::Op(Op::Plus) => self.unary(start, UnaryOp::UAdd, BP_UNARY),
            K::Op(Op::Tilde) => self.unary(start, UnaryOp::Invert, BP_UNARY),
            K::Keyword(Kw::Await) => self.await_expr(start),
            _ => self.primary(),
        }
    }

    fn unary(&mut self, start: Span, op: UnaryOp, bp: u8) -> PResult<Expr> {
        self.advance();
        let operand = Box::new(tri!(self.expr_bp(bp)));
        Ok(self.node(start, ExprKind::UnaryOp { op, operand }))
    }

    fn await_expr(&mut self, start: Span) -> PResult<Expr> {
        self.advance();
        let value = tri!(self.primary());
        Ok(self.boxed(start, value, ExprKind::Await))
    }

    fn infix_loop(&mut self, min: u8, start: Span, mut lhs: Expr) -> PResult<Expr> {
        let mut height = None;
        while let Some((bp, infix)) = self.infix() {
            if bp < min {
                break;
            }
            tri!(self.grow(&mut height, &lhs));
            lhs = tri!(self.infix_operation(start, lhs, bp, infix));
        }
        Ok(lhs)
    }

    fn infix_operation(&mut self, start: Span, lhs: Expr, bp: u8, infix: Infix) -> PResult<Expr> {
        match infix {
            Infix::Ternary => self.ternary(start, lhs),
            Infix::Or => self.boolop(start, lhs, Kw::Or, BoolOp::Or, bp),
            Infix::And => self.boolop(start, lhs, Kw::And, BoolOp::And, bp),
            Infix::Cmp => self.compare(start, lhs),
            Infix::Bin(op) => self.binop(start, lhs, op, bp),
        }
    }

    fn ternary(&mut self, start: Span, body: Expr) -> PResult<Expr> {
        self.advance();
        let test = Box::new(tri!(self.expr_bp(BP_OR)));
        if !self.eat_kw(Kw::Else) {
            return Err(self.missing_else(&body));
        }
        let orelse = Box::new(tri!(self.expr_bp(BP_TERNARY)));
        let body = Box::new(body);
        Ok(self.node(start, ExprKind::IfExp { test, body, orelse }))
    }

    #[cold]
    #[inline(never)]
    fn missing_else(&self, body: &Expr) -> SyntaxError {
        if self.is_op(Op::Colon) {
            self.syntax_error()
        } else {
            self.err_span("expected 'else' after 'if' expression", body.span)
        }
    }

    fn boolop(&mut self, start: Span, lhs: Expr, kw: Kw, op: BoolOp, bp: u8) -> PResult<Expr> {
        let mut values = vec![lhs];
        while self.eat_kw(kw) {
            values.push(tri!(self.expr_bp(bp + 1)));
        }
        Ok(self.node(start, ExprKind::BoolOp { op, values }))
    }

    fn compare(&mut self, start: Span, left: Expr) -> PResult<Expr> {
        let (mut ops, mut comparators) = (Vec::new(), Vec::new());
        while let Some(op) = self.cmp_op() {
            ops.push(op);
            comparators.push(tri!(self.expr_bp(BP_CMP + 1)));
        }
        let left = Box::new(left);
        Ok(self.node(
            start,
            ExprKind::Compare {
                left,
                ops,
                comparators,
            },
        ))
    }

    fn binop(&mut self, start: Span, left: Expr, op: BinOp, bp: u8) -> PResult<Expr> {
        self.advance();
        // `**` is right-associative and its right operand may carry a unary
        // minus (`2 ** -1`).
        let rbp = if op == BinOp::Pow { BP_UNARY } else { bp + 1 };
        let right = Box::new(tri!(self.expr_bp(rbp)));
        let left = Box::new(left);
        Ok(self.node(start, ExprKind::BinOp { left, op, right }))
    }

    fn infix(&self) -> Option<(u8, Infix)> {
        Some(match self.kind() {
            K::Keyword(Kw::If) => (BP_TERNARY, Infix::Ternary),
            K::Keyword(Kw::Or) => (BP_OR, Infix::Or),
            K::Keyword(Kw::And) => (BP_AND, Infix::And),
            K::Keyword(Kw::In | Kw::Is) => (BP_CMP, Infix::Cmp),
            K::Keyword(Kw::Not) if self.peek(1).kind == K::Keyword(Kw::In) => (BP_CMP, Infix::Cmp),
            K::Op(op) => match op {
                Op::EqEq | Op::NotEq | Op::Lt | Op::LtE | Op::Gt | Op::GtE => (BP_CMP, Infix::Cmp),
                Op::Pipe => (BP_BOR, Infix::Bin(BinOp::BitOr)),
                Op::Caret => (BP_BXOR, Infix::Bin(BinOp::BitXor)),
                Op::Amper => (BP_BAND, Infix::Bin(BinOp::BitAnd)),
                Op::LShift => (BP_SHIFT, Infix::Bin(BinOp::LShift)),
                Op::RShift => (BP_SHIFT, Infix::Bin(BinOp::RShift)),
                Op::Plus => (BP_ARITH, Infix::Bin(BinOp::Add)),
                Op::Minus => (BP_ARITH, Infix::Bin(BinOp::Sub)),
                Op::Star => (BP_TERM, Infix::Bin(BinOp::Mult)),
                Op::Slash => (BP_TERM, Infix::Bin(BinOp::Div)),
                Op::DoubleSlash => (BP_TERM, Infix::Bin(BinOp::FloorDiv)),
                Op::Percent => (BP_TERM, Infix::Bin(BinOp::Mod)),
                Op::At => (BP_TERM, Infix::Bin(BinOp::MatMult)),
                Op::DoubleStar => (BP_POW, Infix::Bin(BinOp::Pow)),
                _ => return None,
            },
            _ => return None,
        })
    }

    /// Consumes a comparison operator if one is next.
    fn cmp_op(&mut self) -> Option<CmpOp> {
        let op = match self.kind() {
            K::Op(Op::EqEq) => CmpOp::Eq,
            K::Op(Op::NotEq) => CmpOp::NotEq,
            K::Op(Op::Lt) => CmpOp::Lt,
            K::Op(Op::LtE) => CmpOp::LtE,
            K::Op(Op::Gt) => CmpOp::Gt,
            K::Op(Op::GtE) => CmpOp::GtE,
            K::Keyword(Kw::In) => CmpOp::In,
            K::Keyword(Kw::Not) if self.peek(1).kind == K::Keyword(Kw::In) => {
                self.advance();
                CmpOp::NotIn
            }
            K::Keyword(Kw::Is) => {
                if self.peek(1).kind == K::Keyword(Kw::Not) {
                    self.advance();
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        let params = tri!(self.params(Op::Colon, false));
        self.expect_op(Op::Colon)?;
        let body = Box::new(tri!(self.expression()));
        Ok(self.node(start, ExprKind::Lambda { params, body }))
    }
}

/// Whether a token can begin an expression (or a starred one).
pub(super) fn can_start_expr(k: K) -> bool {
    match k {
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
                | Op::Ellipsis
                | Op::Star
        ),
        _ => false,
    }
}
