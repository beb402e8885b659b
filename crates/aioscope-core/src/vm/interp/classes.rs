//! `class` statements: running a class body in its own namespace and
//! building the class from it.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::bytecode::CodeKind;
use crate::vm::frame::Frame;
use crate::vm::value::{PyResult, Value};
use crate::vm::Vm;

use super::exec::internal;

impl Vm {
    /// Runs a class body and builds the class.
    pub(super) fn build_class(
        &mut self,
        name: Rc<str>,
        body: Value,
        bases: Value,
        kw: Option<Value>,
    ) -> PyResult<Value> {
        if kw.is_some() {
            return Err(self.new_error(
                "NotImplementedError",
                "class keywords (metaclass=...) are not supported yet",
            ));
        }
        let Value::Function(body) = body else {
            return Err(internal("class body is not a function"));
        };
        let bases = match bases {
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        let mut frame = Box::new(Frame::new(body.code.clone(), body.globals.clone()));
        let ncell = body.code.ncellvars as usize;
        for (i, c) in body.closure.iter().enumerate() {
            if ncell + i < frame.cells.len() {
                frame.cells[ncell + i] = c.clone();
            }
        }
        let ns = Rc::new(RefCell::new(crate::vm::value::Attrs::default()));
        ns.borrow_mut()
            .set("__module__".into(), Value::Str(body.globals.name.clone()));
        ns.borrow_mut().set(
            "__qualname__".into(),
            Value::Str(body.code.qualname.clone()),
        );
        frame.namespace = Some(ns.clone());
        debug_assert_eq!(body.code.kind, CodeKind::Class);
        let class_cell = self.run_frame(frame)?;
        let attrs = std::mem::take(&mut *ns.borrow_mut());
        let class = self.make_class(name, body.code.qualname.clone(), bases, attrs)?;
        if let Value::Cell(c) = class_cell {
            *c.borrow_mut() = Some(class.clone());
        }
        Ok(class)
    }
}
