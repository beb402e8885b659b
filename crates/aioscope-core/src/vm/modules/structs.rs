//! `_struct`: IEEE 754 half, single and double precision as bytes, for
//! `struct.py`. Python code has no way to see a float's bits; everything
//! else `struct` does (formats, integers, errors) is in `struct.py`.

use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

/// Why a float cannot be packed: it is finite but beyond the format's
/// largest value.
#[derive(Debug, PartialEq)]
pub struct TooLarge;

/// The half-precision bits of `x`, rounded to nearest with ties to even,
/// as CPython's `PyFloat_Pack2`.
pub fn half_bits(x: f64) -> Result<u16, TooLarge> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Ok(sign);
    }
    // a = m * 2^exp with 1 <= m < 2.
    let mut exp = a.log2().floor() as i32;
    if 2f64.powi(exp) > a {
        exp -= 1;
    } else if 2f64.powi(exp + 1) <= a {
        exp += 1;
    }
    if exp < -14 {
        // Subnormal: a multiple of 2^-24; rounding up to 1024 of them is
        // the smallest normal number, whose bits follow on.
        let units = (a * 2f64.powi(24)).round_ties_even() as u16;
        return Ok(sign | units);
    }
    let mut fraction = ((a / 2f64.powi(exp) - 1.0) * 1024.0).round_ties_even() as u16;
    if fraction == 1024 {
        fraction = 0;
        exp += 1;
    }
    if exp > 15 {
        return Err(TooLarge);
    }
    Ok(sign | (((exp + 15) as u16) << 10) | fraction)
}

/// The value of half-precision bits.
pub fn half_value(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((bits >> 10) & 0x1f) as i32;
    let fraction = (bits & 0x3ff) as f64;
    let magnitude = match exp {
        0 => fraction * 2f64.powi(-24),
        0x1f if fraction == 0.0 => f64::INFINITY,
        0x1f => f64::NAN,
        _ => (1.0 + fraction / 1024.0) * 2f64.powi(exp - 15),
    };
    sign * magnitude
}

/// The single-precision bits of `x`. The native format ('f' without a
/// byte-order prefix) is C's cast, where too large becomes infinity; the
/// standard formats refuse it.
pub fn single_bits(x: f64, strict: bool) -> Result<u32, TooLarge> {
    let y = x as f32;
    if strict && y.is_infinite() && x.is_finite() {
        return Err(TooLarge);
    }
    Ok(y.to_bits())
}

/// `pack_float(x, size, strict)`: the big-endian bytes of the float `x`
/// in 2, 4 or 8 bytes; `OverflowError` as CPython's when it does not fit.
fn py_pack_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = match args.pos.first() {
        Some(Value::Float(f)) => *f,
        _ => return Err(vm.new_error("TypeError", "pack_float() needs a float")),
    };
    let size = match args.pos.get(1) {
        Some(Value::Int(n)) => *n,
        _ => 8,
    };
    let strict = matches!(args.pos.get(2), Some(Value::Bool(true)));
    let bytes: Vec<u8> = match size {
        2 => half_bits(x)
            .map(|b| b.to_be_bytes().to_vec())
            .map_err(|_| vm.new_error("OverflowError", "float too large to pack with e format"))?,
        4 => single_bits(x, strict)
            .map(|b| b.to_be_bytes().to_vec())
            .map_err(|_| vm.new_error("OverflowError", "float too large to pack with f format"))?,
        _ => x.to_bits().to_be_bytes().to_vec(),
    };
    Ok(Value::Bytes(bytes.into()))
}

/// `unpack_float(data)`: the float whose big-endian bytes (2, 4 or 8 of
/// them) are `data`.
fn py_unpack_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = match args.pos.first() {
        Some(Value::Bytes(b)) => b.clone(),
        _ => return Err(vm.new_error("TypeError", "unpack_float() needs bytes")),
    };
    let value = match data.len() {
        2 => half_value(u16::from_be_bytes([data[0], data[1]])),
        4 => f32::from_bits(u32::from_be_bytes([data[0], data[1], data[2], data[3]])) as f64,
        8 => {
            let mut b = [0u8; 8];
            b.copy_from_slice(&data);
            f64::from_bits(u64::from_be_bytes(b))
        }
        _ => return Err(vm.new_error("ValueError", "unpack_float() needs 2, 4 or 8 bytes")),
    };
    Ok(Value::Float(value))
}

/// The `_struct` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_struct");
    m.set("pack_float", native("pack_float", py_pack_float));
    m.set("unpack_float", native("unpack_float", py_unpack_float));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision_rounds_to_even_and_refuses_overflow() {
        assert_eq!(half_bits(1.0), Ok(0x3c00));
        assert_eq!(half_bits(-2.5), Ok(0xc100));
        assert_eq!(half_bits(0.1), Ok(0x2e66));
        assert_eq!(half_bits(65504.0), Ok(0x7bff));
        assert_eq!(half_bits(65519.99), Ok(0x7bff));
        assert_eq!(half_bits(65520.0), Err(TooLarge));
        assert_eq!(half_bits(5.96e-8), Ok(0x0001));
        assert_eq!(half_bits(1e-8), Ok(0x0000));
        assert_eq!(half_bits(f64::INFINITY), Ok(0x7c00));
        assert_eq!(half_value(0x3c00), 1.0);
        assert_eq!(half_value(0x0001), 2f64.powi(-24));
        assert!(half_value(0x7c01).is_nan());
    }

    #[test]
    fn single_precision_overflows_only_in_standard_formats() {
        assert_eq!(single_bits(0.1, true), Ok(0x3dcccccd));
        assert_eq!(single_bits(1e300, false), Ok(0x7f800000));
        assert_eq!(single_bits(1e300, true), Err(TooLarge));
        assert_eq!(single_bits(f64::INFINITY, true), Ok(0x7f800000));
    }
}
