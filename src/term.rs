//! A tiny terminal: turns what a program wrote to stdout into the screen a
//! terminal would show. `\b` moves the cursor one column left, `\r` to the
//! start of the line, `\n` to the next line; printable characters
//! overwrite what is under the cursor. So a spinner that writes a frame and
//! backspaces over it shows one frame at a time, as it does in a terminal.

/// The screen: its lines and the cursor.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Screen {
    /// The lines, top to bottom (only the last [`MAX_LINES`] are kept).
    pub lines: Vec<Vec<char>>,
    /// The cursor's line (index into `lines`).
    pub row: usize,
    /// The cursor's column.
    pub col: usize,
    /// Whether earlier output was left out.
    pub clipped: bool,
}

/// Lines kept on screen.
pub const MAX_LINES: usize = 400;
/// Bytes of output looked at (the tail of stdout).
const MAX_BYTES: usize = 64 * 1024;

impl Screen {
    /// A line as a string.
    pub fn line(&self, i: usize) -> String {
        self.lines
            .get(i)
            .map(|l| l.iter().collect())
            .unwrap_or_default()
    }

    /// The whole screen as text, lines joined with `\n`, trailing spaces kept.
    pub fn text(&self) -> String {
        (0..self.lines.len())
            .map(|i| self.line(i))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Renders `out` as a terminal shows it.
pub fn render(out: &str) -> Screen {
    let mut clipped = false;
    let mut text = out;
    if out.len() > MAX_BYTES {
        let mut cut = out.len() - MAX_BYTES;
        while !out.is_char_boundary(cut) {
            cut += 1;
        }
        // Start at a line boundary, so backspaces have their line.
        if let Some(nl) = out[cut..].find('\n') {
            cut += nl + 1;
        }
        text = &out[cut..];
        clipped = true;
    }
    let mut lines: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    for ch in text.chars() {
        match ch {
            '\n' => {
                row += 1;
                col = 0;
                if row == lines.len() {
                    lines.push(Vec::new());
                }
            }
            '\r' => col = 0,
            '\u{8}' => col = col.saturating_sub(1),
            '\t' => col = (col / 8 + 1) * 8,
            c if c.is_control() => {}
            c => {
                let line = &mut lines[row];
                while line.len() < col {
                    line.push(' ');
                }
                if col < line.len() {
                    line[col] = c;
                } else {
                    line.push(c);
                }
                col += 1;
            }
        }
    }
    if lines.len() > MAX_LINES {
        let drop = lines.len() - MAX_LINES;
        lines.drain(..drop);
        row -= drop;
        clipped = true;
    }
    Screen {
        lines,
        row,
        col,
        clipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backspace_moves_the_cursor_and_the_next_write_overwrites() {
        let s = render("spinner\n| thinking!\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}/ thinking!\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}");
        assert_eq!(s.line(1), "/ thinking!");
        assert_eq!((s.row, s.col), (1, 0));
    }

    #[test]
    fn carriage_return_goes_to_the_line_start() {
        let s = render("10%\r20%\r3");
        assert_eq!(s.text(), "30%");
        assert_eq!(s.col, 1);
    }

    #[test]
    fn erasing_with_spaces_leaves_a_blank_line_then_text_continues() {
        let s = render("ab\u{8}\u{8}  \u{8}\u{8}Answer: 42\n");
        assert_eq!(s.text(), "Answer: 42\n");
        assert_eq!((s.row, s.col), (1, 0));
    }

    #[test]
    fn only_the_last_lines_are_kept() {
        let out: String = (0..1000).map(|i| format!("{}\n", i)).collect();
        let s = render(&out);
        assert!(s.clipped);
        assert_eq!(s.lines.len(), MAX_LINES);
        assert_eq!(s.line(MAX_LINES - 2), "999");
    }
}
