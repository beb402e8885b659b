//! The editor's keys as text edits: Tab and Shift+Tab indent and dedent,
//! Enter keeps the indentation (one level more after a `:`), brackets and
//! quotes come in pairs. Pure functions over the text and the selection
//! (byte offsets), so the editor stays a plain textarea: it applies an
//! [`Edit`] as typing would, and the browser's own undo keeps working.

/// Spaces per indentation level.
pub const INDENT: usize = 4;

/// A key the editor handles itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Tab: indent.
    Tab,
    /// Shift+Tab: dedent.
    ShiftTab,
    /// Enter: a new line, indented.
    Enter,
    /// Backspace.
    Backspace,
    /// A character typed.
    Char(char),
}

/// Replace `from..to` of the text with `insert`, then select `sel` (byte
/// offsets into the new text). An empty replacement of an empty range
/// only moves the selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Start of the replaced range.
    pub from: usize,
    /// End of the replaced range.
    pub to: usize,
    /// The new text there.
    pub insert: String,
    /// The selection after.
    pub sel: (usize, usize),
}

impl Edit {
    /// The text after the edit.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + self.insert.len());
        out.push_str(&text[..self.from]);
        out.push_str(&self.insert);
        out.push_str(&text[self.to..]);
        out
    }
}

/// The edit `key` makes on `text` with `start..end` selected, or `None`
/// when the key should do what it does in any text field.
pub fn edit(text: &str, start: usize, end: usize, key: Key) -> Option<Edit> {
    let (start, end) = (start.min(end), start.max(end));
    if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    match key {
        Key::Tab if text[start..end].contains('\n') => Some(indent_lines(text, start, end)),
        Key::Tab => {
            let col = text[line_start(text, start)..start].chars().count();
            let n = INDENT - col % INDENT;
            Some(caret_edit(start, end, &" ".repeat(n), n))
        }
        Key::ShiftTab => dedent_lines(text, start, end),
        Key::Enter => Some(new_line(text, start, end)),
        Key::Backspace if start == end => backspace(text, start),
        Key::Backspace => None,
        Key::Char(c) => typed(text, start, end, c),
    }
}

/// Insert `s` in place of `start..end`, the caret `caret` bytes into it.
fn caret_edit(start: usize, end: usize, s: &str, caret: usize) -> Edit {
    Edit {
        from: start,
        to: end,
        insert: s.to_string(),
        sel: (start + caret, start + caret),
    }
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// The whole lines `start..end` touches (a selection ending at the start
/// of a line leaves that line out).
fn lines_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let first = line_start(text, start);
    let end = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    (first, line_end(text, end.max(first)))
}

fn indent_lines(text: &str, start: usize, end: usize) -> Edit {
    let (from, to) = lines_of(text, start, end);
    let pad = " ".repeat(INDENT);
    let block: Vec<String> = text[from..to]
        .split('\n')
        .map(|l| {
            if l.trim().is_empty() {
                l.to_string()
            } else {
                format!("{}{}", pad, l)
            }
        })
        .collect();
    let insert = block.join("\n");
    Edit {
        from,
        to,
        sel: (from, from + insert.len()),
        insert,
    }
}

fn dedent_lines(text: &str, start: usize, end: usize) -> Option<Edit> {
    let (from, to) = lines_of(text, start, end);
    let mut removed_first = 0;
    let block: Vec<&str> = text[from..to]
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            let n = if l.starts_with('\t') {
                1
            } else {
                l.len() - l.trim_start_matches(' ').len()
            }
            .min(INDENT);
            if i == 0 {
                removed_first = n;
            }
            &l[n..]
        })
        .collect();
    let insert = block.join("\n");
    if insert.len() == to - from {
        return None;
    }
    let sel = if start == end {
        let at = start.saturating_sub(removed_first).max(from);
        (at, at)
    } else {
        (from, from + insert.len())
    };
    Some(Edit {
        from,
        to,
        insert,
        sel,
    })
}

/// Whether a line's code (before any comment) opens a block.
fn opens_block(line: &str) -> bool {
    let code = line.split(" #").next().unwrap_or(line);
    code.trim_end().ends_with(':') && !code.trim_start().starts_with('#')
}

/// Whether a line ends its block: nothing after it runs in it.
fn ends_block(line: &str) -> bool {
    let t = line.trim();
    ["return", "pass", "break", "continue", "raise"]
        .iter()
        .any(|k| t == *k || t.strip_prefix(k).is_some_and(|r| r.starts_with(' ')))
}

fn new_line(text: &str, start: usize, end: usize) -> Edit {
    let before = &text[line_start(text, start)..start];
    let indent = before.len() - before.trim_start_matches(' ').len();
    let indent = if opens_block(before) {
        indent + INDENT
    } else if ends_block(before) {
        indent.saturating_sub(INDENT)
    } else {
        indent
    };
    let s = format!("\n{}", " ".repeat(indent));
    caret_edit(start, end, &s, s.len())
}

fn closing(open: char) -> Option<char> {
    match open {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        '\'' => Some('\''),
        '"' => Some('"'),
        _ => None,
    }
}

fn backspace(text: &str, at: usize) -> Option<Edit> {
    let prev = text[..at].chars().next_back()?;
    let next = text[at..].chars().next();
    if next.is_some() && closing(prev) == next {
        let from = at - prev.len_utf8();
        return Some(Edit {
            from,
            to: at + 1,
            insert: String::new(),
            sel: (from, from),
        });
    }
    // In the indentation: back one level.
    let before = &text[line_start(text, at)..at];
    if !before.is_empty() && before.bytes().all(|b| b == b' ') {
        let n = match before.len() % INDENT {
            0 => INDENT,
            r => r,
        };
        return Some(Edit {
            from: at - n,
            to: at,
            insert: String::new(),
            sel: (at - n, at - n),
        });
    }
    None
}

/// Whether `word` (the identifier just before a quote) is a string prefix.
fn string_prefix(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "f" | "r" | "b" | "u" | "rb" | "br" | "fr" | "rf"
    )
}

fn typed(text: &str, start: usize, end: usize, c: char) -> Option<Edit> {
    let next = text[end..].chars().next();
    let prev = text[..start].chars().next_back();
    // Wrap a selection.
    if start != end {
        let close = closing(c)?;
        let inner = &text[start..end];
        return Some(Edit {
            from: start,
            to: end,
            insert: format!("{}{}{}", c, inner, close),
            sel: (start + 1, start + 1 + inner.len()),
        });
    }
    let over = Edit {
        from: start,
        to: start,
        insert: String::new(),
        sel: (start + 1, start + 1),
    };
    match c {
        ')' | ']' | '}' if next == Some(c) => Some(over),
        '\'' | '"' if next == Some(c) => Some(over),
        '(' | '[' | '{' => {
            let free = next.is_none_or(|n| n.is_whitespace() || ")]},:;".contains(n));
            let close = closing(c)?;
            free.then(|| caret_edit(start, end, &format!("{}{}", c, close), 1))
        }
        '\'' | '"' => {
            let word_start = text[..start]
                .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .map_or(0, |i| i + 1);
            let word = &text[word_start..start];
            let after_word =
                prev.is_none_or(|p| !(p.is_alphanumeric() || p == '_')) || string_prefix(word);
            let free = next.is_none_or(|n| n.is_whitespace() || ")]},:;".contains(n));
            (after_word && free && prev != Some(c))
                .then(|| caret_edit(start, end, &format!("{}{}", c, c), 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with `|` for the caret (or two for a selection), after `key`.
    fn run(text: &str, key: Key) -> Option<String> {
        let start = text.find('|').unwrap();
        let rest = &text[start + 1..];
        let (clean, end) = match rest.find('|') {
            Some(i) => (
                format!("{}{}", &text[..start], rest.replacen('|', "", 1)),
                start + i,
            ),
            None => (text.replacen('|', "", 1), start),
        };
        let e = edit(&clean, start, end, key)?;
        let mut out = e.apply(&clean);
        if e.sel.0 == e.sel.1 {
            out.insert(e.sel.0, '|');
        } else {
            out.insert(e.sel.1, '|');
            out.insert(e.sel.0, '|');
        }
        Some(out)
    }

    #[test]
    fn tab_indents_to_the_next_level_and_shift_tab_dedents() {
        assert_eq!(run("|x", Key::Tab).unwrap(), "    |x");
        assert_eq!(run("ab|", Key::Tab).unwrap(), "ab  |");
        assert_eq!(run("|a\n\nb\n|c", Key::Tab).unwrap(), "|    a\n\n    b|\nc");
        assert_eq!(run("    x|", Key::ShiftTab).unwrap(), "x|");
        assert_eq!(run("  |a\n      b|", Key::ShiftTab).unwrap(), "|a\n  b|");
        assert_eq!(run("x|", Key::ShiftTab), None);
    }

    #[test]
    fn enter_keeps_the_indent_and_adds_a_level_after_a_colon() {
        assert_eq!(
            run("async def main():|", Key::Enter).unwrap(),
            "async def main():\n    |"
        );
        assert_eq!(
            run("    await x  # wait:|", Key::Enter).unwrap(),
            "    await x  # wait:\n    |"
        );
        assert_eq!(
            run("    if x:  # why|", Key::Enter).unwrap(),
            "    if x:  # why\n        |"
        );
        assert_eq!(
            run("        return 1|", Key::Enter).unwrap(),
            "        return 1\n    |"
        );
        assert_eq!(run("x = 1|", Key::Enter).unwrap(), "x = 1\n|");
    }

    #[test]
    fn brackets_and_quotes_come_in_pairs() {
        assert_eq!(run("print|", Key::Char('(')).unwrap(), "print(|)");
        assert_eq!(run("f(|)", Key::Char(')')).unwrap(), "f()|");
        assert_eq!(run("x = |", Key::Char('\'')).unwrap(), "x = '|'");
        assert_eq!(run("x = f|", Key::Char('"')).unwrap(), "x = f\"|\"");
        assert_eq!(run("don|", Key::Char('\'')), None);
        assert_eq!(run("'a|'", Key::Char('\'')).unwrap(), "'a'|");
        assert_eq!(run("|word|", Key::Char('[')).unwrap(), "[|word|]");
        assert_eq!(run("|abc", Key::Char('(')), None);
        assert_eq!(run("(|)", Key::Backspace).unwrap(), "|");
        assert_eq!(run("        |", Key::Backspace).unwrap(), "    |");
        assert_eq!(run("a|", Key::Backspace), None);
    }

    #[test]
    fn offsets_off_the_text_do_nothing() {
        assert_eq!(edit("é", 1, 1, Key::Tab), None);
        assert_eq!(edit("ab", 5, 5, Key::Enter), None);
    }
}
