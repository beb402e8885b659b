//! Attribute access: `obj.name` (get, set, delete) for instances,
//! classes, modules, functions and built-in values, and the method lookup
//! that calls use to skip creating a bound method.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::dict::{Dict, Key};
use crate::vm::value::{Args, BoundMethod, ClassKind, CoroState, Payload, PyErr, PyResult, Value};
use crate::vm::Vm;

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
                        "code" if inst.class.is_subclass(&self.types.exc("SystemExit")) => {
                            return Ok(match d.args.len() {
                                0 => Value::None,
                                1 => d.args[0].clone(),
                                _ => Value::tuple(d.args.clone()),
                            });
                        }
                        "exceptions" | "message" => {
                            let group = self.types.exc("BaseExceptionGroup");
                            if inst.class.is_subclass(&group) {
                                if name == "message" {
                                    return Ok(d.args.first().cloned().unwrap_or(Value::str("")));
                                }
                                return Ok(match d.args.get(1) {
                                    Some(Value::List(l)) => Value::tuple(l.borrow().clone()),
                                    Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
                                    _ => Value::tuple(vec![]),
                                });
                            }
                        }
                        // `StopIteration.value`: what a generator returned.
                        "value" => {
                            let stop = self.types.exc("StopIteration");
                            if inst.class.is_subclass(&stop) {
                                return Ok(d.args.first().cloned().unwrap_or(Value::None));
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
                "__defaults__" if f.defaults.is_empty() => Ok(Value::None),
                "__defaults__" => Ok(Value::tuple(f.defaults.clone())),
                "__kwdefaults__" if f.kwdefaults.is_empty() => Ok(Value::None),
                "__kwdefaults__" => {
                    let mut d = Dict::new();
                    for (k, v) in &f.kwdefaults {
                        d.insert(Key::new(Value::Str(k.clone())).expect("str key"), v.clone());
                    }
                    Ok(Value::Dict(Rc::new(RefCell::new(d))))
                }
                _ => {
                    let found = f.attrs.borrow().get(name).cloned();
                    match found {
                        Some(v) => Ok(v),
                        None => self.function_default_attr(obj, f, name),
                    }
                }
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

    /// The attributes a function has without being given them:
    /// `__doc__` from its code, `__annotations__` made empty on first
    /// reading and then kept.
    fn function_default_attr(
        &mut self,
        obj: &Value,
        f: &Rc<crate::vm::value::Function>,
        name: &str,
    ) -> PyResult<Value> {
        match name {
            "__doc__" => Ok(f.code.doc.clone().map_or(Value::None, Value::Str)),
            "__annotations__" => {
                let d = Value::Dict(Rc::new(RefCell::new(Dict::new())));
                f.attrs
                    .borrow_mut()
                    .set("__annotations__".into(), d.clone());
                Ok(d)
            }
            _ => Err(self.no_attr(obj, name)),
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
}
