//! Calling: binding arguments to parameters (with CPython's error
//! messages), creating coroutines and generators, instantiating classes.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::frame::{Frame, OnReturn};
use super::value::{
    Args, Attrs, Class, ClassKind, CoroKind, CoroState, Coroutine, ExcData, Function, Instance,
    Payload, PyErr, PyResult, Value,
};
use super::Vm;

/// What a call produced: a value at once, or a frame for the loop to run.
pub enum Invoked {
    /// The result.
    Value(Value),
    /// A frame to push; its return value is the result.
    Frame(Box<Frame>),
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{} {}", n, word)
    } else {
        format!("{} {}s", n, word)
    }
}

fn name_list(names: &[Rc<str>]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

impl Vm {
    /// How CPython names a callable in call errors: `__main__.f()`,
    /// `__main__.C.m()`, `print()`, `list.append()`.
    pub fn function_str(&self, func: &Value) -> String {
        match func {
            Value::Function(f) => {
                let module = &f.globals.name;
                let qualname = f.qualname.borrow();
                if &**module == "builtins" {
                    format!("{}()", qualname)
                } else {
                    format!("{}.{}()", module, qualname)
                }
            }
            Value::BoundMethod(m) => self.function_str(&m.func),
            Value::Native(n) => format!("{}()", n.qualname),
            Value::Class(c) if &*c.module != "builtins" => {
                format!("{}.{}()", c.module, c.qualname)
            }
            Value::Class(c) => format!("{}()", c.qualname),
            other => format!("{} object", other.type_name()),
        }
    }

    /// The positional arguments of `f(*xs)`: the iterable's items, or
    /// CPython's error naming the function when it is not iterable.
    pub fn star_args(&mut self, func: &Value, v: Value) -> PyResult<Vec<Value>> {
        match v {
            Value::Tuple(t) => Ok(t.to_vec()),
            other if self.is_iterable(&other)? => self.collect(&other),
            other => {
                let msg = format!(
                    "{} argument after * must be an iterable, not {}",
                    self.function_str(func),
                    other.type_name()
                );
                Err(self.new_error("TypeError", &msg))
            }
        }
    }

    /// `f(**m)`: merges `m` into the keyword dict being built, with
    /// CPython's errors for a non-mapping, a non-str key, and a keyword
    /// given twice.
    pub fn merge_kwargs(&mut self, func: &Value, into: &Value, m: &Value) -> PyResult<()> {
        let Value::Dict(d) = into else {
            return Err(PyErr::Halt(super::Halt::Internal(
                "keyword arguments are not a dict".into(),
            )));
        };
        let is_mapping = match m {
            Value::Dict(_) => true,
            Value::Instance(_) | Value::Object(_) => self.lookup_method(m, "keys")?.is_some(),
            _ => false,
        };
        if !is_mapping {
            let msg = format!(
                "{} argument after ** must be a mapping, not {}",
                self.function_str(func),
                m.type_name()
            );
            return Err(self.new_error("TypeError", &msg));
        }
        for (k, v) in self.mapping_items(m)? {
            let Value::Str(name) = &k else {
                return Err(self.new_error("TypeError", "keywords must be strings"));
            };
            let key = self.key(k.clone())?;
            if d.borrow().get(&key).is_some() {
                let msg = format!(
                    "{} got multiple values for keyword argument '{}'",
                    self.function_str(func),
                    name
                );
                return Err(self.new_error("TypeError", &msg));
            }
            d.borrow_mut().insert(key, v);
        }
        Ok(())
    }

    /// Calls any callable and runs it to completion (native code calling
    /// Python).
    pub fn call(&mut self, func: &Value, args: Args) -> PyResult<Value> {
        match self.invoke(func.clone(), args)? {
            Invoked::Value(v) => Ok(v),
            // A class's `__init__` run at the bottom of its own fiber gives
            // the instance (the interpreter loop sees `OnReturn::Init`).
            Invoked::Frame(f) => self.run_frame(f),
        }
    }

    /// Calls a callable; Python functions come back as a frame so that the
    /// interpreter loop runs them without recursion.
    pub fn invoke(&mut self, func: Value, mut args: Args) -> PyResult<Invoked> {
        match func {
            Value::Function(f) => {
                let frame = self.bind(&f, args)?;
                if f.code.is_resumable() {
                    Ok(Invoked::Value(self.new_coroutine(&f, frame)))
                } else {
                    Ok(Invoked::Frame(frame))
                }
            }
            Value::Native(n) => {
                if let Some(b) = &n.bound {
                    args.pos.insert(0, b.clone());
                }
                if self.native_depth >= self.limits.native_depth + 16 {
                    return Err(
                        self.new_error("RecursionError", "maximum recursion depth exceeded")
                    );
                }
                Ok(Invoked::Value((n.func)(self, args)?))
            }
            Value::BoundMethod(m) => {
                args.pos.insert(0, m.this.clone());
                self.invoke(m.func.clone(), args)
            }
            Value::Class(c) => self.instantiate(&c, args),
            Value::Instance(_) | Value::Object(_) => match self.lookup_method(&func, "__call__")? {
                Some(m) => {
                    args.pos.insert(0, func);
                    self.invoke(m, args)
                }
                None => Err(self.not_callable(&func)),
            },
            other => Err(self.not_callable(&other)),
        }
    }

    fn not_callable(&mut self, v: &Value) -> PyErr {
        self.new_error(
            "TypeError",
            &format!("'{}' object is not callable", v.type_name()),
        )
    }

    /// A coroutine or generator object owning `frame`.
    fn new_coroutine(&mut self, f: &Rc<Function>, mut frame: Box<Frame>) -> Value {
        let kind = match (f.code.flags.coroutine, f.code.flags.generator) {
            (true, true) => CoroKind::AsyncGenerator,
            (true, false) => CoroKind::Coroutine,
            _ => CoroKind::Generator,
        };
        let coro = Rc::new(Coroutine {
            kind,
            code: f.code.clone(),
            name: f.name.borrow().clone(),
            qualname: f.qualname.borrow().clone(),
            state: Cell::new(CoroState::Created),
            frame: RefCell::new(None),
            awaiting: RefCell::new(None),
            last_line: Cell::new(f.code.first_line),
            id: self.next_id(),
            touched: Cell::new(false),
            op: RefCell::new(None),
            closing: Cell::new(false),
            wrapped: Cell::new(false),
        });
        frame.owner = Some(coro.clone());
        *coro.frame.borrow_mut() = Some(frame);
        if self.trace_lines && kind == CoroKind::Coroutine {
            self.created_coroutines
                .push((Rc::downgrade(&coro), self.last_line));
        }
        Value::Coroutine(coro)
    }

    /// Binds arguments to a new frame for `f`.
    pub fn bind(&mut self, f: &Rc<Function>, args: Args) -> PyResult<Box<Frame>> {
        let code = &f.code;
        let mut frame = Box::new(Frame::new(code.clone(), f.globals.clone()));
        let nparams = code.argcount as usize;
        let nkwonly = code.kwonlycount as usize;
        let Args { pos, kw } = args;
        let qualname = f.qualname.borrow().clone();

        // Positional arguments.
        let npos = pos.len();
        let mut extra = Vec::new();
        for (i, v) in pos.into_iter().enumerate() {
            if i < nparams {
                frame.locals[i] = Some(v);
            } else {
                extra.push(v);
            }
        }
        let mut slot = nparams + nkwonly;
        if code.flags.varargs {
            frame.locals[slot] = Some(Value::Tuple(extra.into()));
            slot += 1;
        } else if !extra.is_empty() {
            let ndefaults = f.defaults.len();
            let given = npos;
            let takes = if ndefaults > 0 {
                format!("from {} to {}", nparams - ndefaults, nparams)
            } else {
                format!("{}", nparams)
            };
            let kwgiven = kw.len();
            let msg = if kwgiven > 0 {
                format!(
                    "{}() takes {} positional argument{} but {} positional argument{} (and {} keyword-only argument{}) were given",
                    qualname,
                    takes,
                    if nparams == 1 && ndefaults == 0 { "" } else { "s" },
                    given,
                    if given == 1 { "" } else { "s" },
                    kwgiven,
                    if kwgiven == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{}() takes {} positional argument{} but {} {} given",
                    qualname,
                    takes,
                    if nparams == 1 && ndefaults == 0 {
                        ""
                    } else {
                        "s"
                    },
                    given,
                    if given == 1 { "was" } else { "were" }
                )
            };
            return Err(self.new_error("TypeError", &msg));
        }
        let kwargs_slot = if code.flags.varkeywords {
            Some(slot)
        } else {
            None
        };

        // Keyword arguments.
        let posonly_given: Vec<Rc<str>> = kw
            .iter()
            .filter(|(name, _)| code.varnames[..code.posonlycount as usize].contains(name))
            .map(|(name, _)| name.clone())
            .collect();
        let mut kwdict = super::dict::Dict::new();
        for (name, v) in kw {
            let idx = code.varnames[..nparams + nkwonly]
                .iter()
                .position(|n| *n == name);
            match idx {
                Some(i) if i >= code.posonlycount as usize => {
                    if frame.locals[i].is_some() {
                        return Err(self.new_error(
                            "TypeError",
                            &format!("{}() got multiple values for argument '{}'", qualname, name),
                        ));
                    }
                    frame.locals[i] = Some(v);
                }
                _ => {
                    if kwargs_slot.is_some() {
                        let k = self.key(Value::Str(name))?;
                        kwdict.insert(k, v);
                    } else if !posonly_given.is_empty() {
                        return Err(self.new_error(
                            "TypeError",
                            &format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                qualname,
                                posonly_given.join(", ")
                            ),
                        ));
                    } else {
                        return Err(self.new_error(
                            "TypeError",
                            &format!(
                                "{}() got an unexpected keyword argument '{}'",
                                qualname, name
                            ),
                        ));
                    }
                }
            }
        }
        if let Some(s) = kwargs_slot {
            frame.locals[s] = Some(Value::Dict(Rc::new(RefCell::new(kwdict))));
        }

        // Defaults and missing arguments.
        let ndefaults = f.defaults.len();
        let first_default = nparams - ndefaults.min(nparams);
        let mut missing: Vec<Rc<str>> = Vec::new();
        for i in 0..nparams {
            if frame.locals[i].is_none() {
                if i >= first_default {
                    frame.locals[i] = Some(f.defaults[i - first_default].clone());
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.new_error(
                "TypeError",
                &format!(
                    "{}() missing {}: {}",
                    qualname,
                    plural(missing.len(), "required positional argument"),
                    name_list(&missing)
                ),
            ));
        }
        for i in nparams..nparams + nkwonly {
            if frame.locals[i].is_none() {
                let name = &code.varnames[i];
                match f.kwdefaults.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => frame.locals[i] = Some(v.clone()),
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.new_error(
                "TypeError",
                &format!(
                    "{}() missing {}: {}",
                    qualname,
                    plural(missing.len(), "required keyword-only argument"),
                    name_list(&missing)
                ),
            ));
        }

        // Cells: parameters that inner functions capture move into cells;
        // free variables come from the closure.
        for &(ci, vi) in &code.cell_params {
            let v = frame.locals[vi as usize].take();
            *frame.cells[ci as usize].borrow_mut() = v;
        }
        let ncell = code.ncellvars as usize;
        for (i, c) in f.closure.iter().enumerate() {
            if ncell + i < frame.cells.len() {
                frame.cells[ncell + i] = c.clone();
            }
        }
        Ok(frame)
    }

    /// `Class(*args)`: built-in types convert, exceptions and plain classes
    /// make an instance and run `__init__`.
    fn instantiate(&mut self, class: &Rc<Class>, args: Args) -> PyResult<Invoked> {
        if let Some(new) = class.lookup("__new__") {
            // Built-in types and library classes construct natively.
            if let Value::Native(_) = new {
                let mut a = args;
                a.pos.insert(0, Value::Class(class.clone()));
                return Ok(Invoked::Value(self.call(&new, a)?));
            }
        }
        let payload = match class.kind {
            ClassKind::Exception => Payload::Exception(RefCell::new(ExcData {
                args: args.pos.clone(),
                ..Default::default()
            })),
            ClassKind::Builtin => {
                return Err(self.new_error(
                    "TypeError",
                    &format!("cannot create '{}' instances", class.name),
                ))
            }
            _ => Payload::None,
        };
        let instance = Value::Instance(Rc::new(Instance {
            class: class.clone(),
            attrs: RefCell::new(Attrs::default()),
            payload,
            id: self.next_id(),
        }));
        match class.lookup("__init__") {
            Some(Value::Function(init)) => {
                let mut a = args;
                a.pos.insert(0, instance.clone());
                let mut frame = self.bind(&init, a)?;
                frame.on_return = OnReturn::Init(instance);
                Ok(Invoked::Frame(frame))
            }
            Some(other) => {
                let mut a = args;
                a.pos.insert(0, instance.clone());
                self.call(&other, a)?;
                Ok(Invoked::Value(instance))
            }
            None => {
                if class.kind != ClassKind::Exception
                    && (!args.pos.is_empty() || !args.kw.is_empty())
                {
                    return Err(self
                        .new_error("TypeError", &format!("{}() takes no arguments", class.name)));
                }
                Ok(Invoked::Value(instance))
            }
        }
    }

    /// Creates a class from a finished class body.
    pub fn make_class(
        &mut self,
        name: Rc<str>,
        qualname: Rc<str>,
        bases: Vec<Value>,
        attrs: Attrs,
    ) -> PyResult<Value> {
        let mut base_classes = Vec::new();
        for b in &bases {
            match b {
                Value::Class(c) => base_classes.push(c.clone()),
                other => {
                    return Err(self.new_error(
                        "TypeError",
                        &format!("bases must be types, not '{}'", other.type_name()),
                    ))
                }
            }
        }
        if base_classes.is_empty() {
            base_classes.push(self.types.object.clone());
        }
        let mut kind = ClassKind::Plain;
        for b in &base_classes {
            match b.kind {
                ClassKind::Exception => kind = ClassKind::Exception,
                ClassKind::Enum => kind = ClassKind::Enum,
                ClassKind::NamedTuple => kind = ClassKind::NamedTuple,
                ClassKind::Builtin => {
                    if !Rc::ptr_eq(b, &self.types.object) {
                        return Err(self.new_error(
                            "NotImplementedError",
                            &format!(
                                "subclassing the built-in type '{}' is not supported yet",
                                b.name
                            ),
                        ));
                    }
                }
                ClassKind::Plain => {}
            }
        }
        let module = match attrs.get("__module__") {
            Some(Value::Str(s)) => s.clone(),
            _ => "__main__".into(),
        };
        // Every class has its own `__doc__`, None without a docstring.
        let mut attrs = attrs;
        if attrs.get("__doc__").is_none() {
            attrs.set("__doc__".into(), Value::None);
        }
        let mro = match super::types::c3_mro(&base_classes) {
            Some(m) => m,
            None => {
                return Err(self.new_error(
                    "TypeError",
                    "Cannot create a consistent method resolution order (MRO)",
                ))
            }
        };
        let class = Rc::new(Class {
            name,
            qualname,
            module,
            bases: base_classes,
            mro,
            attrs: RefCell::new(attrs),
            kind,
            id: self.next_id(),
        });
        if kind == ClassKind::Enum {
            super::modules::enum_::finish_enum_class(self, &class)?;
        }
        Ok(Value::Class(class))
    }
}
