//! Traceback frames as CPython 3.10 shows them, for the simulator's 3.10
//! mode. 3.10 draws no carets, keeps its library under
//! `/usr/lib/python3.10/`, and has the library's lines elsewhere: the
//! library here is marked with 3.11.7's places (`# cpython:` marks, native
//! frames), so the frames a 3.10 traceback shows are moved to 3.10.13's
//! places, and the frames 3.10 has no counterpart for (3.11's `Runner`
//! under `asyncio.run`) are left out.

use crate::vm::traceback::{FrameSummary, STDLIB_DIR};

/// Where CPython 3.10 keeps its library.
pub const STDLIB_DIR_310: &str = "/usr/lib/python3.10/";

/// What 3.10.13 has at a place of 3.11.7's library.
enum Place {
    /// The same statement, at this line.
    Line(u32),
    /// Another statement doing the same, at this line.
    Other(u32, &'static str),
    /// Nothing: the frame does not exist in 3.10.
    Gone,
}

/// 3.11.7's library places (file under the library, line) that 3.10
/// tracebacks show, and 3.10.13's.
const PLACES: &[(&str, u32, Place)] = &[
    // asyncio.run: 3.11 goes through Runner.run; 3.10 runs the loop itself.
    (
        "asyncio/runners.py",
        190,
        Place::Other(44, "return loop.run_until_complete(main)"),
    ),
    ("asyncio/runners.py", 118, Place::Gone),
    (
        "asyncio/runners.py",
        186,
        Place::Other(33, "raise RuntimeError("),
    ),
    ("asyncio/base_events.py", 539, Place::Line(535)),
    ("asyncio/base_events.py", 564, Place::Line(560)),
    ("asyncio/base_events.py", 607, Place::Line(603)),
    ("asyncio/base_events.py", 640, Place::Line(636)),
    ("asyncio/base_events.py", 653, Place::Line(649)),
    ("asyncio/base_events.py", 1922, Place::Line(1909)),
    ("asyncio/events.py", 80, Place::Line(80)),
];

/// `f` (a 3.11 frame) as 3.10 shows it, or `None` when 3.10 has no such
/// frame. A library line not in [`PLACES`] keeps 3.11's number.
pub fn frame(mut f: FrameSummary) -> Option<FrameSummary> {
    f.col = None;
    f.end_col = None;
    let Some(rel) = f.file.strip_prefix(STDLIB_DIR) else {
        return Some(f);
    };
    let found = PLACES
        .iter()
        .find(|(file, line, _)| *file == rel && *line == f.line);
    match found.map(|(_, _, p)| p) {
        Some(Place::Gone) => return None,
        Some(Place::Line(n)) => f.line = *n,
        Some(Place::Other(n, text)) => {
            f.line = *n;
            f.text = Some((*text).into());
        }
        None => {}
    }
    f.end_line = f.line;
    f.file = format!("{}{}", STDLIB_DIR_310, rel).into();
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: &str, line: u32, text: &str) -> FrameSummary {
        FrameSummary {
            file: file.into(),
            line,
            name: "f".into(),
            text: Some(text.into()),
            end_line: line,
            col: Some(4),
            end_col: Some(9),
        }
    }

    #[test]
    fn the_programs_frames_keep_their_place_and_lose_their_carets() {
        let f = frame(at("main.py", 7, "    1 / 0")).unwrap();
        assert_eq!(
            (&*f.file, f.line, f.col, f.end_col),
            ("main.py", 7, None, None)
        );
    }

    #[test]
    fn asyncio_run_is_one_frame_at_310s_line() {
        let run = frame(at(
            "/usr/lib/python3.11/asyncio/runners.py",
            190,
            "return runner.run(main)",
        ))
        .unwrap();
        assert_eq!(&*run.file, "/usr/lib/python3.10/asyncio/runners.py");
        assert_eq!(run.line, 44);
        assert_eq!(
            run.text.as_deref(),
            Some("return loop.run_until_complete(main)")
        );
        assert!(frame(at("/usr/lib/python3.11/asyncio/runners.py", 118, "x")).is_none());
        let result = frame(at(
            "/usr/lib/python3.11/asyncio/base_events.py",
            653,
            "return future.result()",
        ))
        .unwrap();
        assert_eq!(
            (result.line, result.text.as_deref()),
            (649, Some("return future.result()"))
        );
    }
}
