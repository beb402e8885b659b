//! Traceback frames as CPython 3.10 shows them, for the simulator's 3.10
//! mode. 3.10 draws no carets, keeps its library under
//! `/usr/lib/python3.10/`, and has the library's lines elsewhere: the
//! library here is marked with 3.11.7's places (`# cpython:` marks, native
//! frames), so the frames a 3.10 traceback shows are moved to 3.10.13's
//! places, and the frames 3.10 has no counterpart for (3.11's `Runner`
//! under `asyncio.run`) are left out.

use std::rc::Rc;

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
/// tracebacks show, and 3.10.13's: each is the same statement in both
/// (unless `Other`), found in the two versions' files.
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
    ("asyncio/locks.py", 14, Place::Line(13)),
    ("asyncio/locks.py", 15, Place::Line(14)),
    ("asyncio/locks.py", 20, Place::Line(19)),
    ("asyncio/locks.py", 93, Place::Line(93)),
    ("asyncio/locks.py", 114, Place::Line(114)),
    ("asyncio/locks.py", 140, Place::Line(140)),
    ("asyncio/locks.py", 200, Place::Line(201)),
    ("asyncio/locks.py", 213, Place::Line(214)),
    ("asyncio/locks.py", 248, Place::Line(250)),
    ("asyncio/locks.py", 260, Place::Line(262)),
    ("asyncio/locks.py", 267, Place::Line(269)),
    ("asyncio/locks.py", 277, Place::Line(279)),
    ("asyncio/locks.py", 283, Place::Line(285)),
    ("asyncio/locks.py", 285, Place::Line(287)),
    ("asyncio/locks.py", 294, Place::Line(296)),
    ("asyncio/locks.py", 311, Place::Line(313)),
    ("asyncio/locks.py", 348, Place::Line(351)),
    ("asyncio/locks.py", 364, Place::Line(367)),
    ("asyncio/locks.py", 387, Place::Line(390)),
    ("asyncio/locks.py", 434, Place::Line(437)),
    ("asyncio/queues.py", 110, Place::Line(111)),
    ("asyncio/queues.py", 120, Place::Line(121)),
    ("asyncio/queues.py", 143, Place::Line(144)),
    ("asyncio/queues.py", 149, Place::Line(150)),
    ("asyncio/queues.py", 158, Place::Line(159)),
    ("asyncio/queues.py", 181, Place::Line(182)),
    ("asyncio/queues.py", 201, Place::Line(202)),
    ("asyncio/queues.py", 206, Place::Line(207)),
    ("asyncio/queues.py", 215, Place::Line(216)),
    ("asyncio/tasks.py", 399, Place::Line(349)),
    ("asyncio/tasks.py", 416, Place::Line(366)),
    ("asyncio/tasks.py", 420, Place::Line(370)),
    ("asyncio/tasks.py", 428, Place::Line(384)),
    ("asyncio/tasks.py", 436, Place::Line(392)),
    ("asyncio/tasks.py", 452, Place::Line(408)),
    ("asyncio/tasks.py", 458, Place::Line(414)),
    ("asyncio/tasks.py", 460, Place::Line(416)),
    ("asyncio/tasks.py", 462, Place::Line(418)),
    ("asyncio/tasks.py", 464, Place::Line(420)),
    ("asyncio/tasks.py", 476, Place::Line(432)),
    ("asyncio/tasks.py", 479, Place::Line(435)),
    ("asyncio/tasks.py", 485, Place::Line(441)),
    ("asyncio/tasks.py", 489, Place::Line(445)),
    ("asyncio/tasks.py", 495, Place::Line(451)),
    ("asyncio/tasks.py", 500, Place::Line(456)),
    ("asyncio/tasks.py", 502, Place::Line(458)),
    ("asyncio/tasks.py", 507, Place::Line(463)),
    ("asyncio/tasks.py", 535, Place::Line(491)),
    ("asyncio/tasks.py", 551, Place::Line(507)),
    ("asyncio/tasks.py", 562, Place::Line(518)),
    ("asyncio/tasks.py", 610, Place::Line(566)),
    ("asyncio/tasks.py", 611, Place::Line(567)),
    ("asyncio/tasks.py", 614, Place::Line(570)),
    ("asyncio/tasks.py", 615, Place::Line(571)),
    ("asyncio/tasks.py", 637, Place::Line(593)),
    ("asyncio/tasks.py", 640, Place::Line(596)),
    ("asyncio/tasks.py", 649, Place::Line(605)),
    ("asyncio/threads.py", 12, Place::Line(12)),
    ("asyncio/threads.py", 25, Place::Line(25)),
    ("asyncio/base_events.py", 539, Place::Line(535)),
    ("asyncio/base_events.py", 564, Place::Line(560)),
    ("asyncio/base_events.py", 607, Place::Line(603)),
    ("asyncio/base_events.py", 640, Place::Line(636)),
    ("asyncio/base_events.py", 651, Place::Line(647)),
    ("asyncio/base_events.py", 653, Place::Line(649)),
    ("asyncio/base_events.py", 1884, Place::Line(1871)),
    ("asyncio/base_events.py", 1922, Place::Line(1909)),
    ("asyncio/events.py", 80, Place::Line(80)),
    ("asyncio/events.py", 677, Place::Line(656)),
    ("selectors.py", 468, Place::Line(469)),
];

/// A place of 3.11.7's library (a task's `coro=<sleep() running at
/// FILE:LINE>`) as 3.10.13 has it; other files keep theirs. A frame 3.10
/// does not have keeps 3.11's line under 3.10's directory.
pub fn place(path: &str, line: u32) -> (Rc<str>, u32) {
    let Some(rel) = path.strip_prefix(STDLIB_DIR) else {
        return (path.into(), line);
    };
    let line = match PLACES
        .iter()
        .find(|(file, l, _)| *file == rel && *l == line)
        .map(|(_, _, p)| p)
    {
        Some(Place::Line(n)) | Some(Place::Other(n, _)) => *n,
        Some(Place::Gone) | None => line,
    };
    (format!("{}{}", STDLIB_DIR_310, rel).into(), line)
}

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
    fn a_library_coroutines_place_moves_to_310s_file_and_line() {
        let (file, line) = place("/usr/lib/python3.11/asyncio/tasks.py", 649);
        assert_eq!(
            (&*file, line),
            ("/usr/lib/python3.10/asyncio/tasks.py", 605)
        );
        let (file, line) = place("/usr/lib/python3.11/asyncio/queues.py", 149);
        assert_eq!(
            (&*file, line),
            ("/usr/lib/python3.10/asyncio/queues.py", 150)
        );
        let (file, line) = place("main.py", 12);
        assert_eq!((&*file, line), ("main.py", 12));
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
        let sleep = frame(at(
            "/usr/lib/python3.11/asyncio/tasks.py",
            649,
            "return await future",
        ))
        .unwrap();
        assert_eq!(
            (&*sleep.file, sleep.line),
            ("/usr/lib/python3.10/asyncio/tasks.py", 605)
        );
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
