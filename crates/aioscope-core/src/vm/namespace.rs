//! `globals()`, `locals()`, `vars()` and `dir()` without arguments: the
//! namespaces of the frame that calls them. Native functions cannot see
//! their caller's frame, so they ask the fiber driver, which answers with
//! the frame on top of the fiber (the caller: the call has consumed its
//! arguments already).

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::bytecode::CodeKind;

use super::dict::Dict;
use super::frame::Frame;
use super::keys::Key;
use super::value::{PyErr, PyResult, Value};
use super::Vm;

/// Which namespace a built-in asks the fiber driver for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamespaceRequest {
    /// `globals()`: the module's own dict, live.
    Globals,
    /// `locals()` and `vars()`: the module's dict at module level; a
    /// function's bound variables (CPython 3.11 also hands out a copy
    /// there: writing to it changes no variable).
    Locals,
    /// `dir()`: the sorted names of `locals()`.
    Dir,
}

impl NamespaceRequest {
    /// The error that makes the driver answer this request.
    pub fn ask(self) -> PyResult<Value> {
        Err(PyErr::Suspend(Rc::new(self)))
    }
}

impl Vm {
    /// The answer to `req` for `frame`, the caller of the built-in.
    pub(crate) fn namespace_of(&mut self, req: NamespaceRequest, frame: &Frame) -> Value {
        let locals = match (req, frame.code.kind) {
            (NamespaceRequest::Globals, _) | (_, CodeKind::Module) => frame.globals.as_dict(),
            (_, CodeKind::Class) => {
                let mut d = Dict::new();
                if let Some(ns) = &frame.namespace {
                    for (k, v) in ns.borrow().iter() {
                        d.insert(Key::str(k.clone()), v.clone());
                    }
                }
                super::heap::tracked(RefCell::new(d))
            }
            (_, CodeKind::Function) => super::heap::tracked(RefCell::new(function_locals(frame))),
        };
        if req != NamespaceRequest::Dir {
            return Value::Dict(locals);
        }
        let mut names: Vec<Rc<str>> = locals
            .borrow()
            .keys()
            .filter_map(|k| match k {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        names.sort();
        Value::list(names.into_iter().map(Value::Str).collect())
    }
}

/// A function frame's bound variables in CPython's order: the locals
/// (parameters first, a captured parameter read from its cell), then its
/// other cells, then the variables it captures.
fn function_locals(frame: &Frame) -> Dict {
    let code = &frame.code;
    let mut d = Dict::new();
    for (i, (name, v)) in code.varnames.iter().zip(&frame.locals).enumerate() {
        let in_cell = code
            .cell_params
            .iter()
            .find(|(_, p)| *p as usize == i)
            .and_then(|(c, _)| frame.cells.get(*c as usize));
        let v = match in_cell {
            Some(cell) => cell.borrow().clone(),
            None => v.clone(),
        };
        if let Some(v) = v {
            d.insert(Key::str(name.clone()), v);
        }
    }
    for (c, (name, cell)) in code.cellnames.iter().zip(&frame.cells).enumerate() {
        if code.cell_params.iter().any(|(cc, _)| *cc as usize == c) {
            continue;
        }
        if let Some(v) = &*cell.borrow() {
            d.insert(Key::str(name.clone()), v.clone());
        }
    }
    d
}
