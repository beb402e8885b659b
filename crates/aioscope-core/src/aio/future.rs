//! `Future` and `Task`, as CPython's C implementation behaves.
//!
//! Invariant of a task (from CPython's `tasks.py`): either it waits on a
//! future (`fut_waiter` is set and its wakeup is among that future's
//! callbacks) and no step is scheduled, or exactly one step is scheduled
//! (or running). A future's callbacks only ever run through `call_soon`.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::vm::interp::{CoroOutcome, Resume};
use crate::vm::value::{
    Args, Attrs, AwaitPoll, Class, CoroKind, Coroutine, NativeFn, NativeObject, PyErr, PyResult,
    Value,
};
use crate::vm::Vm;

use super::host::{aio, AioHost};
use super::observer::StepKind;

/// Where a future is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FutState {
    /// Not done.
    Pending,
    /// Cancelled.
    Cancelled,
    /// Has a result or an exception.
    Finished,
}

/// The state every future carries.
pub struct FutCore {
    /// Pending, cancelled or finished.
    pub state: FutState,
    /// The result once finished without exception.
    pub result: Value,
    /// The exception once finished with one.
    pub exception: Option<Value>,
    /// Done-callbacks, called with the future through `call_soon`, each
    /// in the context it was added in (None: none captured, as for a
    /// task's own wakeup or while no program uses `contextvars`).
    pub callbacks: Vec<(Value, Option<Value>)>,
    /// The message given to `cancel(msg)`.
    pub cancel_message: Option<Value>,
    /// The `CancelledError` that ended a task, re-raised to its awaiters.
    pub cancelled_exc: Option<Value>,
    /// Called instead of the plain cancellation (`gather`'s outer future
    /// cancels its children).
    pub cancel_hook: Option<Value>,
    /// The exception was looked at (else "never retrieved" warnings).
    pub retrieved: bool,
}

/// The state only tasks have.
pub struct TaskCore {
    /// The coroutine it steps.
    pub coro: Rc<Coroutine>,
    /// `get_name()`.
    pub name: RefCell<Rc<str>>,
    /// Throw `CancelledError` in at the next step.
    pub must_cancel: Cell<bool>,
    /// The future it waits on.
    pub fut_waiter: RefCell<Option<Value>>,
    /// `cancelling()`.
    pub cancels_requested: Cell<u32>,
    /// The context every step runs in (a copy of the creator's); made
    /// empty at the first step when the program started using
    /// `contextvars` after the task was created.
    pub context: RefCell<Option<Value>>,
    /// When the task drives an async generator's `asend()`/`__anext__()`
    /// or `athrow()`/`aclose()` awaitable (the generator itself here), the
    /// awaitable's type name, which its repr shows instead of the
    /// generator's.
    pub agen_awaitable: Option<&'static str>,
}

/// A future or a task.
pub struct Fut {
    /// Identity number (creation order).
    pub id: u64,
    /// `Future`, `Task` (or the loop's internal kinds).
    pub class: Rc<Class>,
    /// The future part.
    pub core: RefCell<FutCore>,
    /// The task part, for tasks.
    pub task: Option<TaskCore>,
    /// A pending task reports its destruction (`_log_destroy_pending`).
    pub log_destroy_pending: Cell<bool>,
    /// Where its death is reported (see [`Fut::drop`]).
    finalizers: std::rc::Weak<crate::vm::finalizers::Finalizers>,
    /// Where it was made, when its loop was in debug mode (`created at`
    /// in its repr).
    pub created_at: RefCell<Option<Rc<str>>>,
    /// What the program set on it (`task.tag = ...`): CPython's futures
    /// and tasks have an instance dict, though no `__dict__` attribute.
    pub attrs: RefCell<Attrs>,
}

impl Drop for Fut {
    /// As CPython's future and task finalizers: a task destroyed while
    /// pending, and a future or task whose exception nobody retrieved,
    /// are reported through the loop's exception handler. The report
    /// needs the interpreter, so the future's state moves into a copy
    /// that the queued report shows (and then lets go of).
    fn drop(&mut self) {
        let Some(queue) = self.finalizers.upgrade() else {
            return;
        };
        let (state, unretrieved) = {
            let c = self.core.get_mut();
            (c.state, c.exception.is_some() && !c.retrieved)
        };
        let destroyed_pending =
            self.task.is_some() && state == FutState::Pending && self.log_destroy_pending.get();
        let never_retrieved = state == FutState::Finished && unretrieved;
        if !destroyed_pending && !never_retrieved {
            return;
        }
        let ghost = Fut {
            id: self.id,
            class: self.class.clone(),
            core: RefCell::new(std::mem::take(self.core.get_mut())),
            task: self.task.take(),
            log_destroy_pending: Cell::new(false),
            finalizers: std::rc::Weak::new(),
            created_at: RefCell::new(self.created_at.take()),
            attrs: RefCell::new(Attrs::default()),
        };
        queue.push(Box::new(move |vm, _site| {
            super::errors::report_death(vm, ghost, destroyed_pending, never_retrieved);
        }));
    }
}

impl FutCore {
    /// The state of a new pending future.
    pub fn new() -> FutCore {
        FutCore {
            state: FutState::Pending,
            result: Value::None,
            exception: None,
            callbacks: Vec::new(),
            cancel_message: None,
            cancelled_exc: None,
            cancel_hook: None,
            retrieved: false,
        }
    }
}

impl Default for FutCore {
    fn default() -> Self {
        FutCore::new()
    }
}

impl Fut {
    /// A new pending future (or task when `task` is given).
    pub fn new(vm: &Vm, class: Rc<Class>, task: Option<TaskCore>) -> Fut {
        Fut {
            id: vm.next_id(),
            class,
            core: RefCell::new(FutCore::new()),
            task,
            log_destroy_pending: Cell::new(true),
            finalizers: Rc::downgrade(&vm.finalizers),
            created_at: RefCell::new(None),
            attrs: RefCell::new(Attrs::default()),
        }
    }

    /// Whether it is done (finished or cancelled).
    pub fn done(&self) -> bool {
        self.core.borrow().state != FutState::Pending
    }

    /// Whether it was cancelled.
    pub fn cancelled(&self) -> bool {
        self.core.borrow().state == FutState::Cancelled
    }
}

/// The `Fut` behind a value, if it is one.
pub fn as_fut(v: &Value) -> Option<(&Fut, Rc<dyn NativeObject>)> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<Fut>().map(|f| (f, o.clone())),
        _ => None,
    }
}

fn this_fut<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Fut> {
    match args.pos.first().and_then(|v| v.downcast::<Fut>()) {
        Some(f) => Ok(f),
        None => Err(vm.new_error("TypeError", "descriptor requires a Future or Task")),
    }
}

fn this_task<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<(&'a Fut, &'a TaskCore)> {
    match args.pos.first().and_then(|v| v.downcast::<Fut>()) {
        Some(f) => match &f.task {
            Some(t) => Ok((f, t)),
            None => Err(vm.new_error("TypeError", "descriptor requires a Task")),
        },
        None => Err(vm.new_error("TypeError", "descriptor requires a Task")),
    }
}

/// Builds `CancelledError(msg)` (or, from 3.11, the stored one that
/// ended a task). 3.10 always builds a new one, with the stored one as its
/// `__context__`: its tracebacks show the two ("During handling of the
/// above exception, another exception occurred").
pub fn make_cancelled_error(vm: &mut Vm, fut: &Fut) -> Value {
    let stored = fut.core.borrow_mut().cancelled_exc.take();
    if vm.python.minor() >= 11 {
        if let Some(e) = stored {
            return e;
        }
    }
    let msg = fut.core.borrow().cancel_message.clone();
    let args = match msg {
        Some(m) if !matches!(m, Value::None) => vec![m],
        _ => vec![],
    };
    let class = aio(vm).cancelled_error.clone();
    let exc = vm.exception_of_class(&class, args);
    if let (Some(data), Some(context)) = (exc.exc(), stored) {
        data.borrow_mut().context = Some(context);
    }
    exc
}

/// Schedules every done-callback with `call_soon`, in order.
fn schedule_callbacks(vm: &mut Vm, this: &Value, fut: &Fut) -> PyResult<()> {
    let callbacks = std::mem::take(&mut fut.core.borrow_mut().callbacks);
    let host = aio(vm);
    for (cb, context) in callbacks {
        host.call_soon_in(
            vm,
            cb,
            vec![this.clone()],
            StepKind::FutureCallback,
            context,
        )?;
    }
    Ok(())
}

fn invalid_state(vm: &mut Vm, msg: &str) -> PyErr {
    let class = aio(vm).invalid_state_error.clone();
    PyErr::Exception(vm.exception_of_class(&class, vec![Value::str(msg)]))
}

/// `fut.set_result(v)`.
pub fn set_result(vm: &mut Vm, this: &Value, fut: &Fut, v: Value) -> PyResult<()> {
    if fut.done() {
        return Err(invalid_state(vm, "invalid state"));
    }
    {
        let mut c = fut.core.borrow_mut();
        c.state = FutState::Finished;
        c.result = v;
    }
    schedule_callbacks(vm, this, fut)
}

/// `fut.set_exception(e)`.
pub fn set_exception(vm: &mut Vm, this: &Value, fut: &Fut, e: Value) -> PyResult<()> {
    if fut.done() {
        return Err(invalid_state(vm, "invalid state"));
    }
    let e = match &e {
        Value::Class(_) => vm.make_exception(e)?,
        _ => e,
    };
    if vm.is_instance_of(&e, "StopIteration") {
        return Err(vm.new_error(
            "TypeError",
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    {
        let mut c = fut.core.borrow_mut();
        c.state = FutState::Finished;
        c.exception = Some(e);
    }
    schedule_callbacks(vm, this, fut)
}

/// `Future.cancel(msg)` without the task part.
fn future_cancel(vm: &mut Vm, this: &Value, fut: &Fut, msg: Option<Value>) -> PyResult<bool> {
    if fut.done() {
        return Ok(false);
    }
    {
        let mut c = fut.core.borrow_mut();
        c.state = FutState::Cancelled;
        c.cancel_message = msg;
    }
    schedule_callbacks(vm, this, fut)?;
    Ok(true)
}

/// `x.cancel(msg)` for any future or task, honouring cancel hooks.
pub fn cancel(vm: &mut Vm, this: &Value, msg: Option<Value>) -> PyResult<bool> {
    let Some((fut, _)) = as_fut(this) else {
        // A Python object with a cancel() method.
        let m = vm.get_attr(this, "cancel")?;
        let r = vm.call(&m, Args::new(msg.into_iter().collect()))?;
        return vm.truthy(&r);
    };
    let hook = fut.core.borrow().cancel_hook.clone();
    if let (Some(hook), false) = (hook, fut.done()) {
        let r = vm.call(&hook, Args::new(vec![msg.unwrap_or(Value::None)]))?;
        return vm.truthy(&r);
    }
    match &fut.task {
        None => future_cancel(vm, this, fut, msg),
        Some(t) => {
            if fut.done() {
                return Ok(false);
            }
            t.cancels_requested.set(t.cancels_requested.get() + 1);
            let waiter = t.fut_waiter.borrow().clone();
            if let Some(w) = waiter {
                if cancel(vm, &w, msg.clone())? {
                    // Keep the waiter: a task that ignores the cancellation
                    // may have to be cancelled again.
                    aio(vm).note_changed(this);
                    return Ok(true);
                }
            }
            t.must_cancel.set(true);
            fut.core.borrow_mut().cancel_message = msg;
            aio(vm).note_changed(this);
            Ok(true)
        }
    }
}

/// `fut.result()`.
pub fn result(vm: &mut Vm, fut: &Fut) -> PyResult<Value> {
    let state = fut.core.borrow().state;
    match state {
        FutState::Pending => Err(invalid_state(vm, "Result is not set.")),
        FutState::Cancelled => Err(PyErr::Exception(make_cancelled_error(vm, fut))),
        FutState::Finished => {
            let mut c = fut.core.borrow_mut();
            c.retrieved = true;
            match &c.exception {
                Some(e) => Err(PyErr::Exception(e.clone())),
                None => Ok(c.result.clone()),
            }
        }
    }
}

/// `fut.add_done_callback(cb, context=...)`: appended while pending,
/// scheduled at once when already done.
pub fn add_done_callback(
    vm: &mut Vm,
    this: &Value,
    fut: &Fut,
    cb: Value,
    context: Option<Value>,
) -> PyResult<()> {
    if fut.done() {
        aio(vm).call_soon_in(
            vm,
            cb,
            vec![this.clone()],
            StepKind::FutureCallback,
            context,
        )?;
    } else {
        fut.core.borrow_mut().callbacks.push((cb, context));
    }
    Ok(())
}

// ----- Python-visible methods -------------------------------------------

fn m_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = this_fut(vm, &args)?;
    result(vm, fut)
}

fn m_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = this_fut(vm, &args)?;
    let state = fut.core.borrow().state;
    match state {
        FutState::Pending => Err(invalid_state(vm, "Exception is not set.")),
        FutState::Cancelled => Err(PyErr::Exception(make_cancelled_error(vm, fut))),
        FutState::Finished => {
            let mut c = fut.core.borrow_mut();
            c.retrieved = true;
            Ok(c.exception.clone().unwrap_or(Value::None))
        }
    }
}

fn m_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this_fut(vm, &args)?.done()))
}

fn m_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this_fut(vm, &args)?.cancelled()))
}

fn m_cancel(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let msg = args.take_kw("msg").or_else(|| args.pos.get(1).cloned());
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    this_fut(vm, &args)?;
    Ok(Value::Bool(cancel(vm, &this, msg)?))
}

fn m_set_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = this_fut(vm, &args)?;
    if fut.task.is_some() {
        return Err(vm.new_error("RuntimeError", "Task does not support set_result operation"));
    }
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    set_result(vm, &args.pos[0], fut, v)?;
    Ok(Value::None)
}

fn m_set_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = this_fut(vm, &args)?;
    if fut.task.is_some() {
        return Err(vm.new_error(
            "RuntimeError",
            "Task does not support set_exception operation",
        ));
    }
    let e = args.pos.get(1).cloned().unwrap_or(Value::None);
    set_exception(vm, &args.pos[0], fut, e)?;
    Ok(Value::None)
}

fn m_add_done_callback(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let context = match args.take_kw("context") {
        Some(Value::None) | None => vm.capture_context(),
        given => given,
    };
    let fut = this_fut(vm, &args)?;
    let Some(cb) = args.pos.get(1).cloned() else {
        return Err(vm.new_error("TypeError", "add_done_callback() missing the callback"));
    };
    add_done_callback(vm, &args.pos[0], fut, cb, context)?;
    Ok(Value::None)
}

fn m_remove_done_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = this_fut(vm, &args)?;
    let Some(cb) = args.pos.get(1).cloned() else {
        return Err(vm.new_error("TypeError", "remove_done_callback() missing the callback"));
    };
    let callbacks = fut.core.borrow().callbacks.clone();
    let mut kept = Vec::new();
    let mut removed = 0;
    for c in callbacks {
        if vm.eq(&c.0, &cb)? {
            removed += 1;
        } else {
            kept.push(c);
        }
    }
    fut.core.borrow_mut().callbacks = kept;
    Ok(Value::Int(removed))
}

fn m_get_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    aio(vm).running_or_current_loop(vm)
}

fn m_make_cancelled_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = this_fut(vm, &args)?;
    Ok(make_cancelled_error(vm, fut))
}

fn m_get_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, t) = this_task(vm, &args)?;
    let name = t.name.borrow().clone();
    Ok(Value::Str(name))
}

fn m_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, t) = this_task(vm, &args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let s = vm.to_str(&v)?;
    *t.name.borrow_mut() = s.into();
    // Its views carry its name: the frame of this step shows the new one.
    if let Some(task) = args.pos.first() {
        crate::aio::host::aio(vm).note_changed(task);
    }
    Ok(Value::None)
}

fn m_get_coro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, t) = this_task(vm, &args)?;
    Ok(Value::Coroutine(t.coro.clone()))
}

fn m_cancelling(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, t) = this_task(vm, &args)?;
    Ok(Value::Int(t.cancels_requested.get() as i64))
}

fn m_uncancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, t) = this_task(vm, &args)?;
    let n = t.cancels_requested.get();
    if n > 0 {
        t.cancels_requested.set(n - 1);
    }
    Ok(Value::Int(t.cancels_requested.get() as i64))
}

fn m_set_cancel_hook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = match args.pos.first().and_then(|v| v.downcast::<Fut>()) {
        Some(f) => f,
        None => return Err(vm.new_error("TypeError", "_set_cancel_hook needs a future")),
    };
    fut.core.borrow_mut().cancel_hook = args.pos.get(1).cloned();
    Ok(Value::None)
}

fn m_cancel_message(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = this_fut(vm, &args)?;
    let m = fut.core.borrow().cancel_message.clone();
    Ok(m.unwrap_or(Value::None))
}

/// Installs the methods of `Future` and `Task`.
pub fn install_methods(future: &Rc<Class>, task: &Rc<Class>) {
    use crate::vm::methods::def;
    for c in [future, task] {
        def(c, "result", m_result);
        def(c, "exception", m_exception);
        def(c, "done", m_done);
        def(c, "cancelled", m_cancelled);
        def(c, "cancel", m_cancel);
        def(c, "add_done_callback", m_add_done_callback);
        def(c, "remove_done_callback", m_remove_done_callback);
        def(c, "get_loop", m_get_loop);
        def(c, "_make_cancelled_error", m_make_cancelled_error);
        def(c, "_cancel_message_", m_cancel_message);
    }
    def(future, "set_result", m_set_result);
    def(future, "set_exception", m_set_exception);
    def(task, "set_result", m_set_result);
    def(task, "set_exception", m_set_exception);
    def(task, "get_name", m_get_name);
    def(task, "set_name", m_set_name);
    def(task, "get_coro", m_get_coro);
    def(task, "cancelling", m_cancelling);
    def(task, "uncancel", m_uncancel);
}

/// The native `_set_cancel_hook(fut, hook)` of `_aio`.
pub fn set_cancel_hook_fn() -> crate::vm::value::NativeImpl {
    m_set_cancel_hook
}

// ----- stepping -----------------------------------------------------------

/// A native function value bound to a task: its step or its wakeup.
pub fn task_callback(this: &Value, wakeup: bool) -> Value {
    let (name, qualname, func): (&str, &str, crate::vm::value::NativeImpl) = if wakeup {
        ("task_wakeup", "Task.task_wakeup", task_wakeup)
    } else {
        ("task_step", "Task.task_step", task_step)
    };
    Value::Native(Rc::new(NativeFn {
        name: name.into(),
        qualname: qualname.into(),
        func,
        bound: Some(this.clone()),
        data: None,
    }))
}

/// `Task.__wakeup(future)`: the future's exception (a cancellation too) is
/// thrown in; a result just resumes the coroutine, which reads it.
fn task_wakeup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let awaited = args.pos.get(1).cloned().unwrap_or(Value::None);
    let exc = match as_fut(&awaited) {
        Some((f, _)) => match result(vm, f) {
            Ok(_) => None,
            Err(PyErr::Exception(e)) => Some(e),
            Err(other) => return Err(other),
        },
        None => None,
    };
    step(vm, &this, exc)?;
    Ok(Value::None)
}

/// `Task.__step()` as a callback (the first step and steps after a bare
/// yield); an exception argument is thrown in.
fn task_step(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let exc = args.pos.get(1).cloned();
    step(vm, &this, exc)?;
    Ok(Value::None)
}

/// One step of a task: run its coroutine until it awaits a pending future,
/// yields, returns or raises.
pub fn step(vm: &mut Vm, this: &Value, exc: Option<Value>) -> PyResult<()> {
    let Some((fut, _)) = as_fut(this) else {
        return Err(vm.new_error("TypeError", "task step on a non-task"));
    };
    let Some(t) = &fut.task else {
        return Err(vm.new_error("TypeError", "task step on a plain future"));
    };
    if fut.done() {
        let r = vm.repr(this)?;
        return Err(invalid_state(vm, &format!("_step(): already done: {}", r)));
    }
    let host: Rc<AioHost> = aio(vm);
    let mut exc = exc;
    if t.must_cancel.get() {
        let is_cancel = exc
            .as_ref()
            .is_some_and(|e| vm.is_instance_of_class(e, &host.cancelled_error));
        if !is_cancel {
            exc = Some(make_cancelled_error(vm, fut));
        }
        t.must_cancel.set(false);
    }
    *t.fut_waiter.borrow_mut() = None;
    // The step runs in the task's context (when a program uses them).
    if vm.contextvars_used && t.context.borrow().is_none() {
        *t.context.borrow_mut() = Some(vm.empty_context());
    }
    let context = t.context.borrow().clone();
    let outer_context = match &context {
        Some(c) => Some(vm.enter_context(c)?),
        None => None,
    };
    let previous = host.enter_task(this);
    let how = match exc {
        Some(e) => Resume::Throw(e),
        None => Resume::Send(Value::None),
    };
    let outcome = vm.resume(&t.coro, how);
    if vm.track_call_sites {
        // What the step schedules now, the loop schedules (debug mode's
        // `created at` is then CPython's `Handle._run`).
        vm.call_site = None;
    }
    host.leave_task(previous);
    if let Some(outer) = outer_context {
        vm.exit_context(outer);
    }
    match outcome {
        Ok(CoroOutcome::Return(v)) => {
            if t.must_cancel.get() {
                t.must_cancel.set(false);
                let msg = fut.core.borrow().cancel_message.clone();
                future_cancel(vm, this, fut, msg)?;
            } else {
                set_result(vm, this, fut, v)?;
            }
        }
        Ok(CoroOutcome::Yield(y)) => {
            if matches!(y, Value::None) {
                host.call_soon(vm, task_callback(this, false), vec![], StepKind::TaskStep)?;
            } else if let Some((waiting, _)) = as_fut(&y) {
                if yielded_bare(&t.coro, &y) {
                    // A generator's `yield fut` (not `yield from`): the
                    // future was not waited on through its own protocol.
                    let r = vm.repr(this)?;
                    let f = vm.repr(&y)?;
                    let e = vm.new_exception(
                        "RuntimeError",
                        vec![Value::str(&format!(
                            "yield was used instead of yield from in task {} with {}",
                            r, f
                        ))],
                    );
                    host.call_soon(vm, task_callback(this, false), vec![e], StepKind::TaskStep)?;
                } else if std::ptr::eq(waiting, fut) {
                    let r = vm.repr(this)?;
                    let e = vm.new_exception(
                        "RuntimeError",
                        vec![Value::str(&format!("Task cannot await on itself: {}", r))],
                    );
                    host.call_soon(vm, task_callback(this, false), vec![e], StepKind::TaskStep)?;
                } else {
                    add_done_callback(vm, &y, waiting, task_callback(this, true), None)?;
                    *t.fut_waiter.borrow_mut() = Some(y.clone());
                    if t.must_cancel.get() {
                        let msg = fut.core.borrow().cancel_message.clone();
                        if cancel(vm, &y, msg)? {
                            t.must_cancel.set(false);
                        }
                    }
                }
            } else {
                let r = vm.repr(&y)?;
                let e = vm.new_exception(
                    "RuntimeError",
                    vec![Value::str(&format!("Task got bad yield: {}", r))],
                );
                host.call_soon(vm, task_callback(this, false), vec![e], StepKind::TaskStep)?;
            }
        }
        Err(PyErr::Exception(e)) => {
            if vm.is_instance_of_class(&e, &host.cancelled_error) {
                fut.core.borrow_mut().cancelled_exc = Some(e);
                future_cancel(vm, this, fut, None)?;
            } else {
                let fatal = vm.is_instance_of(&e, "KeyboardInterrupt")
                    || vm.is_instance_of(&e, "SystemExit");
                set_exception(vm, this, fut, e.clone())?;
                if fatal {
                    // It ends the program; in CPython the task and the
                    // exception's frames form a cycle collected only once
                    // logging is gone: nothing reports it unretrieved.
                    fut.core.borrow_mut().retrieved = true;
                    return Err(PyErr::Exception(e));
                }
            }
        }
        Err(other) => return Err(other),
    }
    Ok(())
}

/// Whether the innermost generator of a task's chain yielded `y` itself
/// (`yield fut`) rather than waiting on it (`yield from fut`, `await fut`
/// record what they wait on).
fn yielded_bare(coro: &Rc<Coroutine>, y: &Value) -> bool {
    let mut cur = coro.clone();
    for _ in 0..1000 {
        let next = match &*cur.awaiting.borrow() {
            Some(Value::Coroutine(n)) => n.clone(),
            Some(waited) => return cur.kind == CoroKind::Generator && !waited.is(y),
            None => return cur.kind == CoroKind::Generator,
        };
        cur = next;
    }
    false
}

impl NativeObject for Fut {
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// Its result, exception and callbacks (a task's too: what it waits
    /// on, its context) may lead back to it; its state stays.
    fn clear_references(&self) {
        let held = self.core.try_borrow_mut().map(|mut c| {
            (
                std::mem::take(&mut c.result),
                c.exception.take(),
                std::mem::take(&mut c.callbacks),
                c.cancel_message.take(),
                c.cancelled_exc.take(),
                c.cancel_hook.take(),
            )
        });
        drop(held);
        crate::vm::heap::empty(&self.attrs);
        if let Some(task) = &self.task {
            crate::vm::heap::empty(&task.fut_waiter);
            crate::vm::heap::empty(&task.context);
        }
    }
    fn class_name(&self) -> &str {
        if self.task.is_some() {
            "Task"
        } else {
            "Future"
        }
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        super::repr::future_repr(vm, self)
    }
    fn get_attr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "_state" => Some(Ok(Value::str(match self.core.borrow().state {
                FutState::Pending => "PENDING",
                FutState::Cancelled => "CANCELLED",
                FutState::Finished => "FINISHED",
            }))),
            "_cancel_message" => Some(Ok(self
                .core
                .borrow()
                .cancel_message
                .clone()
                .unwrap_or(Value::None))),
            "_loop" => Some(aio(vm).running_or_current_loop(vm)),
            "_log_destroy_pending" => Some(Ok(Value::Bool(self.log_destroy_pending.get()))),
            "_log_traceback" => {
                let c = self.core.borrow();
                Some(Ok(Value::Bool(c.exception.is_some() && !c.retrieved)))
            }
            "_asyncio_future_blocking" => Some(Ok(Value::Bool(false))),
            _ => None,
        }
    }
    fn set_attr(&self, vm: &mut Vm, name: &str, value: Value) -> Option<PyResult<()>> {
        match name {
            "_log_destroy_pending" => {
                Some(vm.truthy(&value).map(|b| self.log_destroy_pending.set(b)))
            }
            "_log_traceback" => {
                // CPython only lets it be set to False.
                let on = vm.truthy(&value);
                Some(on.and_then(|on| {
                    if on {
                        Err(vm.new_error("ValueError", "_log_traceback can only be set to False"))
                    } else {
                        self.core.borrow_mut().retrieved = true;
                        Ok(())
                    }
                }))
            }
            "_asyncio_future_blocking" => Some(Ok(())),
            _ => {
                // The C type's read-only properties refuse; any other name
                // goes into the instance dict.
                if let Some(Ok(_)) = self.get_attr(vm, name) {
                    let msg = format!(
                        "attribute '{}' of '_asyncio.{}' objects is not writable",
                        name,
                        self.class_name()
                    );
                    return Some(Err(vm.new_error("AttributeError", &msg)));
                }
                self.attrs.borrow_mut().set(name.into(), value);
                Some(Ok(()))
            }
        }
    }
    fn own_attr(&self, name: &str) -> Option<Value> {
        self.attrs.borrow().get(name).cloned()
    }
    fn del_own_attr(&self, name: &str) -> bool {
        self.attrs.borrow_mut().remove(name)
    }
    fn identity(&self) -> Option<u64> {
        Some(self.id)
    }
    fn label(&self) -> Option<String> {
        Some(match &self.task {
            // Pushed, not `format!`ed: the recorder labels every task a
            // handle or queue shows, on every frame, and the formatting
            // machinery cost several times the copying.
            Some(t) => {
                let name = t.name.borrow();
                let mut label = String::with_capacity(name.len() + 7);
                label.push_str("<Task ");
                label.push_str(&name);
                label.push('>');
                label
            }
            None => format!("<Future #{}>", self.id),
        })
    }
    fn is_awaitable(&self) -> bool {
        true
    }
    fn poll_await(&self, vm: &mut Vm) -> Option<AwaitPoll> {
        if !self.done() {
            return Some(AwaitPoll::Pending);
        }
        Some(AwaitPoll::Ready(result(vm, self)))
    }
}
