//! asyncio's error reports: `loop.call_exception_handler(context)` with
//! CPython's default handler (the message, then `key: repr(value)` lines
//! in key order, logged by the `asyncio` logger with the exception's
//! traceback), and what futures and tasks report when they die:
//!
//! ```text
//! Task exception was never retrieved
//! future: <Task finished name='Task-2' coro=<bad() done, ...> exception=ValueError('lost')>
//! Traceback (most recent call last):
//! ...
//!
//! Task was destroyed but it is pending!
//! task: <Task pending name='Task-1' coro=<forever() running at prog.py:3> ...>
//! ```

use std::rc::Rc;

use crate::vm::dict::Dict;
use crate::vm::traceback::NativeFrame;
use crate::vm::value::{Args, PyErr, PyResult, Value};
use crate::vm::Vm;

use super::future::Fut;
use super::host::aio;

/// `Handle._run` in `asyncio/events.py`, the frame a callback's exception
/// passes through first.
pub static HANDLE_RUN: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/events.py",
    line: 80,
    name: "_run",
    text: "self._context.run(self._callback, *self._args)",
    cols: None,
};

/// `_run_once` calling a handle (`asyncio/base_events.py`).
pub static RUN_ONCE: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 1922,
    name: "_run_once",
    text: "handle._run()",
    cols: None,
};

/// `_run_once` waiting in its selector, where Ctrl+C finds the main
/// thread's loop.
pub static RUN_ONCE_SELECT: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 1884,
    name: "_run_once",
    text: "event_list = self._selector.select(timeout)",
    cols: Some((13, 43)),
};

/// The selector's own wait (epoll), which a signal interrupts.
pub static SELECTOR_POLL: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/selectors.py",
    line: 468,
    name: "select",
    text: "fd_event_list = self._selector.poll(timeout, max_ev)",
    cols: Some((16, 52)),
};

/// `_run_once` taking the next handle: the one before dies here.
pub static RUN_ONCE_NEXT: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 1908,
    name: "_run_once",
    text: "handle = self._ready.popleft()",
    cols: None,
};

/// The end of `_run_once`: the last handle run dies here.
pub static RUN_ONCE_END: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 1927,
    name: "_run_once",
    text: "handle = None  # Needed to break cycles when an exception occurs.",
    cols: None,
};

/// `run_forever` running an iteration.
pub static RUN_FOREVER: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 607,
    name: "run_forever",
    text: "self._run_once()",
    cols: None,
};

/// `_check_closed` refusing a closed loop.
pub static CHECK_CLOSED: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 519,
    name: "_check_closed",
    text: "raise RuntimeError('Event loop is closed')",
    cols: None,
};

/// `_check_running` refusing a loop that runs.
pub static CHECK_RUNNING_ALREADY: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 588,
    name: "_check_running",
    text: "raise RuntimeError('This event loop is already running')",
    cols: None,
};

/// `_check_running` refusing a second loop in one thread (the first line
/// of a statement written on two).
pub static CHECK_RUNNING_ANOTHER: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 590,
    name: "_check_running",
    text: "raise RuntimeError(",
    cols: None,
};

/// `run_forever` checking its loop is open.
pub static RUN_FOREVER_CHECK_CLOSED: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 595,
    name: "run_forever",
    text: "self._check_closed()",
    cols: None,
};

/// `run_forever` checking nothing runs.
pub static RUN_FOREVER_CHECK_RUNNING: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 596,
    name: "run_forever",
    text: "self._check_running()",
    cols: None,
};

/// `run_until_complete` checking its loop is open.
pub static RUN_UNTIL_COMPLETE_CHECK_CLOSED: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 628,
    name: "run_until_complete",
    text: "self._check_closed()",
    cols: None,
};

/// `run_until_complete` checking nothing runs.
pub static RUN_UNTIL_COMPLETE_CHECK_RUNNING: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 629,
    name: "run_until_complete",
    text: "self._check_running()",
    cols: None,
};

/// `run_until_complete` running the loop.
pub static RUN_UNTIL_COMPLETE_FOREVER: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 640,
    name: "run_until_complete",
    text: "self.run_forever()",
    cols: None,
};

/// `run_until_complete` finding its future not done once the loop stopped.
pub static RUN_UNTIL_COMPLETE_STOPPED: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 651,
    name: "run_until_complete",
    text: "raise RuntimeError('Event loop stopped before Future completed.')",
    cols: None,
};

/// `run_until_complete` returning the future's result.
pub static RUN_UNTIL_COMPLETE_RESULT: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/base_events.py",
    line: 653,
    name: "run_until_complete",
    text: "return future.result()",
    cols: Some((7, 22)),
};

/// The default policy's `get_event_loop` finding no loop for the thread
/// (the first line of a statement written on two).
pub static POLICY_GET_EVENT_LOOP: NativeFrame = NativeFrame {
    file: "/usr/lib/python3.11/asyncio/events.py",
    line: 677,
    name: "get_event_loop",
    text: "raise RuntimeError('There is no current event loop in thread %r.'",
    cols: None,
};

/// Adds `frame` to the traceback of the exception in `err`, as the
/// exception passes out through the native code standing for it.
pub fn through(vm: &Vm, err: PyErr, frame: &'static NativeFrame) -> PyErr {
    through_holding(vm, err, frame, &[])
}

/// [`through`] for a frame whose variables hold `args`: they live as long
/// as the exception's traceback does.
pub fn through_holding(vm: &Vm, err: PyErr, frame: &'static NativeFrame, args: &[Value]) -> PyErr {
    let _ = vm;
    if let PyErr::Exception(e) = &err {
        if let Some(d) = e.exc() {
            d.borrow_mut()
                .traceback
                .push(crate::vm::value::TracebackEntry::Native(frame, args.into()));
        }
    }
    err
}

/// Reports a future or task that died: destroyed while pending, or with
/// an exception nobody retrieved (CPython's `TaskObj_finalize` then
/// `FutureObj_finalize`).
pub fn report_death(vm: &mut Vm, ghost: Fut, destroyed_pending: bool, never_retrieved: bool) {
    report(
        vm,
        &Value::Object(Rc::new(ghost)),
        destroyed_pending,
        never_retrieved,
    );
}

/// The reports of [`report_death`] for the future or task `value`.
fn report(vm: &mut Vm, value: &Value, destroyed_pending: bool, never_retrieved: bool) {
    let Some((fut, _)) = super::future::as_fut(value) else {
        return;
    };
    let class = fut.class.name.clone();
    let exception = fut.core.borrow().exception.clone();
    aio(vm).deaths.borrow_mut().push(super::host::Death {
        id: fut.id,
        pending: destroyed_pending,
        never_retrieved,
    });
    let value = value.clone();
    if destroyed_pending {
        call_exception_handler(
            vm,
            vec![
                (
                    "message",
                    Value::str("Task was destroyed but it is pending!"),
                ),
                ("task", value.clone()),
            ],
        );
    }
    if let (true, Some(exc)) = (never_retrieved, exception) {
        call_exception_handler(
            vm,
            vec![
                (
                    "message",
                    Value::str(&format!("{} exception was never retrieved", class)),
                ),
                ("exception", exc),
                ("future", value),
            ],
        );
    }
}

/// The program ended: the tasks still alive are what CPython's collector
/// finds at interpreter shutdown (held by reference cycles, or by a loop
/// nobody holds). As it does, all of them report first, in the order they
/// were created (destroyed while pending, or an exception never
/// retrieved), then each is cleared, its coroutine with it (one that
/// never started warns that it was never awaited).
pub fn collect_at_exit(vm: &mut Vm) {
    let host = aio(vm);
    let tasks: Vec<Value> = host
        .tasks
        .borrow()
        .iter()
        .filter_map(|w| w.upgrade())
        .map(Value::Object)
        .collect();
    let site = crate::vm::finalizers::Site::Exit;
    for t in &tasks {
        let Some((f, _)) = super::future::as_fut(t) else {
            continue;
        };
        let (pending, unretrieved) = {
            let c = f.core.borrow();
            (
                f.task.is_some()
                    && c.state == super::future::FutState::Pending
                    && f.log_destroy_pending.get(),
                c.state == super::future::FutState::Finished
                    && c.exception.is_some()
                    && !c.retrieved,
            )
        };
        f.log_destroy_pending.set(false);
        f.core.borrow_mut().retrieved = true;
        if pending || unretrieved {
            report(vm, t, pending, unretrieved);
            vm.finalize(&site);
        }
    }
    for t in &tasks {
        let Some((f, _)) = super::future::as_fut(t) else {
            continue;
        };
        f.core.borrow_mut().callbacks.clear();
        let Some(core) = &f.task else { continue };
        core.fut_waiter.borrow_mut().take();
        let coro = core.coro.clone();
        coro.awaiting.borrow_mut().take();
        let frame = coro.frame.borrow_mut().take();
        if coro.state.get() == crate::vm::value::CoroState::Created {
            coro.state.set(crate::vm::value::CoroState::Closed);
            vm.warn_never_awaited(&coro.qualname, &site);
        } else if frame.is_some() {
            coro.state.set(crate::vm::value::CoroState::Closed);
        }
        drop(frame);
        vm.finalize(&site);
    }
}

/// `loop.call_exception_handler(context)` on the running loop (else the
/// current one): its handler if one was set, else the default one.
pub fn call_exception_handler(vm: &mut Vm, context: Vec<(&str, Value)>) {
    let host = aio(vm);
    let l = host.loop_for_errors();
    let handler = l
        .as_ref()
        .and_then(|l| l.exception_handler.borrow().clone());
    match (handler, l) {
        (Some(h), Some(l)) => {
            let dict = context_dict(vm, &context);
            let r = vm.call(&h, Args::new(vec![Value::Object(l), dict]));
            if let Err(PyErr::Exception(e)) = r {
                if vm.is_instance_of(&e, "SystemExit") || vm.is_instance_of(&e, "KeyboardInterrupt")
                {
                    return;
                }
                let ctx = context_dict(vm, &context);
                vm.log_error(
                    "asyncio",
                    "Unhandled error in exception handler",
                    Some(&e),
                    &[("context", ctx)],
                );
            }
        }
        _ => default_exception_handler(vm, &context),
    }
}

/// A context as the dict a handler receives.
pub fn context_dict(vm: &mut Vm, context: &[(&str, Value)]) -> Value {
    let mut d = Dict::new();
    for (k, v) in context {
        if let Ok(key) = vm.key(Value::str(k)) {
            d.insert(key, v.clone());
        }
    }
    Value::Dict(crate::vm::heap::tracked(std::cell::RefCell::new(d)))
}

/// CPython's `BaseEventLoop.default_exception_handler`.
pub fn default_exception_handler(vm: &mut Vm, context: &[(&str, Value)]) {
    let get = |k: &str| {
        context
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.clone())
    };
    let message = match get("message") {
        Some(Value::Str(s)) if !s.is_empty() => s.to_string(),
        Some(v @ Value::Str(_)) | Some(v @ Value::None) => {
            let _ = v;
            "Unhandled exception in event loop".into()
        }
        Some(other) => vm
            .to_str(&other)
            .unwrap_or_else(|_| "Unhandled exception in event loop".into()),
        None => "Unhandled exception in event loop".into(),
    };
    let exception = match get("exception") {
        Some(Value::None) | None => None,
        Some(e) => Some(e),
    };
    let mut lines = vec![message];
    let mut keys: Vec<&str> = context
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| *k != "message" && *k != "exception")
        .collect();
    keys.sort();
    for k in keys {
        let v = get(k).unwrap_or(Value::None);
        let r = vm.repr(&v).unwrap_or_else(|_| "<repr() failed>".into());
        lines.push(format!("{}: {}", k, r));
    }
    vm.log_error("asyncio", &lines.join("\n"), exception.as_ref(), &[]);
}

/// `loop.call_exception_handler(context)`.
pub fn l_call_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pairs = context_pairs(vm, args.pos.get(1))?;
    let context: Vec<(&str, Value)> = pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    call_exception_handler(vm, context);
    Ok(Value::None)
}

/// `loop.default_exception_handler(context)`.
pub fn l_default_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pairs = context_pairs(vm, args.pos.get(1))?;
    let context: Vec<(&str, Value)> = pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    default_exception_handler(vm, &context);
    Ok(Value::None)
}

/// A context dict's items (str keys).
fn context_pairs(vm: &mut Vm, ctx: Option<&Value>) -> PyResult<Vec<(String, Value)>> {
    let Some(Value::Dict(d)) = ctx else {
        return Err(vm.new_error("TypeError", "the context must be a dict"));
    };
    let items: Vec<(Value, Value)> = d
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut out = Vec::new();
    for (k, v) in items {
        let k = vm.to_str(&k)?;
        out.push((k, v));
    }
    Ok(out)
}

/// `loop.set_exception_handler(handler)`.
pub fn l_set_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = super::loop_arg(vm, &args)?;
    let h = args.pos.get(1).cloned().unwrap_or(Value::None);
    if !matches!(h, Value::None) && !vm.is_callable(&h) {
        let r = vm.repr(&h)?;
        return Err(vm.new_error(
            "TypeError",
            &format!("A callable object or None is expected, got {}", r),
        ));
    }
    *l.exception_handler.borrow_mut() = match h {
        Value::None => None,
        other => Some(other),
    };
    Ok(Value::None)
}

/// `loop.get_exception_handler()`.
pub fn l_get_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = super::loop_arg(vm, &args)?;
    let h = l.exception_handler.borrow().clone();
    Ok(h.unwrap_or(Value::None))
}
