//! The parser: tokens → [`ast::Module`](super::ast::Module).
//!
//! A hand-written recursive-descent parser over the token vector, with
//! precedence climbing for binary operators. Errors follow CPython 3.11:
//! the same messages at the same positions for the mistakes people make
//! (a missing colon or comma, `=` for `==`, an unclosed bracket, a bad
//! assignment target), plain `invalid syntax` at the offending token
//! otherwise. Where CPython reports a tokenizer error in preference to a
//! parser error, so does [`parse`].
//!
//! Nothing here may panic or overflow the stack on any input: expression
//! nesting, and the height of the trees built from left-associative
//! chains (`a+b+c…`, `x.a.b…`), are capped at [`MAX_DEPTH`]; block
//! nesting is capped by the lexer's indentation limit.
//!
//! Sections: entry point and parser state; statements; compound
//! statements; expressions (precedence climbing, primaries, atoms,
//! displays); strings and f-strings; target checks and error helpers.

use std::cell::Cell;
use std::rc::Rc;

use super::ast::*;
use super::error::SyntaxError;
use super::lexer::{self, EscapeError, LexError, LexErrorKind};
use super::token::{Keyword as Kw, Op, StrToken, Token, TokenKind as K};

/// Deepest expression nesting (and tallest left-associative chain) the
/// parser accepts. Later passes recurse over the tree, so it must stay
/// shallow enough for them as well as for the parser itself.
pub const MAX_DEPTH: u32 = 200;

/// What too-deep nesting is reported as (CPython raises a `RecursionError`
/// with these words).
const TOO_DEEP: &str = "maximum recursion depth exceeded during compilation";

/// Parses a whole module.
pub fn parse(source: &str) -> Result<Module, SyntaxError> {
    let lexed = lexer::tokenize(source);
    let mut p = Parser::new(source, &lexed.tokens, 0, false);
    let result = p.module();
    match (result, lexed.error) {
        (Ok(module), None) => Ok(module),
        (Ok(_), Some(lex)) => Err(lex.error),
        (Err(e), None) => Err(e),
        // CPython reports an unexpected indent as soon as the parser meets
        // it, without looking further for tokenizer errors.
        (Err(e), Some(_)) if is_unexpected_indent(&e) => Err(e),
        (Err(e), Some(lex)) => {
            let last_line = p.toks[p.fetched.get()].span.line;
            Err(prefer(e, lex, p.reached_error_token(), last_line))
        }
    }
}

/// Chooses between a parser error and a tokenizer error further on, as
/// CPython does (see [`LexErrorKind`]); `reached_end` tells whether the
/// parser read the error token, `last_line` is the line of the last token
/// it read.
fn prefer(parser: SyntaxError, lex: LexError, reached_end: bool, last_line: u32) -> SyntaxError {
    let lex_wins = match lex.kind {
        LexErrorKind::Always => true,
        LexErrorKind::WhenRead => reached_end,
        LexErrorKind::Unclosed { line } => reached_end || last_line > line,
    };
    if lex_wins {
        lex.error
    } else {
        parser
    }
}

fn is_unexpected_indent(e: &SyntaxError) -> bool {
    e.kind == super::error::SyntaxErrorKind::Indentation
        && (e.msg == "unexpected indent" || e.msg == "unexpected unindent")
}

type PResult<T> = Result<T, SyntaxError>;

/// `?` for the recursive path: the same, with smaller debug-build frames
/// (the `Try` machinery gives each `?` several stack slots), which deep
/// nesting needs.
macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Err(e),
        }
    };
}

/// Binding powers, loosest first.
const BP_TERNARY: u8 = 1;
const BP_OR: u8 = 2;
const BP_AND: u8 = 3;
const BP_NOT: u8 = 4;
const BP_CMP: u8 = 5;
const BP_BOR: u8 = 6;
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

/// Call arguments being parsed.
struct Args {
    args: Vec<Expr>,
    keywords: Vec<Keyword>,
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
    fn new(allow_genexp: bool) -> Self {
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

/// Where the parser is, so that a speculative parse can be undone.
#[derive(Clone, Copy)]
struct Mark {
    pos: usize,
    depth: u32,
    brackets: u32,
}

struct Parser<'a> {
    /// The text the tokens index into (the module, or an f-string field).
    src: &'a str,
    /// Never empty: the last token is `EndMarker` or `Error`, and the
    /// parser never moves past it.
    toks: &'a [Token],
    pos: usize,
    /// Current expression nesting, checked against [`MAX_DEPTH`].
    depth: u32,
    /// The furthest token looked at, outside speculative parses: where
    /// `invalid syntax` is reported, as CPython reports it at the last
    /// token its first pass read.
    furthest: Cell<usize>,
    /// The furthest token looked at at all, to know whether the parser read
    /// the lexer's error token (see [`prefer`]).
    fetched: Cell<usize>,
    /// Parsing an f-string field: messages get CPython's `f-string: `.
    fstring: bool,
    /// Open brackets around the position: "Perhaps you forgot a comma?"
    /// is only suggested inside brackets, as CPython does.
    brackets: u32,
    /// Whether errors may try hints (off inside speculative parses).
    hints: bool,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, toks: &'a [Token], depth: u32, fstring: bool) -> Self {
        Parser {
            src,
            toks,
            pos: 0,
            depth,
            furthest: Cell::new(0),
            fetched: Cell::new(0),
            fstring,
            brackets: u32::from(fstring),
            hints: true,
        }
    }

    // -- token access -------------------------------------------------------

    fn tok(&self) -> &'a Token {
        let toks: &'a [Token] = self.toks;
        &toks[self.pos.min(toks.len() - 1)]
    }

    fn kind(&self) -> K {
        self.tok().kind
    }

    /// The token `n` places ahead (the last token if past the end).
    fn peek(&self, n: usize) -> &'a Token {
        let toks: &'a [Token] = self.toks;
        let i = (self.pos + n).min(toks.len() - 1);
        self.saw(i);
        &toks[i]
    }

    fn saw(&self, i: usize) {
        if i > self.furthest.get() {
            self.furthest.set(i);
        }
        if i > self.fetched.get() {
            self.fetched.set(i);
        }
    }

    fn advance(&mut self) -> &'a Token {
        let t = self.tok();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
            self.saw(self.pos);
        }
        t
    }

    fn reached_error_token(&self) -> bool {
        let last = self.toks.len() - 1;
        self.fetched.get() >= last && self.toks[last].kind == K::Error
    }

    fn is_op(&self, op: Op) -> bool {
        self.kind() == K::Op(op)
    }

    fn is_kw(&self, kw: Kw) -> bool {
        self.kind() == K::Keyword(kw)
    }

    fn eat_op(&mut self, op: Op) -> bool {
        let yes = self.is_op(op);
        if yes {
            self.advance();
        }
        yes
    }

    fn eat_kw(&mut self, kw: Kw) -> bool {
        let yes = self.is_kw(kw);
        if yes {
            self.advance();
        }
        yes
    }

    fn expect_op(&mut self, op: Op) -> PResult<&'a Token> {
        if self.is_op(op) {
            Ok(self.advance())
        } else {
            Err(self.syntax_error())
        }
    }

    fn text(&self, t: &Token) -> &'a str {
        let src: &'a str = self.src;
        src.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    fn expect_name(&mut self) -> PResult<(Rc<str>, Span)> {
        let t = self.tok();
        if t.kind != K::Name {
            return Err(self.syntax_error());
        }
        self.advance();
        Ok((self.text(t).into(), t.span))
    }

    fn is_name(&self, t: &Token, name: &str) -> bool {
        t.kind == K::Name && self.text(t) == name
    }

    fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            depth: self.depth,
            brackets: self.brackets,
        }
    }

    fn reset(&mut self, m: Mark) {
        self.pos = m.pos;
        self.depth = m.depth;
        self.brackets = m.brackets;
    }

    /// Whether `f` parses from here; the position is left unchanged, and
    /// what `f` read does not move where `invalid syntax` is reported.
    /// Errors inside get no hints (whose own lookahead could read on).
    fn speculate<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> bool {
        let m = self.mark();
        let furthest = self.furthest.get();
        let hints = std::mem::replace(&mut self.hints, false);
        let ok = f(self).is_ok();
        self.hints = hints;
        self.reset(m);
        self.furthest.set(furthest);
        ok
    }

    // -- spans --------------------------------------------------------------

    /// End of the last consumed token.
    fn prev_end(&self) -> (u32, u32) {
        match self.pos.checked_sub(1).and_then(|i| self.toks.get(i)) {
            Some(t) => (t.span.end_line, t.span.end_col),
            None => (self.tok().span.line, self.tok().span.col),
        }
    }

    /// From the start of `start` to the end of the last consumed token.
    fn span_from(&self, start: Span) -> Span {
        let (end_line, end_col) = self.prev_end();
        Span {
            line: start.line,
            col: start.col,
            end_line,
            end_col,
        }
    }

    fn node(&self, start: Span, kind: ExprKind) -> Expr {
        Expr {
            kind,
            span: self.span_from(start),
        }
    }

    fn stmt(&self, start: Span, kind: StmtKind) -> Stmt {
        Stmt {
            kind,
            span: self.span_from(start),
        }
    }

    // -- errors -------------------------------------------------------------

    fn err_at(&self, msg: impl Into<String>, line: u32, col: u32) -> SyntaxError {
        let msg = msg.into();
        if self.fstring && !msg.starts_with("f-string") {
            SyntaxError::new(format!("f-string: {}", msg), line, col)
        } else {
            SyntaxError::new(msg, line, col)
        }
    }

    fn err_span(&self, msg: impl Into<String>, span: Span) -> SyntaxError {
        self.err_at(msg, span.line, span.col)
    }

    fn err_here(&self, msg: impl Into<String>) -> SyntaxError {
        self.err_span(msg, self.tok().span)
    }

    /// The generic error, at the furthest token read (as CPython).
    fn syntax_error(&self) -> SyntaxError {
        let t = &self.toks[self.furthest.get().max(self.pos).min(self.toks.len() - 1)];
        match t.kind {
            K::Indent => SyntaxError::indentation(
                "unexpected indent",
                t.span.line,
                t.span.end_col.saturating_sub(1).max(1),
            ),
            K::Dedent => SyntaxError::indentation("unexpected unindent", t.span.line, t.span.col),
            // CPython's end-of-input token sits in column 0 of the last line.
            K::EndMarker => self.err_at("invalid syntax", t.span.line, 0),
            _ => self.err_span("invalid syntax", t.span),
        }
    }

    fn too_deep(&self) -> SyntaxError {
        self.err_here(TOO_DEEP)
    }

    /// Accounts for one more level in a left-associative chain whose
    /// height so far is `h` (measured from `lhs` on first use).
    fn grow(&self, h: &mut Option<u32>, lhs: &Expr) -> PResult<()> {
        let height = h.get_or_insert_with(|| height(lhs, MAX_DEPTH + 1));
        *height += 1;
        if self.depth + *height > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    // =======================================================================
    // Statements
    // =======================================================================

    fn module(&mut self) -> PResult<Module> {
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

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
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
            K::Name if self.is_name(t, "match") && self.looks_like_match() => {
                return Err(SyntaxError::unsupported(
                    "match statements",
                    t.span.line,
                    t.span.col,
                ))
            }
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
            _ => self.funcdef(Vec::new(), None),
        }
    }

    /// `match` is a soft keyword: only a line `match <subject>:` that
    /// opens a block is a match statement.
    fn looks_like_match(&self) -> bool {
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
        match rest.iter().position(|t| {
            matches!(
                t.kind,
                K::Newline | K::EndMarker | K::Error | K::Op(Op::Semi)
            )
        }) {
            Some(i) if i >= 2 => rest[i].kind == K::Newline && rest[i - 1].kind == K::Op(Op::Colon),
            _ => false,
        }
    }

    /// Simple statements separated by `;`, up to and including NEWLINE.
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
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
    fn legacy_print(&mut self, e: &Expr, first: usize) -> Option<SyntaxError> {
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

    // =======================================================================
    // Compound statements
    // =======================================================================

    /// The `:` ending a header. CPython says "expected ':'" when the line
    /// ends instead, or always for the headers where the colon is forced.
    fn header_colon(&mut self, forced: bool) -> PResult<()> {
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
    fn block(&mut self, what: &'static str, line: u32) -> PResult<Vec<Stmt>> {
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
    fn missing_block(&self, what: &str, line: u32) -> SyntaxError {
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

    fn if_stmt(&mut self) -> PResult<Stmt> {
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

    fn while_stmt(&mut self) -> PResult<Stmt> {
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
    fn for_stmt(&mut self, start: Span, is_async: bool) -> PResult<Stmt> {
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

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.advance();
        self.header_colon(true)?;
        let span = self.span_from(kw.span);
        let body = self.block("'try' statement", kw.span.line)?;
        let mut handlers = Vec::new();
        while self.is_kw(Kw::Except) {
            handlers.push(self.except_handler()?);
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
        if self.is_op(Op::Star) {
            return Err(SyntaxError::unsupported(
                "except* (exception groups)",
                ex.span.line,
                ex.span.col,
            ));
        }
        let typ = if self.is_op(Op::Colon) || self.kind() == K::Newline {
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
        })
    }

    /// `with` (after `async`, if any; `start` is the first keyword).
    fn with_stmt(&mut self, start: Span, is_async: bool) -> PResult<Stmt> {
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

    fn decorated(&mut self) -> PResult<Stmt> {
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

    fn funcdef(&mut self, decorators: Vec<Expr>, first_line: Option<u32>) -> PResult<Stmt> {
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

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
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

    /// Parameters up to `close` (`)` for `def`, `:` for `lambda`). Each
    /// parameter is parsed by a function of its own: defaults recurse
    /// (`lambda x=lambda y=...`), so this frame must stay small.
    fn params(&mut self, close: Op, annotations: bool) -> PResult<Box<Params>> {
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

    // =======================================================================
    // Expressions
    //
    // The functions on the recursive path (expr_bp → prefix/infix →
    // primary → atom → displays → named_expression → expr_bp) stay small:
    // they dispatch with tail calls and leave error wording to helpers,
    // because a debug build gives every temporary its own stack slot and
    // the deepest nesting allowed must fit in a 2 MB thread stack.
    // =======================================================================

    /// `expression`: a conditional expression or lambda, no tuple.
    #[inline(always)]
    fn expression(&mut self) -> PResult<Expr> {
        self.expr_bp(BP_TERNARY)
    }

    /// `star_expressions`: one or more comma-separated expressions, a
    /// tuple if there is a comma. Records each element's first token in
    /// `starts` when asked; returns whether it made a tuple.
    fn star_expressions(&mut self, mut starts: Option<&mut Vec<usize>>) -> PResult<(Expr, bool)> {
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
    fn star_target(&mut self) -> PResult<Expr> {
        if !self.is_op(Op::Star) {
            return self.expr_bp(BP_BOR);
        }
        let start = self.advance().span;
        let value = tri!(self.expr_bp(BP_BOR));
        Ok(self.boxed(start, value, ExprKind::Starred))
    }

    /// A node with one boxed child, from `start` to here.
    fn boxed(&self, start: Span, child: Expr, make: fn(Box<Expr>) -> ExprKind) -> Expr {
        self.node(start, make(Box::new(child)))
    }

    /// Assignment targets of `for` and comprehensions (`a, *b`).
    fn target_list(&mut self) -> PResult<Expr> {
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
    fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.is_op(Op::Star) {
            self.star_target()
        } else {
            self.named_expression(true)
        }
    }

    /// `name := value` or an expression. With `hint`, a following `=` or
    /// `:=` gets CPython's specific errors.
    fn named_expression(&mut self, hint: bool) -> PResult<Expr> {
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
            Some(self.err_span(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                e.span,
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

    fn yield_expr(&mut self) -> PResult<Expr> {
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
    fn expr_bp(&mut self, min: u8) -> PResult<Expr> {
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

    /// An atom followed by any number of `.name`, `(args)` and `[index]`.
    fn primary(&mut self) -> PResult<Expr> {
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
    fn arguments(&mut self, a: &mut Args) -> PResult<()> {
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
        a.args.push(self.boxed(start, value, ExprKind::Starred));
        Ok(())
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
        let e = tri!(self.named_expression(true));
        if !self.is_op(Op::Colon) {
            return Ok(e);
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

    #[inline(always)]
    fn atom(&mut self) -> PResult<Expr> {
        match self.kind() {
            K::Str(_) => self.strings(),
            K::Op(Op::LParen) => self.paren(),
            K::Op(Op::LBracket) => self.list(),
            K::Op(Op::LBrace) => self.dict_or_set(),
            _ => self.leaf(),
        }
    }

    /// A name or a constant.
    fn leaf(&mut self) -> PResult<Expr> {
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
            K::BigInt => {
                return Err(SyntaxError::unsupported(
                    "integers beyond 64 bits",
                    t.span.line,
                    t.span.col,
                ))
            }
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
        self.advance();
        let value_first = self.pos;
        let value = tri!(self.expr_bp(BP_BOR));
        Ok(ExprKind::Dict(tri!(self.rest_of_dict(
            None,
            value,
            value_first
        ))))
    }

    /// After the first element or key inside `{`.
    fn dict_or_set_rest(&mut self, first: usize, e: Expr) -> PResult<ExprKind> {
        if self.is_op(Op::Colon) && !matches!(e.kind, ExprKind::Starred(_)) {
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
    fn bad_for_target(&mut self, target: &Expr, first: usize) -> SyntaxError {
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

    fn is_comp_for(&self) -> bool {
        // The look past `async` is not recorded as read: CPython's first
        // pass does not get there.
        self.is_kw(Kw::For)
            || (self.is_kw(Kw::Async)
                && self.toks.get(self.pos + 1).map(|t| t.kind) == Some(K::Keyword(Kw::For)))
    }

    fn comprehension_of(&mut self, elt: &Expr) -> PResult<Vec<Comprehension>> {
        if let ExprKind::Starred(_) = elt.kind {
            return Err(self.err_span(
                "iterable unpacking cannot be used in comprehension",
                elt.span,
            ));
        }
        self.comp_for()
    }

    /// `for target in iter if cond ...` clauses.
    fn comp_for(&mut self) -> PResult<Vec<Comprehension>> {
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

    // =======================================================================
    // Strings and f-strings
    // =======================================================================

    /// One or more adjacent string literals, joined.
    fn strings(&mut self) -> PResult<Expr> {
        let first = self.pos;
        while matches!(self.kind(), K::Str(_)) {
            self.advance();
        }
        let toks: &'a [Token] = &self.toks[first..self.pos];
        let span = self.span_from(toks[0].span);
        // CPython reports errors about the literals at the token after them.
        let after = self.tok().span;
        let src: &'a str = self.src;
        let infos: Vec<(StrToken, Span, &'a str)> = toks
            .iter()
            .filter_map(|t| match t.kind {
                K::Str(s) => Some((
                    s,
                    t.span,
                    src.get(s.body_start as usize..s.body_end as usize)
                        .unwrap_or(""),
                )),
                _ => None,
            })
            .collect();
        let n_bytes = infos.iter().filter(|(s, _, _)| s.bytes).count();
        if n_bytes != 0 && n_bytes != infos.len() {
            return Err(self.err_span("cannot mix bytes and nonbytes literals", after));
        }
        let kind = if n_bytes != 0 {
            let mut out = Vec::new();
            for &(s, tspan, text) in &infos {
                if !text.is_ascii() {
                    return Err(
                        self.err_span("bytes can only contain ASCII literal characters", tspan)
                    );
                }
                lexer::decode_bytes(text, s.raw, &mut out)
                    .map_err(|e| self.escape_error(e, after, tspan))?;
            }
            ExprKind::Constant(Constant::Bytes(out.into()))
        } else if infos.iter().any(|(s, _, _)| s.fstring) {
            let mut parts = Vec::new();
            let mut lit = String::new();
            for &(s, tspan, text) in &infos {
                if s.fstring {
                    let mut scan = FScan::new(text, s.raw, tspan.line, s.body_col);
                    self.fstring_parts(&mut scan, 0, &mut parts, &mut lit, after)?;
                } else {
                    lexer::decode_str(text, s.raw, &mut lit)
                        .map_err(|e| self.escape_error(e, after, tspan))?;
                }
            }
            flush_literal(&mut parts, &mut lit);
            ExprKind::JoinedStr(parts)
        } else {
            let mut out = String::new();
            for &(s, tspan, text) in &infos {
                lexer::decode_str(text, s.raw, &mut out)
                    .map_err(|e| self.escape_error(e, after, tspan))?;
            }
            ExprKind::Constant(Constant::Str(out.into()))
        };
        Ok(Expr { kind, span })
    }

    /// A string escape error: codec errors point after the literals, as in
    /// CPython; unsupported escapes at the literal.
    fn escape_error(&self, e: EscapeError, after: Span, literal: Span) -> SyntaxError {
        match e {
            EscapeError::Codec(msg) => self.err_span(msg, after),
            EscapeError::Unsupported(what) => {
                SyntaxError::unsupported(what, literal.line, literal.col)
            }
        }
    }

    /// Literal text and fields of an f-string body (or of a format spec,
    /// at `level` 1 and more, which ends at an unmatched `}`), as CPython
    /// 3.11 scans them. Errors about the layout point at `after`.
    fn fstring_parts(
        &mut self,
        sc: &mut FScan<'_>,
        level: u32,
        parts: &mut Vec<FStringPart>,
        lit: &mut String,
        after: Span,
    ) -> PResult<()> {
        loop {
            self.fstring_literal(sc, level, lit, after)?;
            match sc.byte(sc.i) {
                Some(b'{') => {
                    let field = self.fstring_field(sc, level, after)?;
                    flush_literal(parts, lit);
                    parts.push(field);
                }
                // The `}` ending a format spec.
                _ => return Ok(()),
            }
        }
    }

    /// Literal text up to a `{` or `}` that is not doubled (or the end).
    fn fstring_literal(
        &mut self,
        sc: &mut FScan<'_>,
        level: u32,
        lit: &mut String,
        after: Span,
    ) -> PResult<()> {
        let mut seg = sc.i;
        let raw = sc.raw;
        let decode = |p: &Self, text: &str, lit: &mut String| {
            lexer::decode_str(text, raw, lit).map_err(|e| p.escape_error(e, after, after))
        };
        while let Some(c) = sc.byte(sc.i) {
            if c == b'\\' && !sc.raw {
                match sc.byte(sc.i + 1) {
                    Some(b'N') if sc.byte(sc.i + 2) == Some(b'{') => {
                        // `\N{NAME}`: its braces are not a field.
                        sc.i += 3;
                        while sc.byte(sc.i).is_some_and(|c| c != b'}') {
                            sc.i += 1;
                        }
                        sc.i += 1;
                        continue;
                    }
                    Some(b'{' | b'}') | None => sc.i += 1,
                    Some(_) => sc.i += 2,
                }
                continue;
            }
            if c == b'{' || c == b'}' {
                if level == 0 && sc.byte(sc.i + 1) == Some(c) {
                    decode(self, sc.slice(seg, sc.i), lit)?;
                    lit.push(c as char);
                    sc.i += 2;
                    seg = sc.i;
                    continue;
                }
                if c == b'}' && level == 0 {
                    return Err(self.err_span("f-string: single '}' is not allowed", after));
                }
                break;
            }
            sc.i += 1;
        }
        let end = sc.i.min(sc.len());
        decode(self, sc.slice(seg, end), lit)?;
        Ok(())
    }

    /// A `{expr=!c:spec}` field; `sc.i` is at the `{`.
    fn fstring_field(
        &mut self,
        sc: &mut FScan<'_>,
        level: u32,
        after: Span,
    ) -> PResult<FStringPart> {
        let err = |p: &Self, msg: &str| Err(p.err_span(msg, after));
        if level >= 2 {
            return err(self, "f-string: expressions nested too deeply");
        }
        sc.i += 1;
        let expr_start = sc.i;
        let mut quote = 0u8;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while let Some(c) = sc.byte(sc.i) {
            if c == b'\\' {
                return err(self, "f-string expression part cannot include a backslash");
            }
            if quote != 0 {
                if c == quote {
                    if !triple {
                        quote = 0;
                    } else if sc.byte(sc.i + 1) == Some(c) && sc.byte(sc.i + 2) == Some(c) {
                        sc.i += 2;
                        quote = 0;
                    }
                }
                sc.i += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    triple = sc.byte(sc.i + 1) == Some(c) && sc.byte(sc.i + 2) == Some(c);
                    if triple {
                        sc.i += 2;
                    }
                    quote = c;
                }
                b'(' | b'[' | b'{' => {
                    if stack.len() >= lexer::MAX_BRACKET_DEPTH {
                        return err(self, "f-string: too many nested parenthesis");
                    }
                    stack.push(c);
                }
                b'#' => return err(self, "f-string expression part cannot include '#'"),
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if stack.is_empty() => {
                    let next = sc.byte(sc.i + 1);
                    if next == Some(b'=') && c != b':' && c != b'}' {
                        sc.i += 2;
                        continue;
                    }
                    if c == b'<' || c == b'>' {
                        sc.i += 1;
                        continue;
                    }
                    break;
                }
                b')' | b']' | b'}' => {
                    let Some(open) = stack.pop() else {
                        return Err(
                            self.err_span(format!("f-string: unmatched '{}'", c as char), after)
                        );
                    };
                    let matches = matches!((open, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !matches {
                        return Err(self.err_span(
                            format!(
                                "f-string: closing parenthesis '{}' does not match \
                                 opening parenthesis '{}'",
                                c as char, open as char
                            ),
                            after,
                        ));
                    }
                }
                _ => {}
            }
            sc.i += 1;
        }
        if quote != 0 {
            return err(self, "f-string: unterminated string");
        }
        if let Some(&open) = stack.last() {
            return Err(self.err_span(format!("f-string: unmatched '{}'", open as char), after));
        }
        if sc.i >= sc.len() {
            return err(self, "f-string: expecting '}'");
        }
        let expr_end = sc.i;
        let text = sc.slice(expr_start, expr_end);
        if text.bytes().all(is_py_space) {
            return err(self, "f-string: empty expression not allowed");
        }
        let (line, col) = sc.position(expr_start);
        let value = self.fstring_expr(text, line, col)?;
        let mut debug_text = None;
        if sc.byte(sc.i) == Some(b'=') {
            sc.i += 1;
            while sc.byte(sc.i).is_some_and(is_py_space) {
                sc.i += 1;
            }
            if sc.i >= sc.len() {
                return err(self, "f-string: expecting '}'");
            }
            debug_text = Some(Rc::from(sc.slice(expr_start, sc.i)));
        }
        let mut conversion = None;
        if sc.byte(sc.i) == Some(b'!') {
            sc.i += 1;
            let Some(c) = sc.char_at(sc.i) else {
                return err(self, "f-string: expecting '}'");
            };
            sc.i += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return err(
                    self,
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                );
            }
            conversion = Some(c);
        }
        let mut format_spec = None;
        if sc.byte(sc.i) == Some(b':') {
            sc.i += 1;
            if sc.i >= sc.len() {
                return err(self, "f-string: expecting '}'");
            }
            let mut spec = Vec::new();
            let mut lit = String::new();
            self.fstring_parts(sc, level + 1, &mut spec, &mut lit, after)?;
            flush_literal(&mut spec, &mut lit);
            format_spec = Some(spec);
        }
        if sc.byte(sc.i) != Some(b'}') {
            return err(self, "f-string: expecting '}'");
        }
        sc.i += 1;
        Ok(FStringPart::Field {
            value: Box::new(value),
            conversion,
            format_spec,
            debug_text,
        })
    }

    /// Parses the expression of an f-string field, whose text starts at
    /// `line`, `col`, with a parser of its own (nesting depth carried over).
    fn fstring_expr(&mut self, text: &str, line: u32, col: u32) -> PResult<Expr> {
        let lexed = lexer::tokenize_fragment(text, line, col);
        if let Some(e) = lexed.error {
            let mut e = e.error;
            if !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            return Err(e);
        }
        let mut sub = Parser::new(text, &lexed.tokens, self.depth, true);
        let first = sub.pos;
        let (e, is_tuple) = if sub.is_kw(Kw::Yield) {
            (sub.yield_expr()?, false)
        } else {
            sub.star_expressions(None)?
        };
        if sub.kind() != K::EndMarker {
            if is_tuple {
                return Err(sub.syntax_error());
            }
            return Err(sub.no_comma_error(&e, first));
        }
        if let ExprKind::Starred(_) = e.kind {
            return Err(sub.err_span("cannot use starred expression here", e.span));
        }
        Ok(e)
    }

    // =======================================================================
    // Target checks and error helpers
    // =======================================================================

    fn check_store_target(&self, target: &Expr) -> PResult<()> {
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
    fn is_bitwise_or(&self, e: &Expr, first: usize) -> bool {
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
    fn starts_with_display(&self, e: &Expr, first: usize) -> bool {
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
    fn no_comma_error(&mut self, e: &Expr, first: usize) -> SyntaxError {
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
            return self.err_span("invalid syntax. Perhaps you forgot a comma?", e.span);
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

/// Moves accumulated literal text into `parts`.
fn flush_literal(parts: &mut Vec<FStringPart>, lit: &mut String) {
    if !lit.is_empty() {
        parts.push(FStringPart::Literal(std::mem::take(lit).into()));
    }
}

/// Python's `isspace` for ASCII, which f-string scanning uses.
fn is_py_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// A cursor over an f-string body that can tell the line and column of a
/// byte offset (for the spans of field expressions). Offsets only grow, so
/// positions are computed incrementally.
struct FScan<'s> {
    body: &'s str,
    i: usize,
    raw: bool,
    at: usize,
    line: u32,
    col: u32,
}

impl<'s> FScan<'s> {
    fn new(body: &'s str, raw: bool, line: u32, col: u32) -> Self {
        FScan {
            body,
            i: 0,
            raw,
            at: 0,
            line,
            col,
        }
    }

    fn len(&self) -> usize {
        self.body.len()
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.body.as_bytes().get(i).copied()
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.body.get(i..).and_then(|s| s.chars().next())
    }

    /// The text between two offsets; empty if either is not on a char
    /// boundary (the scanner only stops at ASCII bytes, so they are).
    fn slice(&self, from: usize, to: usize) -> &'s str {
        self.body.get(from..to).unwrap_or("")
    }

    fn position(&mut self, i: usize) -> (u32, u32) {
        let b = self.body.as_bytes();
        let end = i.min(b.len());
        while self.at < end {
            let c = b[self.at];
            if c == b'\n' || (c == b'\r' && b.get(self.at + 1) != Some(&b'\n')) {
                self.line += 1;
                self.col = 1;
            } else if c & 0xc0 != 0x80 && c != b'\r' {
                self.col += 1;
            }
            self.at += 1;
        }
        (self.line, self.col)
    }
}

/// Whether a token can begin an expression (or a starred one).
fn can_start_expr(k: K) -> bool {
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

/// The first part of `e` that cannot be assigned to (or deleted, with
/// `del`), as CPython finds it.
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
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
fn expr_name(e: &Expr) -> &'static str {
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

/// The height of an expression tree, counting no further than `cap`.
/// Trees the parser builds are at most about [`MAX_DEPTH`] high, so the
/// recursion is bounded.
fn height(e: &Expr, cap: u32) -> u32 {
    if cap == 0 {
        return 0;
    }
    let h = |x: &Expr| height(x, cap - 1);
    let hs = |xs: &[Expr]| xs.iter().map(h).max().unwrap_or(0);
    let hg = |gs: &[Comprehension]| {
        gs.iter()
            .map(|g| h(&g.target).max(h(&g.iter)).max(hs(&g.ifs)))
            .max()
            .unwrap_or(0)
    };
    let below = match &e.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => 0,
        ExprKind::JoinedStr(parts) => parts
            .iter()
            .map(|p| part_height(p, cap - 1))
            .max()
            .unwrap_or(0),
        ExprKind::List(xs) | ExprKind::Tuple(xs) | ExprKind::Set(xs) => hs(xs),
        ExprKind::Dict(entries) => entries
            .iter()
            .map(|(k, v)| k.as_ref().map_or(0, h).max(h(v)))
            .max()
            .unwrap_or(0),
        ExprKind::Attribute { value, .. } => h(value),
        ExprKind::Subscript { value, index } => h(value).max(h(index)),
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .iter()
            .map(|x| x.as_deref().map_or(0, h))
            .max()
            .unwrap_or(0),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => h(func)
            .max(hs(args))
            .max(keywords.iter().map(|k| h(&k.value)).max().unwrap_or(0)),
        ExprKind::BinOp { left, right, .. } => h(left).max(h(right)),
        ExprKind::UnaryOp { operand, .. } => h(operand),
        ExprKind::BoolOp { values, .. } => hs(values),
        ExprKind::Compare {
            left, comparators, ..
        } => h(left).max(hs(comparators)),
        ExprKind::IfExp { test, body, orelse } => h(test).max(h(body)).max(h(orelse)),
        ExprKind::Lambda { params, body } => {
            let defaults = params
                .args
                .iter()
                .chain(&params.kwonly)
                .filter_map(|p| p.default.as_ref())
                .map(h)
                .max()
                .unwrap_or(0);
            h(body).max(defaults)
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => h(v),
        ExprKind::Yield(v) => v.as_deref().map_or(0, h),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => h(elt).max(hg(generators)),
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => h(key).max(h(value)).max(hg(generators)),
        ExprKind::NamedExpr { value, .. } => h(value),
    };
    below + 1
}

fn part_height(p: &FStringPart, cap: u32) -> u32 {
    match p {
        FStringPart::Literal(_) => 0,
        FStringPart::Field {
            value, format_spec, ..
        } => {
            let spec = format_spec.as_ref().map_or(0, |s| {
                s.iter().map(|p| part_height(p, cap)).max().unwrap_or(0)
            });
            height(value, cap).max(spec)
        }
    }
}

#[cfg(test)]
mod tests;
