//! Exceptions in flight: the exception (and cause) a `raise` instruction
//! throws, the traceback entry each frame adds as an exception passes
//! through it, and the class checks unwinding uses.

use std::rc::Rc;

use crate::vm::frame::Frame;
use crate::vm::value::{PyErr, PyResult, Value};
use crate::vm::Vm;

use super::exec::pop;

impl Vm {
    /// Records the frame an exception passes through in its traceback, and
    /// sets `__context__` where it is first raised. A re-raise (`raise`
    /// alone, the end of a `finally` or of an unmatched `except`) adds no
    /// entry for the frame that re-raises, as in CPython: that frame is
    /// in the traceback already.
    pub(super) fn note_frame(&mut self, exc: &Value, frame: &mut Frame, first: bool) {
        let reraised = first && std::mem::take(&mut self.reraising);
        if let Some(data) = exc.exc() {
            let mut d = data.borrow_mut();
            if !reraised {
                d.traceback.push(crate::vm::value::TracebackEntry::Code {
                    code: frame.code.clone(),
                    pc: frame.pc.saturating_sub(1) as u32,
                    locals: Some(frame.kept.get_or_insert_with(Default::default).clone()),
                });
            }
            if first && d.context.is_none() {
                if let Some(h) = frame.handling.last() {
                    if !h.is(exc) {
                        d.context = Some(h.clone());
                    }
                }
            }
        }
    }

    pub(super) fn raise_instr(&mut self, frame: &mut Frame, kind: u8) -> PyResult<PyErr> {
        match kind {
            0 => match frame.handling.last() {
                Some(e) => {
                    self.reraising = true;
                    Ok(PyErr::Exception(e.clone()))
                }
                None => Ok(self.new_error("RuntimeError", "No active exception to reraise")),
            },
            1 => {
                let e = pop(frame)?;
                let exc = self.make_exception(e)?;
                Ok(PyErr::Exception(exc))
            }
            _ => {
                let cause = pop(frame)?;
                let e = pop(frame)?;
                let exc = self.make_exception(e)?;
                let cause = match cause {
                    Value::None => None,
                    other => Some(self.make_exception(other).map_err(|_| {
                        self.new_error(
                            "TypeError",
                            "exception causes must derive from BaseException",
                        )
                    })?),
                };
                if let Some(d) = exc.exc() {
                    let mut d = d.borrow_mut();
                    d.cause = cause;
                    d.suppress_context = true;
                }
                Ok(PyErr::Exception(exc))
            }
        }
    }

    /// Whether `v` is an instance of `class` (or a subclass).
    pub fn is_instance_of_class(&self, v: &Value, class: &Rc<crate::vm::value::Class>) -> bool {
        self.types.class_of(self, v).is_subclass(class)
    }

    /// Whether `v` is an instance of the built-in exception `name`.
    pub fn is_instance_of(&self, v: &Value, name: &str) -> bool {
        match v {
            Value::Instance(i) => match self.types.exceptions.get(name) {
                Some(c) => i.class.is_subclass(c),
                None => false,
            },
            _ => false,
        }
    }
}
