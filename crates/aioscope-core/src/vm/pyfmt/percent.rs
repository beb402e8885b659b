//! printf-style `%` formatting (`PyUnicode_Format` in
//! `Objects/unicodeobject.c`): parsing a `%` format string into pieces once,
//! then converting each argument as its specifier says.

use super::float::{double_to_string, float_repr, push_zeros, DtoaFlags};
use super::spec::code_point_char;
use super::{FormatError, MAX_FORMAT_DIGITS};
use crate::vm::bigint::{self, BigInt, Sign};

/// One piece of a parsed `%` format string: literal text (with `%%` already
/// turned into `%`) or a conversion specifier. Parsing once lets the
/// interpreter walk the pieces, pulling arguments as each spec needs them.
#[derive(Clone, Debug, PartialEq)]
pub enum PercentPiece {
    /// Text copied to the output as is.
    Literal(String),
    /// A conversion such as `%-5.2f` or `%(name)s`.
    Spec(PercentSpec),
}

/// One `%` conversion specifier: `%[(key)][flags][width][.precision][hlL]conversion`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PercentSpec {
    /// The mapping key of `%(key)s`, parentheses removed (nested balanced
    /// parentheses are part of the key).
    pub key: Option<String>,
    /// The `-+ #0` flags.
    pub flags: PercentFlags,
    /// Minimum width; `*` takes it from the arguments, where a negative
    /// value means left-justify (the caller sets `flags.left` and passes
    /// the magnitude).
    pub width: Option<PercentCount>,
    /// Precision; `*` takes it from the arguments (negative counts as 0).
    /// A `.` without digits is `Fixed(0)`.
    pub precision: Option<PercentCount>,
    /// The conversion character, one of `s r a d i u o x X e E f F g G c`.
    pub conversion: char,
}

/// The flags of a `%` conversion specifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PercentFlags {
    /// `-`: left-justify (pad on the right with spaces).
    pub left: bool,
    /// `+`: always write a sign on numbers.
    pub plus: bool,
    /// ` `: write a space in place of a `+` sign.
    pub space: bool,
    /// `0`: pad numbers with zeros after the sign.
    pub zero: bool,
    /// `#`: alternate form (`0x`, `0o` prefixes; kept decimal point).
    pub alternate: bool,
}

/// A width or precision in a `%` specifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentCount {
    /// Written as digits in the format string.
    Fixed(usize),
    /// Written as `*`: the next argument (an int) supplies it.
    FromArgs,
}

/// Reads digits at `chars[*pos..]` for a `%` width or precision.
fn percent_integer(chars: &[char], pos: &mut usize, too_big: &str) -> Result<usize, FormatError> {
    let mut value: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value * 10 + d as usize;
        if value > MAX_FORMAT_DIGITS {
            return Err(FormatError::value(too_big));
        }
        *pos += 1;
    }
    Ok(value)
}

fn unsupported_conversion(ch: char) -> String {
    let code = ch as u32;
    let shown = if (31..=126).contains(&code) { ch } else { '?' };
    format!("unsupported format character '{shown}' ({code:#x})")
}

/// Parses a printf-style format string as `str.__mod__` does, with CPython's
/// errors: `incomplete format`, `incomplete format key`,
/// `unsupported format character 'y' (0x79) at index 3` (index in code
/// points), `width too big`, `precision too big`. Adjacent literal text
/// (including `%%`) is merged into one [`PercentPiece::Literal`].
///
/// CPython reports a missing argument before an unsupported character that
/// follows it; parsing first reports the character.
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, FormatError> {
    parse_percent_of(fmt, false)
}

/// [`parse_percent`] for `bytes % args`, which also takes `%b`.
pub fn parse_percent_bytes(fmt: &str) -> Result<Vec<PercentPiece>, FormatError> {
    parse_percent_of(fmt, true)
}

fn parse_percent_of(fmt: &str, bytes: bool) -> Result<Vec<PercentPiece>, FormatError> {
    let chars: Vec<char> = fmt.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        i += 1;
        if c != '%' {
            literal.push(c);
            continue;
        }
        if at(i) == Some('%') {
            literal.push('%');
            i += 1;
            continue;
        }
        let mut spec = PercentSpec::default();
        if at(i) == Some('(') {
            i += 1;
            let start = i;
            let mut depth = 1;
            while depth > 0 {
                match at(i) {
                    None => return Err(FormatError::value("incomplete format key")),
                    Some(')') => depth -= 1,
                    Some('(') => depth += 1,
                    Some(_) => {}
                }
                i += 1;
            }
            spec.key = Some(chars[start..i - 1].iter().collect());
        }
        loop {
            match at(i) {
                Some('-') => spec.flags.left = true,
                Some('+') => spec.flags.plus = true,
                Some(' ') => spec.flags.space = true,
                Some('#') => spec.flags.alternate = true,
                Some('0') => spec.flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        if at(i) == Some('*') {
            spec.width = Some(PercentCount::FromArgs);
            i += 1;
        } else if at(i).is_some_and(|c| c.is_ascii_digit()) {
            let width = percent_integer(&chars, &mut i, "width too big")?;
            spec.width = Some(PercentCount::Fixed(width));
        }
        if at(i) == Some('.') {
            i += 1;
            if at(i) == Some('*') {
                spec.precision = Some(PercentCount::FromArgs);
                i += 1;
            } else {
                let precision = percent_integer(&chars, &mut i, "precision too big")?;
                spec.precision = Some(PercentCount::Fixed(precision));
            }
        }
        if matches!(at(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(conversion) = at(i) else {
            return Err(FormatError::value("incomplete format"));
        };
        if !("sraiduoxXeEfFgGc".contains(conversion) || bytes && conversion == 'b') {
            return Err(FormatError::value(format!(
                "{} at index {i}",
                unsupported_conversion(conversion)
            )));
        }
        i += 1;
        spec.conversion = conversion;
        if !literal.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(PercentPiece::Spec(spec));
    }
    if !literal.is_empty() {
        pieces.push(PercentPiece::Literal(literal));
    }
    Ok(pieces)
}

/// An argument of one `%` conversion, already converted by the interpreter:
/// `Str(str(x))` for `%s`, `Str(repr(x))` for `%r`/`%a`, `Int` for
/// `%d %i %u %x %X %o %c` (or `Str` of one character for `%c`), `Float` for
/// `%e %E %f %F %g %G`. Other combinations are handled as CPython handles
/// the corresponding Python values (a `Float` for `%d` truncates, a `Str`
/// for `%d` is a `TypeError`, ...).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PercentArg<'a> {
    /// A Python int (or bool).
    Int(i64),
    /// A Python int beyond 64 bits.
    BigInt(&'a BigInt),
    /// A Python float.
    Float(f64),
    /// A Python str.
    Str(&'a str),
}

/// `_PyUnicode_FormatLong`: the text of an integer conversion — sign,
/// `0x`-style prefix with `#`, digits zero-padded to `precision`.
fn percent_int_text(
    arg: PercentArg<'_>,
    conversion: char,
    alternate: bool,
    precision: Option<usize>,
) -> Result<String, FormatError> {
    let (negative, digits) = match arg {
        PercentArg::Int(v) => {
            let m = v.unsigned_abs();
            let digits = match conversion {
                'o' => format!("{m:o}"),
                'x' => format!("{m:x}"),
                'X' => format!("{m:X}"),
                _ => m.to_string(),
            };
            (v < 0, digits)
        }
        PercentArg::BigInt(v) => {
            let radix = match conversion {
                'o' => 8,
                'x' | 'X' => 16,
                _ => 10,
            };
            let digits = v.magnitude().to_str_radix(radix);
            let digits = if conversion == 'X' {
                digits.to_ascii_uppercase()
            } else {
                digits
            };
            (v.sign() == Sign::Minus, digits)
        }
        PercentArg::Float(f) if matches!(conversion, 'd' | 'i' | 'u') => {
            if f.is_nan() {
                return Err(FormatError::value("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(FormatError::overflow(
                    "cannot convert float infinity to integer",
                ));
            }
            // int(f): the exact integer value of the float, however large.
            let t = f.trunc();
            (t < 0.0, format!("{:.0}", t.abs()))
        }
        PercentArg::Float(_) | PercentArg::Str(_) => {
            let type_name = if matches!(arg, PercentArg::Str(_)) {
                "str"
            } else {
                "float"
            };
            let required = if matches!(conversion, 'o' | 'x' | 'X') {
                "an integer"
            } else {
                "a real number"
            };
            return Err(FormatError::type_error(format!(
                "%{conversion} format: {required} is required, not {type_name}"
            )));
        }
    };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if alternate && matches!(conversion, 'o' | 'x' | 'X') {
        out.push('0');
        out.push(conversion);
    }
    push_zeros(
        &mut out,
        precision.map_or(0, |p| p as i64) - digits.len() as i64,
    );
    out.push_str(&digits);
    Ok(out)
}

/// Applies one `%` conversion to its argument, as `str.__mod__` does:
/// padding to `width` (spaces, or zeros after the sign with the `0` flag),
/// sign flags, precision (digits for numbers, truncation for `%s %r %a`),
/// alternate forms (`'%#x' % 255 == '0xff'`), `%c` of a code point.
/// `width` and `precision` are already resolved (a `*` taken from the
/// arguments by the caller). Errors are CPython's for mismatched arguments.
pub fn apply_percent(
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
    arg: PercentArg<'_>,
) -> Result<String, FormatError> {
    if width.is_some_and(|w| w > MAX_FORMAT_DIGITS) {
        return Err(FormatError::value("width too big"));
    }
    if precision.is_some_and(|p| p > MAX_FORMAT_DIGITS) {
        return Err(FormatError::value("precision too big"));
    }
    let conversion = spec.conversion;
    let flags = spec.flags;
    let (text, mut signed) = match conversion {
        's' | 'r' | 'a' => {
            let text = match arg {
                PercentArg::Str(s) => s.to_string(),
                PercentArg::Int(v) => v.to_string(),
                PercentArg::BigInt(v) => v.to_string(),
                PercentArg::Float(f) => float_repr(f),
            };
            (text, false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (
            percent_int_text(arg, conversion, flags.alternate, precision)?,
            true,
        ),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match arg {
                PercentArg::Float(f) => f,
                PercentArg::Int(v) => v as f64,
                PercentArg::BigInt(v) => bigint::to_f64(v).map_err(|e| FormatError {
                    type_name: e.type_name,
                    message: e.message,
                })?,
                PercentArg::Str(_) => {
                    return Err(FormatError::type_error("must be real number, not str"))
                }
            };
            let dtoa = DtoaFlags {
                alt: flags.alternate,
                ..DtoaFlags::default()
            };
            (
                double_to_string(x, conversion, precision.unwrap_or(6), dtoa),
                true,
            )
        }
        'c' => {
            let ch = match arg {
                PercentArg::Int(v) => code_point_char(v)?,
                PercentArg::BigInt(_) => code_point_char(-1)?,
                PercentArg::Str(s) => {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => return Err(FormatError::type_error("%c requires int or char")),
                    }
                }
                PercentArg::Float(_) => {
                    return Err(FormatError::type_error("%c requires int or char"))
                }
            };
            (ch.to_string(), false)
        }
        _ => return Err(FormatError::value(unsupported_conversion(conversion))),
    };

    // `unicode_format_arg_output`.
    let chars: Vec<char> = text.chars().collect();
    let fill = if signed && flags.zero { '0' } else { ' ' };
    let mut len = chars.len() as i64;
    if matches!(conversion, 's' | 'r' | 'a') {
        if let Some(p) = precision {
            len = len.min(p as i64);
        }
    }
    let mut width = width.map_or(-1, |w| w as i64);
    let mut index = 0usize;
    let mut sign_char = ' ';
    if signed {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign_char = c;
                len -= 1;
                index = 1;
            }
            _ if flags.plus => sign_char = '+',
            _ if flags.space => sign_char = ' ',
            _ => signed = false,
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::with_capacity(width.max(0) as usize + 4);
    if signed {
        if fill != ' ' {
            out.push(sign_char);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefix = flags.alternate && matches!(conversion, 'x' | 'X' | 'o');
    if prefix {
        if fill != ' ' {
            out.push('0');
            out.push(conversion);
            index += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.left {
        for _ in 0..width - len {
            out.push(fill);
        }
        width = len;
    }
    if fill == ' ' {
        if signed {
            out.push(sign_char);
        }
        if prefix {
            out.push('0');
            out.push(conversion);
            index += 2;
        }
    }
    let end = (index as i64 + len.max(0)) as usize;
    out.extend(chars.get(index..end).unwrap_or(&[]).iter());
    for _ in 0..width - len {
        out.push(' ');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    //! Every expected string in the `*_match_cpython` tests was produced by
    //! CPython 3.11 (`format(...)`, `repr(...)`, `fmt % args`), not written
    //! by hand.
    use super::*;
    use crate::vm::pyfmt::tests::err;

    /// A Python argument of a `%` test.
    #[derive(Clone, Copy)]
    enum A {
        I(i64),
        F(f64),
        S(&'static str),
    }

    fn star(arg: Option<A>) -> i64 {
        match arg {
            Some(A::I(n)) => n,
            _ => panic!("* wants int"),
        }
    }

    /// `fmt % args`, done the way the interpreter uses this module: parse
    /// once, take `*` counts from the arguments, convert each argument.
    fn pct(fmt: &str, args: &[A]) -> Result<String, FormatError> {
        let mut out = String::new();
        let mut args = args.iter().copied();
        for piece in parse_percent(fmt)? {
            let mut spec = match piece {
                PercentPiece::Literal(text) => {
                    out.push_str(&text);
                    continue;
                }
                PercentPiece::Spec(spec) => spec,
            };
            let width = match spec.width {
                Some(PercentCount::FromArgs) => {
                    let n = star(args.next());
                    spec.flags.left |= n < 0;
                    Some(n.unsigned_abs() as usize)
                }
                Some(PercentCount::Fixed(w)) => Some(w),
                None => None,
            };
            let precision = match spec.precision {
                Some(PercentCount::FromArgs) => Some(star(args.next()).max(0) as usize),
                Some(PercentCount::Fixed(p)) => Some(p),
                None => None,
            };
            let arg = args.next().expect("not enough arguments for format string");
            let repr;
            let arg = match (spec.conversion, arg) {
                ('r' | 'a', A::S(s)) => {
                    repr = format!("'{s}'");
                    PercentArg::Str(&repr)
                }
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', A::I(v)) => PercentArg::Float(v as f64),
                (_, A::I(v)) => PercentArg::Int(v),
                (_, A::F(v)) => PercentArg::Float(v),
                (_, A::S(s)) => PercentArg::Str(s),
            };
            out.push_str(&apply_percent(&spec, width, precision, arg)?);
        }
        Ok(out)
    }

    #[test]
    fn percent_parsing_structure() {
        assert_eq!(
            parse_percent("a%%b%(x(y))-+ #07.*lfc"),
            Ok(vec![
                PercentPiece::Literal("a%b".to_string()),
                PercentPiece::Spec(PercentSpec {
                    key: Some("x(y)".to_string()),
                    flags: PercentFlags {
                        left: true,
                        plus: true,
                        space: true,
                        zero: true,
                        alternate: true,
                    },
                    width: Some(PercentCount::Fixed(7)),
                    precision: Some(PercentCount::FromArgs),
                    conversion: 'f',
                }),
                PercentPiece::Literal("c".to_string()),
            ])
        );
        assert_eq!(
            parse_percent("%*.d"),
            Ok(vec![PercentPiece::Spec(PercentSpec {
                width: Some(PercentCount::FromArgs),
                precision: Some(PercentCount::Fixed(0)),
                conversion: 'd',
                ..PercentSpec::default()
            })])
        );
        assert_eq!(parse_percent(""), Ok(vec![]));
        // apply_percent with an unknown conversion (a hand-built spec).
        let bogus = PercentSpec {
            conversion: 'y',
            ..PercentSpec::default()
        };
        assert_eq!(
            apply_percent(&bogus, None, None, PercentArg::Int(1)),
            err("ValueError", "unsupported format character 'y' (0x79)")
        );
        let d = PercentSpec {
            conversion: 'd',
            ..PercentSpec::default()
        };
        assert_eq!(
            apply_percent(&d, Some(10_001), None, PercentArg::Int(1)),
            err("ValueError", "width too big")
        );
        assert_eq!(
            apply_percent(&d, None, Some(usize::MAX), PercentArg::Int(1)),
            err("ValueError", "precision too big")
        );
    }

    #[test]
    fn percent_matches_cpython() {
        assert_eq!(pct("%5.1f", &[A::F(1.23456)]), Ok("  1.2".to_string()));
        assert_eq!(pct("%-5d|", &[A::I(42)]), Ok("42   |".to_string()));
        assert_eq!(pct("%+d", &[A::I(42)]), Ok("+42".to_string()));
        assert_eq!(pct("%+d", &[A::I(-42)]), Ok("-42".to_string()));
        assert_eq!(pct("% d", &[A::I(42)]), Ok(" 42".to_string()));
        assert_eq!(pct("%05d", &[A::I(-42)]), Ok("-0042".to_string()));
        assert_eq!(pct("%05d", &[A::I(42)]), Ok("00042".to_string()));
        assert_eq!(pct("%-05d|", &[A::I(42)]), Ok("42   |".to_string()));
        assert_eq!(pct("%x", &[A::I(255)]), Ok("ff".to_string()));
        assert_eq!(pct("%X", &[A::I(255)]), Ok("FF".to_string()));
        assert_eq!(pct("%#x", &[A::I(255)]), Ok("0xff".to_string()));
        assert_eq!(pct("%#X", &[A::I(255)]), Ok("0XFF".to_string()));
        assert_eq!(pct("%#o", &[A::I(8)]), Ok("0o10".to_string()));
        assert_eq!(pct("%o", &[A::I(8)]), Ok("10".to_string()));
        assert_eq!(pct("%#10x", &[A::I(255)]), Ok("      0xff".to_string()));
        assert_eq!(pct("%#010x", &[A::I(255)]), Ok("0x000000ff".to_string()));
        assert_eq!(pct("%#-10x|", &[A::I(255)]), Ok("0xff      |".to_string()));
        assert_eq!(pct("%#010x", &[A::I(-255)]), Ok("-0x00000ff".to_string()));
        assert_eq!(pct("%+#10o", &[A::I(8)]), Ok("     +0o10".to_string()));
        assert_eq!(pct("%.5d", &[A::I(-42)]), Ok("-00042".to_string()));
        assert_eq!(pct("%#.5x", &[A::I(255)]), Ok("0x000ff".to_string()));
        assert_eq!(pct("%8.5d", &[A::I(42)]), Ok("   00042".to_string()));
        assert_eq!(pct("%08.5d", &[A::I(42)]), Ok("00000042".to_string()));
        assert_eq!(
            pct("%e", &[A::F(12345.6789)]),
            Ok("1.234568e+04".to_string())
        );
        assert_eq!(pct("%E", &[A::F(0.0)]), Ok("0.000000E+00".to_string()));
        assert_eq!(pct("%.2e", &[A::F(12345.6789)]), Ok("1.23e+04".to_string()));
        assert_eq!(pct("%g", &[A::F(1e-05)]), Ok("1e-05".to_string()));
        assert_eq!(pct("%g", &[A::F(100000.0)]), Ok("100000".to_string()));
        assert_eq!(pct("%g", &[A::F(1000000.0)]), Ok("1e+06".to_string()));
        assert_eq!(pct("%G", &[A::F(1e-10)]), Ok("1E-10".to_string()));
        assert_eq!(pct("%#g", &[A::F(1.0)]), Ok("1.00000".to_string()));
        assert_eq!(pct("%#.0f", &[A::F(1.0)]), Ok("1.".to_string()));
        assert_eq!(pct("%.0f", &[A::F(0.5)]), Ok("0".to_string()));
        assert_eq!(pct("%.0f", &[A::F(1.5)]), Ok("2".to_string()));
        assert_eq!(pct("%.2f", &[A::F(2.675)]), Ok("2.67".to_string()));
        assert_eq!(
            pct("%f", &[A::F(1e+22)]),
            Ok("10000000000000000000000.000000".to_string())
        );
        assert_eq!(pct("%.1f", &[A::F(0.25)]), Ok("0.2".to_string()));
        assert_eq!(
            pct("%10.4s|", &[A::S("abcdefgh")]),
            Ok("      abcd|".to_string())
        );
        assert_eq!(pct("%-10s|", &[A::S("abc")]), Ok("abc       |".to_string()));
        assert_eq!(pct("%.2s", &[A::S("abc")]), Ok("ab".to_string()));
        assert_eq!(pct("%c", &[A::I(65)]), Ok("A".to_string()));
        assert_eq!(pct("%c", &[A::S("z")]), Ok("z".to_string()));
        assert_eq!(pct("%5c|", &[A::I(65)]), Ok("    A|".to_string()));
        assert_eq!(pct("%-3c|", &[A::I(8364)]), Ok("€  |".to_string()));
        assert_eq!(pct("%%", &[]), Ok("%".to_string()));
        assert_eq!(pct("100%%", &[]), Ok("100%".to_string()));
        assert_eq!(pct("%d%%", &[A::I(50)]), Ok("50%".to_string()));
        assert_eq!(pct("%s", &[A::S("héllo")]), Ok("héllo".to_string()));
        assert_eq!(pct("%r", &[A::S("abc")]), Ok("'abc'".to_string()));
        assert_eq!(pct("%5r|", &[A::S("ab")]), Ok(" 'ab'|".to_string()));
        assert_eq!(pct("%a", &[A::S("ab")]), Ok("'ab'".to_string()));
        assert_eq!(
            pct("%s and %s", &[A::S("a"), A::S("b")]),
            Ok("a and b".to_string())
        );
        assert_eq!(pct("%s", &[A::I(42)]), Ok("42".to_string()));
        assert_eq!(pct("%s", &[A::F(1.0)]), Ok("1.0".to_string()));
        assert_eq!(pct("%s", &[A::F(1e+16)]), Ok("1e+16".to_string()));
        assert_eq!(pct("%5s|", &[A::F(1.5)]), Ok("  1.5|".to_string()));
        assert_eq!(pct("%.1s", &[A::I(123)]), Ok("1".to_string()));
        assert_eq!(pct("%i", &[A::I(7)]), Ok("7".to_string()));
        assert_eq!(pct("%u", &[A::I(7)]), Ok("7".to_string()));
        assert_eq!(pct("%d", &[A::F(3.7)]), Ok("3".to_string()));
        assert_eq!(pct("%d", &[A::F(-3.7)]), Ok("-3".to_string()));
        assert_eq!(
            pct("%d", &[A::F(1e+20)]),
            Ok("100000000000000000000".to_string())
        );
        assert_eq!(pct("%f", &[A::I(3)]), Ok("3.000000".to_string()));
        assert_eq!(pct("%.3e", &[A::I(7)]), Ok("7.000e+00".to_string()));
        assert_eq!(pct("%*d", &[A::I(5), A::I(42)]), Ok("   42".to_string()));
        assert_eq!(pct("%*d|", &[A::I(-5), A::I(42)]), Ok("42   |".to_string()));
        assert_eq!(
            pct("%.*f", &[A::I(2), A::F(1.23456)]),
            Ok("1.23".to_string())
        );
        assert_eq!(pct("%.*f", &[A::I(-2), A::F(1.5)]), Ok("2".to_string()));
        assert_eq!(
            pct("%*.*f|", &[A::I(8), A::I(2), A::F(1.23456)]),
            Ok("    1.23|".to_string())
        );
        assert_eq!(
            pct("%-*.*f|", &[A::I(8), A::I(2), A::F(1.23456)]),
            Ok("1.23    |".to_string())
        );
        assert_eq!(pct("%ld", &[A::I(5)]), Ok("5".to_string()));
        assert_eq!(pct("%hd", &[A::I(5)]), Ok("5".to_string()));
        assert_eq!(pct("%Lf", &[A::F(1.5)]), Ok("1.500000".to_string()));
        assert_eq!(pct("%+.2f", &[A::F(1.5)]), Ok("+1.50".to_string()));
        assert_eq!(pct("% .2f", &[A::F(-1.5)]), Ok("-1.50".to_string()));
        assert_eq!(pct("% .2f", &[A::F(1.5)]), Ok(" 1.50".to_string()));
        assert_eq!(pct("%+f", &[A::F(f64::INFINITY)]), Ok("+inf".to_string()));
        assert_eq!(pct("%05f", &[A::F(f64::INFINITY)]), Ok("00inf".to_string()));
        assert_eq!(pct("%-6f|", &[A::F(f64::NAN)]), Ok("nan   |".to_string()));
        assert_eq!(pct("%F", &[A::F(f64::INFINITY)]), Ok("INF".to_string()));
        assert_eq!(pct("%F", &[A::F(f64::NAN)]), Ok("NAN".to_string()));
        assert_eq!(pct("%010.2f", &[A::F(-1.5)]), Ok("-000001.50".to_string()));
        assert_eq!(pct("%+010.2f", &[A::F(1.5)]), Ok("+000001.50".to_string()));
        assert_eq!(pct("% 010.2f", &[A::F(1.5)]), Ok(" 000001.50".to_string()));
        assert_eq!(pct("%-+8.2f|", &[A::F(1.5)]), Ok("+1.50   |".to_string()));
        assert_eq!(pct("%.3g", &[A::F(0.0001234)]), Ok("0.000123".to_string()));
        assert_eq!(pct("%.3g", &[A::F(1234567.0)]), Ok("1.23e+06".to_string()));
        assert_eq!(pct("%#.3g", &[A::F(1.0)]), Ok("1.00".to_string()));
        assert_eq!(pct("%.0e", &[A::F(2.5)]), Ok("2e+00".to_string()));
        assert_eq!(pct("%x", &[A::I(-255)]), Ok("-ff".to_string()));
        assert_eq!(pct("%+x", &[A::I(255)]), Ok("+ff".to_string()));
        assert_eq!(pct("% x", &[A::I(255)]), Ok(" ff".to_string()));
        assert_eq!(pct("%.0d", &[A::I(0)]), Ok("0".to_string()));
        assert_eq!(pct("%.0x", &[A::I(0)]), Ok("0".to_string()));
        assert_eq!(pct("%03c", &[A::I(65)]), Ok("  A".to_string()));
        assert_eq!(pct("%+s", &[A::S("a")]), Ok("a".to_string()));
        assert_eq!(pct("%05s", &[A::S("ab")]), Ok("   ab".to_string()));
        assert_eq!(pct("%.3c", &[A::I(65)]), Ok("A".to_string()));
        assert_eq!(
            pct("%.60f", &[A::F(0.1)]),
            Ok("0.100000000000000005551115123125782702118158340454101562500000".to_string())
        );
        assert_eq!(pct("%.3f", &[A::F(-0.0)]), Ok("-0.000".to_string()));
        assert_eq!(
            pct("%d", &[A::I(-9223372036854775808)]),
            Ok("-9223372036854775808".to_string())
        );
        assert_eq!(
            pct("%x", &[A::I(-9223372036854775808)]),
            Ok("-8000000000000000".to_string())
        );
        assert_eq!(pct("abc", &[]), Ok("abc".to_string()));
        assert_eq!(pct("", &[]), Ok("".to_string()));
        assert_eq!(pct("%s%s", &[A::S(""), A::S("")]), Ok("".to_string()));
    }

    #[test]
    fn percent_errors_match_cpython() {
        assert_eq!(
            pct("%y", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character 'y' (0x79) at index 1"
            )
        );
        assert_eq!(
            pct("ab %y", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character 'y' (0x79) at index 4"
            )
        );
        assert_eq!(
            pct("%5%", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character '%' (0x25) at index 2"
            )
        );
        assert_eq!(
            pct("%5.1%", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character '%' (0x25) at index 4"
            )
        );
        assert_eq!(
            pct("ab%é", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character '?' (0xe9) at index 3"
            )
        );
        assert_eq!(
            pct("%\n", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character '?' (0xa) at index 1"
            )
        );
        assert_eq!(
            pct("%\u{7f}", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character '?' (0x7f) at index 1"
            )
        );
        assert_eq!(
            pct("%\u{1f}", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character '\u{1f}' (0x1f) at index 1"
            )
        );
        assert_eq!(
            pct("%€", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character '?' (0x20ac) at index 1"
            )
        );
        assert_eq!(pct("%", &[]), err("ValueError", "incomplete format"));
        assert_eq!(pct("abc%", &[]), err("ValueError", "incomplete format"));
        assert_eq!(
            pct("%5", &[A::I(1)]),
            err("ValueError", "incomplete format")
        );
        assert_eq!(
            pct("%.", &[A::I(1)]),
            err("ValueError", "incomplete format")
        );
        assert_eq!(
            pct("%-", &[A::I(1)]),
            err("ValueError", "incomplete format")
        );
        assert_eq!(
            pct("%h", &[A::I(5)]),
            err("ValueError", "incomplete format")
        );
        assert_eq!(
            pct("%hh", &[A::I(5)]),
            err(
                "ValueError",
                "unsupported format character 'h' (0x68) at index 2"
            )
        );
        assert_eq!(
            pct("%*", &[A::I(5)]),
            err("ValueError", "incomplete format")
        );
        assert_eq!(
            pct("%.*", &[A::I(5)]),
            err("ValueError", "incomplete format")
        );
        assert_eq!(
            pct("%99999999999999999999d", &[A::I(1)]),
            err("ValueError", "width too big")
        );
        assert_eq!(
            pct("%.99999999999999999999d", &[A::I(1)]),
            err("ValueError", "precision too big")
        );
        assert_eq!(
            pct("%c", &[A::S("ab")]),
            err("TypeError", "%c requires int or char")
        );
        assert_eq!(
            pct("%c", &[A::I(-1)]),
            err("OverflowError", "%c arg not in range(0x110000)")
        );
        assert_eq!(
            pct("%c", &[A::I(1114112)]),
            err("OverflowError", "%c arg not in range(0x110000)")
        );
        assert_eq!(
            pct("%c", &[A::F(1.5)]),
            err("TypeError", "%c requires int or char")
        );
        assert_eq!(
            pct("%x", &[A::F(1.5)]),
            err("TypeError", "%x format: an integer is required, not float")
        );
        assert_eq!(
            pct("%d", &[A::S("a")]),
            err("TypeError", "%d format: a real number is required, not str")
        );
        assert_eq!(
            pct("%X", &[A::S("a")]),
            err("TypeError", "%X format: an integer is required, not str")
        );
        assert_eq!(
            pct("%o", &[A::F(1.5)]),
            err("TypeError", "%o format: an integer is required, not float")
        );
        assert_eq!(
            pct("%f", &[A::S("a")]),
            err("TypeError", "must be real number, not str")
        );
        assert_eq!(
            pct("%e", &[A::S("a")]),
            err("TypeError", "must be real number, not str")
        );
        assert_eq!(
            pct("%d", &[A::F(f64::NAN)]),
            err("ValueError", "cannot convert float NaN to integer")
        );
        assert_eq!(
            pct("%d", &[A::F(f64::INFINITY)]),
            err("OverflowError", "cannot convert float infinity to integer")
        );
        assert_eq!(
            pct("日本%q", &[A::I(1)]),
            err(
                "ValueError",
                "unsupported format character 'q' (0x71) at index 3"
            )
        );
        assert_eq!(
            parse_percent("%(a").map(|_| String::new()),
            err("ValueError", "incomplete format key")
        );
        assert_eq!(
            parse_percent("%(a(b)").map(|_| String::new()),
            err("ValueError", "incomplete format key")
        );
        assert_eq!(
            parse_percent("%(a)").map(|_| String::new()),
            err("ValueError", "incomplete format")
        );
        assert_eq!(
            parse_percent("%(a)%").map(|_| String::new()),
            err(
                "ValueError",
                "unsupported format character '%' (0x25) at index 4"
            )
        );
    }
}
