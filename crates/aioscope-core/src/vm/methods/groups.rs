//! Exception groups (`BaseExceptionGroup`, `ExceptionGroup`): building one
//! with CPython's checks and its choice of class, `split`, `subgroup`,
//! `derive`, `add_note`, and the two steps of an `except*` statement: taking
//! the part of the exception a handler matches, and what is raised once
//! every handler ran.
//!
//! A group keeps `args` as given (`(message, excs)`, `excs` the list or
//! tuple passed in); `exceptions` and `message` are read from them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::value::{
    Args, Class, ClassKind, ExcData, Instance, Payload, PyErr, PyResult, Value,
};
use crate::vm::Vm;

/// What `split` and `subgroup` test each exception against.
enum Matcher {
    /// An exception class or a tuple of them (`isinstance`).
    Types(Value),
    /// A function called with each exception (the group first).
    Predicate(Value),
    /// The very objects `except*` handlers re-raised.
    Leaves(Vec<Value>),
}

impl Vm {
    /// Whether `v` is an exception group.
    pub fn is_exception_group(&self, v: &Value) -> bool {
        self.is_instance_of(v, "BaseExceptionGroup")
    }

    /// The sub-exceptions of a group, in order.
    pub fn group_exceptions(&self, group: &Value) -> Vec<Value> {
        let Some(data) = group.exc() else {
            return Vec::new();
        };
        let d = data.borrow();
        match d.args.get(1) {
            Some(Value::List(l)) => l.borrow().clone(),
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        }
    }

    /// `BaseExceptionGroup(message, excs)`: the group, of the class CPython
    /// picks (a `BaseExceptionGroup` of `Exception`s only is an
    /// `ExceptionGroup`).
    pub fn new_exception_group(&mut self, message: Value, excs: Value) -> PyResult<Value> {
        let base = Value::Class(self.types.exc("BaseExceptionGroup"));
        self.call(&base, Args::new(vec![message, excs]))
    }

    fn group_matches(&mut self, exc: &Value, m: &Matcher) -> PyResult<bool> {
        match m {
            Matcher::Types(t) => self.exception_matches(exc, t),
            Matcher::Predicate(f) => {
                let r = self.call(f, Args::new(vec![exc.clone()]))?;
                self.truthy(&r)
            }
            Matcher::Leaves(leaves) => Ok(leaves.iter().any(|l| l.is(exc))),
        }
    }

    /// Splits `exc` by `m` into the matching part and (when `rest`) the
    /// rest; either may be `None`. A group matched as a whole is returned
    /// itself; a partly matched one is rebuilt with `derive`, nesting kept.
    fn split_group(
        &mut self,
        exc: &Value,
        m: &Matcher,
        rest: bool,
    ) -> PyResult<(Option<Value>, Option<Value>)> {
        if self.group_matches(exc, m)? {
            return Ok((Some(exc.clone()), None));
        }
        if !self.is_exception_group(exc) {
            return Ok((None, rest.then(|| exc.clone())));
        }
        let (mut matched, mut others) = (Vec::new(), Vec::new());
        for e in self.group_exceptions(exc) {
            let (a, b) = self.split_group(&e, m, rest)?;
            matched.extend(a);
            others.extend(b);
        }
        let matched = self.derive_part(exc, matched)?;
        let others = if rest {
            self.derive_part(exc, others)?
        } else {
            None
        };
        Ok((matched, others))
    }

    /// A part of `orig` made of `excs`: `orig.derive(excs)` with `orig`'s
    /// traceback, cause, context and notes; `None` when `excs` is empty.
    fn derive_part(&mut self, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
        if excs.is_empty() {
            return Ok(None);
        }
        let derive = self.get_attr(orig, "derive")?;
        let part = self.call(&derive, Args::new(vec![Value::list(excs)]))?;
        if !self.is_exception_group(&part) {
            return Err(self.new_error(
                "TypeError",
                "derive must return an instance of BaseExceptionGroup",
            ));
        }
        if let (Some(from), Some(to)) = (orig.exc(), part.exc()) {
            let from = from.borrow();
            let mut to = to.borrow_mut();
            to.traceback = from.traceback.clone();
            to.context = from.context.clone();
            to.cause = from.cause.clone();
            // Setting a cause always suppresses the context, as CPython's
            // PyException_SetCause does.
            to.suppress_context = true;
        }
        let notes = match orig {
            Value::Instance(i) => i.attrs.borrow().get("__notes__").cloned(),
            _ => None,
        };
        if let (Some(notes), Value::Instance(p)) = (notes, &part) {
            let copy = match &notes {
                Value::List(l) => Some(Value::list(l.borrow().clone())),
                Value::Tuple(t) => Some(Value::list(t.to_vec())),
                _ => None,
            };
            if let Some(copy) = copy {
                p.attrs.borrow_mut().set("__notes__".into(), copy);
            }
        }
        Ok(Some(part))
    }

    fn matcher(&mut self, cond: &Value) -> PyResult<Matcher> {
        let is_exc_class =
            |v: &Value| matches!(v, Value::Class(c) if c.kind == ClassKind::Exception);
        match cond {
            v if is_exc_class(v) => Ok(Matcher::Types(v.clone())),
            Value::Tuple(items) if items.iter().all(is_exc_class) => {
                Ok(Matcher::Types(cond.clone()))
            }
            Value::Function(_) | Value::Native(_) | Value::BoundMethod(_) => {
                Ok(Matcher::Predicate(cond.clone()))
            }
            Value::Instance(_) if self.lookup_method(cond, "__call__")?.is_some() => {
                Ok(Matcher::Predicate(cond.clone()))
            }
            _ => Err(self.new_error(
                "TypeError",
                "expected a function, exception type or tuple of exception types",
            )),
        }
    }

    /// `except* T`: the part of `rest` (what no earlier handler took) that
    /// `T` matches, and what is left, or `None` when nothing matches. A bare
    /// exception that matches is wrapped in a group; `T` may not be an
    /// exception group class.
    pub fn except_star_match(
        &mut self,
        rest: &Value,
        types: &Value,
    ) -> PyResult<Option<(Value, Value)>> {
        let group = self.types.exc("BaseExceptionGroup");
        let candidates: Vec<Value> = match types {
            Value::Tuple(t) => t.to_vec(),
            other => vec![other.clone()],
        };
        for c in &candidates {
            match c {
                Value::Class(c) if c.kind == ClassKind::Exception => {
                    if c.is_subclass(&group) {
                        return Err(self.new_error(
                            "TypeError",
                            "catching ExceptionGroup with except* is not allowed. Use except instead.",
                        ));
                    }
                }
                _ => {
                    return Err(self.new_error(
                        "TypeError",
                        "catching classes that do not inherit from BaseException is not allowed",
                    ))
                }
            }
        }
        if matches!(rest, Value::None) {
            return Ok(None);
        }
        if self.exception_matches(rest, types)? {
            let matched = if self.is_exception_group(rest) {
                rest.clone()
            } else {
                let excs = Value::tuple(vec![rest.clone()]);
                let wrapped = self.new_exception_group(Value::str(""), excs)?;
                // The wrapper carries the bare exception's traceback.
                if let (Some(from), Some(to)) = (rest.exc(), wrapped.exc()) {
                    to.borrow_mut().traceback = from.borrow().traceback.clone();
                }
                wrapped
            };
            return Ok(Some((matched, Value::None)));
        }
        if !self.is_exception_group(rest) {
            return Ok(None);
        }
        let split = self.get_attr(rest, "split")?;
        let pair = self.call(&split, Args::new(vec![types.clone()]))?;
        match pair {
            Value::Tuple(t) if t.len() == 2 => {
                if matches!(t[0], Value::None) {
                    return Ok(None);
                }
                Ok(Some((t[0].clone(), t[1].clone())))
            }
            _ => Err(self.new_error("TypeError", "split must return a 2-tuple")),
        }
    }

    /// What an `except*` statement raises after its handlers ran: `raised`
    /// holds what each handler raised, then the part no handler matched.
    /// Re-raised parts of `orig` (same traceback, cause, context and notes)
    /// are put back together in `orig`'s shape; new exceptions join them in
    /// a new group. `None`: everything was handled.
    pub fn except_star_result(
        &mut self,
        orig: &Value,
        raised: Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let Some(first) = raised.first() else {
            return Ok(None);
        };
        if !self.is_exception_group(orig) {
            // A bare exception: at most one handler ran.
            return Ok(match first {
                Value::None => None,
                e => Some(e.clone()),
            });
        }
        let (mut new, mut again) = (Vec::new(), Vec::new());
        for e in raised {
            if matches!(e, Value::None) {
                continue;
            }
            if same_metadata(&e, orig) {
                again.push(e);
            } else {
                new.push(e);
            }
        }
        let mut leaves = Vec::new();
        for e in &again {
            self.collect_leaves(e, &mut leaves);
        }
        let reraised = self.split_group(orig, &Matcher::Leaves(leaves), false)?.0;
        if new.is_empty() {
            return Ok(reraised);
        }
        new.extend(reraised);
        if new.len() == 1 {
            return Ok(new.pop());
        }
        Ok(Some(
            self.new_exception_group(Value::str(""), Value::list(new))?,
        ))
    }

    fn collect_leaves(&self, e: &Value, out: &mut Vec<Value>) {
        if self.is_exception_group(e) {
            for sub in self.group_exceptions(e) {
                self.collect_leaves(&sub, out);
            }
        } else {
            out.push(e.clone());
        }
    }
}

/// Whether `a` is a part of `b` passed on unchanged: the test CPython uses
/// to tell a re-raised part from a new exception.
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (a.exc(), b.exc()) else {
        return false;
    };
    let (x, y) = (x.borrow(), y.borrow());
    let same = |p: &Option<Value>, q: &Option<Value>| match (p, q) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(q),
        _ => false,
    };
    let notes = |v: &Value| match v {
        Value::Instance(i) => i.attrs.borrow().get("__notes__").cloned(),
        _ => None,
    };
    x.traceback == y.traceback
        && same(&x.cause, &y.cause)
        && same(&x.context, &y.context)
        && same(&notes(a), &notes(b))
}

fn class_arg(vm: &mut Vm, args: &Args) -> PyResult<Rc<Class>> {
    match args.pos.first() {
        Some(Value::Class(c)) => Ok(c.clone()),
        _ => Err(vm.new_error(
            "TypeError",
            "BaseExceptionGroup.__new__(X): X is not a type",
        )),
    }
}

/// `BaseExceptionGroup.__new__(cls, message, excs)`, which also runs a
/// subclass's own `__init__`.
pub(super) fn group_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut cls = class_arg(vm, &args)?;
    let given = &args.pos[1..];
    if given.len() != 2 {
        let msg = format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            given.len()
        );
        return Err(vm.new_error("TypeError", &msg));
    }
    if !args.kw.is_empty() {
        let msg = format!("{}() takes no keyword arguments", cls.name);
        return Err(vm.new_error("TypeError", &msg));
    }
    let (message, excs) = (given[0].clone(), given[1].clone());
    if !matches!(message, Value::Str(_)) {
        let msg = format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.type_name()
        );
        return Err(vm.new_error("TypeError", &msg));
    }
    let items = match &excs {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Str(_) | Value::Bytes(_) => {
            vm.collect(&excs)?
        }
        Value::Instance(_) if vm.lookup_method(&excs, "__getitem__")?.is_some() => {
            vm.collect(&excs)?
        }
        _ => {
            return Err(vm.new_error(
                "TypeError",
                "second argument (exceptions) must be a sequence",
            ))
        }
    };
    if items.is_empty() {
        return Err(vm.new_error(
            "ValueError",
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut nests_base = false;
    for (i, e) in items.iter().enumerate() {
        if e.exc().is_none() {
            let msg = format!(
                "Item {} of second argument (exceptions) is not an exception",
                i
            );
            return Err(vm.new_error("ValueError", &msg));
        }
        if !vm.is_instance_of(e, "Exception") {
            nests_base = true;
        }
    }
    let base_group = vm.types.exc("BaseExceptionGroup");
    let group = vm.types.exc("ExceptionGroup");
    let exception = vm.types.exc("Exception");
    if Rc::ptr_eq(&cls, &base_group) {
        if !nests_base {
            cls = group;
        }
    } else if cls.is_subclass(&group) {
        if nests_base {
            return Err(vm.new_error(
                "TypeError",
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
    } else if nests_base && cls.is_subclass(&exception) {
        let msg = format!("Cannot nest BaseExceptions in '{}'", cls.name);
        return Err(vm.new_error("TypeError", &msg));
    }
    // type.__call__ runs the class's own `__init__` after this.
    let instance = Value::Instance(crate::vm::heap::tracked(Instance::new(
        cls.clone(),
        Payload::Exception(RefCell::new(ExcData {
            args: vec![message, excs],
            ..Default::default()
        })),
        vm.next_id(),
    )));
    Ok(instance)
}

fn one_arg(vm: &mut Vm, args: &Args, what: &str) -> PyResult<(Value, Value)> {
    match args.pos.as_slice() {
        [this, arg] if args.kw.is_empty() => Ok((this.clone(), arg.clone())),
        _ => {
            let msg = format!(
                "{} expected 1 argument, got {}",
                what,
                args.pos.len().saturating_sub(1) + args.kw.len()
            );
            Err(vm.new_error("TypeError", &msg))
        }
    }
}

/// `eg.split(condition)`: `(match, rest)`.
pub(super) fn group_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, cond) = one_arg(vm, &args, "split")?;
    let m = vm.matcher(&cond)?;
    let (a, b) = vm.split_group(&this, &m, true)?;
    Ok(Value::tuple(vec![
        a.unwrap_or(Value::None),
        b.unwrap_or(Value::None),
    ]))
}

/// `eg.subgroup(condition)`: the matching part, or `None`.
pub(super) fn group_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, cond) = one_arg(vm, &args, "subgroup")?;
    let m = vm.matcher(&cond)?;
    Ok(vm.split_group(&this, &m, false)?.0.unwrap_or(Value::None))
}

/// `eg.derive(excs)`: a group with the same message (of the class
/// `BaseExceptionGroup` picks; subclasses override this).
pub(super) fn group_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, excs) = one_arg(vm, &args, "derive")?;
    let message = this
        .exc()
        .and_then(|d| d.borrow().args.first().cloned())
        .unwrap_or(Value::str(""));
    vm.new_exception_group(message, excs)
}

/// `str(eg)`: `message (N sub-exceptions)`.
pub(super) fn group_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    let message = match v.exc().and_then(|d| d.borrow().args.first().cloned()) {
        Some(m) => vm.to_str(&m)?,
        None => String::new(),
    };
    let n = vm.group_exceptions(&v).len();
    let s = if n == 1 { "" } else { "s" };
    Ok(Value::Str(
        format!("{} ({} sub-exception{})", message, n, s).into(),
    ))
}

/// `exc.add_note(note)`: appends to `__notes__`, creating it.
pub(super) fn exception_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, note) = one_arg(vm, &args, "add_note")?;
    if !matches!(note, Value::Str(_)) {
        let msg = format!("note must be a str, not '{}'", note.type_name());
        return Err(vm.new_error("TypeError", &msg));
    }
    let Value::Instance(inst) = &this else {
        return Err(PyErr::Exception(vm.new_exception(
            "TypeError",
            vec![Value::str("add_note() needs an exception")],
        )));
    };
    let notes = inst.attrs.borrow().get("__notes__").cloned();
    match notes {
        Some(Value::List(l)) => l.borrow_mut().push(note),
        Some(_) => {
            return Err(vm.new_error("TypeError", "Cannot add note: __notes__ is not a list"))
        }
        None => inst
            .attrs
            .borrow_mut()
            .set("__notes__".into(), Value::list(vec![note])),
    }
    Ok(Value::None)
}
