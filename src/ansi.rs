//! ANSI escape sequences in what a program prints, as a terminal reads
//! them: SGR (`\x1b[31m`, `\x1b[1;92m`, `\x1b[0m`) changes the pen's
//! colours and weight; every other sequence (cursor moves, clearing,
//! window titles) is swallowed, so none of it shows as garbage. Tutorials
//! and `logging` colour formatters print these; a program's output is the
//! user's data, so decoding it here is the console's business, not the
//! core's.

/// How text is drawn: the 16 colours of a terminal (0–7 normal, 8–15
/// bright), bold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pen {
    /// Foreground colour, `None` for the terminal's own.
    pub fg: Option<u8>,
    /// Background colour, `None` for the terminal's own.
    pub bg: Option<u8>,
    /// Bold.
    pub bold: bool,
}

impl Pen {
    /// Applies one SGR sequence's parameters (an empty list is a reset).
    pub fn apply(&mut self, params: &[u16]) {
        if params.is_empty() {
            *self = Pen::default();
            return;
        }
        let mut i = 0;
        while i < params.len() {
            match params[i] {
                0 => *self = Pen::default(),
                1 => self.bold = true,
                22 => self.bold = false,
                n @ 30..=37 => self.fg = Some((n - 30) as u8),
                39 => self.fg = None,
                n @ 40..=47 => self.bg = Some((n - 40) as u8),
                49 => self.bg = None,
                n @ 90..=97 => self.fg = Some((n - 90 + 8) as u8),
                n @ 100..=107 => self.bg = Some((n - 100 + 8) as u8),
                // 256-colour and true-colour forms: the first 16 of the
                // 256 are the terminal's; the rest keep the pen as it is,
                // their parameters skipped so they are not read as codes.
                n @ (38 | 48) => {
                    let colour = match params.get(i + 1) {
                        Some(5) => {
                            let c = params.get(i + 2).copied();
                            i += 2;
                            c.filter(|c| *c < 16).map(|c| c as u8)
                        }
                        Some(2) => {
                            i += 4;
                            None
                        }
                        _ => None,
                    };
                    if let Some(c) = colour {
                        if n == 38 {
                            self.fg = Some(c);
                        } else {
                            self.bg = Some(c);
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// What a character of output turns out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A character to draw or a control to obey (`\n`, `\r`, `\b`...).
    Char(char),
    /// An SGR sequence ended: its parameters.
    Sgr(Vec<u16>),
}

/// Where the decoder is in a sequence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum State {
    #[default]
    Ground,
    /// After ESC.
    Escape,
    /// After ESC and intermediate bytes (`ESC ( B`).
    EscapeIntermediate,
    /// In a control sequence (`ESC [`): its parameter text so far, and
    /// whether it is one SGR could be (no private marker or intermediate).
    Csi(String, bool),
    /// In a string (`ESC ]` window title, `ESC P`...) up to BEL or ST.
    Str,
    /// ESC inside a string: ST if a backslash follows.
    StrEscape,
}

/// Reads output a character at a time, across writes.
#[derive(Clone, Debug, Default)]
pub struct Decoder {
    state: State,
}

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';

impl Decoder {
    /// The next character of output: what it means, if anything yet.
    pub fn feed(&mut self, c: char) -> Option<Event> {
        match std::mem::take(&mut self.state) {
            State::Ground if c == ESC => self.state = State::Escape,
            State::Ground => return Some(Event::Char(c)),
            State::Escape => match c {
                '[' => self.state = State::Csi(String::new(), true),
                ']' | 'P' | 'X' | '^' | '_' => self.state = State::Str,
                ESC => self.state = State::Escape,
                ' '..='/' => self.state = State::EscapeIntermediate,
                // A control breaks the sequence off and is obeyed, so a
                // stray ESC never eats a line.
                c if c.is_control() => return Some(Event::Char(c)),
                _ => {}
            },
            State::EscapeIntermediate => match c {
                ' '..='/' => self.state = State::EscapeIntermediate,
                ESC => self.state = State::Escape,
                _ => {}
            },
            State::Csi(mut params, plain) => match c {
                '0'..='9' | ';' | ':' => {
                    params.push(c);
                    self.state = State::Csi(params, plain);
                }
                '<'..='?' | ' '..='/' => self.state = State::Csi(params, false),
                'm' if plain => return Some(Event::Sgr(sgr_params(&params))),
                '@'..='~' => {}
                ESC => self.state = State::Escape,
                c if c.is_control() => return Some(Event::Char(c)),
                // Not a sequence after all: drop it, keep the character.
                c => return Some(Event::Char(c)),
            },
            State::Str => match c {
                BEL => {}
                ESC => self.state = State::StrEscape,
                _ => self.state = State::Str,
            },
            State::StrEscape => match c {
                '\\' => {}
                ESC => self.state = State::StrEscape,
                _ => self.state = State::Str,
            },
        }
        None
    }
}

/// `1;31` → `[1, 31]`; an empty parameter is 0; `38:5:1` reads as
/// `38;5;1`.
fn sgr_params(text: &str) -> Vec<u16> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split([';', ':'])
        .map(|p| {
            p.parse::<u32>()
                .map_or(0, |n| n.min(u16::MAX as u32) as u16)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &str) -> (String, Pen) {
        let (mut d, mut pen, mut out) = (Decoder::default(), Pen::default(), String::new());
        for c in text.chars() {
            match d.feed(c) {
                Some(Event::Char(c)) => out.push(c),
                Some(Event::Sgr(p)) => pen.apply(&p),
                None => {}
            }
        }
        (out, pen)
    }

    #[test]
    fn a_colour_sequence_sets_the_pen_and_prints_nothing() {
        let (out, pen) = decode("\x1b[31mred");
        assert_eq!(out, "red");
        assert_eq!(pen.fg, Some(1));
    }

    #[test]
    fn reset_bright_bold_and_background() {
        assert_eq!(
            decode("\x1b[1;92;44mx").1,
            Pen {
                fg: Some(10),
                bg: Some(4),
                bold: true
            }
        );
        assert_eq!(decode("\x1b[1;92m\x1b[0mx").1, Pen::default());
        assert_eq!(decode("\x1b[1;31m\x1b[mx").1, Pen::default());
        assert_eq!(decode("\x1b[1;31m\x1b[22;39mx").1, Pen::default());
        assert_eq!(decode("\x1b[101mx").1.bg, Some(9));
    }

    #[test]
    fn other_sequences_are_swallowed_whole() {
        assert_eq!(
            decode("a\x1b[2Jb\x1b[10;5Hc\x1b[?25ld\x1b]0;title\x07e").0,
            "abcde"
        );
        assert_eq!(decode("a\x1b]2;t\x1b\\b\x1b(Bc\x1b=d").0, "abcd");
    }

    #[test]
    fn extended_colours_skip_their_parameters() {
        // 38;5;196 is a 256-colour red: not one of the 16, the pen keeps
        // its colour, and 196 is not read as a code.
        assert_eq!(decode("\x1b[32m\x1b[38;5;196mx").1.fg, Some(2));
        assert_eq!(decode("\x1b[38;5;3mx").1.fg, Some(3));
        assert_eq!(
            decode("\x1b[38;2;1;2;3;1mx").1,
            Pen {
                fg: None,
                bg: None,
                bold: true
            }
        );
    }

    #[test]
    fn a_sequence_split_across_writes_still_decodes() {
        let mut d = Decoder::default();
        assert_eq!(d.feed('\x1b'), None);
        assert_eq!(d.feed('['), None);
        assert_eq!(d.feed('3'), None);
        assert_eq!(d.feed('6'), None);
        assert_eq!(d.feed('m'), Some(Event::Sgr(vec![36])));
        assert_eq!(d.feed('x'), Some(Event::Char('x')));
    }

    #[test]
    fn a_newline_inside_a_broken_sequence_is_kept() {
        assert_eq!(decode("a\x1b[3\nb").0, "a\nb");
    }
}
