//! Keys of dicts and sets: a value with its hash, and how two keys compare.
//!
//! Most keys are strs, ints, tuples of them and objects hashed by
//! identity: Rust decides their equality ([`fast_eq`]) while the container
//! stays borrowed. A key whose class defines `__eq__` makes the comparison
//! Python code ([`needs_python_eq`]); the container is then taken out of
//! its cell for the operation and compared through the interpreter
//! ([`VmEq`]), so that Python code run by `__eq__` can never meet a
//! borrowed container (it sees the container empty meanwhile, and a change
//! it makes to it is dropped: CPython would restart the lookup).

use super::bigint::{self, Int};
use super::value::{Payload, PyResult, Value};
use super::Vm;

/// A hashable value with its hash (`hash(value)`, as CPython's).
#[derive(Clone)]
pub struct Key {
    /// `hash(value)`.
    pub hash: i64,
    /// The value.
    pub value: Value,
}

impl Key {
    /// The key for a str.
    pub fn str(s: std::rc::Rc<str>) -> Key {
        Key {
            hash: super::hash::str(&s),
            value: Value::Str(s),
        }
    }
}

/// How a container compares a stored key with the one looked up: `stored
/// == key`, as `PyObject_RichCompareBool(stored, key, Py_EQ)` (identity
/// first).
pub trait KeyEq {
    /// Whether the stored key equals the one looked up.
    fn eq(&mut self, stored: &Value, key: &Value) -> PyResult<bool>;
}

/// Equality decided in Rust: only for keys where [`fast_eq`] always
/// answers (no class with its own `__eq__` involved).
pub struct FastEq;

impl KeyEq for FastEq {
    fn eq(&mut self, stored: &Value, key: &Value) -> PyResult<bool> {
        Ok(fast_eq(stored, key).unwrap_or(false))
    }
}

/// Equality through the interpreter when Rust cannot decide.
pub struct VmEq<'a>(pub &'a mut Vm);

impl KeyEq for VmEq<'_> {
    fn eq(&mut self, stored: &Value, key: &Value) -> PyResult<bool> {
        match fast_eq(stored, key) {
            Some(b) => Ok(b),
            None => self.0.eq(stored, key),
        }
    }
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
    )
}

/// Numeric equality across int sizes, bools and floats, exact.
pub fn numbers_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Float(f), other) | (other, Value::Float(f)) => {
            bigint::int_of(other).is_some_and(|i| bigint::eq_float(i, *f))
        }
        _ => match (bigint::int_of(a), bigint::int_of(b)) {
            (Some(Int::Small(x)), Some(Int::Small(y))) => x == y,
            (Some(Int::Big(x)), Some(Int::Big(y))) => x == y,
            _ => false,
        },
    }
}

/// The items of a namedtuple or tuple.
fn tuple_items(v: &Value) -> Option<&[Value]> {
    match v {
        Value::Tuple(t) => Some(t),
        Value::Instance(i) => match &i.payload {
            Payload::Tuple(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// `a == b` when Rust can tell without running Python code: `None` when
/// a class's own `__eq__` must decide.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x == y),
        (Value::Bytes(x), Value::Bytes(y)) => Some(x == y),
        (Value::Tuple(x), Value::Tuple(y)) => seq_eq(x, y),
        (Value::Range(x), Value::Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            Some(lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step))))
        }
        (Value::BoundMethod(x), Value::BoundMethod(y)) => {
            Some(x.this.is(&y.this) && x.func.is(&y.func))
        }
        (Value::FrozenSet(x) | Value::Set(x), Value::FrozenSet(y) | Value::Set(y)) => {
            let (x, y) = (x.try_borrow().ok()?, y.try_borrow().ok()?);
            if x.user_eq() || y.user_eq() {
                return None;
            }
            Some(x.len() == y.len() && x.is_subset_fast(&y))
        }
        _ if is_number(a) && is_number(b) => Some(numbers_equal(a, b)),
        (Value::Instance(_), _) | (_, Value::Instance(_)) => {
            if needs_python_eq(a) || needs_python_eq(b) {
                return None;
            }
            // Subclasses of built-in types compare by their values.
            if a.builtin_payload().is_some() || b.builtin_payload().is_some() {
                return fast_eq(a.unwrapped(), b.unwrapped());
            }
            match (tuple_items(a), tuple_items(b)) {
                (Some(x), Some(y)) => seq_eq(x, y),
                _ => Some(false),
            }
        }
        _ => Some(false),
    }
}

fn seq_eq(x: &[Value], y: &[Value]) -> Option<bool> {
    if x.len() != y.len() {
        return Some(false);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !fast_eq(p, q)? {
            return Some(false);
        }
    }
    Some(true)
}

/// Whether comparing `v` may run Python code: an instance whose class
/// defines `__eq__`, or a tuple or frozenset holding one.
pub fn needs_python_eq(v: &Value) -> bool {
    match v {
        Value::Instance(i) => {
            if matches!(i.class.lookup("__eq__"), Some(f) if !matches!(f, Value::Native(_))) {
                return true;
            }
            match &i.payload {
                Payload::Tuple(t) => t.iter().any(needs_python_eq),
                _ => false,
            }
        }
        Value::Tuple(t) => t.iter().any(needs_python_eq),
        Value::FrozenSet(s) => s.try_borrow().map_or(true, |s| s.user_eq()),
        _ => false,
    }
}

impl Vm {
    /// The key for `v`: its hash, or CPython's `TypeError` for an
    /// unhashable value.
    pub fn key(&mut self, v: Value) -> PyResult<Key> {
        let hash = self.hash(&v)?;
        Ok(Key { hash, value: v })
    }
}
