//! The methods of `bytes`, `float` and `int`.

use super::args::descriptor_error;
use crate::vm::bigint::{self, BigInt, Int};
use crate::vm::builtins::int_arg;
use crate::vm::encoding;
use crate::vm::value::{Args, PyResult, Value};
use crate::vm::Vm;

pub(super) fn bytes_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first().map(Value::unwrapped) {
        Some(Value::Bytes(b)) => {
            let b = b.clone();
            let named = encoding::bind(vm, &args, 1, "decode")?;
            encoding::decode(vm, &b, &named)
        }
        other => Err(descriptor_error(vm, "decode", "bytes", other)),
    }
}

pub(super) fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Float(f)) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        other => Err(descriptor_error(vm, "is_integer", "float", other)),
    }
}

/// The float receiver of a `float` method.
fn this_float(vm: &mut Vm, args: &Args, method: &str) -> PyResult<f64> {
    match args.pos.first() {
        Some(Value::Float(f)) => Ok(*f),
        other => Err(descriptor_error(vm, method, "float", other)),
    }
}

/// A float's sign, its significand as an integer and the power of two
/// that scales it (`x == ±m * 2**e`), subnormals included.
fn float_parts(x: f64) -> (bool, u64, i64) {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let negative = bits >> 63 == 1;
    if exponent == 0 {
        (negative, fraction, -1074)
    } else {
        (negative, fraction | (1u64 << 52), exponent - 1075)
    }
}

/// `float.as_integer_ratio()`: the exact fraction in lowest terms (the
/// denominator a power of two).
pub(super) fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = this_float(vm, &args, "as_integer_ratio")?;
    if x.is_nan() {
        return Err(vm.new_error("ValueError", "cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        let msg = "cannot convert Infinity to integer ratio";
        return Err(vm.new_error("OverflowError", msg));
    }
    let (negative, mut m, mut e) = float_parts(x);
    if m == 0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    if e < 0 {
        let shift = (m.trailing_zeros() as i64).min(-e);
        m >>= shift;
        e += shift;
    }
    let mut numerator = BigInt::from(m) << (e.max(0) as usize);
    if negative {
        numerator = -numerator;
    }
    let denominator = BigInt::from(1u8) << ((-e).max(0) as usize);
    Ok(Value::tuple(vec![
        bigint::int_value(numerator),
        bigint::int_value(denominator),
    ]))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exponent>`, subnormals as
/// `0x0.<digits>p-1022`, as CPython writes them.
pub(super) fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = this_float(vm, &args, "hex")?;
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::str(&crate::vm::pyfmt::float_repr(x)));
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return Ok(Value::str(&format!("{}0x0.0p+0", sign)));
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exponent == 0 {
        (0, -1022)
    } else {
        (1, exponent - 1023)
    };
    let text = format!("{}0x{}.{:013x}p{:+}", sign, lead, fraction, e);
    Ok(Value::str(&text))
}

/// `float.conjugate()`: the float itself.
pub(super) fn float_itself(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this_float(vm, &args, "conjugate")?))
}

/// `float.__trunc__`, `__floor__`, `__ceil__`: the int after rounding with
/// `f`, with CPython's errors for infinities and NaN.
fn float_to_int_by(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let x = this_float(vm, &args, name)?;
    bigint::from_f64(f(x)).map_err(|e| vm.int_error(e))
}

pub(super) fn float_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_to_int_by(vm, args, "__trunc__", f64::trunc)
}

pub(super) fn float_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_to_int_by(vm, args, "__floor__", f64::floor)
}

pub(super) fn float_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_to_int_by(vm, args, "__ceil__", f64::ceil)
}

/// The int receiver of an `int` method (bools are ints).
fn this_int<'a>(vm: &mut Vm, args: &'a Args, method: &str) -> PyResult<Int<'a>> {
    match args.pos.first().and_then(bigint::int_of) {
        Some(i) => Ok(i),
        None => Err(descriptor_error(vm, method, "int", args.pos.first())),
    }
}

pub(super) fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, &args, "bit_length")?;
    Ok(bigint::int_value_u64(bigint::bit_length(i)))
}

pub(super) fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = this_int(vm, &args, "bit_count")?;
    Ok(bigint::int_value_u64(bigint::bit_count(i)))
}

/// `int.__index__`, `int.__int__`, `int.conjugate`, `int.__trunc__`...:
/// the int itself (a bool as a plain int).
pub(super) fn int_itself(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match this_int(vm, &args, "__index__")? {
        Int::Small(i) => Ok(Value::Int(i)),
        Int::Big(_) => Ok(args.pos[0].clone()),
    }
}

pub(super) fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = int_itself(vm, args)?;
    Ok(Value::tuple(vec![i, Value::Int(1)]))
}

/// Reads `byteorder` and `signed` the way `to_bytes`/`from_bytes` take
/// them (byteorder defaults to 'big' since 3.11).
fn byte_order(vm: &mut Vm, order: Option<Value>, signed: Option<Value>) -> PyResult<(bool, bool)> {
    let little = match order {
        None => false,
        Some(Value::Str(s)) if &*s == "big" => false,
        Some(Value::Str(s)) if &*s == "little" => true,
        Some(Value::Str(_)) => {
            return Err(vm.new_error("ValueError", "byteorder must be either 'little' or 'big'"))
        }
        Some(other) => {
            return Err(vm.new_error(
                "TypeError",
                &format!(
                    "to_bytes() argument 'byteorder' must be str, not {}",
                    other.type_name()
                ),
            ))
        }
    };
    let signed = match signed {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    Ok((little, signed))
}

pub(super) fn int_to_bytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let length = args.take_kw("length").or_else(|| args.pos.get(1).cloned());
    let order = args
        .take_kw("byteorder")
        .or_else(|| args.pos.get(2).cloned());
    let signed = args.take_kw("signed");
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("to_bytes() got an unexpected keyword argument '{}'", k);
        return Err(vm.new_error("TypeError", &msg));
    }
    let length = match length {
        None => 1,
        Some(Value::BigInt(_)) => {
            return Err(vm.new_error(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            ))
        }
        Some(v) => int_arg(vm, &v)?,
    };
    if length < 0 {
        return Err(vm.new_error("ValueError", "length argument must be non-negative"));
    }
    let (little, signed) = byte_order(vm, order, signed)?;
    let i = this_int(vm, &args, "to_bytes")?;
    if length > 100_000_000 {
        return Err(vm.new_error_args("MemoryError", vec![]));
    }
    match bigint::to_bytes(i, length as usize, little, signed) {
        Ok(b) => Ok(Value::Bytes(b.into())),
        Err(e) => Err(vm.int_error(e)),
    }
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a class
/// method: the class argument (when called on `int`) is skipped.
pub(super) fn int_from_bytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if let Some(Value::Class(_)) = args.pos.first() {
        args.pos.remove(0);
    }
    let data = args.take_kw("bytes").or_else(|| args.pos.first().cloned());
    let order = args
        .take_kw("byteorder")
        .or_else(|| args.pos.get(1).cloned());
    let signed = args.take_kw("signed");
    let bytes: Vec<u8> = match data {
        Some(Value::Bytes(b)) => b.to_vec(),
        Some(Value::Str(_)) => {
            return Err(vm.new_error("TypeError", "cannot convert 'str' object to bytes"))
        }
        Some(v) => {
            let mut out = Vec::new();
            for item in vm.collect(&v)? {
                match item {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    _ => return Err(vm.new_error("ValueError", "bytes must be in range(0, 256)")),
                }
            }
            out
        }
        None => {
            return Err(vm.new_error(
                "TypeError",
                "from_bytes() missing required argument 'bytes' (pos 1)",
            ))
        }
    };
    let (little, signed) = byte_order(vm, order, signed)?;
    Ok(bigint::from_bytes(&bytes, little, signed))
}
