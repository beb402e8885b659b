//! CPython 3.11's text formatting of numbers and strings, reproduced exactly.
//!
//! Programs shown in aioscope print numbers with `print`, f-strings,
//! `format()`, `str.format` and the `%` operator; a learner comparing the
//! trace with a real Python run must see the same characters. This module is
//! the single place where that text is produced:
//!
//! * [`float_repr`] — `repr(float)` / `str(float)` (shortest round-trip
//!   digits in CPython's layout);
//! * [`parse_format_spec`], [`format_int`], [`format_bool`],
//!   [`format_float`], [`format_str`] — the format mini-language used by
//!   `format()`, `str.format` and f-strings;
//! * [`parse_percent`], [`apply_percent`] — printf-style `%` formatting;
//! * [`format_float_fixed`], [`format_float_exp`], [`format_float_general`]
//!   — `'%.{p}f'`, `'%.{p}e'`, `'%.{p}g'`, for callers needing one number.
//!
//! The digits themselves come from Rust's float printing, which is correctly
//! rounded (round-half-even on the exact binary value, like CPython's
//! `dtoa.c`) and gives shortest round-trip digits (exact ties among those are
//! re-broken to even, as `dtoa.c` does); this module ports CPython's layout
//! logic (`format_float_short` in `Python/pystrtod.c`,
//! `Python/formatter_unicode.c` and `PyUnicode_Format` in
//! `Objects/unicodeobject.c`) on top of them.
//!
//! Deviations from CPython, all on inputs no ordinary program produces:
//! widths and precisions above 10 000 are rejected (CPython would build the
//! huge string); only ASCII digits are read in a format spec (CPython also
//! accepts other Unicode decimal digits); `%c`/`'c'` of a lone surrogate code
//! point is an error because a Rust string cannot hold one; a `%` format
//! string is parsed before any argument is used, so a bad conversion
//! character is reported even where CPython would first complain about a
//! missing argument.

use std::fmt;

/// Largest width or precision accepted anywhere: larger ones are errors
/// rather than multi-gigabyte allocations.
const MAX_FORMAT_DIGITS: usize = 10_000;

/// An error that the interpreter raises as a Python exception of class
/// `type_name` (`ValueError`, `TypeError` or `OverflowError`) with exactly
/// CPython's message, so tracebacks read like the real ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// The Python exception class, e.g. `"ValueError"`.
    pub type_name: &'static str,
    /// The exception message, worded as CPython 3.11 words it.
    pub message: String,
}

impl FormatError {
    fn value(message: impl Into<String>) -> Self {
        FormatError {
            type_name: "ValueError",
            message: message.into(),
        }
    }

    fn type_error(message: impl Into<String>) -> Self {
        FormatError {
            type_name: "TypeError",
            message: message.into(),
        }
    }

    fn overflow(message: impl Into<String>) -> Self {
        FormatError {
            type_name: "OverflowError",
            message: message.into(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name, self.message)
    }
}

impl std::error::Error for FormatError {}

pub mod fields;
mod float;
mod percent;
mod spec;
#[cfg(test)]
mod tests;

pub use float::{float_repr, format_float_exp, format_float_fixed, format_float_general};
pub use percent::{
    apply_percent, parse_percent, parse_percent_bytes, PercentArg, PercentCount, PercentFlags,
    PercentPiece, PercentSpec,
};
pub use spec::{
    format_bigint, format_bool, format_float, format_int, format_str, parse_format_spec,
    parse_format_spec_for, FormatSpec,
};
