//! The tokenizer: source text → [`Token`]s, with Python's indentation
//! rules, and the decoding of string-literal escapes.
//!
//! It follows CPython 3.11's tokenizer closely enough that the errors it
//! reports carry the same words and positions as CPython's (they are what
//! a user compares against). The whole input is tokenized up front; a
//! tokenizer error ends the token list with a [`TokenKind::Error`] token
//! and is kept aside, because CPython reports it only once the parser gets
//! there or fails (see [`LexError`]).
//!
//! Sections: public entry points, the lexer proper (lines and
//! indentation, then names, numbers, strings and operators), then escape
//! decoding used by the parser.

use super::ast::Span;
use super::error::SyntaxError;
use super::token::{Keyword, Op, StrToken, Token, TokenKind};

/// Deepest bracket nesting CPython's tokenizer accepts (its `MAXLEVEL`).
pub const MAX_BRACKET_DEPTH: usize = 200;

/// Most indentation levels CPython's tokenizer accepts (its `MAXINDENT`).
pub const MAX_INDENT_DEPTH: usize = 100;

/// Columns a tab advances to the next multiple of, as in CPython.
const TAB_SIZE: u32 = 8;

/// A tokenizer error and how it competes with the parser's errors.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    /// The error as reported.
    pub error: SyntaxError,
    /// When it is reported rather than a parser error.
    pub kind: LexErrorKind,
}

/// How a tokenizer error competes with a parser error met earlier in the
/// file. CPython, after a parser error, tokenizes the rest of the file and
/// reports the first tokenizer error it meets instead; but some tokenizer
/// errors only surface when the parser itself reads that far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexErrorKind {
    /// Reported instead of any parser error (bad characters, numbers and
    /// strings, unmatched or too deeply nested brackets).
    Always,
    /// Reported only if the parser reads that far (inconsistent
    /// indentation, a bad line continuation).
    WhenRead,
    /// The input ended inside brackets, the innermost unclosed one being on
    /// `line`. Reported if the parser reads the end of input, or had read
    /// past that line when it failed.
    Unclosed {
        /// The line of the innermost unclosed bracket.
        line: u32,
    },
}

/// The result of tokenizing: tokens, ending with [`TokenKind::EndMarker`],
/// or with [`TokenKind::Error`] when `error` is set.
#[derive(Clone, Debug, PartialEq)]
pub struct Lexed {
    /// The tokens.
    pub tokens: Vec<Token>,
    /// Why tokenizing stopped early, if it did.
    pub error: Option<LexError>,
}

/// Tokenizes a whole module.
pub fn tokenize(source: &str) -> Lexed {
    Lexer::new(source, 1, 1, false).run()
}

/// Tokenizes the text of an f-string replacement field, which starts at
/// `line`, `col` of the file. The text behaves as if inside parentheses:
/// newlines are insignificant and there is no indentation.
pub fn tokenize_fragment(source: &str, line: u32, col: u32) -> Lexed {
    Lexer::new(source, line, col, true).run()
}

// ---------------------------------------------------------------------------
// The lexer proper
// ---------------------------------------------------------------------------

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    /// Byte offset of the next character.
    pos: usize,
    /// Line of `pos`.
    line: u32,
    /// Character column of `pos`.
    col: u32,
    /// Byte offset where the current physical line starts.
    line_start: usize,
    /// Column of the last newline character consumed: the end position of
    /// the previous line, where CPython puts tokens made at end of input.
    last_newline_col: u32,
    /// Lexing an f-string field rather than a module.
    fragment: bool,
    tokens: Vec<Token>,
    /// Indentation stack: (column with tabs to 8, column with tabs to 1);
    /// comparing both detects inconsistent tabs and spaces, as CPython does.
    indents: Vec<(u32, u32)>,
    /// Open brackets: (byte, line, col).
    brackets: Vec<(u8, u32, u32)>,
}

/// What stopped the main loop.
type LexResult = Result<(), LexError>;

fn plain(error: SyntaxError) -> LexError {
    LexError {
        error,
        kind: LexErrorKind::Always,
    }
}

fn when_read(error: SyntaxError) -> LexError {
    LexError {
        error,
        kind: LexErrorKind::WhenRead,
    }
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, line: u32, col: u32, fragment: bool) -> Self {
        Lexer {
            src,
            b: src.as_bytes(),
            pos: 0,
            line,
            col,
            line_start: 0,
            last_newline_col: 1,
            fragment,
            tokens: Vec::with_capacity(src.len() / 3 + 4),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
        }
    }

    fn run(mut self) -> Lexed {
        let error = match self.main_loop() {
            Ok(()) => None,
            Err(e) => {
                let (line, col) = self.eof_position();
                self.tokens.push(Token {
                    kind: TokenKind::Error,
                    span: Span {
                        line,
                        col,
                        end_line: line,
                        end_col: col,
                    },
                    start: self.pos as u32,
                    end: self.pos as u32,
                });
                Some(e)
            }
        };
        Lexed {
            tokens: self.tokens,
            error,
        }
    }

    // -- character access ---------------------------------------------------

    fn byte(&self, at: usize) -> u8 {
        self.b.get(at).copied().unwrap_or(0)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }

    /// The character at `pos`; only called when not at the end.
    fn peek_char(&self) -> char {
        let c = self.byte(self.pos);
        if c < 0x80 {
            c as char
        } else {
            char_at(self.src, self.pos)
        }
    }

    /// Moves past one character that is not a newline.
    fn bump(&mut self) {
        let c = self.byte(self.pos);
        self.pos += if c < 0x80 {
            1
        } else {
            self.peek_char().len_utf8()
        };
        self.col += 1;
    }

    /// Moves past `\n`, `\r\n` or `\r`.
    fn bump_newline(&mut self) {
        if self.byte(self.pos) == b'\r' && self.byte(self.pos + 1) == b'\n' {
            self.pos += 2;
        } else {
            self.pos += 1;
        }
        self.last_newline_col = self.col;
        self.line += 1;
        self.col = 1;
        self.line_start = self.pos;
    }

    fn is_newline(c: u8) -> bool {
        c == b'\n' || c == b'\r'
    }

    /// Where CPython puts what it reads at the end of input: the end of the
    /// last line (a trailing newline does not start another line).
    fn eof_position(&self) -> (u32, u32) {
        if !self.fragment && self.pos == self.line_start && self.line > 1 && self.pos > 0 {
            (self.line - 1, self.last_newline_col)
        } else {
            (self.line, self.col)
        }
    }

    /// The number of the line where the end of input is, as CPython counts.
    fn eof_line(&self) -> u32 {
        self.eof_position().0
    }

    /// Length in characters of the current physical line.
    fn line_len(&self) -> u32 {
        let rest = &self.src[self.line_start..];
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        rest[..end].chars().count() as u32
    }

    fn push(&mut self, kind: TokenKind, start: usize, line: u32, col: u32) {
        self.tokens.push(Token {
            kind,
            span: Span {
                line,
                col,
                end_line: self.line,
                end_col: self.col,
            },
            start: start as u32,
            end: self.pos as u32,
        });
    }

    fn push_at_eof(&mut self, kind: TokenKind) {
        let (line, col) = self.eof_position();
        self.tokens.push(Token {
            kind,
            span: Span {
                line,
                col,
                end_line: line,
                end_col: col,
            },
            start: self.pos as u32,
            end: self.pos as u32,
        });
    }

    fn error(&self, msg: impl Into<String>, line: u32, col: u32) -> LexError {
        plain(SyntaxError::new(msg, line, col))
    }

    // -- lines and indentation ----------------------------------------------

    fn main_loop(&mut self) -> LexResult {
        let mut at_line_start = !self.fragment;
        // Column of a comment ending the current line, if any.
        let mut comment_col = None;
        loop {
            if at_line_start {
                at_line_start = false;
                if self.indentation()? {
                    if self.at_end() {
                        break;
                    }
                    at_line_start = true;
                    continue;
                }
            }
            while matches!(self.byte(self.pos), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
                self.col += 1;
            }
            if self.at_end() {
                break;
            }
            let c = self.byte(self.pos);
            if c != b'#' && !Self::is_newline(c) {
                comment_col = None;
            }
            match c {
                b'#' => {
                    comment_col = Some(self.col);
                    self.skip_comment();
                }
                b'\n' | b'\r' => {
                    if self.fragment || !self.brackets.is_empty() {
                        self.bump_newline();
                    } else {
                        // CPython puts a NEWLINE after a comment where the
                        // comment starts.
                        let (start, line) = (self.pos, self.line);
                        let col = comment_col.unwrap_or(self.col);
                        self.tokens.push(Token {
                            kind: TokenKind::Newline,
                            span: Span {
                                line,
                                col,
                                end_line: line,
                                end_col: col + 1,
                            },
                            start: start as u32,
                            end: start as u32 + 1,
                        });
                        self.bump_newline();
                        at_line_start = true;
                    }
                    comment_col = None;
                }
                b'\\' => self.continuation()?,
                b'0'..=b'9' => self.number()?,
                b'.' if self.byte(self.pos + 1).is_ascii_digit() => self.number()?,
                b'"' | b'\'' => {
                    let (start, line, col) = (self.pos, self.line, self.col);
                    self.string(start, line, col, false, false, false)?
                }
                b'\0' => {
                    return Err(self.error(
                        "source code cannot contain null bytes",
                        self.line,
                        self.col,
                    ))
                }
                _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.name()?,
                _ => self.operator()?,
            }
        }
        self.finish()
    }

    fn skip_comment(&mut self) {
        while !self.at_end() && !Self::is_newline(self.byte(self.pos)) {
            self.bump();
        }
    }

    /// Measures the indentation of a new logical line and emits INDENT or
    /// DEDENT tokens. Returns true for a blank or comment-only line, which
    /// it consumes whole (such lines produce no tokens at all).
    fn indentation(&mut self) -> Result<bool, LexError> {
        let (mut col, mut alt) = (0u32, 0u32);
        loop {
            match self.byte(self.pos) {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.pos += 1;
            self.col += 1;
        }
        if self.at_end() {
            return Ok(true);
        }
        if self.byte(self.pos) == b'\\' && !Self::is_newline(self.byte(self.pos + 1)) {
            return Err(when_read(SyntaxError::new(
                "unexpected character after line continuation character",
                self.line,
                self.col + 1,
            )));
        }
        match self.byte(self.pos) {
            b'#' | b'\n' | b'\r' => {
                self.skip_comment();
                if !self.at_end() {
                    self.bump_newline();
                }
                return Ok(true);
            }
            _ => {}
        }
        let (top_col, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        let tab_error = |line| {
            when_read(SyntaxError::indentation(
                "inconsistent use of tabs and spaces in indentation",
                line,
                1,
            ))
        };
        if col == top_col {
            if alt != top_alt {
                return Err(tab_error(self.line));
            }
        } else if col > top_col {
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return Err(when_read(SyntaxError::indentation(
                    "too many levels of indentation",
                    self.line,
                    1,
                )));
            }
            if alt <= top_alt {
                return Err(tab_error(self.line));
            }
            self.indents.push((col, alt));
            self.tokens.push(Token {
                kind: TokenKind::Indent,
                span: Span {
                    line: self.line,
                    col: 1,
                    end_line: self.line,
                    end_col: self.col,
                },
                start: self.line_start as u32,
                end: self.pos as u32,
            });
        } else {
            // Check the level dedented to before emitting any DEDENT, as
            // CPython reports a bad dedent before the tokens.
            let keep = self
                .indents
                .iter()
                .rposition(|&(c, _)| c <= col)
                .unwrap_or(0);
            let (top_col, top_alt) = self.indents[keep];
            if col != top_col {
                return Err(when_read(SyntaxError::indentation(
                    "unindent does not match any outer indentation level",
                    self.line,
                    self.line_len() + 1,
                )));
            }
            if alt != top_alt {
                return Err(tab_error(self.line));
            }
            for _ in keep + 1..self.indents.len() {
                // CPython reports errors at a dedent at the 0-based column
                // of the line's first token, one left of that token.
                self.tokens.push(Token {
                    kind: TokenKind::Dedent,
                    span: Span {
                        line: self.line,
                        col: self.col - 1,
                        end_line: self.line,
                        end_col: self.col - 1,
                    },
                    start: self.pos as u32,
                    end: self.pos as u32,
                });
            }
            self.indents.truncate(keep + 1);
        }
        Ok(false)
    }

    /// A backslash: must be followed by a newline, which it joins away.
    fn continuation(&mut self) -> LexResult {
        let (line, col) = (self.line, self.col);
        self.pos += 1;
        self.col += 1;
        // At the end of input inside brackets, CPython reports the bracket.
        let eof = |brackets: &[(u8, u32, u32)]| match brackets.last() {
            Some(&(open, bline, bcol)) => LexError {
                error: SyntaxError::new(
                    format!("'{}' was never closed", open as char),
                    bline,
                    bcol,
                ),
                kind: LexErrorKind::Unclosed { line: bline },
            },
            None => when_read(SyntaxError::new(
                "unexpected EOF while parsing",
                line,
                col + 1,
            )),
        };
        if self.at_end() {
            return Err(eof(&self.brackets));
        }
        if !Self::is_newline(self.byte(self.pos)) {
            return Err(when_read(SyntaxError::new(
                "unexpected character after line continuation character",
                line,
                col + 1,
            )));
        }
        self.bump_newline();
        if self.at_end() {
            return Err(eof(&self.brackets));
        }
        Ok(())
    }

    fn finish(&mut self) -> LexResult {
        if let Some(&(open, line, col)) = self.brackets.last() {
            let msg = if self.fragment {
                "f-string: expecting '}'".to_string()
            } else {
                format!("'{}' was never closed", open as char)
            };
            return Err(LexError {
                error: SyntaxError::new(msg, line, col),
                kind: LexErrorKind::Unclosed { line },
            });
        }
        if !self.fragment {
            if self
                .tokens
                .last()
                .is_some_and(|t| t.kind != TokenKind::Newline)
            {
                self.push_at_eof(TokenKind::Newline);
            }
            for _ in 1..self.indents.len() {
                self.push_at_eof(TokenKind::Dedent);
            }
        }
        self.push_at_eof(TokenKind::EndMarker);
        Ok(())
    }

    // -- names --------------------------------------------------------------

    fn is_id_start(c: char) -> bool {
        c.is_ascii_alphabetic() || c == '_' || (!c.is_ascii() && c.is_alphabetic())
    }

    fn is_id_continue(c: char) -> bool {
        c.is_ascii_alphanumeric()
            || c == '_'
            || (!c.is_ascii()
                && (c.is_alphanumeric()
                    || c == '\u{b7}'
                    // Combining marks continue identifiers in Python; Rust's
                    // `is_alphanumeric` leaves them out.
                    || ('\u{300}'..='\u{36f}').contains(&c)
                    || ('\u{900}'..='\u{dff}').contains(&c)
                    || ('\u{1ab0}'..='\u{1aff}').contains(&c)
                    || ('\u{1dc0}'..='\u{1dff}').contains(&c)
                    || ('\u{20d0}'..='\u{20ff}').contains(&c)
                    || ('\u{fe20}'..='\u{fe2f}').contains(&c)))
    }

    fn name(&mut self) -> LexResult {
        let (start, line, col) = (self.pos, self.line, self.col);
        let first = self.peek_char();
        if !Self::is_id_start(first) {
            return Err(self.invalid_character(first));
        }
        self.bump();
        while !self.at_end() {
            let c = self.peek_char();
            if !Self::is_id_continue(c) {
                break;
            }
            self.bump();
        }
        let text = &self.src[start..self.pos];
        let next = self.byte(self.pos);
        if (next == b'"' || next == b'\'') && text.len() <= 2 {
            if let Some((raw, bytes, fstring)) = string_prefix(text) {
                return self.string(start, line, col, raw, bytes, fstring);
            }
        }
        let kind = match Keyword::lookup(text) {
            Some(k) => TokenKind::Keyword(k),
            None => TokenKind::Name,
        };
        self.push(kind, start, line, col);
        Ok(())
    }

    fn invalid_character(&self, c: char) -> LexError {
        let msg = if is_printable(c) {
            format!("invalid character '{}' (U+{:04X})", c, c as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", c as u32)
        };
        self.error(msg, self.line, self.col)
    }

    // -- numbers ------------------------------------------------------------

    /// Column CPython gives errors about the character at byte `at` of a
    /// number: the column just before it (numbers are ASCII, so bytes
    /// since the start of the number are columns).
    fn num_col(&self, start: usize, start_col: u32, at: usize) -> u32 {
        start_col + (at - start) as u32
    }

    fn number(&mut self) -> LexResult {
        let (start, line, col) = (self.pos, self.line, self.col);
        let b = self.b;
        let at = |i: usize| b.get(i).copied().unwrap_or(0);
        let mut i = start;
        let err = |this: &Self, msg: String, at_byte: usize, plus_one: bool| {
            let c = this.num_col(start, col, at_byte) - 1 + u32::from(plus_one);
            Err(this.error(msg, line, c.max(1)))
        };
        let c0 = at(i);
        let radix_kind = if c0 == b'0' {
            match at(i + 1) {
                b'x' | b'X' => Some((16u32, "hexadecimal")),
                b'o' | b'O' => Some((8, "octal")),
                b'b' | b'B' => Some((2, "binary")),
                _ => None,
            }
        } else {
            None
        };
        if let Some((radix, kind)) = radix_kind {
            i += 2;
            let mut value: Option<i64> = Some(0);
            loop {
                if at(i) == b'_' {
                    i += 1;
                }
                let c = at(i);
                if !(c as char).is_digit(radix) {
                    if radix < 10 && c.is_ascii_digit() {
                        return err(
                            self,
                            format!("invalid digit '{}' in {} literal", c as char, kind),
                            i,
                            true,
                        );
                    }
                    return err(self, format!("invalid {} literal", kind), i, false);
                }
                while let Some(d) = (at(i) as char).to_digit(radix) {
                    value = value
                        .and_then(|v| v.checked_mul(radix as i64))
                        .and_then(|v| v.checked_add(d as i64));
                    i += 1;
                }
                if at(i) != b'_' {
                    break;
                }
            }
            if radix < 10 && at(i).is_ascii_digit() {
                return err(
                    self,
                    format!("invalid digit '{}' in {} literal", at(i) as char, kind),
                    i,
                    true,
                );
            }
            self.verify_end_of_number(i, start, col, kind)?;
            self.advance_ascii(i - start);
            let kind = match value {
                Some(v) => TokenKind::Int(v),
                None => TokenKind::BigInt,
            };
            self.push(kind, start, line, col);
            return Ok(());
        }

        // Decimal integer part (possibly empty for `.5`).
        let mut is_float = false;
        let mut leading_zero_error = false;
        if c0 == b'0' {
            // Only zeros may follow a leading zero, unless this turns out
            // to be a float (`012.5`) or imaginary (`012j`).
            loop {
                if at(i) == b'_' {
                    i += 1;
                    if !at(i).is_ascii_digit() {
                        return err(self, "invalid decimal literal".into(), i, false);
                    }
                }
                if at(i) != b'0' {
                    break;
                }
                i += 1;
            }
            if at(i).is_ascii_digit() {
                leading_zero_error = true;
                i = self.decimal_tail(i, start, col)?;
            }
        } else if c0 != b'.' {
            i = self.decimal_tail(i, start, col)?;
        }
        let mut c = at(i);
        if c == b'.' {
            is_float = true;
            i += 1;
            if at(i).is_ascii_digit() {
                i = self.decimal_tail(i, start, col)?;
            }
            c = at(i);
        }
        if c == b'e' || c == b'E' {
            let e_at = i;
            let mut j = i + 1;
            if at(j) == b'+' || at(j) == b'-' {
                j += 1;
                if !at(j).is_ascii_digit() {
                    return err(self, "invalid decimal literal".into(), j, false);
                }
            }
            if at(j).is_ascii_digit() {
                is_float = true;
                leading_zero_error = false;
                i = self.decimal_tail(j, start, col)?;
            } else {
                // `1else`: the `e` starts the next token, if that is a
                // keyword; otherwise this is an error at the `e`.
                self.verify_end_of_number(e_at, start, col, "decimal")?;
                i = e_at;
            }
            c = at(i);
        }
        let imaginary = c == b'j' || c == b'J';
        if imaginary {
            i += 1;
            self.verify_end_of_number(i, start, col, "imaginary")?;
        } else {
            if leading_zero_error && !is_float {
                return Err(self.error(
                    "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers",
                    line,
                    col,
                ));
            }
            self.verify_end_of_number(i, start, col, "decimal")?;
        }
        let text = &self.src[start..i];
        let kind = if imaginary {
            TokenKind::Imaginary
        } else if is_float {
            TokenKind::Float(parse_float(text))
        } else {
            let mut v: Option<i64> = Some(0);
            for d in text.bytes().filter(u8::is_ascii_digit) {
                v = v
                    .and_then(|v| v.checked_mul(10))
                    .and_then(|v| v.checked_add(i64::from(d - b'0')));
            }
            match v {
                Some(v) => TokenKind::Int(v),
                None => TokenKind::BigInt,
            }
        };
        self.advance_ascii(i - start);
        self.push(kind, start, line, col);
        Ok(())
    }

    fn advance_ascii(&mut self, n: usize) {
        self.pos += n;
        self.col += n as u32;
    }

    /// Digits with single underscores between them, from byte `i`.
    fn decimal_tail(&self, mut i: usize, start: usize, col: u32) -> Result<usize, LexError> {
        loop {
            while self.byte(i).is_ascii_digit() {
                i += 1;
            }
            if self.byte(i) != b'_' {
                return Ok(i);
            }
            i += 1;
            if !self.byte(i).is_ascii_digit() {
                let c = self.num_col(start, col, i) - 1;
                return Err(self.error("invalid decimal literal", self.line, c.max(1)));
            }
        }
    }

    /// CPython rejects a number run into a name (`1abc`), except before
    /// the keywords that may follow a number in valid code (`1if x else 2`).
    fn verify_end_of_number(&self, i: usize, start: usize, col: u32, kind: &str) -> LexResult {
        let c = self.byte(i);
        let rest = &self.b[i.min(self.b.len())..];
        let keyword_follows = match c {
            b'a' => rest.starts_with(b"and"),
            b'e' => rest.starts_with(b"else"),
            b'f' => rest.starts_with(b"for"),
            b'i' => matches!(self.byte(i + 1), b'f' | b'n' | b's'),
            b'o' => rest.starts_with(b"or"),
            b'n' => rest.starts_with(b"not"),
            _ => false,
        };
        if !keyword_follows && (c.is_ascii_alphanumeric() || c == b'_') {
            let at = self.num_col(start, col, i) - 1;
            return Err(self.error(format!("invalid {} literal", kind), self.line, at.max(1)));
        }
        Ok(())
    }

    // -- strings ------------------------------------------------------------

    /// A string literal whose prefix (if any) starts at `start`; `pos` is at
    /// the opening quote.
    fn string(
        &mut self,
        start: usize,
        line: u32,
        col: u32,
        raw: bool,
        bytes: bool,
        fstring: bool,
    ) -> LexResult {
        let q = self.byte(self.pos);
        let triple = self.byte(self.pos + 1) == q && self.byte(self.pos + 2) == q;
        let qlen = if triple { 3 } else { 1 };
        self.advance_ascii(qlen);
        let body_start = self.pos;
        let body_col = self.col;
        loop {
            if self.at_end() {
                let what = if triple {
                    "unterminated triple-quoted string literal"
                } else {
                    "unterminated string literal"
                };
                return Err(self.error(
                    format!("{} (detected at line {})", what, self.eof_line()),
                    line,
                    col,
                ));
            }
            let c = self.byte(self.pos);
            if c == q && (!triple || (self.byte(self.pos + 1) == q && self.byte(self.pos + 2) == q))
            {
                break;
            }
            if c == b'\\' {
                self.pos += 1;
                self.col += 1;
                if self.at_end() {
                    continue;
                }
                if Self::is_newline(self.byte(self.pos)) {
                    self.bump_newline();
                } else {
                    self.bump();
                }
            } else if Self::is_newline(c) {
                if !triple {
                    return Err(self.error(
                        format!(
                            "unterminated string literal (detected at line {})",
                            self.line
                        ),
                        line,
                        col,
                    ));
                }
                self.bump_newline();
            } else {
                self.bump();
            }
        }
        let body_end = self.pos;
        self.advance_ascii(qlen);
        let tok = StrToken {
            raw,
            bytes,
            fstring,
            quote_len: qlen as u8,
            body_start: body_start as u32,
            body_end: body_end as u32,
            body_col,
        };
        self.push(TokenKind::Str(tok), start, line, col);
        Ok(())
    }

    // -- operators ----------------------------------------------------------

    fn operator(&mut self) -> LexResult {
        let (start, line, col) = (self.pos, self.line, self.col);
        let c = self.byte(self.pos);
        let c1 = self.byte(self.pos + 1);
        let c2 = self.byte(self.pos + 2);
        use Op::*;
        let (op, len) = match (c, c1, c2) {
            (b'*', b'*', b'=') => (DoubleStarEq, 3),
            (b'/', b'/', b'=') => (DoubleSlashEq, 3),
            (b'<', b'<', b'=') => (LShiftEq, 3),
            (b'>', b'>', b'=') => (RShiftEq, 3),
            (b'.', b'.', b'.') => (Ellipsis, 3),
            (b'*', b'*', _) => (DoubleStar, 2),
            (b'/', b'/', _) => (DoubleSlash, 2),
            (b'<', b'<', _) => (LShift, 2),
            (b'>', b'>', _) => (RShift, 2),
            (b'<', b'=', _) => (LtE, 2),
            (b'>', b'=', _) => (GtE, 2),
            (b'=', b'=', _) => (EqEq, 2),
            (b'!', b'=', _) => (NotEq, 2),
            (b'-', b'>', _) => (Arrow, 2),
            (b':', b'=', _) => (Walrus, 2),
            (b'+', b'=', _) => (PlusEq, 2),
            (b'-', b'=', _) => (MinusEq, 2),
            (b'*', b'=', _) => (StarEq, 2),
            (b'/', b'=', _) => (SlashEq, 2),
            (b'%', b'=', _) => (PercentEq, 2),
            (b'@', b'=', _) => (AtEq, 2),
            (b'&', b'=', _) => (AmperEq, 2),
            (b'|', b'=', _) => (PipeEq, 2),
            (b'^', b'=', _) => (CaretEq, 2),
            (b'(', _, _) => (LParen, 1),
            (b')', _, _) => (RParen, 1),
            (b'[', _, _) => (LBracket, 1),
            (b']', _, _) => (RBracket, 1),
            (b'{', _, _) => (LBrace, 1),
            (b'}', _, _) => (RBrace, 1),
            (b',', _, _) => (Comma, 1),
            (b':', _, _) => (Colon, 1),
            (b';', _, _) => (Semi, 1),
            (b'.', _, _) => (Dot, 1),
            (b'=', _, _) => (Assign, 1),
            (b'+', _, _) => (Plus, 1),
            (b'-', _, _) => (Minus, 1),
            (b'*', _, _) => (Star, 1),
            (b'/', _, _) => (Slash, 1),
            (b'%', _, _) => (Percent, 1),
            (b'@', _, _) => (At, 1),
            (b'&', _, _) => (Amper, 1),
            (b'|', _, _) => (Pipe, 1),
            (b'^', _, _) => (Caret, 1),
            (b'~', _, _) => (Tilde, 1),
            (b'<', _, _) => (Lt, 1),
            (b'>', _, _) => (Gt, 1),
            _ => {
                // `$`, `?`, a backtick, a lone `!`, or a control character.
                let ch = self.peek_char();
                if ch.is_ascii_graphic() {
                    self.advance_ascii(1);
                    self.push(TokenKind::Invalid, start, line, col);
                    return Ok(());
                }
                return Err(self.invalid_character(ch));
            }
        };
        match op {
            LParen | LBracket | LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(self.error("too many nested parentheses", line, col));
                }
                self.brackets.push((c, line, col));
            }
            RParen | RBracket | RBrace => match self.brackets.pop() {
                None => {
                    let msg = if self.fragment {
                        format!("f-string: unmatched '{}'", c as char)
                    } else {
                        format!("unmatched '{}'", c as char)
                    };
                    return Err(self.error(msg, line, col));
                }
                Some((open, open_line, _)) => {
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        let mut msg = format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        );
                        if open_line != line {
                            msg.push_str(&format!(" on line {}", open_line));
                        }
                        return Err(self.error(msg, line, col));
                    }
                }
            },
            _ => {}
        }
        self.advance_ascii(len);
        self.push(TokenKind::Op(op), start, line, col);
        Ok(())
    }
}

/// The flags of a string prefix (`r`, `b`, `f`, `u`, case-insensitive, in
/// the combinations CPython accepts), or `None` if `text` is not one.
fn string_prefix(text: &str) -> Option<(bool, bool, bool)> {
    let (mut r, mut b, mut f, mut u) = (false, false, false, false);
    for c in text.bytes() {
        match c.to_ascii_lowercase() {
            b'r' if !r && !u => r = true,
            b'b' if !b && !f && !u => b = true,
            b'f' if !f && !b && !u => f = true,
            b'u' if !u && !r && !b && !f => u = true,
            _ => return None,
        }
    }
    Some((r, b, f))
}

/// Whether Python's `str.isprintable` would say so, near enough: the
/// difference only changes the wording of an error.
fn is_printable(c: char) -> bool {
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
        || ('\u{e000}'..='\u{f8ff}').contains(&c))
}

/// Parses a float literal's text (underscores allowed between digits).
fn parse_float(text: &str) -> f64 {
    if text.contains('_') {
        let cleaned: String = text.chars().filter(|&c| c != '_').collect();
        cleaned.parse().unwrap_or(f64::NAN)
    } else {
        text.parse().unwrap_or(f64::NAN)
    }
}

// ---------------------------------------------------------------------------
// Escape decoding
// ---------------------------------------------------------------------------

/// Why a string literal's escapes could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EscapeError {
    /// A `\x`, `\u` or `\U` escape without enough hex digits, or one naming
    /// no Unicode character; the message is CPython's.
    Codec(String),
    /// A feature the subset lacks (`\N{...}`, lone surrogates).
    Unsupported(&'static str),
}

fn codec_error(bytes: bool, start: usize, end: usize, what: &str) -> EscapeError {
    if bytes {
        EscapeError::Codec(format!(
            "(value error) invalid \\x escape at position {}",
            start
        ))
    } else {
        EscapeError::Codec(format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
            start, end, what
        ))
    }
}

/// Reads up to `n` hex digits at `at`; returns the value and how many.
fn hex_digits(b: &[u8], at: usize, n: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut k = 0;
    while k < n {
        match b.get(at + k).and_then(|&c| (c as char).to_digit(16)) {
            Some(d) => v = v * 16 + d,
            None => break,
        }
        k += 1;
    }
    (v, k)
}

/// The character at byte `i` of `s` (`i` is on a boundary; NUL if not).
fn char_at(s: &str, i: usize) -> char {
    s.get(i..).and_then(|t| t.chars().next()).unwrap_or('\0')
}

/// Decodes the body of a (non-bytes) string literal into `out`. Raw
/// bodies are copied, with newlines normalised as Python does.
pub fn decode_str(body: &str, raw: bool, out: &mut String) -> Result<(), EscapeError> {
    let b = body.as_bytes();
    if !body.contains(['\\', '\r']) {
        out.push_str(body);
        return Ok(());
    }
    let mut i = 0;
    // CPython reports escape errors at byte positions of the body with
    // every non-ASCII character first widened to a 10-byte `\UXXXXXXXX`.
    let mut cpos = 0usize;
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push('\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            cpos += 1;
            continue;
        }
        if c != b'\\' || raw {
            // Raw strings keep their backslashes.
            let ch = char_at(body, i);
            out.push(ch);
            i += ch.len_utf8();
            cpos += if ch.is_ascii() { 1 } else { 10 };
            continue;
        }
        // A backslash escape.
        let start = cpos;
        let Some(&e) = b.get(i + 1) else {
            // A lone trailing backslash cannot end a literal; keep it.
            out.push('\\');
            break;
        };
        i += 2;
        cpos += 2;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                let mut k = 0;
                while k < 2 && matches!(b.get(i), Some(b'0'..=b'7')) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                    k += 1;
                }
                cpos += k;
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let (n, what) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let (v, k) = hex_digits(b, i, n);
                if k < n {
                    return Err(codec_error(false, start, cpos + k - 1, what));
                }
                i += n;
                cpos += n;
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None if (0xd800..0xe000).contains(&v) => {
                        return Err(EscapeError::Unsupported("lone surrogates in strings"))
                    }
                    None => {
                        return Err(codec_error(
                            false,
                            start,
                            cpos - 1,
                            "illegal Unicode character",
                        ))
                    }
                }
            }
            b'N' => return Err(EscapeError::Unsupported("\\N{...} escapes")),
            _ => {
                // An unknown escape keeps its backslash (a warning in
                // CPython, not an error).
                out.push('\\');
                let ch = char_at(body, i - 1);
                out.push(ch);
                i += ch.len_utf8() - 1;
                cpos += if ch.is_ascii() { 0 } else { 9 };
            }
        }
    }
    Ok(())
}

/// Decodes the body of a bytes literal into `out`. The caller has already
/// checked that the body is ASCII.
pub fn decode_bytes(body: &str, raw: bool, out: &mut Vec<u8>) -> Result<(), EscapeError> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push(b'\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if c != b'\\' || raw {
            out.push(c);
            i += 1;
            if raw && c == b'\\' && i < b.len() {
                out.push(b[i]);
                i += 1;
            }
            continue;
        }
        let start = i;
        let Some(&e) = b.get(i + 1) else {
            out.push(b'\\');
            break;
        };
        i += 2;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                let mut k = 0;
                while k < 2 && matches!(b.get(i), Some(b'0'..=b'7')) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                    k += 1;
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let (v, k) = hex_digits(b, i, 2);
                if k < 2 {
                    return Err(codec_error(true, start, start, ""));
                }
                i += 2;
                out.push(v as u8);
            }
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        let lexed = tokenize(src);
        assert!(lexed.error.is_none(), "{:?}", lexed.error);
        lexed.tokens.iter().map(|t| t.kind).collect()
    }

    fn lex_err(src: &str) -> (String, u32, u32) {
        let e = tokenize(src).error.expect("expected a lexer error").error;
        (e.msg, e.line, e.col)
    }

    use TokenKind as K;

    #[test]
    fn indentation_makes_indent_and_dedent_tokens() {
        let k = kinds("if x:\n    y\nz\n");
        assert_eq!(
            k,
            vec![
                K::Keyword(Keyword::If),
                K::Name,
                K::Op(Op::Colon),
                K::Newline,
                K::Indent,
                K::Name,
                K::Newline,
                K::Dedent,
                K::Name,
                K::Newline,
                K::EndMarker
            ]
        );
    }

    #[test]
    fn blank_and_comment_lines_make_no_tokens() {
        let k = kinds("x\n\n   # c\n  \ny # d\n");
        assert_eq!(
            k,
            vec![K::Name, K::Newline, K::Name, K::Newline, K::EndMarker]
        );
    }

    #[test]
    fn brackets_and_backslashes_join_lines() {
        let k = kinds("x = (1,\n   2)\ny = 1 + \\\n  2\n");
        assert_eq!(k.iter().filter(|k| **k == K::Newline).count(), 2);
        assert!(!k.contains(&K::Indent));
    }

    #[test]
    fn missing_final_newline_is_supplied_with_dedents() {
        let k = kinds("if x:\n  y");
        assert_eq!(&k[k.len() - 3..], &[K::Newline, K::Dedent, K::EndMarker]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            kinds("1_000 0x_ff 0o17 0b101 1.5 .5 5. 1e-3 1_0.0_1e1_0 99999999999999999999 1j")
                [..11],
            [
                K::Int(1000),
                K::Int(255),
                K::Int(15),
                K::Int(5),
                K::Float(1.5),
                K::Float(0.5),
                K::Float(5.0),
                K::Float(0.001),
                K::Float(10.01e10),
                K::BigInt,
                K::Imaginary
            ]
        );
        assert_eq!(kinds("9223372036854775807")[0], K::Int(i64::MAX));
        assert_eq!(kinds("9223372036854775808")[0], K::BigInt);
        assert_eq!(kinds("0xffffffffffffffffff")[0], K::BigInt);
    }

    #[test]
    fn a_number_may_run_into_a_keyword() {
        let k = kinds("1if x else 2");
        assert_eq!(k[0], K::Int(1));
        assert_eq!(k[1], K::Keyword(Keyword::If));
    }

    #[test]
    fn number_errors_match_cpython() {
        let m = |s: &str| lex_err(s);
        assert_eq!(m("x = 1abc"), ("invalid decimal literal".into(), 1, 5));
        assert_eq!(m("x = 1__0"), ("invalid decimal literal".into(), 1, 6));
        assert_eq!(m("x = 1e"), ("invalid decimal literal".into(), 1, 5));
        assert_eq!(m("x = 1e+"), ("invalid decimal literal".into(), 1, 7));
        assert_eq!(m("x = 0x"), ("invalid hexadecimal literal".into(), 1, 6));
        assert_eq!(m("x = 0x1g"), ("invalid hexadecimal literal".into(), 1, 7));
        assert_eq!(
            m("x = 0o19"),
            ("invalid digit '9' in octal literal".into(), 1, 8)
        );
        assert_eq!(
            m("x = 0b12"),
            ("invalid digit '2' in binary literal".into(), 1, 8)
        );
        assert_eq!(m("x = 1jk"), ("invalid imaginary literal".into(), 1, 6));
        assert_eq!(
            m("x = 012"),
            (
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers"
                    .into(),
                1,
                5
            )
        );
        assert_eq!(kinds("x = 09.5")[2], K::Float(9.5));
        assert_eq!(kinds("x = 00")[2], K::Int(0));
    }

    #[test]
    fn strings_and_prefixes() {
        let lexed = tokenize("rb'a' F\"b\" '''c\nd''' u'x' ub'y'");
        let strs: Vec<StrToken> = lexed
            .tokens
            .iter()
            .filter_map(|t| match t.kind {
                K::Str(s) => Some(s),
                _ => None,
            })
            .collect();
        assert_eq!(strs.len(), 5);
        assert!(strs[0].raw && strs[0].bytes && !strs[0].fstring);
        assert!(strs[1].fstring);
        assert_eq!(strs[2].quote_len, 3);
        // `ub` is not a prefix: a name, then a string.
        assert_eq!(lexed.tokens[4].kind, K::Name);
    }

    #[test]
    fn string_errors_match_cpython() {
        assert_eq!(
            lex_err("s = 'abc"),
            (
                "unterminated string literal (detected at line 1)".into(),
                1,
                5
            )
        );
        assert_eq!(
            lex_err("s = f'abc\n"),
            (
                "unterminated string literal (detected at line 1)".into(),
                1,
                5
            )
        );
        assert_eq!(
            lex_err("s = '''abc\n\n"),
            (
                "unterminated triple-quoted string literal (detected at line 2)".into(),
                1,
                5
            )
        );
        assert_eq!(
            lex_err("x = '''abc\n\ndef"),
            (
                "unterminated triple-quoted string literal (detected at line 3)".into(),
                1,
                5
            )
        );
    }

    #[test]
    fn bracket_errors_match_cpython() {
        assert_eq!(lex_err("x = )"), ("unmatched ')'".into(), 1, 5));
        assert_eq!(
            lex_err("x = (]"),
            (
                "closing parenthesis ']' does not match opening parenthesis '('".into(),
                1,
                6
            )
        );
        assert_eq!(
            lex_err("x = (\n1,\n2]"),
            (
                "closing parenthesis ']' does not match opening parenthesis '(' on line 1".into(),
                3,
                2
            )
        );
        let e = tokenize("(((").error.unwrap();
        assert_eq!(e.error.msg, "'(' was never closed");
        assert_eq!((e.error.line, e.error.col), (1, 3));
        assert_eq!(e.kind, LexErrorKind::Unclosed { line: 1 });
        assert_eq!(
            lex_err(&"[".repeat(5000)),
            ("too many nested parentheses".into(), 1, 201)
        );
    }

    #[test]
    fn indentation_errors_match_cpython() {
        let e = tokenize("if x:\n    a\n  bcd = 4").error.unwrap().error;
        assert_eq!(e.kind, crate::lang::SyntaxErrorKind::Indentation);
        assert_eq!(
            (e.msg.as_str(), e.line, e.col),
            ("unindent does not match any outer indentation level", 3, 10)
        );
        let e = tokenize("if x:\n\ty = 1\n        z = 2\n")
            .error
            .unwrap()
            .error;
        assert_eq!(
            (e.msg.as_str(), e.line, e.col),
            ("inconsistent use of tabs and spaces in indentation", 3, 1)
        );
        // A tab counts to the next multiple of 8, so this is consistent.
        assert!(tokenize("if x:\n\ty = 1\n\tz = 2\n").error.is_none());
    }

    #[test]
    fn stray_characters_match_cpython() {
        assert_eq!(kinds("a $ b")[1], K::Invalid);
        assert_eq!(
            lex_err("x = \u{20ac}"),
            ("invalid character '\u{20ac}' (U+20AC)".into(), 1, 5)
        );
        assert_eq!(
            lex_err("x = \u{a0}"),
            ("invalid non-printable character U+00A0".into(), 1, 5)
        );
        assert_eq!(
            lex_err("x = 1 \\ 2"),
            (
                "unexpected character after line continuation character".into(),
                1,
                8
            )
        );
        assert_eq!(
            lex_err("x = 1 \\"),
            ("unexpected EOF while parsing".into(), 1, 8)
        );
    }

    #[test]
    fn unicode_names_and_columns_count_characters() {
        let lexed = tokenize("é = 'ü'; b = 1");
        assert!(lexed.error.is_none());
        let b = lexed.tokens[4];
        assert_eq!(b.kind, K::Name);
        assert_eq!((b.span.col, b.span.end_col), (10, 11));
    }

    #[test]
    fn fragments_ignore_newlines() {
        let lexed = tokenize_fragment("a +\n b", 3, 7);
        assert!(lexed.error.is_none());
        let k: Vec<_> = lexed.tokens.iter().map(|t| t.kind).collect();
        assert_eq!(k, vec![K::Name, K::Op(Op::Plus), K::Name, K::EndMarker]);
        assert_eq!(
            (lexed.tokens[0].span.line, lexed.tokens[0].span.col),
            (3, 7)
        );
        assert_eq!(
            (lexed.tokens[2].span.line, lexed.tokens[2].span.col),
            (4, 2)
        );
    }

    #[test]
    fn escapes() {
        let d = |s: &str| {
            let mut out = String::new();
            decode_str(s, false, &mut out).map(|_| out)
        };
        assert_eq!(
            d(r"a\n\t\\\'\x41\u00e9\U0001F600\101\0\q").unwrap(),
            "a\n\t\\'A\u{e9}\u{1F600}A\0\\q"
        );
        assert_eq!(
            d(r"\x4"),
            Err(EscapeError::Codec(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: \
                 truncated \\xXX escape"
                    .into()
            ))
        );
        assert_eq!(
            d(r"\N{DASH}"),
            Err(EscapeError::Unsupported("\\N{...} escapes"))
        );
        let mut raw = String::new();
        decode_str(r"a\nb", true, &mut raw).unwrap();
        assert_eq!(raw, r"a\nb");
        let mut b = Vec::new();
        decode_bytes(r"\x00\xff\777a\u1234", false, &mut b).unwrap();
        assert_eq!(b, b"\x00\xff\xffa\\u1234");
    }
}
