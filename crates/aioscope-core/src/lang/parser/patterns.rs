//! `match` statements: the subject, the `case` blocks, and the pattern
//! grammar (literals, captures, `_`, dotted values, groups, sequences,
//! mappings, class patterns, `|` and `as`) with CPython's errors. Patterns
//! look like expressions but are their own grammar, so they have their
//! own file. Errors about what patterns bind (unreachable cases, names
//! bound twice) are the compiler's.

use std::rc::Rc;

use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::token::{Keyword as Kw, Op, TokenKind as K};

use super::{PResult, Parser, MAX_DEPTH};

impl<'a> Parser<'a> {
    /// `match subject:` and its indented `case` blocks.
    pub(super) fn match_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.advance();
        let subject = self.match_subject()?;
        self.header_colon(false)?;
        let span = self.span_from(kw.span);
        if self.kind() != K::Newline {
            return Err(self.syntax_error());
        }
        self.advance();
        if self.kind() != K::Indent {
            return Err(self.missing_block("'match' statement", kw.span.line));
        }
        self.advance();
        let mut cases = Vec::new();
        loop {
            let t = self.tok();
            if !self.is_name(t, "case") {
                return Err(self.syntax_error());
            }
            cases.push(self.case_block()?);
            if self.kind() == K::Dedent {
                self.advance();
                break;
            }
            if self.kind() == K::EndMarker {
                break;
            }
        }
        Ok(Stmt {
            kind: StmtKind::Match { subject, cases },
            span,
        })
    }

    /// The subject: one expression, or a tuple (`match a, *b:`).
    pub(super) fn match_subject(&mut self) -> PResult<Expr> {
        let start = self.tok().span;
        let first = self.star_named_expression()?;
        if !self.is_op(Op::Comma) {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.syntax_error());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.is_op(Op::Colon) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(self.node(start, ExprKind::Tuple(elts)))
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let kw = self.advance();
        let pattern = self.case_patterns()?;
        let guard = if self.eat_kw(Kw::If) {
            Some(self.named_expression(true)?)
        } else {
            None
        };
        self.header_colon(false)?;
        let span = self.span_from(kw.span);
        let body = self.block("'case' statement", kw.span.line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
            span,
        })
    }

    /// A case's pattern: one pattern, or a sequence without brackets
    /// (`case a, *rest:`).
    fn case_patterns(&mut self) -> PResult<Pattern> {
        let start = self.tok().span;
        let first = self.maybe_star_pattern()?;
        if !self.is_op(Op::Comma) {
            if let PatternKind::Star(_) = first.kind {
                return Err(self.syntax_error());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.is_op(Op::Colon) || self.is_kw(Kw::If) {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(self.pattern_node(start, PatternKind::Sequence(items)))
    }

    fn pattern_node(&self, start: Span, kind: PatternKind) -> Pattern {
        Pattern {
            kind,
            span: self.span_from(start),
        }
    }

    /// A pattern, or `*name` where a sequence allows it.
    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if !self.is_op(Op::Star) {
            return self.pattern();
        }
        let start = self.advance().span;
        let t = self.tok();
        if t.kind != K::Name {
            return Err(self.syntax_error());
        }
        self.advance();
        let name = match self.text(t) {
            "_" => None,
            other => Some(Rc::from(other)),
        };
        Ok(self.pattern_node(start, PatternKind::Star(name)))
    }

    /// `or_pattern ['as' name]`, nesting checked against [`MAX_DEPTH`].
    fn pattern(&mut self) -> PResult<Pattern> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        let r = self.as_pattern();
        self.depth -= 1;
        r
    }

    fn as_pattern(&mut self) -> PResult<Pattern> {
        let start = self.tok().span;
        let p = self.or_pattern()?;
        if !self.eat_kw(Kw::As) {
            return Ok(p);
        }
        let t = self.tok();
        if t.kind != K::Name {
            return Err(self.err_span("invalid pattern target", t.span));
        }
        if self.text(t) == "_" {
            return Err(self.err_span("cannot use '_' as a target", t.span));
        }
        self.advance();
        if self.is_op(Op::Dot) || self.is_op(Op::LParen) || self.is_op(Op::Assign) {
            return Err(self.syntax_error());
        }
        let kind = PatternKind::As {
            pattern: Some(Box::new(p)),
            name: Some(self.text(t).into()),
        };
        Ok(self.pattern_node(start, kind))
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.tok().span;
        let first = self.closed_pattern()?;
        if !self.is_op(Op::Pipe) {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat_op(Op::Pipe) {
            alts.push(self.closed_pattern()?);
        }
        Ok(self.pattern_node(start, PatternKind::Or(alts)))
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        match self.kind() {
            K::Name => self.name_pattern(),
            K::Op(Op::LParen) => self.paren_pattern(),
            K::Op(Op::LBracket) => self.bracket_pattern(),
            K::Op(Op::LBrace) => self.mapping_pattern(),
            _ => self.literal_pattern(),
        }
    }

    /// `None`, `True`, `False`, a number (signed) or strings.
    fn literal_pattern(&mut self) -> PResult<Pattern> {
        let start = self.tok().span;
        let kind = match self.kind() {
            K::Keyword(Kw::None) => PatternKind::Singleton(Constant::None),
            K::Keyword(Kw::True) => PatternKind::Singleton(Constant::Bool(true)),
            K::Keyword(Kw::False) => PatternKind::Singleton(Constant::Bool(false)),
            _ => {
                let value = self.literal_expr()?;
                return Ok(self.pattern_node(start, PatternKind::Value(value)));
            }
        };
        self.advance();
        Ok(self.pattern_node(start, kind))
    }

    /// A literal that may be compared with `==`: strings (not f-strings)
    /// or a signed number.
    fn literal_expr(&mut self) -> PResult<Expr> {
        match self.kind() {
            K::Str(_) => {
                let e = self.strings()?;
                if let ExprKind::JoinedStr(_) = e.kind {
                    return Err(self.err_span(
                        "patterns may only match literals and attribute lookups",
                        e.span,
                    ));
                }
                Ok(e)
            }
            K::Keyword(Kw::None | Kw::True | Kw::False) => self.leaf(),
            _ => self.signed_number(),
        }
    }

    fn signed_number(&mut self) -> PResult<Expr> {
        let start = self.tok().span;
        let negative = self.eat_op(Op::Minus);
        if !matches!(
            self.kind(),
            K::Int(_) | K::Float(_) | K::BigInt | K::Imaginary
        ) {
            return Err(self.syntax_error());
        }
        let number = self.leaf()?;
        if self.is_op(Op::Plus) || self.is_op(Op::Minus) {
            // `1 + 2j`: a complex literal, which needs an imaginary part.
            self.advance();
            let t = self.tok();
            return Err(match t.kind {
                K::Imaginary => {
                    SyntaxError::unsupported("complex numbers", t.span.line, t.span.col)
                }
                K::Int(_) | K::Float(_) | K::BigInt => {
                    self.err_span("imaginary number required in complex literal", t.span)
                }
                _ => self.syntax_error(),
            });
        }
        if !negative {
            return Ok(number);
        }
        let kind = match number.kind {
            ExprKind::Constant(Constant::Int(i)) => ExprKind::Constant(Constant::Int(-i)),
            ExprKind::Constant(Constant::Float(f)) => ExprKind::Constant(Constant::Float(-f)),
            other => other,
        };
        Ok(self.node(start, kind))
    }

    /// `name` (a capture), `_`, `a.b` (a value) or `Cls(...)`.
    fn name_pattern(&mut self) -> PResult<Pattern> {
        let t = self.advance();
        let start = t.span;
        let name: Rc<str> = self.text(t).into();
        let mut value = Expr {
            kind: ExprKind::Name(name.clone()),
            span: t.span,
        };
        let mut dotted = false;
        while self.eat_op(Op::Dot) {
            let (attr, _) = self.expect_name()?;
            value = self.node(
                start,
                ExprKind::Attribute {
                    value: Box::new(value),
                    attr,
                },
            );
            dotted = true;
        }
        if self.is_op(Op::LParen) {
            return self.class_pattern(start, value);
        }
        if self.is_op(Op::Assign) {
            return Err(self.syntax_error());
        }
        let kind = if dotted {
            PatternKind::Value(value)
        } else if &*name == "_" {
            PatternKind::As {
                pattern: None,
                name: None,
            }
        } else {
            PatternKind::As {
                pattern: None,
                name: Some(name),
            }
        };
        Ok(self.pattern_node(start, kind))
    }

    /// `Cls(p, q, attr=r)`, from the `(`.
    fn class_pattern(&mut self, start: Span, cls: Expr) -> PResult<Pattern> {
        self.advance();
        self.brackets += 1;
        let (mut patterns, mut kwd_attrs, mut kwd_patterns) = (Vec::new(), Vec::new(), Vec::new());
        while !self.is_op(Op::RParen) {
            if self.kind() == K::Name && self.peek(1).kind == K::Op(Op::Assign) {
                let (attr, _) = self.expect_name()?;
                self.advance();
                kwd_attrs.push(attr);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(
                        self.err_span("positional patterns follow keyword patterns", p.span)
                    );
                }
                patterns.push(p);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RParen)?;
        self.brackets -= 1;
        let kind = PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        };
        Ok(self.pattern_node(start, kind))
    }

    /// `(p)` (a group), `()` or `(p, ...)` (a sequence).
    fn paren_pattern(&mut self) -> PResult<Pattern> {
        let start = self.advance().span;
        self.brackets += 1;
        if self.eat_op(Op::RParen) {
            self.brackets -= 1;
            return Ok(self.pattern_node(start, PatternKind::Sequence(Vec::new())));
        }
        let first = self.maybe_star_pattern()?;
        if !self.is_op(Op::Comma) {
            if let PatternKind::Star(_) = first.kind {
                return Err(self.syntax_error());
            }
            self.expect_op(Op::RParen)?;
            self.brackets -= 1;
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.is_op(Op::RParen) {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        self.expect_op(Op::RParen)?;
        self.brackets -= 1;
        Ok(self.pattern_node(start, PatternKind::Sequence(items)))
    }

    /// `[p, *rest, q]`.
    fn bracket_pattern(&mut self) -> PResult<Pattern> {
        let start = self.advance().span;
        self.brackets += 1;
        let mut items = Vec::new();
        while !self.is_op(Op::RBracket) {
            items.push(self.maybe_star_pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RBracket)?;
        self.brackets -= 1;
        Ok(self.pattern_node(start, PatternKind::Sequence(items)))
    }

    /// `{key: p, **rest}`.
    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.advance().span;
        self.brackets += 1;
        let (mut keys, mut patterns, mut rest) = (Vec::new(), Vec::new(), None);
        while !self.is_op(Op::RBrace) {
            if self.eat_op(Op::DoubleStar) {
                let t = self.tok();
                if t.kind != K::Name || self.text(t) == "_" {
                    return Err(self.syntax_error());
                }
                self.advance();
                rest = Some(Rc::from(self.text(t)));
                // `**rest` comes last.
                self.eat_op(Op::Comma);
                if !self.is_op(Op::RBrace) {
                    return Err(self.syntax_error());
                }
                break;
            }
            keys.push(self.mapping_key()?);
            self.expect_op(Op::Colon)?;
            patterns.push(self.pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RBrace)?;
        self.brackets -= 1;
        let kind = PatternKind::Mapping {
            keys,
            patterns,
            rest,
        };
        Ok(self.pattern_node(start, kind))
    }

    /// A mapping pattern's key: a literal or a dotted name.
    fn mapping_key(&mut self) -> PResult<Expr> {
        if self.kind() != K::Name {
            return self.literal_expr();
        }
        let t = self.advance();
        let mut key = Expr {
            kind: ExprKind::Name(self.text(t).into()),
            span: t.span,
        };
        if !self.is_op(Op::Dot) {
            return Err(self.syntax_error());
        }
        while self.eat_op(Op::Dot) {
            let (attr, _) = self.expect_name()?;
            key = self.node(
                t.span,
                ExprKind::Attribute {
                    value: Box::new(key),
                    attr,
                },
            );
        }
        Ok(key)
    }
}
