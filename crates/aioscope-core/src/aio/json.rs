//! The few JSON shapes the transcript and event formats need, written as
//! Python's `json.dumps(..., ensure_ascii=False)` writes them.

use crate::vm::pyfmt::float_repr;

/// A JSON string literal, escaped as `json.dumps` does with
/// `ensure_ascii=False`.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A time as the transcripts print it: `round(t, 6)` in Python's float
/// repr.
pub fn time(t: f64) -> String {
    let rounded: f64 = format!("{:.6}", t).parse().unwrap_or(t);
    float_repr(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_json_dumps_without_ascii_escaping() {
        // json.dumps('a"b\\c\n\x08é', ensure_ascii=False)
        assert_eq!(string("a\"b\\c\n\u{8}é"), r#""a\"b\\c\n\bé""#);
        assert_eq!(string("\u{1}"), r#""\u0001""#);
    }

    #[test]
    fn times_round_to_six_decimals() {
        assert_eq!(time(0.9999999999999999), "1.0");
        assert_eq!(time(0.0), "0.0");
        assert_eq!(time(3.0000000000000013), "3.0");
        assert_eq!(time(0.30000000000000004), "0.3");
    }
}
