//! Traceback objects: what `e.__traceback__` and `sys.exc_info()[2]` give.
//!
//! The interpreter keeps an exception's frames on the exception itself;
//! a traceback object is a snapshot of them taken when it is asked for, so
//! that it shows the frames from the one handling the exception inward, as
//! CPython's chain of traceback objects does at that moment. Only the
//! frames a traceback would print are kept (CPython's C code has none).

use std::any::Any;
use std::cell::OnceCell;
use std::rc::Rc;

use crate::vm::repr::fake_address;
use crate::vm::traceback::FrameSummary;
use crate::vm::value::{Class, NativeObject, PyResult, Value};
use crate::vm::Vm;

/// One link of the chain: the frames (outermost first) and which is its.
pub struct TracebackObj {
    /// The frames of the whole chain, shared by its links.
    pub frames: Rc<Vec<FrameSummary>>,
    /// The position of this link's frame.
    pub index: usize,
    id: u64,
    /// `tb_next`, made once so that it is the same object each time.
    next: OnceCell<Value>,
}

impl TracebackObj {
    /// The frames from this link inward.
    pub fn frames_from_here(&self) -> Vec<FrameSummary> {
        self.frames[self.index..].to_vec()
    }
}

impl Vm {
    /// `exc.__traceback__`: `None` for an exception never raised.
    pub fn traceback_of(&mut self, exc: &Value) -> Value {
        let frames = self.frame_summaries(exc);
        if frames.is_empty() {
            return Value::None;
        }
        Value::Object(Rc::new(TracebackObj {
            frames: Rc::new(frames),
            index: 0,
            id: self.next_id(),
            next: OnceCell::new(),
        }))
    }
}

impl NativeObject for TracebackObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "traceback"
    }
    fn class(&self, vm: &Vm) -> Rc<Class> {
        vm.types.traceback.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!("<traceback object at {}>", fake_address(self.id)))
    }
    fn identity(&self) -> Option<u64> {
        Some(self.id)
    }
    fn get_attr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let frame = &self.frames[self.index];
        Some(Ok(match name {
            "tb_lineno" => Value::Int(frame.line as i64),
            "tb_next" => self
                .next
                .get_or_init(|| {
                    if self.index + 1 >= self.frames.len() {
                        return Value::None;
                    }
                    Value::Object(Rc::new(TracebackObj {
                        frames: self.frames.clone(),
                        index: self.index + 1,
                        id: vm.next_id(),
                        next: OnceCell::new(),
                    }))
                })
                .clone(),
            _ => return None,
        }))
    }
}
