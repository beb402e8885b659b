//! The methods of `set` and `frozenset`, each the CPython method of the
//! same name (`containers.rs` has the algorithms).

use std::cell::RefCell;

use super::args::{check_arity, this_any_set, this_set};
use crate::vm::containers::{frozenset_value, set_value};
use crate::vm::set::Set;
use crate::vm::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// A result of the receiver's type: `set` methods give sets, `frozenset`
/// methods frozensets.
fn same_kind(args: &Args, s: Set) -> Value {
    match args.pos.first() {
        Some(Value::FrozenSet(_)) => frozenset_value(s),
        _ => set_value(s),
    }
}

pub(super) fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "set.add")?;
    let s = this_set(vm, &args, "add")?;
    let k = vm.key(args.pos[1].clone())?;
    vm.set_add(&s, k)?;
    Ok(Value::None)
}

pub(super) fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "set.discard")?;
    let s = this_set(vm, &args, "discard")?;
    let k = vm.set_lookup_key(&args.pos[1])?;
    vm.set_discard(&s, &k)?;
    Ok(Value::None)
}

pub(super) fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "set.remove")?;
    let s = this_set(vm, &args, "remove")?;
    let x = args.pos[1].clone();
    let k = vm.set_lookup_key(&x)?;
    if !vm.set_discard(&s, &k)? {
        return Err(vm.new_error_args("KeyError", vec![x]));
    }
    Ok(Value::None)
}

pub(super) fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "set.pop")?;
    let s = this_set(vm, &args, "pop")?;
    let v = s.borrow_mut().pop();
    match v {
        Some(k) => Ok(k),
        None => Err(vm.new_error("KeyError", "pop from an empty set")),
    }
}

pub(super) fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "set.clear")?;
    let s = this_set(vm, &args, "clear")?;
    s.borrow_mut().clear();
    Ok(Value::None)
}

pub(super) fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, usize::MAX, "set.update")?;
    let s = this_set(vm, &args, "update")?;
    for other in args.pos.iter().skip(1) {
        vm.set_update(&s, other)?;
    }
    Ok(Value::None)
}

pub(super) fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "copy")?;
    let s = this_any_set(vm, &args, "copy")?;
    // frozenset.copy() is the frozenset itself.
    if let Value::FrozenSet(_) = args.pos[0] {
        return Ok(args.pos[0].clone());
    }
    Ok(set_value(vm.set_copy(&s)?))
}

pub(super) fn set_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, usize::MAX, "union")?;
    let s = this_any_set(vm, &args, "union")?;
    let result = crate::vm::heap::tracked(RefCell::new(vm.set_copy(&s)?));
    for other in args.pos.iter().skip(1) {
        if other.is(&args.pos[0]) {
            continue;
        }
        vm.set_update(&result, other)?;
    }
    let r = result.borrow().clone();
    Ok(same_kind(&args, r))
}

/// `intersection(*others)`: the receiver intersected with each in turn.
fn intersection_multi(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Set> {
    check_arity(vm, args, 0, usize::MAX, name)?;
    let s = this_any_set(vm, args, name)?;
    if args.pos.len() == 1 {
        return vm.set_copy(&s);
    }
    let mut result = s;
    for other in args.pos.iter().skip(1) {
        let r = vm.set_intersection(&result, other)?;
        result = crate::vm::heap::tracked(RefCell::new(r));
    }
    let r = result.borrow().clone();
    Ok(r)
}

pub(super) fn set_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = intersection_multi(vm, &args, "intersection")?;
    Ok(same_kind(&args, r))
}

pub(super) fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "intersection_update")?;
    let r = intersection_multi(vm, &args, "intersection_update")?;
    s.borrow_mut().replace_body(r);
    Ok(Value::None)
}

pub(super) fn set_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, usize::MAX, "difference")?;
    let s = this_any_set(vm, &args, "difference")?;
    let Some(first) = args.pos.get(1) else {
        let r = vm.set_copy(&s)?;
        return Ok(same_kind(&args, r));
    };
    let result = crate::vm::heap::tracked(RefCell::new(vm.set_difference(&s, first)?));
    for other in args.pos.iter().skip(2) {
        vm.set_difference_update(&result, other)?;
    }
    let r = result.borrow().clone();
    Ok(same_kind(&args, r))
}

pub(super) fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, usize::MAX, "difference_update")?;
    let s = this_set(vm, &args, "difference_update")?;
    for other in args.pos.iter().skip(1) {
        vm.set_difference_update(&s, other)?;
    }
    Ok(Value::None)
}

pub(super) fn set_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match args.pos.first() {
        Some(Value::FrozenSet(_)) => "frozenset.symmetric_difference",
        _ => "set.symmetric_difference",
    };
    check_arity(vm, &args, 1, 1, name)?;
    let s = this_any_set(vm, &args, "symmetric_difference")?;
    let r = vm.set_symmetric_difference(&s, &args.pos[1])?;
    Ok(same_kind(&args, r))
}

pub(super) fn set_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "set.symmetric_difference_update")?;
    let s = this_set(vm, &args, "symmetric_difference_update")?;
    vm.set_symmetric_difference_update(&s, &args.pos[1])?;
    Ok(Value::None)
}

pub(super) fn set_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "issubset")?;
    let s = this_any_set(vm, &args, "issubset")?;
    Ok(Value::Bool(vm.set_issubset(&s, &args.pos[1])?))
}

pub(super) fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "issuperset")?;
    let s = this_any_set(vm, &args, "issuperset")?;
    Ok(Value::Bool(vm.set_issuperset(&s, &args.pos[1])?))
}

pub(super) fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "isdisjoint")?;
    let s = this_any_set(vm, &args, "isdisjoint")?;
    Ok(Value::Bool(vm.set_isdisjoint(&s, &args.pos[1])?))
}

pub(super) fn set_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "__contains__")?;
    let s = this_any_set(vm, &args, "__contains__")?;
    let k = vm.set_lookup_key(&args.pos[1])?;
    Ok(Value::Bool(vm.set_contains(&s, &k)?))
}

pub(super) fn set_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "__len__")?;
    let s = this_any_set(vm, &args, "__len__")?;
    let n = s.borrow().len();
    Ok(Value::Int(n as i64))
}
