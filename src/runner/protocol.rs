//! The messages between the page and the worker, in postcard bytes.

use aioscope_core::trace::TraceDelta;
use serde::{Deserialize, Serialize};

/// A program to run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// Its source.
    pub source: String,
    /// The file name it runs as.
    pub filename: String,
    /// Instructions it may execute.
    pub instructions: u64,
    /// The virtual internet its HTTP libraries reach (`None`: the default).
    pub world: Option<aioscope_core::run::World>,
    /// The CPython minor version it runs as (10 or 11).
    pub python: u8,
    /// Ctrl+C pressed at this virtual time (`None`: never).
    pub interrupt_at: Option<f64>,
}

/// Why a program was not run: its first syntax error, as
/// [`aioscope_core::run::check`] found it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// `SyntaxError`, `IndentationError`, `NotImplementedError`.
    pub kind: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// The message.
    pub message: String,
}

/// What the worker tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToPage {
    /// Started and waiting for jobs.
    Ready,
    /// The program does not compile: it was not run (the page keeps the
    /// last good run on screen).
    Syntax(Refusal),
    /// The next piece of the current job's trace (the last one has its
    /// `end`).
    Piece(Box<TraceDelta>),
    /// A message that could not be read (a page and a worker from two
    /// different builds).
    Refused(String),
}

/// Why bytes could not be read as a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "an unreadable message: {}", self.0)
    }
}

/// A message as bytes.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Serializing into a growable buffer fails only for types postcard
    // cannot express (none of ours): an empty message is then refused on
    // the other side instead of crashing this one.
    postcard::to_allocvec(message).unwrap_or_default()
}

/// Bytes as a message.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, DecodeError> {
    postcard::from_bytes(bytes).map_err(|e| DecodeError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_and_a_piece_make_the_round_trip() {
        let job = Job {
            source: "print('hi')\n".into(),
            filename: "main.py".into(),
            instructions: 123_456_789,
            world: Some(aioscope_core::run::World::default()),
            python: 10,
            interrupt_at: Some(1.5),
        };
        assert_eq!(decode::<Job>(&encode(&job)), Ok(job));
        let piece = ToPage::Piece(Box::new(TraceDelta {
            output: vec![
                aioscope_core::trace::OutRecord {
                    t: 0.5,
                    stream: aioscope_core::trace::Stream::Out,
                    text: "héllo\n".into(),
                },
                aioscope_core::trace::OutRecord {
                    t: 0.5,
                    stream: aioscope_core::trace::Stream::Err,
                    text: "Traceback\n".into(),
                },
            ],
            ..TraceDelta::default()
        }));
        assert_eq!(decode::<ToPage>(&encode(&piece)), Ok(piece));
        let refused = ToPage::Syntax(Refusal {
            kind: "SyntaxError".into(),
            line: 3,
            col: 17,
            message: "expected ':'".into(),
        });
        assert_eq!(decode::<ToPage>(&encode(&refused)), Ok(refused));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(decode::<ToPage>(&[0xff, 0xff, 0xff]).is_err());
        assert!(decode::<Job>(&[]).is_err());
    }
}
