//! Colours for the code panel: splits each line of a Python program into
//! keywords, strings, numbers, comments and the rest. Only for display; it
//! never needs to be exact.

/// What a piece of a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// Anything else.
    Plain,
    /// `async`, `def`, `await`...
    Keyword,
    /// `print`, `len`... and `asyncio`.
    Builtin,
    /// A string literal.
    Str,
    /// A number.
    Num,
    /// A comment.
    Comment,
    /// The name after `def` or `class`.
    Def,
}

impl Tok {
    /// The CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Tok::Plain => "",
            Tok::Keyword => "tk-kw",
            Tok::Builtin => "tk-bi",
            Tok::Str => "tk-str",
            Tok::Num => "tk-num",
            Tok::Comment => "tk-com",
            Tok::Def => "tk-def",
        }
    }
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];
const BUILTINS: &[&str] = &[
    "print",
    "len",
    "range",
    "sum",
    "enumerate",
    "isinstance",
    "sorted",
    "list",
    "dict",
    "set",
    "str",
    "int",
    "float",
    "repr",
    "round",
    "zip",
    "map",
    "min",
    "max",
    "super",
    "self",
    "asyncio",
    "Exception",
];

/// Splits a program into lines of (token, text) pieces. Triple-quoted
/// strings may span lines.
pub fn highlight(source: &str) -> Vec<Vec<(Tok, String)>> {
    let mut out = Vec::new();
    let mut open_triple: Option<&str> = None;
    for line in source.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut pieces: Vec<(Tok, String)> = Vec::new();
        let push = |pieces: &mut Vec<(Tok, String)>, tok: Tok, s: &str| {
            if s.is_empty() {
                return;
            }
            match pieces.last_mut() {
                Some((t, text)) if *t == tok => text.push_str(s),
                _ => pieces.push((tok, s.to_string())),
            }
        };
        let mut rest = line;
        if let Some(q) = open_triple {
            match rest.find(q) {
                Some(end) => {
                    push(&mut pieces, Tok::Str, &rest[..end + 3]);
                    rest = &rest[end + 3..];
                    open_triple = None;
                }
                None => {
                    push(&mut pieces, Tok::Str, rest);
                    out.push(pieces);
                    continue;
                }
            }
        }
        let mut after_def = false;
        while let Some(c) = rest.chars().next() {
            if c == '#' {
                push(&mut pieces, Tok::Comment, rest);
                rest = "";
            } else if c == '"' || c == '\'' || string_prefix(rest) {
                let start = rest.find(['"', '\'']).unwrap_or(0);
                let q = &rest[start..];
                let triple = if q.starts_with("\"\"\"") {
                    Some("\"\"\"")
                } else if q.starts_with("'''") {
                    Some("'''")
                } else {
                    None
                };
                if let Some(t) = triple {
                    match q[3..].find(t) {
                        Some(end) => {
                            let n = start + 3 + end + 3;
                            push(&mut pieces, Tok::Str, &rest[..n]);
                            rest = &rest[n..];
                        }
                        None => {
                            push(&mut pieces, Tok::Str, rest);
                            rest = "";
                            open_triple = Some(t);
                        }
                    }
                } else {
                    let quote = q.chars().next().unwrap_or('"');
                    let mut end = rest.len();
                    let mut escaped = false;
                    for (i, ch) in q.char_indices().skip(1) {
                        if escaped {
                            escaped = false;
                        } else if ch == '\\' {
                            escaped = true;
                        } else if ch == quote {
                            end = start + i + 1;
                            break;
                        }
                    }
                    push(&mut pieces, Tok::Str, &rest[..end]);
                    rest = &rest[end..];
                }
                after_def = false;
            } else if c.is_ascii_digit() {
                let n = rest
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '_'))
                    .unwrap_or(rest.len());
                push(&mut pieces, Tok::Num, &rest[..n]);
                rest = &rest[n..];
            } else if c.is_alphabetic() || c == '_' {
                let n = rest
                    .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                    .unwrap_or(rest.len());
                let word = &rest[..n];
                let tok = if after_def {
                    Tok::Def
                } else if KEYWORDS.contains(&word) {
                    Tok::Keyword
                } else if BUILTINS.contains(&word) {
                    Tok::Builtin
                } else {
                    Tok::Plain
                };
                after_def = word == "def" || word == "class";
                push(&mut pieces, tok, word);
                rest = &rest[n..];
            } else {
                let n = c.len_utf8();
                push(&mut pieces, Tok::Plain, &rest[..n]);
                rest = &rest[n..];
            }
        }
        out.push(pieces);
    }
    if source.ends_with('\n') {
        out.pop();
    }
    out
}

/// `b'..'`, `f"..."`, `rb'...'`: a prefix then a quote.
fn string_prefix(s: &str) -> bool {
    let n = s
        .find(|c: char| !matches!(c, 'b' | 'B' | 'f' | 'F' | 'r' | 'R' | 'u' | 'U'))
        .unwrap_or(0);
    n > 0 && n <= 2 && matches!(s[n..].chars().next(), Some('"' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_line_into_kinds() {
        let lines = highlight("async def spin(msg):  # go\n    out.write(b'x' * 3)\n");
        assert_eq!(lines.len(), 2);
        let kinds: Vec<Tok> = lines[0].iter().map(|(t, _)| *t).collect();
        assert_eq!(kinds[0], Tok::Keyword);
        assert!(lines[0].iter().any(|(t, s)| *t == Tok::Def && s == "spin"));
        assert!(lines[0]
            .iter()
            .any(|(t, s)| *t == Tok::Comment && s == "# go"));
        assert!(lines[1].iter().any(|(t, s)| *t == Tok::Str && s == "b'x'"));
        assert!(lines[1].iter().any(|(t, s)| *t == Tok::Num && s == "3"));
        let text: String = lines[1].iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(text, "    out.write(b'x' * 3)");
    }

    #[test]
    fn triple_quoted_strings_span_lines() {
        let lines = highlight("x = '''a\nb\nc''' + 1");
        assert_eq!(lines[1], vec![(Tok::Str, "b".to_string())]);
        assert!(lines[2].iter().any(|(t, s)| *t == Tok::Num && s == "1"));
    }
}
