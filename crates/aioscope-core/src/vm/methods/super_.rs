//! `super()`: attribute lookup that starts after a class in the MRO of
//! an instance's type (`super(C, obj)`, the zero-argument form in methods)
//! or of a class (`super(C, cls)` in class methods, `__new__`,
//! `__init_subclass__`), with descriptors bound as CPython binds them.

use std::any::Any;
use std::rc::Rc;

use crate::vm::value::{Args, BoundMethod, Class, NativeObject, PyResult, Value};
use crate::vm::Vm;

/// The object `super(class, this)` returns.
///
/// Invariant: `start` is `this` itself when `this` is a subclass of
/// `class` (class-level super), otherwise `type(this)`, an instance of
/// `class`.
pub struct SuperObj {
    class: Rc<Class>,
    this: Value,
    start: Rc<Class>,
    class_level: bool,
}

impl SuperObj {
    /// `super(self.class, self.this).name`.
    pub fn lookup(&self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        match name {
            "__thisclass__" => return Ok(Value::Class(self.class.clone())),
            "__self__" => return Ok(self.this.clone()),
            "__self_class__" => return Ok(Value::Class(self.start.clone())),
            "__class__" => return Ok(Value::Class(vm.types.super_.clone())),
            _ => {}
        }
        let chain: Vec<Rc<Class>> = std::iter::once(self.start.clone())
            .chain(self.start.mro.iter().cloned())
            .collect();
        let skip = chain
            .iter()
            .position(|c| Rc::ptr_eq(c, &self.class))
            .map(|p| p + 1)
            .unwrap_or(chain.len());
        for c in &chain[skip..] {
            let found = c.attrs.borrow().get(name).cloned();
            let Some(v) = found else {
                continue;
            };
            return match v {
                Value::Function(_) if !self.class_level => {
                    Ok(Value::BoundMethod(Rc::new(BoundMethod {
                        this: self.this.clone(),
                        func: v,
                    })))
                }
                Value::Native(_) if !self.class_level => {
                    let this = vm.native_receiver(&self.this, &self.start, &v);
                    Ok(Value::BoundMethod(Rc::new(BoundMethod { this, func: v })))
                }
                Value::Instance(ref d) if d.class.has(Class::IS_GET_DESCRIPTOR) => {
                    let d = d.clone();
                    let obj = (!self.class_level).then_some(&self.this);
                    vm.descr_get(&v, &d, obj, &self.start)
                }
                other => Ok(other),
            };
        }
        Err(vm.new_error(
            "AttributeError",
            &format!("'super' object has no attribute '{}'", name),
        ))
    }
}

impl NativeObject for SuperObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "super"
    }
    fn class(&self, vm: &Vm) -> Rc<Class> {
        vm.types.super_.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!(
            "<super: <class '{}'>, <{} object>>",
            self.class.name, self.start.name
        ))
    }
    fn get_attr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        Some(self.lookup(vm, name))
    }
}

/// `super(class, obj)`.
pub(super) fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.pos.get(1..).unwrap_or(&[]);
    match a.len() {
        0 => return Err(vm.new_error("RuntimeError", "super(): no arguments")),
        1 => {
            return Err(vm.new_error(
                "NotImplementedError",
                "unbound super objects (super(C) with one argument) are not supported yet",
            ))
        }
        2 => {}
        n => {
            return Err(vm.new_error(
                "TypeError",
                &format!("super() takes at most 2 arguments ({} given)", n),
            ))
        }
    }
    let class = match &a[0] {
        Value::Class(c) => c.clone(),
        other => {
            return Err(vm.new_error(
                "TypeError",
                &format!(
                    "super() argument 1 must be a type, not {}",
                    other.type_name()
                ),
            ))
        }
    };
    let this = a[1].clone();
    let (start, class_level) = match &this {
        Value::Class(c) if c.is_subclass(&class) => (c.clone(), true),
        other => {
            let t = vm.types.class_of(vm, other);
            if !t.is_subclass(&class) {
                return Err(vm.new_error(
                    "TypeError",
                    "super(type, obj): obj must be an instance or subtype of type",
                ));
            }
            (t, false)
        }
    };
    Ok(Value::Object(Rc::new(SuperObj {
        class,
        this,
        start,
        class_level,
    })))
}
