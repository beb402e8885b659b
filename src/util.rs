//! Small formatting helpers shared by the panels.

/// Seconds with up to three decimals, trailing zeros dropped: `0.3`, `1.25`.
pub fn secs(x: f64) -> String {
    let s = format!("{:.3}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// The clock: always three decimals, `0.300 s`.
pub fn clock(t: f64) -> String {
    format!("{:.3} s", t)
}

/// An SVG coordinate with one decimal, without float formatting (which
/// would pull more code into the wasm).
pub fn n(x: f32) -> String {
    let v = (x * 10.0).round() as i64;
    let sign = if v < 0 { "-" } else { "" };
    let v = v.abs();
    if v % 10 == 0 {
        format!("{}{}", sign, v / 10)
    } else {
        format!("{}{}.{}", sign, v / 10, v % 10)
    }
}

/// The CSS class of a task's colour.
pub fn color(task: u32) -> String {
    format!("c{}", task % 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_seconds() {
        assert_eq!(secs(0.30000000000000004), "0.3");
        assert_eq!(secs(3.0), "3");
        assert_eq!(secs(0.0), "0");
        assert_eq!(secs(1.25), "1.25");
        assert_eq!(secs(-0.0000001), "0");
        assert_eq!(clock(0.30000000000000004), "0.300 s");
        assert_eq!(n(12.345), "12.3");
        assert_eq!(n(-0.06), "-0.1");
        assert_eq!(n(3.0), "3");
    }
}
