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
//! The parser is one `Parser` type whose methods are spread over files
//! by grammar area, each adding an `impl Parser` block: this file holds
//! the entry point, the parser's state, token access, spans, errors and
//! the depth limit; `statements.rs`, `compound.rs`, `params.rs` and
//! `patterns.rs` (`match`) the statements; `expressions.rs`, `primaries.rs` and `displays.rs` the
//! expressions; `strings.rs` string literals and f-strings; `targets.rs`
//! assignment-target checks and the "forgot a comma" hint.

use std::cell::Cell;
use std::rc::Rc;

use super::ast::*;
use super::error::SyntaxError;
use super::lexer::{self, LexError, LexErrorKind};
use super::token::{Keyword as Kw, Op, Token, TokenKind as K};

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

// The parts of the parser, declared after `tri!` so that they can use it.
mod compound;
mod displays;
mod expressions;
mod params;
mod patterns;
mod primaries;
mod statements;
mod strings;
mod targets;

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
