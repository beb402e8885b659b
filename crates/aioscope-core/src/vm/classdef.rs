//! Creating classes as `type.__new__` does: the metaclass (the most
//! derived of the one asked for and the bases'), the bases' instance
//! layouts, the C3 MRO, `__slots__`, the implicit static and class methods
//! (`__new__`, `__init_subclass__`, `__class_getitem__`), the flags that
//! attribute access checks, then `__set_name__` on the new attributes and
//! the parent's `__init_subclass__`.

use std::collections::HashSet;
use std::rc::Rc;

use super::methods::attr::is_data_descriptor;
use super::value::{Args, Attrs, Class, ClassKind, Instance, Payload, PyResult, Value};
use super::Vm;

/// The built-in types a class statement may derive from: their instances
/// are an instance holding the built-in value ([`Payload::Builtin`]).
const SUBCLASSABLE: &[&str] = &[
    "object",
    "int",
    "float",
    "str",
    "bytes",
    "tuple",
    "list",
    "dict",
    "set",
    "frozenset",
    "type",
    "property",
    "classmethod",
    "staticmethod",
];

/// The flags of `c` (the `Class::*` bits) from its namespace and its MRO's.
pub fn class_flags(c: &Rc<Class>) -> u32 {
    let mut f = 0;
    let user = |name: &str| matches!(c.lookup(name), Some(v) if !matches!(v, Value::Native(_)));
    let any = |name: &str| c.lookup(name).is_some();
    if user("__getattribute__") {
        f |= Class::GETATTRIBUTE;
    }
    if any("__getattr__") {
        f |= Class::GETATTR;
    }
    if user("__setattr__") {
        f |= Class::SETATTR;
    }
    if user("__delattr__") {
        f |= Class::DELATTR;
    }
    if any("__get__") {
        f |= Class::IS_GET_DESCRIPTOR;
    }
    if any("__set__") || any("__delete__") {
        f |= Class::IS_DATA_DESCRIPTOR;
    }
    if user("__call__") {
        f |= Class::CALL;
    }
    if user("__instancecheck__") || user("__subclasscheck__") {
        f |= Class::CHECKS;
    }
    let abstract_ = match c.attrs.borrow().get("__abstractmethods__") {
        Some(Value::Set(d) | Value::FrozenSet(d)) => !d.borrow().is_empty(),
        Some(Value::Tuple(t)) => !t.is_empty(),
        Some(Value::List(l)) => !l.borrow().is_empty(),
        _ => false,
    };
    if abstract_ {
        f |= Class::ABSTRACT;
    }
    let has_slots = std::iter::once(c).chain(c.mro.iter()).any(|k| {
        k.attrs
            .borrow()
            .iter()
            .any(|(_, v)| matches!(v, Value::Instance(d) if matches!(d.payload, Payload::Slot(..))))
    });
    if has_slots {
        f |= Class::HAS_SLOTS;
    }
    let has_data_descriptor = std::iter::once(c)
        .chain(c.mro.iter())
        .any(|k| k.attrs.borrow().iter().any(|(_, v)| is_data_descriptor(v)));
    if has_data_descriptor {
        f |= Class::DATA_DESCRIPTORS;
    }
    f
}

/// The built-in class whose instance layout `c` extends (`None` for
/// `object` and plain classes): a built-in type, or `BaseException`.
fn layout(c: &Rc<Class>) -> Option<Rc<Class>> {
    std::iter::once(c)
        .chain(c.mro.iter())
        .find(|k| {
            (k.kind == ClassKind::Builtin && &*k.name != "object")
                || (k.kind == ClassKind::Exception && k.bases.iter().all(|b| &*b.name == "object"))
        })
        .cloned()
}

impl Vm {
    /// Recomputes the flags of `c` and of every class derived from it,
    /// after an attribute of `c` changed.
    pub fn refresh_class_flags(&mut self, c: &Rc<Class>) {
        let mut seen: HashSet<u64> = HashSet::new();
        let mut todo = vec![c.clone()];
        while let Some(k) = todo.pop() {
            if !seen.insert(k.id) {
                continue;
            }
            k.flags.set(class_flags(&k));
            let subs: Vec<Rc<Class>> = k
                .subclasses
                .borrow()
                .iter()
                .filter_map(|w| w.upgrade())
                .collect();
            todo.extend(subs);
        }
    }

    /// The metaclass a class gets from the one asked for (`None`: `type`)
    /// and its bases': the most derived, or CPython's conflict error.
    pub fn winner_meta(
        &mut self,
        meta: Option<Rc<Class>>,
        bases: &[Rc<Class>],
    ) -> PyResult<Option<Rc<Class>>> {
        let mut winner = meta;
        for b in bases {
            let Some(tmp) = &b.meta else {
                continue;
            };
            match &winner {
                Some(w) if w.is_subclass(tmp) => {}
                Some(w) if !tmp.is_subclass(w) => {
                    return Err(self.new_error(
                        "TypeError",
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                    ))
                }
                _ => winner = Some(tmp.clone()),
            }
        }
        // `type` itself is no metaclass to record.
        Ok(winner.filter(|m| !Rc::ptr_eq(m, &self.types.type_)))
    }

    /// Creates a class from a finished namespace with the default
    /// metaclass (the `type(name, bases, dict)` form, enums' functional
    /// API).
    pub fn make_class(
        &mut self,
        name: Rc<str>,
        qualname: Rc<str>,
        bases: Vec<Value>,
        mut attrs: Attrs,
    ) -> PyResult<Value> {
        if !attrs.contains("__qualname__") {
            attrs.set("__qualname__".into(), Value::Str(qualname));
        }
        self.new_type(None, name, bases, attrs, Vec::new())
    }

    /// `type.__new__(meta, name, bases, namespace, **kw)`.
    pub fn new_type(
        &mut self,
        meta: Option<Rc<Class>>,
        name: Rc<str>,
        bases: Vec<Value>,
        mut attrs: Attrs,
        kw: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let mut base_classes = Vec::new();
        for b in &bases {
            match b {
                Value::Class(c) => base_classes.push(c.clone()),
                other => {
                    return Err(self.new_error(
                        "TypeError",
                        &format!("bases must be types, not '{}'", other.type_name()),
                    ))
                }
            }
        }
        if base_classes.is_empty() {
            base_classes.push(self.types.object.clone());
        }
        let meta = self.winner_meta(meta, &base_classes)?;
        let kind = self.check_bases(&base_classes)?;
        let qualname = match attrs.get("__qualname__") {
            Some(Value::Str(s)) => s.clone(),
            Some(other) => {
                let msg = format!("type __qualname__ must be a str, not {}", other.type_name());
                return Err(self.new_error("TypeError", &msg));
            }
            None => name.clone(),
        };
        attrs.remove("__qualname__");
        attrs.remove("__classcell__");
        let module = match attrs.get("__module__") {
            Some(Value::Str(s)) => s.clone(),
            _ => "__main__".into(),
        };
        // Every class has its own `__doc__`, None without a docstring.
        if !attrs.contains("__doc__") {
            attrs.set("__doc__".into(), Value::None);
        }
        // A class that defines `__eq__` but not `__hash__` is unhashable.
        if attrs.contains("__eq__") && !attrs.contains("__hash__") {
            attrs.set("__hash__".into(), Value::None);
        }
        let mro = match super::types::c3_mro(&base_classes) {
            Some(m) => m,
            None => {
                let names: Vec<&str> = base_classes.iter().map(|b| &*b.name).collect();
                return Err(self.new_error(
                    "TypeError",
                    &format!(
                        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                        names.join(", ")
                    ),
                ));
            }
        };
        let slots = self.take_slots(&name, &mut attrs, &mro, &base_classes)?;
        self.implicit_methods(&mut attrs);
        let mut class = Class::new(
            name,
            qualname,
            module,
            base_classes,
            mro,
            attrs,
            kind,
            self.next_id(),
        );
        class.meta = meta;
        class.slots = slots;
        let class = crate::vm::heap::tracked(class);
        for b in &class.bases {
            b.subclasses.borrow_mut().push(Rc::downgrade(&class));
        }
        class.flags.set(class_flags(&class));
        self.set_names(&class)?;
        self.init_subclass(&class, kw)?;
        Ok(Value::Class(class))
    }

    /// The kind of a class with these bases, refusing built-in bases that
    /// cannot be derived from or whose layouts clash.
    fn check_bases(&mut self, bases: &[Rc<Class>]) -> PyResult<ClassKind> {
        let mut kind = ClassKind::Plain;
        let mut solid: Option<Rc<Class>> = None;
        for b in bases {
            match b.kind {
                ClassKind::Exception => kind = ClassKind::Exception,
                ClassKind::NamedTuple => kind = ClassKind::NamedTuple,
                ClassKind::Builtin => {
                    if matches!(
                        &*b.name,
                        "bool" | "NoneType" | "function" | "range" | "slice"
                    ) && b.module.as_ref() == "builtins"
                    {
                        return Err(self.new_error(
                            "TypeError",
                            &format!("type '{}' is not an acceptable base type", b.name),
                        ));
                    }
                    if !SUBCLASSABLE.contains(&&*b.name) || b.module.as_ref() != "builtins" {
                        return Err(self.new_error(
                            "NotImplementedError",
                            &format!(
                                "subclassing the built-in type '{}' is not supported yet",
                                b.name
                            ),
                        ));
                    }
                }
                ClassKind::Plain => {}
            }
            if let Some(l) = layout(b) {
                solid = match solid {
                    None => Some(l),
                    Some(s) if s.is_subclass(&l) => Some(s),
                    Some(s) if l.is_subclass(&s) => Some(l),
                    Some(_) => {
                        return Err(self.new_error(
                            "TypeError",
                            "multiple bases have instance lay-out conflict",
                        ))
                    }
                };
            }
        }
        Ok(kind)
    }

    /// Turns `__slots__` into slot descriptors; the slot names of
    /// instances without a `__dict__`, or `None` when they have one.
    fn take_slots(
        &mut self,
        class_name: &Rc<str>,
        attrs: &mut Attrs,
        mro: &[Rc<Class>],
        bases: &[Rc<Class>],
    ) -> PyResult<Option<Rc<[Rc<str>]>>> {
        let Some(spec) = attrs.get("__slots__").cloned() else {
            return Ok(None);
        };
        let items = match &spec {
            Value::Str(_) => vec![spec.clone()],
            other => self.collect(other)?,
        };
        let mut names: Vec<Rc<str>> = Vec::new();
        let mut with_dict = false;
        for it in items {
            let Value::Str(s) = it else {
                return Err(self.new_error(
                    "TypeError",
                    &format!("__slots__ items must be strings, not '{}'", it.type_name()),
                ));
            };
            match &*s {
                "__dict__" => with_dict = true,
                "__weakref__" => {}
                _ => {
                    if attrs.contains(&s) {
                        return Err(self.new_error(
                            "ValueError",
                            &format!("'{}' in __slots__ conflicts with class variable", s),
                        ));
                    }
                    names.push(s);
                }
            }
        }
        for n in &names {
            let member = self.implicit_descriptor(
                &self.types.member_descriptor.clone(),
                Payload::Slot(n.clone(), class_name.clone()),
            );
            attrs.set(n.clone(), member);
        }
        let bases_have_no_dict = mro.iter().all(|b| {
            &*b.name == "object" && b.module.as_ref() == "builtins"
                || b.kind == ClassKind::Builtin
                || b.slots.is_some()
        });
        if with_dict || !bases_have_no_dict {
            return Ok(None);
        }
        let mut all: Vec<Rc<str>> = Vec::new();
        for b in bases.iter().chain(mro.iter()) {
            if let Some(s) = &b.slots {
                for n in s.iter() {
                    if !all.contains(n) {
                        all.push(n.clone());
                    }
                }
            }
        }
        all.extend(names);
        Ok(Some(all.into()))
    }

    /// An instance of a built-in descriptor class.
    pub fn new_descriptor(&mut self, class: &Rc<Class>, payload: Payload) -> Value {
        Value::Instance(crate::vm::heap::tracked(Instance::new(
            class.clone(),
            payload,
            self.next_id(),
        )))
    }

    /// A descriptor the interpreter makes on its own (a slot, the implicit
    /// class method around `__init_subclass__`...): it takes no identity
    /// number, so the numbers the program sees do not depend on them.
    pub fn implicit_descriptor(&mut self, class: &Rc<Class>, payload: Payload) -> Value {
        Value::Instance(crate::vm::heap::tracked(Instance::new(
            class.clone(),
            payload,
            0,
        )))
    }

    /// `__new__` is a static method, `__init_subclass__` and
    /// `__class_getitem__` class methods, without saying so.
    fn implicit_methods(&mut self, attrs: &mut Attrs) {
        let wrap = |vm: &mut Vm, attrs: &mut Attrs, name: &str, class: bool| {
            if let Some(f @ Value::Function(_)) = attrs.get(name).cloned() {
                let (cls, payload) = if class {
                    (vm.types.classmethod.clone(), Payload::ClassMethod(f))
                } else {
                    (vm.types.staticmethod.clone(), Payload::StaticMethod(f))
                };
                let d = vm.implicit_descriptor(&cls, payload);
                attrs.set(name.into(), d);
            }
        };
        wrap(self, attrs, "__new__", false);
        wrap(self, attrs, "__init_subclass__", true);
        wrap(self, attrs, "__class_getitem__", true);
    }

    /// Calls `__set_name__(owner, name)` on the new class's attributes
    /// that define it.
    fn set_names(&mut self, class: &Rc<Class>) -> PyResult<()> {
        let entries: Vec<(Rc<str>, Value)> = class
            .attrs
            .borrow()
            .iter()
            .filter(|(_, v)| matches!(v, Value::Instance(_)))
            .cloned()
            .collect();
        for (name, value) in entries {
            let Value::Instance(d) = &value else {
                continue;
            };
            if let Payload::Property(p) = &d.payload {
                if d.class.kind == ClassKind::Builtin {
                    p.borrow_mut().name = Some(name.clone());
                    continue;
                }
            }
            if let Some(f) = d.class.lookup("__set_name__") {
                let args = vec![value.clone(), Value::Class(class.clone()), Value::Str(name)];
                self.call(&f, Args::new(args))?;
            }
        }
        Ok(())
    }

    /// `super(cls, cls).__init_subclass__(**kw)`.
    fn init_subclass(&mut self, class: &Rc<Class>, kw: Vec<(Rc<str>, Value)>) -> PyResult<()> {
        let found = class
            .mro
            .iter()
            .find_map(|b| b.attrs.borrow().get("__init_subclass__").cloned());
        let this = Value::Class(class.clone());
        match found {
            None | Some(Value::Native(_)) => {
                if !kw.is_empty() {
                    return Err(self.new_error(
                        "TypeError",
                        &format!(
                            "{}.__init_subclass__() takes no keyword arguments",
                            class.name
                        ),
                    ));
                }
                Ok(())
            }
            Some(f) => {
                let bound = match &f {
                    Value::Instance(d) if d.class.has(Class::IS_GET_DESCRIPTOR) => {
                        let d = d.clone();
                        self.descr_get(&f, &d, None, class)?
                    }
                    Value::Function(_) => Value::BoundMethod(Rc::new(super::value::BoundMethod {
                        this: this.clone(),
                        func: f.clone(),
                    })),
                    other => other.clone(),
                };
                self.call(&bound, Args { pos: vec![], kw })?;
                Ok(())
            }
        }
    }
}
