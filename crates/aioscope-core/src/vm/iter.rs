//! The iteration protocol: `iter()`, `next()`, and helpers that drain an
//! iterable into a vector.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::Dict;
use super::interp::{CoroOutcome, Resume};
use super::value::{Args, CoroKind, DictPart, Iter, Payload, PyErr, PyResult, Value};
use super::Vm;

/// A live iterator over a dict's keys, values or items.
pub fn dict_iter(d: &Rc<RefCell<Dict>>, kind: DictPart) -> Iter {
    let n = d.borrow().len();
    Iter::Dict {
        dict: d.clone(),
        pos: 0,
        used: n,
        left: n,
        kind,
        reversed: false,
    }
}

/// Longest sequence a single iteration may collect (guards memory).
const MAX_COLLECT: usize = 10_000_000;

impl Vm {
    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let it = match v {
            Value::List(l) => Iter::List(l.clone(), 0),
            Value::Tuple(t) => Iter::Tuple(t.clone(), 0),
            Value::Str(s) => Iter::Str(s.clone(), 0),
            Value::Bytes(b) => Iter::Bytes(b.clone(), 0),
            Value::Range(r) => Iter::Range {
                next: r.start,
                left: r.len(),
                step: r.step,
            },
            Value::Dict(d) => dict_iter(d, DictPart::Keys),
            Value::Set(s) | Value::FrozenSet(s) => Iter::Set {
                set: s.clone(),
                pos: 0,
                used: s.borrow().len(),
            },
            Value::Iterator(_) => return Ok(v.clone()),
            Value::Coroutine(c) if c.kind == CoroKind::Generator => return Ok(v.clone()),
            Value::Instance(inst) => {
                let own = self.user_dunder(v, "__iter__")?;
                if let (Payload::Tuple(t), None) = (&inst.payload, &own) {
                    Iter::Tuple(t.clone(), 0)
                } else if let Some(m) = own {
                    if matches!(m, Value::None) {
                        return Err(self.not_iterable(v));
                    }
                    return self.call(&m, Args::default());
                } else if let Payload::Builtin(inner) = &inst.payload {
                    let inner = inner.clone();
                    return self.iter(&inner);
                } else if self.user_dunder(v, "__getitem__")?.is_some() {
                    Iter::Sequence(v.clone(), 0)
                } else {
                    return Err(self.not_iterable(v));
                }
            }
            Value::Class(_) => match self.protocol_method(v, "__iter__")? {
                Some(m) => return self.call(&m, Args::default()),
                None => return Err(self.not_iterable(v)),
            },
            Value::Object(_) => match self.lookup_method(v, "__iter__")? {
                Some(m) => return self.call(&m, Args::new(vec![v.clone()])),
                None => {
                    return Err(self.new_error(
                        "TypeError",
                        &format!("'{}' object is not iterable", v.type_name()),
                    ))
                }
            },
            other => {
                return Err(self.new_error(
                    "TypeError",
                    &format!("'{}' object is not iterable", other.type_name()),
                ))
            }
        };
        Ok(Value::Iterator(crate::vm::heap::tracked(RefCell::new(it))))
    }

    /// Whether `iter(v)` can succeed: the check CPython makes before
    /// rewording "not iterable" errors (`f(*x)`, `[*x]`, unpacking).
    pub fn is_iterable(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Iterator(_) => true,
            Value::Coroutine(c) => c.kind == CoroKind::Generator,
            Value::Instance(inst) => match &inst.payload {
                Payload::Tuple(_) => true,
                _ if self.user_dunder(v, "__iter__")?.is_some() => true,
                Payload::Builtin(inner) => {
                    let inner = inner.clone();
                    self.is_iterable(&inner)?
                }
                _ => self.user_dunder(v, "__getitem__")?.is_some(),
            },
            Value::Class(_) => self.protocol_method(v, "__iter__")?.is_some(),
            Value::Object(_) => self.lookup_method(v, "__iter__")?.is_some(),
            _ => false,
        })
    }

    fn not_iterable(&mut self, v: &Value) -> PyErr {
        self.new_error(
            "TypeError",
            &format!("'{}' object is not iterable", v.type_name()),
        )
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iterator(cell) => self.next_builtin(cell),
            Value::Coroutine(c) if c.kind == CoroKind::Generator => {
                if c.state.get() == super::value::CoroState::Closed {
                    return Ok(None);
                }
                match self.resume(c, Resume::Send(Value::None)) {
                    Ok(CoroOutcome::Yield(v)) => Ok(Some(v)),
                    Ok(CoroOutcome::Return(_)) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            Value::Instance(_) | Value::Object(_) => {
                let Some(m) = self.lookup_method(it, "__next__")? else {
                    return Err(self.new_error(
                        "TypeError",
                        &format!("'{}' object is not an iterator", it.type_name()),
                    ));
                };
                match self.call(&m, Args::new(vec![it.clone()])) {
                    Ok(v) => Ok(Some(v)),
                    Err(PyErr::Exception(e)) if self.is_instance_of(&e, "StopIteration") => {
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            other => Err(self.new_error(
                "TypeError",
                &format!("'{}' object is not an iterator", other.type_name()),
            )),
        }
    }

    fn next_builtin(&mut self, cell: &Rc<RefCell<Iter>>) -> PyResult<Option<Value>> {
        // Iterators that call back into Python must not hold the borrow.
        enum Step {
            Done(Option<Value>),
            Enumerate(Value, Value),
            Zip(Vec<Value>),
            Map(Value, Vec<Value>),
            Filter(Value, Value),
            CycleSource(Value),
            Call(Value, Value),
            Sequence(Value, i64),
        }
        let step = {
            let mut it = cell.borrow_mut();
            match &mut *it {
                Iter::List(l, i) => {
                    let v = l.borrow().get(*i).cloned();
                    if v.is_some() {
                        *i += 1;
                    }
                    Step::Done(v)
                }
                Iter::Deque(d, i) => {
                    let v = d.borrow().get(*i).cloned();
                    if v.is_some() {
                        *i += 1;
                    }
                    Step::Done(v)
                }
                Iter::Tuple(t, i) => {
                    let v = t.get(*i).cloned();
                    if v.is_some() {
                        *i += 1;
                    }
                    Step::Done(v)
                }
                Iter::Str(s, i) => {
                    let rest = &s[*i..];
                    match rest.chars().next() {
                        Some(c) => {
                            *i += c.len_utf8();
                            Step::Done(Some(Value::Str(c.to_string().into())))
                        }
                        None => Step::Done(None),
                    }
                }
                Iter::Bytes(b, i) => {
                    let v = b.get(*i).map(|x| Value::Int(*x as i64));
                    if v.is_some() {
                        *i += 1;
                    }
                    Step::Done(v)
                }
                Iter::Range { next, left, step } => {
                    if *left <= 0 {
                        Step::Done(None)
                    } else {
                        let v = *next;
                        *left -= 1;
                        *next = next.wrapping_add(*step);
                        Step::Done(Some(Value::Int(v)))
                    }
                }
                Iter::Dict {
                    dict,
                    pos,
                    used,
                    left,
                    kind,
                    reversed,
                } => {
                    let d = dict.borrow();
                    if d.len() != *used {
                        drop(d);
                        *used = usize::MAX;
                        drop(it);
                        return Err(self.new_error(
                            "RuntimeError",
                            "dictionary changed size during iteration",
                        ));
                    }
                    let next = if *reversed {
                        d.prev_from(*pos)
                    } else {
                        d.next_from(*pos)
                    };
                    match next {
                        Some((p, e)) => {
                            if *left == 0 {
                                drop(d);
                                drop(it);
                                return Err(self.new_error(
                                    "RuntimeError",
                                    "dictionary keys changed during iteration",
                                ));
                            }
                            *left -= 1;
                            let v = match kind {
                                DictPart::Keys => e.key.clone(),
                                DictPart::Values => e.value.clone(),
                                DictPart::Items => {
                                    Value::tuple(vec![e.key.clone(), e.value.clone()])
                                }
                            };
                            *pos = p;
                            Step::Done(Some(v))
                        }
                        None => {
                            *pos = if *reversed { 0 } else { usize::MAX };
                            Step::Done(None)
                        }
                    }
                }
                Iter::Set { set, pos, used } => {
                    let s = set.borrow();
                    if s.len() != *used {
                        drop(s);
                        *used = usize::MAX;
                        drop(it);
                        return Err(
                            self.new_error("RuntimeError", "Set changed size during iteration")
                        );
                    }
                    match s.next_from(*pos) {
                        Some((p, k)) => {
                            *pos = p;
                            Step::Done(Some(k))
                        }
                        None => {
                            *pos = usize::MAX;
                            Step::Done(None)
                        }
                    }
                }
                Iter::Enumerate(inner, n) => {
                    let next = match &*n {
                        Value::Int(i) => match i.checked_add(1) {
                            Some(j) => Value::Int(j),
                            None => super::bigint::int_value_i128(*i as i128 + 1),
                        },
                        Value::BigInt(b) => super::bigint::int_value((**b).clone() + 1),
                        other => other.clone(),
                    };
                    let i = std::mem::replace(n, next);
                    Step::Enumerate(inner.clone(), i)
                }
                Iter::Zip(its) => Step::Zip(its.clone()),
                Iter::Map(f, its) => Step::Map(f.clone(), its.clone()),
                Iter::Filter(f, inner) => Step::Filter(f.clone(), inner.clone()),
                Iter::Reversed(items, left) => {
                    if *left == 0 {
                        Step::Done(None)
                    } else {
                        *left -= 1;
                        Step::Done(items.get(*left).cloned())
                    }
                }
                Iter::Cycle { source, saved, pos } => match source {
                    Some(s) => Step::CycleSource(s.clone()),
                    None => {
                        if saved.is_empty() {
                            Step::Done(None)
                        } else {
                            let v = saved[*pos % saved.len()].clone();
                            *pos = (*pos + 1) % saved.len();
                            Step::Done(Some(v))
                        }
                    }
                },
                Iter::Count(n, step) => {
                    let v = *n;
                    *n = n.wrapping_add(*step);
                    Step::Done(Some(Value::Int(v)))
                }
                Iter::Sequence(obj, i) => {
                    let n = *i;
                    *i += 1;
                    Step::Sequence(obj.clone(), n)
                }
                Iter::Exhausted => Step::Done(None),
                Iter::Call(f, sentinel) => Step::Call(f.clone(), sentinel.clone()),
            }
        };
        match step {
            Step::Done(v) => Ok(v),
            Step::Enumerate(inner, i) => match self.next(&inner)? {
                Some(v) => Ok(Some(Value::tuple(vec![i, v]))),
                None => Ok(None),
            },
            Step::Zip(its) => {
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            Step::Map(f, its) => {
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(self.call(&f, Args::new(args))?))
            }
            Step::Filter(f, inner) => loop {
                let Some(v) = self.next(&inner)? else {
                    return Ok(None);
                };
                let keep = if matches!(f, Value::None) {
                    self.truthy(&v)?
                } else {
                    let r = self.call(&f, Args::new(vec![v.clone()]))?;
                    self.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            Step::Call(f, sentinel) => {
                let v = self.call(&f, Args::default())?;
                if self.eq(&v, &sentinel)? {
                    *cell.borrow_mut() = Iter::Exhausted;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            Step::Sequence(obj, i) => match self.get_item(&obj, &Value::Int(i)) {
                Ok(v) => Ok(Some(v)),
                Err(PyErr::Exception(e))
                    if self.is_instance_of(&e, "IndexError")
                        || self.is_instance_of(&e, "StopIteration") =>
                {
                    *cell.borrow_mut() = Iter::Exhausted;
                    Ok(None)
                }
                Err(e) => Err(e),
            },
            Step::CycleSource(src) => match self.next(&src)? {
                Some(v) => {
                    if let Iter::Cycle { saved, .. } = &mut *cell.borrow_mut() {
                        saved.push(v.clone());
                    }
                    Ok(Some(v))
                }
                None => {
                    let first = {
                        let mut it = cell.borrow_mut();
                        if let Iter::Cycle { source, saved, pos } = &mut *it {
                            *source = None;
                            if saved.is_empty() {
                                None
                            } else {
                                *pos = 1 % saved.len();
                                Some(saved[0].clone())
                            }
                        } else {
                            None
                        }
                    };
                    Ok(first)
                }
            },
        }
    }

    /// Drains an iterable into a vector.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            if out.len() >= MAX_COLLECT {
                return Err(self.new_error("MemoryError", "the sequence is too long"));
            }
            out.push(x);
        }
        Ok(out)
    }

    /// Unpacks exactly `n` items, with CPython's messages.
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            Value::Instance(i) if matches!(i.payload, Payload::Tuple(_)) => match &i.payload {
                Payload::Tuple(t) => t.to_vec(),
                _ => unreachable!("matched above"),
            },
            _ => {
                if !self.is_iterable(v)? {
                    return Err(self.new_error(
                        "TypeError",
                        &format!("cannot unpack non-iterable {} object", v.type_name()),
                    ));
                }
                // Take at most n + 1 items so endless iterators fail fast.
                let it = self.iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        break;
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.new_error(
                "ValueError",
                &format!("too many values to unpack (expected {})", n),
            ));
        }
        if items.len() < n {
            return Err(self.new_error(
                "ValueError",
                &format!(
                    "not enough values to unpack (expected {}, got {})",
                    n,
                    items.len()
                ),
            ));
        }
        Ok(items)
    }

    /// The (key, value) pairs of a mapping (`**m`, `dict(m)`).
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        match m {
            Value::Dict(d) => Ok(d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()),
            Value::Instance(_) => {
                let keys_m = self.get_attr(m, "keys")?;
                let keys = self.call(&keys_m, Args::default())?;
                let keys = self.collect(&keys)?;
                let mut out = Vec::new();
                for k in keys {
                    let v = self.get_item(m, &k)?;
                    out.push((k, v));
                }
                Ok(out)
            }
            other => Err(self.new_error(
                "TypeError",
                &format!("'{}' object is not a mapping", other.type_name()),
            )),
        }
    }
}
