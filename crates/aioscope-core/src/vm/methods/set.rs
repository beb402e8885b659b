//! The methods of `set`.

use std::cell::RefCell;
use std::rc::Rc;

use super::args::{check_arity, this_set};
use crate::vm::value::{Args, PyResult, Value};
use crate::vm::Vm;

pub(super) fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "set.add")?;
    let s = this_set(vm, &args, "add")?;
    let k = vm.key(args.pos[1].clone())?;
    s.borrow_mut().insert(k, Value::None);
    Ok(Value::None)
}

pub(super) fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "discard")?;
    let k = vm.key(args.pos.get(1).cloned().unwrap_or(Value::None))?;
    s.borrow_mut().remove(&k);
    Ok(Value::None)
}

pub(super) fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "remove")?;
    let x = args.pos.get(1).cloned().unwrap_or(Value::None);
    let k = vm.key(x.clone())?;
    if s.borrow_mut().remove(&k).is_none() {
        return Err(vm.new_error_args("KeyError", vec![x]));
    }
    Ok(Value::None)
}

pub(super) fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "pop")?;
    let v = s.borrow_mut().pop_first();
    match v {
        Some((k, _)) => Ok(k),
        None => Err(vm.new_error("KeyError", "pop from an empty set")),
    }
}

pub(super) fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "update")?;
    for other in args.pos.iter().skip(1) {
        for it in vm.collect(other)? {
            let k = vm.key(it)?;
            s.borrow_mut().insert(k, Value::None);
        }
    }
    Ok(Value::None)
}

pub(super) fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "copy")?;
    let c = s.borrow().clone();
    Ok(Value::Set(Rc::new(RefCell::new(c))))
}

pub(super) fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "clear")?;
    s.borrow_mut().clear();
    Ok(Value::None)
}
