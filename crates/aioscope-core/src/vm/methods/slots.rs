//! The special methods of the built-in types as methods one can call
//! (`dict.__setitem__`, `str.__eq__`, `int.__add__`...): subclasses reach
//! them with `super()` or through the class. The interpreter's own
//! operators never call them; they work on the values directly, and these
//! methods do the same on the receiver's built-in value.

use std::rc::Rc;

use crate::lang::ast::{BinOp, CmpOp, UnaryOp};
use crate::vm::value::{Args, Class, NativeImpl, Payload, PyErr, PyResult, Value};
use crate::vm::Vm;

use super::def;

/// The built-in value an instance is: a namedtuple's is its tuple, so
/// that `tuple.__iter__(self)` in a subclass's own `__iter__` is the
/// tuple's.
fn plain(v: &Value) -> Value {
    match v {
        Value::Instance(i) => match &i.payload {
            Payload::Tuple(t) => Value::Tuple(t.clone()),
            _ => v.unwrapped().clone(),
        },
        _ => v.unwrapped().clone(),
    }
}

/// The receiver's built-in value and the first argument.
fn operands(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) => Ok((plain(a), b.clone())),
        _ => Err(vm.new_error("TypeError", &format!("expected 1 argument for {}", name))),
    }
}

fn receiver(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(a) => Ok(plain(a)),
        None => Err(vm.new_error(
            "TypeError",
            &format!("descriptor '{}' needs an argument", name),
        )),
    }
}

/// `NotImplemented` for the `TypeError` of operands that do not combine.
fn or_not_implemented(vm: &mut Vm, r: PyResult<Value>) -> PyResult<Value> {
    match r {
        Err(PyErr::Exception(e)) if vm.is_instance_of(&e, "TypeError") => Ok(Value::NotImplemented),
        other => other,
    }
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, k) = operands(vm, &args, "__getitem__")?;
    vm.get_item(&a, &k)
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, k) = operands(vm, &args, "__setitem__")?;
    let v = args.pos.get(2).cloned().unwrap_or(Value::None);
    vm.set_item(&a, k, v)?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, k) = operands(vm, &args, "__delitem__")?;
    vm.del_item(&a, &k)?;
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__len__")?;
    Ok(Value::Int(vm.len(&a)? as i64))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__iter__")?;
    vm.iter(&a)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, x) = operands(vm, &args, "__contains__")?;
    Ok(Value::Bool(vm.contains(&a, &x)?))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__repr__")?;
    Ok(Value::Str(vm.repr(&a)?.into()))
}

fn str_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__str__")?;
    Ok(Value::Str(vm.to_str(&a)?.into()))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, spec) = operands(vm, &args, "__format__")?;
    let spec = match spec {
        Value::Str(s) => s,
        other => {
            return Err(vm.new_error(
                "TypeError",
                &format!(
                    "__format__() argument must be str, not {}",
                    other.type_name()
                ),
            ))
        }
    };
    Ok(Value::Str(vm.format(&a, &spec)?.into()))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__hash__")?;
    let hash = vm.builtins.get("hash").unwrap_or(Value::None);
    vm.call(&hash, Args::new(vec![a]))
}

fn bool_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__bool__")?;
    Ok(Value::Bool(vm.truthy(&a)?))
}

fn int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__int__")?;
    let int = Value::Class(vm.types.int.clone());
    vm.call(&int, Args::new(vec![a]))
}

fn float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__float__")?;
    let float = Value::Class(vm.types.float.clone());
    vm.call(&float, Args::new(vec![a]))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__index__")?;
    vm.index_value(&a)
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver(vm, &args, "__abs__")?;
    let abs = vm.builtins.get("abs").unwrap_or(Value::None);
    vm.call(&abs, Args::new(vec![a]))
}

macro_rules! compare {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, b) = operands(vm, &args, stringify!($name))?;
            let b = b.unwrapped().clone();
            if matches!(b, Value::Instance(_) | Value::Object(_)) {
                return Ok(Value::NotImplemented);
            }
            let r = vm.rich_compare($op, &a, &b);
            or_not_implemented(vm, r)
        }
    };
}

compare!(eq, CmpOp::Eq);
compare!(ne, CmpOp::NotEq);
compare!(lt, CmpOp::Lt);
compare!(le, CmpOp::LtE);
compare!(gt, CmpOp::Gt);
compare!(ge, CmpOp::GtE);

macro_rules! arith {
    ($name:ident, $rname:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, b) = operands(vm, &args, stringify!($name))?;
            let b = b.unwrapped().clone();
            if matches!(b, Value::Instance(_) | Value::Object(_)) {
                return Ok(Value::NotImplemented);
            }
            let r = vm.binary($op, &a, &b);
            or_not_implemented(vm, r)
        }

        fn $rname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, b) = operands(vm, &args, stringify!($rname))?;
            let b = b.unwrapped().clone();
            if matches!(b, Value::Instance(_) | Value::Object(_)) {
                return Ok(Value::NotImplemented);
            }
            let r = vm.binary($op, &b, &a);
            or_not_implemented(vm, r)
        }
    };
}

arith!(add, radd, BinOp::Add);
arith!(sub, rsub, BinOp::Sub);
arith!(mul, rmul, BinOp::Mult);
arith!(truediv, rtruediv, BinOp::Div);
arith!(floordiv, rfloordiv, BinOp::FloorDiv);
arith!(mod_, rmod, BinOp::Mod);
arith!(pow, rpow, BinOp::Pow);
arith!(lshift, rlshift, BinOp::LShift);
arith!(rshift, rrshift, BinOp::RShift);
arith!(and, rand, BinOp::BitAnd);
arith!(or, ror, BinOp::BitOr);
arith!(xor, rxor, BinOp::BitXor);

macro_rules! unary {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let a = receiver(vm, &args, stringify!($name))?;
            vm.unary($op, &a)
        }
    };
}

unary!(neg, UnaryOp::USub);
unary!(pos, UnaryOp::UAdd);
unary!(invert, UnaryOp::Invert);

/// Installs the special methods of the built-in types.
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let all: Vec<Rc<Class>> = [
        &t.str_, &t.bytes, &t.tuple, &t.list, &t.dict, &t.set, &t.int, &t.float,
    ]
    .map(|c| c.clone())
    .to_vec();
    let common: &[(&str, NativeImpl)] = &[
        ("__repr__", repr),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__hash__", hash),
    ];
    for c in &all {
        for (name, f) in common {
            def(c, name, *f);
        }
    }
    let containers: &[(&str, NativeImpl)] = &[
        ("__getitem__", getitem),
        ("__len__", len),
        ("__iter__", iter),
        ("__contains__", contains),
    ];
    for c in &all[..6] {
        for (name, f) in containers {
            def(c, name, *f);
        }
    }
    for c in [&t.list, &t.dict] {
        def(c, "__setitem__", setitem);
        def(c, "__delitem__", delitem);
    }
    for c in [&t.list, &t.dict, &t.set] {
        // Mutable containers are unhashable.
        c.attrs.borrow_mut().set("__hash__".into(), Value::None);
    }
    let numbers: &[(&str, NativeImpl)] = &[
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__mod__", mod_),
        ("__rmod__", rmod),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__bool__", bool_),
        ("__int__", int),
        ("__float__", float),
        ("__abs__", abs),
        ("__neg__", neg),
        ("__pos__", pos),
    ];
    for c in [&t.int, &t.float] {
        for (name, f) in numbers {
            def(c, name, *f);
        }
    }
    let ints: &[(&str, NativeImpl)] = &[
        ("__index__", index),
        ("__invert__", invert),
        ("__lshift__", lshift),
        ("__rlshift__", rlshift),
        ("__rshift__", rshift),
        ("__rrshift__", rrshift),
        ("__and__", and),
        ("__rand__", rand),
        ("__or__", or),
        ("__ror__", ror),
        ("__xor__", xor),
        ("__rxor__", rxor),
    ];
    for (name, f) in ints {
        def(&t.int, name, *f);
    }
    let sequences: &[(&str, NativeImpl)] =
        &[("__add__", add), ("__mul__", mul), ("__rmul__", rmul)];
    for c in [&t.str_, &t.bytes, &t.tuple, &t.list] {
        for (name, f) in sequences {
            def(c, name, *f);
        }
    }
    def(&t.str_, "__mod__", mod_);
    def(&t.str_, "__str__", str_);
    for c in [&t.str_, &t.int, &t.float] {
        def(c, "__format__", format);
    }
    for (name, f) in [
        ("__sub__", sub as NativeImpl),
        ("__and__", and),
        ("__or__", or),
        ("__xor__", xor),
    ] {
        def(&t.set, name, f);
    }
    def(&t.dict, "__or__", or);
}
