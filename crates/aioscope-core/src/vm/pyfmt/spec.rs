//! The format mini-language of `format()`, `str.format` and f-strings
//! (`Python/formatter_unicode.c`): parsing a spec such as `*^+#012,.3f`,
//! then laying out an int, bool, float or str by it (fill, alignment, sign,
//! digit grouping, precision).

use super::float::{double_to_string, float_repr, push_zeros, DtoaFlags};
use super::{FormatError, MAX_FORMAT_DIGITS};
use crate::vm::bigint::{self, Int};

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
pub(super) fn code_point_char(v: i64) -> Result<char, FormatError> {
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
    v: Int<'_>,
    spec: &FormatSpec,
    ty: char,
    grouping: Grouping,
    limit: usize,
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
        let Some(code) = v.to_i64() else {
            return Err(FormatError::overflow(
                "Python int too large to convert to C long",
            ));
        };
        let ch = code_point_char(code)?;
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
    let (negative, digits, prefix) = match ty {
        'b' => (v.is_negative(), bigint::to_radix(v, 2).1, "0b"),
        'o' => (v.is_negative(), bigint::to_radix(v, 8).1, "0o"),
        'x' => (v.is_negative(), bigint::to_radix(v, 16).1, "0x"),
        'X' => (
            v.is_negative(),
            bigint::to_radix(v, 16).1.to_ascii_uppercase(),
            "0X",
        ),
        _ => {
            let text = bigint::to_decimal(v, limit).map_err(int_error)?;
            let digits = text.trim_start_matches('-').to_string();
            (v.is_negative(), digits, "")
        }
    };
    // 'n' uses the C locale's (empty) grouping.
    let grouping = if ty == 'n' { None } else { grouping };
    let parts = NumberParts {
        negative,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    Ok(fill_number(&parts, &Layout::new(spec, '>', grouping)))
}

/// An int error as a format error (same class and message).
fn int_error(e: bigint::IntError) -> FormatError {
    FormatError {
        type_name: e.type_name,
        message: e.message,
    }
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

fn format_int_as(
    v: Int<'_>,
    spec: &str,
    type_name: &str,
    limit: usize,
) -> Result<String, FormatError> {
    if spec.is_empty() {
        return bigint::to_decimal(v, limit).map_err(int_error);
    }
    let parsed = parse_format_spec_for(spec, type_name)?;
    let ty = parsed.ty.unwrap_or('d');
    let grouping = grouping_for(parsed.grouping, ty)?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {
            format_int_internal(v, &parsed, ty, grouping, limit)
        }
        // PyLong -> double is correctly rounded, like `as` and num-bigint.
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = bigint::int_to_f64(v).map_err(int_error)?;
            Ok(format_float_internal(f, &parsed, ty, grouping))
        }
        _ => Err(unknown_code(ty, type_name)),
    }
}

/// `format(v, spec)` for a Python `int` (`int.__format__`): types
/// `b c d o x X n` (`n` as `d` in the C locale), `e E f F g G %` (through
/// float), none (= `d`). An empty spec gives `str(v)`.
pub fn format_int(v: i64, spec: &str) -> Result<String, FormatError> {
    format_int_as(Int::Small(v), spec, "int", 0)
}

/// [`format_int`] for an int of any size; decimal output longer than
/// `limit` digits is CPython's `ValueError` (0: no limit).
pub fn format_bigint(v: Int<'_>, spec: &str, limit: usize) -> Result<String, FormatError> {
    format_int_as(v, spec, "int", limit)
}

/// `format(v, spec)` for a Python `bool`: `str(v)` (`'True'`) for an empty
/// spec, otherwise as the int 0 or 1 — but errors name the type `bool`, as
/// CPython's do.
pub fn format_bool(v: bool, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(if v { "True" } else { "False" }.to_string());
    }
    format_int_as(Int::Small(i64::from(v)), spec, "bool", 0)
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

#[cfg(test)]
mod tests {
    //! Every expected string in the `*_match_cpython` tests was produced by
    //! CPython 3.11 (`format(...)`, `repr(...)`, `fmt % args`), not written
    //! by hand.
    use super::*;
    use crate::vm::pyfmt::tests::err;

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
}
