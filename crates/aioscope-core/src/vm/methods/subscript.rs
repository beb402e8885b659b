//! Subscripts and sizes: `obj[key]` (get, set, delete) with indices and
//! slices resolved as CPython resolves them, and `len()`.

use std::rc::Rc;

use crate::vm::value::{Args, Class, Payload, PyErr, PyResult, Value};
use crate::vm::Vm;

impl Vm {
    /// CPython's `IndexError` for an index beyond `Py_ssize_t`, naming the
    /// index's own type.
    fn index_too_large(&mut self, key: &Value) -> PyErr {
        let msg = format!(
            "cannot fit '{}' into an index-sized integer",
            key.type_name()
        );
        self.new_error("IndexError", &msg)
    }

    pub(super) fn index_of(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match key.unwrapped() {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => return Err(self.index_too_large(key)),
            _ if self.user_dunder(key, "__index__")?.is_some() => match self.index_value(key)? {
                Value::Int(i) => i,
                _ => return Err(self.index_too_large(key)),
            },
            _ => {
                let other = key;
                return Err(self.new_error(
                    "TypeError",
                    &format!(
                        "{} indices must be integers or slices, not {}",
                        what,
                        other.type_name()
                    ),
                ));
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
            match v.unwrapped() {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(*i)),
                Value::Bool(b) => Ok(Some(*b as i64)),
                // Beyond any length: clamped like CPython's
                // `_PyEval_SliceIndex`.
                Value::BigInt(b) => Ok(Some(if b.sign() == crate::vm::bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                })),
                Value::Instance(_) if vm.user_dunder(v, "__index__")?.is_some() => {
                    match vm.index_value(v)? {
                        Value::Int(i) => Ok(Some(i)),
                        Value::BigInt(b) if b.sign() == crate::vm::bigint::Sign::Minus => {
                            Ok(Some(i64::MIN))
                        }
                        _ => Ok(Some(i64::MAX)),
                    }
                }
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
            (Value::Range(r), Value::Slice(s)) => {
                // A range of the positions picked: range(10)[2:5] is
                // range(2, 5). In 128 bits, then back if it fits.
                let len = usize::try_from(r.len_exact().min(i64::MAX as i128)).unwrap_or(0);
                let (start, stop, step) = self.slice_indices(s, len)?;
                let at = |i: i64| r.start as i128 + r.step as i128 * i as i128;
                let parts = (
                    i64::try_from(at(start)),
                    i64::try_from(at(stop)),
                    i64::try_from(r.step as i128 * step as i128),
                );
                let (Ok(start), Ok(stop), Ok(step)) = parts else {
                    return Err(self.new_error(
                        "OverflowError",
                        "Python int too large to convert to C ssize_t",
                    ));
                };
                Ok(Value::Range(Rc::new(crate::vm::value::Range {
                    start,
                    stop,
                    step,
                })))
            }
            (Value::Range(r), _) => {
                // In 128 bits: the length may pass i64::MAX and step * i
                // overflow 64 bits; the item itself lies between start and
                // stop, so it fits.
                let len = r.len_exact();
                let index = match key.unwrapped() {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => key.unwrapped().clone(),
                    _ if self.user_dunder(key, "__index__")?.is_some() => self.index_value(key)?,
                    _ => {
                        let msg = format!(
                            "range indices must be integers or slices, not {}",
                            key.type_name()
                        );
                        return Err(self.new_error("TypeError", &msg));
                    }
                };
                let i = match index {
                    Value::Int(i) => i as i128,
                    Value::Bool(b) => b as i128,
                    _ => -1 - len,
                };
                let j = if i < 0 { i + len } else { i };
                if j < 0 || j >= len {
                    return Err(self.new_error("IndexError", "range object index out of range"));
                }
                Ok(Value::Int((r.start as i128 + r.step as i128 * j) as i64))
            }
            (Value::Dict(d), _) => {
                let k = self.key(key.clone())?;
                let v = self.dict_get(d, &k)?;
                match v {
                    Some(v) => Ok(v),
                    None => Err(self.new_error_args("KeyError", vec![key.clone()])),
                }
            }
            (Value::Instance(inst), _) => {
                // A namedtuple's subclass may index its own way.
                if let Some(m) = self.user_dunder(obj, "__getitem__")? {
                    return self.call(&m, Args::new(vec![key.clone()]));
                }
                if let Payload::Tuple(t) = &inst.payload {
                    let t = Value::Tuple(t.clone());
                    return self.get_item(&t, key);
                }
                match &inst.payload {
                    Payload::Builtin(inner @ Value::Dict(d)) => {
                        let k = self.key(key.clone())?;
                        let v = d.borrow().get(&k).cloned();
                        match v {
                            Some(v) => Ok(v),
                            None => match self.user_dunder(obj, "__missing__")? {
                                Some(m) => self.call(&m, Args::new(vec![key.clone()])),
                                None => {
                                    let _ = inner;
                                    Err(self.new_error_args("KeyError", vec![key.clone()]))
                                }
                            },
                        }
                    }
                    Payload::Builtin(inner) => {
                        let inner = inner.clone();
                        self.get_item(&inner, key)
                    }
                    _ => Err(self.not_subscriptable(obj)),
                }
            }
            (Value::Class(c), _) => {
                if let Some(m) = self.protocol_method(obj, "__getitem__")? {
                    return self.call(&m, Args::new(vec![key.clone()]));
                }
                if let Some(Value::Instance(d)) = c.lookup("__class_getitem__") {
                    if let Payload::ClassMethod(f) = &d.payload {
                        let f = f.clone();
                        return self.call(&f, Args::new(vec![obj.clone(), key.clone()]));
                    }
                }
                self.class_getitem(c, key)
            }
            (Value::Object(_), _) => match self.lookup_method(obj, "__getitem__")? {
                Some(m) => self.call(&m, Args::new(vec![obj.clone(), key.clone()])),
                None => Err(self.not_subscriptable(obj)),
            },
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    /// `Cls[args]`: `list[int]` and the library's generic classes make a
    /// `types.GenericAlias`; a class with `__class_getitem__` decides.
    fn class_getitem(&mut self, c: &Rc<Class>, key: &Value) -> PyResult<Value> {
        let class = Value::Class(c.clone());
        if c.lookup("__class_getitem__").is_some() {
            let f = self.get_attr(&class, "__class_getitem__")?;
            return self.call(&f, Args::new(vec![key.clone()]));
        }
        // Library classes are generic (asyncio.Queue[int], deque[str]);
        // a program's own through typing.Generic or a generic base
        // (class MyList(list) makes MyList[int]).
        let library_generic = |k: &Class| match &*k.module {
            "builtins" => matches!(
                &*k.name,
                "list" | "dict" | "tuple" | "set" | "frozenset" | "type"
            ),
            "__main__" | "abc" => false,
            _ => true,
        };
        let generic = match &*c.module {
            "__main__" => c.mro.iter().any(|b| library_generic(b)),
            _ => library_generic(c),
        };
        if !generic {
            let msg = format!("type '{}' is not subscriptable", c.name);
            return Err(self.new_error("TypeError", &msg));
        }
        let forms = self.import("_typeforms")?;
        let alias = self.get_attr(&Value::Module(forms), "GenericAlias")?;
        self.call(&alias, Args::new(vec![class, key.clone()]))
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
                        // `l[::2] = ...`: exactly as many items as places.
                        let n = if step > 0 && stop > start {
                            (stop - start - 1) / step + 1
                        } else if step < 0 && start > stop {
                            (start - stop - 1) / (-step) + 1
                        } else {
                            0
                        };
                        if items.len() as i64 != n {
                            let msg = format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                n
                            );
                            return Err(self.new_error("ValueError", &msg));
                        }
                        let mut list = l.borrow_mut();
                        for (k, item) in items.into_iter().enumerate() {
                            let at = start + k as i64 * step;
                            if let Some(slot) =
                                usize::try_from(at).ok().and_then(|i| list.get_mut(i))
                            {
                                *slot = item;
                            }
                        }
                        return Ok(());
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
                self.dict_set(d, k, value)
            }
            Value::Instance(_) | Value::Object(_) | Value::Class(_) => {
                match self.protocol_method(obj, "__setitem__")? {
                    Some(m) => {
                        self.call(&m, Args::new(vec![key, value]))?;
                        Ok(())
                    }
                    None if obj.builtin_payload().is_some() => {
                        let inner = obj.unwrapped().clone();
                        self.set_item(&inner, key, value)
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
                if self.dict_remove(d, &k)?.is_none() {
                    return Err(self.new_error_args("KeyError", vec![key.clone()]));
                }
                Ok(())
            }
            Value::Instance(_) | Value::Object(_) | Value::Class(_) => {
                match self.protocol_method(obj, "__delitem__")? {
                    Some(m) => {
                        self.call(&m, Args::new(vec![key.clone()]))?;
                        Ok(())
                    }
                    None if obj.builtin_payload().is_some() => {
                        let inner = obj.unwrapped().clone();
                        self.del_item(&inner, key)
                    }
                    None => Err(self.new_error(
                        "TypeError",
                        &format!("'{}' object doesn't support item deletion", obj.type_name()),
                    )),
                }
            }
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
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) | Value::FrozenSet(s) => s.borrow().len(),
            Value::Range(r) => {
                let n = r.len_exact();
                if n > i64::MAX as i128 {
                    return Err(self.new_error(
                        "OverflowError",
                        "Python int too large to convert to C ssize_t",
                    ));
                }
                n as usize
            }
            Value::Instance(inst) => {
                let own = self.user_dunder(v, "__len__")?;
                if let (Payload::Tuple(t), None) = (&inst.payload, &own) {
                    return Ok(t.len());
                }
                match own {
                    Some(m) => {
                        let r = self.call(&m, Args::default())?;
                        self.len_result(r)?
                    }
                    None => match &inst.payload {
                        Payload::Builtin(inner) => {
                            let inner = inner.clone();
                            return self.len(&inner);
                        }
                        _ => return Err(self.no_len(v)),
                    },
                }
            }
            Value::Class(_) => match self.protocol_method(v, "__len__")? {
                Some(m) => {
                    let r = self.call(&m, Args::default())?;
                    return self.len_result(r);
                }
                None => return Err(self.no_len(v)),
            },
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

    /// What `__len__` returned, checked as CPython checks it.
    fn len_result(&mut self, r: Value) -> PyResult<usize> {
        match r.unwrapped() {
            Value::Int(i) if *i >= 0 => Ok(*i as usize),
            Value::Bool(b) => Ok(*b as usize),
            Value::Int(_) => Err(self.new_error("ValueError", "__len__() should return >= 0")),
            Value::BigInt(b) if b.sign() == crate::vm::bigint::Sign::Minus => {
                Err(self.new_error("ValueError", "__len__() should return >= 0"))
            }
            Value::BigInt(_) => Err(self.new_error(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            )),
            _ => Err(self.new_error(
                "TypeError",
                &format!(
                    "'{}' object cannot be interpreted as an integer",
                    r.type_name()
                ),
            )),
        }
    }

    fn no_len(&mut self, v: &Value) -> PyErr {
        self.new_error(
            "TypeError",
            &format!("object of type '{}' has no len()", v.type_name()),
        )
    }
}
