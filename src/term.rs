//! A tiny terminal: turns what a program wrote to stdout and stderr into
//! the screen a terminal would show. `\b` moves the cursor one column
//! left, `\r` to the start of the line, `\n` to the next line; printable
//! characters overwrite what is under the cursor. So a spinner that writes
//! a frame and backspaces over it shows one frame at a time, as it does in
//! a terminal. ANSI colour sequences set the pen ([`crate::ansi`]); each
//! cell remembers its pen, whether stderr wrote it, and the program line a
//! traceback names there.

use crate::ansi::{Decoder, Event, Pen};

/// How one cell is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Look {
    /// The pen of the write (ANSI colours, bold).
    pub pen: Pen,
    /// Written to stderr.
    pub err: bool,
    /// The program's line this part of a traceback names.
    pub link: Option<u32>,
}

/// One character on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The character.
    pub ch: char,
    /// How it is drawn.
    pub look: Look,
}

impl Cell {
    const BLANK: Cell = Cell {
        ch: ' ',
        look: Look {
            pen: Pen {
                fg: None,
                bg: None,
                bold: false,
            },
            err: false,
            link: None,
        },
    };
}

/// A stretch of one line drawn the same way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// How it is drawn.
    pub look: Look,
    /// Its text.
    pub text: String,
    /// The cursor is on it (a run of one character, or a blank past the
    /// line's end).
    pub cursor: bool,
}

/// The screen: its lines and the cursor.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Screen {
    /// The lines, top to bottom (only the last [`MAX_LINES`] are kept).
    pub lines: Vec<Vec<Cell>>,
    /// The cursor's line (index into `lines`).
    pub row: usize,
    /// The cursor's column.
    pub col: usize,
    /// Whether earlier output was left out.
    pub clipped: bool,
}

/// A piece of output to render: its text, whether it went to stderr, and
/// the program lines parts of it name (byte ranges into `text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The text.
    pub text: &'a str,
    /// Written to stderr.
    pub err: bool,
    /// Parts naming a program line: (start byte, end byte, line).
    pub links: &'a [(usize, usize, u32)],
}

/// Lines kept on screen.
pub const MAX_LINES: usize = 400;
/// Bytes of output looked at (the tail of all the pieces).
const MAX_BYTES: usize = 64 * 1024;

impl Screen {
    /// A line as a string.
    pub fn line(&self, i: usize) -> String {
        self.lines
            .get(i)
            .map(|l| l.iter().map(|c| c.ch).collect())
            .unwrap_or_default()
    }

    /// The whole screen as text, lines joined with `\n`, trailing spaces kept.
    pub fn text(&self) -> String {
        (0..self.lines.len())
            .map(|i| self.line(i))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Line `i` as stretches drawn alike, the cursor's cell on its own.
    pub fn runs(&self, i: usize) -> Vec<Run> {
        let Some(line) = self.lines.get(i) else {
            return Vec::new();
        };
        let cursor = (i == self.row).then_some(self.col);
        let mut runs: Vec<Run> = Vec::new();
        for (col, cell) in line.iter().enumerate() {
            let here = cursor == Some(col);
            match runs.last_mut() {
                Some(r) if !here && !r.cursor && r.look == cell.look => r.text.push(cell.ch),
                _ => runs.push(Run {
                    look: cell.look,
                    text: cell.ch.to_string(),
                    cursor: here,
                }),
            }
        }
        if cursor.is_some_and(|c| c >= line.len()) {
            runs.push(Run {
                look: Look::default(),
                text: " ".into(),
                cursor: true,
            });
        }
        runs
    }
}

/// Renders stdout text alone as a terminal shows it.
pub fn render(out: &str) -> Screen {
    render_pieces(&[Piece {
        text: out,
        err: false,
        links: &[],
    }])
}

/// Renders pieces of output, in write order, as one terminal shows them.
pub fn render_pieces(pieces: &[Piece]) -> Screen {
    let mut clipped = false;
    // Only the tail of the output is looked at, from a line's start, so
    // backspaces have their line and no sequence is cut in two.
    let total: usize = pieces.iter().map(|p| p.text.len()).sum();
    let mut skip = total.saturating_sub(MAX_BYTES);
    let mut seek_line = skip > 0;
    let mut t = Terminal::default();
    for p in pieces {
        let mut from = 0;
        if skip >= p.text.len() {
            skip -= p.text.len();
            continue;
        }
        if seek_line {
            let mut cut = skip;
            while !p.text.is_char_boundary(cut) {
                cut += 1;
            }
            skip = 0;
            match p.text[cut..].find('\n') {
                Some(nl) => from = cut + nl + 1,
                None => continue,
            }
            seek_line = false;
            clipped = true;
        }
        t.write(p, from);
    }
    if t.lines.len() > MAX_LINES {
        let drop = t.lines.len() - MAX_LINES;
        t.lines.drain(..drop);
        t.row -= drop;
        clipped = true;
    }
    Screen {
        lines: t.lines,
        row: t.row,
        col: t.col,
        clipped,
    }
}

/// The terminal while it writes.
struct Terminal {
    lines: Vec<Vec<Cell>>,
    row: usize,
    col: usize,
    decoder: Decoder,
    pen: Pen,
}

impl Default for Terminal {
    fn default() -> Self {
        Terminal {
            lines: vec![Vec::new()],
            row: 0,
            col: 0,
            decoder: Decoder::default(),
            pen: Pen::default(),
        }
    }
}

impl Terminal {
    /// Writes `p`'s text from byte `from`.
    fn write(&mut self, p: &Piece, from: usize) {
        let mut links = p.links.iter().filter(|l| l.0 >= from).peekable();
        for (at, ch) in p.text[from..].char_indices() {
            let at = at + from;
            while links.peek().is_some_and(|l| l.1 <= at) {
                links.next();
            }
            let link = links.peek().filter(|l| l.0 <= at).map(|l| l.2);
            let ch = match self.decoder.feed(ch) {
                Some(Event::Char(c)) => c,
                Some(Event::Sgr(params)) => {
                    self.pen.apply(&params);
                    continue;
                }
                None => continue,
            };
            match ch {
                '\n' => {
                    self.row += 1;
                    self.col = 0;
                    if self.row == self.lines.len() {
                        self.lines.push(Vec::new());
                    }
                }
                '\r' => self.col = 0,
                '\u{8}' => self.col = self.col.saturating_sub(1),
                '\t' => self.col = (self.col / 8 + 1) * 8,
                c if c.is_control() => {}
                c => {
                    let cell = Cell {
                        ch: c,
                        look: Look {
                            pen: self.pen,
                            err: p.err,
                            link,
                        },
                    };
                    let line = &mut self.lines[self.row];
                    while line.len() < self.col {
                        line.push(Cell::BLANK);
                    }
                    if self.col < line.len() {
                        line[self.col] = cell;
                    } else {
                        line.push(cell);
                    }
                    self.col += 1;
                }
            }
        }
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

    #[test]
    fn stderr_interleaves_with_stdout_in_write_order() {
        let s = render_pieces(&[
            Piece {
                text: "start\n",
                err: false,
                links: &[],
            },
            Piece {
                text: "oops\n",
                err: true,
                links: &[],
            },
            Piece {
                text: "end\n",
                err: false,
                links: &[],
            },
        ]);
        assert_eq!(s.text(), "start\noops\nend\n");
        assert!(!s.lines[0][0].look.err);
        assert!(s.lines[1].iter().all(|c| c.look.err));
        assert!(!s.lines[2][0].look.err);
    }

    #[test]
    fn a_link_covers_exactly_its_bytes() {
        let text = "  File \"main.py\", line 7, in main\n";
        let links = [(2, text.find(", in").unwrap(), 7)];
        let s = render_pieces(&[Piece {
            text,
            err: true,
            links: &links,
        }]);
        let runs = s.runs(0);
        let linked: Vec<_> = runs.iter().filter(|r| r.look.link.is_some()).collect();
        assert_eq!(linked.len(), 1);
        assert_eq!(linked[0].text, "File \"main.py\", line 7");
        assert_eq!(linked[0].look.link, Some(7));
        assert_eq!(runs.last().map(|r| r.text.as_str()), Some(", in main"));
    }

    #[test]
    fn ansi_colours_draw_as_colours_and_never_as_text() {
        let s = render("\x1b[31mred\x1b[0m plain \x1b[1;96mbright\x1b[0m\n");
        assert_eq!(s.line(0), "red plain bright");
        let runs = s.runs(0);
        assert_eq!(runs[0].text, "red");
        assert_eq!(runs[0].look.pen.fg, Some(1));
        assert_eq!(runs[1].text, " plain ");
        assert_eq!(runs[1].look.pen, Pen::default());
        assert_eq!(
            runs[2].look.pen,
            Pen {
                fg: Some(14),
                bg: None,
                bold: true
            }
        );
    }

    #[test]
    fn the_pen_carries_from_one_write_to_the_next() {
        let s = render_pieces(&[
            Piece {
                text: "\x1b[33m",
                err: false,
                links: &[],
            },
            Piece {
                text: "warn\n",
                err: true,
                links: &[],
            },
        ]);
        let c = s.lines[0][0];
        assert_eq!((c.look.pen.fg, c.look.err), (Some(3), true));
    }

    #[test]
    fn the_cursor_is_a_run_of_its_own() {
        let s = render("abc\rX");
        let runs = s.runs(0);
        let texts: Vec<_> = runs.iter().map(|r| (r.text.as_str(), r.cursor)).collect();
        assert_eq!(texts, [("X", false), ("b", true), ("c", false)]);
        let s = render("ab");
        assert_eq!(
            s.runs(0).last().map(|r| (r.text.as_str(), r.cursor)),
            Some((" ", true))
        );
    }

    #[test]
    fn clipping_starts_at_a_line_across_pieces() {
        let big = "x".repeat(70 * 1024);
        let s = render_pieces(&[
            Piece {
                text: &big,
                err: false,
                links: &[],
            },
            Piece {
                text: "\x1b[31mpartial\nwhole\n",
                err: true,
                links: &[],
            },
        ]);
        assert!(s.clipped);
        assert_eq!(s.text(), "whole\n");
    }
}
