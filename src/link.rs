//! The location hash: which program and which frame, so a link reopens
//! the same frame. `#s=ID&n=N` for a scenario, `#c=PACKED&n=N` for the
//! user's program (compressed with [`crate::lz`]), where `N` is the number
//! the frame counter shows (from 1); `&i=1` when asyncio's internals are
//! shown (they change the count); `&v=side` for the two spinners side by
//! side (then `n` counts their merged frames). Links of old name the frame
//! by index from 0, `f=N`, and still open where they did. `&py=3.10`
//! runs the user's program as Python 3.10; `&ctrlc=T` presses Ctrl+C at
//! virtual time T.

use aioscope_core::run::PythonVersion;

use crate::lz;
use crate::model::Opening;
use crate::scenarios::{self, Scenario};

/// What a link opens.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A built-in scenario.
    Scenario(&'static Scenario),
    /// The user's program.
    Code(String),
}

/// A parsed link.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The program.
    pub source: Source,
    /// Where it opens.
    pub frame: Opening,
    /// The side-by-side view (`v=side`).
    pub side_by_side: bool,
    /// The Python the program runs as (`py=3.10`; 3.11 without it).
    pub python: PythonVersion,
    /// Ctrl+C at a virtual time: `Some(Some(T))` for `ctrlc=T`,
    /// `Some(None)` for `ctrlc=none` (a scenario that has its own Ctrl+C
    /// runs without it), `None` when the link does not say.
    pub interrupt: Option<Option<f64>>,
}

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// `s=` names no scenario.
    UnknownScenario(String),
    /// `c=` is not a compressed program.
    BadCode,
    /// `f=`, `n=` or `i=` is not a number.
    BadFrame,
    /// Neither `s=` nor `c=`.
    NoProgram,
}

/// Parses a hash (with or without the `#`); `Ok(None)` for an empty one or
/// a plain anchor such as `#main` (no `key=value` in it).
pub fn parse(hash: &str) -> Result<Option<Link>, LinkError> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.is_empty() || !hash.contains('=') {
        return Ok(None);
    }
    let mut source = None;
    let mut index = None;
    let mut number = None;
    let mut internals = false;
    let mut side_by_side = false;
    let mut python = PythonVersion::default();
    let mut interrupt = None;
    for part in hash.split('&') {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match k {
            "s" => {
                let s = scenarios::by_id(v).ok_or_else(|| LinkError::UnknownScenario(v.into()))?;
                source = Some(Source::Scenario(s));
            }
            "c" => source = Some(Source::Code(lz::unpack(v).ok_or(LinkError::BadCode)?)),
            "f" => index = Some(v.parse().map_err(|_| LinkError::BadFrame)?),
            "n" => number = Some(v.parse().map_err(|_| LinkError::BadFrame)?),
            "i" => internals = v.parse::<u8>().map_err(|_| LinkError::BadFrame)? != 0,
            "v" => side_by_side = v == SIDE_BY_SIDE,
            "py" => python = PythonVersion::parse(v).unwrap_or_default(),
            CTRL_C if v == NO_CTRL_C => interrupt = Some(None),
            CTRL_C => interrupt = crate::components::interrupt::parse_time(v).map(Some),
            _ => {}
        }
    }
    let source = source.ok_or(LinkError::NoProgram)?;
    let frame = match (number, index) {
        (Some(n), _) => Opening::Shown { n, internals },
        (None, Some(f)) => Opening::Frame(f),
        (None, None) => Opening::Shown { n: 1, internals },
    };
    Ok(Some(Link {
        source,
        frame,
        side_by_side,
        python,
        interrupt,
    }))
}

/// The key of the Ctrl+C time in a link.
pub const CTRL_C: &str = "ctrlc";
/// Its value for "no Ctrl+C".
pub const NO_CTRL_C: &str = "none";

/// What a program part gets for Ctrl+C at `interrupt` (nothing without).
pub fn interrupt_part(interrupt: Option<f64>) -> String {
    match interrupt {
        Some(t) => format!("&{}={}", CTRL_C, crate::components::interrupt::show_time(t)),
        None => String::new(),
    }
}

/// What a program part gets for running as `python` (nothing for 3.11).
pub fn python_part(python: PythonVersion) -> String {
    match python {
        PythonVersion::V3_11 => String::new(),
        other => format!("&py={}", other.label()),
    }
}

/// The view value of the side-by-side view.
const SIDE_BY_SIDE: &str = "side";

/// The program part of a link to the side-by-side view of `program`.
pub fn side_by_side_part(program: &str) -> String {
    format!("{}&v={}", program, SIDE_BY_SIDE)
}

/// The program part of a link: `s=ID` or `c=PACKED`.
pub fn program_part(source: &Source) -> String {
    match source {
        Source::Scenario(s) => format!("s={}", s.id),
        Source::Code(code) => format!("c={}", lz::pack(code)),
    }
}

/// A whole hash from a program part and where the screen stands.
pub fn hash(program: &str, at: Opening) -> String {
    match at {
        Opening::Frame(f) => format!("#{}&f={}", program, f),
        Opening::Shown {
            n,
            internals: false,
        } => format!("#{}&n={}", program, n),
        Opening::Shown { n, internals: true } => format!("#{}&i=1&n={}", program, n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(n: u32) -> Opening {
        Opening::Shown {
            n,
            internals: false,
        }
    }

    #[test]
    fn round_trips_scenarios_and_code() {
        let s = scenarios::by_id("flags_semaphore").unwrap();
        let h = hash(&program_part(&Source::Scenario(s)), shown(12));
        assert_eq!(h, "#s=flags_semaphore&n=12");
        assert_eq!(
            parse(&h),
            Ok(Some(Link {
                source: Source::Scenario(s),
                frame: shown(12),
                side_by_side: false,
                python: PythonVersion::default(),
                interrupt: None,
            }))
        );
        let code = "import asyncio\nprint('hi')\n".to_string();
        let all = Opening::Shown {
            n: 3,
            internals: true,
        };
        let h = hash(&program_part(&Source::Code(code.clone())), all);
        assert!(h.ends_with("&i=1&n=3"), "{h}");
        assert_eq!(
            parse(&h),
            Ok(Some(Link {
                source: Source::Code(code),
                frame: all,
                side_by_side: false,
                python: PythonVersion::default(),
                interrupt: None,
            }))
        );
        let h = hash(
            &side_by_side_part(&program_part(&Source::Scenario(s))),
            shown(7),
        );
        assert_eq!(h, "#s=flags_semaphore&v=side&n=7");
        assert!(parse(&h).unwrap().unwrap().side_by_side);
        let h = hash(
            &format!(
                "{}{}",
                program_part(&Source::Code("print(1)\n".into())),
                python_part(PythonVersion::V3_10)
            ),
            shown(2),
        );
        assert!(h.contains("&py=3.10&"), "{h}");
        assert_eq!(parse(&h).unwrap().unwrap().python, PythonVersion::V3_10);
        let h = hash(
            &format!("s=cancel_on_interrupt{}", interrupt_part(Some(1.5))),
            shown(4),
        );
        assert_eq!(h, "#s=cancel_on_interrupt&ctrlc=1.5&n=4");
        assert_eq!(parse(&h).unwrap().unwrap().interrupt, Some(Some(1.5)));
        let l = parse("#s=cancel_on_interrupt&ctrlc=none").unwrap().unwrap();
        assert_eq!(l.interrupt, Some(None));
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("#"), Ok(None));
    }

    #[test]
    fn links_of_old_name_the_frame_by_index() {
        let l = parse("#s=spinner_asyncio&f=12").unwrap().unwrap();
        assert_eq!(l.frame, Opening::Frame(12));
        let l = parse("#s=spinner_asyncio").unwrap().unwrap();
        assert_eq!(l.frame, shown(1));
    }

    #[test]
    fn malformed_links_say_why() {
        assert_eq!(
            parse("#s=nope"),
            Err(LinkError::UnknownScenario("nope".into()))
        );
        assert_eq!(parse("#c=%%%"), Err(LinkError::BadCode));
        assert_eq!(parse("#s=spinner_asyncio&f=x"), Err(LinkError::BadFrame));
        assert_eq!(parse("#s=spinner_asyncio&n=-1"), Err(LinkError::BadFrame));
        assert_eq!(parse("#f=2"), Err(LinkError::NoProgram));
        assert_eq!(parse("#x=1&y=2"), Err(LinkError::NoProgram));
        // A plain anchor is not a link to a program.
        assert_eq!(parse("#main"), Ok(None));
    }
}
