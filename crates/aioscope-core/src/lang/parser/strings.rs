//! String literals: adjacent ones joined, bytes, escapes, and f-strings
//! scanned as CPython 3.11 scans them (each field's expression parsed by a
//! parser of its own). It works on the text inside tokens rather than on
//! the token stream, which is why it stands apart.

use std::rc::Rc;

use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::lexer::{self, EscapeError};
use crate::lang::token::{Keyword as Kw, StrToken, Token, TokenKind as K};

use super::{PResult, Parser};

impl<'a> Parser<'a> {
    /// One or more adjacent string literals, joined.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
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
