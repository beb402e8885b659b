//! asyncio's debug mode (`asyncio.run(debug=True)`, `loop.set_debug()`):
//! where CPython's reprs say a future, task or handle was created, and the
//! slow-callback warning, measured on the virtual clock.

use std::rc::Rc;

use crate::vm::value::{Args, PyResult, Value};
use crate::vm::Vm;

use super::future::as_fut;
use super::host::{EventLoop, Handle};

/// Where CPython 3.11.7's asyncio lives, as the corpus names it.
const ASYNCIO: &str = "/usr/lib/python3.11/asyncio/";

/// What debug mode is noting the creation of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Made {
    /// A future from `loop.create_future()`.
    CreateFuture,
    /// A future from the `Future` class itself.
    Future,
    /// A task from `loop.create_task()` (`context=` given or not).
    Task {
        /// Whether the call passed `context=`.
        context: bool,
    },
    /// A handle from `call_soon`/`call_later`/`call_at`.
    Handle,
}

/// The `created at FILE:LINE` of an object made now: the Python frame that
/// called the loop (the program's own line), or, when that frame is the
/// simulator's asyncio library, the line of CPython's asyncio that makes
/// the same object (`loop.create_future()` is always `base_events.py:427`).
pub fn created_at(vm: &Vm, made: Made) -> Rc<str> {
    let site = match &vm.call_site {
        Some((code, line)) if !code.filename.starts_with('<') => {
            if made == Made::CreateFuture {
                return format!("{}base_events.py:427", ASYNCIO).into();
            }
            return format!("{}:{}", code.filename, line).into();
        }
        Some((code, _)) => library_site(made, &code.qualname),
        // Scheduled by the loop itself, outside any Python frame:
        // CPython's is inside `Handle._run`.
        None => library_site(made, ""),
    };
    format!("{}{}", ASYNCIO, site).into()
}

/// CPython's line making `made` for the library function `qualname`.
fn library_site(made: Made, qualname: &str) -> &'static str {
    match (made, qualname) {
        (Made::CreateFuture | Made::Future, "gather") => "tasks.py:709",
        (Made::CreateFuture | Made::Future, _) => "base_events.py:427",
        (Made::Task { context: false }, "create_task") => "tasks.py:384",
        (Made::Task { context: true }, "create_task") => "tasks.py:386",
        (Made::Task { context: false }, "TaskGroup.create_task") => "taskgroups.py:161",
        (Made::Task { context: true }, "TaskGroup.create_task") => "taskgroups.py:163",
        (Made::Task { .. }, "run" | "Runner.run") => "runners.py:100",
        (Made::Task { .. }, _) => ENSURE_FUTURE,
        (Made::Handle, "sleep") => "tasks.py:645",
        (Made::Handle, _) => "events.py:80",
    }
}

/// Where `ensure_future()` (and `run_until_complete(coro)`) makes a task.
pub const ENSURE_FUTURE: &str = "tasks.py:680";

/// [`ENSURE_FUTURE`] with its directory.
pub fn ensure_future_site() -> Rc<str> {
    format!("{}{}", ASYNCIO, ENSURE_FUTURE).into()
}

/// The loop's `slow_callback_duration` (0.1 unless the program set it).
fn slow_callback_duration(vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<f64> {
    let v = vm.get_attr(&Value::Object(l.clone()), "slow_callback_duration")?;
    match v {
        Value::Float(f) => Ok(f),
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(b))),
        other => crate::vm::builtins::float_arg(vm, &other, "slow_callback_duration"),
    }
}

/// After a handle ran on a loop in debug mode: CPython's warning
/// `Executing <handle or task> took X seconds` when it took at least
/// `slow_callback_duration` of (virtual) time.
pub fn after_handle(vm: &mut Vm, l: &Rc<EventLoop>, h: &Rc<Handle>, dt: f64) -> PyResult<()> {
    if dt < slow_callback_duration(vm, l)? {
        return Ok(());
    }
    // `_format_handle`: a task's step shows as the task.
    let is_task = |v: &Value| as_fut(v).is_some_and(|(f, _)| f.task.is_some());
    let task = match &h.callback {
        Value::Native(n) => n.bound.clone().filter(is_task),
        Value::BoundMethod(m) => Some(m.this.clone()).filter(is_task),
        _ => None,
    };
    let text = match task {
        Some(t) => vm.repr(&t)?,
        None => vm.repr(&Value::Object(h.clone()))?,
    };
    let asyncio = vm.import("asyncio")?;
    if let Some(log) = asyncio.get("_log_slow_callback") {
        vm.call(&log, Args::new(vec![Value::str(&text), Value::Float(dt)]))?;
    }
    Ok(())
}
