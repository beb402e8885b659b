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
        let member = Instance::new(class.clone(), Payload::None, vm.next_id());
        *member.attrs.borrow_mut() = attrs;
        let member = Value::Instance(Rc::new(member));
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
    m.set("IntEnum", Value::Class(base));
    m.set("auto", native("auto", auto));
    Ok(m)
}
