//! The methods of `object` and of the exception classes (`__init__`,
//! `__repr__`, `__str__`, `with_traceback`).

use crate::vm::value::{Args, ClassKind, PyResult, Value};
use crate::vm::Vm;

/// `object.__init__(self, *args)`: refuses arguments unless the class
/// overrides `__new__` (then the arguments were `__new__`'s).
pub(super) fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let class = match args.pos.first() {
            Some(v) => vm.types.class_of(vm, v),
            None => vm.types.object.clone(),
        };
        let own_init = !matches!(
            class.lookup("__init__"),
            Some(Value::Native(n)) if &*n.qualname == "object.__init__"
        );
        let own_new = !matches!(
            class.lookup("__new__"),
            Some(Value::Native(n)) if &*n.qualname == "object.__new__"
        );
        if own_init && class.kind != ClassKind::Exception {
            return Err(vm.new_error(
                "TypeError",
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if !own_new && class.kind != ClassKind::Exception {
            return Err(vm.new_error(
                "TypeError",
                &format!(
                    "{}.__init__() takes exactly one argument (the instance to initialize)",
                    class.name
                ),
            ));
        }
    }
    Ok(Value::None)
}

/// `object.__new__(cls, *args)`.
pub(super) fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(class)) = args.pos.first().cloned() else {
        let got = args
            .pos
            .first()
            .map(|v| v.type_name())
            .unwrap_or_else(|| "nothing".into());
        let msg = if args.pos.is_empty() {
            "object.__new__(): not enough arguments".to_string()
        } else {
            format!("object.__new__(X): X is not a type object ({})", got)
        };
        return Err(vm.new_error("TypeError", &msg));
    };
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let own_new = !matches!(
            class.lookup("__new__"),
            Some(Value::Native(n)) if &*n.qualname == "object.__new__"
        );
        let own_init = !matches!(
            class.lookup("__init__"),
            Some(Value::Native(n)) if &*n.qualname == "object.__init__"
        );
        if class.kind != ClassKind::Exception {
            if own_new {
                return Err(vm.new_error(
                    "TypeError",
                    "object.__new__() takes exactly one argument (the type to instantiate)",
                ));
            }
            if !own_init {
                return Err(
                    vm.new_error("TypeError", &format!("{}() takes no arguments", class.name))
                );
            }
        }
    }
    let rest = Args::new(args.pos[1..].to_vec());
    vm.object_new(&class, &rest)
}

/// `object.__eq__`: identity, else `NotImplemented`.
pub(super) fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) if a.is(b) => Ok(Value::Bool(true)),
        _ => Ok(Value::NotImplemented),
    }
}

/// `object.__ne__`: the inverse of `__eq__`, unless that is
/// `NotImplemented`.
pub(super) fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.pos.first().cloned(), args.pos.get(1).cloned()) else {
        return Ok(Value::NotImplemented);
    };
    match vm.user_dunder(&a, "__eq__")? {
        Some(eq) => {
            let r = vm.call(&eq, Args::new(vec![b]))?;
            if matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
            Ok(Value::Bool(!vm.truthy(&r)?))
        }
        None => Ok(if a.is(&b) {
            Value::Bool(false)
        } else {
            Value::NotImplemented
        }),
    }
}

/// `object.__lt__` and the other orderings: `NotImplemented`.
pub(super) fn object_not_implemented(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

/// `object.__hash__`: by identity.
pub(super) fn object_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    let h = match crate::vm::hash::identity_of(&v) {
        Some(id) => crate::vm::hash::identity(id),
        None => vm.hash(&v)?,
    };
    Ok(Value::Int(h))
}

/// `object.__str__`: the repr.
pub(super) fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::Str(vm.repr(&v)?.into()))
}

/// `object.__format__(spec)`: `str(self)` for an empty spec.
pub(super) fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match args.pos.get(1) {
        Some(Value::Str(s)) if !s.is_empty() => {
            let class = vm.types.class_of(vm, &v);
            Err(vm.new_error(
                "TypeError",
                &format!(
                    "unsupported format string passed to {}.__format__",
                    class.name
                ),
            ))
        }
        _ => Ok(Value::Str(vm.to_str(&v)?.into())),
    }
}

/// `object.__getattribute__(obj, name)`: the lookup without `__getattr__`.
pub(super) fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(obj), Some(Value::Str(name))) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.new_error(
            "TypeError",
            "object.__getattribute__() takes an object and an attribute name",
        ));
    };
    let (obj, name) = (obj.clone(), name.clone());
    match &obj {
        Value::Instance(inst) => {
            let inst = inst.clone();
            match vm.generic_getattr(&obj, &inst, &name)? {
                Some(v) => Ok(v),
                None => Err(vm.no_attr(&obj, &name)),
            }
        }
        other => vm.get_attr(other, &name),
    }
}

/// `object.__setattr__(obj, name, value)`: the store a class's own
/// `__setattr__` bypasses with it.
pub(super) fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1), args.pos.get(2)) {
        (Some(Value::Instance(inst)), Some(Value::Str(name)), Some(value)) => {
            let (inst, name, value) = (inst.clone(), name.clone(), value.clone());
            vm.generic_setattr(&Value::Instance(inst.clone()), &inst, &name, value)?;
            Ok(Value::None)
        }
        (Some(obj), Some(Value::Str(name)), Some(value)) => {
            let (obj, name, value) = (obj.clone(), name.clone(), value.clone());
            vm.set_attr(&obj, &name, value)?;
            Ok(Value::None)
        }
        _ => Err(vm.new_error(
            "TypeError",
            "object.__setattr__() takes an instance, an attribute name and a value",
        )),
    }
}

/// `object.__delattr__(obj, name)`.
pub(super) fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(Value::Instance(inst)), Some(Value::Str(name))) => {
            let (inst, name) = (inst.clone(), name.clone());
            vm.generic_delattr(&Value::Instance(inst.clone()), &inst, &name)?;
            Ok(Value::None)
        }
        (Some(obj), Some(Value::Str(name))) => {
            let (obj, name) = (obj.clone(), name.clone());
            vm.del_attr(&obj, &name)?;
            Ok(Value::None)
        }
        _ => Err(vm.new_error(
            "TypeError",
            "object.__delattr__() takes an instance and an attribute name",
        )),
    }
}

/// `object.__init_subclass__()`, a class method: takes no keywords.
pub(super) fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        let name = match args.pos.first() {
            Some(Value::Class(c)) => c.name.clone(),
            _ => "object".into(),
        };
        return Err(vm.new_error(
            "TypeError",
            &format!("{}.__init_subclass__() takes no keyword arguments", name),
        ));
    }
    Ok(Value::None)
}

/// `object.__subclasshook__()`, a class method: `NotImplemented`.
pub(super) fn object_subclasshook(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NotImplemented)
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
    let items = vm.shown_exception_args(&class, items);
    let mut parts = Vec::new();
    for it in &items {
        parts.push(vm.repr(it)?);
    }
    Ok(Value::Str(
        format!("{}({})", class.name, parts.join(", ")).into(),
    ))
}
