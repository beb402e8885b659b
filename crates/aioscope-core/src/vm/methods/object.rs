//! The methods of `object` and of the exception classes (`__init__`,
//! `__repr__`, `__str__`, `with_traceback`).

use crate::vm::value::{Args, PyResult, Value};
use crate::vm::Vm;

pub(super) fn object_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `object.__setattr__(obj, name, value)`: the plain store a class's own
/// `__setattr__` bypasses with it (frozen dataclasses' `__init__`).
pub(super) fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1), args.pos.get(2)) {
        (Some(Value::Instance(inst)), Some(Value::Str(name)), Some(value)) => {
            inst.attrs.borrow_mut().set(name.clone(), value.clone());
            Ok(Value::None)
        }
        _ => Err(vm.new_error(
            "TypeError",
            "object.__setattr__() takes an instance, an attribute name and a value",
        )),
    }
}

pub(super) fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match &v {
        // `<object object at ...>`: builtins' classes go unqualified.
        Value::Instance(i) if &*i.class.module == "builtins" => Ok(Value::Str(
            format!(
                "<{} object at {}>",
                i.class.qualname,
                crate::vm::repr::fake_address(i.id)
            )
            .into(),
        )),
        Value::Instance(i) => Ok(Value::Str(
            format!(
                "<{}.{} object at {}>",
                i.class.module,
                i.class.qualname,
                crate::vm::repr::fake_address(i.id)
            )
            .into(),
        )),
        other => Ok(Value::Str(vm.repr(other)?.into())),
    }
}

pub(super) fn exception_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Err(vm.new_error("TypeError", "BaseException.__init__ needs an instance"));
    };
    if let Some(d) = this.exc() {
        d.borrow_mut().args = args.pos[1..].to_vec();
    }
    Ok(Value::None)
}

pub(super) fn exception_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

pub(super) fn exception_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::Str(vm.exception_str(&v)?.into()))
}

pub(super) fn exception_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    let class = vm.types.class_of(vm, &v);
    let items = v.exc().map(|d| d.borrow().args.clone()).unwrap_or_default();
    let mut parts = Vec::new();
    for it in &items {
        parts.push(vm.repr(it)?);
    }
    Ok(Value::Str(
        format!("{}({})", class.name, parts.join(", ")).into(),
    ))
}
