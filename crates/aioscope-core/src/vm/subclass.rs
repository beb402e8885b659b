//! Subclasses of built-in types (`class Registry(dict)`, `class Tag(str)`,
//! `class Flags(int)`): their instances are [`Payload::Builtin`] instances
//! holding the built-in value, which built-in operations and the built-in
//! methods work on. Here are the constructors that make them (each
//! built-in `__new__` wrapped: the exact type constructs as before, a
//! subclass gets an instance; a mutable type's value starts empty and its
//! `__init__` fills it, as in CPython) and the numeric conversions
//! `int()`/`float()` ask of instances (`__int__`, `__index__`,
//! `__float__`, `__trunc__`).

use std::rc::Rc;

use super::builtins;
use super::methods::def;
use super::value::{Args, Class, Instance, NativeImpl, Payload, PyResult, Value};
use super::Vm;

/// `base.__new__(cls, *args)`: the built-in value itself when `cls` is
/// `base`, otherwise an instance of `cls` holding it (empty for a mutable
/// type, whose `__init__` fills it).
fn construct(
    vm: &mut Vm,
    mut args: Args,
    base: &Rc<Class>,
    inner: NativeImpl,
    mutable: bool,
) -> PyResult<Value> {
    let cls = match args.pos.first() {
        Some(Value::Class(c)) if !Rc::ptr_eq(c, base) => c.clone(),
        _ => return inner(vm, args),
    };
    if !cls.is_subclass(base) {
        return Err(vm.new_error(
            "TypeError",
            &format!(
                "{}.__new__({}): {} is not a subtype of {}",
                base.name, cls.name, cls.name, base.name
            ),
        ));
    }
    if cls.has(Class::ABSTRACT) {
        return Err(vm.abstract_error(&cls));
    }
    let value = if mutable {
        inner(vm, Args::new(vec![Value::Class(base.clone())]))?
    } else {
        args.pos[0] = Value::Class(base.clone());
        inner(vm, args)?
    };
    Ok(Value::Instance(crate::vm::heap::tracked(Instance::new(
        cls,
        Payload::Builtin(value),
        vm.next_id(),
    ))))
}

/// The argument of `int(x)` or `float(x)` as a built-in number when `x`
/// is an instance: its conversion method's result, or a subclass's value.
fn numeric_arg(vm: &mut Vm, args: &mut Args, float: bool) -> PyResult<()> {
    let Some(v @ Value::Instance(_)) = args.pos.get(1).cloned() else {
        return Ok(());
    };
    if args.pos.len() > 2 {
        return Ok(());
    }
    let own = if float { "__float__" } else { "__int__" };
    let converted = if let Some(m) = vm.user_dunder(&v, own)? {
        let r = vm.call(&m, Args::default())?;
        let ok = if float {
            matches!(r.unwrapped(), Value::Float(_))
        } else {
            matches!(
                r.unwrapped(),
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_)
            )
        };
        if !ok {
            let msg = if float {
                let class = vm.types.class_of(vm, &v);
                format!(
                    "{}.__float__ returned non-float (type {})",
                    class.name,
                    r.type_name()
                )
            } else {
                format!("__int__ returned non-int (type {})", r.type_name())
            };
            return Err(vm.new_error("TypeError", &msg));
        }
        r.unwrapped().clone()
    } else if vm.user_dunder(&v, "__index__")?.is_some() {
        vm.index_value(&v)?
    } else if let (false, Some(m)) = (float, vm.user_dunder(&v, "__trunc__")?) {
        vm.call(&m, Args::default())?
    } else if let Some(inner) = v.builtin_payload() {
        inner.clone()
    } else {
        return Ok(());
    };
    args.pos[1] = converted;
    Ok(())
}

macro_rules! constructor {
    ($name:ident, $field:ident, $inner:path, $mutable:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let base = vm.types.$field.clone();
            construct(vm, args, &base, $inner, $mutable)
        }
    };
}

constructor!(str_new, str_, builtins::str_new, false);
constructor!(bytes_new, bytes, builtins::bytes_new, false);
constructor!(tuple_new, tuple, builtins::tuple_new, false);
constructor!(list_new, list, builtins::list_new, true);
constructor!(dict_new, dict, builtins::dict_new, true);
constructor!(set_new, set, builtins::set_new, true);
constructor!(frozenset_new, frozenset, builtins::frozenset_new, false);

fn int_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    numeric_arg(vm, &mut args, false)?;
    let base = vm.types.int.clone();
    construct(vm, args, &base, builtins::int_new, false)
}

fn float_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    numeric_arg(vm, &mut args, true)?;
    let base = vm.types.float.clone();
    construct(vm, args, &base, builtins::float_new, false)
}

/// `list.__init__(self, iterable=())`: the list becomes the items.
fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::List(l)) = args.pos.first().map(Value::unwrapped).cloned() else {
        return Err(vm.new_error(
            "TypeError",
            "descriptor '__init__' requires a 'list' object",
        ));
    };
    if args.pos.len() > 2 {
        return Err(vm.new_error(
            "TypeError",
            &format!(
                "list expected at most 1 argument, got {}",
                args.pos.len() - 1
            ),
        ));
    }
    let items = match args.pos.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    *l.borrow_mut() = items;
    Ok(Value::None)
}

/// `dict.__init__(self, *args, **kw)`: `update` with them.
fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(d @ Value::Dict(_)) = args.pos.first().map(Value::unwrapped).cloned() else {
        return Err(vm.new_error(
            "TypeError",
            "descriptor '__init__' requires a 'dict' object",
        ));
    };
    if args.pos.len() > 2 {
        return Err(vm.new_error(
            "TypeError",
            &format!(
                "dict expected at most 1 argument, got {}",
                args.pos.len() - 1
            ),
        ));
    }
    let update = vm.get_attr(&d, "update")?;
    let mut a = args;
    a.pos.remove(0);
    vm.call(&update, a)?;
    Ok(Value::None)
}

/// `set.__init__(self, iterable=())`.
fn set_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Set(s)) = args.pos.first().map(Value::unwrapped).cloned() else {
        return Err(vm.new_error("TypeError", "descriptor '__init__' requires a 'set' object"));
    };
    let items = vm.new_set(args.pos.get(1))?;
    s.borrow_mut().replace_body(items);
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`, a class method: a subclass
/// builds an instance of itself.
fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(keys) = args.pos.get(1).cloned() else {
        return Err(vm.new_error("TypeError", "fromkeys expected at least 1 argument, got 0"));
    };
    let value = args.pos.get(2).cloned().unwrap_or(Value::None);
    let target = vm.call(&cls, Args::default())?;
    for k in vm.collect(&keys)? {
        vm.set_item(&target, k, value.clone())?;
    }
    Ok(target)
}

/// Wraps the built-in constructors and adds the `__init__`s subclasses
/// call through `super()`.
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let news: [(&Rc<Class>, NativeImpl); 9] = [
        (&t.str_, str_new),
        (&t.bytes, bytes_new),
        (&t.tuple, tuple_new),
        (&t.list, list_new),
        (&t.dict, dict_new),
        (&t.set, set_new),
        (&t.frozenset, frozenset_new),
        (&t.int, int_new),
        (&t.float, float_new),
    ];
    for (class, f) in news {
        def(class, "__new__", f);
    }
    def(&t.list, "__init__", list_init);
    def(&t.dict, "__init__", dict_init);
    def(&t.set, "__init__", set_init);
    let dict = t.dict.clone();
    if dict.attrs.borrow().get("fromkeys").is_none() {
        def(&dict, "fromkeys", dict_fromkeys);
        let f = dict
            .attrs
            .borrow()
            .get("fromkeys")
            .cloned()
            .unwrap_or(Value::None);
        let cm = vm.types.classmethod.clone();
        let d = vm.implicit_descriptor(&cm, Payload::ClassMethod(f));
        dict.attrs.borrow_mut().set("fromkeys".into(), d);
    }
}
