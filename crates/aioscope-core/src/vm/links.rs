//! Where the output names a line of the program: a traceback's `File
//! "main.py", line 7, in main` (or a syntax error's `File "main.py", line
//! 2`), a warning's `main.py:12: RuntimeWarning: ...`, so a console can
//! take the reader to that line without reading the text back.
//!
//! The traceback printer notes each header it writes for the program's
//! file ([`Vm::note_program_frame`]); a header reaches a stream by many
//! roads (the interpreter's printer, `logging` through Python code,
//! `traceback.format_exc()` printed by the program), so the place is found
//! when a whole line of output ends with a header the printer made. Text a
//! program writes itself is never taken for a location unless it is, to
//! the letter, a header the printer made for that same line.

use std::collections::HashMap;

use crate::vm::Vm;

/// A line of the program named in the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OutLink {
    /// The record of [`Vm::output`] holding it.
    pub record: u32,
    /// Its first byte in the record's text (the `F` of `File`).
    pub start: u32,
    /// The byte after the line number.
    pub end: u32,
    /// The program's line it names.
    pub line: u32,
}

/// The headers the traceback printer wrote for the program's file, and
/// the places they were found in the output.
#[derive(Debug, Default)]
pub struct Links {
    /// Header text (from `File` to the line's end) → (its line, the byte
    /// length of the part a link covers).
    headers: HashMap<String, (u32, u32)>,
    /// Warning places (`main.py:12: `, a warning line's start) → their
    /// line.
    warnings: HashMap<String, u32>,
    /// The places found, in output order.
    pub found: Vec<OutLink>,
}

/// At most this many headers are remembered (a recursion error prints
/// many, all of them the same few).
const MAX_HEADERS: usize = 4096;

impl Links {
    /// Notes a header the printer made: `header` starts at `File` and
    /// runs to the end of its line; its first `linked` bytes name the
    /// place.
    fn note(&mut self, header: String, line: u32, linked: usize) {
        if self.headers.len() < MAX_HEADERS || self.headers.contains_key(&header) {
            self.headers.insert(header, (line, linked as u32));
        }
    }

    /// Finds the headers among the lines of `text` (record `record`) that
    /// end at or after byte `from`: the lines the last write completed.
    pub fn scan(&mut self, record: u32, text: &str, from: usize) {
        // Only a write that ends a line can complete a header; looking
        // back for the line's start then costs each byte once over a run.
        let from = from.min(text.len());
        if (self.headers.is_empty() && self.warnings.is_empty())
            || !text.as_bytes()[from..].contains(&b'\n')
        {
            return;
        }
        let mut start = text[..from].rfind('\n').map_or(0, |i| i + 1);
        while let Some(nl) = text[start..].find('\n') {
            let line = &text[start..start + nl];
            if let Some(at) = line.find("File \"") {
                if let Some(&(program_line, linked)) = self.headers.get(&line[at..]) {
                    let begin = (start + at) as u32;
                    self.found.push(OutLink {
                        record,
                        start: begin,
                        end: begin + linked,
                        line: program_line,
                    });
                }
            } else if let Some(colon) = line.find(": ") {
                if let Some(&program_line) = self.warnings.get(&line[..colon + 2]) {
                    self.found.push(OutLink {
                        record,
                        start: start as u32,
                        end: (start + colon) as u32,
                        line: program_line,
                    });
                }
            }
            start += nl + 1;
        }
    }
}

impl Vm {
    /// Notes a traceback header the printer writes, if it names the
    /// program's file: `name` is the function (`None` for a syntax
    /// error's header, which names none).
    pub fn note_program_frame(&mut self, file: &str, line: u32, name: Option<&str>) {
        if file != &*self.main_file {
            return;
        }
        let place = format!("File \"{}\", line {}", file, line);
        let linked = place.len();
        let header = match name {
            Some(n) => format!("{}, in {}", place, n),
            None => place,
        };
        self.links.note(header, line, linked);
    }

    /// Notes the place of a warning about to be written (`main.py:12:
    /// RuntimeWarning: ...`), if it is in the program's file.
    pub fn note_program_warning(&mut self, file: &str, line: u32) {
        if file != &*self.main_file {
            return;
        }
        let key = format!("{}:{}: ", file, line);
        let links = &mut self.links;
        if links.warnings.len() < MAX_HEADERS || links.warnings.contains_key(&key) {
            links.warnings.insert(key, line);
        }
    }

    /// Looks for program locations in what the last write completed, in
    /// either stream (a program may print `traceback.format_exc()`):
    /// `from` is where the write began in the last record.
    pub(crate) fn scan_links(&mut self, from: usize) {
        let Some(record) = self.output.len().checked_sub(1) else {
            return;
        };
        if let Some(r) = self.output.get(record) {
            self.links.scan(record as u32, &r.text, from);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_the_printer_made_is_found_in_a_later_write() {
        let mut vm = Vm::new();
        vm.note_program_frame("main.py", 7, Some("main"));
        vm.write_stderr(
            "Traceback (most recent call last):\n  File \"main.py\", line 7, in main\n    1/0\n",
        );
        let r = &vm.output[0].text;
        let l = vm.links.found[0];
        assert_eq!(
            &r[l.start as usize..l.end as usize],
            "File \"main.py\", line 7"
        );
        assert_eq!((l.record, l.line), (0, 7));
        assert_eq!(vm.links.found.len(), 1);
    }

    #[test]
    fn a_header_written_in_pieces_is_found_when_its_line_ends() {
        let mut vm = Vm::new();
        vm.note_program_frame("main.py", 3, Some("<module>"));
        vm.write_stderr("  File \"main.py\", li");
        assert!(vm.links.found.is_empty());
        vm.write_stderr("ne 3, in <module>\n");
        assert_eq!(vm.links.found.len(), 1);
        assert_eq!(vm.links.found[0].start, 2);
    }

    #[test]
    fn text_the_program_writes_is_not_a_location_unless_the_printer_made_it() {
        let mut vm = Vm::new();
        vm.note_program_frame("main.py", 7, Some("main"));
        vm.write_stderr("  File \"main.py\", line 8, in main\n");
        vm.write_stdout("  File \"other.py\", line 7, in main\n");
        assert!(vm.links.found.is_empty());
    }

    #[test]
    fn library_frames_are_not_noted() {
        let mut vm = Vm::new();
        vm.note_program_frame("/usr/lib/python3.11/asyncio/runners.py", 190, Some("run"));
        vm.write_stderr("  File \"/usr/lib/python3.11/asyncio/runners.py\", line 190, in run\n");
        assert!(vm.links.found.is_empty());
    }

    #[test]
    fn a_warnings_place_in_the_program_is_found_at_the_start_of_its_line() {
        let mut vm = Vm::new();
        vm.note_program_warning("main.py", 12);
        vm.write_stderr(
            "main.py:12: RuntimeWarning: coroutine 'work' was never awaited\n  work()\n",
        );
        let l = vm.links.found[0];
        assert_eq!(
            &vm.output[0].text[l.start as usize..l.end as usize],
            "main.py:12"
        );
        assert_eq!(l.line, 12);
        vm.write_stderr("main.py:13: RuntimeWarning: not noted\n");
        assert_eq!(vm.links.found.len(), 1);
    }

    #[test]
    fn a_header_inside_an_exception_group_box_is_found() {
        let mut vm = Vm::new();
        vm.note_program_frame("main.py", 4, Some("boom"));
        vm.write_stderr("    |   File \"main.py\", line 4, in boom\n");
        assert_eq!(vm.links.found[0].start, 8);
    }
}
