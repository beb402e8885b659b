//! Closing async generators nothing refers to any more, as CPython's
//! finalizer hook does: a dropped reference or a returning frame's locals
//! may be the last one, and the event loop closes the rest at shutdown.

use std::rc::Rc;

use crate::vm::frame::Frame;
use crate::vm::value::{CoroKind, CoroState, Coroutine, PyResult, Value};
use crate::vm::Vm;

impl Vm {
    /// Called before a reference `v` goes away: when it is the last one to
    /// a suspended async generator (whose parked frame holds one more, to
    /// itself), the loop closes the generator, as CPython's finalizer hook
    /// does when the reference count reaches zero.
    pub(super) fn dropping(&mut self, v: &Value) -> PyResult<()> {
        if let Value::Coroutine(c) = v {
            if c.kind == CoroKind::AsyncGenerator
                && c.state.get() == CoroState::Suspended
                && Rc::strong_count(c) == 2
            {
                self.async_generator_dropped(c.clone())?;
            }
        }
        Ok(())
    }

    /// A returning frame's locals go away with it: an async generator
    /// kept in one (`g = agen(); async for x in g: break`) is closed then.
    pub(super) fn drop_locals(&mut self, frame: &Frame) -> PyResult<()> {
        for v in frame.locals.iter().flatten() {
            self.dropping(v)?;
        }
        Ok(())
    }

    /// A suspended async generator nothing refers to any more: the host
    /// (the event loop) closes it; without one it is simply dropped.
    fn async_generator_dropped(&mut self, c: Rc<Coroutine>) -> PyResult<()> {
        self.async_generators
            .retain(|w| w.upgrade().is_some_and(|g| !Rc::ptr_eq(&g, &c)));
        match self.host.clone() {
            Some(host) => host.async_generator_dropped(self, Value::Coroutine(c)),
            None => Ok(()),
        }
    }

    /// The async generators first iterated since the last call that are
    /// still alive, finished or not (CPython's loop keeps them in a weak
    /// set until its finalizer hook runs), for the loop to close at
    /// shutdown.
    pub fn take_async_generators(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.async_generators)
            .into_iter()
            .filter_map(|w| w.upgrade())
            .map(Value::Coroutine)
            .collect()
    }
}
