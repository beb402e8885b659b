//! Python ints of any size.
//!
//! Invariant: an int that fits in an `i64` is always a `Value::Int`, and a
//! `Value::BigInt` never fits in one. Small ints keep their fast paths
//! (checked 64-bit arithmetic); an operation whose result leaves the i64
//! range redoes itself here on big ints and [`int_value`] demotes the
//! result again when it fits. The digits and the basic arithmetic are
//! num-bigint's; this module adds what Python defines on top of them:
//! floor division and modulo, true division correctly rounded to a float,
//! exact comparison with floats, powers and modular powers, shifts, CPython's
//! conversions to and from text (with its 4300-digit limit) and bytes, and
//! CPython's error messages.

use std::cmp::Ordering;
use std::rc::Rc;

use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::lang::ast::BinOp;

use super::value::Value;

pub use num_bigint::{BigInt, Sign};

/// The largest result, in bits, that an operation may build. CPython would
/// try to allocate more (and eventually raise `MemoryError`); in a browser
/// tab a runaway `x = x * x` must stop well before that.
pub const MAX_BITS: u64 = 1 << 26;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// An error to raise: the exception class and CPython's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntError {
    /// `OverflowError`, `ValueError`, `ZeroDivisionError`, `MemoryError`...
    pub type_name: &'static str,
    /// The message (empty for a bare `MemoryError`).
    pub message: String,
}

impl IntError {
    fn new(type_name: &'static str, message: &str) -> IntError {
        IntError {
            type_name,
            message: message.to_string(),
        }
    }

    /// CPython's `int too large to convert to float`.
    pub fn too_large_for_float() -> IntError {
        IntError::new("OverflowError", "int too large to convert to float")
    }

    /// A result too large to build.
    pub fn memory() -> IntError {
        IntError::new("MemoryError", "")
    }
}

/// The result of an int operation.
pub type IntResult<T> = Result<T, IntError>;

/// An int operand, borrowed: a small one or a big one.
#[derive(Clone, Copy, Debug)]
pub enum Int<'a> {
    /// Fits in an i64 (ints and bools).
    Small(i64),
    /// Does not.
    Big(&'a BigInt),
}

impl Int<'_> {
    /// The value as an owned big int.
    pub fn big(self) -> BigInt {
        match self {
            Int::Small(i) => BigInt::from(i),
            Int::Big(b) => b.clone(),
        }
    }

    /// Whether it is negative.
    pub fn is_negative(self) -> bool {
        match self {
            Int::Small(i) => i < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    /// The value as an i64, if it fits (always, for `Small`).
    pub fn to_i64(self) -> Option<i64> {
        match self {
            Int::Small(i) => Some(i),
            Int::Big(_) => None,
        }
    }
}

/// The int behind an int, bool or big int value.
pub fn int_of(v: &Value) -> Option<Int<'_>> {
    match v {
        Value::Int(i) => Some(Int::Small(*i)),
        Value::Bool(b) => Some(Int::Small(*b as i64)),
        Value::BigInt(b) => Some(Int::Big(b)),
        _ => None,
    }
}

/// `b` as a value, demoted to `Value::Int` when it fits.
pub fn int_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

/// An i128 as a value.
pub fn int_value_i128(v: i128) -> Value {
    match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::BigInt(Rc::new(BigInt::from(v))),
    }
}

/// A u64 as a value.
pub fn int_value_u64(v: u64) -> Value {
    match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::BigInt(Rc::new(BigInt::from(v))),
    }
}

/// Builds an int from its magnitude in little-endian 32-bit words (least
/// significant word first) and a sign: the form `random.getrandbits` and
/// seeding work in.
pub fn int_from_u32_words_le(words: &[u32], negative: bool) -> Value {
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    int_value(BigInt::from_slice(sign, words))
}

/// The magnitude of an int in little-endian 32-bit words (at least one
/// word) and whether it is negative: the inverse of
/// [`int_from_u32_words_le`].
pub fn int_to_u32_words_le(v: Int<'_>) -> (Vec<u32>, bool) {
    let big = v.big();
    let (sign, mut words) = big.to_u32_digits();
    if words.is_empty() {
        words.push(0);
    }
    (words, sign == Sign::Minus)
}

fn check_bits(bits: u64) -> IntResult<()> {
    if bits > MAX_BITS {
        return Err(IntError::memory());
    }
    Ok(())
}

/// `a op b` for two ints, at least one beyond the fast path (or a small
/// operation that overflowed). Comparisons are not operators here.
pub fn binary(op: BinOp, a: Int<'_>, b: Int<'_>) -> IntResult<Value> {
    let (x, y) = (a.big(), b.big());
    Ok(match op {
        BinOp::Add => int_value(x + y),
        BinOp::Sub => int_value(x - y),
        BinOp::Mult => {
            check_bits(x.bits() + y.bits())?;
            int_value(x * y)
        }
        BinOp::Div => Value::Float(true_divide(&x, &y)?),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(IntError::new(
                    "ZeroDivisionError",
                    "integer division or modulo by zero",
                ));
            }
            int_value(x.div_floor(&y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(IntError::new("ZeroDivisionError", "integer modulo by zero"));
            }
            int_value(x.mod_floor(&y))
        }
        BinOp::Pow => return pow(&x, &y),
        BinOp::LShift => return shift_left(&x, &y),
        BinOp::RShift => return shift_right(&x, &y),
        BinOp::BitAnd => int_value(x & y),
        BinOp::BitOr => int_value(x | y),
        BinOp::BitXor => int_value(x ^ y),
        BinOp::MatMult => {
            return Err(IntError::new(
                "TypeError",
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    })
}

/// `divmod(a, b)` for ints.
pub fn divmod(a: Int<'_>, b: Int<'_>) -> IntResult<(Value, Value)> {
    let (x, y) = (a.big(), b.big());
    if y.is_zero() {
        return Err(IntError::new(
            "ZeroDivisionError",
            "integer division or modulo by zero",
        ));
    }
    let (q, r) = x.div_mod_floor(&y);
    Ok((int_value(q), int_value(r)))
}

/// `-a`.
pub fn negate(a: Int<'_>) -> Value {
    match a {
        Int::Small(i) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => int_value(-BigInt::from(i)),
        },
        Int::Big(b) => int_value(-b.clone()),
    }
}

/// `abs(a)`.
pub fn abs(a: Int<'_>) -> Value {
    match a {
        Int::Small(i) => match i.checked_abs() {
            Some(n) => Value::Int(n),
            None => int_value(BigInt::from(i).abs()),
        },
        Int::Big(b) => int_value(b.abs()),
    }
}

/// `~a`: `-a - 1`, as in infinite two's complement.
pub fn invert(a: Int<'_>) -> Value {
    match a {
        Int::Small(i) => Value::Int(!i),
        Int::Big(b) => int_value(-b.clone() - 1),
    }
}

/// `a ** b` for ints: a float for a negative exponent (through float
/// arithmetic, as CPython does).
pub fn pow(a: &BigInt, b: &BigInt) -> IntResult<Value> {
    if b.is_negative() {
        let x = to_f64(a)?;
        let y = to_f64(b)?;
        if x == 0.0 {
            return Err(IntError::new(
                "ZeroDivisionError",
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Value::Float(x.powf(y)));
    }
    if a.is_zero() || a.is_one() {
        return Ok(int_value(if b.is_zero() {
            BigInt::one()
        } else {
            a.clone()
        }));
    }
    if *a == BigInt::from(-1) {
        return Ok(Value::Int(if b.is_even() { 1 } else { -1 }));
    }
    let Some(e) = b.to_u64() else {
        return Err(IntError::memory());
    };
    check_bits((a.bits() - 1).saturating_mul(e))?;
    let e = u32::try_from(e).map_err(|_| IntError::memory())?;
    Ok(int_value(num_traits::Pow::pow(a, e)))
}

/// `pow(a, b, m)` for ints, with a negative exponent meaning the modular
/// inverse (Python 3.8+).
pub fn pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> IntResult<Value> {
    if m.is_zero() {
        return Err(IntError::new(
            "ValueError",
            "pow() 3rd argument cannot be 0",
        ));
    }
    let negative_mod = m.is_negative();
    let modulus = m.abs();
    if modulus.is_one() {
        return Ok(Value::Int(0));
    }
    let mut base = a.mod_floor(&modulus);
    let mut exp = b.clone();
    if exp.is_negative() {
        base = match mod_inverse(&base, &modulus) {
            Some(inv) => inv,
            None => {
                return Err(IntError::new(
                    "ValueError",
                    "base is not invertible for the given modulus",
                ))
            }
        };
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &modulus);
    if negative_mod && !r.is_zero() {
        r -= &modulus;
    }
    Ok(int_value(r))
}

/// The inverse of `a` modulo `m` (`m > 1`, `0 <= a < m`), if there is one.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

/// `a << n`.
pub fn shift_left(a: &BigInt, n: &BigInt) -> IntResult<Value> {
    if n.is_negative() {
        return Err(IntError::new("ValueError", "negative shift count"));
    }
    if a.is_zero() {
        return Ok(Value::Int(0));
    }
    let Some(n) = n.to_u64() else {
        return Err(IntError::memory());
    };
    check_bits(a.bits().saturating_add(n))?;
    Ok(int_value(a << n as usize))
}

/// `a >> n`: rounds toward minus infinity, as Python's floor semantics
/// require for negative numbers.
pub fn shift_right(a: &BigInt, n: &BigInt) -> IntResult<Value> {
    if n.is_negative() {
        return Err(IntError::new("ValueError", "negative shift count"));
    }
    match n.to_u64() {
        Some(n) if n < a.bits() => Ok(int_value(a >> n as usize)),
        _ => Ok(Value::Int(if a.is_negative() { -1 } else { 0 })),
    }
}

/// `float(a)`: correctly rounded (half to even), or CPython's
/// `OverflowError` when it rounds beyond the largest float.
pub fn to_f64(a: &BigInt) -> IntResult<f64> {
    match a.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(IntError::too_large_for_float()),
    }
}

/// `float(a)` for either kind of int.
pub fn int_to_f64(a: Int<'_>) -> IntResult<f64> {
    match a {
        Int::Small(i) => Ok(i as f64),
        Int::Big(b) => to_f64(b),
    }
}

/// `math.frexp(float(a))` without the overflow: `a == m * 2**e` with
/// `0.5 <= |m| < 1`, `m` rounded to 53 bits half to even (CPython's
/// `_PyLong_Frexp`, which `math.log` of huge ints uses).
pub fn frexp(a: &BigInt) -> (f64, u64) {
    let bits = a.bits();
    let (top, shift) = if bits <= 64 {
        (a.magnitude().to_u64().unwrap_or(0), 0)
    } else {
        // 64 leading bits, the lowest one sticky for what lies below, so
        // the u64 -> f64 conversion rounds as the whole would.
        let shift = bits - 64;
        let magnitude = a.magnitude();
        let mut top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
        if magnitude.trailing_zeros().is_some_and(|z| z < shift) {
            top |= 1;
        }
        (top, shift)
    };
    let f = top as f64;
    if f == 0.0 {
        return (0.0, 0);
    }
    // f is a whole number from 1 to 2**64: a normal float, whose exponent
    // field gives floor(log2 f).
    let e = ((f.to_bits() >> 52) & 0x7ff) - 1022;
    let m = f / (e as f64).exp2();
    let m = if a.is_negative() { -m } else { m };
    (m, e + shift)
}

/// `int(f)`: truncates toward zero; CPython's errors for NaN and infinity.
pub fn from_f64(f: f64) -> IntResult<Value> {
    if f.is_nan() {
        return Err(IntError::new(
            "ValueError",
            "cannot convert float NaN to integer",
        ));
    }
    if f.is_infinite() {
        return Err(IntError::new(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(int_value(BigInt::from_f64(t).unwrap_or_default()))
}

/// `a / b` for ints: the exactly rounded quotient (half to even), as
/// CPython computes it, with its errors for a zero divisor and a result
/// beyond the largest float. Small operands take the float division
/// directly, which is exact for them.
pub fn true_divide(a: &BigInt, b: &BigInt) -> IntResult<f64> {
    if b.is_zero() {
        return Err(IntError::new("ZeroDivisionError", "division by zero"));
    }
    if a.is_zero() {
        return Ok(if a.is_negative() != b.is_negative() {
            -0.0
        } else {
            0.0
        });
    }
    const EXACT: u64 = 53;
    if a.bits() <= EXACT && b.bits() <= EXACT {
        let (x, y) = (a.to_f64().unwrap_or(0.0), b.to_f64().unwrap_or(1.0));
        return Ok(x / y);
    }
    let negative = a.is_negative() != b.is_negative();
    let (x, y) = (a.abs(), b.abs());
    // The binary exponent of x / y: 2**e <= x / y < 2**(e + 1).
    let diff = x.bits() as i64 - y.bits() as i64;
    let e = if shifted_ge(&x, &y, diff) {
        diff
    } else {
        diff - 1
    };
    if e >= 1024 {
        return Err(IntError::new(
            "OverflowError",
            "integer division result too large for a float",
        ));
    }
    // The unit in the last place of the result, and two more bits below it
    // (guard and round); the remainder is the sticky bit.
    let ulp = (e - 52).max(-1074);
    let shift = ulp - 2;
    let (num, den) = if shift >= 0 {
        (x, y << shift as usize)
    } else {
        (x << (-shift) as usize, y)
    };
    let (q, r) = num.div_rem(&den);
    let q = q.to_u64().unwrap_or(0);
    let mut mantissa = q >> 2;
    let low = q & 3;
    let sticky = !r.is_zero();
    if low > 2 || (low == 2 && (sticky || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    let value = mantissa as f64 * pow2(ulp);
    if value.is_infinite() {
        return Err(IntError::new(
            "OverflowError",
            "integer division result too large for a float",
        ));
    }
    Ok(if negative { -value } else { value })
}

/// Whether `x >= y * 2**shift` (shift may be negative).
fn shifted_ge(x: &BigInt, y: &BigInt, shift: i64) -> bool {
    if shift >= 0 {
        *x >= (y << shift as usize)
    } else {
        (x << (-shift) as usize) >= *y
    }
}

/// `2**k` as a float, exactly, for `-1074 <= k <= 1023`.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// Exact comparison of an int with a float, as CPython's `float_richcompare`
/// does (no rounding of the int); `None` when `f` is NaN.
pub fn cmp_float(a: Int<'_>, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Int::Small(i) = a {
        if i.unsigned_abs() <= 1 << 53 {
            return (i as f64).partial_cmp(&f);
        }
    }
    let floor = f.floor();
    let fi = BigInt::from_f64(floor).unwrap_or_default();
    let ai = a.big();
    match ai.cmp(&fi) {
        Ordering::Equal if floor != f => Some(Ordering::Less),
        o => Some(o),
    }
}

/// Whether an int equals a float exactly.
pub fn eq_float(a: Int<'_>, f: f64) -> bool {
    cmp_float(a, f) == Some(Ordering::Equal)
}

/// `round(a, ndigits)` for an int and a negative `ndigits`: to the nearest
/// multiple of `10**-ndigits`, ties to even.
pub fn round_neg(a: Int<'_>, ndigits: i64) -> IntResult<Value> {
    let Ok(k) = u32::try_from(-(ndigits as i128)) else {
        return Ok(Value::Int(0));
    };
    let x = a.big();
    if (k as u64) > x.bits() + 1 {
        return Ok(Value::Int(0));
    }
    let p = num_traits::Pow::pow(&BigInt::from(10), k);
    let (q, r) = x.div_mod_floor(&p);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    Ok(int_value(q * p))
}

/// `int.bit_length()`.
pub fn bit_length(a: Int<'_>) -> u64 {
    match a {
        Int::Small(i) => 64 - u64::from(i.unsigned_abs().leading_zeros()),
        Int::Big(b) => b.bits(),
    }
}

/// `int.bit_count()`: the ones in the magnitude.
pub fn bit_count(a: Int<'_>) -> u64 {
    match a {
        Int::Small(i) => u64::from(i.unsigned_abs().count_ones()),
        Int::Big(b) => b.magnitude().count_ones(),
    }
}

/// The decimal digits of an int as `str()` gives them, or CPython's
/// `ValueError` when there would be more than `limit` digits (0: no limit).
pub fn to_decimal(a: Int<'_>, limit: usize) -> IntResult<String> {
    match a {
        Int::Small(i) => Ok(i.to_string()),
        Int::Big(b) => {
            let too_many = || {
                IntError::new(
                    "ValueError",
                    &format!(
                        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                        limit
                    ),
                )
            };
            // A lower bound of the digit count, to refuse before converting.
            if limit > 0 && (b.bits() - 1) as f64 * std::f64::consts::LOG10_2 >= limit as f64 {
                return Err(too_many());
            }
            let s = b.to_str_radix(10);
            let digits = s.len() - usize::from(b.is_negative());
            if limit > 0 && digits > limit {
                return Err(too_many());
            }
            Ok(s)
        }
    }
}

/// The magnitude's digits in base 2, 8 or 16 (lower case), and the sign.
pub fn to_radix(a: Int<'_>, radix: u32) -> (bool, String) {
    match a {
        Int::Small(i) => {
            let m = i.unsigned_abs();
            let s = match radix {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                16 => format!("{m:x}"),
                _ => m.to_string(),
            };
            (i < 0, s)
        }
        Int::Big(b) => (b.is_negative(), b.magnitude().to_str_radix(radix)),
    }
}

/// Why text did not parse as an int.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Not a valid literal in the base (the caller words the message).
    Invalid,
    /// More digits than the limit allows, with the count.
    TooManyDigits(usize),
}

/// The decimal digit value of a Unicode digit (category Nd): CPython
/// accepts any script's digits in `int()` and `float()`.
pub fn unicode_digit(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if (c as u32) < 0x660 {
        return None;
    }
    // The code points of the digit zero of each block of ten Nd digits.
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
        0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
        0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0,
        0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0,
        0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0,
        0x1E950, 0x1FBF0,
    ];
    let cp = c as u32;
    let i = ZEROS.partition_point(|&z| z <= cp);
    let zero = *ZEROS.get(i.checked_sub(1)?)?;
    (cp - zero < 10).then_some(cp - zero)
}

/// Parses `int(text, base)` as CPython does: surrounding whitespace, a
/// sign, a `0x`/`0o`/`0b` prefix (base 0 or the matching base), single
/// underscores between digits (and after a prefix), Unicode digits, base 0
/// refusing leading zeros of a nonzero number, and the limit on digits for
/// bases that are not powers of two (0: no limit).
pub fn parse(text: &str, base: u32, limit: usize) -> Result<Value, ParseError> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = |i: usize| body.as_bytes().get(i).map(|b| b.to_ascii_lowercase());
    let prefixed = body.len() >= 2 && body.as_bytes()[0] == b'0';
    let (base, digits, had_prefix) = match (base, lower(1)) {
        (0 | 16, Some(b'x')) if prefixed => (16, &body[2..], true),
        (0 | 8, Some(b'o')) if prefixed => (8, &body[2..], true),
        (0 | 2, Some(b'b')) if prefixed => (2, &body[2..], true),
        (0, _) => (0, body, false),
        (b, _) => (b, body, false),
    };
    // Digits with underscores only between digits (or right after a
    // prefix).
    let mut values: Vec<u8> = Vec::with_capacity(digits.len());
    let mut last_underscore = false;
    for (i, c) in digits.chars().enumerate() {
        if c == '_' {
            if last_underscore || (i == 0 && !had_prefix) {
                return Err(ParseError::Invalid);
            }
            last_underscore = true;
            continue;
        }
        last_underscore = false;
        let d = match c.to_digit(36) {
            Some(d) => d,
            None => unicode_digit(c).ok_or(ParseError::Invalid)?,
        };
        values.push(d as u8);
    }
    if values.is_empty() || last_underscore {
        return Err(ParseError::Invalid);
    }
    let base = if base == 0 {
        // Base 0 without a prefix is decimal, and a nonzero number may not
        // start with 0 (that was octal in Python 2).
        if values[0] == 0 && values.iter().any(|&d| d != 0) {
            return Err(ParseError::Invalid);
        }
        10
    } else {
        base
    };
    if values.iter().any(|&d| u32::from(d) >= base) {
        return Err(ParseError::Invalid);
    }
    if limit > 0 && !base.is_power_of_two() && values.len() > limit {
        return Err(ParseError::TooManyDigits(values.len()));
    }
    // Small numbers without allocating.
    let mut small: Option<i64> = Some(0);
    for &d in &values {
        small = small
            .and_then(|v| v.checked_mul(base as i64))
            .and_then(|v| v.checked_add(i64::from(d)));
        if small.is_none() {
            break;
        }
    }
    if let Some(v) = small {
        return Ok(Value::Int(if negative { -v } else { v }));
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    let big = BigInt::from_radix_be(sign, &values, base).ok_or(ParseError::Invalid)?;
    Ok(int_value(big))
}

/// `int.to_bytes(length, byteorder, signed)`: CPython's `OverflowError`s
/// when the value does not fit.
pub fn to_bytes(a: Int<'_>, length: usize, little: bool, signed: bool) -> IntResult<Vec<u8>> {
    let big = a.big();
    if !signed && big.is_negative() {
        return Err(IntError::new(
            "OverflowError",
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = if signed {
        big.to_signed_bytes_le()
    } else {
        big.to_bytes_le().1
    };
    // Minimal encodings; zero is one zero byte.
    if big.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(IntError::new("OverflowError", "int too big to convert"));
    }
    let fill = if signed && big.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder, signed)`.
pub fn from_bytes(bytes: &[u8], little: bool, signed: bool) -> Value {
    let big = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(bytes),
        (false, true) => BigInt::from_signed_bytes_be(bytes),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
    };
    int_value(big)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        BigInt::parse_bytes(s.as_bytes(), 10).expect("test literal")
    }

    fn p2(n: u32) -> BigInt {
        BigInt::one() << n as usize
    }

    fn show(v: &Value) -> String {
        match v {
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => format!("big {}", b),
            Value::Float(f) => format!("float {:?}", f),
            _ => "?".into(),
        }
    }

    #[test]
    fn results_that_fit_are_demoted_to_small_ints() {
        let a = p2(70);
        let r = binary(BinOp::Sub, Int::Big(&a), Int::Big(&(p2(70) - 5))).unwrap();
        assert!(matches!(r, Value::Int(5)));
        let r = binary(BinOp::Add, Int::Small(i64::MAX), Int::Small(1)).unwrap();
        assert_eq!(show(&r), "big 9223372036854775808");
    }

    #[test]
    fn floor_division_and_modulo_round_toward_minus_infinity() {
        let a = -p2(70);
        let q = binary(BinOp::FloorDiv, Int::Big(&a), Int::Small(7)).unwrap();
        assert_eq!(show(&q), "big -168655945816773043347");
        let r = binary(BinOp::Mod, Int::Big(&a), Int::Small(7)).unwrap();
        assert_eq!(show(&r), "5");
        let e = binary(BinOp::Mod, Int::Big(&a), Int::Small(0)).unwrap_err();
        assert_eq!(e.message, "integer modulo by zero");
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        let d = |a: BigInt, b: BigInt| true_divide(&a, &b);
        assert_eq!(d(p2(1100), p2(1050)), Ok(1125899906842624.0));
        assert_eq!(d(BigInt::one(), p2(1100)), Ok(0.0));
        assert_eq!(
            d(p2(1100), BigInt::from(3)).unwrap_err().message,
            "integer division result too large for a float"
        );
        // 10**30 / 7 == 1.4285714285714285e+29 in CPython.
        assert_eq!(
            d(big("1000000000000000000000000000000"), BigInt::from(7)),
            Ok(1.4285714285714285e29)
        );
        // (2**53 + 1) / 1 ties to even.
        assert_eq!(d(p2(53) + 1, BigInt::one()), Ok(9007199254740992.0));
        assert_eq!(d(p2(53) + 3, BigInt::one()), Ok(9007199254740996.0));
        // A subnormal result: 1 / 2**1074 is the smallest one.
        assert_eq!(d(BigInt::one(), p2(1074)), Ok(5e-324));
        assert_eq!(d(BigInt::from(3), p2(1075)), Ok(1e-323));
        assert_eq!(d(-p2(60), BigInt::from(3)), Ok(-3.843071682022823e+17));
    }

    #[test]
    fn conversion_to_float_overflows_like_cpython() {
        assert!(to_f64(&p2(1024)).is_err());
        assert!(to_f64(&(p2(1024) - p2(970))).is_err());
        assert_eq!(to_f64(&(p2(1024) - p2(970) - 1)), Ok(f64::MAX));
    }

    #[test]
    fn ints_compare_with_floats_exactly() {
        let a = p2(53) + 1;
        assert_eq!(
            cmp_float(Int::Big(&a), 9007199254740992.0),
            Some(Ordering::Greater)
        );
        assert_eq!(
            cmp_float(Int::Small(i64::MAX), 9_223_372_036_854_775_808.0),
            Some(Ordering::Less)
        );
        assert_eq!(
            cmp_float(Int::Big(&p2(2000)), f64::INFINITY),
            Some(Ordering::Less)
        );
        assert_eq!(cmp_float(Int::Small(3), 3.5), Some(Ordering::Less));
        assert_eq!(cmp_float(Int::Small(-3), -3.5), Some(Ordering::Greater));
        assert!(eq_float(Int::Big(&p2(70)), 1180591620717411303424.0));
        assert_eq!(cmp_float(Int::Small(1), f64::NAN), None);
    }

    #[test]
    fn modular_powers_invert_negative_exponents() {
        let pm = |a: i64, b: i64, m: i64| pow_mod(&a.into(), &b.into(), &m.into());
        assert_eq!(show(&pm(3, -1, 7).unwrap()), "5");
        assert_eq!(show(&pm(-3, 3, -7).unwrap()), "-6");
        assert_eq!(show(&pm(2, -1, 1).unwrap()), "0");
        assert_eq!(
            pm(2, -1, 4).unwrap_err().message,
            "base is not invertible for the given modulus"
        );
        assert_eq!(
            pm(2, 10, 0).unwrap_err().message,
            "pow() 3rd argument cannot be 0"
        );
    }

    #[test]
    fn shifts_floor_and_refuse_negative_counts() {
        let r = shift_right(&-p2(70), &BigInt::from(200)).unwrap();
        assert_eq!(show(&r), "-1");
        let r = shift_right(&(-p2(70) - 1), &BigInt::from(3)).unwrap();
        assert_eq!(show(&r), "big -147573952589676412929");
        assert_eq!(
            shift_left(&BigInt::one(), &BigInt::from(-1))
                .unwrap_err()
                .message,
            "negative shift count"
        );
        assert_eq!(
            shift_left(&BigInt::one(), &p2(40)).unwrap_err().type_name,
            "MemoryError"
        );
    }

    #[test]
    fn text_parses_as_int_does() {
        let p = |s: &str, b: u32| parse(s, b, DEFAULT_MAX_STR_DIGITS).map(|v| show(&v));
        assert_eq!(p(" 1_000 ", 10), Ok("1000".into()));
        assert_eq!(p("1__0", 10), Err(ParseError::Invalid));
        assert_eq!(p("_1", 10), Err(ParseError::Invalid));
        assert_eq!(p("1_", 10), Err(ParseError::Invalid));
        assert_eq!(p("0x_1f", 0), Ok("31".into()));
        assert_eq!(p("0x1f", 16), Ok("31".into()));
        assert_eq!(p("010", 0), Err(ParseError::Invalid));
        assert_eq!(p("0_0", 0), Ok("0".into()));
        assert_eq!(p("  -0b101  ", 0), Ok("-5".into()));
        assert_eq!(p("z", 36), Ok("35".into()));
        assert_eq!(p("١٢", 10), Ok("12".into()));
        assert_eq!(
            p("-9223372036854775808", 10),
            Ok("-9223372036854775808".into())
        );
        assert_eq!(
            p("9223372036854775808", 10),
            Ok("big 9223372036854775808".into())
        );
        assert_eq!(
            p(&"9".repeat(5000), 10),
            Err(ParseError::TooManyDigits(5000))
        );
        assert!(p(&"1".repeat(5000), 16).is_ok());
    }

    #[test]
    fn huge_ints_refuse_decimal_text_past_the_limit() {
        let ten = BigInt::from(10);
        let a = num_traits::Pow::pow(&ten, 4299u32);
        assert_eq!(to_decimal(Int::Big(&a), 4300).map(|s| s.len()), Ok(4300));
        let a = num_traits::Pow::pow(&ten, 4300u32);
        assert!(to_decimal(Int::Big(&a), 4300).is_err());
        assert!(to_decimal(Int::Big(&a), 0).is_ok());
    }

    #[test]
    fn bytes_round_trip_in_both_orders_and_signs() {
        assert_eq!(to_bytes(Int::Small(255), 2, false, false), Ok(vec![0, 255]));
        assert_eq!(to_bytes(Int::Small(-1), 2, false, true), Ok(vec![255, 255]));
        assert_eq!(to_bytes(Int::Small(0), 0, false, false), Ok(vec![]));
        assert_eq!(
            to_bytes(Int::Small(256), 1, false, false)
                .unwrap_err()
                .message,
            "int too big to convert"
        );
        assert_eq!(
            to_bytes(Int::Small(128), 1, false, true)
                .unwrap_err()
                .message,
            "int too big to convert"
        );
        assert_eq!(show(&from_bytes(&[0xff, 0], true, true)), "255");
        assert_eq!(show(&from_bytes(&[0xff, 0xff], true, true)), "-1");
    }

    #[test]
    fn words_round_trip() {
        let v = int_from_u32_words_le(&[1, 2, 3], false);
        assert_eq!(
            show(&v),
            format!(
                "big {}",
                (BigInt::from(3u64) << 64) + (BigInt::from(2u64) << 32) + 1
            )
        );
        let Value::BigInt(b) = &v else { panic!() };
        assert_eq!(int_to_u32_words_le(Int::Big(b)), (vec![1, 2, 3], false));
        assert_eq!(int_to_u32_words_le(Int::Small(-5)), (vec![5], true));
    }

    #[test]
    fn negative_ndigits_round_half_to_even() {
        let r = |a: i64, n: i64| show(&round_neg(Int::Small(a), n).unwrap());
        assert_eq!(r(12345, -2), "12300");
        assert_eq!(r(15, -1), "20");
        assert_eq!(r(25, -1), "20");
        assert_eq!(r(-25, -1), "-20");
        assert_eq!(r(5, -100), "0");
    }
}
