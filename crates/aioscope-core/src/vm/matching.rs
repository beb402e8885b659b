//! The runtime side of `match` statements: which subjects sequence and
//! mapping patterns accept, how a mapping pattern reads its keys, and the
//! attributes a class pattern reads through `__match_args__`, with
//! CPython's errors.

use std::rc::Rc;

use super::value::{Args, Class, Payload, PyErr, PyResult, Value};
use super::Vm;

/// Whether `class` or one of its bases is named one of `names` (the
/// library classes CPython flags as sequences or mappings).
fn derives_from(class: &Rc<Class>, names: &[&str]) -> bool {
    std::iter::once(class).chain(class.mro.iter()).any(|c| {
        names.contains(&&*c.name)
            && matches!(
                &*c.module,
                "builtins" | "collections" | "collections.abc" | "typing"
            )
    })
}

const SEQUENCES: &[&str] = &[
    "list",
    "tuple",
    "range",
    "deque",
    "Sequence",
    "MutableSequence",
    "UserList",
];

const MAPPINGS: &[&str] = &[
    "dict",
    "Mapping",
    "MutableMapping",
    "Counter",
    "defaultdict",
    "OrderedDict",
    "UserDict",
    "ChainMap",
];

impl Vm {
    /// Whether a sequence pattern may match `v`: lists, tuples, ranges,
    /// deques and their kin, never str, bytes or mappings.
    pub fn match_is_sequence(&self, v: &Value) -> bool {
        match v {
            Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
            Value::Instance(inst) => {
                matches!(inst.payload, Payload::Tuple(_)) || derives_from(&inst.class, SEQUENCES)
            }
            Value::Object(o) => SEQUENCES.contains(&o.class_name()),
            _ => false,
        }
    }

    /// Whether a mapping pattern may match `v`: dicts and the mapping
    /// classes of `collections`.
    pub fn match_is_mapping(&self, v: &Value) -> bool {
        match v {
            Value::Dict(_) => true,
            Value::Instance(inst) => derives_from(&inst.class, MAPPINGS),
            Value::Object(o) => MAPPINGS.contains(&o.class_name()),
            _ => false,
        }
    }

    /// A mapping pattern's lookup: the values of `keys` in `subject` (read
    /// with `get`, so a `defaultdict` adds nothing), or `None` if one is
    /// missing.
    pub fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys = self.collect(keys)?;
        for (i, k) in keys.iter().enumerate() {
            for earlier in &keys[..i] {
                let same = self.rich_compare(crate::lang::ast::CmpOp::Eq, earlier, k)?;
                if self.truthy(&same)? {
                    let msg = format!("mapping pattern checks duplicate key ({})", self.repr(k)?);
                    return Err(self.new_error("ValueError", &msg));
                }
            }
        }
        let mut values = Vec::with_capacity(keys.len());
        for k in keys {
            let found = match subject {
                Value::Dict(d) => {
                    let key = self.key(k)?;
                    d.borrow().get(&key).cloned()
                }
                _ => {
                    let missing = Value::list(Vec::new());
                    let get = self.get_attr(subject, "get")?;
                    let v = self.call(&get, Args::new(vec![k, missing.clone()]))?;
                    (!v.is(&missing)).then_some(v)
                }
            };
            match found {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(values))
    }

    /// `**rest` of a mapping pattern: a new dict of the subject's items
    /// whose keys the pattern did not name.
    pub fn mapping_rest(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys = self.collect(keys)?;
        let mut rest = super::dict::Dict::new();
        for (k, v) in self.mapping_items(subject)? {
            let key = self.key(k)?;
            rest.insert(key, v);
        }
        for k in keys {
            let key = self.key(k)?;
            rest.remove(&key);
        }
        Ok(Value::Dict(crate::vm::heap::tracked(
            std::cell::RefCell::new(rest),
        )))
    }

    /// A class pattern `cls(p1, .., attr=q, ..)` against `subject`: the
    /// attributes its sub-patterns match (`nargs` positional ones named by
    /// `__match_args__`, then `names`), or `None` when the subject is not
    /// an instance of `cls` or lacks one of them.
    pub fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        names: &Value,
        nargs: usize,
    ) -> PyResult<Value> {
        let Value::Class(class) = cls else {
            return Err(self.new_error("TypeError", "called match pattern must be a type"));
        };
        let of = self.types.class_of(self, subject);
        if !(Rc::ptr_eq(class, &self.types.object) || of.is_subclass(class)) {
            return Ok(Value::None);
        }
        let mut attrs = Vec::new();
        let mut seen: Vec<Rc<str>> = Vec::new();
        if nargs > 0 {
            let match_args = match self.get_attr(cls, "__match_args__") {
                Ok(v) => Some(v),
                Err(PyErr::Exception(e)) if self.is_instance_of(&e, "AttributeError") => None,
                Err(e) => return Err(e),
            };
            let match_args = match match_args {
                Some(Value::Tuple(t)) => t,
                Some(other) => {
                    let msg = format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        class.name,
                        other.type_name()
                    );
                    return Err(self.new_error("TypeError", &msg));
                }
                None if self.matches_itself(class) => {
                    if nargs > 1 {
                        return Err(self.too_many_subpatterns(class, 1, nargs));
                    }
                    attrs.push(subject.clone());
                    Rc::from(Vec::new())
                }
                None => Rc::from(Vec::new()),
            };
            if attrs.is_empty() {
                if nargs > match_args.len() {
                    return Err(self.too_many_subpatterns(class, match_args.len(), nargs));
                }
                for name in match_args.iter().take(nargs) {
                    let Value::Str(name) = name else {
                        let msg = format!(
                            "__match_args__ elements must be strings (got {})",
                            name.type_name()
                        );
                        return Err(self.new_error("TypeError", &msg));
                    };
                    seen.push(name.clone());
                    match self.match_attr(subject, name)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for name in self.collect(names)? {
            let Value::Str(name) = name else { continue };
            if seen.contains(&name) {
                let msg = format!(
                    "{}() got multiple sub-patterns for attribute '{}'",
                    class.name, name
                );
                return Err(self.new_error("TypeError", &msg));
            }
            seen.push(name.clone());
            match self.match_attr(subject, &name)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(attrs))
    }

    /// The built-in classes whose single positional sub-pattern matches
    /// the subject itself (`case int(n):`).
    fn matches_itself(&self, class: &Rc<Class>) -> bool {
        let t = &self.types;
        [
            &t.bool_, &t.bytes, &t.dict, &t.float, &t.int, &t.list, &t.set, &t.str_, &t.tuple,
        ]
        .iter()
        .any(|c| Rc::ptr_eq(c, class))
            || matches!(&*class.name, "bytearray" | "frozenset") && &*class.module == "builtins"
    }

    fn too_many_subpatterns(&mut self, class: &Rc<Class>, allowed: usize, given: usize) -> PyErr {
        let s = if allowed == 1 { "" } else { "s" };
        let msg = format!(
            "{}() accepts {} positional sub-pattern{} ({} given)",
            class.name, allowed, s, given
        );
        self.new_error("TypeError", &msg)
    }

    /// An attribute a class pattern reads: `None` when it is missing.
    fn match_attr(&mut self, subject: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(PyErr::Exception(e)) if self.is_instance_of(&e, "AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }
}
