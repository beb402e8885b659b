//! Tokens: what the lexer hands the parser.
//!
//! A token is small and `Copy`: names and string literals are not copied
//! out of the source but referred to by byte offsets, so lexing a file
//! allocates only the token vector. String literals are decoded by the
//! parser, because an f-string's fields need the expression parser.

use super::ast::Span;

/// One token with where it came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Line and column range, for spans and error carets.
    pub span: Span,
    /// Byte offset of its first byte in the lexed text; the text of a name
    /// is `source[start..end]`.
    pub start: u32,
    /// Byte offset just past its last byte.
    pub end: u32,
}

/// The kinds of token. Soft keywords (`match`, `case`, `_`) are names: the
/// parser decides from context.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TokenKind {
    /// An identifier; its text is the token's source range.
    Name,
    /// A reserved word.
    Keyword(Keyword),
    /// An integer literal that fits in an `i64`.
    Int(i64),
    /// An integer literal too large for an `i64`; its value is read from
    /// the token's text.
    BigInt,
    /// A float literal.
    Float(f64),
    /// An imaginary literal (`1j`), reported as unsupported when parsed.
    Imaginary,
    /// One string literal (adjacent literals are separate tokens; the
    /// parser joins them).
    Str(StrToken),
    /// An operator or delimiter.
    Op(Op),
    /// The end of a logical line.
    Newline,
    /// The start of a more indented block.
    Indent,
    /// The end of an indented block.
    Dedent,
    /// The end of the input.
    EndMarker,
    /// A character that starts no token (`$`, `?`, a backtick, a lone
    /// `!`). Not an error by itself, as in CPython: no rule accepts it, so
    /// the parser reports `invalid syntax` there.
    Invalid,
    /// The lexer stopped here because of an error; no grammar rule accepts
    /// it, and the parser reports the lexer's error when it looks at it.
    Error,
}

/// A string literal as written, before escapes are processed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrToken {
    /// `r` prefix: backslashes are literal.
    pub raw: bool,
    /// `b` prefix.
    pub bytes: bool,
    /// `f` prefix.
    pub fstring: bool,
    /// 1 or 3.
    pub quote_len: u8,
    /// Byte offset of the first character after the opening quote(s).
    pub body_start: u32,
    /// Byte offset of the closing quote(s).
    pub body_end: u32,
    /// Column of the first body character (same line as the token start,
    /// since prefixes and quotes never span lines).
    pub body_col: u32,
}

/// The reserved words of Python 3.11.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // each variant is the keyword it names
pub enum Keyword {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Keyword {
    /// The keyword spelled `text`, if it is one.
    pub fn lookup(text: &str) -> Option<Keyword> {
        use Keyword::*;
        Some(match text {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }

    /// How it is spelled, for error messages.
    pub fn as_str(self) -> &'static str {
        use Keyword::*;
        match self {
            False => "False",
            None => "None",
            True => "True",
            And => "and",
            As => "as",
            Assert => "assert",
            Async => "async",
            Await => "await",
            Break => "break",
            Class => "class",
            Continue => "continue",
            Def => "def",
            Del => "del",
            Elif => "elif",
            Else => "else",
            Except => "except",
            Finally => "finally",
            For => "for",
            From => "from",
            Global => "global",
            If => "if",
            Import => "import",
            In => "in",
            Is => "is",
            Lambda => "lambda",
            Nonlocal => "nonlocal",
            Not => "not",
            Or => "or",
            Pass => "pass",
            Raise => "raise",
            Return => "return",
            Try => "try",
            While => "while",
            With => "with",
            Yield => "yield",
        }
    }
}

/// Operators and delimiters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // each variant is named after its symbol
pub enum Op {
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Semi,
    Dot,
    Ellipsis,
    Arrow,
    Assign,
    Walrus,
    Plus,
    Minus,
    Star,
    Slash,
    DoubleSlash,
    Percent,
    DoubleStar,
    At,
    LShift,
    RShift,
    Amper,
    Pipe,
    Caret,
    Tilde,
    Lt,
    Gt,
    LtE,
    GtE,
    EqEq,
    NotEq,
    PlusEq,
    MinusEq,
    StarEq,
    SlashEq,
    DoubleSlashEq,
    PercentEq,
    DoubleStarEq,
    AtEq,
    LShiftEq,
    RShiftEq,
    AmperEq,
    PipeEq,
    CaretEq,
}

impl Op {
    /// The operator's text.
    pub fn as_str(self) -> &'static str {
        use Op::*;
        match self {
            LParen => "(",
            RParen => ")",
            LBracket => "[",
            RBracket => "]",
            LBrace => "{",
            RBrace => "}",
            Comma => ",",
            Colon => ":",
            Semi => ";",
            Dot => ".",
            Ellipsis => "...",
            Arrow => "->",
            Assign => "=",
            Walrus => ":=",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            DoubleSlash => "//",
            Percent => "%",
            DoubleStar => "**",
            At => "@",
            LShift => "<<",
            RShift => ">>",
            Amper => "&",
            Pipe => "|",
            Caret => "^",
            Tilde => "~",
            Lt => "<",
            Gt => ">",
            LtE => "<=",
            GtE => ">=",
            EqEq => "==",
            NotEq => "!=",
            PlusEq => "+=",
            MinusEq => "-=",
            StarEq => "*=",
            SlashEq => "/=",
            DoubleSlashEq => "//=",
            PercentEq => "%=",
            DoubleStarEq => "**=",
            AtEq => "@=",
            LShiftEq => "<<=",
            RShiftEq => ">>=",
            AmperEq => "&=",
            PipeEq => "|=",
            CaretEq => "^=",
        }
    }
}
