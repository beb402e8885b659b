//! Parameter lists, which `def` and `lambda` share. Their ordering rules
//! (`/`, `*`, defaults) carry CPython's messages, and each kind of
//! parameter gets a small function of its own because defaults recurse
//! (`lambda x=lambda y=...`).

use crate::lang::ast::*;
use crate::lang::token::{Op, TokenKind as K};

use super::{PResult, Parser};

/// A parameter list being parsed.
struct ParamList {
    params: Box<Params>,
    /// `)` or, for a lambda, `:`.
    close: Op,
    /// Whether `name: annotation` is allowed (not in a lambda).
    annotations: bool,
    seen_default: bool,
    seen_slash: bool,
    /// Where the `*` is, once seen.
    star: Option<Span>,
}

impl<'a> Parser<'a> {
    /// Parameters up to `close` (`)` for `def`, `:` for `lambda`). Each
    /// parameter is parsed by a function of its own: defaults recurse
    /// (`lambda x=lambda y=...`), so this frame must stay small.
    pub(super) fn params(&mut self, close: Op, annotations: bool) -> PResult<Box<Params>> {
        let mut ps = ParamList {
            params: Box::default(),
            close,
            annotations,
            seen_default: false,
            seen_slash: false,
            star: None,
        };
        while !self.is_op(close) {
            if tri!(self.param_item(&mut ps)) || !self.eat_op(Op::Comma) {
                break;
            }
        }
        if let Some(span) = ps.star {
            if ps.params.vararg.is_none() && ps.params.kwonly.is_empty() {
                return Err(self.err_span("named arguments must follow bare *", span));
            }
        }
        Ok(ps.params)
    }

    /// One item of a parameter list; true when nothing may follow it
    /// (`**kwargs`).
    fn param_item(&mut self, ps: &mut ParamList) -> PResult<bool> {
        match self.kind() {
            K::Op(Op::LParen) if self.parenthesized_params() => {
                let what = if ps.close == Op::Colon {
                    "Lambda expression parameters"
                } else {
                    "Function parameters"
                };
                Err(self.err_here(format!("{} cannot be parenthesized", what)))
            }
            K::Op(Op::Slash) => self.slash_param(ps).map(|_| false),
            K::Op(Op::Star) => self.star_param(ps).map(|_| false),
            K::Op(Op::DoubleStar) => self.kwarg_param(ps).map(|_| true),
            K::Name => self.plain_param(ps).map(|_| false),
            _ => Err(self.syntax_error()),
        }
    }

    fn slash_param(&mut self, ps: &mut ParamList) -> PResult<()> {
        if ps.seen_slash {
            return Err(self.err_here("/ may appear only once"));
        }
        if ps.star.is_some() {
            return Err(self.err_here("/ must be ahead of *"));
        }
        if ps.params.args.is_empty() {
            return Err(self.syntax_error());
        }
        self.advance();
        ps.seen_slash = true;
        ps.params.posonly = ps.params.args.len();
        Ok(())
    }

    fn star_param(&mut self, ps: &mut ParamList) -> PResult<()> {
        if ps.star.is_some() {
            return Err(self.err_here("* argument may appear only once"));
        }
        ps.star = Some(self.advance().span);
        if self.kind() == K::Name {
            let param = self.param(ps.annotations)?;
            if self.is_op(Op::Assign) {
                return Err(self.err_here("var-positional argument cannot have default value"));
            }
            ps.params.vararg = Some(param);
        } else if !(self.is_op(Op::Comma) || self.is_op(ps.close)) {
            return Err(self.syntax_error());
        }
        Ok(())
    }

    fn kwarg_param(&mut self, ps: &mut ParamList) -> PResult<()> {
        self.advance();
        let param = self.param(ps.annotations)?;
        if self.is_op(Op::Assign) {
            return Err(self.err_here("var-keyword argument cannot have default value"));
        }
        ps.params.kwarg = Some(param);
        if self.eat_op(Op::Comma) && !self.is_op(ps.close) {
            return Err(self.err_here("arguments cannot follow var-keyword argument"));
        }
        Ok(())
    }

    /// A named parameter, with its default if any.
    fn plain_param(&mut self, ps: &mut ParamList) -> PResult<()> {
        let param = tri!(self.param(ps.annotations));
        let default = if self.is_op(Op::Assign) {
            Some(tri!(self.param_default(ps.close)))
        } else {
            None
        };
        self.add_param(ps, param, default)
    }

    fn add_param(
        &mut self,
        ps: &mut ParamList,
        mut param: Param,
        default: Option<Expr>,
    ) -> PResult<()> {
        if default.is_some() {
            param.default = default;
            ps.seen_default |= ps.star.is_none();
        } else if ps.star.is_none()
            && ps.seen_default
            && (self.is_op(Op::Comma) || self.is_op(ps.close))
        {
            return Err(self.err_span("non-default argument follows default argument", param.span));
        }
        if ps.star.is_some() {
            ps.params.kwonly.push(param);
        } else {
            ps.params.args.push(param);
        }
        Ok(())
    }

    /// `= default`, from the `=`.
    fn param_default(&mut self, close: Op) -> PResult<Expr> {
        let eq = self.advance().span;
        if self.is_op(Op::Comma) || self.is_op(close) {
            return Err(self.err_span("expected default value expression", eq));
        }
        self.expression()
    }

    /// `(a, b)` where a parameter should be: a Python 2 habit CPython
    /// names.
    fn parenthesized_params(&mut self) -> bool {
        self.speculate(|p| {
            p.advance();
            p.expect_name()?;
            while p.eat_op(Op::Comma) {
                if p.is_op(Op::RParen) {
                    break;
                }
                p.expect_name()?;
            }
            p.expect_op(Op::RParen)
        })
    }

    fn param(&mut self, annotations: bool) -> PResult<Param> {
        let (name, span) = self.expect_name()?;
        let annotation = if annotations && self.eat_op(Op::Colon) {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Param {
            name,
            default: None,
            annotation,
            span,
        })
    }
}
