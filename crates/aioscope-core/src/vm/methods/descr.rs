//! The built-in descriptors: `property` (with `getter`/`setter`/`deleter`),
//! `classmethod`, `staticmethod`, and the `member_descriptor` of each slot
//! of `__slots__`. Attribute access (`attr.rs`) applies them without
//! calling these methods; they are here for explicit calls
//! (`prop.__get__(obj)`, `super().x.fset`...) and for subclasses.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::value::{Args, Class, Instance, Payload, PropertyData, PyResult, Value};
use crate::vm::Vm;

/// The descriptor instance a native method was called on.
fn this(vm: &mut Vm, args: &Args, what: &str) -> PyResult<Rc<Instance>> {
    match args.pos.first() {
        Some(Value::Instance(d)) => Ok(d.clone()),
        other => {
            let got = other
                .map(|v| v.type_name())
                .unwrap_or_else(|| "nothing".into());
            Err(vm.new_error(
                "TypeError",
                &format!(
                    "descriptor '{}' requires a '{}' object but received a '{}'",
                    what.split('.').nth(1).unwrap_or(what),
                    what.split('.').next().unwrap_or(what),
                    got
                ),
            ))
        }
    }
}

/// The class a descriptor constructor was called with.
fn cls_arg(vm: &mut Vm, args: &Args) -> PyResult<Rc<Class>> {
    match args.pos.first() {
        Some(Value::Class(c)) => Ok(c.clone()),
        _ => Err(vm.new_error("TypeError", "__new__ needs a class")),
    }
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`'s arguments.
fn property_data(vm: &mut Vm, args: &Args) -> PyResult<PropertyData> {
    let names = ["fget", "fset", "fdel", "doc"];
    let mut parts = [Value::None, Value::None, Value::None, Value::None];
    let pos = args.pos.get(1..).unwrap_or(&[]);
    if pos.len() > 4 {
        return Err(vm.new_error(
            "TypeError",
            &format!("property() takes at most 4 arguments ({} given)", pos.len()),
        ));
    }
    for (i, v) in pos.iter().enumerate() {
        parts[i] = v.clone();
    }
    for (k, v) in &args.kw {
        match names.iter().position(|n| *n == &**k) {
            Some(i) => parts[i] = v.clone(),
            None => {
                return Err(vm.new_error(
                    "TypeError",
                    &format!("property() got an unexpected keyword argument '{}'", k),
                ))
            }
        }
    }
    let [fget, fset, fdel, doc] = parts;
    let doc = match (&doc, &fget) {
        (Value::None, Value::Function(_)) => vm.get_attr(&fget, "__doc__")?,
        _ => doc,
    };
    Ok(PropertyData {
        fget,
        fset,
        fdel,
        doc,
        name: None,
    })
}

pub(super) fn property_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let data = property_data(vm, &args)?;
    Ok(vm.new_descriptor(&cls, Payload::Property(RefCell::new(data))))
}

pub(super) fn property_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "property.__init__")?;
    let data = property_data(vm, &args)?;
    if let Payload::Property(p) = &d.payload {
        let name = p.borrow().name.clone();
        *p.borrow_mut() = PropertyData { name, ..data };
    }
    Ok(Value::None)
}

/// `getter`, `setter` and `deleter`: a copy of the property (of the same
/// class) with one accessor replaced.
fn property_with(vm: &mut Vm, args: Args, which: usize, what: &str) -> PyResult<Value> {
    let d = this(vm, &args, what)?;
    let Payload::Property(p) = &d.payload else {
        return Err(vm.new_error("TypeError", "not a property"));
    };
    let Some(f) = args.pos.get(1).cloned() else {
        return Err(vm.new_error(
            "TypeError",
            &format!("{}() takes exactly one argument (0 given)", what),
        ));
    };
    let mut data = p.borrow().clone();
    match which {
        0 => data.fget = f,
        1 => data.fset = f,
        _ => data.fdel = f,
    }
    if d.class.kind == crate::vm::value::ClassKind::Builtin {
        let class = d.class.clone();
        return Ok(vm.new_descriptor(&class, Payload::Property(RefCell::new(data))));
    }
    // A subclass of property: built by calling it, as CPython does.
    let class = Value::Class(d.class.clone());
    let new = vm.call(
        &class,
        Args::new(vec![data.fget, data.fset, data.fdel, data.doc]),
    )?;
    if let (Value::Instance(n), Some(name)) = (&new, data.name) {
        if let Payload::Property(q) = &n.payload {
            q.borrow_mut().name = Some(name);
        }
    }
    Ok(new)
}

pub(super) fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 0, "getter")
}

pub(super) fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 1, "setter")
}

pub(super) fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 2, "deleter")
}

pub(super) fn property_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "property.__set_name__")?;
    if let (Payload::Property(p), Some(Value::Str(name))) = (&d.payload, args.pos.get(2)) {
        p.borrow_mut().name = Some(name.clone());
    }
    Ok(Value::None)
}

/// `descr.__get__(obj, type=None)` for any built-in descriptor.
pub(super) fn descr_get_native(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__get__")?;
    let descr = Value::Instance(d.clone());
    let obj = args.pos.get(1).cloned().unwrap_or(Value::None);
    let owner = match (args.pos.get(2), &obj) {
        (Some(Value::Class(c)), _) => c.clone(),
        (_, Value::None) => {
            return Err(vm.new_error("TypeError", "__get__(None, None) is invalid"));
        }
        (_, o) => vm.types.class_of(vm, o),
    };
    let obj = (!matches!(obj, Value::None)).then_some(obj);
    vm.descr_get(&descr, &d, obj.as_ref(), &owner)
}

/// `descr.__set__(obj, value)`.
pub(super) fn descr_set_native(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__set__")?;
    let (Some(obj), Some(value)) = (args.pos.get(1), args.pos.get(2)) else {
        return Err(vm.new_error("TypeError", "__set__ expected 2 arguments"));
    };
    vm.descr_set(&Value::Instance(d.clone()), &d, obj, Some(value.clone()))?;
    Ok(Value::None)
}

/// `descr.__delete__(obj)`.
pub(super) fn descr_delete_native(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__delete__")?;
    let Some(obj) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "__delete__ expected 1 argument"));
    };
    vm.descr_set(&Value::Instance(d.clone()), &d, obj, None)?;
    Ok(Value::None)
}

fn one_function(vm: &mut Vm, args: &Args, what: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.new_error(
            "TypeError",
            &format!("{}() takes no keyword arguments", what),
        ));
    }
    match args.pos.len() {
        2 => Ok(args.pos[1].clone()),
        n => Err(vm.new_error(
            "TypeError",
            &format!("{} expected 1 argument, got {}", what, n.saturating_sub(1)),
        )),
    }
}

pub(super) fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let f = one_function(vm, &args, "classmethod")?;
    Ok(vm.new_descriptor(&cls, Payload::ClassMethod(f)))
}

pub(super) fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let f = one_function(vm, &args, "staticmethod")?;
    Ok(vm.new_descriptor(&cls, Payload::StaticMethod(f)))
}

/// `classmethod.__init__(f)` and `staticmethod.__init__(f)`: `__new__`
/// already took the function.
pub(super) fn wrapper_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__init__")?;
    Ok(Value::None)
}

/// A static method is callable itself (3.10+).
pub(super) fn staticmethod_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "staticmethod.__call__")?;
    let Payload::StaticMethod(f) = &d.payload else {
        return Err(vm.new_error("TypeError", "not a staticmethod"));
    };
    let f = f.clone();
    args.pos.remove(0);
    vm.call(&f, args)
}

/// `function.__get__(obj, type=None)`: a function is a non-data
/// descriptor; through an instance it gives a bound method.
pub(super) fn function_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(f), obj) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.new_error("TypeError", "__get__ expected at least 1 argument, got 0"));
    };
    match obj {
        None | Some(Value::None) => Ok(f.clone()),
        Some(o) => Ok(Value::BoundMethod(Rc::new(crate::vm::value::BoundMethod {
            this: o.clone(),
            func: f.clone(),
        }))),
    }
}
