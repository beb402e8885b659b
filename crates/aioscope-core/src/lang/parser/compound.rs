//! Statements that own a block (`if`, `while`, `for`, `try`, `with`,
//! `def`, `class`, decorators). They share the header colon, the indented
//! block and CPython's "expected an indented block after ..." errors,
//! which simple statements never need.

use std::rc::Rc;

use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::token::{Keyword as Kw, Op, TokenKind as K};

use super::primaries::Args;
use super::{PResult, Parser, MAX_DEPTH};

impl<'a> Parser<'a> {
    /// The `:` ending a header. CPython says "expected ':'" when the line
    /// ends instead, or always for the headers where the colon is forced.
    pub(super) fn header_colon(&mut self, forced: bool) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        if forced || self.kind() == K::Newline {
            return Err(self.err_here("expected ':'"));
        }
        Err(self.syntax_error())
    }

    /// A block after a header: an indented suite, or simple statements on
    /// the header's line. `what` and `line` word the error for a missing
    /// indented block exactly as CPython does.
    pub(super) fn block(&mut self, what: &'static str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.kind() != K::Newline {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if self.kind() != K::Indent {
            return Err(self.missing_block(what, line));
        }
        self.advance();
        loop {
            self.statement(&mut body)?;
            if self.kind() == K::Dedent {
                self.advance();
                break;
            }
            if matches!(self.kind(), K::EndMarker) {
                break;
            }
        }
        Ok(body)
    }

    #[cold]
    #[inline(never)]
    pub(super) fn missing_block(&self, what: &str, line: u32) -> SyntaxError {
        let t = self.tok();
        SyntaxError::indentation(
            format!("expected an indented block after {} on line {}", what, line),
            t.span.line,
            t.span.col,
        )
    }

    /// A condition (`if`, `elif`, `while`).
    #[inline(always)]
    fn condition(&mut self) -> PResult<Expr> {
        self.named_expression(true)
    }

    pub(super) fn if_stmt(&mut self) -> PResult<Stmt> {
        // Parsed as a flat list of branches, then folded into nested `If`s,
        // so that a long `elif` chain costs no parser recursion.
        let mut branches = Vec::new();
        loop {
            self.if_branch(&mut branches)?;
            if !self.is_kw(Kw::Elif) {
                break;
            }
            if branches.len() as u32 >= MAX_DEPTH {
                return Err(self.too_deep());
            }
        }
        let orelse = self.else_block()?;
        Ok(fold_ifs(branches, orelse))
    }

    /// One `if`/`elif` header and its block.
    fn if_branch(&mut self, branches: &mut Vec<(Expr, Vec<Stmt>, Span)>) -> PResult<()> {
        let kw = self.advance();
        let what = if kw.kind == K::Keyword(Kw::If) {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let test = self.condition()?;
        self.header_colon(false)?;
        let span = self.span_from(kw.span);
        let body = self.block(what, kw.span.line)?;
        branches.push((test, body, span));
        Ok(())
    }

    /// An optional `else:` block (after `if`, `for`, `while`, `try`).
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.is_kw(Kw::Else) {
            return Ok(Vec::new());
        }
        let kw = self.advance();
        self.header_colon(true)?;
        self.block("'else' statement", kw.span.line)
    }

    pub(super) fn while_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.advance();
        let test = self.condition()?;
        self.header_colon(false)?;
        let span = self.span_from(kw.span);
        let body = self.block("'while' statement", kw.span.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::While { test, body, orelse },
            span,
        })
    }

    /// `for` (after `async`, if any; `start` is the first keyword).
    pub(super) fn for_stmt(&mut self, start: Span, is_async: bool) -> PResult<Stmt> {
        self.advance();
        let first = self.pos;
        let target = self.target_list()?;
        self.check_store_target(&target)?;
        if !self.is_kw(Kw::In) {
            return Err(self.bad_for_target(&target, first));
        }
        self.advance();
        let iter = self.star_expressions(None)?.0;
        self.header_colon(false)?;
        let span = self.span_from(start);
        let body = self.block("'for' statement", start.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            span,
        })
    }

    pub(super) fn try_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.advance();
        self.header_colon(true)?;
        let span = self.span_from(kw.span);
        let body = self.block("'try' statement", kw.span.line)?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.is_kw(Kw::Except) {
            let at = self.tok().span;
            let h = self.except_handler()?;
            if let Some(first) = handlers.first() {
                if first.is_star != h.is_star {
                    return Err(self.err_span(
                        "cannot have both 'except' and 'except*' on the same 'try'",
                        at,
                    ));
                }
            }
            if let Some(bare) = handlers.iter().find(|h| h.typ.is_none()) {
                return Err(self.err_span("default 'except:' must be last", bare.span));
            }
            handlers.push(h);
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let mut finalbody = Vec::new();
        let has_finally = self.is_kw(Kw::Finally);
        if has_finally {
            let kw = self.advance();
            self.header_colon(true)?;
            finalbody = self.block("'finally' statement", kw.span.line)?;
        }
        if handlers.is_empty() && !has_finally {
            return Err(self.err_here("expected 'except' or 'finally' block"));
        }
        let kind = StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        };
        Ok(Stmt { kind, span })
    }

    fn except_handler(&mut self) -> PResult<ExceptHandler> {
        let ex = self.advance();
        let is_star = self.eat_op(Op::Star);
        let typ = if self.is_op(Op::Colon) || self.kind() == K::Newline {
            if is_star {
                return Err(self.err_here("expected one or more exception types"));
            }
            None
        } else {
            Some(self.expression()?)
        };
        if let (Some(t), true) = (&typ, self.is_op(Op::Comma)) {
            return Err(self.err_span("multiple exception types must be parenthesized", t.span));
        }
        let name = if self.eat_kw(Kw::As) {
            Some(self.expect_name()?.0)
        } else {
            None
        };
        self.header_colon(false)?;
        let span = self.span_from(ex.span);
        let body = self.block("'except' statement", ex.span.line)?;
        Ok(ExceptHandler {
            typ,
            name,
            body,
            span,
            is_star,
        })
    }

    /// `with` (after `async`, if any; `start` is the first keyword).
    pub(super) fn with_stmt(&mut self, start: Span, is_async: bool) -> PResult<Stmt> {
        self.advance();
        let mut items = None;
        if self.is_op(Op::LParen) {
            // `with (a as b, c):` — unless the parenthesis is part of the
            // first expression, as in `with (a, b) as c:`; try, then undo.
            let m = self.mark();
            match self.paren_with_items() {
                Ok(v) => items = Some(v),
                Err(_) => self.reset(m),
            }
        }
        let items = match items {
            Some(items) => items,
            None => {
                let mut items = Vec::new();
                loop {
                    items.push(self.with_item()?);
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                items
            }
        };
        for item in &items {
            if let Some(t) = &item.optional_vars {
                self.check_store_target(t)?;
            }
        }
        self.header_colon(false)?;
        let span = self.span_from(start);
        let body = self.block("'with' statement", start.line)?;
        Ok(Stmt {
            kind: StmtKind::With {
                items,
                body,
                is_async,
            },
            span,
        })
    }

    fn paren_with_items(&mut self) -> PResult<Vec<WithItem>> {
        self.advance();
        self.brackets += 1;
        let mut items = Vec::new();
        loop {
            items.push(self.with_item()?);
            if !self.eat_op(Op::Comma) || self.is_op(Op::RParen) {
                break;
            }
        }
        self.expect_op(Op::RParen)?;
        self.brackets -= 1;
        if !self.is_op(Op::Colon) {
            return Err(self.syntax_error());
        }
        Ok(items)
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat_kw(Kw::As) {
            Some(if self.is_op(Op::Star) {
                self.star_target()?
            } else {
                self.expression()?
            })
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    pub(super) fn decorated(&mut self) -> PResult<Stmt> {
        let first_line = self.tok().span.line;
        let mut decorators = Vec::new();
        while self.eat_op(Op::At) {
            decorators.push(self.named_expression(true)?);
            if self.kind() != K::Newline {
                return Err(self.syntax_error());
            }
            self.advance();
        }
        match self.kind() {
            K::Keyword(Kw::Def) => self.funcdef(decorators, Some(first_line)),
            K::Keyword(Kw::Async) if self.peek(1).kind == K::Keyword(Kw::Def) => {
                self.funcdef(decorators, Some(first_line))
            }
            K::Keyword(Kw::Class) => self.classdef(decorators),
            _ => Err(self.syntax_error()),
        }
    }

    pub(super) fn funcdef(
        &mut self,
        decorators: Vec<Expr>,
        first_line: Option<u32>,
    ) -> PResult<Stmt> {
        let start = self.tok().span;
        let is_async = self.eat_kw(Kw::Async);
        self.advance(); // `def`
        let (name, _) = self.expect_name()?;
        if !self.is_op(Op::LParen) {
            return Err(self.err_here("expected '('"));
        }
        self.advance();
        self.brackets += 1;
        let params = *self.params(Op::RParen, true)?;
        self.expect_op(Op::RParen)?;
        self.brackets -= 1;
        let returns = if self.eat_op(Op::Arrow) {
            Some(self.expression()?)
        } else {
            None
        };
        self.header_colon(true)?;
        let span = self.span_from(start);
        let body = self.block("function definition", start.line)?;
        let def = FunctionDef {
            name,
            params,
            body,
            decorators,
            is_async,
            returns,
            span,
            first_line: first_line.unwrap_or(start.line),
        };
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Rc::new(def)),
            span,
        })
    }

    pub(super) fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.advance().span;
        let (name, _) = self.expect_name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.eat_op(Op::LParen) {
            self.brackets += 1;
            let mut args = Args::new(false);
            self.arguments(&mut args)?;
            (bases, keywords) = (args.args, args.keywords);
            self.expect_op(Op::RParen)?;
            self.brackets -= 1;
        }
        self.header_colon(false)?;
        let span = self.span_from(start);
        let body = self.block("class definition", start.line)?;
        let def = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
            span,
        };
        Ok(Stmt {
            kind: StmtKind::ClassDef(Rc::new(def)),
            span,
        })
    }
}

/// Nests `if`/`elif` branches, last first, each in the `orelse` of the
/// one before.
fn fold_ifs(branches: Vec<(Expr, Vec<Stmt>, Span)>, mut orelse: Vec<Stmt>) -> Stmt {
    let mut branches = branches;
    let mut stmt = None;
    while let Some((test, body, span)) = branches.pop() {
        if let Some(inner) = stmt.take() {
            orelse = vec![inner];
        }
        let orelse = std::mem::take(&mut orelse);
        stmt = Some(Stmt {
            kind: StmtKind::If { test, body, orelse },
            span,
        });
    }
    // There is always a first branch; an empty `if` cannot be parsed.
    stmt.unwrap_or(Stmt {
        kind: StmtKind::Pass,
        span: Span::default(),
    })
}
