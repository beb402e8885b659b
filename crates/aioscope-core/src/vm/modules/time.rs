//! `_time`: the clocks of the `time` module (written in Python, `time.py`).
//!
//! Every clock reads the virtual clock `vm.clock`, as the corpus oracle's
//! do: `time()`, `monotonic()` and `perf_counter()` are that clock, their
//! `_ns` forms `int(clock * 1e9)`. Computation takes no virtual time, so
//! the CPU-time clocks (`process_time`, `thread_time`) stay at 0.

use std::rc::Rc;

use crate::vm::builtins::{float_arg, native};
use crate::vm::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

fn now(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.clock))
}

fn now_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int((vm.clock * 1e9) as i64))
}

fn cpu(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(0.0))
}

fn cpu_ns(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

/// `time.sleep(secs)`: blocks the calling thread for `secs` virtual
/// seconds (the host decides what runs meanwhile).
fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 || !args.kw.is_empty() {
        let msg = if !args.kw.is_empty() {
            "time.sleep() takes no keyword arguments".to_string()
        } else {
            format!(
                "time.sleep() takes exactly one argument ({} given)",
                args.pos.len()
            )
        };
        return Err(vm.new_error("TypeError", &msg));
    }
    let secs = match &args.pos[0] {
        v @ (Value::Int(_) | Value::Float(_) | Value::Bool(_)) => float_arg(vm, v, "sleep")?,
        other => {
            return Err(vm.new_error(
                "TypeError",
                &format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                ),
            ))
        }
    };
    if secs.is_nan() {
        return Err(vm.new_error("ValueError", "Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.new_error("ValueError", "sleep length must be non-negative"));
    }
    match vm.host.clone() {
        Some(h) => h.sleep(vm, secs)?,
        None => vm.clock += secs,
    }
    Ok(Value::None)
}

/// `_structseq(module, name, fields, visible)`: a struct-sequence class.
fn structseq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Str(module)), Some(Value::Str(name)), Some(fields), Some(Value::Int(n))) = (
        args.pos.first(),
        args.pos.get(1),
        args.pos.get(2),
        args.pos.get(3),
    ) else {
        return Err(vm.new_error("TypeError", "_structseq(module, name, fields, visible)"));
    };
    let mut names = Vec::new();
    for f in vm.collect(fields)? {
        names.push(vm.to_str(&f)?);
    }
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let class = super::structseq::class(vm, module, name, &refs, (*n).max(0) as usize)?;
    Ok(Value::Class(class))
}

/// The native `_time` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_time");
    for name in ["time", "monotonic", "perf_counter"] {
        m.set(name, native(name, now));
    }
    for name in ["time_ns", "monotonic_ns", "perf_counter_ns"] {
        m.set(name, native(name, now_ns));
    }
    for name in ["process_time", "thread_time"] {
        m.set(name, native(name, cpu));
    }
    for name in ["process_time_ns", "thread_time_ns"] {
        m.set(name, native(name, cpu_ns));
    }
    m.set("sleep", native("sleep", sleep));
    m.set("_structseq", native("_structseq", structseq));
    Ok(m)
}
