//! Argument checks shared by the native methods: the receiver's type
//! (`descriptor '...' doesn't apply to ...`), arity and str arguments, with
//! CPython's messages.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::dict::Dict;
use crate::vm::set::Set;
use crate::vm::value::{Args, PyErr, PyResult, Value};
use crate::vm::Vm;

pub(super) fn this_str(vm: &mut Vm, args: &Args, method: &str) -> PyResult<Rc<str>> {
    match args.pos.first().map(Value::unwrapped) {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(descriptor_error(vm, method, "str", args.pos.first())),
    }
}

pub(super) fn descriptor_error(
    vm: &mut Vm,
    method: &str,
    owner: &str,
    got: Option<&Value>,
) -> PyErr {
    let got = got
        .map(|v| v.type_name())
        .unwrap_or_else(|| "nothing".into());
    vm.new_error(
        "TypeError",
        &format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            method, owner, got
        ),
    )
}

pub(super) fn arg(args: &Args, i: usize) -> Option<&Value> {
    args.pos.get(i)
}

pub(super) fn str_arg(vm: &mut Vm, args: &Args, i: usize, method: &str) -> PyResult<Rc<str>> {
    match args.pos.get(i).map(Value::unwrapped) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(vm.new_error(
            "TypeError",
            &format!(
                "{}() argument {} must be str, not {}",
                method,
                i,
                other.type_name()
            ),
        )),
        None => Err(vm.new_error(
            "TypeError",
            &format!(
                "{}() takes at least {} argument ({} given)",
                method,
                i,
                i - 1
            ),
        )),
    }
}

pub(super) fn check_arity(
    vm: &mut Vm,
    args: &Args,
    min: usize,
    max: usize,
    name: &str,
) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{}() takes no arguments ({} given)", name, n),
                1 => format!("{}() takes exactly one argument ({} given)", name, n),
                _ => format!("{}() takes exactly {} arguments ({} given)", name, min, n),
            }
        } else if n < min {
            format!(
                "{}() takes at least {} argument{} ({} given)",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else {
            format!(
                "{}() takes at most {} argument{} ({} given)",
                name,
                max,
                if max == 1 { "" } else { "s" },
                n
            )
        };
        return Err(vm.new_error("TypeError", &msg));
    }
    if !args.kw.is_empty() {
        return Err(vm.new_error(
            "TypeError",
            &format!("{}() takes no keyword arguments", name),
        ));
    }
    Ok(())
}

pub(super) fn this_list(
    vm: &mut Vm,
    args: &Args,
    method: &str,
) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match args.pos.first().map(Value::unwrapped) {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(descriptor_error(vm, method, "list", args.pos.first())),
    }
}

pub(super) fn this_dict(vm: &mut Vm, args: &Args, method: &str) -> PyResult<Rc<RefCell<Dict>>> {
    match args.pos.first().map(Value::unwrapped) {
        Some(Value::Dict(d)) => Ok(d.clone()),
        _ => Err(descriptor_error(vm, method, "dict", args.pos.first())),
    }
}

pub(super) fn this_set(vm: &mut Vm, args: &Args, method: &str) -> PyResult<Rc<RefCell<Set>>> {
    match args.pos.first().map(Value::unwrapped) {
        Some(Value::Set(d)) => Ok(d.clone()),
        _ => Err(descriptor_error(vm, method, "set", args.pos.first())),
    }
}

/// The receiver of a method that sets and frozensets share.
pub(super) fn this_any_set(vm: &mut Vm, args: &Args, method: &str) -> PyResult<Rc<RefCell<Set>>> {
    match args.pos.first().map(Value::unwrapped) {
        Some(Value::Set(d) | Value::FrozenSet(d)) => Ok(d.clone()),
        other => Err(descriptor_error(vm, method, "frozenset", other)),
    }
}

pub(super) fn strip_chars(args: &Args) -> Option<Vec<char>> {
    match args.pos.get(1) {
        Some(Value::Str(s)) => Some(s.chars().collect()),
        _ => None,
    }
}
