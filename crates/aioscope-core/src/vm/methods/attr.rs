//! Attribute access: `obj.name` (get, set, delete) for instances,
//! classes, modules, functions and built-in values, with CPython's
//! descriptor protocol (data descriptors before the instance's own
//! attributes, then non-data descriptors and plain class attributes) and
//! the hooks `__getattribute__`, `__getattr__`, `__setattr__` and
//! `__delattr__`; and the method lookup that calls use to skip creating a
//! bound method.
//!
//! Instances of classes without hooks or data descriptors (the class's
//! flags say so) take a fast path: their own attributes, then the class.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::dict::Dict;
use crate::vm::keys::Key;
use crate::vm::value::{
    Args, BoundMethod, Class, ClassKind, CoroState, Instance, Payload, PyErr, PyResult, Value,
};
use crate::vm::Vm;

/// Whether a class attribute is a data descriptor (it wins over the
/// instance's own attribute of the same name).
#[inline]
pub fn is_data_descriptor(v: &Value) -> bool {
    matches!(v, Value::Instance(d) if d.class.has(Class::IS_DATA_DESCRIPTOR))
}

/// The name CPython's messages give a class: its C type's `tp_name` for
/// the types C modules define outside `builtins` (`_asyncio.Task`,
/// `collections.deque`), the plain name for every other.
fn tp_name(c: &Class) -> String {
    const C_TYPES: &[(&str, &str)] = &[
        ("collections", "deque"),
        ("collections", "OrderedDict"),
        ("collections", "defaultdict"),
    ];
    let c_type = &*c.module == "_asyncio"
        || C_TYPES
            .iter()
            .any(|(m, n)| *m == &*c.module && *n == &*c.name);
    if c_type {
        format!("{}.{}", c.module, c.name)
    } else {
        c.name.to_string()
    }
}

impl Vm {
    /// CPython's `AttributeError` for a missing attribute.
    pub fn no_attr(&mut self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{}'", tp_name(c), name),
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name, name),
            // Futures and tasks are C types of `_asyncio`, named so.
            Value::Object(o) if o.class(self).module.as_ref() == "_asyncio" => {
                format!(
                    "'_asyncio.{}' object has no attribute '{}'",
                    o.class_name(),
                    name
                )
            }
            other => format!("'{}' object has no attribute '{}'", other.type_name(), name),
        };
        let e = self.new_exception("AttributeError", vec![Value::str(&msg)]);
        // `.name` and `.obj`, as CPython sets them: the interpreter's
        // "Did you mean" reads them.
        if let Value::Instance(i) = &e {
            let mut attrs = i.attrs.borrow_mut();
            attrs.set("name".into(), Value::str(name));
            attrs.set("obj".into(), obj.clone());
        }
        PyErr::Exception(e)
    }

    /// Binds an attribute found on `class` (the type of `obj`) to `obj`,
    /// as reading it through `obj` would.
    pub fn bind_to(&mut self, obj: &Value, class: &Rc<Class>, attr: Value) -> PyResult<Value> {
        self.bind_attr(obj, class, attr)
    }

    /// Binds a class attribute found for an instance: functions become
    /// bound methods, descriptors are asked with `__get__`; methods of a
    /// built-in base bind to the built-in value of a subclass instance.
    fn bind_attr(&mut self, obj: &Value, class: &Rc<Class>, attr: Value) -> PyResult<Value> {
        match attr {
            Value::Function(_) => Ok(Value::BoundMethod(Rc::new(BoundMethod {
                this: obj.clone(),
                func: attr,
            }))),
            Value::Native(_) => Ok(Value::BoundMethod(Rc::new(BoundMethod {
                this: self.native_receiver(obj, class, &attr),
                func: attr,
            }))),
            Value::Instance(ref d) if d.class.has(Class::IS_GET_DESCRIPTOR) => {
                let d = d.clone();
                self.descr_get(&attr, &d, Some(obj), class)
            }
            other => Ok(other),
        }
    }

    /// The receiver a native method found on `class` gets for `obj`: the
    /// built-in value of an instance of a built-in's subclass when the
    /// method belongs to the built-in type, otherwise `obj` itself.
    pub(crate) fn native_receiver(&self, obj: &Value, class: &Rc<Class>, func: &Value) -> Value {
        if let Value::Instance(inst) = obj {
            if let Payload::Builtin(inner) = &inst.payload {
                let owner = match func {
                    Value::Native(n) => self.native_owner(class, n),
                    _ => None,
                };
                if owner.is_some_and(|o| o.kind == ClassKind::Builtin) {
                    return inner.clone();
                }
            }
        }
        obj.clone()
    }

    /// The class in `class`'s MRO whose namespace holds this native.
    fn native_owner(
        &self,
        class: &Rc<Class>,
        n: &Rc<crate::vm::value::NativeFn>,
    ) -> Option<Rc<Class>> {
        let holds = |c: &Rc<Class>| {
            c.attrs
                .borrow()
                .iter()
                .any(|(_, v)| matches!(v, Value::Native(m) if Rc::ptr_eq(m, n)))
        };
        if holds(class) {
            return Some(class.clone());
        }
        class.mro.iter().find(|c| holds(c)).cloned()
    }

    /// `descr.__get__(obj, owner)` for a descriptor `d` found on `owner`;
    /// `obj` is `None` when the attribute was read on the class.
    pub fn descr_get(
        &mut self,
        descr: &Value,
        d: &Rc<Instance>,
        obj: Option<&Value>,
        owner: &Rc<Class>,
    ) -> PyResult<Value> {
        match (&d.payload, obj) {
            (Payload::ClassMethod(f), _) => {
                let cls = match obj {
                    Some(o) => Value::Class(self.types.class_of(self, o)),
                    None => Value::Class(owner.clone()),
                };
                return Ok(Value::BoundMethod(Rc::new(BoundMethod {
                    this: cls,
                    func: f.clone(),
                })));
            }
            (Payload::StaticMethod(f), _) => return Ok(f.clone()),
            (Payload::Property(_) | Payload::Slot(..), None) => return Ok(descr.clone()),
            (Payload::Property(p), Some(o)) => {
                let fget = p.borrow().fget.clone();
                if matches!(fget, Value::None) {
                    let msg = self.property_message(descr, o, "getter");
                    return Err(self.new_error("AttributeError", &msg));
                }
                return self.call(&fget, Args::new(vec![o.clone()]));
            }
            (Payload::Slot(name, _), Some(o)) => {
                if let Value::Instance(inst) = o {
                    let v = match &inst.payload {
                        Payload::Slots(slots) => slots.borrow().get(name).cloned(),
                        _ => inst.attrs.borrow().get(name).cloned(),
                    };
                    if let Some(v) = v {
                        return Ok(v);
                    }
                }
                let name = name.clone();
                return Err(self.no_attr(o, &name));
            }
            _ => {}
        }
        let Some(get) = d.class.lookup("__get__") else {
            return Ok(descr.clone());
        };
        let this = obj.cloned().unwrap_or(Value::None);
        self.call(
            &get,
            Args::new(vec![descr.clone(), this, Value::Class(owner.clone())]),
        )
    }

    /// "property 'x' of 'C' object has no setter" (the name when the
    /// property knows it).
    pub fn property_message(&mut self, descr: &Value, obj: &Value, what: &str) -> String {
        let name = match descr {
            Value::Instance(d) => match &d.payload {
                Payload::Property(p) => p.borrow().name.clone(),
                _ => None,
            },
            _ => None,
        };
        match name {
            Some(n) => format!(
                "property '{}' of '{}' object has no {}",
                n,
                obj.type_name(),
                what
            ),
            None => format!("property of '{}' object has no {}", obj.type_name(), what),
        }
    }

    /// `obj.name`.
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => {
                if inst.class.has(Class::GETATTRIBUTE) {
                    return self.hooked_getattr(obj, inst, name);
                }
                match self.generic_getattr(obj, inst, name)? {
                    Some(v) => Ok(v),
                    None => self.getattr_fallback(obj, inst, name),
                }
            }
            Value::Class(c) => self.class_getattr(obj, c, name),
            Value::Module(m) => match m.get(name) {
                Some(v) => Ok(v),
                None => {
                    if name == "__dict__" {
                        return Ok(Value::Dict(m.as_dict()));
                    }
                    // A library module's own `__getattr__` (PEP 562); when it
                    // has nothing either, the error is the usual one (with its
                    // "Did you mean" suggestion).
                    if let Some(hook) = m.get("__getattr__") {
                        match self.call(&hook, Args::new(vec![Value::str(name)])) {
                            Err(PyErr::Exception(e))
                                if self.is_instance_of(&e, "AttributeError") => {}
                            other => return other,
                        }
                    }
                    Err(self.no_attr(obj, name))
                }
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
                        d.insert(Key::str(k.clone()), v.clone());
                    }
                    Ok(Value::Dict(crate::vm::heap::tracked(RefCell::new(d))))
                }
                "__class__" => Ok(Value::Class(self.types.function.clone())),
                "__dict__" => {
                    let mut d = Dict::new();
                    for (k, v) in f.attrs.borrow().iter() {
                        d.insert(Key::str(k.clone()), v.clone());
                    }
                    Ok(Value::Dict(crate::vm::heap::tracked(RefCell::new(d))))
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
                _ => self.builtin_attr(obj, name),
            },
            Value::BoundMethod(m) => match name {
                "__self__" => Ok(m.this.clone()),
                "__func__" => Ok(m.func.clone()),
                "__class__" => Ok(Value::Class(self.types.method.clone())),
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
                if let Some(s) = o.as_any().downcast_ref::<super::super_::SuperObj>() {
                    return s.lookup(self, name);
                }
                if let Some(v) = o.own_attr(name) {
                    return Ok(v);
                }
                let class = o.class(self);
                if let Some(attr) = class.lookup(name) {
                    return self.bind_attr(obj, &class, attr);
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
                let d = Value::Dict(crate::vm::heap::tracked(RefCell::new(Dict::new())));
                f.attrs
                    .borrow_mut()
                    .set("__annotations__".into(), d.clone());
                Ok(d)
            }
            _ => self.builtin_attr(obj, name),
        }
    }

    /// `__getattribute__` defined in Python, then `__getattr__` when it
    /// raises `AttributeError`.
    fn hooked_getattr(&mut self, obj: &Value, inst: &Rc<Instance>, name: &str) -> PyResult<Value> {
        let Some(hook) = inst.class.lookup("__getattribute__") else {
            return Err(self.no_attr(obj, name));
        };
        let r = self.call_method_value(obj, &inst.class, hook, vec![Value::str(name)]);
        match r {
            Err(PyErr::Exception(e))
                if inst.class.has(Class::GETATTR) && self.is_instance_of(&e, "AttributeError") =>
            {
                self.getattr_fallback(obj, inst, name)
            }
            other => other,
        }
    }

    /// Calls a method value found on `class` with `obj` first.
    fn call_method_value(
        &mut self,
        obj: &Value,
        class: &Rc<Class>,
        method: Value,
        rest: Vec<Value>,
    ) -> PyResult<Value> {
        let bound = self.bind_attr(obj, class, method)?;
        self.call(&bound, Args::new(rest))
    }

    /// `__getattr__` after the normal lookup failed, or the error.
    fn getattr_fallback(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
    ) -> PyResult<Value> {
        if inst.class.has(Class::GETATTR) {
            if let Some(hook) = inst.class.lookup("__getattr__") {
                return self.call_method_value(obj, &inst.class, hook, vec![Value::str(name)]);
            }
        }
        Err(self.no_attr(obj, name))
    }

    /// `object.__getattribute__(obj, name)`: data descriptors, the
    /// instance's own attributes, then the class's; `None` when missing.
    pub fn generic_getattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let class = &inst.class;
        let mut found = None;
        let looked = class.has(Class::DATA_DESCRIPTORS);
        if looked {
            found = class.lookup(name);
            if let Some(attr) = &found {
                // One with __set__ but no __get__ (CPython reads the
                // instance's own value first then).
                let getless = matches!(attr, Value::Instance(d)
                    if matches!(d.payload, Payload::None | Payload::Slots(_))
                        && d.class.lookup("__get__").is_none());
                if is_data_descriptor(attr) && !getless {
                    let attr = attr.clone();
                    return self.bind_attr(obj, class, attr).map(Some);
                }
            }
        }
        if let Some(v) = inst.get_own(name) {
            return Ok(Some(v));
        }
        if let Some(v) = self.instance_special(obj, inst, name)? {
            return Ok(Some(v));
        }
        if !looked {
            found = class.lookup(name);
        }
        match found {
            Some(attr) => self.bind_attr(obj, class, attr).map(Some),
            None => match &inst.payload {
                Payload::Builtin(inner) => {
                    let inner = inner.clone();
                    match self.builtin_attr(&inner, name) {
                        Ok(v) => Ok(Some(v)),
                        Err(PyErr::Exception(_)) => Ok(None),
                        Err(e) => Err(e),
                    }
                }
                _ => Ok(None),
            },
        }
    }

    /// Attributes an instance has by its nature rather than in its
    /// namespace: `__class__`, `__dict__`, an exception's state, an enum
    /// member's name and value, a namedtuple's fields, a descriptor's
    /// parts.
    fn instance_special(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        match name {
            "__class__" => return Ok(Some(Value::Class(inst.class.clone()))),
            "__dict__" => {
                if inst.class.slots.is_some() {
                    return Ok(None);
                }
                return Ok(Some(Value::Dict(self.instance_dict(inst))));
            }
            _ => {}
        }
        match &inst.payload {
            Payload::Exception(data) => {
                let d = data.borrow();
                match name {
                    "args" => {
                        let args = self.shown_exception_args(&inst.class, d.args.clone());
                        return Ok(Some(Value::tuple(args)));
                    }
                    "__cause__" => return Ok(Some(d.cause.clone().unwrap_or(Value::None))),
                    "__context__" => return Ok(Some(d.context.clone().unwrap_or(Value::None))),
                    "__suppress_context__" => return Ok(Some(Value::Bool(d.suppress_context))),
                    "__traceback__" => {
                        drop(d);
                        return Ok(Some(self.traceback_of(obj)));
                    }
                    "code" if inst.class.is_subclass(&self.types.exc("SystemExit")) => {
                        return Ok(Some(match d.args.len() {
                            0 => Value::None,
                            1 => d.args[0].clone(),
                            _ => Value::tuple(d.args.clone()),
                        }));
                    }
                    "exceptions" | "message" => {
                        let group = self.types.exc("BaseExceptionGroup");
                        if inst.class.is_subclass(&group) {
                            if name == "message" {
                                return Ok(Some(d.args.first().cloned().unwrap_or(Value::str(""))));
                            }
                            return Ok(Some(match d.args.get(1) {
                                Some(Value::List(l)) => Value::tuple(l.borrow().clone()),
                                Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
                                _ => Value::tuple(vec![]),
                            }));
                        }
                    }
                    // OSError(errno, strerror[, filename[, winerror[, filename2]]]).
                    "errno" | "strerror" | "filename" | "filename2" => {
                        let os_error = self.types.exc("OSError");
                        if inst.class.is_subclass(&os_error) {
                            let at = match name {
                                "errno" => 0,
                                "strerror" => 1,
                                "filename" => 2,
                                _ => 4,
                            };
                            let known = (2..=5).contains(&d.args.len());
                            return Ok(Some(match d.args.get(at) {
                                Some(v) if known => v.clone(),
                                _ => Value::None,
                            }));
                        }
                    }
                    // UnicodeEncodeError(encoding, object, start, end, reason).
                    "encoding" | "object" | "start" | "end" | "reason" => {
                        let unicode = self.types.exc("UnicodeError");
                        if inst.class.is_subclass(&unicode) && d.args.len() == 5 {
                            let at = ["encoding", "object", "start", "end", "reason"]
                                .iter()
                                .position(|n| *n == name)
                                .unwrap_or(0);
                            return Ok(Some(d.args[at].clone()));
                        }
                    }
                    // `StopIteration.value`: what a generator returned.
                    "value" => {
                        let stop = self.types.exc("StopIteration");
                        if inst.class.is_subclass(&stop) {
                            return Ok(Some(d.args.first().cloned().unwrap_or(Value::None)));
                        }
                    }
                    _ => {}
                }
            }
            Payload::Tuple(items) => {
                if let Some(Value::Tuple(fields)) = inst.class.lookup("_fields") {
                    if let Some(i) = fields
                        .iter()
                        .position(|f| matches!(f, Value::Str(s) if &**s == name))
                    {
                        return Ok(items.get(i).cloned());
                    }
                }
            }
            Payload::Property(p) => {
                let p = p.borrow();
                let v = match name {
                    "fget" => p.fget.clone(),
                    "fset" => p.fset.clone(),
                    "fdel" => p.fdel.clone(),
                    "__doc__" => p.doc.clone(),
                    "__isabstractmethod__" => {
                        if let Some(own) = inst.class.lookup(name) {
                            return Ok(Some(own));
                        }
                        let parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
                        drop(p);
                        for f in parts {
                            if self.is_abstract(&f)? {
                                return Ok(Some(Value::Bool(true)));
                            }
                        }
                        return Ok(Some(Value::Bool(false)));
                    }
                    _ => return Ok(None),
                };
                return Ok(Some(v));
            }
            Payload::ClassMethod(f) | Payload::StaticMethod(f) => match name {
                "__func__" | "__wrapped__" => return Ok(Some(f.clone())),
                "__isabstractmethod__" if inst.class.lookup(name).is_none() => {
                    let f = f.clone();
                    return Ok(Some(Value::Bool(self.is_abstract(&f)?)));
                }
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    let f = f.clone();
                    return self.get_attr(&f, name).map(Some);
                }
                _ => {}
            },
            Payload::Slot(slot, owner) => match name {
                "__name__" => return Ok(Some(Value::Str(slot.clone()))),
                "__objclass__" => {
                    let _ = owner;
                    return Ok(None);
                }
                _ => {}
            },
            Payload::Builtin(_) | Payload::Slots(_) | Payload::None => {}
        }
        let _ = obj;
        Ok(None)
    }

    /// Whether `f.__isabstractmethod__` is true.
    pub fn is_abstract(&mut self, f: &Value) -> PyResult<bool> {
        match f {
            Value::None => Ok(false),
            Value::Function(func) => Ok(matches!(
                func.attrs.borrow().get("__isabstractmethod__"),
                Some(Value::Bool(true))
            )),
            other => match self.get_attr(other, "__isabstractmethod__") {
                Ok(v) => self.truthy(&v),
                Err(PyErr::Exception(e)) if self.is_instance_of(&e, "AttributeError") => Ok(false),
                Err(e) => Err(e),
            },
        }
    }

    /// The instance's attributes as the dict the program can hold and
    /// change (`obj.__dict__`, `vars(obj)`).
    pub fn instance_dict(&mut self, inst: &Rc<Instance>) -> Rc<RefCell<Dict>> {
        if let Some(d) = &*inst.dict.borrow() {
            return d.clone();
        }
        let mut d = Dict::new();
        for (k, v) in inst.attrs.borrow_mut().drain() {
            d.insert(Key::str(k), v);
        }
        let d = crate::vm::heap::tracked(RefCell::new(d));
        *inst.dict.borrow_mut() = Some(d.clone());
        d
    }

    /// Attribute access on a class: the metaclass's data descriptors, the
    /// class's MRO (descriptors asked with no instance), then the
    /// metaclass's attributes bound to the class.
    fn class_getattr(&mut self, obj: &Value, c: &Rc<Class>, name: &str) -> PyResult<Value> {
        match name {
            "__name__" => return Ok(Value::Str(c.name.clone())),
            "__qualname__" => return Ok(Value::Str(c.qualname.clone())),
            "__module__" => {
                if let Some(v) = c.attrs.borrow().get("__module__") {
                    return Ok(v.clone());
                }
                return Ok(Value::Str(c.module.clone()));
            }
            "__bases__" => {
                return Ok(Value::tuple(
                    c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                ))
            }
            "__base__" => {
                return Ok(c
                    .bases
                    .first()
                    .map(|b| Value::Class(b.clone()))
                    .unwrap_or(Value::None))
            }
            "__mro__" => {
                let mut v = vec![obj.clone()];
                v.extend(c.mro.iter().map(|b| Value::Class(b.clone())));
                return Ok(Value::tuple(v));
            }
            "__class__" => {
                return Ok(Value::Class(
                    c.meta.clone().unwrap_or_else(|| self.types.type_.clone()),
                ))
            }
            "__dict__" => {
                let mut d = Dict::new();
                for (k, v) in c.attrs.borrow().iter() {
                    d.insert(Key::str(k.clone()), v.clone());
                }
                return Ok(Value::Dict(crate::vm::heap::tracked(RefCell::new(d))));
            }
            "__doc__" => {
                return Ok(c
                    .attrs
                    .borrow()
                    .get("__doc__")
                    .cloned()
                    .unwrap_or(Value::None));
            }
            "__abstractmethods__" => {
                let own = c.attrs.borrow().get("__abstractmethods__").cloned();
                return match own {
                    Some(v) => Ok(v),
                    None => Err(self.new_error("AttributeError", "__abstractmethods__")),
                };
            }
            _ => {}
        }
        if let Some(meta) = &c.meta {
            if meta.has(Class::DATA_DESCRIPTORS) {
                if let Some(attr) = meta.lookup(name) {
                    if is_data_descriptor(&attr) {
                        let meta = meta.clone();
                        return self.bind_attr(obj, &meta, attr);
                    }
                }
            }
        }
        if let Some(attr) = c.lookup(name) {
            return match &attr {
                Value::Instance(d) if d.class.has(Class::IS_GET_DESCRIPTOR) => {
                    let d = d.clone();
                    self.descr_get(&attr, &d, None, c)
                }
                _ => Ok(attr),
            };
        }
        let meta = c.meta.clone().unwrap_or_else(|| self.types.type_.clone());
        if let Some(attr) = meta.lookup(name) {
            return self.bind_attr(obj, &meta, attr);
        }
        if meta.has(Class::GETATTR) {
            if let Some(hook) = meta.lookup("__getattr__") {
                return self.call_method_value(obj, &meta, hook, vec![Value::str(name)]);
            }
        }
        Err(self.no_attr(obj, name))
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
            (Value::Float(_), "imag") => return Ok(Value::Float(0.0)),
            (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => return Ok(obj.clone()),
            (Value::Bool(b), "real" | "numerator") => return Ok(Value::Int(*b as i64)),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => {
                return Ok(Value::Int(1))
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => {
                return Ok(Value::Int(0))
            }
            _ => {}
        }
        match class.lookup(name) {
            Some(attr) => self.bind_attr(obj, &class, attr),
            None => Err(self.no_attr(obj, name)),
        }
    }

    /// The function to call for `obj.name(...)` without creating a bound
    /// method: `Some(func)` when `name` is a method found on the type and
    /// not shadowed by an instance attribute.
    pub fn lookup_method(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let class = match obj {
            Value::Instance(inst) => {
                if inst.class.has(Class::GETATTRIBUTE) || inst.has_own(name) {
                    return Ok(None);
                }
                if let Payload::Builtin(_) = inst.payload {
                    // Native methods of the built-in base take its value.
                    return match inst.class.lookup(name) {
                        Some(f @ Value::Function(_)) => Ok(Some(f)),
                        _ => Ok(None),
                    };
                }
                &inst.class
            }
            Value::Class(_) | Value::Module(_) => return Ok(None),
            Value::Object(o) => {
                if o.as_any().is::<super::super_::SuperObj>() || o.own_attr(name).is_some() {
                    return Ok(None);
                }
                let class = o.class(self);
                return match class.lookup(name) {
                    Some(f @ (Value::Function(_) | Value::Native(_))) => Ok(Some(f)),
                    _ => Ok(None),
                };
            }
            other => {
                let class = self.types.class_of(self, other);
                return match class.lookup(name) {
                    Some(f @ (Value::Function(_) | Value::Native(_))) => Ok(Some(f)),
                    _ => Ok(None),
                };
            }
        };
        match class.lookup(name) {
            Some(f @ (Value::Function(_) | Value::Native(_))) => Ok(Some(f)),
            _ => Ok(None),
        }
    }

    /// A special method defined in Python on `obj`'s class (the first
    /// definition in the MRO, `None` when that is a built-in one or there
    /// is none), bound to `obj`. Operators use it: the built-in behaviour
    /// is theirs.
    pub fn user_dunder(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let Value::Instance(inst) = obj else {
            return Ok(None);
        };
        match inst.class.lookup_owner(name) {
            None => Ok(None),
            Some((_, f @ Value::Function(_))) => {
                Ok(Some(Value::BoundMethod(Rc::new(BoundMethod {
                    this: obj.clone(),
                    func: f,
                }))))
            }
            // A built-in type's own method is the built-in behaviour the
            // caller implements; one a Python class took (an enum's
            // `__str__ = int.__repr__`) is called.
            Some((owner, Value::Native(_))) if owner.module.as_ref() == "builtins" => Ok(None),
            Some((_, Value::None)) => Ok(Some(Value::None)),
            Some((_, other)) => {
                let class = inst.class.clone();
                self.bind_attr(obj, &class, other).map(Some)
            }
        }
    }

    /// The method implementing a protocol (`__len__`, `__iter__`,
    /// `__add__`...) for `v`, bound to it: a Python class's own (see
    /// [`Vm::user_dunder`]), a library object's native one, or for a class
    /// its metaclass's. `None` leaves the built-in behaviour.
    pub fn protocol_method(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        match v {
            Value::Instance(_) => self.user_dunder(v, name),
            Value::Object(_) => Ok(self.lookup_method(v, name)?.map(|f| {
                Value::BoundMethod(Rc::new(BoundMethod {
                    this: v.clone(),
                    func: f,
                }))
            })),
            Value::Class(c) => {
                let Some(meta) = &c.meta else {
                    return Ok(None);
                };
                match meta.lookup(name) {
                    None | Some(Value::Native(_)) => Ok(None),
                    Some(f) => {
                        let meta = meta.clone();
                        self.bind_attr(v, &meta, f).map(Some)
                    }
                }
            }
            _ => Ok(None),
        }
    }

    /// A bound special method, or the protocol `TypeError`.
    pub fn special_method(&mut self, obj: &Value, name: &str, protocol: &str) -> PyResult<Value> {
        let class = self.types.class_of(self, obj);
        match class.lookup(name) {
            Some(f) if !matches!(f, Value::None) => self.bind_attr(obj, &class, f),
            _ => Err(self.new_error(
                "TypeError",
                &format!("'{}' object does not support {}", obj.type_name(), protocol),
            )),
        }
    }

    /// `obj.name = value`.
    pub fn set_attr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if !inst.class.has(Class::SLOW_SET) && inst.class.slots.is_none() {
                    if let Payload::None = inst.payload {
                        inst.set_own(name.into(), value);
                        return Ok(());
                    }
                }
                if inst.class.has(Class::SETATTR) {
                    if let Some(hook) = inst.class.lookup("__setattr__") {
                        let class = inst.class.clone();
                        self.call_method_value(obj, &class, hook, vec![Value::str(name), value])?;
                        return Ok(());
                    }
                }
                self.generic_setattr(obj, inst, name, value)
            }
            Value::Class(c) => self.class_setattr(c, name, Some(value)),
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
            other => {
                let class = self.types.class_of(self, other);
                let msg = if class.lookup(name).is_some() {
                    format!(
                        "'{}' object attribute '{}' is read-only",
                        other.type_name(),
                        name
                    )
                } else {
                    format!("'{}' object has no attribute '{}'", other.type_name(), name)
                };
                Err(self.new_error("AttributeError", &msg))
            }
        }
    }

    /// `object.__setattr__(obj, name, value)`: data descriptors, then the
    /// instance's own attributes (or its slots).
    pub fn generic_setattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
        value: Value,
    ) -> PyResult<()> {
        if let Payload::Exception(data) = &inst.payload {
            match name {
                "args" => {
                    let items = self.collect(&value)?;
                    data.borrow_mut().args = items;
                    return Ok(());
                }
                "__cause__" => {
                    let mut d = data.borrow_mut();
                    d.cause = (!matches!(value, Value::None)).then_some(value);
                    d.suppress_context = true;
                    return Ok(());
                }
                "__context__" => {
                    data.borrow_mut().context = (!matches!(value, Value::None)).then_some(value);
                    return Ok(());
                }
                "__suppress_context__" => {
                    data.borrow_mut().suppress_context = matches!(value, Value::Bool(true));
                    return Ok(());
                }
                _ => {}
            }
        }
        if matches!(inst.class.kind, ClassKind::NamedTuple) {
            return Err(self.new_error("AttributeError", "can't set attribute"));
        }
        let class = inst.class.clone();
        if class.has(Class::DATA_DESCRIPTORS) || class.slots.is_some() {
            if let Some(attr) = class.lookup(name) {
                if let Value::Instance(d) = &attr {
                    if d.class.has(Class::IS_DATA_DESCRIPTOR) {
                        let d = d.clone();
                        return self.descr_set(&attr, &d, obj, Some(value));
                    }
                }
                if class.slots.is_some() {
                    return Err(self.new_error(
                        "AttributeError",
                        &format!("'{}' object attribute '{}' is read-only", class.name, name),
                    ));
                }
            } else if class.slots.is_some() {
                return Err(self.no_attr(obj, name));
            }
        }
        if name == "__class__" {
            return Err(self.new_error(
                "NotImplementedError",
                "assigning __class__ is not supported yet",
            ));
        }
        if name == "__dict__" {
            let d = self.instance_dict(inst);
            let items = self.mapping_items(&value)?;
            let mut new = Dict::new();
            for (k, v) in items {
                let k = self.key(k)?;
                new.insert(k, v);
            }
            *d.borrow_mut() = new;
            return Ok(());
        }
        inst.set_own(name.into(), value);
        Ok(())
    }

    /// `descr.__set__(obj, value)`, or `descr.__delete__(obj)` when
    /// `value` is `None`.
    pub fn descr_set(
        &mut self,
        descr: &Value,
        d: &Rc<Instance>,
        obj: &Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        match &d.payload {
            Payload::Property(p) => {
                let (f, what) = match &value {
                    Some(_) => (p.borrow().fset.clone(), "setter"),
                    None => (p.borrow().fdel.clone(), "deleter"),
                };
                if matches!(f, Value::None) {
                    let msg = self.property_message(descr, obj, what);
                    return Err(self.new_error("AttributeError", &msg));
                }
                let mut args = vec![obj.clone()];
                args.extend(value);
                self.call(&f, Args::new(args))?;
                return Ok(());
            }
            Payload::Slot(name, _) => {
                let Value::Instance(inst) = obj else {
                    return Err(self.no_attr(obj, name));
                };
                let storage = match &inst.payload {
                    Payload::Slots(slots) => slots,
                    _ => &inst.attrs,
                };
                match value {
                    Some(v) => storage.borrow_mut().set(name.clone(), v),
                    None => {
                        if !storage.borrow_mut().remove(name) {
                            let name = name.clone();
                            return Err(self.new_error("AttributeError", &name));
                        }
                    }
                }
                return Ok(());
            }
            _ => {}
        }
        let (hook, args) = match value {
            Some(v) => ("__set__", vec![descr.clone(), obj.clone(), v]),
            None => ("__delete__", vec![descr.clone(), obj.clone()]),
        };
        match d.class.lookup(hook) {
            Some(f) => {
                self.call(&f, Args::new(args))?;
                Ok(())
            }
            None => {
                let msg = format!("__{}__", &hook[2..hook.len() - 2]);
                Err(self.new_error("AttributeError", &msg))
            }
        }
    }

    /// Sets (`Some`) or deletes (`None`) a class attribute, keeping the
    /// flags of the class and its subclasses true.
    fn class_setattr(&mut self, c: &Rc<Class>, name: &str, value: Option<Value>) -> PyResult<()> {
        if c.kind == ClassKind::Builtin {
            let what = "set";
            return Err(self.new_error(
                "TypeError",
                &format!(
                    "cannot {} '{}' attribute of immutable type '{}'",
                    what, name, c.name
                ),
            ));
        }
        if let Some(meta) = &c.meta {
            if meta.has(Class::SETATTR | Class::DATA_DESCRIPTORS) {
                if let Some(r) = self.meta_setattr(c, meta.clone(), name, value.clone()) {
                    return r;
                }
            }
        }
        let old = c.attrs.borrow().get(name).cloned();
        let refresh = name.starts_with("__")
            || matches!(old, Some(Value::Instance(_)))
            || matches!(value, Some(Value::Instance(_)));
        match value {
            Some(v) => c.attrs.borrow_mut().set(name.into(), v),
            None => {
                if !c.attrs.borrow_mut().remove(name) {
                    return Err(self.no_attr(&Value::Class(c.clone()), name));
                }
            }
        }
        if refresh {
            self.refresh_class_flags(c);
        }
        Ok(())
    }

    /// A metaclass's `__setattr__`/`__delattr__` or data descriptor for a
    /// class attribute; `None` when the plain store applies.
    fn meta_setattr(
        &mut self,
        c: &Rc<Class>,
        meta: Rc<Class>,
        name: &str,
        value: Option<Value>,
    ) -> Option<PyResult<()>> {
        let obj = Value::Class(c.clone());
        let hook = if value.is_some() {
            "__setattr__"
        } else {
            "__delattr__"
        };
        let flag = if value.is_some() {
            Class::SETATTR
        } else {
            Class::DELATTR
        };
        if meta.has(flag) {
            let f = meta.lookup(hook)?;
            let mut args = vec![Value::str(name)];
            args.extend(value);
            return Some(self.call_method_value(&obj, &meta, f, args).map(|_| ()));
        }
        let attr = meta.lookup(name)?;
        let Value::Instance(d) = &attr else {
            return None;
        };
        if !d.class.has(Class::IS_DATA_DESCRIPTOR) {
            return None;
        }
        let d = d.clone();
        Some(self.descr_set(&attr, &d, &obj, value))
    }

    /// `type.__setattr__(cls, name, value)`: the plain class store.
    pub fn type_setattr(
        &mut self,
        c: &Rc<Class>,
        name: &str,
        value: Option<Value>,
    ) -> PyResult<()> {
        let old = c.attrs.borrow().get(name).cloned();
        match value {
            Some(v) => c.attrs.borrow_mut().set(name.into(), v),
            None => {
                if !c.attrs.borrow_mut().remove(name) {
                    return Err(self.no_attr(&Value::Class(c.clone()), name));
                }
            }
        }
        let _ = old;
        self.refresh_class_flags(c);
        Ok(())
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if inst.class.has(Class::DELATTR) {
                    if let Some(hook) = inst.class.lookup("__delattr__") {
                        let class = inst.class.clone();
                        self.call_method_value(obj, &class, hook, vec![Value::str(name)])?;
                        return Ok(());
                    }
                }
                self.generic_delattr(obj, inst, name)
            }
            Value::Class(c) => self.class_setattr(c, name, None),
            Value::Module(m) => {
                if m.take(name).is_some() {
                    Ok(())
                } else {
                    Err(self.no_attr(obj, name))
                }
            }
            Value::Function(f) => {
                if f.attrs.borrow_mut().remove(name) {
                    Ok(())
                } else {
                    Err(self.no_attr(obj, name))
                }
            }
            Value::Object(o) if o.del_own_attr(name) => Ok(()),
            _ => Err(self.no_attr(obj, name)),
        }
    }

    /// `object.__delattr__(obj, name)`.
    pub fn generic_delattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
    ) -> PyResult<()> {
        let class = inst.class.clone();
        if class.has(Class::DATA_DESCRIPTORS) || class.slots.is_some() {
            if let Some(attr) = class.lookup(name) {
                if let Value::Instance(d) = &attr {
                    if d.class.has(Class::IS_DATA_DESCRIPTOR) {
                        let d = d.clone();
                        return self.descr_set(&attr, &d, obj, None);
                    }
                }
                if class.slots.is_some() {
                    return Err(self.new_error(
                        "AttributeError",
                        &format!("'{}' object attribute '{}' is read-only", class.name, name),
                    ));
                }
            }
        }
        if inst.remove_own(name) {
            Ok(())
        } else {
            Err(self.no_attr(obj, name))
        }
    }
}
