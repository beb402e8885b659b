//! CPython's reprs of futures, tasks and handles (`base_futures.py`,
//! `base_tasks.py`, `format_helpers.py`), down to the callback lists.

use std::rc::Rc;

use crate::vm::value::{CoroState, Coroutine, PyResult, Value};
use crate::vm::{py310, PythonVersion, Vm};

use super::future::{Fut, FutState};
use super::host::Handle;

/// `reprlib.repr`: long strings and sequences are cut, as CPython's future
/// reprs do.
pub fn short_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) if s.chars().count() > 30 => {
            let chars: Vec<char> = s.chars().collect();
            let (i, j) = (13, 14);
            let head: String = chars[..i].iter().collect();
            let tail: String = chars[chars.len() - j..].iter().collect();
            let r = vm.repr(&Value::Str(format!("{}{}", head, tail).into()))?;
            let rc: Vec<char> = r.chars().collect();
            let a: String = rc[..i].iter().collect();
            let b: String = rc[rc.len() - j..].iter().collect();
            Ok(format!("{}...{}", a, b))
        }
        Value::List(l) if l.borrow().len() > 6 => {
            let items: Vec<Value> = l.borrow()[..6].to_vec();
            let mut parts = Vec::new();
            for it in &items {
                parts.push(short_repr(vm, it)?);
            }
            Ok(format!("[{}, ...]", parts.join(", ")))
        }
        Value::Tuple(t) if t.len() > 6 => {
            let mut parts = Vec::new();
            for it in t[..6].iter() {
                parts.push(short_repr(vm, it)?);
            }
            Ok(format!("({}, ...)", parts.join(", ")))
        }
        other => vm.repr(other),
    }
}

/// `_format_coroutine`: `name() running at file:line` or `name() done,
/// defined at file:line`. A coroutine of the library written in Python
/// shows the CPython file and line it stands for (its lines' `# cpython:`
/// marks; an unmarked current line falls back to where its function is
/// defined there).
pub fn coroutine_repr(vm: &Vm, c: &Coroutine) -> String {
    let file = &*c.code.filename;
    // The marks name 3.11.7's places; the 3.10 mode shows 3.10.13's.
    let shown = |place: Option<(Rc<str>, u32)>| match (place, vm.python) {
        (Some((file, line)), PythonVersion::V3_10) => Some(py310::place(&file, line)),
        (place, _) => place,
    };
    let defined = shown(vm.cpython_place(file, c.code.first_line));
    if c.state.get() == CoroState::Closed {
        let (file, line) = defined.unwrap_or_else(|| (file.into(), c.code.first_line));
        format!("{}() done, defined at {}:{}", c.qualname, file, line)
    } else {
        let current = vm.coroutine_frame_line(c);
        let (file, line) = shown(vm.cpython_place(file, current))
            .or(defined)
            .unwrap_or_else(|| (file.into(), current));
        format!("{}() running at {}:{}", c.qualname, file, line)
    }
}

/// `_format_callback_source`: a callback as futures list it.
pub fn callback_repr(vm: &mut Vm, cb: &Value, args: &[Value]) -> PyResult<String> {
    let mut suffix = String::new();
    let mut func = cb.clone();
    let mut args: Vec<Value> = args.to_vec();
    let mut kwargs: Vec<(Value, Value)> = Vec::new();
    // functools.partial(f, *a, **k) shows as f(*a, **k)(...).
    for _ in 0..8 {
        let Value::Instance(inst) = &func else {
            break;
        };
        if &*inst.class.name != "partial" {
            break;
        }
        let inner = inst.attrs.borrow().get("func").cloned();
        let pargs = inst.attrs.borrow().get("args").cloned();
        let pkw = inst.attrs.borrow().get("keywords").cloned();
        let Some(inner) = inner else {
            break;
        };
        suffix = format!("{}{}", format_args(vm, &args, &kwargs)?, suffix);
        args = match pargs {
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => vec![],
        };
        kwargs = match pkw {
            Some(d @ Value::Dict(_)) => vm.mapping_items(&d)?,
            _ => vec![],
        };
        func = inner;
    }
    let name = match &func {
        Value::Function(f) => f.qualname.borrow().to_string(),
        Value::Native(n) => n.qualname.to_string(),
        Value::BoundMethod(m) => match &m.func {
            Value::Function(f) => f.qualname.borrow().to_string(),
            Value::Native(n) => n.qualname.to_string(),
            other => vm.repr(other)?,
        },
        other => vm.repr(other)?,
    };
    let mut out = format!("{}{}{}", name, format_args(vm, &args, &kwargs)?, suffix);
    match &func {
        Value::Function(f) if f.code.filename.starts_with('<') => {
            if let Some(at) = library_def_site(&f.qualname.borrow()) {
                out.push_str(&format!(" at {}{}", CPYTHON_ASYNCIO, at));
            }
        }
        Value::Function(f) => {
            out.push_str(&format!(" at {}:{}", f.code.filename, f.code.first_line));
        }
        Value::Native(n) if &*n.qualname == super::host::RUN_UNTIL_COMPLETE_CB => {
            out.push_str(&format!(" at {}base_events.py:180", CPYTHON_ASYNCIO));
        }
        _ => {}
    }
    Ok(out)
}

/// Where CPython 3.11.7's asyncio lives, as the corpus names it.
const CPYTHON_ASYNCIO: &str = "/usr/lib/python3.11/asyncio/";

/// Where CPython defines the library callbacks futures list (the
/// simulator's are in its own asyncio.py): the `at FILE:LINE` of their
/// reprs.
fn library_def_site(qualname: &str) -> Option<&'static str> {
    Some(match qualname {
        "gather.<locals>._done_callback" => "tasks.py:764",
        "shield.<locals>._inner_done_callback" => "tasks.py:891",
        "shield.<locals>._outer_done_callback" => "tasks.py:908",
        "_wait.<locals>._on_completion" => "tasks.py:519",
        "as_completed.<locals>._on_timeout" => "tasks.py:596",
        "as_completed.<locals>._on_completion" => "tasks.py:602",
        "_release_waiter" => "tasks.py:431",
        "_set_result_unless_cancelled" => "futures.py:311",
        "_chain_future.<locals>._set_state" => "futures.py:381",
        "_chain_future.<locals>._call_check_cancel" => "futures.py:387",
        "_chain_future.<locals>._call_set_state" => "futures.py:394",
        _ => return None,
    })
}

/// The `__qualname__` of the function a handle calls, as CPython's loop
/// would name it: `functools.partial` unwrapped, a bound method's
/// function. Runs no Python.
pub fn callback_qualname(cb: &Value) -> std::rc::Rc<str> {
    match cb {
        Value::Function(f) => f.qualname.borrow().clone(),
        Value::Native(n) => n.qualname.clone(),
        Value::BoundMethod(m) => callback_qualname(&m.func),
        Value::Instance(inst) if &*inst.class.name == "partial" => {
            match inst.attrs.borrow().get("func") {
                Some(f) => callback_qualname(f),
                None => "partial".into(),
            }
        }
        Value::Class(c) => c.qualname.clone(),
        other => other.type_name(),
    }
}

/// [`callback_repr`] without running Python: arguments shown with
/// `Vm::safe_repr`, for the debugger. Built by pushing into one string:
/// the recorder describes every handle the loop schedules.
pub fn callback_repr_safe(vm: &mut Vm, cb: &Value, args: &[Value]) -> String {
    let mut out = match cb {
        Value::Function(f) => f.qualname.borrow().to_string(),
        Value::Native(n) => match &n.bound {
            Some(b) => {
                let mut out = n.qualname.to_string();
                push_call(vm, &mut out, std::slice::from_ref(b));
                return out;
            }
            None => n.qualname.to_string(),
        },
        Value::BoundMethod(m) => match &m.func {
            Value::Function(f) => f.qualname.borrow().to_string(),
            Value::Native(n) => n.qualname.to_string(),
            other => vm.safe_repr(other, 1),
        },
        Value::Instance(inst) if &*inst.class.name == "partial" => {
            let inner = inst.attrs.borrow().get("func").cloned();
            let pargs = match inst.attrs.borrow().get("args").cloned() {
                Some(Value::Tuple(t)) => t.to_vec(),
                _ => vec![],
            };
            match inner {
                Some(f) => callback_repr_safe(vm, &f, &pargs),
                None => "partial".into(),
            }
        }
        other => vm.safe_repr(other, 1),
    };
    push_call(vm, &mut out, args);
    out
}

/// Appends `(a, b, ...)`, each argument as `Vm::safe_repr` shows it.
fn push_call(vm: &mut Vm, out: &mut String, args: &[Value]) {
    out.push('(');
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.safe_repr(a, 1));
    }
    out.push(')');
}

/// `_format_args_and_kwargs`: `(a, b, k=v)` with each value's short repr.
fn format_args(vm: &mut Vm, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<String> {
    let mut parts = Vec::new();
    for a in args {
        parts.push(short_repr(vm, a)?);
    }
    for (k, v) in kwargs {
        let key = vm.to_str(k)?;
        parts.push(format!("{}={}", key, short_repr(vm, v)?));
    }
    Ok(format!("({})", parts.join(", ")))
}

fn callbacks_repr(vm: &mut Vm, cbs: &[Value]) -> PyResult<String> {
    let parts = match cbs.len() {
        0 => return Ok(String::new()),
        1 => callback_repr(vm, &cbs[0], &[])?,
        2 => format!(
            "{}, {}",
            callback_repr(vm, &cbs[0], &[])?,
            callback_repr(vm, &cbs[1], &[])?
        ),
        n => format!(
            "{}, <{} more>, {}",
            callback_repr(vm, &cbs[0], &[])?,
            n - 2,
            callback_repr(vm, &cbs[n - 1], &[])?
        ),
    };
    Ok(format!("cb=[{}]", parts))
}

/// The repr of a future or task.
pub fn future_repr(vm: &mut Vm, f: &Fut) -> PyResult<String> {
    let (state, result, exception, callbacks) = {
        let c = f.core.borrow();
        (
            c.state,
            c.result.clone(),
            c.exception.clone(),
            c.callbacks
                .iter()
                .map(|(cb, _)| cb.clone())
                .collect::<Vec<_>>(),
        )
    };
    let mut info: Vec<String> = Vec::new();
    let mut state_name = match state {
        FutState::Pending => "pending",
        FutState::Cancelled => "cancelled",
        FutState::Finished => "finished",
    };
    if let Some(t) = &f.task {
        // 3.11 says so from the first cancel() until the task ends; 3.10
        // only while the cancellation waits for the task's next step.
        let cancelling = match vm.python {
            PythonVersion::V3_10 => t.must_cancel.get(),
            PythonVersion::V3_11 => t.cancels_requested.get() > 0,
        };
        if state == FutState::Pending && cancelling {
            state_name = "cancelling";
        }
    }
    info.push(state_name.to_string());
    if let Some(t) = &f.task {
        info.push(format!(
            "name={}",
            crate::vm::repr::str_repr(&t.name.borrow())
        ));
        match t.agen_awaitable {
            // `_format_coroutine` of an object without `__qualname__`.
            Some(kind) => info.push(format!("coro=<<{} without __name__>()>", kind)),
            None => info.push(format!("coro=<{}>", coroutine_repr(vm, &t.coro))),
        }
        let waiter = t.fut_waiter.borrow().clone();
        if let Some(w) = waiter {
            info.push(format!("wait_for={}", vm.repr(&w)?));
        }
    }
    if state == FutState::Finished {
        match exception {
            Some(e) => info.push(format!("exception={}", vm.repr(&e)?)),
            None => info.push(format!("result={}", short_repr(vm, &result)?)),
        }
    }
    if !callbacks.is_empty() {
        info.push(callbacks_repr(vm, &callbacks)?);
    }
    if let Some(at) = &*f.created_at.borrow() {
        info.push(format!("created at {}", at));
    }
    Ok(format!("<{} {}>", f.class.name, info.join(" ")))
}

/// The repr of a handle.
pub fn handle_repr(vm: &mut Vm, h: &Handle) -> PyResult<String> {
    let mut info: Vec<String> = Vec::new();
    let class = if h.when.is_some() {
        "TimerHandle"
    } else {
        "Handle"
    };
    if h.cancelled.get() {
        info.push("cancelled".into());
    }
    if let Some(w) = h.when {
        info.push(format!("when={}", crate::vm::pyfmt::float_repr(w)));
    }
    if !h.cancelled.get() {
        info.push(callback_repr(vm, &h.callback, &h.args)?);
    }
    if let Some(at) = &h.created_at {
        info.push(format!("created at {}", at));
    }
    Ok(format!("<{} {}>", class, info.join(" ")))
}
