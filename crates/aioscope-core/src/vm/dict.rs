//! Python's insertion-ordered dict.
//!
//! As in CPython, entries sit in a vector in insertion order and a
//! power-of-two index of positions, probed as CPython probes, finds them by
//! hash. Deleting leaves a hole in the entries and a dummy in the index; a
//! resize squeezes both out. Keys compare through a [`KeyEq`]: Rust
//! decides for built-in keys, the interpreter when a class defines `__eq__`
//! (see `keys.rs`), so `1`, `1.0` and `True` are one key and a class's own
//! `__hash__`/`__eq__` are honoured.

use super::keys::{needs_python_eq, FastEq, Key, KeyEq};
use super::value::{PyResult, Value};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_INDEX: usize = 8;
const PERTURB_SHIFT: u32 = 5;

/// One entry: the key's hash, the key, the value.
#[derive(Clone)]
pub struct Entry {
    /// `hash(key)`.
    pub hash: i64,
    /// The key.
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// An insertion-ordered map from hashable values to values. Invariants:
/// `index` has a power-of-two length with at least one `EMPTY` slot; every
/// live entry is indexed exactly once; `used` counts live entries.
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<Entry>>,
    index: Vec<u32>,
    /// Index slots not `EMPTY` (live and dummy).
    fill: usize,
    used: usize,
    /// Some key may need Python code to compare.
    user_eq: bool,
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Self {
        Dict::default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Whether comparing its keys may need Python code.
    pub fn user_eq(&self) -> bool {
        self.user_eq
    }

    /// Whether an operation with `key` must compare through the
    /// interpreter.
    pub fn needs_vm(&self, key: &Value) -> bool {
        self.user_eq || needs_python_eq(key)
    }

    /// The position in `entries` of the key, if present.
    fn find(&self, hash: i64, key: &Value, eq: &mut dyn KeyEq) -> PyResult<Option<usize>> {
        if self.index.is_empty() {
            return Ok(None);
        }
        let mask = self.index.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            match self.index[i] {
                EMPTY => return Ok(None),
                DUMMY => {}
                ix => {
                    if let Some(e) = &self.entries[ix as usize] {
                        if e.hash == hash && (e.key.is(key) || eq.eq(&e.key, key)?) {
                            return Ok(Some(ix as usize));
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// The index slot that points at entry `ix`.
    fn slot_of(&self, hash: i64, ix: usize) -> Option<usize> {
        let mask = self.index.len().checked_sub(1)?;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            match self.index[i] {
                EMPTY => return None,
                j if j as usize == ix => return Some(i),
                _ => {}
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Puts entry position `ix` into the first free index slot of `hash`.
    fn index_insert(index: &mut [u32], hash: i64, ix: usize) {
        let mask = index.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while index[i] != EMPTY {
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        index[i] = ix as u32;
    }

    /// Rebuilds the index for at least `n` entries, squeezing out holes.
    fn rebuild(&mut self, n: usize) {
        let mut size = MIN_INDEX;
        while size < n * 3 {
            size <<= 1;
        }
        self.entries.retain(Option::is_some);
        let mut index = vec![EMPTY; size];
        for (ix, e) in self.entries.iter().enumerate() {
            if let Some(e) = e {
                Dict::index_insert(&mut index, e.hash, ix);
            }
        }
        self.index = index;
        self.fill = self.used;
    }

    /// The value for a key.
    pub fn get_with(&self, key: &Key, eq: &mut dyn KeyEq) -> PyResult<Option<Value>> {
        let ix = self.find(key.hash, &key.value, eq)?;
        Ok(ix.and_then(|ix| self.entries[ix].as_ref().map(|e| e.value.clone())))
    }

    /// The value for a key, comparing in Rust (built-in keys only).
    pub fn get(&self, key: &Key) -> Option<&Value> {
        let ix = self.find(key.hash, &key.value, &mut FastEq).ok()??;
        self.entries[ix].as_ref().map(|e| &e.value)
    }

    /// The value for a str key (keyword arguments, stats).
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.get(&Key {
            hash: super::hash::str(key),
            value: Value::Str(key.into()),
        })
    }

    /// Whether the key is present.
    pub fn contains_with(&self, key: &Key, eq: &mut dyn KeyEq) -> PyResult<bool> {
        Ok(self.find(key.hash, &key.value, eq)?.is_some())
    }

    /// Inserts or replaces; a replaced key keeps its position (and its
    /// original key object, as in CPython).
    pub fn insert_with(&mut self, key: Key, value: Value, eq: &mut dyn KeyEq) -> PyResult<()> {
        if let Some(ix) = self.find(key.hash, &key.value, eq)? {
            if let Some(e) = self.entries[ix].as_mut() {
                e.value = value;
            }
            return Ok(());
        }
        self.user_eq |= needs_python_eq(&key.value);
        // Keep the index at most two-thirds full of entries and dummies.
        if (self.fill + 1) * 3 >= self.index.len() * 2 {
            self.rebuild(self.used + 1);
        }
        let ix = self.entries.len();
        Dict::index_insert(&mut self.index, key.hash, ix);
        self.fill += 1;
        self.entries.push(Some(Entry {
            hash: key.hash,
            key: key.value,
            value,
        }));
        self.used += 1;
        Ok(())
    }

    /// Inserts with keys compared in Rust (built-in keys only).
    pub fn insert(&mut self, key: Key, value: Value) {
        // FastEq never fails.
        let _ = self.insert_with(key, value, &mut FastEq);
    }

    /// Removes a key, returning its value.
    pub fn remove_with(&mut self, key: &Key, eq: &mut dyn KeyEq) -> PyResult<Option<Value>> {
        let Some(ix) = self.find(key.hash, &key.value, eq)? else {
            return Ok(None);
        };
        Ok(self.remove_at(ix).map(|e| e.value))
    }

    /// Removes a key, comparing in Rust (built-in keys only).
    pub fn remove(&mut self, key: &Key) -> Option<Value> {
        self.remove_with(key, &mut FastEq).ok().flatten()
    }

    fn remove_at(&mut self, ix: usize) -> Option<Entry> {
        let hash = self.entries.get(ix)?.as_ref()?.hash;
        if let Some(slot) = self.slot_of(hash, ix) {
            self.index[slot] = DUMMY;
        }
        let e = self.entries[ix].take();
        self.used -= 1;
        // Trailing holes can go without moving anything.
        while matches!(self.entries.last(), Some(None)) {
            self.entries.pop();
        }
        e
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries
            .iter()
            .filter_map(|e| e.as_ref().map(|e| (&e.key, &e.value)))
    }

    /// Entries with their hashes, in insertion order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter_map(Option::as_ref)
    }

    /// Keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.iter().map(|(k, _)| k)
    }

    /// Values in insertion order.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.iter().map(|(_, v)| v)
    }

    /// The live entry at or after position `pos`, and the position after
    /// it: live iteration (positions stay valid while no key is added or
    /// removed).
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        let mut i = pos;
        while i < self.entries.len() {
            if let Some(e) = &self.entries[i] {
                return Some((i + 1, e));
            }
            i += 1;
        }
        None
    }

    /// The live entry at or before position `pos` (counting from the end),
    /// for `reversed()`.
    pub fn prev_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        let mut i = pos.min(self.entries.len());
        while i > 0 {
            i -= 1;
            if let Some(e) = &self.entries[i] {
                return Some((i, e));
            }
        }
        None
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let ix = self.entries.iter().rposition(Option::is_some)?;
        self.remove_at(ix).map(|e| (e.key, e.value))
    }

    /// Removes and returns the first entry.
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        let ix = self.entries.iter().position(Option::is_some)?;
        self.remove_at(ix).map(|e| (e.key, e.value))
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.fill = 0;
        self.used = 0;
        self.user_eq = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::hash;

    fn key(i: i64) -> Key {
        Key {
            hash: hash::int(i),
            value: Value::Int(i),
        }
    }

    #[test]
    fn order_is_insertion_order_through_deletes_and_growth() {
        let mut d = Dict::new();
        for i in 0..100 {
            d.insert(key(i), Value::Int(i * 2));
        }
        for i in (0..100).step_by(3) {
            assert!(d.remove(&key(i)).is_some());
        }
        d.insert(key(0), Value::None);
        let keys: Vec<i64> = d
            .keys()
            .map(|k| match k {
                Value::Int(i) => *i,
                _ => -1,
            })
            .collect();
        assert_eq!(keys.len(), 67);
        assert_eq!(keys[0], 1);
        assert_eq!(*keys.last().unwrap(), 0);
        assert!(matches!(d.get(&key(98)), Some(Value::Int(196))));
        assert!(d.get(&key(99)).is_none());
    }

    #[test]
    fn equal_numbers_are_one_key() {
        let mut d = Dict::new();
        d.insert(key(1), Value::str("int"));
        let one_float = Key {
            hash: hash::float(1.0),
            value: Value::Float(1.0),
        };
        d.insert(one_float, Value::str("float"));
        assert_eq!(d.len(), 1);
        assert!(matches!(d.keys().next(), Some(Value::Int(1))));
    }
}
