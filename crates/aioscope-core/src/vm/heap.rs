//! The objects a run made that can take part in a reference cycle, so that
//! the run's end can break every cycle among them.
//!
//! Values are reference-counted (`Rc`), and `Rc` never frees a cycle: a
//! class and its methods' globals, a task and its coroutine's frame, an
//! exception and the frames of its traceback, `x.append(x)`. CPython's
//! garbage collector finds such cycles; here a run keeps them until it
//! ends, and then [`RunHeap`] empties every object it tracked that is
//! still alive, which frees them all: nothing a run made outlives it.
//!
//! Only objects that change after they are built are tracked (lists,
//! dicts, sets, cells, instances, functions' attributes, classes, modules,
//! coroutines, iterators, futures, loops, contexts, weak-reference
//! callbacks): a cycle's newest edge is always a change to an object that
//! already existed, so emptying those breaks every cycle. Tuples,
//! frozensets, bound methods and code constants never change, are never
//! tracked, and may outlive a run (the compiled library modules a thread
//! keeps hold frozenset constants).
//!
//! The registry is per thread and active only inside a run, so values
//! built outside one (unit tests, the compiler) are plain `Rc`s as before.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use super::dict::Dict;
use super::set::Set;
use super::value::{
    Attrs, Class, Coroutine, Function, Instance, Iter, Module, NativeObject, Payload,
};
use super::Value;

/// An object that can give up everything it refers to.
///
/// `clear` must not run Python code, and must leave the object usable
/// (empty), since something outside the cycle may still hold it until the
/// run's values are all dropped.
pub trait Clear {
    /// Drops the references the object holds.
    fn clear(&self);
}

/// A tracked object, held weakly: tracking never keeps anything alive.
enum Entry {
    Object(Weak<dyn Clear>),
    Native(Weak<dyn NativeObject>),
}

impl Entry {
    fn alive(&self) -> bool {
        match self {
            Entry::Object(w) => w.strong_count() > 0,
            Entry::Native(w) => w.strong_count() > 0,
        }
    }

    fn clear(&self) {
        match self {
            Entry::Object(w) => {
                if let Some(o) = w.upgrade() {
                    o.clear();
                }
            }
            Entry::Native(w) => {
                if let Some(o) = w.upgrade() {
                    o.clear_references();
                }
            }
        }
    }
}

/// The tracked objects of the innermost run on this thread.
struct Registry {
    entries: Vec<Entry>,
    /// The length at which dead entries are dropped next: twice the live
    /// ones after the last sweep, so sweeping costs O(1) per object and a
    /// run that makes and drops millions of lists keeps few dead entries.
    sweep_at: usize,
}

const FIRST_SWEEP: usize = 1024;

impl Registry {
    fn new() -> Registry {
        Registry {
            entries: Vec::new(),
            sweep_at: FIRST_SWEEP,
        }
    }

    fn push(&mut self, entry: Entry) {
        if self.entries.len() >= self.sweep_at {
            self.entries.retain(Entry::alive);
            self.sweep_at = (self.entries.len() * 2).max(FIRST_SWEEP);
        }
        self.entries.push(entry);
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Registry>> = const { RefCell::new(None) };
}

fn register(entry: Entry) {
    // `try_with`: a value dropped while the thread exits tracks nothing.
    let _ = CURRENT.try_with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            if let Some(r) = c.as_mut() {
                r.push(entry);
            }
        }
    });
}

/// `Rc::new(value)`, tracked by the current run.
pub fn tracked<T: Clear + 'static>(value: T) -> Rc<T> {
    let rc = Rc::new(value);
    track(&rc);
    rc
}

/// Tracks `rc` in the current run.
pub fn track<T: Clear + 'static>(rc: &Rc<T>) {
    let weak: Weak<dyn Clear> = Rc::downgrade(rc) as Weak<dyn Clear>;
    register(Entry::Object(weak));
}

/// Tracks a library object in the current run (one whose
/// [`NativeObject::clear_references`] lets go of something).
pub fn track_native(rc: &Rc<dyn NativeObject>) {
    register(Entry::Native(Rc::downgrade(rc)));
}

/// A run's tracking, from [`RunHeap::begin`] until it is dropped, when
/// every tracked object still alive is emptied.
pub struct RunHeap {
    /// The enclosing run's registry (a run inside a run), restored at the
    /// end.
    outer: Option<Registry>,
}

impl RunHeap {
    /// Starts tracking what this thread allocates for a new run.
    pub fn begin() -> RunHeap {
        let outer = CURRENT.with(|c| c.borrow_mut().replace(Registry::new()));
        RunHeap { outer }
    }

    /// How many tracked objects are alive (for tests).
    pub fn live() -> usize {
        CURRENT.with(|c| {
            c.borrow()
                .as_ref()
                .map_or(0, |r| r.entries.iter().filter(|e| e.alive()).count())
        })
    }
}

impl Drop for RunHeap {
    fn drop(&mut self) {
        let registry = CURRENT.with(|c| c.borrow_mut().take());
        // Emptying an object drops what it held, which may free other
        // tracked objects (their entries then find nothing) and run their
        // `Drop`s; nothing is tracked meanwhile, as no registry is current.
        if let Some(registry) = registry {
            for entry in &registry.entries {
                entry.clear();
            }
        }
        let outer = self.outer.take();
        CURRENT.with(|c| *c.borrow_mut() = outer);
    }
}

/// Takes `cell`'s contents out and drops them after the borrow ends, so
/// a `Drop` reaching the same object finds it empty, not borrowed.
pub fn empty<T: Default>(cell: &RefCell<T>) {
    let taken = match cell.try_borrow_mut() {
        Ok(mut v) => std::mem::take(&mut *v),
        Err(_) => return,
    };
    drop(taken);
}

impl Clear for RefCell<Vec<Value>> {
    fn clear(&self) {
        empty(self);
    }
}

impl Clear for RefCell<VecDeque<Value>> {
    fn clear(&self) {
        empty(self);
    }
}

impl Clear for RefCell<Dict> {
    fn clear(&self) {
        empty(self);
    }
}

impl Clear for RefCell<Set> {
    fn clear(&self) {
        empty(self);
    }
}

/// A class body's namespace while it runs.
impl Clear for RefCell<Attrs> {
    fn clear(&self) {
        empty(self);
    }
}

/// A closure cell.
impl Clear for RefCell<Option<Value>> {
    fn clear(&self) {
        empty(self);
    }
}

impl Clear for RefCell<Iter> {
    fn clear(&self) {
        let taken = match self.try_borrow_mut() {
            Ok(mut it) => std::mem::replace(&mut *it, Iter::Exhausted),
            Err(_) => return,
        };
        drop(taken);
    }
}

impl Clear for Instance {
    fn clear(&self) {
        empty(&self.attrs);
        empty(&self.dict);
        match &self.payload {
            Payload::Exception(data) => empty(data),
            Payload::Property(data) => empty(data),
            Payload::Slots(slots) => empty(slots),
            _ => {}
        }
    }
}

impl Clear for Function {
    fn clear(&self) {
        empty(&self.attrs);
    }
}

impl Clear for Class {
    fn clear(&self) {
        empty(&self.attrs);
    }
}

impl Clear for Module {
    fn clear(&self) {
        empty(&self.names);
        empty(&self.dict);
    }
}

impl Clear for Coroutine {
    fn clear(&self) {
        empty(&self.frame);
        empty(&self.awaiting);
        empty(&self.op);
    }
}
