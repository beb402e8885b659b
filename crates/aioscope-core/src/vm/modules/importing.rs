//! `_importlib`: the import statement's own loading, callable with a name
//! known only at run time, for `importlib.py` (and `logging.config`'s
//! class names).

use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

/// `load(name)`: imports `name` as `import a.b.c` would (each package
/// first) and returns the module `a.b.c` itself.
fn py_load(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(vm.new_error("TypeError", "load() needs a module name")),
    };
    let mut path = String::new();
    let mut module = None;
    for part in name.split('.') {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(part);
        module = Some(vm.import(&path)?);
    }
    match module {
        Some(m) => Ok(Value::Module(m)),
        None => Err(vm.new_error("ValueError", "Empty module name")),
    }
}

/// The `_importlib` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_importlib");
    m.set("load", native("load", py_load));
    Ok(m)
}
