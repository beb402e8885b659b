//! `class` statements: resolving the bases (`__mro_entries__`) and the
//! metaclass, preparing the namespace (`__prepare__`), running the class
//! body in it and building the class: with `type` directly, or by calling
//! the metaclass with the name, the bases, the namespace and the class
//! keywords.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::bytecode::CodeKind;
use crate::vm::dict::Dict;
use crate::vm::frame::Frame;
use crate::vm::value::{Args, Attrs, Class, PyResult, Value};
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
        let Value::Function(body) = body else {
            return Err(internal("class body is not a function"));
        };
        let orig_bases: Vec<Value> = match bases {
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        let (bases, replaced) = self.mro_entries(&orig_bases)?;
        let mut kw: Vec<(Rc<str>, Value)> = match kw {
            Some(Value::Dict(d)) => d
                .borrow()
                .iter()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((s.clone(), v.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let meta_arg = kw
            .iter()
            .position(|(k, _)| &**k == "metaclass")
            .map(|i| kw.remove(i).1);
        let base_classes: Vec<Rc<Class>> = bases
            .iter()
            .filter_map(|b| match b {
                Value::Class(c) => Some(c.clone()),
                _ => None,
            })
            .collect();
        // `None`: the class is made by `type` itself.
        let meta: Option<Value> = match meta_arg {
            None => self.winner_meta(None, &base_classes)?.map(Value::Class),
            Some(Value::Class(m)) => self.winner_meta(Some(m), &base_classes)?.map(Value::Class),
            Some(callable) => Some(callable),
        };
        let bases_tuple = Value::tuple(bases.clone());
        let prepared = match &meta {
            Some(m @ Value::Class(mc))
                if !matches!(mc.lookup("__prepare__"), None | Some(Value::Native(_)))
                    && !self.is_default_prepare(mc) =>
            {
                let prepare = self.get_attr(m, "__prepare__")?;
                let args = Args {
                    pos: vec![Value::Str(name.clone()), bases_tuple.clone()],
                    kw: kw.clone(),
                };
                Some(self.call(&prepare, args)?)
            }
            _ => None,
        };

        let mut frame = Box::new(Frame::new(body.code.clone(), body.globals.clone()));
        let ncell = body.code.ncellvars as usize;
        for (i, c) in body.closure.iter().enumerate() {
            if ncell + i < frame.cells.len() {
                frame.cells[ncell + i] = c.clone();
            }
        }
        let ns = crate::vm::heap::tracked(RefCell::new(Attrs::default()));
        if let Some(Value::Dict(d)) = &prepared {
            for (k, v) in d.borrow().iter() {
                if let Value::Str(k) = k {
                    ns.borrow_mut().set(k.clone(), v.clone());
                }
            }
        }
        ns.borrow_mut()
            .set("__module__".into(), Value::Str(body.globals.name.clone()));
        ns.borrow_mut().set(
            "__qualname__".into(),
            Value::Str(body.code.qualname.clone()),
        );
        frame.namespace = Some(ns.clone());
        debug_assert_eq!(body.code.kind, CodeKind::Class);
        let class_cell = self.run_frame(frame)?;
        if replaced {
            ns.borrow_mut()
                .set("__orig_bases__".into(), Value::tuple(orig_bases));
        }
        let attrs = std::mem::take(&mut *ns.borrow_mut());
        let class = match meta {
            None => self.new_type(None, name, bases, attrs, kw)?,
            Some(m) => {
                let namespace = match prepared {
                    Some(Value::Dict(d)) => {
                        for (k, v) in attrs.iter() {
                            let key = self.key(Value::Str(k.clone()))?;
                            d.borrow_mut().insert(key, v.clone());
                        }
                        Value::Dict(d)
                    }
                    Some(mapping) => {
                        for (k, v) in attrs.iter() {
                            self.set_item(&mapping, Value::Str(k.clone()), v.clone())?;
                        }
                        mapping
                    }
                    None => {
                        let mut d = Dict::new();
                        for (k, v) in attrs.iter() {
                            let key = self.key(Value::Str(k.clone()))?;
                            d.insert(key, v.clone());
                        }
                        Value::Dict(crate::vm::heap::tracked(RefCell::new(d)))
                    }
                };
                let args = Args {
                    pos: vec![Value::Str(name), bases_tuple, namespace],
                    kw,
                };
                self.call(&m, args)?
            }
        };
        if let (Value::Cell(c), Value::Class(_)) = (&class_cell, &class) {
            *c.borrow_mut() = Some(class.clone());
        }
        Ok(class)
    }

    /// Whether a metaclass's `__prepare__` is `type`'s (which makes an
    /// empty namespace, as no `__prepare__` does).
    fn is_default_prepare(&self, meta: &Rc<Class>) -> bool {
        match meta.lookup("__prepare__") {
            Some(Value::Instance(d)) => matches!(
                &d.payload,
                crate::vm::value::Payload::ClassMethod(Value::Native(_))
            ),
            _ => false,
        }
    }

    /// Bases that are not classes but define `__mro_entries__` (generic
    /// aliases such as `Generic[T]`) are replaced by what it returns; the
    /// flag says whether any was.
    fn mro_entries(&mut self, bases: &[Value]) -> PyResult<(Vec<Value>, bool)> {
        if bases.iter().all(|b| matches!(b, Value::Class(_))) {
            return Ok((bases.to_vec(), false));
        }
        let all = Value::tuple(bases.to_vec());
        let mut out = Vec::new();
        let mut replaced = false;
        for b in bases {
            if let Value::Class(_) = b {
                out.push(b.clone());
                continue;
            }
            let entries = match self.get_attr(b, "__mro_entries__") {
                Ok(f) => f,
                Err(crate::vm::value::PyErr::Exception(e))
                    if self.is_instance_of(&e, "AttributeError") =>
                {
                    out.push(b.clone());
                    continue;
                }
                Err(e) => return Err(e),
            };
            let r = self.call(&entries, Args::new(vec![all.clone()]))?;
            match r {
                Value::Tuple(t) => out.extend(t.iter().cloned()),
                _ => return Err(self.new_error("TypeError", "__mro_entries__ must return a tuple")),
            }
            replaced = true;
        }
        Ok((out, replaced))
    }
}
