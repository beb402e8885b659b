//! Errors of the language front end, worded and laid out like CPython's so
//! that users recognise them.

use std::fmt;

/// Which Python exception a front-end error stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (a subclass of `SyntaxError` in Python).
    Indentation,
    /// Valid Python that the subset does not support yet; shown as
    /// `NotImplementedError: <feature> is not supported yet (line N)`.
    Unsupported,
}

/// An error found while reading source text, with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The exception it stands for.
    pub kind: SyntaxErrorKind,
    /// The message, worded as CPython words it (e.g. `invalid syntax`,
    /// `expected ':'`); for `Unsupported`, the feature's name.
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// Where the offending part ends (line, 1-based column just past it),
    /// when it is known: the carets then run to there, as CPython's.
    pub end: Option<(u32, u32)>,
}

impl SyntaxError {
    /// A `SyntaxError` at `line`, `col`.
    pub fn new(msg: impl Into<String>, line: u32, col: u32) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            msg: msg.into(),
            line,
            col,
            end: None,
        }
    }

    /// An `IndentationError` at `line`, `col`.
    pub fn indentation(msg: impl Into<String>, line: u32, col: u32) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::Indentation,
            msg: msg.into(),
            line,
            col,
            end: None,
        }
    }

    /// A feature outside the subset, e.g. `unsupported("match statements", 3, 1)`.
    pub fn unsupported(feature: impl Into<String>, line: u32, col: u32) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::Unsupported,
            msg: feature.into(),
            line,
            col,
            end: None,
        }
    }

    /// The same error, its offending part ending at `end_line`,
    /// `end_col` (1-based, just past it).
    pub fn with_end(mut self, end_line: u32, end_col: u32) -> Self {
        if end_line > 0 {
            self.end = Some((end_line, end_col));
        }
        self
    }

    /// The Python exception class name.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Unsupported => "NotImplementedError",
        }
    }

    /// The last line of the report, as `str(exc)` after the type name.
    pub fn message(&self) -> String {
        match self.kind {
            SyntaxErrorKind::Unsupported => {
                format!("{} is not supported yet (line {})", self.msg, self.line)
            }
            _ => self.msg.clone(),
        }
    }

    /// The report CPython prints for this error: the file and line, the
    /// source line with a caret under the column, then `Type: message`.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = format!("  File \"{}\", line {}\n", filename, self.line);
        if let Some(text) = source.lines().nth(self.line.saturating_sub(1) as usize) {
            let trimmed = text.trim_start();
            let indent = text.chars().count() - trimmed.chars().count();
            out.push_str("    ");
            // The interpreter's display keeps trailing spaces.
            out.push_str(trimmed.trim_end_matches(['\r', '\n']));
            out.push('\n');
            let caret_at = (self.col as usize).saturating_sub(1).saturating_sub(indent);
            // As the interpreter's display: a range on one line gets a
            // caret per character (an IndentationError only one).
            let width = match self.end {
                Some((end_line, end_col))
                    if end_line == self.line && self.kind == SyntaxErrorKind::Syntax =>
                {
                    (end_col.saturating_sub(self.col) as usize).max(1)
                }
                _ => 1,
            };
            out.push_str("    ");
            out.push_str(&" ".repeat(caret_at));
            out.push_str(&"^".repeat(width));
            out.push('\n');
        }
        out.push_str(&format!("{}: {}", self.type_name(), self.message()));
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (line {}, column {})",
            self.type_name(),
            self.message(),
            self.line,
            self.col
        )
    }
}

impl std::error::Error for SyntaxError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_puts_the_caret_under_the_column_like_cpython() {
        let src = "if True:\n    x = (1,\n";
        let err = SyntaxError::new("'(' was never closed", 2, 9);
        assert_eq!(
            err.render("t.py", src),
            "  File \"t.py\", line 2\n    x = (1,\n        ^\nSyntaxError: '(' was never closed"
        );
    }

    #[test]
    fn unsupported_features_read_as_not_implemented() {
        let err = SyntaxError::unsupported("match statements", 4, 1);
        assert_eq!(
            format!("{}: {}", err.type_name(), err.message()),
            "NotImplementedError: match statements is not supported yet (line 4)"
        );
    }
}
