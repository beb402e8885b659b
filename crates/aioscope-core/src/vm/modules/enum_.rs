//! `enum.Enum`: a class body's plain attributes become members, instances
//! of the class itself, found by name (`Color.RED`, `Color['RED']`) or by
//! value (`Color(1)`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::dict::Dict;
use crate::vm::methods::def;
use crate::vm::types::new_class;
use crate::vm::value::{Args, Attrs, Class, ClassKind, Instance, Module, Payload, PyResult, Value};
use crate::vm::Vm;

fn auto(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Str("\u{0}enum.auto".into()))
}

fn is_auto(v: &Value) -> bool {
    matches!(v, Value::Str(s) if &**s == "\u{0}enum.auto")
}

/// Turns the plain attributes of a freshly built Enum subclass into its
/// members.
pub fn finish_enum_class(vm: &mut Vm, class: &Rc<Class>) -> PyResult<()> {
    let entries: Vec<(Rc<str>, Value)> = class.attrs.borrow().iter().cloned().collect();
    let mut members = Vec::new();
    let mut by_value = Dict::new();
    let mut next_auto = 1i64;
    for (name, value) in entries {
        if name.starts_with('_')
            || matches!(
                value,
                Value::Function(_) | Value::Native(_) | Value::Class(_)
            )
        {
            continue;
        }
        let value = if is_auto(&value) {
            Value::Int(next_auto)
        } else {
            value
        };
        if let Value::Int(i) = value {
            next_auto = i + 1;
        }
        // An alias: same value as an earlier member.
        let key = vm.key(value.clone())?;
        if let Some(existing) = by_value.get(&key).cloned() {
            class.attrs.borrow_mut().set(name, existing);
            continue;
        }
        let mut attrs = Attrs::default();
        attrs.set("_name_".into(), Value::Str(name.clone()));
        attrs.set("_value_".into(), value.clone());
        let member = Value::Instance(Rc::new(Instance {
            class: class.clone(),
            attrs: RefCell::new(attrs),
            payload: Payload::None,
            id: vm.next_id(),
        }));
        class.attrs.borrow_mut().set(name, member.clone());
        by_value.insert(key, member.clone());
        members.push(member);
    }
    let mut attrs = class.attrs.borrow_mut();
    attrs.set("_member_list_".into(), Value::list(members));
    attrs.set(
        "_value2member_map_".into(),
        Value::Dict(Rc::new(RefCell::new(by_value))),
    );
    Ok(())
}

/// `Color(value)` looks a member up by value; `Enum('Name', 'a b c')`
/// builds a class (the functional API).
fn enum_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(class)) = args.pos.first().cloned() else {
        return Err(vm.new_error("TypeError", "Enum.__new__ needs a class"));
    };
    let is_base = class.attrs.borrow().get("_member_list_").is_none();
    if is_base {
        let (Some(Value::Str(name)), Some(spec)) = (args.pos.get(1), args.pos.get(2)) else {
            return Err(vm.new_error(
                "TypeError",
                "EnumMeta.__call__() missing 1 required positional argument: 'value'",
            ));
        };
        let names: Vec<Value> = match spec {
            Value::Str(s) => s
                .replace(',', " ")
                .split_whitespace()
                .map(Value::str)
                .collect(),
            other => vm.collect(other)?,
        };
        let mut attrs = Attrs::default();
        attrs.set("__module__".into(), Value::str("__main__"));
        for (i, n) in names.into_iter().enumerate() {
            match n {
                Value::Str(s) => attrs.set(s, Value::Int(i as i64 + 1)),
                Value::Tuple(t) if t.len() == 2 => {
                    if let Value::Str(s) = &t[0] {
                        attrs.set(s.clone(), t[1].clone());
                    }
                }
                _ => {}
            }
        }
        return vm.make_class(name.clone(), name.clone(), vec![Value::Class(class)], attrs);
    }
    let Some(value) = args.pos.get(1).cloned() else {
        return Err(vm.new_error("TypeError", "missing value"));
    };
    // A member of the class is its own value.
    if let Value::Instance(i) = &value {
        if i.class.is_subclass(&class) {
            return Ok(value.clone());
        }
    }
    let map = class.attrs.borrow().get("_value2member_map_").cloned();
    if let Some(Value::Dict(d)) = map {
        let key = vm.key(value.clone())?;
        if let Some(m) = d.borrow().get(&key) {
            return Ok(m.clone());
        }
    }
    let r = vm.repr(&value)?;
    Err(vm.new_error(
        "ValueError",
        &format!("{} is not a valid {}", r, class.qualname),
    ))
}

/// The value behind an IntEnum member (anything else as it is).
fn plain(v: &Value) -> Value {
    if let Value::Instance(i) = v {
        if let Some(x) = i.attrs.borrow().get("_value_") {
            return x.clone();
        }
    }
    v.clone()
}

fn int_enum_cmp(vm: &mut Vm, args: &Args, op: crate::lang::ast::CmpOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.pos.first(), args.pos.get(1)) else {
        return Ok(Value::NotImplemented);
    };
    let (a, b) = (plain(a), plain(b));
    if !matches!(b, Value::Int(_) | Value::Bool(_) | Value::Float(_)) {
        return Ok(Value::NotImplemented);
    }
    vm.rich_compare(op, &a, &b)
}

fn int_enum_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_enum_cmp(vm, &args, crate::lang::ast::CmpOp::Eq)
}

fn int_enum_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_enum_cmp(vm, &args, crate::lang::ast::CmpOp::NotEq)
}

fn int_enum_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_enum_cmp(vm, &args, crate::lang::ast::CmpOp::Lt)
}

fn int_enum_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_enum_cmp(vm, &args, crate::lang::ast::CmpOp::LtE)
}

fn int_enum_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_enum_cmp(vm, &args, crate::lang::ast::CmpOp::Gt)
}

fn int_enum_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_enum_cmp(vm, &args, crate::lang::ast::CmpOp::GtE)
}

/// `hash()`, `int()` and `operator.index()` of a member: its value's.
fn int_enum_value(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().map(plain).unwrap_or(Value::None))
}

fn int_enum_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().map(plain).unwrap_or(Value::None);
    let hash = vm.builtins.get("hash").unwrap_or(Value::None);
    vm.call(&hash, Args::new(vec![v]))
}

/// The `enum` module.
pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("enum");
    let ids = std::cell::Cell::new(vm.next_id());
    let base = new_class(
        &ids,
        "Enum",
        "enum",
        vec![vm.types.object.clone()],
        ClassKind::Enum,
        Attrs::default(),
    )
    .expect("single base");
    def(&base, "__new__", enum_new);
    m.set("Enum", Value::Class(base.clone()));
    // IntEnum's members read as their value (3.11: str() and format()).
    let int_enum = new_class(
        &ids,
        "IntEnum",
        "enum",
        vec![base],
        ClassKind::Enum,
        Attrs::default(),
    )
    .expect("single base");
    // Members compare and hash as their int value.
    def(&int_enum, "__eq__", int_enum_eq);
    def(&int_enum, "__ne__", int_enum_ne);
    def(&int_enum, "__lt__", int_enum_lt);
    def(&int_enum, "__le__", int_enum_le);
    def(&int_enum, "__gt__", int_enum_gt);
    def(&int_enum, "__ge__", int_enum_ge);
    def(&int_enum, "__hash__", int_enum_hash);
    def(&int_enum, "__int__", int_enum_value);
    def(&int_enum, "__index__", int_enum_value);
    m.set("IntEnum", Value::Class(int_enum));
    m.set("auto", native("auto", auto));
    Ok(m)
}
