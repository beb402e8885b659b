//! Float digits and CPython's layout of them: `PyOS_double_to_string` and
//! `format_float_short` from `Python/pystrtod.c`, on top of Rust's correctly
//! rounded digits. `repr(float)` and the one-number `'%.{p}f'`-style
//! functions are here; the format mini-language ([`super::spec`]) and `%`
//! formatting ([`super::percent`]) lay out their floats with
//! `double_to_string` too.

use super::MAX_FORMAT_DIGITS;

/// Decimal digits of a finite `|x|`: the value is `0.DIGITS × 10^decpt`.
/// Trailing zeros are stripped and zero is `"0"` with `decpt == 1`, which is
/// what CPython's `_Py_dg_dtoa` hands to `format_float_short`.
struct Digits {
    digits: String,
    decpt: i64,
}

impl Digits {
    fn normalize(all: &str, decpt: i64) -> Digits {
        let trimmed_front = all.trim_start_matches('0');
        let digits = trimmed_front.trim_end_matches('0');
        if digits.is_empty() {
            return Digits {
                digits: "0".to_string(),
                decpt: 1,
            };
        }
        let lead = (all.len() - trimmed_front.len()) as i64;
        Digits {
            digits: digits.to_string(),
            decpt: decpt - lead,
        }
    }

    /// Parses Rust's `{:e}` output for a non-negative value, e.g. `1.25e-7`.
    fn from_exponential(text: &str) -> Digits {
        let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let all: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        Digits::normalize(&all, exp + 1)
    }

    /// Shortest digits that round-trip (`dtoa` mode 0). Among strings of
    /// that length `dtoa` picks the one nearest the exact value, breaking
    /// ties to even; Rust's shortest printer can break an exact tie the
    /// other way (`-585738204732717.25` gives `...717.3`, CPython `...717.2`),
    /// so the correctly rounded string of the same length wins whenever it
    /// also round-trips.
    fn shortest(x: f64) -> Digits {
        let x = x.abs();
        let short = Digits::from_exponential(&format!("{x:e}"));
        let nearest_text = format!("{:.*e}", short.digits.len().saturating_sub(1), x);
        let nearest = Digits::from_exponential(&nearest_text);
        if (nearest.digits != short.digits || nearest.decpt != short.decpt)
            && nearest_text.parse::<f64>() == Ok(x)
        {
            return nearest;
        }
        short
    }

    /// `n >= 1` correctly rounded significant digits (`dtoa` mode 2).
    fn significant(x: f64, n: usize) -> Digits {
        Digits::from_exponential(&format!("{:.*e}", n.saturating_sub(1), x.abs()))
    }

    /// Correctly rounded to `p` digits after the point (`dtoa` mode 3).
    fn fixed(x: f64, p: usize) -> Digits {
        let text = format!("{:.*}", p, x.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        Digits::normalize(&format!("{int}{frac}"), int.len() as i64)
    }
}

/// The `Py_DTSF_*` flags of `PyOS_double_to_string` that formatting uses.
#[derive(Clone, Copy, Default)]
pub(super) struct DtoaFlags {
    /// `Py_DTSF_ADD_DOT_0`: integers keep a `.0` (repr, and `format` with no type).
    pub(super) add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` flag (keep the point and `g`'s trailing zeros).
    pub(super) alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option (a result that rounds to zero loses its `-`).
    pub(super) no_neg_zero: bool,
}

pub(super) fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of
/// `e E f F g G r`. The result has a leading `-` for negative values and no
/// other sign.
pub(super) fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let precision = precision.min(MAX_FORMAT_DIGITS);
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_string();
    }
    let mut negative = x.is_sign_negative();
    if x.is_infinite() {
        let inf = if upper { "INF" } else { "inf" };
        return if negative {
            format!("-{inf}")
        } else {
            inf.to_string()
        };
    }
    let (d, precision) = match code {
        'e' => (Digits::significant(x, precision + 1), precision + 1),
        'f' => (Digits::fixed(x, precision), precision),
        'g' => {
            let p = precision.max(1);
            (Digits::significant(x, p), p)
        }
        _ => (Digits::shortest(x), 0),
    };
    if flags.no_neg_zero && d.digits == "0" {
        negative = false;
    }

    // What follows is `format_float_short` from CPython's pystrtod.c: output
    // the slice [vstart, vend) of the digits padded with zeros both ways,
    // with the decimal point after position `decpt`.
    let digits = d.digits.as_str();
    let dlen = digits.len() as i64;
    let p = precision as i64;
    let mut decpt = d.decpt;
    let mut vend = dlen;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vend = p;
        }
        'f' => vend = decpt + p,
        'g' => {
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vend = p;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };

    let mut out = String::with_capacity((vend - vstart + 8).max(8) as usize);
    if negative {
        out.push('-');
    }
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vstart);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= dlen {
        let (int, frac) = digits.split_at(decpt as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else {
        out.push_str(digits);
    }
    if dlen < decpt {
        push_zeros(&mut out, decpt - dlen);
        out.push('.');
        push_zeros(&mut out, vend - decpt);
    } else {
        push_zeros(&mut out, vend - dlen);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    out
}

/// Python's `repr(float)` and `str(float)`: the shortest digits that read
/// back as the same float, laid out as CPython does — positional between
/// 1e-4 and 1e16 (always with a `.`), scientific otherwise, with a signed
/// exponent of at least two digits: `'1.0'`, `'0.1'`, `'1e+16'`, `'1e-05'`,
/// `'0.8999999999999999'`, `'inf'`, `'-inf'`, `'nan'`, `'-0.0'`.
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    double_to_string(x, 'r', 0, flags)
}

/// Python's `'%.{precision}f' % v`: exactly `precision` digits after the
/// point, correctly rounded from the exact binary value (`'%.2f' % 2.675 ==
/// '2.67'`, `'%.0f' % 0.5 == '0'`); `inf`, `-inf`, `nan` for non-finite
/// values. Precisions above 10 000 are treated as 10 000.
pub fn format_float_fixed(v: f64, precision: usize) -> String {
    double_to_string(v, 'f', precision, DtoaFlags::default())
}

/// Python's `'%.{precision}e' % v`: one digit before the point,
/// `precision` after, then `e±XX` (`'%.2e' % 12345.6789 == '1.23e+04'`).
/// Precisions above 10 000 are treated as 10 000.
pub fn format_float_exp(v: f64, precision: usize) -> String {
    double_to_string(v, 'e', precision, DtoaFlags::default())
}

/// Python's `'%.{precision}g' % v`: `precision` significant digits (0 counts
/// as 1), positional unless the exponent is below -4 or at least the
/// precision, trailing zeros removed (`'%g' % 0.00001 == '1e-05'`).
/// Precisions above 10 000 are treated as 10 000.
pub fn format_float_general(v: f64, precision: usize) -> String {
    double_to_string(v, 'g', precision, DtoaFlags::default())
}

#[cfg(test)]
mod tests {
    //! Every expected string in the `*_match_cpython` tests was produced by
    //! CPython 3.11 (`format(...)`, `repr(...)`, `fmt % args`), not written
    //! by hand.
    use super::*;
    use crate::vm::pyfmt::tests::XorShift;

    #[test]
    fn repr_round_trips_with_cpython_layout() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let mut checked = 0;
        while checked < 20_000 {
            let bits = rng.next();
            // Mix in small-exponent values so both layouts are exercised.
            let x = if checked % 2 == 0 {
                f64::from_bits(bits)
            } else {
                f64::from_bits(
                    (bits & 0x800F_FFFF_FFFF_FFFF) | ((0x3C0 + (bits >> 52) % 0x80) << 52),
                )
            };
            if !x.is_finite() {
                continue;
            }
            checked += 1;
            let r = float_repr(x);
            assert_eq!(r.parse::<f64>().map(f64::to_bits), Ok(x.to_bits()), "{r}");
            assert_eq!(r.starts_with('-'), x.is_sign_negative(), "{r}");
            let body = r.strip_prefix('-').unwrap_or(&r);
            // As many significant digits as Rust's shortest round-trip form
            // (which may break an exact tie the other way, so only the count
            // is compared).
            let rust = format!("{:e}", x.abs());
            let (rust_mantissa, _) = rust.split_once('e').unwrap();
            let want_digits = rust_mantissa.replace('.', "").len();
            let (mantissa, exp) = match body.split_once('e') {
                Some((m, e)) => {
                    assert!(
                        e.len() >= 3 && (e.starts_with('+') || e.starts_with('-')),
                        "{r}"
                    );
                    let e: i32 = e.parse().unwrap();
                    assert!(!(-4..16).contains(&e), "{r}");
                    assert!(
                        m.len() == 1 || (m.as_bytes()[1] == b'.' && !m.ends_with('0')),
                        "{r}"
                    );
                    (m.replace('.', ""), e)
                }
                None => {
                    let (int, frac) = body.split_once('.').expect("positional form has a point");
                    assert!(
                        !frac.is_empty() && (frac == "0" || !frac.ends_with('0')),
                        "{r}"
                    );
                    let all = format!("{int}{frac}");
                    let lead = all.len() - all.trim_start_matches('0').len();
                    let e = int.len() as i32 - 1 - lead as i32;
                    assert!((-4..16).contains(&e), "{r}");
                    (all.trim_matches('0').to_string(), e)
                }
            };
            let _ = exp;
            assert_eq!(mantissa.trim_end_matches('0').len(), want_digits, "{r}");
        }
    }

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(float_repr(0.0), "0.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(-1.0), "-1.0");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1.1 * 3.0), "3.3000000000000003");
        assert_eq!(float_repr(1.0 - 0.1), "0.9");
        assert_eq!(float_repr(0.3), "0.3");
        assert_eq!(float_repr(2.5), "2.5");
        assert_eq!(float_repr(100.0), "100.0");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(9999999999999998.0), "9999999999999998.0");
        assert_eq!(float_repr(1e17), "1e+17");
        assert_eq!(float_repr(1e22), "1e+22");
        assert_eq!(float_repr(1e-4), "0.0001");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(0.0001234), "0.0001234");
        assert_eq!(float_repr(0.00001234), "1.234e-05");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(123456789.0), "123456789.0");
        assert_eq!(float_repr(123456789012345.0), "123456789012345.0");
        assert_eq!(float_repr(1234567890123456.0), "1234567890123456.0");
        assert_eq!(float_repr(12345678901234567.0), "1.2345678901234568e+16");
        assert_eq!(float_repr(5e-324), "5e-324");
        assert_eq!(
            float_repr(2.2250738585072014e-308),
            "2.2250738585072014e-308"
        );
        assert_eq!(
            float_repr(1.7976931348623157e308),
            "1.7976931348623157e+308"
        );
        assert_eq!(float_repr(-1.5e300), "-1.5e+300");
        assert_eq!(float_repr(3.0e-10), "3e-10");
        assert_eq!(float_repr(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(float_repr(2.0 / 3.0), "0.6666666666666666");
        assert_eq!(float_repr(0.9), "0.9");
        assert_eq!(float_repr(100.5), "100.5");
        assert_eq!(float_repr(1e100), "1e+100");
        assert_eq!(float_repr(123.456), "123.456");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(4.35), "4.35");
        assert_eq!(float_repr(0.57), "0.57");
        assert_eq!(float_repr(585738204732717.0 + 0.25), "585738204732717.2");
        assert_eq!(float_repr(-585738204732717.0 - 0.25), "-585738204732717.2");
        assert_eq!(float_repr(767254256254973.0 + 0.25), "767254256254973.2");
        assert_eq!(float_repr(633738179690749.0 + 0.25), "633738179690749.2");
        assert_eq!(float_repr(1e23), "1e+23");
        assert_eq!(float_repr(9007199254740992.0 + 1.0), "9007199254740992.0");
        assert_eq!(float_repr(0.3 + 0.6), "0.8999999999999999");
        assert_eq!(float_repr(2.5e-323), "2.5e-323");
    }

    #[test]
    fn fixed_exp_general_match_cpython() {
        assert_eq!(format_float_fixed(2.675, 2), "2.67");
        assert_eq!(format_float_fixed(0.25, 1), "0.2");
        assert_eq!(format_float_fixed(0.5, 0), "0");
        assert_eq!(format_float_fixed(1.5, 0), "2");
        assert_eq!(format_float_fixed(2.5, 0), "2");
        assert_eq!(format_float_fixed(-0.0, 1), "-0.0");
        assert_eq!(format_float_fixed(0.125, 2), "0.12");
        assert_eq!(format_float_fixed(1e22, 2), "10000000000000000000000.00");
        assert_eq!(format_float_fixed(-1.005, 2), "-1.00");
        assert_eq!(format_float_fixed(0.1, 20), "0.10000000000000000555");
        assert_eq!(format_float_fixed(1e-10, 5), "0.00000");
        assert_eq!(
            format_float_fixed(123.456, 60),
            "123.456000000000003069544618483632802963256835937500000000000000"
        );
        assert_eq!(format_float_fixed(5e-324, 3), "0.000");
        assert_eq!(format_float_fixed(1.7976931348623157e308, 0), "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368");
        assert_eq!(format_float_fixed(f64::INFINITY, 2), "inf");
        assert_eq!(format_float_fixed(f64::NEG_INFINITY, 0), "-inf");
        assert_eq!(format_float_fixed(f64::NAN, 3), "nan");
        assert_eq!(format_float_fixed(999.9999, 2), "1000.00");
        assert_eq!(format_float_fixed(-0.0004, 3), "-0.000");
        assert_eq!(format_float_exp(0.0, 6), "0.000000e+00");
        assert_eq!(format_float_exp(12345.6789, 6), "1.234568e+04");
        assert_eq!(format_float_exp(12345.6789, 2), "1.23e+04");
        assert_eq!(format_float_exp(0.5, 0), "5e-01");
        assert_eq!(format_float_exp(2.5, 0), "2e+00");
        assert_eq!(format_float_exp(1e-300, 3), "1.000e-300");
        assert_eq!(format_float_exp(-1.5e300, 1), "-1.5e+300");
        assert_eq!(format_float_exp(5e-324, 20), "4.94065645841246544177e-324");
        assert_eq!(format_float_exp(9.9999, 2), "1.00e+01");
        assert_eq!(format_float_exp(f64::INFINITY, 3), "inf");
        assert_eq!(format_float_general(0.00001, 6), "1e-05");
        assert_eq!(format_float_general(0.0001, 6), "0.0001");
        assert_eq!(format_float_general(100000.0, 6), "100000");
        assert_eq!(format_float_general(1000000.0, 6), "1e+06");
        assert_eq!(format_float_general(999999.5, 6), "1e+06");
        assert_eq!(format_float_general(0.0001234, 3), "0.000123");
        assert_eq!(format_float_general(1234567.0, 3), "1.23e+06");
        assert_eq!(format_float_general(1.0, 0), "1");
        assert_eq!(format_float_general(0.5, 0), "0.5");
        assert_eq!(format_float_general(123.456, 10), "123.456");
        assert_eq!(format_float_general(1e16, 17), "10000000000000000");
        assert_eq!(format_float_general(-0.0, 6), "-0");
        assert_eq!(format_float_general(f64::NAN, 6), "nan");
        assert_eq!(format_float_general(1.5e-7, 2), "1.5e-07");
    }
}
