//! The methods of `bytes`, `float` and `int`.

use super::args::descriptor_error;
use crate::vm::bigint::{self, Int};
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

/// The exact `(numerator, denominator)` of a finite float, lowest terms
/// with a positive denominator (a power of two).
fn float_ratio(f: f64) -> (bigint::BigInt, bigint::BigInt) {
    if f == 0.0 {
        return (0.into(), 1.into());
    }
    let bits = f.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    // f = mantissa * 2**exp, the mantissa an integer.
    let (mut mantissa, mut exp) = if raw_exp == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), raw_exp - 1075)
    };
    if exp < 0 {
        let shift = (mantissa.trailing_zeros() as i64).min(-exp);
        mantissa >>= shift;
        exp += shift;
    }
    let mut numerator = bigint::BigInt::from(mantissa);
    if f < 0.0 {
        numerator = -numerator;
    }
    if exp >= 0 {
        (numerator << exp as usize, 1.into())
    } else {
        (numerator, bigint::BigInt::from(1) << (-exp) as usize)
    }
}

pub(super) fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Float(f)) if f.is_nan() => {
            Err(vm.new_error("ValueError", "cannot convert NaN to integer ratio"))
        }
        Some(Value::Float(f)) if f.is_infinite() => {
            Err(vm.new_error("OverflowError", "cannot convert Infinity to integer ratio"))
        }
        Some(Value::Float(f)) => {
            let (n, d) = float_ratio(*f);
            Ok(Value::tuple(vec![
                bigint::int_value(n),
                bigint::int_value(d),
            ]))
        }
        other => Err(descriptor_error(vm, "as_integer_ratio", "float", other)),
    }
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
