//! The methods of `dict`.

use std::cell::RefCell;
use std::rc::Rc;

use super::args::{check_arity, this_dict};
use crate::vm::value::{Args, Payload, PyResult, Value};
use crate::vm::Vm;

pub(super) fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 2, "get")?;
    let d = this_dict(vm, &args, "get")?;
    let k = vm.key(args.pos[1].clone())?;
    let v = d.borrow().get(&k).cloned();
    Ok(v.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

pub(super) fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "keys")?;
    let items = d.borrow().keys().cloned().collect();
    Ok(Value::list(items))
}

pub(super) fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "values")?;
    let items = d.borrow().values().cloned().collect();
    Ok(Value::list(items))
}

pub(super) fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "items")?;
    let items = d
        .borrow()
        .iter()
        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
        .collect();
    Ok(Value::list(items))
}

pub(super) fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 2, "pop")?;
    let d = this_dict(vm, &args, "pop")?;
    let k = vm.key(args.pos[1].clone())?;
    let v = d.borrow_mut().remove(&k);
    match (v, args.pos.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.new_error_args("KeyError", vec![args.pos[1].clone()])),
    }
}

pub(super) fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "popitem")?;
    let v = d.borrow_mut().pop_last();
    match v {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(vm.new_error("KeyError", "popitem(): dictionary is empty")),
    }
}

pub(super) fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 2, "setdefault")?;
    let d = this_dict(vm, &args, "setdefault")?;
    let k = vm.key(args.pos[1].clone())?;
    let existing = d.borrow().get(&k).cloned();
    match existing {
        Some(v) => Ok(v),
        None => {
            let v = args.pos.get(2).cloned().unwrap_or(Value::None);
            d.borrow_mut().insert(k, v.clone());
            Ok(v)
        }
    }
}

pub(super) fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "update")?;
    if let Some(other) = args.pos.get(1) {
        // A mapping is what has keys(); anything else gives pairs.
        let mapping = match other {
            Value::Dict(_) => true,
            Value::Instance(i) => {
                matches!(&i.payload, Payload::Builtin(Value::Dict(_)))
                    || vm.lookup_method(other, "keys")?.is_some()
            }
            _ => false,
        };
        let pairs = match other {
            _ if mapping => vm.mapping_items(other)?,
            _ => {
                let mut out = Vec::new();
                for item in vm.collect(other)? {
                    let kv = vm.unpack(&item, 2)?;
                    out.push((kv[0].clone(), kv[1].clone()));
                }
                out
            }
        };
        for (k, v) in pairs {
            let k = vm.key(k)?;
            d.borrow_mut().insert(k, v);
        }
    }
    for (k, v) in args.kw {
        let k = vm.key(Value::Str(k))?;
        d.borrow_mut().insert(k, v);
    }
    Ok(Value::None)
}

pub(super) fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "clear")?;
    d.borrow_mut().clear();
    Ok(Value::None)
}

pub(super) fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "copy")?;
    let c = d.borrow().clone();
    Ok(Value::Dict(Rc::new(RefCell::new(c))))
}
