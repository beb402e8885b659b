//! Creating, matching and printing exceptions the way CPython does.

use std::cell::RefCell;
use std::rc::Rc;

use super::value::{Args, Class, ClassKind, ExcData, Instance, Payload, PyErr, PyResult, Value};
use super::Vm;

impl Vm {
    /// A new instance of the built-in exception class `name` with `args`.
    pub fn new_exception(&mut self, name: &str, args: Vec<Value>) -> Value {
        let class = self.types.exc(name);
        self.exception_of_class(&class, args)
    }

    /// A new instance of an exception class with `args` (no `__init__` run).
    pub fn exception_of_class(&mut self, class: &Rc<Class>, args: Vec<Value>) -> Value {
        Value::Instance(crate::vm::heap::tracked(Instance::new(
            class.clone(),
            Payload::Exception(RefCell::new(ExcData {
                args,
                ..Default::default()
            })),
            self.next_id(),
        )))
    }

    /// `PyErr` for raising built-in exception `name` with one message.
    pub fn new_error(&mut self, name: &str, msg: &str) -> PyErr {
        PyErr::Exception(self.new_exception(name, vec![Value::str(msg)]))
    }

    /// `PyErr` for raising built-in exception `name` with these args.
    pub fn new_error_args(&mut self, name: &str, args: Vec<Value>) -> PyErr {
        PyErr::Exception(self.new_exception(name, args))
    }

    /// The exception instance `raise v` raises: instances as they are,
    /// classes called with no arguments.
    pub fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Instance(i) if i.class.kind == ClassKind::Exception => Ok(v),
            Value::Class(c) if c.kind == ClassKind::Exception => {
                let e = self.call(&v, Args::default())?;
                match &e {
                    Value::Instance(i) if i.class.kind == ClassKind::Exception => Ok(e),
                    _ => Err(self.new_error(
                        "TypeError",
                        &format!(
                            "calling {} should have returned an instance of BaseException, not {}",
                            c.name,
                            e.type_name()
                        ),
                    )),
                }
            }
            _ => Err(self.new_error("TypeError", "exceptions must derive from BaseException")),
        }
    }

    /// `except cls:` — whether `exc` matches a class or a tuple of classes.
    pub fn exception_matches(&mut self, exc: &Value, cls: &Value) -> PyResult<bool> {
        let class = self.types.class_of(self, exc);
        match cls {
            Value::Class(c) if c.kind == ClassKind::Exception => Ok(class.is_subclass(c)),
            Value::Tuple(items) => {
                for it in items.iter() {
                    if self.exception_matches(exc, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.new_error(
                "TypeError",
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// The `args` an exception shows: `OSError(errno, strerror, filename)`
    /// keeps the first two, as CPython's does.
    pub fn shown_exception_args(&self, class: &Rc<Class>, mut args: Vec<Value>) -> Vec<Value> {
        let named = !matches!(args.get(2), None | Some(Value::None));
        if (3..=5).contains(&args.len()) && named && class.is_subclass(&self.types.exc("OSError")) {
            args.truncate(2);
        }
        args
    }

    /// `str(exc)`: the single argument's str, the args tuple's repr, or
    /// empty; `KeyError` shows the repr of its key.
    pub fn exception_str(&mut self, exc: &Value) -> PyResult<String> {
        let Some(data) = exc.exc() else {
            return self.to_str(exc);
        };
        let args = data.borrow().args.clone();
        if self.is_instance_of(exc, "BaseExceptionGroup") {
            let msg = match args.first() {
                Some(m) => self.to_str(m)?,
                None => String::new(),
            };
            let n = match args.get(1) {
                Some(Value::List(l)) => l.borrow().len(),
                Some(Value::Tuple(t)) => t.len(),
                _ => 0,
            };
            let s = if n == 1 { "" } else { "s" };
            return Ok(format!("{} ({} sub-exception{})", msg, n, s));
        }
        // OSError(errno, strerror[, filename]) reads as the C library's.
        if (2..=5).contains(&args.len()) && self.is_instance_of(exc, "OSError") {
            let errno = self.to_str(&args[0])?;
            let strerror = self.to_str(&args[1])?;
            return Ok(match (args.get(2), args.get(4)) {
                (Some(f), Some(f2)) if !matches!(f, Value::None) && !matches!(f2, Value::None) => {
                    let (f, f2) = (self.repr(f)?, self.repr(f2)?);
                    format!("[Errno {}] {}: {} -> {}", errno, strerror, f, f2)
                }
                (Some(f), _) if !matches!(f, Value::None) => {
                    format!("[Errno {}] {}: {}", errno, strerror, self.repr(f)?)
                }
                _ => format!("[Errno {}] {}", errno, strerror),
            });
        }
        if self.is_instance_of(exc, "UnicodeError") {
            if let Some(text) = super::encoding::unicode_error_str(&args) {
                return Ok(text);
            }
        }
        let is_key_error = self.is_instance_of(exc, "KeyError");
        match args.len() {
            0 => Ok(String::new()),
            1 if is_key_error => self.repr(&args[0]),
            1 => self.to_str(&args[0]),
            _ => self.repr(&Value::Tuple(args.into())),
        }
    }

    /// `TypeName: message` as the corpus transcripts and tracebacks end
    /// (`TypeName` alone when the message is empty).
    pub fn exception_summary(&mut self, exc: &Value) -> String {
        let class = self.types.class_of(self, exc);
        let name = if class.module.as_ref() == "builtins" || class.module.as_ref() == "__main__" {
            class.name.to_string()
        } else {
            format!("{}.{}", class.module, class.name)
        };
        // str() of a user exception may call back into Python and fail.
        let msg = match self.to_str(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".into(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        }
    }
}
