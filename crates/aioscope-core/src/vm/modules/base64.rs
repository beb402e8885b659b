//! `_base64`: the codecs behind `base64.py` (CPython's `binascii` part):
//! each returns `(True, bytes)` or `(False, message)` so the Python side
//! raises `binascii.Error` with CPython's message.

use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn ok(bytes: Vec<u8>) -> Value {
    Value::tuple(vec![Value::Bool(true), Value::Bytes(bytes.into())])
}

fn fail(msg: &str) -> Value {
    Value::tuple(vec![Value::Bool(false), Value::str(msg)])
}

fn bytes_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<Rc<[u8]>> {
    match args.pos.get(i) {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        Some(other) => Err(vm.new_error(
            "TypeError",
            &format!(
                "a bytes-like object is required, not '{}'",
                other.type_name()
            ),
        )),
        None => Err(vm.new_error("TypeError", "a bytes argument is required")),
    }
}

/// Standard base64 with `=` padding.
pub fn b64_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * k)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    out
}

/// binascii's lenient decoding: characters outside the alphabet are
/// skipped (or refused when `strict`); decoding stops at complete padding.
pub fn b64_decode(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let mut quad = 0;
    let mut left = 0u32;
    let mut pads = 0;
    let mut count = 0;
    for &c in data {
        if c == b'=' {
            pads += 1;
            if quad >= 2 && quad + pads >= 4 {
                return Ok(out);
            }
            continue;
        }
        let Some(v) = B64.iter().position(|&x| x == c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        let v = v as u32;
        pads = 0;
        count += 1;
        match quad {
            0 => left = v,
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0xf;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x3;
            }
            _ => out.push(((left << 6) | v) as u8),
        }
        quad = (quad + 1) % 4;
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            count
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn b32_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let n = buf.iter().fold(0u64, |acc, b| (acc << 8) | *b as u64);
        let used = match chunk.len() {
            1 => 2,
            2 => 4,
            3 => 5,
            4 => 7,
            _ => 8,
        };
        for k in 0..8 {
            if k < used {
                out.push(B32[((n >> (35 - 5 * k)) & 31) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    out
}

fn b32_decode(data: &[u8]) -> Result<Vec<u8>, String> {
    if !data.len().is_multiple_of(8) {
        return Err("Incorrect padding".into());
    }
    let trimmed = data.iter().rposition(|&c| c != b'=').map_or(0, |i| i + 1);
    let pad = data.len() - trimmed;
    if !matches!(pad, 0 | 1 | 3 | 4 | 6) {
        return Err("Incorrect padding".into());
    }
    let mut out = Vec::new();
    for chunk in data.chunks(8) {
        let mut n = 0u64;
        for &c in chunk {
            let v = if c == b'=' {
                0
            } else {
                match B32.iter().position(|&x| x == c) {
                    Some(v) => v as u64,
                    None => return Err("Non-base32 digit found".into()),
                }
            };
            n = (n << 5) | v;
        }
        out.extend_from_slice(&n.to_be_bytes()[3..]);
    }
    let drop = match pad {
        1 => 1,
        3 => 2,
        4 => 3,
        6 => 4,
        _ => 0,
    };
    out.truncate(out.len() - drop);
    Ok(out)
}

fn py_b64encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_arg(vm, &args, 0)?;
    Ok(ok(b64_encode(&data)))
}

fn py_b64decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_arg(vm, &args, 0)?;
    let strict = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok(match b64_decode(&data, strict) {
        Ok(b) => ok(b),
        Err(m) => fail(&m),
    })
}

fn py_b32encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_arg(vm, &args, 0)?;
    Ok(ok(b32_encode(&data)))
}

fn py_b32decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_arg(vm, &args, 0)?;
    Ok(match b32_decode(&data) {
        Ok(b) => ok(b),
        Err(m) => fail(&m),
    })
}

/// The `_base64` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_base64");
    m.set("b64encode", native("b64encode", py_b64encode));
    m.set("b64decode", native("b64decode", py_b64decode));
    m.set("b32encode", native("b32encode", py_b32encode));
    m.set("b32decode", native("b32decode", py_b32decode));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_reports_padding() {
        assert_eq!(b64_encode(b"hello"), b"aGVsbG8=");
        assert_eq!(b64_decode(b"aGVs\nbG8=", false).unwrap(), b"hello");
        assert_eq!(b64_decode(b"abc", false).unwrap_err(), "Incorrect padding");
        assert_eq!(b32_encode(b"hello"), b"NBSWY3DP");
        assert_eq!(b32_decode(b"NBSWY3DP").unwrap(), b"hello");
        assert_eq!(b32_decode(b"MY======").unwrap(), b"f");
    }
}
