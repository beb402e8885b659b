//! Attribute access, subscripts, and the methods of the built-in types
//! (installed into their classes as native functions, so that method
//! lookup is the same for built-in and user classes).

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::{Dict, Key};
use super::interp::{CoroOutcome, Resume};
use super::value::{
    AgenOp, Args, BoundMethod, Class, ClassKind, CoroKind, CoroState, NativeFn, NativeImpl,
    Payload, PyErr, PyResult, Value,
};
use super::Vm;

/// Adds a native method to a class.
pub fn def(class: &Rc<Class>, name: &str, func: NativeImpl) {
    let f = NativeFn {
        name: name.into(),
        qualname: format!("{}.{}", class.name, name).into(),
        func,
        bound: None,
        data: None,
    };
    class
        .attrs
        .borrow_mut()
        .set(name.into(), Value::Native(Rc::new(f)));
}

/// Stable merge sort with a fallible comparator (`less(a, b)`): Python's
/// `sorted` must never panic, whatever a user's `__lt__` does.
pub fn merge_sort<T: Clone>(
    items: Vec<T>,
    less: &mut dyn FnMut(&T, &T) -> PyResult<bool>,
) -> PyResult<Vec<T>> {
    let n = items.len();
    if n <= 1 {
        return Ok(items);
    }
    let mut src = items;
    let mut width = 1;
    while width < n {
        let mut dst: Vec<T> = Vec::with_capacity(n);
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                // Take from the right only when strictly less: stability.
                if less(&src[j], &src[i])? {
                    dst.push(src[j].clone());
                    j += 1;
                } else {
                    dst.push(src[i].clone());
                    i += 1;
                }
            }
            dst.extend_from_slice(&src[i..mid]);
            dst.extend_from_slice(&src[j..end]);
            start = end;
        }
        src = dst;
        width *= 2;
    }
    Ok(src)
}

impl Vm {
    fn no_attr(&mut self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{}'", c.name, name),
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name, name),
            other => format!("'{}' object has no attribute '{}'", other.type_name(), name),
        };
        let e = self.new_exception("AttributeError", vec![Value::str(&msg)]);
        PyErr::Exception(e)
    }

    /// Binds a class attribute found for an instance: functions become
    /// bound methods.
    fn bind_attr(&self, obj: &Value, attr: Value) -> Value {
        match attr {
            Value::Function(_) | Value::Native(_) => Value::BoundMethod(Rc::new(BoundMethod {
                this: obj.clone(),
                func: attr,
            })),
            other => other,
        }
    }

    /// `obj.name`.
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => {
                if let Some(v) = inst.attrs.borrow().get(name) {
                    return Ok(v.clone());
                }
                match name {
                    "__class__" => return Ok(Value::Class(inst.class.clone())),
                    "__dict__" => {
                        let mut d = Dict::new();
                        for (k, v) in inst.attrs.borrow().iter() {
                            d.insert(Key::new(Value::Str(k.clone())).expect("str key"), v.clone());
                        }
                        return Ok(Value::Dict(Rc::new(RefCell::new(d))));
                    }
                    _ => {}
                }
                if let Some(data) = obj.exc() {
                    let d = data.borrow();
                    match name {
                        "args" => return Ok(Value::tuple(d.args.clone())),
                        "__cause__" => return Ok(d.cause.clone().unwrap_or(Value::None)),
                        "__context__" => return Ok(d.context.clone().unwrap_or(Value::None)),
                        "__suppress_context__" => return Ok(Value::Bool(d.suppress_context)),
                        "__traceback__" => return Ok(Value::None),
                        "exceptions" => {
                            let group = self.types.exc("BaseExceptionGroup");
                            if inst.class.is_subclass(&group) {
                                return Ok(match d.args.get(1) {
                                    Some(Value::List(l)) => Value::tuple(l.borrow().clone()),
                                    Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
                                    _ => Value::tuple(vec![]),
                                });
                            }
                        }
                        _ => {}
                    }
                }
                match inst.class.kind {
                    ClassKind::Enum => match name {
                        "name" => {
                            if let Some(v) = inst.attrs.borrow().get("_name_") {
                                return Ok(v.clone());
                            }
                        }
                        "value" => {
                            if let Some(v) = inst.attrs.borrow().get("_value_") {
                                return Ok(v.clone());
                            }
                        }
                        _ => {}
                    },
                    ClassKind::NamedTuple => {
                        if let (Some(Value::Tuple(fields)), Payload::Tuple(items)) =
                            (inst.class.lookup("_fields"), &inst.payload)
                        {
                            if let Some(i) = fields
                                .iter()
                                .position(|f| matches!(f, Value::Str(s) if &**s == name))
                            {
                                return Ok(items[i].clone());
                            }
                        }
                    }
                    _ => {}
                }
                if let Some(attr) = inst.class.lookup(name) {
                    return Ok(self.bind_attr(obj, attr));
                }
                if let Some(getattr) = inst.class.lookup("__getattr__") {
                    return self.call(&getattr, Args::new(vec![obj.clone(), Value::str(name)]));
                }
                Err(self.no_attr(obj, name))
            }
            Value::Class(c) => {
                match name {
                    "__name__" => return Ok(Value::Str(c.name.clone())),
                    "__qualname__" => return Ok(Value::Str(c.qualname.clone())),
                    "__module__" => return Ok(Value::Str(c.module.clone())),
                    "__bases__" => {
                        return Ok(Value::tuple(
                            c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                        ))
                    }
                    "__mro__" => {
                        let mut v = vec![obj.clone()];
                        v.extend(c.mro.iter().map(|b| Value::Class(b.clone())));
                        return Ok(Value::tuple(v));
                    }
                    _ => {}
                }
                match c.lookup(name) {
                    Some(v) => Ok(v),
                    None => Err(self.no_attr(obj, name)),
                }
            }
            Value::Module(m) => match m.get(name) {
                Some(v) => Ok(v),
                None => Err(self.no_attr(obj, name)),
            },
            Value::Function(f) => match name {
                "__name__" => Ok(Value::Str(f.name.borrow().clone())),
                "__qualname__" => Ok(Value::Str(f.qualname.borrow().clone())),
                "__module__" => Ok(Value::Str(f.globals.name.clone())),
                "__doc__" => Ok(Value::None),
                _ => match f.attrs.borrow().get(name) {
                    Some(v) => Ok(v.clone()),
                    None => Err(self.no_attr(obj, name)),
                },
            },
            Value::Native(n) => match name {
                "__name__" => Ok(Value::Str(n.name.clone())),
                "__qualname__" => Ok(Value::Str(n.qualname.clone())),
                "__self__" => Ok(n.bound.clone().unwrap_or(Value::None)),
                _ => Err(self.no_attr(obj, name)),
            },
            Value::BoundMethod(m) => match name {
                "__self__" => Ok(m.this.clone()),
                "__func__" => Ok(m.func.clone()),
                _ => {
                    let f = m.func.clone();
                    self.get_attr(&f, name)
                }
            },
            Value::Coroutine(c) => match name {
                "__name__" => Ok(Value::Str(c.name.clone())),
                "__qualname__" => Ok(Value::Str(c.qualname.clone())),
                "cr_await" | "gi_yieldfrom" => {
                    Ok(c.awaiting.borrow().clone().unwrap_or(Value::None))
                }
                "cr_running" | "gi_running" => Ok(Value::Bool(c.state.get() == CoroState::Running)),
                _ => self.builtin_attr(obj, name),
            },
            Value::Object(o) => {
                let class = o.class(self);
                if let Some(attr) = class.lookup(name) {
                    return Ok(self.bind_attr(obj, attr));
                }
                let o = o.clone();
                match o.get_attr(self, name) {
                    Some(r) => r,
                    None => {
                        if name == "__class__" {
                            return Ok(Value::Class(class));
                        }
                        Err(self.no_attr(obj, name))
                    }
                }
            }
            _ => self.builtin_attr(obj, name),
        }
    }

    fn builtin_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let class = self.types.class_of(self, obj);
        if name == "__class__" {
            return Ok(Value::Class(class));
        }
        match (obj, name) {
            (Value::Slice(s), "start") => return Ok(s[0].clone()),
            (Value::Slice(s), "stop") => return Ok(s[1].clone()),
            (Value::Slice(s), "step") => return Ok(s[2].clone()),
            (Value::Range(r), "start") => return Ok(Value::Int(r.start)),
            (Value::Range(r), "stop") => return Ok(Value::Int(r.stop)),
            (Value::Range(r), "step") => return Ok(Value::Int(r.step)),
            (Value::Float(f), "real") => return Ok(Value::Float(*f)),
            (Value::Int(i), "real" | "numerator") => return Ok(Value::Int(*i)),
            (Value::Int(_), "denominator") => return Ok(Value::Int(1)),
            _ => {}
        }
        match class.lookup(name) {
            Some(attr) => Ok(self.bind_attr(obj, attr)),
            None => Err(self.no_attr(obj, name)),
        }
    }

    /// The function to call for `obj.name(...)` without creating a bound
    /// method: `Some(func)` when `name` is a method found on the type and
    /// not shadowed by an instance attribute.
    pub fn lookup_method(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let class = match obj {
            Value::Instance(inst) => {
                if inst.attrs.borrow().get(name).is_some() {
                    return Ok(None);
                }
                inst.class.clone()
            }
            Value::Class(_) | Value::Module(_) => return Ok(None),
            Value::Object(o) => o.class(self),
            other => self.types.class_of(self, other),
        };
        match class.lookup(name) {
            Some(f @ (Value::Function(_) | Value::Native(_))) => Ok(Some(f)),
            _ => Ok(None),
        }
    }

    /// A bound special method, or the protocol `TypeError`.
    pub fn special_method(&mut self, obj: &Value, name: &str, protocol: &str) -> PyResult<Value> {
        match self.lookup_method(obj, name)? {
            Some(f) => Ok(Value::BoundMethod(Rc::new(BoundMethod {
                this: obj.clone(),
                func: f,
            }))),
            None => Err(self.new_error(
                "TypeError",
                &format!("'{}' object does not support {}", obj.type_name(), protocol),
            )),
        }
    }

    /// `obj.name = value`.
    pub fn set_attr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(data) = obj.exc() {
                    let mut d = data.borrow_mut();
                    match name {
                        "args" => {
                            drop(d);
                            let items = self.collect(&value)?;
                            if let Some(data) = obj.exc() {
                                data.borrow_mut().args = items;
                            }
                            return Ok(());
                        }
                        "__cause__" => {
                            d.cause = if matches!(value, Value::None) {
                                None
                            } else {
                                Some(value)
                            };
                            d.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            d.context = if matches!(value, Value::None) {
                                None
                            } else {
                                Some(value)
                            };
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            d.suppress_context = matches!(value, Value::Bool(true));
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                if matches!(inst.class.kind, ClassKind::NamedTuple) {
                    return Err(self.new_error("AttributeError", "can't set attribute"));
                }
                if let Some(setattr) = inst.class.lookup("__setattr__") {
                    if let Value::Function(_) = setattr {
                        self.call(
                            &setattr,
                            Args::new(vec![obj.clone(), Value::str(name), value]),
                        )?;
                        return Ok(());
                    }
                }
                inst.attrs.borrow_mut().set(name.into(), value);
                Ok(())
            }
            Value::Class(c) => {
                c.attrs.borrow_mut().set(name.into(), value);
                Ok(())
            }
            Value::Module(m) => {
                m.set(name, value);
                Ok(())
            }
            Value::Function(f) => {
                match name {
                    "__name__" => {
                        if let Value::Str(s) = value {
                            *f.name.borrow_mut() = s;
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = value {
                            *f.qualname.borrow_mut() = s;
                        }
                    }
                    _ => f.attrs.borrow_mut().set(name.into(), value),
                }
                Ok(())
            }
            Value::Object(o) => {
                let o = o.clone();
                match o.set_attr(self, name, value) {
                    Some(r) => r,
                    None => Err(self.no_attr(obj, name)),
                }
            }
            other => Err(self.new_error(
                "AttributeError",
                &format!("'{}' object has no attribute '{}'", other.type_name(), name),
            )),
        }
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(inst) => inst.attrs.borrow_mut().remove(name),
            Value::Class(c) => c.attrs.borrow_mut().remove(name),
            Value::Module(m) => m.globals.borrow_mut().remove(name),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.no_attr(obj, name))
        }
    }

    fn index_of(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            other => {
                return Err(self.new_error(
                    "TypeError",
                    &format!(
                        "{} indices must be integers or slices, not {}",
                        what,
                        other.type_name()
                    ),
                ))
            }
        };
        let len = len as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Err(self.new_error("IndexError", &format!("{} index out of range", what)));
        }
        Ok(j as usize)
    }

    /// Resolves a slice against a length: (start, stop, step) as Python's
    /// `slice.indices`.
    pub fn slice_indices(&mut self, s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
        let get = |vm: &mut Vm, v: &Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(*i)),
                Value::Bool(b) => Ok(Some(*b as i64)),
                _ => Err(vm.new_error(
                    "TypeError",
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let step = get(self, &s[2])?.unwrap_or(1);
        if step == 0 {
            return Err(self.new_error("ValueError", "slice step cannot be zero"));
        }
        let len = len as i64;
        let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
            None => default,
            Some(i) => {
                let i = if i < 0 { i + len } else { i };
                i.clamp(lo, hi)
            }
        };
        let (start, stop) = if step > 0 {
            (
                clamp(get(self, &s[0])?, 0, 0, len),
                clamp(get(self, &s[1])?, len, 0, len),
            )
        } else {
            (
                clamp(get(self, &s[0])?, len - 1, -1, len - 1),
                clamp(get(self, &s[1])?, -1, -1, len - 1),
            )
        };
        Ok((start, stop, step))
    }

    fn slice_positions(&mut self, s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len)?;
        let mut out = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            out.push(i as usize);
            i += step;
        }
        Ok(out)
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match (obj, key) {
            (Value::List(l), Value::Slice(s)) => {
                let items = l.borrow().clone();
                let pos = self.slice_positions(s, items.len())?;
                Ok(Value::list(
                    pos.into_iter().map(|i| items[i].clone()).collect(),
                ))
            }
            (Value::List(l), _) => {
                let len = l.borrow().len();
                let i = self.index_of(key, len, "list")?;
                Ok(l.borrow()[i].clone())
            }
            (Value::Tuple(t), Value::Slice(s)) => {
                let pos = self.slice_positions(s, t.len())?;
                Ok(Value::tuple(
                    pos.into_iter().map(|i| t[i].clone()).collect(),
                ))
            }
            (Value::Tuple(t), _) => {
                let i = self.index_of(key, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            (Value::Str(st), Value::Slice(s)) => {
                let chars: Vec<char> = st.chars().collect();
                let pos = self.slice_positions(s, chars.len())?;
                Ok(Value::Str(
                    pos.into_iter().map(|i| chars[i]).collect::<String>().into(),
                ))
            }
            (Value::Str(st), _) => {
                let n = st.chars().count();
                let i = self.index_of(key, n, "string")?;
                Ok(Value::Str(
                    st.chars()
                        .nth(i)
                        .map(|c| c.to_string())
                        .unwrap_or_default()
                        .into(),
                ))
            }
            (Value::Bytes(b), Value::Slice(s)) => {
                let pos = self.slice_positions(s, b.len())?;
                Ok(Value::Bytes(
                    pos.into_iter().map(|i| b[i]).collect::<Vec<u8>>().into(),
                ))
            }
            (Value::Bytes(b), _) => {
                let i = self.index_of(key, b.len(), "index")?;
                Ok(Value::Int(b[i] as i64))
            }
            (Value::Range(r), Value::Int(_)) => {
                let len = r.len() as usize;
                let i = self.index_of(key, len, "range object")?;
                Ok(Value::Int(r.start + r.step * i as i64))
            }
            (Value::Dict(d), _) => {
                let k = self.key(key.clone())?;
                let v = d.borrow().get(&k).cloned();
                match v {
                    Some(v) => Ok(v),
                    None => Err(self.new_error_args("KeyError", vec![key.clone()])),
                }
            }
            (Value::Instance(inst), _) => {
                if let Payload::Tuple(t) = &inst.payload {
                    let t = Value::Tuple(t.clone());
                    return self.get_item(&t, key);
                }
                match self.lookup_method(obj, "__getitem__")? {
                    Some(m) => self.call(&m, Args::new(vec![obj.clone(), key.clone()])),
                    None => Err(self.not_subscriptable(obj)),
                }
            }
            (Value::Class(c), _) => {
                if c.kind == ClassKind::Enum {
                    let k = self.to_str(key)?;
                    let member = c.attrs.borrow().get(&k).cloned();
                    return match member {
                        Some(v) => Ok(v),
                        None => Err(self.new_error_args("KeyError", vec![key.clone()])),
                    };
                }
                // list[int] and friends in annotations: return the class.
                Ok(obj.clone())
            }
            (Value::Object(_), _) => match self.lookup_method(obj, "__getitem__")? {
                Some(m) => self.call(&m, Args::new(vec![obj.clone(), key.clone()])),
                None => Err(self.not_subscriptable(obj)),
            },
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    fn not_subscriptable(&mut self, obj: &Value) -> PyErr {
        self.new_error(
            "TypeError",
            &format!("'{}' object is not subscriptable", obj.type_name()),
        )
    }

    /// `obj[key] = value`.
    pub fn set_item(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &key {
                    let items = self.collect(&value)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step != 1 {
                        return Err(self.new_error(
                            "NotImplementedError",
                            "extended slice assignment is not supported yet",
                        ));
                    }
                    let stop = stop.max(start);
                    l.borrow_mut().splice(start as usize..stop as usize, items);
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.index_of(&key, len, "list assignment")?;
                l.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => {
                let k = self.key(key)?;
                d.borrow_mut().insert(k, value);
                Ok(())
            }
            Value::Instance(_) | Value::Object(_) => {
                match self.lookup_method(obj, "__setitem__")? {
                    Some(m) => {
                        self.call(&m, Args::new(vec![obj.clone(), key, value]))?;
                        Ok(())
                    }
                    None => Err(self.new_error(
                        "TypeError",
                        &format!(
                            "'{}' object does not support item assignment",
                            obj.type_name()
                        ),
                    )),
                }
            }
            other => Err(self.new_error(
                "TypeError",
                &format!(
                    "'{}' object does not support item assignment",
                    other.type_name()
                ),
            )),
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.borrow().len();
                    let mut pos = self.slice_positions(s, len)?;
                    pos.sort_unstable();
                    for i in pos.into_iter().rev() {
                        l.borrow_mut().remove(i);
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.index_of(key, len, "list assignment")?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => {
                let k = self.key(key.clone())?;
                if d.borrow_mut().remove(&k).is_none() {
                    return Err(self.new_error_args("KeyError", vec![key.clone()]));
                }
                Ok(())
            }
            Value::Instance(_) => match self.lookup_method(obj, "__delitem__")? {
                Some(m) => {
                    self.call(&m, Args::new(vec![obj.clone(), key.clone()]))?;
                    Ok(())
                }
                None => Err(self.new_error(
                    "TypeError",
                    &format!("'{}' object doesn't support item deletion", obj.type_name()),
                )),
            },
            other => Err(self.new_error(
                "TypeError",
                &format!(
                    "'{}' object doesn't support item deletion",
                    other.type_name()
                ),
            )),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.chars().count(),
            Value::Bytes(b) => b.len(),
            Value::Tuple(t) => t.len(),
            Value::List(l) => l.borrow().len(),
            Value::Dict(d) | Value::Set(d) => d.borrow().len(),
            Value::Range(r) => r.len() as usize,
            Value::Instance(inst) => {
                if let Payload::Tuple(t) = &inst.payload {
                    return Ok(t.len());
                }
                match self.lookup_method(v, "__len__")? {
                    Some(m) => match self.call(&m, Args::new(vec![v.clone()]))? {
                        Value::Int(i) if i >= 0 => i as usize,
                        Value::Int(_) => {
                            return Err(self.new_error("ValueError", "__len__() should return >= 0"))
                        }
                        other => {
                            return Err(self.new_error(
                                "TypeError",
                                &format!(
                                    "'{}' object cannot be interpreted as an integer",
                                    other.type_name()
                                ),
                            ))
                        }
                    },
                    None => return Err(self.no_len(v)),
                }
            }
            Value::Class(c) if c.kind == ClassKind::Enum => {
                match c.attrs.borrow().get("_member_list_") {
                    Some(Value::List(l)) => l.borrow().len(),
                    _ => 0,
                }
            }
            Value::Object(_) => match self.lookup_method(v, "__len__")? {
                Some(m) => match self.call(&m, Args::new(vec![v.clone()]))? {
                    Value::Int(i) => i.max(0) as usize,
                    _ => 0,
                },
                None => return Err(self.no_len(v)),
            },
            other => return Err(self.no_len(other)),
        })
    }

    fn no_len(&mut self, v: &Value) -> PyErr {
        self.new_error(
            "TypeError",
            &format!("object of type '{}' has no len()", v.type_name()),
        )
    }
}

// ----- helpers for native methods ------------------------------------

fn this_str(vm: &mut Vm, args: &Args, method: &str) -> PyResult<Rc<str>> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        other => Err(descriptor_error(vm, method, "str", other)),
    }
}

fn descriptor_error(vm: &mut Vm, method: &str, owner: &str, got: Option<&Value>) -> PyErr {
    let got = got
        .map(|v| v.type_name())
        .unwrap_or_else(|| "nothing".into());
    vm.new_error(
        "TypeError",
        &format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            method, owner, got
        ),
    )
}

fn arg(args: &Args, i: usize) -> Option<&Value> {
    args.pos.get(i)
}

fn str_arg(vm: &mut Vm, args: &Args, i: usize, method: &str) -> PyResult<Rc<str>> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(vm.new_error(
            "TypeError",
            &format!(
                "{}() argument {} must be str, not {}",
                method,
                i,
                other.type_name()
            ),
        )),
        None => Err(vm.new_error(
            "TypeError",
            &format!(
                "{}() takes at least {} argument ({} given)",
                method,
                i,
                i - 1
            ),
        )),
    }
}

fn check_arity(vm: &mut Vm, args: &Args, min: usize, max: usize, name: &str) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{}() takes no arguments ({} given)", name, n),
                1 => format!("{}() takes exactly one argument ({} given)", name, n),
                _ => format!("{}() takes exactly {} arguments ({} given)", name, min, n),
            }
        } else if n < min {
            format!(
                "{}() takes at least {} argument{} ({} given)",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else {
            format!(
                "{}() takes at most {} argument{} ({} given)",
                name,
                max,
                if max == 1 { "" } else { "s" },
                n
            )
        };
        return Err(vm.new_error("TypeError", &msg));
    }
    if !args.kw.is_empty() {
        return Err(vm.new_error(
            "TypeError",
            &format!("{}() takes no keyword arguments", name),
        ));
    }
    Ok(())
}

fn this_list(vm: &mut Vm, args: &Args, method: &str) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        other => Err(descriptor_error(vm, method, "list", other)),
    }
}

fn this_dict(vm: &mut Vm, args: &Args, method: &str) -> PyResult<Rc<RefCell<Dict>>> {
    match args.pos.first() {
        Some(Value::Dict(d)) => Ok(d.clone()),
        other => Err(descriptor_error(vm, method, "dict", other)),
    }
}

fn this_set(vm: &mut Vm, args: &Args, method: &str) -> PyResult<Rc<RefCell<Dict>>> {
    match args.pos.first() {
        Some(Value::Set(d)) => Ok(d.clone()),
        other => Err(descriptor_error(vm, method, "set", other)),
    }
}

fn strip_chars(args: &Args) -> Option<Vec<char>> {
    match args.pos.get(1) {
        Some(Value::Str(s)) => Some(s.chars().collect()),
        _ => None,
    }
}

// ----- str ------------------------------------------------------------

fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "format")?;
    let r = vm.str_format(&s, &args.pos[1..], &args.kw)?;
    Ok(Value::Str(r.into()))
}

fn str_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "str.lower")?;
    let s = this_str(vm, &args, "lower")?;
    Ok(Value::Str(s.to_lowercase().into()))
}

fn str_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "str.upper")?;
    let s = this_str(vm, &args, "upper")?;
    Ok(Value::Str(s.to_uppercase().into()))
}

fn str_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "title")?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = true;
        } else {
            out.push(c);
            prev_cased = false;
        }
    }
    Ok(Value::Str(out.into()))
}

fn str_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "capitalize")?;
    let mut chars = s.chars();
    let out: String = match chars.next() {
        Some(f) => f
            .to_uppercase()
            .chain(chars.flat_map(|c| c.to_lowercase()))
            .collect(),
        None => String::new(),
    };
    Ok(Value::Str(out.into()))
}

fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 2, 3, "replace")?;
    let s = this_str(vm, &args, "replace")?;
    let old = str_arg(vm, &args, 1, "replace")?;
    let new = str_arg(vm, &args, 2, "replace")?;
    let count = match arg(&args, 3) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    let r = match count {
        Some(n) => s.replacen(&*old, &new, n),
        None => s.replace(&*old, &new),
    };
    Ok(Value::Str(r.into()))
}

fn str_split(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep_kw = args.take_kw("sep");
    let max_kw = args.take_kw("maxsplit");
    let s = this_str(vm, &args, "split")?;
    let sep = sep_kw
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None);
    let maxsplit = match max_kw.or_else(|| args.pos.get(2).cloned()) {
        Some(Value::Int(n)) if n >= 0 => Some(n as usize),
        _ => None,
    };
    let parts: Vec<Value> = match sep {
        Value::None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if maxsplit.is_some_and(|m| out.len() >= m) {
                    out.push(Value::str(rest.trim_end()));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start();
            }
            out
        }
        Value::Str(sep) => {
            if sep.is_empty() {
                return Err(vm.new_error("ValueError", "empty separator"));
            }
            match maxsplit {
                Some(m) => s.splitn(m + 1, &*sep).map(Value::str).collect(),
                None => s.split(&*sep).map(Value::str).collect(),
            }
        }
        other => {
            return Err(vm.new_error(
                "TypeError",
                &format!("must be str or None, not {}", other.type_name()),
            ))
        }
    };
    Ok(Value::list(parts))
}

fn str_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "rsplit")?;
    let maxsplit = match args.pos.get(2) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    match (args.pos.get(1), maxsplit) {
        (Some(Value::Str(sep)), Some(m)) => {
            let mut parts: Vec<Value> = s.rsplitn(m + 1, &**sep).map(Value::str).collect();
            parts.reverse();
            Ok(Value::list(parts))
        }
        _ => str_split(vm, args),
    }
}

fn str_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "splitlines")?;
    Ok(Value::list(s.lines().map(Value::str).collect()))
}

fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "str.join")?;
    let s = this_str(vm, &args, "join")?;
    let items = vm.collect(&args.pos[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&s);
        }
        match it {
            Value::Str(p) => out.push_str(p),
            other => {
                return Err(vm.new_error(
                    "TypeError",
                    &format!(
                        "sequence item {}: expected str instance, {} found",
                        i,
                        other.type_name()
                    ),
                ))
            }
        }
    }
    Ok(Value::Str(out.into()))
}

fn str_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "strip")?;
    let r = match strip_chars(&args) {
        Some(cs) => s.trim_matches(|c| cs.contains(&c)).to_string(),
        None => s.trim().to_string(),
    };
    Ok(Value::Str(r.into()))
}

fn str_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "lstrip")?;
    let r = match strip_chars(&args) {
        Some(cs) => s.trim_start_matches(|c| cs.contains(&c)).to_string(),
        None => s.trim_start().to_string(),
    };
    Ok(Value::Str(r.into()))
}

fn str_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "rstrip")?;
    let r = match strip_chars(&args) {
        Some(cs) => s.trim_end_matches(|c| cs.contains(&c)).to_string(),
        None => s.trim_end().to_string(),
    };
    Ok(Value::Str(r.into()))
}

fn affix_test(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    test: fn(&str, &str) -> bool,
) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    match args.pos.get(1) {
        Some(Value::Str(p)) => Ok(Value::Bool(test(&s, p))),
        Some(Value::Tuple(ps)) => Ok(Value::Bool(
            ps.iter().any(|p| matches!(p, Value::Str(p) if test(&s, p))),
        )),
        other => {
            let t = other
                .map(|v| v.type_name())
                .unwrap_or_else(|| "nothing".into());
            Err(vm.new_error(
                "TypeError",
                &format!(
                    "{} first arg must be str or a tuple of str, not {}",
                    name, t
                ),
            ))
        }
    }
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_test(vm, &args, "startswith", |s, p| s.starts_with(p))
}

fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_test(vm, &args, "endswith", |s, p| s.ends_with(p))
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "find")?;
    let sub = str_arg(vm, &args, 1, "find")?;
    Ok(Value::Int(match s.find(&*sub) {
        Some(b) => char_index(&s, b),
        None => -1,
    }))
}

fn str_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "rfind")?;
    let sub = str_arg(vm, &args, 1, "rfind")?;
    Ok(Value::Int(match s.rfind(&*sub) {
        Some(b) => char_index(&s, b),
        None => -1,
    }))
}

fn str_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "index")?;
    let sub = str_arg(vm, &args, 1, "index")?;
    match s.find(&*sub) {
        Some(b) => Ok(Value::Int(char_index(&s, b))),
        None => Err(vm.new_error("ValueError", "substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "count")?;
    let sub = str_arg(vm, &args, 1, "count")?;
    let n = if sub.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(&*sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "encode")?;
    Ok(Value::Bytes(s.as_bytes().into()))
}

fn str_pred(vm: &mut Vm, args: &Args, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn str_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_pred(vm, &args, "isdigit", |c| c.is_ascii_digit())
}

fn str_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_pred(vm, &args, "isalpha", char::is_alphabetic)
}

fn str_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_pred(vm, &args, "isalnum", char::is_alphanumeric)
}

fn str_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_pred(vm, &args, "isspace", char::is_whitespace)
}

fn str_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "isupper")?;
    Ok(Value::Bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}

fn str_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "islower")?;
    Ok(Value::Bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}

fn pad(vm: &mut Vm, args: &Args, name: &str, align: char) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    let width = match args.pos.get(1) {
        Some(Value::Int(w)) => (*w).max(0) as usize,
        _ => return Err(vm.new_error("TypeError", &format!("{}() requires an int width", name))),
    };
    let fill = match args.pos.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(vm.new_error(
                "TypeError",
                "The fill character must be exactly one character long",
            ))
        }
        None => ' ',
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s));
    }
    let total = width - n;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's center puts the extra space on the right unless the
            // width is odd and the string even... it uses left = total/2 +
            // (total & width & 1).
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::Str(out.into()))
}

fn str_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "ljust", '<')
}

fn str_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "rjust", '>')
}

fn str_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "center", '^')
}

fn str_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "zfill")?;
    let width = match args.pos.get(1) {
        Some(Value::Int(w)) => (*w).max(0) as usize,
        _ => 0,
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s));
    }
    let (sign, digits) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), &s[..]),
    };
    Ok(Value::Str(
        format!("{}{}{}", sign, "0".repeat(width - n), digits).into(),
    ))
}

fn str_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "partition")?;
    let sep = str_arg(vm, &args, 1, "partition")?;
    Ok(match s.find(&*sep) {
        Some(b) => Value::tuple(vec![
            Value::str(&s[..b]),
            Value::Str(sep.clone()),
            Value::str(&s[b + sep.len()..]),
        ]),
        None => Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")]),
    })
}

// ----- list -----------------------------------------------------------

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "list.append")?;
    let l = this_list(vm, &args, "append")?;
    l.borrow_mut().push(args.pos[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "list.extend")?;
    let l = this_list(vm, &args, "extend")?;
    let items = vm.collect(&args.pos[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 1, "pop")?;
    let l = this_list(vm, &args, "pop")?;
    let len = l.borrow().len();
    if len == 0 {
        return Err(vm.new_error("IndexError", "pop from empty list"));
    }
    let i = match args.pos.get(1) {
        Some(k) => vm.index_of(k, len, "pop")?,
        None => len - 1,
    };
    let v = l.borrow_mut().remove(i);
    Ok(v)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 2, 2, "insert")?;
    let l = this_list(vm, &args, "insert")?;
    let len = l.borrow().len() as i64;
    let i = match &args.pos[1] {
        Value::Int(i) => *i,
        _ => return Err(vm.new_error("TypeError", "an integer is required")),
    };
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(i as usize, args.pos[2].clone());
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "list.remove")?;
    let l = this_list(vm, &args, "remove")?;
    // Identity first, without copying the list: waiter lists of thousands
    // of futures are searched this way on every wake-up.
    let found = l.borrow().iter().position(|x| x.is(&args.pos[1]));
    if let Some(i) = found {
        l.borrow_mut().remove(i);
        return Ok(Value::None);
    }
    let items = l.borrow().clone();
    for (i, it) in items.iter().enumerate() {
        if vm.eq(it, &args.pos[1])? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.new_error("ValueError", "list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = match args.pos.first() {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        other => return Err(descriptor_error(vm, "index", "list", other)),
    };
    let Some(x) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "index expected at least 1 argument, got 0"));
    };
    for (i, it) in items.iter().enumerate() {
        if vm.eq(it, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let what = if matches!(args.pos[0], Value::Tuple(_)) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        let r = vm.repr(x)?;
        format!("{} is not in list", r)
    };
    Err(vm.new_error("ValueError", &what))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = match args.pos.first() {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        other => return Err(descriptor_error(vm, "count", "list", other)),
    };
    let Some(x) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "count() takes exactly one argument (0 given)"));
    };
    let mut n = 0;
    for it in items.iter() {
        if vm.eq(it, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// Sorts values by an optional key function, as `sorted()` and
/// `list.sort()` do.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keyed: Vec<(Value, Value)> = match &key {
        Some(k) if !matches!(k, Value::None) => {
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let kv = vm.call(k, Args::new(vec![it.clone()]))?;
                out.push((kv, it));
            }
            out
        }
        _ => items.into_iter().map(|v| (v.clone(), v)).collect(),
    };
    let mut keyed = keyed;
    // As CPython: reverse, sort stably ascending, reverse again, so equal
    // items keep their original order.
    if reverse {
        keyed.reverse();
    }
    let mut less = |a: &(Value, Value), b: &(Value, Value)| vm.less(&a.0, &b.0);
    let sorted = merge_sort(keyed, &mut less)?;
    let mut out: Vec<Value> = sorted.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

fn list_sort(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key");
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    check_arity(vm, &args, 0, 0, "sort")?;
    let l = this_list(vm, &args, "sort")?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let sorted = sort_values(vm, items, key, reverse);
    match sorted {
        Ok(s) => {
            *l.borrow_mut() = s;
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args, "reverse")?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args, "clear")?;
    l.borrow_mut().clear();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args, "copy")?;
    let items = l.borrow().clone();
    Ok(Value::list(items))
}

// ----- dict -----------------------------------------------------------

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 2, "get")?;
    let d = this_dict(vm, &args, "get")?;
    let k = vm.key(args.pos[1].clone())?;
    let v = d.borrow().get(&k).cloned();
    Ok(v.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "keys")?;
    let items = d.borrow().keys().cloned().collect();
    Ok(Value::list(items))
}

fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "values")?;
    let items = d.borrow().values().cloned().collect();
    Ok(Value::list(items))
}

fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "items")?;
    let items = d
        .borrow()
        .iter()
        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
        .collect();
    Ok(Value::list(items))
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 2, "pop")?;
    let d = this_dict(vm, &args, "pop")?;
    let k = vm.key(args.pos[1].clone())?;
    let v = d.borrow_mut().remove(&k);
    match (v, args.pos.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.new_error_args("KeyError", vec![args.pos[1].clone()])),
    }
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "popitem")?;
    let v = d.borrow_mut().pop_last();
    match v {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(vm.new_error("KeyError", "popitem(): dictionary is empty")),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 2, "setdefault")?;
    let d = this_dict(vm, &args, "setdefault")?;
    let k = vm.key(args.pos[1].clone())?;
    let existing = d.borrow().get(&k).cloned();
    match existing {
        Some(v) => Ok(v),
        None => {
            let v = args.pos.get(2).cloned().unwrap_or(Value::None);
            d.borrow_mut().insert(k, v.clone());
            Ok(v)
        }
    }
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "update")?;
    if let Some(other) = args.pos.get(1) {
        let pairs = match other {
            Value::Dict(_) | Value::Instance(_) => vm.mapping_items(other)?,
            _ => {
                let mut out = Vec::new();
                for item in vm.collect(other)? {
                    let kv = vm.unpack(&item, 2)?;
                    out.push((kv[0].clone(), kv[1].clone()));
                }
                out
            }
        };
        for (k, v) in pairs {
            let k = vm.key(k)?;
            d.borrow_mut().insert(k, v);
        }
    }
    for (k, v) in args.kw {
        let k = vm.key(Value::Str(k))?;
        d.borrow_mut().insert(k, v);
    }
    Ok(Value::None)
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "clear")?;
    d.borrow_mut().clear();
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "copy")?;
    let c = d.borrow().clone();
    Ok(Value::Dict(Rc::new(RefCell::new(c))))
}

// ----- set ------------------------------------------------------------

fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "set.add")?;
    let s = this_set(vm, &args, "add")?;
    let k = vm.key(args.pos[1].clone())?;
    s.borrow_mut().insert(k, Value::None);
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "discard")?;
    let k = vm.key(args.pos.get(1).cloned().unwrap_or(Value::None))?;
    s.borrow_mut().remove(&k);
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "remove")?;
    let x = args.pos.get(1).cloned().unwrap_or(Value::None);
    let k = vm.key(x.clone())?;
    if s.borrow_mut().remove(&k).is_none() {
        return Err(vm.new_error_args("KeyError", vec![x]));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "pop")?;
    let v = s.borrow_mut().pop_first();
    match v {
        Some((k, _)) => Ok(k),
        None => Err(vm.new_error("KeyError", "pop from an empty set")),
    }
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "update")?;
    for other in args.pos.iter().skip(1) {
        for it in vm.collect(other)? {
            let k = vm.key(it)?;
            s.borrow_mut().insert(k, Value::None);
        }
    }
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "copy")?;
    let c = s.borrow().clone();
    Ok(Value::Set(Rc::new(RefCell::new(c))))
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_set(vm, &args, "clear")?;
    s.borrow_mut().clear();
    Ok(Value::None)
}

// ----- bytes, numbers -------------------------------------------------

fn bytes_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Bytes(b)) => match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => Err(vm.new_error(
                "UnicodeError",
                &format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                    b.get(e.valid_up_to()).copied().unwrap_or(0),
                    e.valid_up_to()
                ),
            )),
        },
        other => Err(descriptor_error(vm, "decode", "bytes", other)),
    }
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Float(f)) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        other => Err(descriptor_error(vm, "is_integer", "float", other)),
    }
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Int(i)) => Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64)),
        other => Err(descriptor_error(vm, "bit_length", "int", other)),
    }
}

// ----- generators and coroutines --------------------------------------

fn coro_of(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Rc<super::value::Coroutine>> {
    match args.pos.first() {
        Some(Value::Coroutine(c)) => Ok(c.clone()),
        other => Err(descriptor_error(vm, name, "generator", other)),
    }
}

fn outcome_value(vm: &mut Vm, r: CoroOutcome) -> PyResult<Value> {
    match r {
        CoroOutcome::Yield(v) => Ok(v),
        CoroOutcome::Return(v) => {
            let args = if matches!(v, Value::None) {
                vec![]
            } else {
                vec![v]
            };
            Err(vm.new_error_args("StopIteration", args))
        }
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = coro_of(vm, &args, "send")?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let r = vm.resume(&c, Resume::Send(v))?;
    outcome_value(vm, r)
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = coro_of(vm, &args, "throw")?;
    let e = args.pos.get(1).cloned().unwrap_or(Value::None);
    let e = vm.make_exception(e)?;
    let r = vm.resume(&c, Resume::Throw(e))?;
    outcome_value(vm, r)
}

/// The async generator `args` is called on, with `op` as what awaiting it
/// does next: the generator is its own awaitable (see `Vm::agen_settle`).
fn agen_arm(vm: &mut Vm, args: &Args, name: &str, op: AgenOp) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Coroutine(c)) if c.kind == CoroKind::AsyncGenerator => {
            c.op.replace(Some(op));
            Ok(Value::Coroutine(c.clone()))
        }
        other => Err(descriptor_error(vm, name, "async_generator", other)),
    }
}

fn agen_aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(v @ Value::Coroutine(c)) if c.kind == CoroKind::AsyncGenerator => Ok(v.clone()),
        other => Err(descriptor_error(vm, "__aiter__", "async_generator", other)),
    }
}

fn agen_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    agen_arm(vm, &args, "__anext__", AgenOp::Send(Value::None))
}

fn agen_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    agen_arm(vm, &args, "asend", AgenOp::Send(v))
}

/// `athrow(exc)` or `athrow(type, value, traceback)`.
fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = match (args.pos.get(1), args.pos.get(2)) {
        (_, Some(v)) if !matches!(v, Value::None) => v.clone(),
        (Some(t), _) => t.clone(),
        (None, _) => {
            return Err(vm.new_error("TypeError", "athrow expected at least 1 argument, got 0"))
        }
    };
    let e = vm.make_exception(e)?;
    agen_arm(vm, &args, "athrow", AgenOp::Throw(e))
}

fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    agen_arm(vm, &args, "aclose", AgenOp::Close)
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = coro_of(vm, &args, "close")?;
    match c.state.get() {
        CoroState::Created => {
            c.state.set(CoroState::Closed);
            c.frame.borrow_mut().take();
            c.touched.set(true);
            Ok(Value::None)
        }
        CoroState::Closed => Ok(Value::None),
        _ => {
            let e = vm.new_exception("GeneratorExit", vec![]);
            match vm.resume(&c, Resume::Throw(e)) {
                Ok(CoroOutcome::Yield(_)) => {
                    Err(vm.new_error("RuntimeError", "coroutine ignored GeneratorExit"))
                }
                Ok(CoroOutcome::Return(_)) => Ok(Value::None),
                Err(PyErr::Exception(e))
                    if vm.is_instance_of(&e, "GeneratorExit")
                        || vm.is_instance_of(&e, "StopIteration") =>
                {
                    Ok(Value::None)
                }
                Err(e) => Err(e),
            }
        }
    }
}

// ----- object and exceptions -------------------------------------------

fn object_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `object.__setattr__(obj, name, value)`: the plain store a class's own
/// `__setattr__` bypasses with it (frozen dataclasses' `__init__`).
fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1), args.pos.get(2)) {
        (Some(Value::Instance(inst)), Some(Value::Str(name)), Some(value)) => {
            inst.attrs.borrow_mut().set(name.clone(), value.clone());
            Ok(Value::None)
        }
        _ => Err(vm.new_error(
            "TypeError",
            "object.__setattr__() takes an instance, an attribute name and a value",
        )),
    }
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match &v {
        Value::Instance(i) => Ok(Value::Str(
            format!(
                "<{}.{} object at {}>",
                i.class.module,
                i.class.qualname,
                super::repr::fake_address(i.id)
            )
            .into(),
        )),
        other => Ok(Value::Str(vm.repr(other)?.into())),
    }
}

fn exception_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Err(vm.new_error("TypeError", "BaseException.__init__ needs an instance"));
    };
    if let Some(d) = this.exc() {
        d.borrow_mut().args = args.pos[1..].to_vec();
    }
    Ok(Value::None)
}

fn exception_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn exception_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::Str(vm.exception_str(&v)?.into()))
}

fn exception_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    let class = vm.types.class_of(vm, &v);
    let items = v.exc().map(|d| d.borrow().args.clone()).unwrap_or_default();
    let mut parts = Vec::new();
    for it in &items {
        parts.push(vm.repr(it)?);
    }
    Ok(Value::Str(
        format!("{}({})", class.name, parts.join(", ")).into(),
    ))
}

fn group_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    let items = v.exc().map(|d| d.borrow().args.clone()).unwrap_or_default();
    let msg = match items.first() {
        Some(m) => vm.to_str(m)?,
        None => String::new(),
    };
    let n = match items.get(1) {
        Some(Value::List(l)) => l.borrow().len(),
        Some(Value::Tuple(t)) => t.len(),
        _ => 0,
    };
    Ok(Value::Str(
        format!(
            "{} ({} sub-exception{})",
            msg,
            n,
            if n == 1 { "" } else { "s" }
        )
        .into(),
    ))
}

/// Installs the methods of the built-in types.
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let s = &t.str_;
    def(s, "format", str_format);
    def(s, "lower", str_lower);
    def(s, "upper", str_upper);
    def(s, "title", str_title);
    def(s, "capitalize", str_capitalize);
    def(s, "replace", str_replace);
    def(s, "split", str_split);
    def(s, "rsplit", str_rsplit);
    def(s, "splitlines", str_splitlines);
    def(s, "join", str_join);
    def(s, "strip", str_strip);
    def(s, "lstrip", str_lstrip);
    def(s, "rstrip", str_rstrip);
    def(s, "startswith", str_startswith);
    def(s, "endswith", str_endswith);
    def(s, "find", str_find);
    def(s, "rfind", str_rfind);
    def(s, "index", str_index);
    def(s, "count", str_count);
    def(s, "encode", str_encode);
    def(s, "isdigit", str_isdigit);
    def(s, "isalpha", str_isalpha);
    def(s, "isalnum", str_isalnum);
    def(s, "isspace", str_isspace);
    def(s, "isupper", str_isupper);
    def(s, "islower", str_islower);
    def(s, "ljust", str_ljust);
    def(s, "rjust", str_rjust);
    def(s, "center", str_center);
    def(s, "zfill", str_zfill);
    def(s, "partition", str_partition);
    let l = &t.list;
    def(l, "append", list_append);
    def(l, "extend", list_extend);
    def(l, "pop", list_pop);
    def(l, "insert", list_insert);
    def(l, "remove", list_remove);
    def(l, "index", list_index);
    def(l, "count", list_count);
    def(l, "sort", list_sort);
    def(l, "reverse", list_reverse);
    def(l, "clear", list_clear);
    def(l, "copy", list_copy);
    def(&t.tuple, "index", list_index);
    def(&t.tuple, "count", list_count);
    let d = &t.dict;
    def(d, "get", dict_get);
    def(d, "keys", dict_keys);
    def(d, "values", dict_values);
    def(d, "items", dict_items);
    def(d, "pop", dict_pop);
    def(d, "popitem", dict_popitem);
    def(d, "setdefault", dict_setdefault);
    def(d, "update", dict_update);
    def(d, "clear", dict_clear);
    def(d, "copy", dict_copy);
    let st = &t.set;
    def(st, "add", set_add);
    def(st, "discard", set_discard);
    def(st, "remove", set_remove);
    def(st, "pop", set_pop);
    def(st, "update", set_update);
    def(st, "copy", set_copy);
    def(st, "clear", set_clear);
    def(&t.bytes, "decode", bytes_decode);
    def(&t.float, "is_integer", float_is_integer);
    def(&t.int, "bit_length", int_bit_length);
    for g in [&t.generator, &t.coroutine] {
        def(g, "send", gen_send);
        def(g, "throw", gen_throw);
        def(g, "close", gen_close);
    }
    let ag = &t.async_generator;
    def(ag, "__aiter__", agen_aiter);
    def(ag, "__anext__", agen_anext);
    def(ag, "asend", agen_asend);
    def(ag, "athrow", agen_athrow);
    def(ag, "aclose", agen_aclose);
    def(&t.object, "__init__", object_init);
    def(&t.object, "__repr__", object_repr);
    def(&t.object, "__setattr__", object_setattr);
    let base = t.exc("BaseException");
    def(&base, "__init__", exception_init);
    def(&base, "with_traceback", exception_with_traceback);
    def(&base, "__str__", exception_str);
    def(&base, "__repr__", exception_repr);
    let group = t.exc("BaseExceptionGroup");
    def(&group, "__str__", group_str);
}
