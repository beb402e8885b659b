//! CPython's set table, reproduced so that sets and frozensets store, and
//! therefore iterate and print, exactly as CPython 3.11's do.
//!
//! The table is open addressing over a power-of-two array of slots: a key
//! starts at `hash & mask`, looks at the next 9 slots (when they are in
//! bounds), then jumps by `i = i * 5 + 1 + perturb` with `perturb` the hash
//! shifted right by 5 more bits each jump. Deleting leaves a dummy; adding
//! reuses a dummy seen on the way. The table grows when it is 60% filled
//! (dummies count), to four times the live count. Iteration walks the slots
//! in order. The operations below follow CPython's own steps (merging into
//! an empty set copies the table, intersection walks the smaller set...)
//! because the layout of a result depends on how it was built.
//!
//! Comparisons go through a [`KeyEq`]: Rust decides them for built-in keys,
//! the interpreter when a class defines `__eq__` (see `keys.rs`).

use std::cell::Cell;

use super::hash;
use super::keys::{needs_python_eq, FastEq, Key, KeyEq};
use super::value::{PyResult, Value};

/// The table size of a new set.
pub const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One slot of the table.
#[derive(Clone, Default)]
pub enum Slot {
    /// Never used since the table was built.
    #[default]
    Empty,
    /// Held a key that was removed.
    Dummy,
    /// Holds a key.
    Active(i64, Value),
}

/// A set or frozenset. Invariants: the table length is a power of two, at
/// least [`MIN_SIZE`]; `used` counts active slots and `fill` active and
/// dummy ones; at least one slot is always empty.
#[derive(Clone)]
pub struct Set {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop()` looks next.
    finger: usize,
    /// Some key may need Python code to compare (see `keys.rs`).
    user_eq: bool,
    /// A frozenset's hash, once computed.
    hash: Cell<Option<i64>>,
}

impl Default for Set {
    fn default() -> Self {
        Set {
            table: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            user_eq: false,
            hash: Cell::new(None),
        }
    }
}

/// Where a probe for a key ended.
enum Probe {
    /// The key is at this slot.
    Found(usize),
    /// Not there: an empty slot ended the search (with the dummy to reuse,
    /// if one was passed).
    Missing(usize, Option<usize>),
}

impl Set {
    /// An empty set.
    pub fn new() -> Set {
        Set::default()
    }

    /// Number of elements.
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

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The elements with their hashes, in table order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// The elements, in table order (the iteration order).
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.entries().map(|(_, k)| k)
    }

    /// The element at the first active slot at or after `pos`, and the
    /// position after it: live iteration.
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        let mut i = pos;
        while i < self.table.len() {
            if let Slot::Active(_, k) = &self.table[i] {
                return Some((i + 1, k.clone()));
            }
            i += 1;
        }
        None
    }

    /// CPython's probe (`set_lookkey` / the search of `set_add_entry`).
    fn probe(&self, hash: i64, key: &Value, eq: &mut dyn KeyEq) -> PyResult<Probe> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => return Ok(Probe::Missing(j, freeslot)),
                    Slot::Active(h, k) => {
                        if *h == hash && (k.is(key) || eq.eq(k, key)?) {
                            return Ok(Probe::Found(j));
                        }
                    }
                    Slot::Dummy => freeslot = Some(j),
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

    /// Whether the set holds `key`.
    pub fn contains(&self, hash: i64, key: &Value, eq: &mut dyn KeyEq) -> PyResult<bool> {
        Ok(matches!(self.probe(hash, key, eq)?, Probe::Found(_)))
    }

    /// `set_add_entry`: adds the key unless an equal one is there; returns
    /// whether it was added.
    pub fn add(&mut self, hash: i64, key: Value, eq: &mut dyn KeyEq) -> PyResult<bool> {
        let (empty, freeslot) = match self.probe(hash, &key, eq)? {
            Probe::Found(_) => return Ok(false),
            Probe::Missing(empty, freeslot) => (empty, freeslot),
        };
        self.user_eq |= needs_python_eq(&key);
        self.hash.set(None);
        if let Some(f) = freeslot {
            self.table[f] = Slot::Active(hash, key);
            self.used += 1;
            return Ok(true);
        }
        self.table[empty] = Slot::Active(hash, key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
        Ok(true)
    }

    /// [`Set::add`] with a [`Key`].
    pub fn add_key(&mut self, key: Key, eq: &mut dyn KeyEq) -> PyResult<bool> {
        self.add(key.hash, key.value, eq)
    }

    /// `set_discard_entry`: removes the key if present (leaving a dummy);
    /// returns whether it was there.
    pub fn discard(&mut self, hash: i64, key: &Value, eq: &mut dyn KeyEq) -> PyResult<bool> {
        match self.probe(hash, key, eq)? {
            Probe::Found(j) => {
                self.table[j] = Slot::Dummy;
                self.used -= 1;
                Ok(true)
            }
            Probe::Missing(..) => Ok(false),
        }
    }

    /// `set_pop`: removes and returns the element at or after the finger.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table[i], Slot::Active(..)) {
            i = if i == mask { 0 } else { i + 1 };
        }
        let slot = std::mem::replace(&mut self.table[i], Slot::Dummy);
        self.used -= 1;
        self.finger = i + 1;
        match slot {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    }

    /// `set_clear_internal`: back to an empty table of the minimum size
    /// (`pop()`'s finger stays where it was, as in CPython).
    pub fn clear(&mut self) {
        self.replace_body(Set::default());
    }

    /// `set_swap_bodies` as the in-place operations use it: takes the
    /// table of `other`, keeping this set's `pop()` finger.
    pub fn replace_body(&mut self, other: Set) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }

    /// `set_insert_clean`: puts a key known to be absent into a table
    /// without dummies.
    fn insert_clean(table: &mut [Slot], hash: i64, key: Value) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(table[i], Slot::Empty) {
                table[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                let run = &mut table[i + 1..=i + LINEAR_PROBES];
                if let Some(slot) = run.iter_mut().find(|s| matches!(s, Slot::Empty)) {
                    *slot = Slot::Active(hash, key);
                    return;
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

    /// `set_table_resize`: a table of the smallest power of two above
    /// `minused`, the live keys reinserted in slot order.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; size]);
        for slot in old {
            if let Slot::Active(h, k) = slot {
                Set::insert_clean(&mut self.table, h, k);
            }
        }
        self.fill = self.used;
    }

    /// `set_merge`: adds every element of `other` (a different set), the
    /// way CPython does it, which decides the resulting layout.
    pub fn merge(&mut self, other: &Set, eq: &mut dyn KeyEq) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        self.hash.set(None);
        self.user_eq |= other.user_eq;
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            for (mine, theirs) in self.table.iter_mut().zip(other.table.iter()) {
                if let Slot::Active(h, k) = theirs {
                    *mine = Slot::Active(*h, k.clone());
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (h, k) in other.entries() {
                Set::insert_clean(&mut self.table, h, k.clone());
            }
            return Ok(());
        }
        for (h, k) in other.entries() {
            self.add(h, k.clone(), eq)?;
        }
        Ok(())
    }

    /// The first step of adding a dict's keys (`set_update_internal` with
    /// a dict): one resize for all of them.
    pub fn reserve_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// After `difference_update`: more than a quarter dummies are resized
    /// away.
    pub fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// Whether every element is in `other`, comparing in Rust (both sets
    /// free of keys with their own `__eq__`).
    pub fn is_subset_fast(&self, other: &Set) -> bool {
        self.entries()
            .all(|(h, k)| other.contains(h, k, &mut FastEq).unwrap_or(false))
    }

    /// CPython's frozenset hash, cached.
    pub fn frozen_hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = hash::frozenset(self.entries().map(|(h, _)| h));
        self.hash.set(Some(h));
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set_of(items: &[i64]) -> Set {
        let mut s = Set::new();
        for &i in items {
            s.add(hash::int(i), Value::Int(i), &mut FastEq).unwrap();
        }
        s
    }

    fn order(s: &Set) -> Vec<i64> {
        s.keys()
            .map(|k| match k {
                Value::Int(i) => *i,
                _ => -999,
            })
            .collect()
    }

    #[test]
    fn small_ints_sit_at_their_hash() {
        assert_eq!(order(&set_of(&[3, 1, 2])), vec![1, 2, 3]);
        assert_eq!(
            order(&set_of(&[10, 20, 30, 40, 50])),
            vec![40, 10, 50, 20, 30]
        );
    }

    #[test]
    fn merging_into_an_empty_set_reinserts_in_table_order() {
        // `{10, 20, 30, 40, 50}` is a frozenset constant merged into a new
        // set: CPython prints {50, 20, 40, 10, 30}.
        let frozen = set_of(&[10, 20, 30, 40, 50]);
        let mut s = Set::new();
        s.merge(&frozen, &mut FastEq).unwrap();
        assert_eq!(order(&s), vec![50, 20, 40, 10, 30]);
    }

    #[test]
    fn pop_walks_from_the_finger() {
        let mut s = set_of(&[1, 2, 3]);
        let popped: Vec<_> = std::iter::from_fn(|| s.pop()).collect();
        assert_eq!(popped.len(), 3);
        assert!(s.is_empty());
    }
}
