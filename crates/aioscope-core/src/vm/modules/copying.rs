//! `_copy`: what `copy.py` cannot do in Python here: make an instance of a
//! class without running its `__init__` (CPython's `cls.__new__(cls)`).

use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::value::{Args, ClassKind, Instance, Module, Payload, PyResult, Value};
use crate::vm::Vm;

fn new_instance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(class)) = args.pos.first().cloned() else {
        return Err(vm.new_error("TypeError", "new_instance() needs a class"));
    };
    if class.kind == ClassKind::Builtin {
        let msg = format!("copying a '{}' object is not supported yet", class.name);
        return Err(vm.new_error("NotImplementedError", &msg));
    }
    let payload = match args.pos.get(1) {
        Some(Value::Tuple(items)) => Payload::Tuple(items.clone()),
        _ => Payload::None,
    };
    Ok(Value::Instance(crate::vm::heap::tracked(Instance::new(
        class,
        payload,
        vm.next_id(),
    ))))
}

/// The `_copy` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_copy");
    m.set("new_instance", native("new_instance", new_instance));
    Ok(m)
}
