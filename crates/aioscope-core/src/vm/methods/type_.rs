//! The methods of `type`, the default metaclass, which metaclasses
//! derived from it reach with `super()`: `__new__` (creating a class),
//! `__call__` (instantiating one), `__init__`, `__prepare__`, `mro()`,
//! `__subclasses__()`, the default `isinstance`/`issubclass` checks, and
//! the plain class attribute store.

use std::rc::Rc;

use crate::vm::value::{Args, Attrs, Class, PyResult, Value};
use crate::vm::Vm;

fn this_class(vm: &mut Vm, args: &Args, method: &str) -> PyResult<Rc<Class>> {
    match args.pos.first() {
        Some(Value::Class(c)) => Ok(c.clone()),
        other => {
            let got = other
                .map(|v| v.type_name())
                .unwrap_or_else(|| "nothing".into());
            Err(vm.new_error(
                "TypeError",
                &format!(
                    "descriptor '{}' for 'type' objects doesn't apply to a '{}' object",
                    method, got
                ),
            ))
        }
    }
}

/// `type(obj)`, or `type(name, bases, namespace, **kw)` and
/// `type.__new__(metaclass, name, bases, namespace, **kw)`.
pub fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let meta = this_class(vm, &args, "__new__")?;
    let is_type = Rc::ptr_eq(&meta, &vm.types.type_);
    match args.pos.len() {
        2 if is_type && args.kw.is_empty() => Ok(Value::Class(vm.types.class_of(vm, &args.pos[1]))),
        4 => {
            let name = match &args.pos[1] {
                Value::Str(s) => s.clone(),
                other => {
                    let msg = format!(
                        "type.__new__() argument 1 must be str, not {}",
                        other.type_name()
                    );
                    return Err(vm.new_error("TypeError", &msg));
                }
            };
            let bases = match &args.pos[2] {
                Value::Tuple(t) => t.to_vec(),
                other => {
                    let msg = format!(
                        "type.__new__() argument 2 must be tuple, not {}",
                        other.type_name()
                    );
                    return Err(vm.new_error("TypeError", &msg));
                }
            };
            let mut attrs = Attrs::default();
            for (k, v) in vm.mapping_items(&args.pos[3])? {
                if let Value::Str(k) = k {
                    attrs.set(k, v);
                }
            }
            let meta = (!is_type).then_some(meta);
            vm.new_type(meta, name, bases, attrs, args.kw)
        }
        _ if is_type => Err(vm.new_error("TypeError", "type() takes 1 or 3 arguments")),
        n => Err(vm.new_error(
            "TypeError",
            &format!("type.__new__() takes exactly 3 arguments ({} given)", n - 1),
        )),
    }
}

/// `type.__init__(cls, ...)`: nothing to do.
pub(super) fn type_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kw)`.
pub(super) fn type_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let class = this_class(vm, &args, "__call__")?;
    args.pos.remove(0);
    let invoked = vm.type_call(&class, args)?;
    vm.finish(invoked)
}

/// `type.__prepare__(name, bases, **kw)`: an empty namespace.
pub(super) fn type_prepare(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Dict(Default::default()))
}

/// `cls.mro()`.
pub(super) fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let class = this_class(vm, &args, "mro")?;
    let mut items = vec![Value::Class(class.clone())];
    items.extend(class.mro.iter().map(|c| Value::Class(c.clone())));
    Ok(Value::list(items))
}

/// `cls.__subclasses__()`: the live direct subclasses, oldest first.
pub(super) fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let class = this_class(vm, &args, "__subclasses__")?;
    let items = class
        .subclasses
        .borrow()
        .iter()
        .filter_map(|w| w.upgrade())
        .map(Value::Class)
        .collect();
    Ok(Value::list(items))
}

/// `type.__instancecheck__(cls, obj)`: the check without the metaclass's
/// hook.
pub(super) fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let class = this_class(vm, &args, "__instancecheck__")?;
    let obj = args.pos.get(1).cloned().unwrap_or(Value::None);
    let of = vm.types.class_of(vm, &obj);
    Ok(Value::Bool(of.is_subclass(&class)))
}

/// `type.__subclasscheck__(cls, sub)`.
pub(super) fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let class = this_class(vm, &args, "__subclasscheck__")?;
    match args.pos.get(1) {
        Some(Value::Class(sub)) => Ok(Value::Bool(sub.is_subclass(&class))),
        _ => Err(vm.new_error("TypeError", "issubclass() arg 1 must be a class")),
    }
}

/// `type.__setattr__(cls, name, value)`.
pub(super) fn type_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let class = this_class(vm, &args, "__setattr__")?;
    match (args.pos.get(1), args.pos.get(2)) {
        (Some(Value::Str(name)), Some(value)) => {
            let (name, value) = (name.clone(), value.clone());
            vm.type_setattr(&class, &name, Some(value))?;
            Ok(Value::None)
        }
        _ => Err(vm.new_error("TypeError", "attribute name must be string")),
    }
}

/// `type.__delattr__(cls, name)`.
pub(super) fn type_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let class = this_class(vm, &args, "__delattr__")?;
    match args.pos.get(1) {
        Some(Value::Str(name)) => {
            let name = name.clone();
            vm.type_setattr(&class, &name, None)?;
            Ok(Value::None)
        }
        _ => Err(vm.new_error("TypeError", "attribute name must be string")),
    }
}
