//! Dict and set operations that may run Python code (a key's `__hash__`
//! or `__eq__`), with the borrow discipline that makes that safe: a
//! container compares keys in Rust while borrowed, or is taken out of its
//! cell while the interpreter compares them (see `keys.rs`).
//!
//! The set operations follow CPython's `setobject.c` step by step (which
//! set is walked, which is probed, when a result is copied and when built
//! by insertion), since a result's layout, and so its printed order,
//! depends on how it was built.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::Dict;
use super::keys::{FastEq, Key, KeyEq, VmEq};
use super::set::Set;
use super::value::{PyResult, Value};
use super::Vm;

/// A set or frozenset cell.
pub type SetRef = Rc<RefCell<Set>>;
/// A dict cell.
pub type DictRef = Rc<RefCell<Dict>>;

/// A new set value.
pub fn set_value(s: Set) -> Value {
    Value::Set(crate::vm::heap::tracked(RefCell::new(s)))
}

/// A new frozenset value.
pub fn frozenset_value(s: Set) -> Value {
    Value::FrozenSet(crate::vm::heap::tracked(RefCell::new(s)))
}

/// The set behind a set or frozenset value.
pub fn any_set(v: &Value) -> Option<&SetRef> {
    match v.unwrapped() {
        Value::Set(s) | Value::FrozenSet(s) => Some(s),
        _ => None,
    }
}

impl Vm {
    /// Runs `f` on the dict: borrowed when Rust can compare the keys
    /// involved, taken out of its cell while Python code may run.
    pub fn with_dict<R>(
        &mut self,
        d: &DictRef,
        python: bool,
        f: impl FnOnce(&mut Dict, &mut dyn KeyEq) -> PyResult<R>,
    ) -> PyResult<R> {
        if !python {
            return f(&mut d.borrow_mut(), &mut FastEq);
        }
        let mut taken = std::mem::take(&mut *d.borrow_mut());
        let r = f(&mut taken, &mut VmEq(self));
        *d.borrow_mut() = taken;
        r
    }

    /// [`Vm::with_dict`] for sets.
    pub fn with_set<R>(
        &mut self,
        s: &SetRef,
        python: bool,
        f: impl FnOnce(&mut Set, &mut dyn KeyEq) -> PyResult<R>,
    ) -> PyResult<R> {
        if !python {
            return f(&mut s.borrow_mut(), &mut FastEq);
        }
        let mut taken = std::mem::take(&mut *s.borrow_mut());
        let r = f(&mut taken, &mut VmEq(self));
        *s.borrow_mut() = taken;
        r
    }

    /// `d[key]`, or `None` when absent.
    pub fn dict_get(&mut self, d: &DictRef, key: &Key) -> PyResult<Option<Value>> {
        let python = d.borrow().needs_vm(&key.value);
        self.with_dict(d, python, |d, eq| d.get_with(key, eq))
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: &DictRef, key: Key, value: Value) -> PyResult<()> {
        let python = d.borrow().needs_vm(&key.value);
        self.with_dict(d, python, |d, eq| d.insert_with(key, value, eq))
    }

    /// Removes `key`, returning its value if it was there.
    pub fn dict_remove(&mut self, d: &DictRef, key: &Key) -> PyResult<Option<Value>> {
        let python = d.borrow().needs_vm(&key.value);
        self.with_dict(d, python, |d, eq| d.remove_with(key, eq))
    }

    /// `key in d`.
    pub fn dict_contains(&mut self, d: &DictRef, key: &Key) -> PyResult<bool> {
        let python = d.borrow().needs_vm(&key.value);
        self.with_dict(d, python, |d, eq| d.contains_with(key, eq))
    }

    /// `set.add(key)`.
    pub fn set_add(&mut self, s: &SetRef, key: Key) -> PyResult<bool> {
        let python = s.borrow().needs_vm(&key.value);
        self.with_set(s, python, |s, eq| s.add_key(key, eq))
    }

    /// `key in s`.
    pub fn set_contains(&mut self, s: &SetRef, key: &Key) -> PyResult<bool> {
        let python = s.borrow().needs_vm(&key.value);
        self.with_set(s, python, |s, eq| s.contains(key.hash, &key.value, eq))
    }

    /// Removes `key` if present (`set_discard_entry`).
    pub fn set_discard(&mut self, s: &SetRef, key: &Key) -> PyResult<bool> {
        let python = s.borrow().needs_vm(&key.value);
        self.with_set(s, python, |s, eq| s.discard(key.hash, &key.value, eq))
    }

    /// The key for a set element looked up in a set (`set_contains`,
    /// `remove`, `discard`): an unhashable set is looked up as the
    /// frozenset of its elements, as CPython does.
    pub fn set_lookup_key(&mut self, v: &Value) -> PyResult<Key> {
        if let Value::Set(s) = v {
            let frozen = s.borrow().clone();
            let hash = frozen.frozen_hash();
            return Ok(Key {
                hash,
                value: frozenset_value(frozen),
            });
        }
        self.key(v.clone())
    }

    /// `set_merge`: adds the elements of another set.
    pub fn set_merge(&mut self, s: &SetRef, other: &SetRef) -> PyResult<()> {
        if Rc::ptr_eq(s, other) {
            return Ok(());
        }
        let other = other.borrow().clone();
        let python = s.borrow().user_eq() || other.user_eq();
        self.with_set(s, python, |s, eq| s.merge(&other, eq))
    }

    /// `set_update_internal`: adds the elements of any iterable (a set is
    /// merged, a dict's keys are added with their hashes after one
    /// resize, anything else is iterated).
    pub fn set_update(&mut self, s: &SetRef, other: &Value) -> PyResult<()> {
        if let Some(o) = any_set(other) {
            return self.set_merge(s, o);
        }
        if let Value::Dict(d) = other {
            let entries: Vec<Key> = d
                .borrow()
                .entries()
                .map(|e| Key {
                    hash: e.hash,
                    value: e.key.clone(),
                })
                .collect();
            s.borrow_mut().reserve_for(entries.len());
            for k in entries {
                self.set_add(s, k)?;
            }
            return Ok(());
        }
        let it = self.iter(other)?;
        while let Some(x) = self.next(&it)? {
            let k = self.key(x)?;
            self.set_add(s, k)?;
        }
        Ok(())
    }

    /// `make_new_set`: a new set holding the elements of `iterable`.
    pub fn new_set(&mut self, iterable: Option<&Value>) -> PyResult<Set> {
        let cell = crate::vm::heap::tracked(RefCell::new(Set::new()));
        if let Some(it) = iterable {
            self.set_update(&cell, it)?;
        }
        let s = cell.borrow().clone();
        Ok(s)
    }

    /// `set.copy()` (`make_new_set_basetype(type, so)`).
    pub fn set_copy(&mut self, s: &SetRef) -> PyResult<Set> {
        let cell = crate::vm::heap::tracked(RefCell::new(Set::new()));
        self.set_merge(&cell, s)?;
        let s = cell.borrow().clone();
        Ok(s)
    }

    /// Whether `key` (with its hash) is in the set held in `s`, comparing
    /// through the interpreter if needed. `s` is a snapshot no Python code
    /// can reach.
    fn snapshot_contains(&mut self, s: &Set, key: &Key) -> PyResult<bool> {
        if s.needs_vm(&key.value) {
            s.contains(key.hash, &key.value, &mut VmEq(self))
        } else {
            s.contains(key.hash, &key.value, &mut FastEq)
        }
    }

    /// Adds to a result set no Python code can reach yet.
    fn result_add(&mut self, result: &mut Set, key: Key) -> PyResult<bool> {
        if result.needs_vm(&key.value) {
            result.add_key(key, &mut VmEq(self))
        } else {
            result.add_key(key, &mut FastEq)
        }
    }

    /// Removes from a result set no Python code can reach yet.
    fn result_discard(&mut self, result: &mut Set, key: &Key) -> PyResult<bool> {
        if result.needs_vm(&key.value) {
            result.discard(key.hash, &key.value, &mut VmEq(self))
        } else {
            result.discard(key.hash, &key.value, &mut FastEq)
        }
    }

    /// `set_intersection(so, other)`.
    pub fn set_intersection(&mut self, so: &SetRef, other: &Value) -> PyResult<Set> {
        if let Some(o) = any_set(other) {
            if Rc::ptr_eq(so, o) {
                return self.set_copy(so);
            }
            let (mut big, mut small) = (so.borrow().clone(), o.borrow().clone());
            if small.len() > big.len() {
                std::mem::swap(&mut big, &mut small);
            }
            let mut result = Set::new();
            let keys: Vec<Key> = small
                .entries()
                .map(|(h, k)| Key {
                    hash: h,
                    value: k.clone(),
                })
                .collect();
            for k in keys {
                if self.snapshot_contains(&big, &k)? {
                    self.result_add(&mut result, k)?;
                }
            }
            return Ok(result);
        }
        let this = so.borrow().clone();
        let mut result = Set::new();
        let it = self.iter(other)?;
        while let Some(x) = self.next(&it)? {
            let k = self.key(x)?;
            if self.snapshot_contains(&this, &k)? {
                self.result_add(&mut result, k)?;
            }
        }
        Ok(result)
    }

    /// `set_difference_update_internal(so, other)`.
    pub fn set_difference_update(&mut self, so: &SetRef, other: &Value) -> PyResult<()> {
        if let Some(o) = any_set(other) {
            if Rc::ptr_eq(so, o) {
                so.borrow_mut().clear();
                return Ok(());
            }
            // A much larger other set is replaced by the intersection.
            let other_set = if o.borrow().len() >> 3 > so.borrow().len() {
                self.set_intersection(so, other)?
            } else {
                o.borrow().clone()
            };
            for (h, k) in other_set.entries() {
                let key = Key {
                    hash: h,
                    value: k.clone(),
                };
                self.set_discard(so, &key)?;
            }
        } else {
            let it = self.iter(other)?;
            while let Some(x) = self.next(&it)? {
                let k = self.key(x)?;
                self.set_discard(so, &k)?;
            }
        }
        so.borrow_mut().shrink_dummies();
        Ok(())
    }

    /// `set_difference(so, other)`.
    pub fn set_difference(&mut self, so: &SetRef, other: &Value) -> PyResult<Set> {
        let other_size = match other {
            Value::Set(o) | Value::FrozenSet(o) => o.borrow().len(),
            Value::Dict(d) => d.borrow().len(),
            _ => return self.set_copy_and_difference(so, other),
        };
        if so.borrow().len() >> 2 > other_size {
            return self.set_copy_and_difference(so, other);
        }
        let this = so.borrow().clone();
        let mut result = Set::new();
        for (h, k) in this.entries() {
            let key = Key {
                hash: h,
                value: k.clone(),
            };
            let present = match other {
                Value::Dict(d) => self.dict_contains(d, &key)?,
                Value::Set(o) | Value::FrozenSet(o) => {
                    let o = o.borrow().clone();
                    self.snapshot_contains(&o, &key)?
                }
                _ => false,
            };
            if !present {
                self.result_add(&mut result, key)?;
            }
        }
        Ok(result)
    }

    fn set_copy_and_difference(&mut self, so: &SetRef, other: &Value) -> PyResult<Set> {
        let result = crate::vm::heap::tracked(RefCell::new(self.set_copy(so)?));
        self.set_difference_update(&result, other)?;
        let r = result.borrow().clone();
        Ok(r)
    }

    /// `set_symmetric_difference_update(so, other)`.
    pub fn set_symmetric_difference_update(&mut self, so: &SetRef, other: &Value) -> PyResult<()> {
        if let Some(o) = any_set(other) {
            if Rc::ptr_eq(so, o) {
                so.borrow_mut().clear();
                return Ok(());
            }
        }
        let keys: Vec<Key> = match other {
            Value::Dict(d) => d
                .borrow()
                .entries()
                .map(|e| Key {
                    hash: e.hash,
                    value: e.key.clone(),
                })
                .collect(),
            Value::Set(o) | Value::FrozenSet(o) => o
                .borrow()
                .entries()
                .map(|(h, k)| Key {
                    hash: h,
                    value: k.clone(),
                })
                .collect(),
            _ => {
                let other_set = self.new_set(Some(other))?;
                other_set
                    .entries()
                    .map(|(h, k)| Key {
                        hash: h,
                        value: k.clone(),
                    })
                    .collect()
            }
        };
        for k in keys {
            if !self.set_discard(so, &k)? {
                self.set_add(so, k)?;
            }
        }
        Ok(())
    }

    /// `set_symmetric_difference(so, other)`: a copy of `other` updated
    /// with `so`.
    pub fn set_symmetric_difference(&mut self, so: &SetRef, other: &Value) -> PyResult<Set> {
        let result = crate::vm::heap::tracked(RefCell::new(self.new_set(Some(other))?));
        self.set_symmetric_difference_update(&result, &Value::Set(so.clone()))?;
        let r = result.borrow().clone();
        Ok(r)
    }

    /// `set_issubset(so, other)`.
    pub fn set_issubset(&mut self, so: &SetRef, other: &Value) -> PyResult<bool> {
        let Some(o) = any_set(other) else {
            let tmp = self.set_intersection(so, other)?;
            return Ok(tmp.len() == so.borrow().len());
        };
        if so.borrow().len() > o.borrow().len() {
            return Ok(false);
        }
        let (this, o) = (so.borrow().clone(), o.borrow().clone());
        for (h, k) in this.entries() {
            let key = Key {
                hash: h,
                value: k.clone(),
            };
            if !self.snapshot_contains(&o, &key)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `set_issuperset(so, other)`.
    pub fn set_issuperset(&mut self, so: &SetRef, other: &Value) -> PyResult<bool> {
        if let Some(o) = any_set(other) {
            let o = o.clone();
            return self.set_issubset(&o, &Value::Set(so.clone()));
        }
        let this = so.borrow().clone();
        let it = self.iter(other)?;
        while let Some(x) = self.next(&it)? {
            let k = self.key(x)?;
            if !self.snapshot_contains(&this, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `set_isdisjoint(so, other)`.
    pub fn set_isdisjoint(&mut self, so: &SetRef, other: &Value) -> PyResult<bool> {
        if let Some(o) = any_set(other) {
            if Rc::ptr_eq(so, o) {
                return Ok(so.borrow().is_empty());
            }
            let (mut big, mut small) = (so.borrow().clone(), o.borrow().clone());
            if small.len() > big.len() {
                std::mem::swap(&mut big, &mut small);
            }
            for (h, k) in small.entries() {
                let key = Key {
                    hash: h,
                    value: k.clone(),
                };
                if self.snapshot_contains(&big, &key)? {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        let this = so.borrow().clone();
        let it = self.iter(other)?;
        while let Some(x) = self.next(&it)? {
            let k = self.key(x)?;
            if self.snapshot_contains(&this, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `a == b` for two sets (sizes, cached frozenset hashes, subset).
    pub fn set_equal(&mut self, a: &SetRef, b: &SetRef) -> PyResult<bool> {
        if a.borrow().len() != b.borrow().len() {
            return Ok(false);
        }
        self.set_issubset(a, &Value::Set(b.clone()))
    }

    /// Removes from a result set (exposed for dict views).
    pub fn set_result_discard(&mut self, result: &mut Set, key: &Key) -> PyResult<bool> {
        self.result_discard(result, key)
    }
}
