//! Python's insertion-ordered dict, keyed by hashable values with Python's
//! equality (`1 == 1.0 == True` are one key).

use std::hash::{BuildHasherDefault, Hash, Hasher};

use rustc_hash::FxHasher;
use std::collections::HashMap;

use super::value::Value;

/// A hashable value with its precomputed hash. Construct with
/// [`Key::new`], which refuses unhashable values.
#[derive(Clone)]
pub struct Key {
    hash: u64,
    /// The key itself.
    pub value: Value,
}

impl Key {
    /// The key for `value`, or `None` if the type is unhashable (the caller
    /// raises `TypeError: unhashable type`).
    pub fn new(value: Value) -> Option<Key> {
        let hash = hash_of(&value)?;
        Some(Key { hash, value })
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && keys_equal(&self.value, &other.value)
    }
}

impl Eq for Key {}

fn mix(h: u64) -> u64 {
    let mut x = h.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A hash consistent with [`keys_equal`]; `None` for unhashable values.
pub fn hash_of(v: &Value) -> Option<u64> {
    Some(match v {
        Value::None => 0x4e6f_6e65,
        Value::Bool(b) => mix(*b as u64),
        Value::Int(i) => mix(*i as u64),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                mix(*f as i64 as u64)
            } else {
                mix(f.to_bits())
            }
        }
        Value::Str(s) => {
            let mut h = FxHasher::default();
            s.hash(&mut h);
            h.finish()
        }
        Value::Bytes(b) => {
            let mut h = FxHasher::default();
            b.hash(&mut h);
            mix(h.finish())
        }
        Value::Tuple(items) => {
            let mut h: u64 = 0x3456_789a;
            for i in items.iter() {
                h = mix(h ^ hash_of(i)?);
            }
            h
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) => return None,
        Value::Instance(i) => match &i.payload {
            super::value::Payload::Builtin(inner) => return hash_of(inner),
            super::value::Payload::Tuple(items) => {
                let mut h: u64 = 0x3456_789a;
                for i in items.iter() {
                    h = mix(h ^ hash_of(i)?);
                }
                h
            }
            _ => mix(i.id),
        },
        Value::Slice(_) => return None,
        other => mix(identity(other)),
    })
}

/// An identity number for objects hashed by identity.
fn identity(v: &Value) -> u64 {
    use std::rc::Rc;
    match v {
        Value::Function(f) => Rc::as_ptr(f) as *const u8 as usize as u64,
        Value::Native(f) => Rc::as_ptr(f) as *const u8 as usize as u64,
        Value::BoundMethod(m) => {
            // Bound methods compare equal when self and func are the same.
            let a = hash_of(&m.this).unwrap_or(0);
            let b = identity(&m.func);
            a ^ b.rotate_left(17)
        }
        Value::Class(c) => c.id,
        Value::Module(m) => Rc::as_ptr(m) as *const u8 as usize as u64,
        Value::Coroutine(c) => c.id,
        Value::Iterator(i) => Rc::as_ptr(i) as *const u8 as usize as u64,
        Value::Range(r) => (r.start as u64) ^ (r.stop as u64).rotate_left(21),
        Value::Object(o) => Rc::as_ptr(o) as *const u8 as usize as u64,
        Value::Cell(c) => Rc::as_ptr(c) as *const u8 as usize as u64,
        Value::Ellipsis => 0xe11,
        Value::NotImplemented => 0x401,
        _ => 0,
    }
}

/// Equality of hashable values as dict keys: numbers across types, strings
/// and tuples by value, everything else by identity.
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => x == y,
        (BigInt(x), BigInt(y)) => x == y,
        (BigInt(x), Float(y)) | (Float(y), BigInt(x)) => {
            super::bigint::eq_float(super::bigint::Int::Big(x), *y)
        }
        (Str(x), Str(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Float(x), Float(y)) => x == y || (x.is_nan() && x.to_bits() == y.to_bits()),
        (Int(x), Float(y)) | (Float(y), Int(x)) => {
            super::bigint::eq_float(super::bigint::Int::Small(*x), *y)
        }
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Bool(y)) | (Bool(y), Float(x)) => *x == (*y as i64) as f64,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| keys_equal(p, q))
        }
        (BoundMethod(x), BoundMethod(y)) => x.this.is(&y.this) && x.func.is(&y.func),
        (Instance(_), _) | (_, Instance(_))
            if a.builtin_payload().is_some() || b.builtin_payload().is_some() =>
        {
            a.is(b) || keys_equal(a.unwrapped(), b.unwrapped())
        }
        (Instance(x), Instance(y)) => match (&x.payload, &y.payload) {
            (super::value::Payload::Tuple(p), super::value::Payload::Tuple(q)) => {
                p.len() == q.len() && p.iter().zip(q.iter()).all(|(a, b)| keys_equal(a, b))
            }
            _ => std::rc::Rc::ptr_eq(x, y),
        },
        _ => a.is(b),
    }
}

/// An insertion-ordered map from hashable values to values. Like
/// CPython's dict, entries sit in a vector in insertion order and a hash
/// index points into it; deleting leaves a hole (O(1)), and the holes are
/// squeezed out when they outnumber the live entries.
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<(Key, Value)>>,
    index: HashMap<Key, usize, BuildHasherDefault<FxHasher>>,
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Self {
        Dict::default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The value for a key.
    pub fn get(&self, key: &Key) -> Option<&Value> {
        let i = *self.index.get(key)?;
        self.entries[i].as_ref().map(|(_, v)| v)
    }

    /// The value for a str key (common for keyword arguments and stats).
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.get(&Key::new(Value::Str(key.into()))?)
    }

    /// Inserts or replaces; a replaced key keeps its position (and its
    /// original key object, as in CPython).
    pub fn insert(&mut self, key: Key, value: Value) {
        if let Some(&i) = self.index.get(&key) {
            if let Some((_, v)) = self.entries[i].as_mut() {
                *v = value;
            }
            return;
        }
        self.index.insert(key.clone(), self.entries.len());
        self.entries.push(Some((key, value)));
    }

    /// Removes a key, keeping the order of the others.
    pub fn remove(&mut self, key: &Key) -> Option<Value> {
        let i = self.index.remove(key)?;
        let (_, v) = self.entries[i].take()?;
        self.maybe_compact();
        Some(v)
    }

    fn maybe_compact(&mut self) {
        let live = self.index.len();
        if self.entries.len() > 16 && self.entries.len() > 2 * live {
            self.entries.retain(|e| e.is_some());
            for (i, e) in self.entries.iter().enumerate() {
                if let Some((k, _)) = e {
                    if let Some(slot) = self.index.get_mut(k) {
                        *slot = i;
                    }
                }
            }
        }
    }

    /// Whether the key is present.
    pub fn contains(&self, key: &Key) -> bool {
        self.index.contains_key(key)
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries
            .iter()
            .filter_map(|e| e.as_ref().map(|(k, v)| (&k.value, v)))
    }

    /// Keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.iter().map(|(k, _)| k)
    }

    /// Values in insertion order.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.iter().map(|(_, v)| v)
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(e) = self.entries.pop() {
            if let Some((k, v)) = e {
                self.index.remove(&k);
                return Some((k.value, v));
            }
        }
        None
    }

    /// Removes and returns the first entry.
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().position(|e| e.is_some())?;
        let (k, v) = self.entries[i].take()?;
        self.index.remove(&k);
        self.maybe_compact();
        Some((k.value, v))
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
    }
}
