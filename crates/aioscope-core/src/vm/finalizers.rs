//! What CPython reports when certain objects die: a coroutine that never
//! started ("coroutine 'f' was never awaited"), a task destroyed while
//! pending, a future or task whose exception nobody retrieved.
//!
//! Our values are reference counted as CPython's are, so an object dies
//! where CPython's would (a cycle aside: those wait for the end of the
//! run, as for CPython's collector at interpreter shutdown). Its `Drop`
//! cannot reach the interpreter, so it queues a [`Finalizer`] here; the
//! interpreter runs the queue at the next safe point (the instruction
//! that dropped the reference, a frame's return, the end of a loop
//! callback, the end of the run) with the [`Site`] Python was at, so the
//! message comes out in order with the program's own output.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::lang::bytecode::Code;
use crate::vm::frame::Frame;
use crate::vm::traceback::NativeFrame;
use crate::vm::value::Value;
use crate::vm::Vm;

/// Where Python was when an object died: what a warning names as its
/// place (`prog.py:12: RuntimeWarning: ...`).
#[derive(Clone, Debug)]
pub enum Site {
    /// A Python frame, at an instruction.
    Frame {
        /// Its code.
        code: Rc<Code>,
        /// The instruction.
        pc: u32,
    },
    /// A frame of CPython's library that native code stands for (the
    /// event loop running a callback).
    Native(&'static NativeFrame),
    /// No Python code runs: the interpreter finalizes (`sys:1`).
    Exit,
}

impl Site {
    /// Where `frame` is.
    pub fn of(frame: &Frame) -> Site {
        Site::Frame {
            code: frame.code.clone(),
            pc: frame.pc.saturating_sub(1) as u32,
        }
    }
}

/// A message to write (or anything to do) for an object that died.
pub type Finalizer = Box<dyn FnOnce(&mut Vm, &Site)>;

/// The queue of what died since the interpreter last looked. Objects that
/// report their death keep a weak reference to it (a run's queue dies
/// with its interpreter).
#[derive(Default)]
pub struct Finalizers {
    queue: RefCell<Vec<Finalizer>>,
    pending: Cell<bool>,
}

impl Finalizers {
    /// Queues `f`.
    pub fn push(&self, f: Finalizer) {
        // A finalizer may be queued while the queue is being taken from
        // (an object dying inside `Drop`): never hold the borrow across.
        if let Ok(mut q) = self.queue.try_borrow_mut() {
            q.push(f);
            self.pending.set(true);
        }
    }

    /// Whether anything waits.
    pub fn pending(&self) -> bool {
        self.pending.get()
    }

    fn take(&self) -> Vec<Finalizer> {
        self.pending.set(false);
        std::mem::take(&mut *self.queue.borrow_mut())
    }
}

impl Vm {
    /// Runs what objects that died since the last call left to do, as at
    /// `site`. Each may kill more objects (a task's exception freeing its
    /// frames): they run too, in order.
    pub fn finalize(&mut self, site: &Site) {
        let queue = self.finalizers.clone();
        let mut rounds = 0;
        while queue.pending() && rounds < 10_000 {
            rounds += 1;
            for f in queue.take() {
                f(self, site);
            }
        }
    }

    /// [`Self::finalize`] at `frame`'s current instruction, when anything
    /// died: cheap enough for the instructions that drop references.
    #[inline]
    pub fn settle(&mut self, frame: &Frame) {
        if self.finalizers.pending() {
            self.finalize(&Site::of(frame));
        }
    }
}

/// Lets go of `values` in the order CPython's deallocation would, so that
/// objects that report their death do it in CPython's order: in turn,
/// and for the last reference to a container, its items as its `dealloc`
/// releases them (a list's and a tuple's from the last to the first, a
/// dict's and an instance's attributes from the first, key then value).
pub fn release(values: Vec<Value>) {
    // Depth first: an item is gone entirely before the next one goes.
    let mut stack: Vec<Value> = values.into_iter().rev().collect();
    while let Some(v) = stack.pop() {
        match v {
            Value::List(l) if Rc::strong_count(&l) == 1 => {
                let items = std::mem::take(&mut *l.borrow_mut());
                drop(l);
                stack.extend(items);
            }
            Value::Tuple(t) if Rc::strong_count(&t) == 1 => {
                let items: Vec<Value> = t.iter().cloned().collect();
                drop(t);
                stack.extend(items);
            }
            Value::Dict(d) if Rc::strong_count(&d) == 1 => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                d.borrow_mut().clear();
                drop(d);
                for (k, v) in items.into_iter().rev() {
                    stack.push(v);
                    stack.push(k);
                }
            }
            Value::Instance(i) if Rc::strong_count(&i) == 1 => {
                let items: Vec<Value> = i.attrs.borrow().iter().map(|(_, v)| v.clone()).collect();
                drop(i);
                stack.extend(items.into_iter().rev());
            }
            other => drop(other),
        }
    }
}

/// [`release`] for a frame's variables (locals first, then cells, as
/// CPython clears a frame).
pub fn release_frame_vars(locals: Vec<Option<Value>>, cells: Vec<crate::vm::value::CellRef>) {
    // Dropping the vectors already goes in CPython's order, except inside
    // a list or tuple only they hold: the common case costs one scan.
    let unique_sequence = |v: &Value| match v {
        Value::List(l) => Rc::strong_count(l) == 1,
        Value::Tuple(t) => Rc::strong_count(t) == 1,
        _ => false,
    };
    if !locals.iter().flatten().any(unique_sequence)
        && !cells
            .iter()
            .any(|c| Rc::strong_count(c) == 1 && c.borrow().as_ref().is_some_and(unique_sequence))
    {
        drop(locals);
        drop(cells);
        return;
    }
    let mut values: Vec<Value> = locals.into_iter().flatten().collect();
    for c in cells {
        if Rc::strong_count(&c) == 1 {
            if let Some(v) = c.borrow_mut().take() {
                values.push(v);
            }
        }
    }
    release(values);
}

impl Vm {
    /// The program ended: the interpreter finalizes, and what dies now
    /// reports at `sys:1`. First the exception that ended the program goes
    /// (with the frames its traceback kept, the innermost first), as
    /// CPython's `sys.last_value` does.
    pub fn release_uncaught(&mut self, uncaught: Option<Value>) {
        self.finalizing = true;
        if let Some(e) = uncaught {
            let entries = e
                .exc()
                .map(|d| std::mem::take(&mut d.borrow_mut().traceback))
                .unwrap_or_default();
            drop(e);
            for entry in entries {
                if let crate::vm::value::TracebackEntry::Code {
                    locals: Some(l), ..
                } = entry
                {
                    if let Ok(l) = Rc::try_unwrap(l) {
                        let l = l.into_inner();
                        release_frame_vars(l.locals, l.cells);
                    }
                }
            }
            self.finalize(&Site::Exit);
        }
    }

    /// Then the main module's globals go, in order (after the layers
    /// above reported what CPython's collector finds in its cycles).
    pub fn release_main_globals(&mut self) {
        self.finalizing = true;
        if let Some(main) = self.modules.get("__main__").cloned() {
            let values = main.take_all();
            for v in values {
                release(vec![v]);
                self.finalize(&Site::Exit);
            }
        }
    }
}
