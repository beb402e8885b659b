//! The methods of `bytes`, `float` and `int`.

use super::args::descriptor_error;
use crate::vm::value::{Args, PyResult, Value};
use crate::vm::Vm;

pub(super) fn bytes_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Bytes(b)) => match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => Err(vm.new_error(
                "UnicodeDecodeError",
                &format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                    b.get(e.valid_up_to()).copied().unwrap_or(0),
                    e.valid_up_to()
                ),
            )),
        },
        other => Err(descriptor_error(vm, "decode", "bytes", other)),
    }
}

pub(super) fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Float(f)) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        other => Err(descriptor_error(vm, "is_integer", "float", other)),
    }
}

pub(super) fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Int(i)) => Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64)),
        other => Err(descriptor_error(vm, "bit_length", "int", other)),
    }
}
