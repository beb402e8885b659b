//! Native modules: the native half of `collections` (`deque`, `namedtuple`).

use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::vm::builtins::{int_arg, native};
use crate::vm::methods::def;
use crate::vm::types::new_class;
use crate::vm::value::{
    Args, Attrs, Class, ClassKind, Instance, Iter, Module, NativeObject, Payload, PyResult, Value,
};
use crate::vm::Vm;

fn namedtuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(class)) = args.pos.first().cloned() else {
        return Err(vm.new_error("TypeError", "namedtuple.__new__ needs a class"));
    };
    let fields: Vec<Rc<str>> = match class.lookup("_fields") {
        Some(Value::Tuple(t)) => t
            .iter()
            .filter_map(|f| match f {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut slots: Vec<Option<Value>> = vec![None; fields.len()];
    let given = args.pos.len() - 1;
    if given > fields.len() {
        return Err(vm.new_error(
            "TypeError",
            &format!(
                "{}.__new__() takes {} positional arguments but {} were given",
                class.name,
                fields.len() + 1,
                given + 1
            ),
        ));
    }
    for (i, v) in args.pos.into_iter().skip(1).enumerate() {
        slots[i] = Some(v);
    }
    for (k, v) in args.kw {
        match fields.iter().position(|f| *f == k) {
            Some(i) if slots[i].is_none() => slots[i] = Some(v),
            Some(_) => {
                return Err(vm.new_error(
                    "TypeError",
                    &format!(
                        "{}.__new__() got multiple values for argument '{}'",
                        class.name, k
                    ),
                ))
            }
            None => {
                return Err(vm.new_error(
                    "TypeError",
                    &format!(
                        "{}.__new__() got an unexpected keyword argument '{}'",
                        class.name, k
                    ),
                ))
            }
        }
    }
    if let Some(Value::Dict(defaults)) = class.lookup("_field_defaults") {
        for (f, slot) in fields.iter().zip(slots.iter_mut()) {
            if slot.is_none() {
                let k = crate::vm::keys::Key::str(f.clone());
                *slot = defaults.borrow().get(&k).cloned();
            }
        }
    }
    let missing: Vec<String> = fields
        .iter()
        .zip(slots.iter())
        .filter(|(_, s)| s.is_none())
        .map(|(f, _)| format!("'{}'", f))
        .collect();
    if !missing.is_empty() {
        return Err(vm.new_error(
            "TypeError",
            &format!(
                "{}.__new__() missing {} required positional argument{}: {}",
                class.name,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                missing.join(" and ")
            ),
        ));
    }
    let items: Vec<Value> = slots
        .into_iter()
        .map(|s| s.unwrap_or(Value::None))
        .collect();
    Ok(Value::Instance(crate::vm::heap::tracked(Instance::new(
        class,
        Payload::Tuple(items.into()),
        vm.next_id(),
    ))))
}

/// Whether `name` is a Python identifier (`str.isidentifier()`).
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

fn is_keyword(name: &str) -> bool {
    crate::lang::token::Keyword::lookup(name).is_some()
}

/// `collections.namedtuple(typename, field_names, *, rename=False,
/// defaults=None, module=None)`, with CPython's checks of the names.
pub(crate) fn namedtuple(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let defaults = args.take_kw("defaults");
    let module_kw = args.take_kw("module");
    let rename = match args.take_kw("rename") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("namedtuple() got an unexpected keyword argument '{}'", k);
        return Err(vm.new_error("TypeError", &msg));
    }
    let (Some(typename), Some(spec)) = (args.pos.first().cloned(), args.pos.get(1).cloned()) else {
        let missing = if args.pos.is_empty() {
            "2 required positional arguments: 'typename' and 'field_names'"
        } else {
            "1 required positional argument: 'field_names'"
        };
        return Err(vm.new_error("TypeError", &format!("namedtuple() missing {}", missing)));
    };
    if args.pos.len() > 2 {
        let msg = format!(
            "namedtuple() takes 2 positional arguments but {} were given",
            args.pos.len()
        );
        return Err(vm.new_error("TypeError", &msg));
    }
    let mut fields: Vec<String> = match &spec {
        Value::Str(s) => s
            .replace(',', " ")
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        other => {
            let items = vm.collect(other)?;
            let mut out = Vec::with_capacity(items.len());
            for v in &items {
                out.push(vm.to_str(v)?);
            }
            out
        }
    };
    let name = vm.to_str(&typename)?;
    if rename {
        let mut seen: Vec<String> = Vec::new();
        for (i, f) in fields.iter_mut().enumerate() {
            let original = f.clone();
            if !is_identifier(f) || is_keyword(f) || f.starts_with('_') || seen.contains(f) {
                *f = format!("_{}", i);
            }
            seen.push(original);
        }
    }
    for n in std::iter::once(&name).chain(fields.iter()) {
        let r = vm.repr(&Value::str(n))?;
        if !is_identifier(n) {
            let msg = format!(
                "Type names and field names must be valid identifiers: {}",
                r
            );
            return Err(vm.new_error("ValueError", &msg));
        }
        if is_keyword(n) {
            let msg = format!("Type names and field names cannot be a keyword: {}", r);
            return Err(vm.new_error("ValueError", &msg));
        }
    }
    let mut seen: Vec<&String> = Vec::new();
    for f in &fields {
        let r = vm.repr(&Value::str(f))?;
        if f.starts_with('_') && !rename {
            let msg = format!("Field names cannot start with an underscore: {}", r);
            return Err(vm.new_error("ValueError", &msg));
        }
        if seen.contains(&f) {
            let msg = format!("Encountered duplicate field name: {}", r);
            return Err(vm.new_error("ValueError", &msg));
        }
        seen.push(f);
    }
    // Defaults fill the rightmost fields.
    let mut field_defaults = super::super::dict::Dict::default();
    if let Some(d) = defaults.filter(|d| !matches!(d, Value::None)) {
        let values = vm.collect(&d)?;
        if values.len() > fields.len() {
            return Err(vm.new_error("TypeError", "Got more default values than field names"));
        }
        let first = fields.len() - values.len();
        for (f, v) in fields[first..].iter().zip(values) {
            let key = vm.key(Value::str(f))?;
            field_defaults.insert(key, v);
        }
    }
    let module: Rc<str> = match module_kw {
        Some(Value::Str(m)) => m,
        _ => "__main__".into(),
    };
    let mut attrs = Attrs::default();
    let field_names = Value::tuple(fields.iter().map(|f| Value::str(f)).collect());
    attrs.set("_fields".into(), field_names.clone());
    // Class patterns match a namedtuple's fields by position.
    attrs.set("__match_args__".into(), field_names);
    attrs.set(
        "_field_defaults".into(),
        Value::Dict(crate::vm::heap::tracked(RefCell::new(field_defaults))),
    );
    attrs.set("__module__".into(), Value::Str(module.clone()));
    let ids = std::cell::Cell::new(vm.next_id());
    let tuple = vm.types.tuple.clone();
    let class = new_class(
        &ids,
        &name,
        &module,
        vec![tuple],
        ClassKind::NamedTuple,
        attrs,
    )
    .ok_or_else(|| vm.new_error("TypeError", "namedtuple() cannot build its class"))?;
    def(&class, "__new__", namedtuple_new);
    Ok(Value::Class(class))
}

/// `collections.deque`: O(1) at both ends. asyncio's waiter lists are
/// deques, and a semaphore with thousands of waiters wakes the first one
/// on every release.
pub struct Deque {
    /// The items, left to right.
    pub items: Rc<RefCell<VecDeque<Value>>>,
    maxlen: Option<usize>,
    class: Rc<Class>,
}

impl NativeObject for Deque {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "deque"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        let list = Value::list(items);
        let inner = match vm.repr_nested(Rc::as_ptr(&self.items) as usize, "[...]", |vm| {
            vm.repr(&list)
        })? {
            Ok(inner) => inner,
            // A deque inside itself shows as CPython's does: `[...]`.
            Err(again) => return Ok(again),
        };
        Ok(match self.maxlen {
            Some(n) => format!("deque({}, maxlen={})", inner, n),
            None => format!("deque({})", inner),
        })
    }
    fn truthy(&self) -> bool {
        !self.items.borrow().is_empty()
    }
}

fn deque_of<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Deque> {
    match args.pos.first().and_then(|v| v.downcast::<Deque>()) {
        Some(d) => Ok(d),
        None => Err(vm.new_error("TypeError", "a deque method needs its deque")),
    }
}

fn deque_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    match args.pos.get(1) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.new_error(
            "TypeError",
            &format!("deque.{}() takes exactly one argument (0 given)", name),
        )),
    }
}

fn deque_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let maxlen = match args.take_kw("maxlen").or_else(|| args.pos.get(2).cloned()) {
        Some(Value::None) | None => None,
        Some(v) => Some(int_arg(vm, &v)?.max(0) as usize),
    };
    let items: VecDeque<Value> = match args.pos.get(1) {
        Some(v) => vm.collect(v)?.into(),
        None => VecDeque::new(),
    };
    let class = match args.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => return Err(vm.new_error("TypeError", "deque.__new__ needs its class")),
    };
    let d = Deque {
        items: crate::vm::heap::tracked(RefCell::new(items)),
        maxlen,
        class,
    };
    d.trim(true);
    Ok(Value::Object(Rc::new(d)))
}

impl Deque {
    fn trim(&self, from_left: bool) {
        if let Some(n) = self.maxlen {
            let mut items = self.items.borrow_mut();
            while items.len() > n {
                if from_left {
                    items.pop_front();
                } else {
                    items.pop_back();
                }
            }
        }
    }
}

fn deque_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = deque_arg(vm, &args, "append")?;
    let d = deque_of(vm, &args)?;
    d.items.borrow_mut().push_back(v);
    d.trim(true);
    Ok(Value::None)
}

fn deque_appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = deque_arg(vm, &args, "appendleft")?;
    let d = deque_of(vm, &args)?;
    d.items.borrow_mut().push_front(v);
    d.trim(false);
    Ok(Value::None)
}

fn deque_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = deque_arg(vm, &args, "extend")?;
    let items = vm.collect(&v)?;
    let d = deque_of(vm, &args)?;
    d.items.borrow_mut().extend(items);
    d.trim(true);
    Ok(Value::None)
}

fn deque_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = deque_of(vm, &args)?.items.borrow_mut().pop_back();
    v.ok_or_else(|| vm.new_error("IndexError", "pop from an empty deque"))
}

fn deque_popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = deque_of(vm, &args)?.items.borrow_mut().pop_front();
    v.ok_or_else(|| vm.new_error("IndexError", "pop from an empty deque"))
}

fn deque_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = deque_arg(vm, &args, "remove")?;
    let items = deque_of(vm, &args)?.items.clone();
    // Identity first: waiters are removed by identity, usually near the front.
    let found = items.borrow().iter().position(|v| v.is(&x));
    let found = match found {
        Some(i) => Some(i),
        None => {
            let snapshot: Vec<Value> = items.borrow().iter().cloned().collect();
            let mut at = None;
            for (i, v) in snapshot.iter().enumerate() {
                if vm.eq(v, &x)? {
                    at = Some(i);
                    break;
                }
            }
            at
        }
    };
    match found {
        Some(i) => {
            items.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(vm.new_error("ValueError", "deque.remove(x): x not in deque")),
    }
}

fn deque_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    deque_of(vm, &args)?.items.borrow_mut().clear();
    Ok(Value::None)
}

fn deque_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(deque_of(vm, &args)?.items.borrow().len() as i64))
}

fn deque_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = deque_of(vm, &args)?.items.clone();
    Ok(Value::Iterator(crate::vm::heap::tracked(RefCell::new(
        Iter::Deque(items, 0),
    ))))
}

fn deque_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = deque_arg(vm, &args, "__contains__")?;
    let items = deque_of(vm, &args)?.items.clone();
    if items.borrow().iter().any(|v| v.is(&x)) {
        return Ok(Value::Bool(true));
    }
    let snapshot: Vec<Value> = items.borrow().iter().cloned().collect();
    for v in &snapshot {
        if vm.eq(v, &x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn deque_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let index = deque_arg(vm, &args, "__getitem__")?;
    let i = int_arg(vm, &index)?;
    let items = deque_of(vm, &args)?.items.clone();
    let n = items.borrow().len() as i64;
    let j = if i < 0 { i + n } else { i };
    match (j >= 0 && j < n).then(|| items.borrow()[j as usize].clone()) {
        Some(v) => Ok(v),
        None => Err(vm.new_error("IndexError", "deque index out of range")),
    }
}

/// `_collections`: the native `namedtuple` and `deque`.
pub fn collections_native(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_collections");
    m.set("namedtuple", native("namedtuple", namedtuple));
    let ids = std::cell::Cell::new(vm.next_id());
    let deque = new_class(
        &ids,
        "deque",
        "collections",
        vec![],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .expect("no bases");
    def(&deque, "__new__", deque_new);
    def(&deque, "append", deque_append);
    def(&deque, "appendleft", deque_appendleft);
    def(&deque, "extend", deque_extend);
    def(&deque, "pop", deque_pop);
    def(&deque, "popleft", deque_popleft);
    def(&deque, "remove", deque_remove);
    def(&deque, "clear", deque_clear);
    def(&deque, "__len__", deque_len);
    def(&deque, "__iter__", deque_iter);
    def(&deque, "__contains__", deque_contains);
    def(&deque, "__getitem__", deque_getitem);
    m.set("deque", Value::Class(deque));
    Ok(m)
}
