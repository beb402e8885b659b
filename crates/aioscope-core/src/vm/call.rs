//! Calling: binding arguments to parameters (with CPython's error
//! messages), creating coroutines and generators, instantiating classes
//! (`type.__call__`: `__new__` then `__init__`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::frame::{Frame, OnReturn};
use super::value::{
    Args, Class, ClassKind, CoroKind, CoroState, Coroutine, ExcData, Function, Instance, Payload,
    PyErr, PyResult, Value,
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
        let invoked = self.invoke(func.clone(), args)?;
        self.finish(invoked)
    }

    /// Runs what [`Vm::invoke`] returned to its value: an `__init__`
    /// frame gives the new instance.
    pub fn finish(&mut self, invoked: Invoked) -> PyResult<Value> {
        match invoked {
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
    fn new_coroutine(&mut self, f: &Rc<Function>, frame: Box<Frame>) -> Value {
        let kind = match (f.code.flags.coroutine, f.code.flags.generator) {
            (true, true) => CoroKind::AsyncGenerator,
            (true, false) => CoroKind::Coroutine,
            _ => CoroKind::Generator,
        };
        let coro = crate::vm::heap::tracked(Coroutine {
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
            finalizers: if kind == CoroKind::Coroutine {
                Rc::downgrade(&self.finalizers)
            } else {
                std::rc::Weak::new()
            },
            created_line: if self.trace_lines { self.last_line } else { 0 },
        });
        // A parked frame does not point back at its coroutine (it gets its
        // owner while it runs): no cycle, so a coroutine nothing refers to
        // dies at once, as in CPython (where "never awaited" is reported).
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
            frame.locals[s] = Some(Value::Dict(crate::vm::heap::tracked(RefCell::new(kwdict))));
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

    /// `Class(*args)`: the metaclass's `__call__` when it defines one,
    /// otherwise `type.__call__`.
    fn instantiate(&mut self, class: &Rc<Class>, args: Args) -> PyResult<Invoked> {
        if let Some(meta) = &class.meta {
            if meta.has(Class::CALL) {
                if let Some(call) = meta.lookup("__call__") {
                    let this = Value::Class(class.clone());
                    let meta = meta.clone();
                    let bound = self.bind_to(&this, &meta, call)?;
                    return self.invoke(bound, args);
                }
            }
        }
        self.type_call(class, args)
    }

    /// `type.__call__(cls, *args)`: `cls.__new__(cls, *args)`, then
    /// `__init__(*args)` on the result when it is an instance of `cls`.
    /// Built-in types construct natively in one step.
    pub fn type_call(&mut self, class: &Rc<Class>, args: Args) -> PyResult<Invoked> {
        let new = class.lookup("__new__");
        if class.kind == ClassKind::Builtin {
            return match new {
                Some(new @ Value::Native(_)) => {
                    let mut a = args;
                    a.pos.insert(0, Value::Class(class.clone()));
                    Ok(Invoked::Value(self.call(&new, a)?))
                }
                _ => Err(self.new_error(
                    "TypeError",
                    &format!("cannot create '{}' instances", class.name),
                )),
            };
        }
        let has_args = !args.pos.is_empty() || !args.kw.is_empty();
        let object_new = matches!(&new, Some(Value::Native(n)) if &*n.qualname == "object.__new__");
        let instance = if object_new || new.is_none() {
            let init_overridden = !matches!(
                class.lookup("__init__"),
                Some(Value::Native(n)) if &*n.qualname == "object.__init__"
            );
            if has_args && !init_overridden && class.kind != ClassKind::Exception {
                return Err(
                    self.new_error("TypeError", &format!("{}() takes no arguments", class.name))
                );
            }
            self.object_new(class, &args)?
        } else {
            let new = match new {
                Some(Value::Instance(d)) => match &d.payload {
                    Payload::StaticMethod(f) => f.clone(),
                    _ => Value::Instance(d.clone()),
                },
                Some(other) => other,
                None => unreachable!("handled above"),
            };
            let mut a = args.clone();
            a.pos.insert(0, Value::Class(class.clone()));
            self.call(&new, a)?
        };
        let made = self.types.class_of(self, &instance);
        if !made.is_subclass(class) {
            return Ok(Invoked::Value(instance));
        }
        match made.lookup("__init__") {
            Some(Value::Function(init)) => {
                let mut a = args;
                a.pos.insert(0, instance.clone());
                let mut frame = self.bind(&init, a)?;
                frame.on_return = OnReturn::Init(instance);
                Ok(Invoked::Frame(frame))
            }
            Some(Value::Native(n)) if &*n.qualname == "object.__init__" => {
                if has_args && object_new {
                    return Err(self
                        .new_error("TypeError", &format!("{}() takes no arguments", class.name)));
                }
                Ok(Invoked::Value(instance))
            }
            Some(init) => {
                let bound = self.bind_to(&instance, &made, init)?;
                self.call(&bound, args)?;
                Ok(Invoked::Value(instance))
            }
            None => Ok(Invoked::Value(instance)),
        }
    }

    /// `object.__new__(cls)`: a bare instance of a Python class (an
    /// exception keeps the arguments as its `args`), or CPython's
    /// `TypeError` for an abstract class or a built-in's subclass.
    pub fn object_new(&mut self, class: &Rc<Class>, args: &Args) -> PyResult<Value> {
        if class.has(Class::ABSTRACT) {
            return Err(self.abstract_error(class));
        }
        // OSError(errno, strerror) is the subclass for that errno, as
        // CPython's OSError.__new__ picks it (FileNotFoundError for 2).
        let by_errno;
        let class = match (args.pos.first(), args.pos.len()) {
            (Some(Value::Int(errno)), 2..) if Rc::ptr_eq(class, &self.types.exc("OSError")) => {
                match errno_subclass(*errno) {
                    Some(name) => {
                        by_errno = self.types.exc(name);
                        &by_errno
                    }
                    None => class,
                }
            }
            _ => class,
        };
        let payload = match class.kind {
            ClassKind::Exception => Payload::Exception(RefCell::new(ExcData {
                args: args.pos.clone(),
                ..Default::default()
            })),
            ClassKind::Builtin => {
                return Err(self.new_error(
                    "TypeError",
                    &format!(
                        "object.__new__({}) is not safe, use {}.__new__()",
                        class.name, class.name
                    ),
                ))
            }
            _ => {
                let builtin_base = class
                    .mro
                    .iter()
                    .find(|b| b.kind == ClassKind::Builtin && &*b.name != "object");
                if builtin_base.is_some() {
                    return Err(self.new_error(
                        "TypeError",
                        &format!(
                            "object.__new__({}) is not safe, use {}.__new__()",
                            class.name, class.name
                        ),
                    ));
                }
                if class.has(Class::HAS_SLOTS) {
                    Payload::Slots(RefCell::new(Default::default()))
                } else {
                    Payload::None
                }
            }
        };
        Ok(Value::Instance(crate::vm::heap::tracked(Instance::new(
            class.clone(),
            payload,
            self.next_id(),
        ))))
    }

    /// "Can't instantiate abstract class C with abstract methods a, b".
    pub fn abstract_error(&mut self, class: &Rc<Class>) -> PyErr {
        let names = class.attrs.borrow().get("__abstractmethods__").cloned();
        let mut names: Vec<String> = match names {
            Some(v) => self
                .collect(&v)
                .unwrap_or_default()
                .iter()
                .map(|n| match n {
                    Value::Str(s) => s.to_string(),
                    other => other.type_name().to_string(),
                })
                .collect(),
            None => Vec::new(),
        };
        names.sort();
        self.new_error(
            "TypeError",
            &format!(
                "Can't instantiate abstract class {} with abstract method{} {}",
                class.name,
                if names.len() == 1 { "" } else { "s" },
                names.join(", ")
            ),
        )
    }
}

/// The `OSError` subclass CPython makes for an errno (Linux's numbers).
fn errno_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        3 => "ProcessLookupError",
        4 => "InterruptedError",
        10 => "ChildProcessError",
        11 | 114 | 115 => "BlockingIOError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        104 => "ConnectionResetError",
        110 => "TimeoutError",
        111 => "ConnectionRefusedError",
        _ => return None,
    })
}
