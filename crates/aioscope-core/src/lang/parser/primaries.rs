//! What follows an atom: attribute access, calls and subscripts. Each
//! trailer lengthens a left-associative chain whose height counts against
//! `MAX_DEPTH`, and call arguments have ordering rules and CPython
//! messages of their own, so they are kept apart from the atoms.
//! On the recursive path: see the frame-size rule in `expressions.rs`.

use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::token::{Op, TokenKind as K};

use super::targets::expr_name;
use super::{PResult, Parser};

/// Call arguments being parsed.
pub(super) struct Args {
    pub(super) args: Vec<Expr>,
    pub(super) keywords: Vec<Keyword>,
    /// A `(x for x in y)` argument may go without its own parentheses.
    allow_genexp: bool,
    seen_keyword: bool,
    seen_unpack: bool,
    /// Where a generator expression without parentheses is.
    genexp: Option<Span>,
    /// A positional argument came after a keyword one (reported at the end).
    misplaced: Option<&'static str>,
}

impl Args {
    pub(super) fn new(allow_genexp: bool) -> Self {
        Args {
            args: Vec::new(),
            keywords: Vec::new(),
            allow_genexp,
            seen_keyword: false,
            seen_unpack: false,
            genexp: None,
            misplaced: None,
        }
    }
}

impl<'a> Parser<'a> {
    /// An atom followed by any number of `.name`, `(args)` and `[index]`.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let start = self.tok().span;
        let e = tri!(self.atom());
        match self.kind() {
            K::Op(Op::Dot | Op::LParen | Op::LBracket) => self.trailers(start, e),
            _ => Ok(e),
        }
    }

    fn trailers(&mut self, start: Span, mut e: Expr) -> PResult<Expr> {
        let mut height = None;
        while matches!(self.kind(), K::Op(Op::Dot | Op::LParen | Op::LBracket)) {
            tri!(self.grow(&mut height, &e));
            e = tri!(self.trailer(start, e));
        }
        Ok(e)
    }

    fn trailer(&mut self, start: Span, e: Expr) -> PResult<Expr> {
        match self.kind() {
            K::Op(Op::Dot) => self.attribute(start, e),
            K::Op(Op::LParen) => self.call(start, e),
            _ => self.subscript(start, e),
        }
    }

    fn attribute(&mut self, start: Span, value: Expr) -> PResult<Expr> {
        self.advance();
        let (attr, _) = self.expect_name()?;
        let value = Box::new(value);
        Ok(self.node(start, ExprKind::Attribute { value, attr }))
    }

    fn call(&mut self, start: Span, func: Expr) -> PResult<Expr> {
        let open = self.advance().span;
        self.brackets += 1;
        let mut args = Args::new(true);
        tri!(self.arguments(&mut args));
        self.finish_call(start, open, func, args)
    }

    fn finish_call(
        &mut self,
        start: Span,
        open: Span,
        func: Expr,
        mut args: Args,
    ) -> PResult<Expr> {
        self.expect_op(Op::RParen)?;
        self.brackets -= 1;
        // A generator expression that is the sole argument borrows the
        // call's parentheses, span included.
        if args.genexp.is_some() {
            if let Some(arg) = args.args.first_mut() {
                arg.span = self.span_from(open);
            }
        }
        let func = Box::new(func);
        Ok(self.node(
            start,
            ExprKind::Call {
                func,
                args: args.args,
                keywords: args.keywords,
            },
        ))
    }

    fn subscript(&mut self, start: Span, value: Expr) -> PResult<Expr> {
        self.advance();
        self.brackets += 1;
        let index = tri!(self.slices());
        self.finish_subscript(start, value, index)
    }

    fn finish_subscript(&mut self, start: Span, value: Expr, index: Expr) -> PResult<Expr> {
        let index = Box::new(index);
        self.expect_op(Op::RBracket)?;
        self.brackets -= 1;
        let value = Box::new(value);
        Ok(self.node(start, ExprKind::Subscript { value, index }))
    }

    /// Call arguments up to (not including) `)`.
    pub(super) fn arguments(&mut self, a: &mut Args) -> PResult<()> {
        while !self.is_op(Op::RParen) {
            match self.kind() {
                K::Op(Op::Star) => tri!(self.star_argument(a)),
                K::Op(Op::DoubleStar) => tri!(self.double_star_argument(a)),
                K::Name if self.peek(1).kind == K::Op(Op::Assign) => tri!(self.keyword_argument(a)),
                _ => tri!(self.positional_argument(a)),
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.arguments_end(a)
    }

    fn star_argument(&mut self, a: &mut Args) -> PResult<()> {
        if a.seen_unpack {
            return Err(
                self.err_here("iterable argument unpacking follows keyword argument unpacking")
            );
        }
        let start = self.advance().span;
        let value = tri!(self.expression());
        let starred = self.boxed(start, value, ExprKind::Starred);
        if a.allow_genexp && self.is_comp_for() {
            return Err(self.starred_generator_argument(a, &starred, start));
        }
        a.args.push(starred);
        Ok(())
    }

    /// `f(*a for a in b)`: refused as a comprehension's unpacking when it
    /// is the only argument, else as an unparenthesized generator.
    #[cold]
    #[inline(never)]
    fn starred_generator_argument(&mut self, a: &Args, starred: &Expr, start: Span) -> SyntaxError {
        if a.args.is_empty() && a.keywords.is_empty() {
            return self.err_span(
                "iterable unpacking cannot be used in comprehension",
                starred.span,
            );
        }
        if let Err(e) = self.comp_for() {
            return e;
        }
        let span = self.span_from(start);
        self.err_span("Generator expression must be parenthesized", span)
    }

    fn double_star_argument(&mut self, a: &mut Args) -> PResult<()> {
        let start = self.advance().span;
        let value = tri!(self.expression());
        let span = self.span_from(start);
        a.keywords.push(Keyword {
            arg: None,
            value,
            span,
        });
        a.seen_unpack = true;
        Ok(())
    }

    fn keyword_argument(&mut self, a: &mut Args) -> PResult<()> {
        let start = self.tok().span;
        let (arg, _) = self.expect_name()?;
        self.advance();
        let value_first = self.pos;
        let value = tri!(self.expression());
        if !self.is_op(Op::Comma) && !self.is_op(Op::RParen) {
            return Err(self.after_keyword_error(&value, value_first, start));
        }
        let span = self.span_from(start);
        a.keywords.push(Keyword {
            arg: Some(arg),
            value,
            span,
        });
        a.seen_keyword = true;
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn after_keyword_error(
        &mut self,
        value: &Expr,
        value_first: usize,
        start: Span,
    ) -> SyntaxError {
        if self.is_comp_for() {
            return self.err_span(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                start,
            );
        }
        self.no_comma_error(value, value_first)
    }

    fn positional_argument(&mut self, a: &mut Args) -> PResult<()> {
        let first = self.pos;
        let e = tri!(self.named_expression(false));
        if self.is_op(Op::Assign) {
            return Err(self.assignment_in_call(&e, first));
        }
        if a.allow_genexp && self.is_comp_for() {
            return self.genexp_argument(a, e, first);
        }
        if !self.is_op(Op::Comma) && !self.is_op(Op::RParen) {
            return Err(self.no_comma_error(&e, first));
        }
        // CPython reports these once it has read all the arguments, at the
        // token after them.
        if a.seen_unpack {
            a.misplaced
                .get_or_insert("positional argument follows keyword argument unpacking");
        } else if a.seen_keyword {
            a.misplaced
                .get_or_insert("positional argument follows keyword argument");
        }
        a.args.push(e);
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn assignment_in_call(&self, e: &Expr, first: usize) -> SyntaxError {
        let t = &self.toks[first];
        match &e.kind {
            ExprKind::Constant(Constant::Bool(_) | Constant::None)
                if matches!(t.kind, K::Keyword(_)) =>
            {
                self.err_span(format!("cannot assign to {}", expr_name(e)), t.span)
            }
            _ => self.err_span(
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                t.span,
            ),
        }
    }

    fn genexp_argument(&mut self, a: &mut Args, elt: Expr, first: usize) -> PResult<()> {
        let start = self.toks[first].span;
        let generators = tri!(self.comprehension_of(&elt));
        let elt = Box::new(elt);
        let g = self.node(start, ExprKind::GeneratorExp { elt, generators });
        a.genexp.get_or_insert(g.span);
        a.args.push(g);
        Ok(())
    }

    #[inline(never)]
    fn arguments_end(&mut self, a: &mut Args) -> PResult<()> {
        if !self.is_op(Op::RParen) {
            return Err(self.syntax_error());
        }
        if let Some(msg) = a.misplaced {
            return Err(self.err_here(msg));
        }
        if let Some(span) = a.genexp {
            let trailing_comma = self
                .pos
                .checked_sub(1)
                .is_some_and(|i| self.toks[i].kind == K::Op(Op::Comma));
            if a.args.len() + a.keywords.len() > 1 || trailing_comma {
                return Err(self.err_span("Generator expression must be parenthesized", span));
            }
        }
        Ok(())
    }

    /// The index of a subscript: one item or a tuple of them, where an
    /// item may be a slice.
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.tok().span;
        let first = self.pos;
        let item = tri!(self.slice_item());
        if self.is_op(Op::RBracket) {
            // `x[*a]` indexes with the tuple of what `a` holds.
            if matches!(item.kind, ExprKind::Starred(_)) {
                return Ok(self.node(start, ExprKind::Tuple(vec![item])));
            }
            return Ok(item);
        }
        self.slices_rest(start, first, item)
    }

    /// A subscript's index after its first item, when more follows.
    fn slices_rest(&mut self, start: Span, first: usize, item: Expr) -> PResult<Expr> {
        if !self.is_op(Op::Comma) {
            return Err(self.no_comma_error(&item, first));
        }
        let mut elts = vec![item];
        while self.eat_op(Op::Comma) {
            if self.is_op(Op::RBracket) {
                break;
            }
            let first = self.pos;
            elts.push(tri!(self.slice_item()));
            if !self.is_op(Op::Comma) && !self.is_op(Op::RBracket) {
                return Err(self.no_comma_error(&elts[elts.len() - 1], first));
            }
        }
        Ok(self.node(start, ExprKind::Tuple(elts)))
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        if self.is_op(Op::Star) {
            return self.star_target();
        }
        let start = self.tok().span;
        if self.is_op(Op::Colon) {
            return self.slice(start, None);
        }
        let parenthesized = self.is_op(Op::LParen);
        let e = tri!(self.named_expression(true));
        if !self.is_op(Op::Colon) {
            return Ok(e);
        }
        // A slice bound is an expression: `a[x := 1:2]` is invalid.
        if matches!(e.kind, ExprKind::NamedExpr { .. }) && !parenthesized {
            return Err(self.syntax_error());
        }
        self.slice(start, Some(Box::new(e)))
    }

    /// A slice from its `:` on.
    fn slice(&mut self, start: Span, lower: Option<Box<Expr>>) -> PResult<Expr> {
        self.advance(); // `:`
        let upper = tri!(self.slice_bound(true));
        let step = if self.eat_op(Op::Colon) {
            tri!(self.slice_bound(false))
        } else {
            None
        };
        Ok(self.node(start, ExprKind::Slice { lower, upper, step }))
    }

    /// The upper bound or step of a slice, if present.
    fn slice_bound(&mut self, upper: bool) -> PResult<Option<Box<Expr>>> {
        if self.is_op(Op::Comma) || self.is_op(Op::RBracket) || (upper && self.is_op(Op::Colon)) {
            return Ok(None);
        }
        Ok(Some(Box::new(tri!(self.expression()))))
    }
}
