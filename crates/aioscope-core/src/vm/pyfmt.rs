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

// ---------------------------------------------------------------------------
// Float digits and CPython's layout of them
// ---------------------------------------------------------------------------

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
struct DtoaFlags {
    /// `Py_DTSF_ADD_DOT_0`: integers keep a `.0` (repr, and `format` with no type).
    add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` flag (keep the point and `g`'s trailing zeros).
    alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option (a result that rounds to zero loses its `-`).
    no_neg_zero: bool,
}

fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of
/// `e E f F g G r`. The result has a leading `-` for negative values and no
/// other sign.
fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
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

// ---------------------------------------------------------------------------
// The format mini-language
// ---------------------------------------------------------------------------

/// A parsed format spec of the format mini-language,
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`. The
/// `format_*` functions parse their spec with it; it is public so the
/// interpreter can check or inspect a spec on its own (e.g. for a type
/// whose `__format__` it implements itself). Absent parts are
/// `None`/`false`; the per-type defaults (alignment, type) are applied by
/// the `format_*` functions.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// The fill character; only set when an alignment follows it.
    pub fill: Option<char>,
    /// One of `<`, `>`, `=`, `^`.
    pub align: Option<char>,
    /// One of `+`, `-`, ` `.
    pub sign: Option<char>,
    /// The `z` option (Python 3.11): results that round to zero lose their
    /// `-` sign (floats only; an error for ints and strings).
    pub no_neg_zero: bool,
    /// The `#` option: alternate form (`0x` prefixes, kept decimal point).
    pub alternate: bool,
    /// The `0` option before the width: zero fill, sign-aware for numbers.
    /// Never set when an explicit fill was given (CPython then reads the
    /// `0` as part of the width).
    pub zero: bool,
    /// Minimum field width, in characters.
    pub width: Option<usize>,
    /// Thousands separator, `,` or `_`.
    pub grouping: Option<char>,
    /// Digits after the point (`f`, `e`, `%`), significant digits (`g`,
    /// none) or maximum length (strings).
    pub precision: Option<usize>,
    /// The presentation type, e.g. `d`, `x`, `f`, `s`; any character parses.
    pub ty: Option<char>,
}

/// Reads a decimal number at `chars[*pos..]` like CPython's `get_integer`;
/// returns how many digits it read.
fn spec_integer(chars: &[char], pos: &mut usize) -> Result<(usize, usize), FormatError> {
    let mut value: usize = 0;
    let start = *pos;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value * 10 + d as usize;
        if value > MAX_FORMAT_DIGITS {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        *pos += 1;
    }
    Ok((value, *pos - start))
}

/// Renders a presentation type the way CPython's error messages do:
/// the character itself when printable ASCII, else `\x..`.
fn code_for_message(ty: char) -> String {
    let code = ty as u32;
    if code > 32 && code < 128 {
        ty.to_string()
    } else {
        format!("\\x{code:x}")
    }
}

/// Digit grouping to apply: group size and separator.
type Grouping = Option<(usize, char)>;

/// CPython's check (at the end of spec parsing) that a thousands separator
/// suits the presentation type `ty` (`'\0'` for none); `_` with `b o x X`
/// groups by four.
fn grouping_for(sep: Option<char>, ty: char) -> Result<Grouping, FormatError> {
    let Some(sep) = sep else {
        return Ok(None);
    };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some((3, sep))),
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(Some((4, sep))),
        _ => Err(FormatError::value(format!(
            "Cannot specify '{sep}' with '{}'.",
            code_for_message(ty)
        ))),
    }
}

/// Parses a format spec (the part after `:` in `{x:>10.3f}`), checking only
/// what CPython checks before knowing the value's type. Errors name the
/// value's type as `object`; use [`parse_format_spec_for`] to name it.
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, FormatError> {
    parse_format_spec_for(spec, "object")
}

/// [`parse_format_spec`] for a value of Python type `type_name`, which
/// CPython names in its "Invalid format specifier" message.
pub fn parse_format_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).copied();
    let is_align = |c: Option<char>| matches!(c, Some('<' | '>' | '=' | '^'));
    let mut out = FormatSpec::default();
    let mut pos = 0;

    if is_align(at(1)) {
        out.fill = at(0);
        out.align = at(1);
        pos = 2;
    } else if is_align(at(0)) {
        out.align = at(0);
        pos = 1;
    }
    if let Some(c @ (' ' | '+' | '-')) = at(pos) {
        out.sign = Some(c);
        pos += 1;
    }
    if at(pos) == Some('z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && at(pos) == Some('0') {
        out.zero = true;
        pos += 1;
    }
    let (width, consumed) = spec_integer(&chars, &mut pos)?;
    if consumed > 0 {
        out.width = Some(width);
    }
    if at(pos) == Some(',') {
        out.grouping = Some(',');
        pos += 1;
    }
    if at(pos) == Some('_') {
        if out.grouping.is_some() {
            return Err(FormatError::value("Cannot specify both ',' and '_'."));
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if at(pos) == Some(',') && out.grouping == Some('_') {
        return Err(FormatError::value("Cannot specify both ',' and '_'."));
    }
    if at(pos) == Some('.') {
        pos += 1;
        let (precision, consumed) = spec_integer(&chars, &mut pos)?;
        if consumed == 0 {
            return Err(FormatError::value("Format specifier missing precision"));
        }
        out.precision = Some(precision);
    }
    if n - pos > 1 {
        return Err(FormatError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    out.ty = at(pos);
    if let Some(ty) = out.ty {
        grouping_for(out.grouping, ty)?;
    }
    Ok(out)
}

fn unknown_code(ty: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        code_for_message(ty)
    ))
}

/// Fill, alignment, sign, width and grouping with the type's defaults applied.
struct Layout {
    fill: char,
    align: char,
    sign: Option<char>,
    width: Option<usize>,
    grouping: Grouping,
}

impl Layout {
    fn new(spec: &FormatSpec, default_align: char, grouping: Grouping) -> Layout {
        let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
        let align = spec.align.unwrap_or(if spec.zero && default_align == '>' {
            '='
        } else {
            default_align
        });
        Layout {
            fill,
            align,
            sign: spec.sign,
            width: spec.width,
            grouping,
        }
    }
}

/// A number split as CPython's `fill_number` sees it:
/// `<sign><prefix><digits>[.]<remainder>`, where only `digits` is grouped
/// and zero-padded.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits` (ASCII) from the
/// right, padding with zeros (grouped too) up to `min_width` characters.
fn group_digits(digits: &str, min_width: i64, grouping: Grouping) -> String {
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width.max(0);
    let Some((size, sep)) = grouping else {
        let mut out = String::new();
        push_zeros(&mut out, min_width - remaining);
        out.push_str(digits);
        return out;
    };
    let size = size as i64;
    // Pieces are produced right to left, then reversed.
    let mut pieces: Vec<String> = Vec::new();
    let mut end = digits.len();
    loop {
        let len = size.min(remaining.max(min_width).max(1));
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let start = end.saturating_sub(n_chars as usize);
        let mut piece = String::new();
        push_zeros(&mut piece, n_zeros);
        piece.push_str(digits.get(start..end).unwrap_or(""));
        pieces.push(piece);
        end = start;
        remaining -= n_chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    pieces.reverse();
    pieces.join(&sep.to_string())
}

/// `calc_number_widths` + `fill_number`: sign, padding, grouping.
fn fill_number(parts: &NumberParts<'_>, layout: &Layout) -> String {
    let sign = match layout.sign {
        Some('+') => Some(if parts.negative { '-' } else { '+' }),
        Some(' ') => Some(if parts.negative { '-' } else { ' ' }),
        _ => parts.negative.then_some('-'),
    };
    let non_digits = i64::from(sign.is_some())
        + parts.prefix.chars().count() as i64
        + i64::from(parts.has_decimal)
        + parts.remainder.chars().count() as i64;
    let width = layout.width.map_or(-1, |w| w as i64);
    let min_width = if layout.fill == '0' && layout.align == '=' {
        width - non_digits
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, layout.grouping)
    };
    let padding = width - (non_digits + grouped.chars().count() as i64);
    let (left, middle, right) = if padding > 0 {
        match layout.align {
            '<' => (0, 0, padding),
            '^' => (padding / 2, 0, padding - padding / 2),
            '=' => (0, padding, 0),
            _ => (padding, 0, 0),
        }
    } else {
        (0, 0, 0)
    };
    let pad = |out: &mut String, n: i64| {
        for _ in 0..n {
            out.push(layout.fill);
        }
    };
    let mut out = String::new();
    pad(&mut out, left);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    pad(&mut out, middle);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    pad(&mut out, right);
    out
}

/// The character for code point `v`, or CPython's `%c` range error.
fn code_point_char(v: i64) -> Result<char, FormatError> {
    if !(0..=0x10FFFF).contains(&v) {
        return Err(FormatError::overflow("%c arg not in range(0x110000)"));
    }
    char::from_u32(v as u32).ok_or_else(|| {
        FormatError::value(format!(
            "%c arg {v:#x} is a surrogate code point, which this interpreter cannot represent"
        ))
    })
}

/// `format_long_internal` for the integer presentation types.
fn format_int_internal(
    v: i64,
    spec: &FormatSpec,
    ty: char,
    grouping: Grouping,
) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let ch = code_point_char(v)?;
        let mut buf = [0u8; 4];
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: ch.encode_utf8(&mut buf),
        };
        return Ok(fill_number(&parts, &Layout::new(spec, '>', grouping)));
    }
    let magnitude = v.unsigned_abs();
    let (digits, prefix) = match ty {
        'b' => (format!("{magnitude:b}"), "0b"),
        'o' => (format!("{magnitude:o}"), "0o"),
        'x' => (format!("{magnitude:x}"), "0x"),
        'X' => (format!("{magnitude:X}"), "0X"),
        _ => (magnitude.to_string(), ""),
    };
    // 'n' uses the C locale's (empty) grouping.
    let grouping = if ty == 'n' { None } else { grouping };
    let parts = NumberParts {
        negative: v < 0,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    Ok(fill_number(&parts, &Layout::new(spec, '>', grouping)))
}

/// `format_float_internal`; `ty` is `'\0'` for no presentation type.
fn format_float_internal(v: f64, spec: &FormatSpec, ty: char, grouping: Grouping) -> String {
    let mut flags = DtoaFlags {
        add_dot_0: false,
        alt: spec.alternate,
        no_neg_zero: spec.no_neg_zero,
    };
    let mut code = ty;
    let mut default_precision = 6;
    let mut value = v;
    let mut add_pct = false;
    match ty {
        '\0' => {
            flags.add_dot_0 = true;
            code = 'r';
            default_precision = 0;
        }
        'n' => code = 'g',
        '%' => {
            code = 'f';
            value *= 100.0;
            add_pct = true;
        }
        _ => {}
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut text = double_to_string(value, code, precision, flags);
    if add_pct {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    let grouping = if ty == 'n' { None } else { grouping };
    fill_number(&parts, &Layout::new(spec, '>', grouping))
}

fn format_int_as(v: i64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let parsed = parse_format_spec_for(spec, type_name)?;
    let ty = parsed.ty.unwrap_or('d');
    let grouping = grouping_for(parsed.grouping, ty)?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_int_internal(v, &parsed, ty, grouping),
        // PyLong -> double is correctly rounded, like `as`.
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            Ok(format_float_internal(v as f64, &parsed, ty, grouping))
        }
        _ => Err(unknown_code(ty, type_name)),
    }
}

/// `format(v, spec)` for a Python `int` (`int.__format__`): types
/// `b c d o x X n` (`n` as `d` in the C locale), `e E f F g G %` (through
/// float), none (= `d`). An empty spec gives `str(v)`.
pub fn format_int(v: i64, spec: &str) -> Result<String, FormatError> {
    format_int_as(v, spec, "int")
}

/// `format(v, spec)` for a Python `bool`: `str(v)` (`'True'`) for an empty
/// spec, otherwise as the int 0 or 1 — but errors name the type `bool`, as
/// CPython's do.
pub fn format_bool(v: bool, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(if v { "True" } else { "False" }.to_string());
    }
    format_int_as(i64::from(v), spec, "bool")
}

/// `format(v, spec)` for a Python `float` (`float.__format__`): types
/// `e E f F g G n %`, and none — `repr` layout without a precision, `g`-like
/// keeping at least one digit after the point with one
/// (`format(1.5, '.3') == '1.5'`, `format(1e20, '.3') == '1e+20'`). An empty
/// spec gives `str(v)`.
pub fn format_float(v: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(float_repr(v));
    }
    let parsed = parse_format_spec_for(spec, "float")?;
    let ty = parsed.ty.unwrap_or('\0');
    let grouping = grouping_for(parsed.grouping, ty)?;
    match ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {
            Ok(format_float_internal(v, &parsed, ty, grouping))
        }
        _ => Err(unknown_code(ty, "float")),
    }
}

/// `format(v, spec)` for a Python `str` (`str.__format__`): type `s` or
/// none; left-aligned by default; the precision truncates; widths count
/// code points.
pub fn format_str(v: &str, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let parsed = parse_format_spec_for(spec, "str")?;
    let ty = parsed.ty.unwrap_or('s');
    grouping_for(parsed.grouping, ty)?;
    if ty != 's' {
        return Err(unknown_code(ty, "str"));
    }
    match parsed.sign {
        Some(' ') => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if parsed.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if parsed.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let layout = Layout::new(&parsed, '<', None);
    if layout.align == '=' {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut len = v.chars().count();
    let text = match parsed.precision {
        Some(p) if p < len => {
            len = p;
            v.char_indices().nth(p).map_or(v, |(i, _)| &v[..i])
        }
        _ => v,
    };
    let total = layout.width.map_or(len, |w| w.max(len));
    let left = match layout.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let right = total - len - left;
    let mut out = String::with_capacity(text.len() + total - len);
    out.extend(std::iter::repeat_n(layout.fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(layout.fill, right));
    Ok(out)
}

// ---------------------------------------------------------------------------
// printf-style % formatting
// ---------------------------------------------------------------------------

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
        if !"sraiduoxXeEfFgGc".contains(conversion) {
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

    fn err(type_name: &'static str, message: &str) -> Result<String, FormatError> {
        Err(FormatError {
            type_name,
            message: message.to_string(),
        })
    }

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
    fn spec_parsing_follows_cpython_grammar() {
        assert_eq!(parse_format_spec(""), Ok(FormatSpec::default()));
        assert_eq!(
            parse_format_spec("*^+z#012,.3f"),
            Ok(FormatSpec {
                fill: Some('*'),
                align: Some('^'),
                sign: Some('+'),
                no_neg_zero: true,
                alternate: true,
                zero: false,
                width: Some(12),
                grouping: Some(','),
                precision: Some(3),
                ty: Some('f'),
            })
        );
        // '0' after an explicit fill is part of the width, not the zero flag.
        assert_eq!(
            parse_format_spec("x<05"),
            Ok(FormatSpec {
                fill: Some('x'),
                align: Some('<'),
                width: Some(5),
                ..FormatSpec::default()
            })
        );
        assert_eq!(
            parse_format_spec("<05"),
            Ok(FormatSpec {
                align: Some('<'),
                zero: true,
                width: Some(5),
                ..FormatSpec::default()
            })
        );
        assert_eq!(
            parse_format_spec("08_x"),
            Ok(FormatSpec {
                zero: true,
                width: Some(8),
                grouping: Some('_'),
                ty: Some('x'),
                ..FormatSpec::default()
            })
        );
        // A lone alignment character is an alignment; a fill needs one after it.
        assert_eq!(
            parse_format_spec("^"),
            Ok(FormatSpec {
                align: Some('^'),
                ..FormatSpec::default()
            })
        );
        assert_eq!(
            parse_format_spec("é>"),
            Ok(FormatSpec {
                fill: Some('é'),
                align: Some('>'),
                ..FormatSpec::default()
            })
        );
        assert_eq!(
            parse_format_spec(".0"),
            Ok(FormatSpec {
                precision: Some(0),
                ..FormatSpec::default()
            })
        );
        assert_eq!(
            parse_format_spec(" "),
            Ok(FormatSpec {
                sign: Some(' '),
                ..FormatSpec::default()
            })
        );
        assert_eq!(
            parse_format_spec("abc"),
            err(
                "ValueError",
                "Invalid format specifier 'abc' for object of type 'object'"
            )
            .map(|_| FormatSpec::default())
        );
        assert_eq!(
            parse_format_spec_for("10.2fs", "Decimal"),
            err(
                "ValueError",
                "Invalid format specifier '10.2fs' for object of type 'Decimal'"
            )
            .map(|_| FormatSpec::default())
        );
        assert!(parse_format_spec(",s").is_err());
        assert!(parse_format_spec("99999999999999999999").is_err());
        assert!(parse_format_spec("10001").is_err());
        assert!(parse_format_spec(".10001").is_err());
        assert_eq!(
            parse_format_spec("10000").map(|s| s.width),
            Ok(Some(10_000))
        );
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
    fn big_precisions_are_exact_or_refused() {
        // '%.10000f' % 1e308 has 309 integer digits and 10 000 decimals.
        let s = format_float_fixed(1e308, 10_000);
        assert_eq!(s.len(), 309 + 1 + 10_000);
        assert!(s.starts_with("100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105291802893207873272974885715430223118336."));
        assert_eq!(
            format_float(1.0, "10001"),
            err("ValueError", "Too many decimal digits in format string")
        );
        assert_eq!(
            format_float(1.0, ".10001f"),
            err("ValueError", "Too many decimal digits in format string")
        );
        assert_eq!(format_str("a", "10000").map(|s| s.len()), Ok(10_000));
        assert_eq!(format_float_exp(5e-324, 2000).len(), 2000 + 7);
        assert_eq!(
            format_float_general(0.1, usize::MAX).len(),
            "0.1000000000000000055511151231257827021181583404541015625".len()
        );
    }

    /// A tiny deterministic PRNG (xorshift64*).
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

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
    fn no_panics_on_odd_input() {
        let alphabet: Vec<char> = "0123456789<>=^+- z#,_.%bcdeEfFgGnosxX*é()lh\n9"
            .chars()
            .collect();
        let mut rng = XorShift(12345);
        let values = [
            0.0,
            -0.0,
            1.5,
            -1e300,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e22,
        ];
        for i in 0..30_000 {
            let len = (rng.next() % 9) as usize;
            let s: String = (0..len)
                .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
                .collect();
            let v = values[i % values.len()];
            let _ = format_float(v, &s);
            let _ = format_int(i64::MIN + (i as i64 % 3), &s);
            let _ = format_int(i as i64 * 7919 - 100_000, &s);
            let _ = format_bool(i % 2 == 0, &s);
            let _ = format_str("héllo", &s);
            let _ = parse_format_spec(&s);
            let _ = parse_percent(&s);
            let pfmt = format!("%{s}");
            if let Ok(pieces) = parse_percent(&pfmt) {
                for piece in pieces {
                    if let PercentPiece::Spec(spec) = piece {
                        for arg in [
                            PercentArg::Int(i64::MIN),
                            PercentArg::Int(-65),
                            PercentArg::Float(v),
                            PercentArg::Str("é"),
                            PercentArg::Str(""),
                        ] {
                            let _ = apply_percent(&spec, Some(i % 40), Some(i % 25), arg);
                            let _ = apply_percent(&spec, None, None, arg);
                        }
                    }
                }
            }
        }
        for p in [0, 1, 17, 400] {
            for v in values {
                let _ = format_float_fixed(v, p);
                let _ = format_float_exp(v, p);
                let _ = format_float_general(v, p);
            }
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

    #[test]
    fn format_float_matches_cpython() {
        assert_eq!(format_float(1.0, ""), Ok("1.0".to_string()));
        assert_eq!(format_float(1.0, ">10"), Ok("       1.0".to_string()));
        assert_eq!(format_float(1.5, ".3"), Ok("1.5".to_string()));
        assert_eq!(format_float(1e20, ".3"), Ok("1e+20".to_string()));
        assert_eq!(format_float(0.1, "10"), Ok("       0.1".to_string()));
        assert_eq!(format_float(123.0, ".3"), Ok("1.23e+02".to_string()));
        assert_eq!(format_float(12.0, ".3"), Ok("12.0".to_string()));
        assert_eq!(format_float(1e16, ">10"), Ok("     1e+16".to_string()));
        assert_eq!(format_float(1.0, ".0"), Ok("1e+00".to_string()));
        assert_eq!(
            format_float(1.23456, ">10.3f"),
            Ok("     1.235".to_string())
        );
        assert_eq!(
            format_float(-1.23456, ">10.3f"),
            Ok("    -1.235".to_string())
        );
        assert_eq!(format_float(2.5, "^9"), Ok("   2.5   ".to_string()));
        assert_eq!(format_float(2.5, "*^9"), Ok("***2.5***".to_string()));
        assert_eq!(format_float(2.5, "*^10"), Ok("***2.5****".to_string()));
        assert_eq!(format_float(-2.5, "08.3f"), Ok("-002.500".to_string()));
        assert_eq!(format_float(-2.5, "+08.3f"), Ok("-002.500".to_string()));
        assert_eq!(format_float(2.5, "+08.3f"), Ok("+002.500".to_string()));
        assert_eq!(format_float(-2.5, "=+10.2f"), Ok("-     2.50".to_string()));
        assert_eq!(format_float(-2.5, "x=10.2f"), Ok("-xxxxx2.50".to_string()));
        assert_eq!(format_float(-2.5, "<10.2f"), Ok("-2.50     ".to_string()));
        assert_eq!(format_float(-2.5, "010.2f"), Ok("-000002.50".to_string()));
        assert_eq!(format_float(-2.5, "0<10.2f"), Ok("-2.5000000".to_string()));
        assert_eq!(format_float(0.0, "e"), Ok("0.000000e+00".to_string()));
        assert_eq!(
            format_float(12345.6789, "e"),
            Ok("1.234568e+04".to_string())
        );
        assert_eq!(
            format_float(12345.6789, "E"),
            Ok("1.234568E+04".to_string())
        );
        assert_eq!(format_float(12345.6789, ".2e"), Ok("1.23e+04".to_string()));
        assert_eq!(format_float(12345.6789, ".0e"), Ok("1e+04".to_string()));
        assert_eq!(format_float(-12345.6789, "+.0e"), Ok("-1e+04".to_string()));
        assert_eq!(format_float(0.5, ".0e"), Ok("5e-01".to_string()));
        assert_eq!(format_float(1.5, ".0e"), Ok("2e+00".to_string()));
        assert_eq!(format_float(0.0001234, ".3g"), Ok("0.000123".to_string()));
        assert_eq!(format_float(1234567.0, ".3g"), Ok("1.23e+06".to_string()));
        assert_eq!(format_float(1e-5, "g"), Ok("1e-05".to_string()));
        assert_eq!(format_float(1e16, "g"), Ok("1e+16".to_string()));
        assert_eq!(format_float(100000.0, "g"), Ok("100000".to_string()));
        assert_eq!(format_float(1000000.0, "g"), Ok("1e+06".to_string()));
        assert_eq!(format_float(1e-5, "G"), Ok("1E-05".to_string()));
        assert_eq!(format_float(1e16, "G"), Ok("1E+16".to_string()));
        assert_eq!(format_float(0.0, "g"), Ok("0".to_string()));
        assert_eq!(format_float(123.456, "#g"), Ok("123.456".to_string()));
        assert_eq!(format_float(1.0, "#g"), Ok("1.00000".to_string()));
        assert_eq!(format_float(1.0, "#.0f"), Ok("1.".to_string()));
        assert_eq!(format_float(1.0, "#.0e"), Ok("1.e+00".to_string()));
        assert_eq!(format_float(0.0001, "#.3"), Ok("0.000100".to_string()));
        assert_eq!(format_float(1.5, "#"), Ok("1.5".to_string()));
        assert_eq!(format_float(1.0, "#"), Ok("1.0".to_string()));
        assert_eq!(format_float(0.25, "%"), Ok("25.000000%".to_string()));
        assert_eq!(format_float(0.25, ".1%"), Ok("25.0%".to_string()));
        assert_eq!(format_float(1.0, ".0%"), Ok("100%".to_string()));
        assert_eq!(format_float(-0.125, "+.2%"), Ok("-12.50%".to_string()));
        assert_eq!(format_float(0.5, "10.1%"), Ok("     50.0%".to_string()));
        assert_eq!(format_float(f64::INFINITY, "%"), Ok("inf%".to_string()));
        assert_eq!(
            format_float(1234567.891, ",.2f"),
            Ok("1,234,567.89".to_string())
        );
        assert_eq!(
            format_float(1234567.891, "_.2f"),
            Ok("1_234_567.89".to_string())
        );
        assert_eq!(
            format_float(1234567.891, ","),
            Ok("1,234,567.891".to_string())
        );
        assert_eq!(
            format_float(1234567.891, "_"),
            Ok("1_234_567.891".to_string())
        );
        assert_eq!(
            format_float(1234567.891, ",e"),
            Ok("1.234568e+06".to_string())
        );
        assert_eq!(
            format_float(1234567.891, ",g"),
            Ok("1.23457e+06".to_string())
        );
        assert_eq!(
            format_float(1234567.891, ",.10g"),
            Ok("1,234,567.891".to_string())
        );
        assert_eq!(
            format_float(1234.5, "015,.2f"),
            Ok("0,000,001,234.50".to_string())
        );
        assert_eq!(
            format_float(1234.5, "014,.2f"),
            Ok("000,001,234.50".to_string())
        );
        assert_eq!(
            format_float(-1234.5, "012,.1f"),
            Ok("-0,001,234.5".to_string())
        );
        assert_eq!(
            format_float(1234.5, "0=15,.2f"),
            Ok("0,000,001,234.50".to_string())
        );
        assert_eq!(
            format_float(1234.5, "*>15,.2f"),
            Ok("*******1,234.50".to_string())
        );
        assert_eq!(format_float(1e20, ","), Ok("1e+20".to_string()));
        assert_eq!(format_float(123.0, ",.1f"), Ok("123.0".to_string()));
        assert_eq!(format_float(-0.0, ".1f"), Ok("-0.0".to_string()));
        assert_eq!(format_float(-0.0, "z.1f"), Ok("0.0".to_string()));
        assert_eq!(format_float(-0.0, "z"), Ok("0.0".to_string()));
        assert_eq!(format_float(-0.001, "z.1f"), Ok("0.0".to_string()));
        assert_eq!(format_float(-0.001, "z.3f"), Ok("-0.001".to_string()));
        assert_eq!(format_float(-0.0, "z.2e"), Ok("0.00e+00".to_string()));
        assert_eq!(format_float(-0.0, "+z.1f"), Ok("+0.0".to_string()));
        assert_eq!(format_float(-0.0, ""), Ok("-0.0".to_string()));
        assert_eq!(format_float(-0.0, "f"), Ok("-0.000000".to_string()));
        assert_eq!(format_float(-1e-300, "z.2g"), Ok("-1e-300".to_string()));
        assert_eq!(format_float(f64::INFINITY, ".2f"), Ok("inf".to_string()));
        assert_eq!(format_float(f64::INFINITY, "F"), Ok("INF".to_string()));
        assert_eq!(format_float(f64::NEG_INFINITY, "E"), Ok("-INF".to_string()));
        assert_eq!(format_float(f64::NAN, "+"), Ok("+nan".to_string()));
        assert_eq!(format_float(f64::NAN, "G"), Ok("NAN".to_string()));
        assert_eq!(format_float(-f64::NAN, "f"), Ok("nan".to_string()));
        assert_eq!(
            format_float(f64::INFINITY, "08"),
            Ok("00000inf".to_string())
        );
        assert_eq!(
            format_float(f64::NEG_INFINITY, "=+8"),
            Ok("-    inf".to_string())
        );
        assert_eq!(format_float(f64::NAN, "^7"), Ok("  nan  ".to_string()));
        assert_eq!(format_float(f64::INFINITY, ",.2f"), Ok("inf".to_string()));
        assert_eq!(format_float(1234.5678, "n"), Ok("1234.57".to_string()));
        assert_eq!(format_float(1234567.0, "n"), Ok("1.23457e+06".to_string()));
        assert_eq!(format_float(1234.5678, ".2n"), Ok("1.2e+03".to_string()));
        assert_eq!(format_float(1e-7, "n"), Ok("1e-07".to_string()));
        assert_eq!(
            format_float(0.1, ".60f"),
            Ok("0.100000000000000005551115123125782702118158340454101562500000".to_string())
        );
        assert_eq!(
            format_float(0.1, ".30e"),
            Ok("1.000000000000000055511151231258e-01".to_string())
        );
        assert_eq!(format_float(1e300, ".0f"), Ok("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160".to_string()));
        assert_eq!(
            format_float(5e-324, ".20g"),
            Ok("4.9406564584124654418e-324".to_string())
        );
        assert_eq!(
            format_float(1.7976931348623157e308, "e"),
            Ok("1.797693e+308".to_string())
        );
        assert_eq!(format_float(3.0, " "), Ok(" 3.0".to_string()));
        assert_eq!(format_float(3.0, " .2f"), Ok(" 3.00".to_string()));
        assert_eq!(format_float(-3.0, " .2f"), Ok("-3.00".to_string()));
        assert_eq!(format_float(3.0, "+"), Ok("+3.0".to_string()));
        assert_eq!(format_float(3.0, "-"), Ok("3.0".to_string()));
        assert_eq!(format_float(3.0, "10"), Ok("       3.0".to_string()));
        assert_eq!(format_float(3.0, "<10"), Ok("3.0       ".to_string()));
        assert_eq!(format_float(3.0, "010"), Ok("00000003.0".to_string()));
        assert_eq!(format_float(-3.0, "010"), Ok("-0000003.0".to_string()));
        assert_eq!(format_float(3.0, "00"), Ok("3.0".to_string()));
        assert_eq!(format_float(99.5, ".0f"), Ok("100".to_string()));
        assert_eq!(format_float(100.5, ".0f"), Ok("100".to_string()));
        assert_eq!(
            format_float(0.1 + 0.2, ".17g"),
            Ok("0.30000000000000004".to_string())
        );
        assert_eq!(format_float(0.1 + 0.2, ".16g"), Ok("0.3".to_string()));
        assert_eq!(format_float(2.675, ".2f"), Ok("2.67".to_string()));
        assert_eq!(format_float(1.0, ".3"), Ok("1.0".to_string()));
        assert_eq!(format_float(1e15, ".16"), Ok("1e+15".to_string()));
        assert_eq!(format_float(123456.0, ".6"), Ok("1.23456e+05".to_string()));
        assert_eq!(format_float(123456.0, ".5"), Ok("1.2346e+05".to_string()));
        assert_eq!(format_float(0.0001, ".2"), Ok("0.0001".to_string()));
        assert_eq!(format_float(0.00001, ".2"), Ok("1e-05".to_string()));
        assert_eq!(format_float(1.5, "é^9"), Ok("ééé1.5ééé".to_string()));
        assert_eq!(format_float(1.5, "€>8.2f"), Ok("€€€€1.50".to_string()));
    }

    #[test]
    fn format_int_matches_cpython() {
        assert_eq!(format_int(42, ""), Ok("42".to_string()));
        assert_eq!(format_int(-42, ""), Ok("-42".to_string()));
        assert_eq!(format_int(42, "d"), Ok("42".to_string()));
        assert_eq!(format_int(42, "+d"), Ok("+42".to_string()));
        assert_eq!(format_int(42, " d"), Ok(" 42".to_string()));
        assert_eq!(format_int(-42, " d"), Ok("-42".to_string()));
        assert_eq!(format_int(42, "-d"), Ok("42".to_string()));
        assert_eq!(format_int(42, "5"), Ok("   42".to_string()));
        assert_eq!(format_int(42, "<5"), Ok("42   ".to_string()));
        assert_eq!(format_int(42, "^5"), Ok(" 42  ".to_string()));
        assert_eq!(format_int(42, "^6"), Ok("  42  ".to_string()));
        assert_eq!(format_int(42, "*^7"), Ok("**42***".to_string()));
        assert_eq!(format_int(-42, "05"), Ok("-0042".to_string()));
        assert_eq!(format_int(-42, "+05"), Ok("-0042".to_string()));
        assert_eq!(format_int(42, "+05"), Ok("+0042".to_string()));
        assert_eq!(format_int(-42, "=6"), Ok("-   42".to_string()));
        assert_eq!(format_int(-42, "_=8"), Ok("-_____42".to_string()));
        assert_eq!(format_int(-42, "0<6"), Ok("-42000".to_string()));
        assert_eq!(format_int(-42, "0>6"), Ok("000-42".to_string()));
        assert_eq!(format_int(42, "00"), Ok("42".to_string()));
        assert_eq!(format_int(255, "x"), Ok("ff".to_string()));
        assert_eq!(format_int(255, "X"), Ok("FF".to_string()));
        assert_eq!(format_int(255, "#x"), Ok("0xff".to_string()));
        assert_eq!(format_int(255, "#X"), Ok("0XFF".to_string()));
        assert_eq!(format_int(-255, "#x"), Ok("-0xff".to_string()));
        assert_eq!(format_int(255, "#010x"), Ok("0x000000ff".to_string()));
        assert_eq!(format_int(-255, "#010x"), Ok("-0x00000ff".to_string()));
        assert_eq!(format_int(255, "#b"), Ok("0b11111111".to_string()));
        assert_eq!(format_int(5, "b"), Ok("101".to_string()));
        assert_eq!(format_int(-5, "#b"), Ok("-0b101".to_string()));
        assert_eq!(format_int(8, "o"), Ok("10".to_string()));
        assert_eq!(format_int(8, "#o"), Ok("0o10".to_string()));
        assert_eq!(format_int(255, "#_b"), Ok("0b1111_1111".to_string()));
        assert_eq!(format_int(4294967295, "_x"), Ok("ffff_ffff".to_string()));
        assert_eq!(format_int(4294967295, "#_X"), Ok("0XFFFF_FFFF".to_string()));
        assert_eq!(format_int(65535, "_o"), Ok("17_7777".to_string()));
        assert_eq!(format_int(255, "#012_b"), Ok("0b0_1111_1111".to_string()));
        assert_eq!(format_int(65, "c"), Ok("A".to_string()));
        assert_eq!(format_int(8364, "c"), Ok("€".to_string()));
        assert_eq!(format_int(65, ">5c"), Ok("    A".to_string()));
        assert_eq!(format_int(65, "05c"), Ok("0000A".to_string()));
        assert_eq!(format_int(0, "c"), Ok("\u{0}".to_string()));
        assert_eq!(format_int(1114111, "c"), Ok("􏿿".to_string()));
        assert_eq!(format_int(1234567, ","), Ok("1,234,567".to_string()));
        assert_eq!(format_int(1234567, "_"), Ok("1_234_567".to_string()));
        assert_eq!(format_int(1234567, ",d"), Ok("1,234,567".to_string()));
        assert_eq!(format_int(-1234567, ","), Ok("-1,234,567".to_string()));
        assert_eq!(format_int(123, ","), Ok("123".to_string()));
        assert_eq!(format_int(1234, "010,"), Ok("00,001,234".to_string()));
        assert_eq!(format_int(1234, "09,"), Ok("0,001,234".to_string()));
        assert_eq!(format_int(1234, "08,"), Ok("0,001,234".to_string()));
        assert_eq!(format_int(1234, "07,"), Ok("001,234".to_string()));
        assert_eq!(format_int(1234, "0=10,"), Ok("00,001,234".to_string()));
        assert_eq!(format_int(-1234, "010,"), Ok("-0,001,234".to_string()));
        assert_eq!(format_int(1234, "*>10,"), Ok("*****1,234".to_string()));
        assert_eq!(format_int(0, ","), Ok("0".to_string()));
        assert_eq!(format_int(0, "05,"), Ok("0,000".to_string()));
        assert_eq!(
            format_int(9223372036854775807, ","),
            Ok("9,223,372,036,854,775,807".to_string())
        );
        assert_eq!(
            format_int(-9223372036854775808i64, ""),
            Ok("-9223372036854775808".to_string())
        );
        assert_eq!(
            format_int(-9223372036854775808i64, "x"),
            Ok("-8000000000000000".to_string())
        );
        assert_eq!(
            format_int(-9223372036854775808i64, "#b"),
            Ok("-0b1000000000000000000000000000000000000000000000000000000000000000".to_string())
        );
        assert_eq!(format_int(1234567, "n"), Ok("1234567".to_string()));
        assert_eq!(format_int(-1234567, "n"), Ok("-1234567".to_string()));
        assert_eq!(format_int(42, "10n"), Ok("        42".to_string()));
        assert_eq!(format_int(42, "e"), Ok("4.200000e+01".to_string()));
        assert_eq!(format_int(42, "f"), Ok("42.000000".to_string()));
        assert_eq!(format_int(42, ".2f"), Ok("42.00".to_string()));
        assert_eq!(format_int(-42, "+.1e"), Ok("-4.2e+01".to_string()));
        assert_eq!(format_int(42, "%"), Ok("4200.000000%".to_string()));
        assert_eq!(format_int(42, ".1%"), Ok("4200.0%".to_string()));
        assert_eq!(format_int(1234567, ",.2f"), Ok("1,234,567.00".to_string()));
        assert_eq!(format_int(1234567, "g"), Ok("1.23457e+06".to_string()));
        assert_eq!(format_int(12345678, "g"), Ok("1.23457e+07".to_string()));
        assert_eq!(format_int(42, "G"), Ok("42".to_string()));
        assert_eq!(
            format_int(9007199254740993, "f"),
            Ok("9007199254740992.000000".to_string())
        );
        assert_eq!(format_int(42, "E"), Ok("4.200000E+01".to_string()));
        assert_eq!(format_int(42, "F"), Ok("42.000000".to_string()));
        assert_eq!(format_int(0, "+"), Ok("+0".to_string()));
        assert_eq!(format_int(0, " "), Ok(" 0".to_string()));
        assert_eq!(format_int(7, "#d"), Ok("7".to_string()));
        assert_eq!(format_int(7, "#"), Ok("7".to_string()));
        assert_eq!(format_int(7, "#5x"), Ok("  0x7".to_string()));
        assert_eq!(format_bool(true, ""), Ok("True".to_string()));
        assert_eq!(format_bool(false, ""), Ok("False".to_string()));
        assert_eq!(format_bool(true, "d"), Ok("1".to_string()));
        assert_eq!(format_bool(true, ">5"), Ok("    1".to_string()));
        assert_eq!(format_bool(false, "05"), Ok("00000".to_string()));
        assert_eq!(format_bool(true, "x"), Ok("1".to_string()));
        assert_eq!(format_bool(true, ".1f"), Ok("1.0".to_string()));
        assert_eq!(
            format_bool(true, "s"),
            err(
                "ValueError",
                "Unknown format code 's' for object of type 'bool'"
            )
        );
        assert_eq!(format_bool(false, "^5"), Ok("  0  ".to_string()));
    }

    #[test]
    fn format_str_matches_cpython() {
        assert_eq!(format_str("abc", ""), Ok("abc".to_string()));
        assert_eq!(format_str("abc", "s"), Ok("abc".to_string()));
        assert_eq!(format_str("abc", "10"), Ok("abc       ".to_string()));
        assert_eq!(format_str("abc", ">10"), Ok("       abc".to_string()));
        assert_eq!(format_str("abc", "^10"), Ok("   abc    ".to_string()));
        assert_eq!(format_str("abc", "^9"), Ok("   abc   ".to_string()));
        assert_eq!(format_str("abc", "*^9"), Ok("***abc***".to_string()));
        assert_eq!(format_str("abc", "*^8"), Ok("**abc***".to_string()));
        assert_eq!(format_str("abc", ".2"), Ok("ab".to_string()));
        assert_eq!(format_str("abc", "10.2"), Ok("ab        ".to_string()));
        assert_eq!(format_str("abc", ">10.2s"), Ok("        ab".to_string()));
        assert_eq!(format_str("abc", ".0"), Ok("".to_string()));
        assert_eq!(format_str("abc", "05"), Ok("abc00".to_string()));
        assert_eq!(format_str("abc", "<05"), Ok("abc00".to_string()));
        assert_eq!(format_str("abc", "x<5"), Ok("abcxx".to_string()));
        assert_eq!(format_str("abc", "2"), Ok("abc".to_string()));
        assert_eq!(format_str("abc", ".10"), Ok("abc".to_string()));
        assert_eq!(format_str("héllo", "^9"), Ok("  héllo  ".to_string()));
        assert_eq!(format_str("héllo", ".2"), Ok("hé".to_string()));
        assert_eq!(format_str("日本", "*>5"), Ok("***日本".to_string()));
        assert_eq!(format_str("", "3"), Ok("   ".to_string()));
        assert_eq!(format_str("", ".0"), Ok("".to_string()));
        assert_eq!(format_str("abc", "0>5"), Ok("00abc".to_string()));
        assert_eq!(format_str("abc", "é<6"), Ok("abcééé".to_string()));
    }

    #[test]
    fn format_errors_match_cpython() {
        assert_eq!(
            format_int(1, "abc"),
            err(
                "ValueError",
                "Invalid format specifier 'abc' for object of type 'int'"
            )
        );
        assert_eq!(
            format_float(1.5, "abc"),
            err(
                "ValueError",
                "Invalid format specifier 'abc' for object of type 'float'"
            )
        );
        assert_eq!(
            format_str("x", "abc"),
            err(
                "ValueError",
                "Invalid format specifier 'abc' for object of type 'str'"
            )
        );
        assert_eq!(
            format_int(1, "."),
            err("ValueError", "Format specifier missing precision")
        );
        assert_eq!(
            format_float(1.5, ".f"),
            err("ValueError", "Format specifier missing precision")
        );
        assert_eq!(
            format_int(1, "99999999999999999999"),
            err("ValueError", "Too many decimal digits in format string")
        );
        assert_eq!(
            format_int(1, ".99999999999999999999"),
            err("ValueError", "Too many decimal digits in format string")
        );
        assert_eq!(
            format_float(1.5, "99999999999999999999"),
            err("ValueError", "Too many decimal digits in format string")
        );
        assert_eq!(
            format_str("x", "1.99999999999999999999"),
            err("ValueError", "Too many decimal digits in format string")
        );
        assert_eq!(
            format_int(1, ",_"),
            err("ValueError", "Cannot specify both ',' and '_'.")
        );
        assert_eq!(
            format_int(1, "_,"),
            err("ValueError", "Cannot specify both ',' and '_'.")
        );
        assert_eq!(
            format_int(1, ",,"),
            err("ValueError", "Cannot specify ',' with ','.")
        );
        assert_eq!(
            format_int(1, ",s"),
            err("ValueError", "Cannot specify ',' with 's'.")
        );
        assert_eq!(
            format_str("a", ","),
            err("ValueError", "Cannot specify ',' with 's'.")
        );
        assert_eq!(
            format_int(1, ",n"),
            err("ValueError", "Cannot specify ',' with 'n'.")
        );
        assert_eq!(
            format_int(1, "_c"),
            err("ValueError", "Cannot specify '_' with 'c'.")
        );
        assert_eq!(
            format_int(1, ",x"),
            err("ValueError", "Cannot specify ',' with 'x'.")
        );
        assert_eq!(
            format_float(1.5, ",n"),
            err("ValueError", "Cannot specify ',' with 'n'.")
        );
        assert_eq!(
            format_float(1.5, "_x"),
            err(
                "ValueError",
                "Unknown format code 'x' for object of type 'float'"
            )
        );
        assert_eq!(
            format_int(1, "é"),
            err(
                "ValueError",
                "Unknown format code '\\xe9' for object of type 'int'"
            )
        );
        assert_eq!(
            format_int(1, "\u{1}"),
            err(
                "ValueError",
                "Unknown format code '\\x1' for object of type 'int'"
            )
        );
        assert_eq!(
            format_int(1, "s"),
            err(
                "ValueError",
                "Unknown format code 's' for object of type 'int'"
            )
        );
        assert_eq!(
            format_float(1.5, "d"),
            err(
                "ValueError",
                "Unknown format code 'd' for object of type 'float'"
            )
        );
        assert_eq!(
            format_float(1.5, "x"),
            err(
                "ValueError",
                "Unknown format code 'x' for object of type 'float'"
            )
        );
        assert_eq!(
            format_float(1.5, "c"),
            err(
                "ValueError",
                "Unknown format code 'c' for object of type 'float'"
            )
        );
        assert_eq!(
            format_str("a", "d"),
            err(
                "ValueError",
                "Unknown format code 'd' for object of type 'str'"
            )
        );
        assert_eq!(
            format_str("a", "\u{7f}"),
            err(
                "ValueError",
                "Unknown format code '\u{7f}' for object of type 'str'"
            )
        );
        assert_eq!(
            format_int(1, ".2"),
            err(
                "ValueError",
                "Precision not allowed in integer format specifier"
            )
        );
        assert_eq!(
            format_int(1, ".2d"),
            err(
                "ValueError",
                "Precision not allowed in integer format specifier"
            )
        );
        assert_eq!(
            format_int(1, "z"),
            err(
                "ValueError",
                "Negative zero coercion (z) not allowed in integer format specifier"
            )
        );
        assert_eq!(
            format_int(1, "+c"),
            err(
                "ValueError",
                "Sign not allowed with integer format specifier 'c'"
            )
        );
        assert_eq!(
            format_int(1, "#c"),
            err(
                "ValueError",
                "Alternate form (#) not allowed with integer format specifier 'c'"
            )
        );
        assert_eq!(
            format_int(1, ".1c"),
            err(
                "ValueError",
                "Precision not allowed in integer format specifier"
            )
        );
        assert_eq!(
            format_int(-1, "c"),
            err("OverflowError", "%c arg not in range(0x110000)")
        );
        assert_eq!(
            format_int(1114112, "c"),
            err("OverflowError", "%c arg not in range(0x110000)")
        );
        assert_eq!(
            format_str("a", "+"),
            err("ValueError", "Sign not allowed in string format specifier")
        );
        assert_eq!(
            format_str("a", "-"),
            err("ValueError", "Sign not allowed in string format specifier")
        );
        assert_eq!(
            format_str("a", " "),
            err("ValueError", "Space not allowed in string format specifier")
        );
        assert_eq!(
            format_str("a", "z"),
            err(
                "ValueError",
                "Negative zero coercion (z) not allowed in string format specifier"
            )
        );
        assert_eq!(
            format_str("a", "#"),
            err(
                "ValueError",
                "Alternate form (#) not allowed in string format specifier"
            )
        );
        assert_eq!(
            format_str("a", "=5"),
            err(
                "ValueError",
                "'=' alignment not allowed in string format specifier"
            )
        );
        assert_eq!(
            format_str("a", "x=5"),
            err(
                "ValueError",
                "'=' alignment not allowed in string format specifier"
            )
        );
        assert_eq!(
            format_str("a", "+#"),
            err("ValueError", "Sign not allowed in string format specifier")
        );
        assert_eq!(
            format_float(1.5, "+z#010,.3fx"),
            err(
                "ValueError",
                "Invalid format specifier '+z#010,.3fx' for object of type 'float'"
            )
        );
        assert_eq!(
            format_int(1, "<<<"),
            err(
                "ValueError",
                "Unknown format code '<' for object of type 'int'"
            )
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
