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
    /// sets `__context__` where it is first raised.
    pub(super) fn note_frame(&mut self, exc: &Value, frame: &Frame, first: bool) {
        if let Some(data) = exc.exc() {
            let mut d = data.borrow_mut();
            let key = frame as *const Frame as usize;
            if d.traceback.last().map(|e| e.frame) != Some(key) {
                d.traceback.push(crate::vm::value::TracebackEntry {
                    frame: key,
                    filename: frame.code.filename.clone(),
                    line: frame.current_line(),
                    name: frame.code.name.clone(),
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

    /// `raise e` of an exception that was raised before adds this frame to
    /// its traceback again, as CPython does (a bare `raise` does not): the
    /// frame then shows twice, at both lines.
    fn note_raise_again(&mut self, exc: &Value, frame: &Frame) {
        if let Some(data) = exc.exc() {
            let mut d = data.borrow_mut();
            if !d.traceback.is_empty() {
                d.traceback.push(crate::vm::value::TracebackEntry {
                    frame: frame as *const Frame as usize,
                    filename: frame.code.filename.clone(),
                    line: frame.current_line(),
                    name: frame.code.name.clone(),
                });
            }
        }
    }

    pub(super) fn raise_instr(&mut self, frame: &mut Frame, kind: u8) -> PyResult<PyErr> {
        match kind {
            0 => match frame.handling.last() {
                Some(e) => Ok(PyErr::Exception(e.clone())),
                None => Ok(self.new_error("RuntimeError", "No active exception to reraise")),
            },
            1 => {
                let e = pop(frame)?;
                let exc = self.make_exception(e)?;
                self.note_raise_again(&exc, frame);
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
                self.note_raise_again(&exc, frame);
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
