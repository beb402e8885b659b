//! The methods of `dict`.

use std::cell::RefCell;
use std::rc::Rc;

use super::args::{check_arity, this_dict};
use crate::vm::dict::Dict;
use crate::vm::value::{Args, DictPart, PyResult, Value};
use crate::vm::views::view;
use crate::vm::Vm;

pub(super) fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 2, "get")?;
    let d = this_dict(vm, &args, "get")?;
    let k = vm.key(args.pos[1].clone())?;
    let v = vm.dict_get(&d, &k)?;
    Ok(v.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

pub(super) fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "dict.keys")?;
    let d = this_dict(vm, &args, "keys")?;
    Ok(view(vm, &d, DictPart::Keys))
}

pub(super) fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "dict.values")?;
    let d = this_dict(vm, &args, "values")?;
    Ok(view(vm, &d, DictPart::Values))
}

pub(super) fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "dict.items")?;
    let d = this_dict(vm, &args, "items")?;
    Ok(view(vm, &d, DictPart::Items))
}

pub(super) fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 2, "pop")?;
    let d = this_dict(vm, &args, "pop")?;
    let k = vm.key(args.pos[1].clone())?;
    let v = vm.dict_remove(&d, &k)?;
    match (v, args.pos.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.new_error_args("KeyError", vec![args.pos[1].clone()])),
    }
}

pub(super) fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "dict.popitem")?;
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
    match vm.dict_get(&d, &k)? {
        Some(v) => Ok(v),
        None => {
            let v = args.pos.get(2).cloned().unwrap_or(Value::None);
            vm.dict_set(&d, k, v.clone())?;
            Ok(v)
        }
    }
}

/// `dict.update(other, **kw)` and `dict(other, **kw)`: a mapping's items
/// (a dict's with their hashes), or an iterable of pairs.
pub(super) fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 2 {
        return Err(vm.new_error(
            "TypeError",
            &format!(
                "update expected at most 1 argument, got {}",
                args.pos.len() - 1
            ),
        ));
    }
    let d = this_dict(vm, &args, "update")?;
    if let Some(other) = args.pos.get(1) {
        match other {
            Value::Dict(o) => {
                if !Rc::ptr_eq(o, &d) {
                    let entries: Vec<_> = o.borrow().entries().cloned().collect();
                    for e in entries {
                        let k = crate::vm::keys::Key {
                            hash: e.hash,
                            value: e.key,
                        };
                        vm.dict_set(&d, k, e.value)?;
                    }
                }
            }
            // A mapping: a dict subclass, or anything with keys().
            Value::Instance(_) | Value::Object(_)
                if matches!(other.unwrapped(), Value::Dict(_))
                    || vm.lookup_method(other, "keys")?.is_some() =>
            {
                for (k, v) in vm.mapping_items(other)? {
                    let k = vm.key(k)?;
                    vm.dict_set(&d, k, v)?;
                }
            }
            _ => {
                let it = vm.iter(other)?;
                let mut n = 0;
                while let Some(item) = vm.next(&it)? {
                    let kv = match vm.collect(&item) {
                        Ok(kv) => kv,
                        Err(_) => {
                            return Err(vm.new_error(
                                "TypeError",
                                &format!(
                                    "cannot convert dictionary update sequence element #{} to a sequence",
                                    n
                                ),
                            ))
                        }
                    };
                    if kv.len() != 2 {
                        return Err(vm.new_error(
                            "ValueError",
                            &format!(
                                "dictionary update sequence element #{} has length {}; 2 is required",
                                n,
                                kv.len()
                            ),
                        ));
                    }
                    let mut kv = kv.into_iter();
                    let (k, v) = (
                        kv.next().unwrap_or(Value::None),
                        kv.next().unwrap_or(Value::None),
                    );
                    let k = vm.key(k)?;
                    vm.dict_set(&d, k, v)?;
                    n += 1;
                }
            }
        }
    }
    for (k, v) in args.kw {
        let k = crate::vm::keys::Key::str(k);
        vm.dict_set(&d, k, v)?;
    }
    Ok(Value::None)
}

pub(super) fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "dict.clear")?;
    let d = this_dict(vm, &args, "clear")?;
    d.borrow_mut().clear();
    Ok(Value::None)
}

pub(super) fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "dict.copy")?;
    let d = this_dict(vm, &args, "copy")?;
    let c = d.borrow().clone();
    Ok(Value::Dict(crate::vm::heap::tracked(RefCell::new(c))))
}

pub(super) fn dict_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "dict.__contains__")?;
    let d = this_dict(vm, &args, "__contains__")?;
    let k = vm.key(args.pos[1].clone())?;
    Ok(Value::Bool(vm.dict_contains(&d, &k)?))
}

/// `dict.fromkeys(iterable, value=None)`, a class method: the class
/// argument (when called on `dict`) is skipped.
pub(super) fn dict_fromkeys(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if let Some(Value::Class(_)) = args.pos.first() {
        args.pos.remove(0);
    }
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(vm.new_error(
            "TypeError",
            &format!(
                "fromkeys expected at least 1 argument, got {}",
                args.pos.len()
            ),
        ));
    }
    let value = args.pos.get(1).cloned().unwrap_or(Value::None);
    let d = crate::vm::heap::tracked(RefCell::new(Dict::new()));
    let it = vm.iter(&args.pos[0])?;
    while let Some(k) = vm.next(&it)? {
        let k = vm.key(k)?;
        vm.dict_set(&d, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}
