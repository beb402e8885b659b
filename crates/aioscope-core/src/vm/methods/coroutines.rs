//! The methods of generators, coroutines and async generators (`send`,
//! `throw`, `close`, `__anext__`, `asend`, `athrow`, `aclose`): driving a
//! suspended frame from native code.

use std::rc::Rc;

use super::args::descriptor_error;
use crate::vm::interp::{CoroOutcome, Resume};
use crate::vm::value::{AgenOp, Args, CoroKind, CoroState, Coroutine, PyErr, PyResult, Value};
use crate::vm::Vm;

fn coro_of(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Rc<Coroutine>> {
    match args.pos.first() {
        Some(Value::Coroutine(c)) => Ok(c.clone()),
        other => Err(descriptor_error(vm, name, "generator", other)),
    }
}

fn outcome_value(vm: &mut Vm, r: CoroOutcome) -> PyResult<Value> {
    match r {
        CoroOutcome::Yield(v) => Ok(v),
        CoroOutcome::Return(v) => {
            let args = if matches!(v, Value::None) {
                vec![]
            } else {
                vec![v]
            };
            Err(vm.new_error_args("StopIteration", args))
        }
    }
}

pub(super) fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = coro_of(vm, &args, "send")?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let r = vm.resume(&c, Resume::Send(v))?;
    outcome_value(vm, r)
}

/// `coroutine.__await__()`: the coroutine itself, marked as reached
/// through CPython's `coroutine_wrapper` (see [`Coroutine::wrapped`]).
pub(super) fn coro_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Coroutine(c)) if c.kind == CoroKind::Coroutine => {
            c.wrapped.set(true);
            Ok(Value::Coroutine(c.clone()))
        }
        other => Err(descriptor_error(vm, "__await__", "coroutine", other)),
    }
}

/// `gen.__next__()`: `next(gen)`, whose `StopIteration` carries what the
/// generator returned.
pub(super) fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = coro_of(vm, &args, "__next__")?;
    if c.kind != CoroKind::Generator {
        return Err(descriptor_error(
            vm,
            "__next__",
            "generator",
            args.pos.first(),
        ));
    }
    let r = vm.resume(&c, Resume::Send(Value::None))?;
    outcome_value(vm, r)
}

/// `it.__iter__()` of iterators and generators: the object itself.
pub(super) fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

/// `it.__next__()` of the built-in iterators.
pub(super) fn iterator_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = args.pos.first().cloned().unwrap_or(Value::None);
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(vm.new_error_args("StopIteration", vec![])),
    }
}

pub(super) fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = coro_of(vm, &args, "throw")?;
    let e = args.pos.get(1).cloned().unwrap_or(Value::None);
    let e = vm.make_exception(e)?;
    let r = vm.resume(&c, Resume::Throw(e))?;
    outcome_value(vm, r)
}

/// The async generator `args` is called on, with `op` as what awaiting it
/// does next: the generator is its own awaitable (see `Vm::agen_settle`).
fn agen_arm(vm: &mut Vm, args: &Args, name: &str, op: AgenOp) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Coroutine(c)) if c.kind == CoroKind::AsyncGenerator => {
            c.op.replace(Some(op));
            Ok(Value::Coroutine(c.clone()))
        }
        other => Err(descriptor_error(vm, name, "async_generator", other)),
    }
}

pub(super) fn agen_aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(v @ Value::Coroutine(c)) if c.kind == CoroKind::AsyncGenerator => Ok(v.clone()),
        other => Err(descriptor_error(vm, "__aiter__", "async_generator", other)),
    }
}

pub(super) fn agen_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    agen_arm(vm, &args, "__anext__", AgenOp::Send(Value::None))
}

pub(super) fn agen_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    agen_arm(vm, &args, "asend", AgenOp::Send(v))
}

/// `athrow(exc)` or `athrow(type, value, traceback)`.
pub(super) fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = match (args.pos.get(1), args.pos.get(2)) {
        (_, Some(v)) if !matches!(v, Value::None) => v.clone(),
        (Some(t), _) => t.clone(),
        (None, _) => {
            return Err(vm.new_error("TypeError", "athrow expected at least 1 argument, got 0"))
        }
    };
    let e = vm.make_exception(e)?;
    agen_arm(vm, &args, "athrow", AgenOp::Throw(e))
}

pub(super) fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    agen_arm(vm, &args, "aclose", AgenOp::Close)
}

pub(super) fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = coro_of(vm, &args, "close")?;
    match c.state.get() {
        CoroState::Created => {
            c.state.set(CoroState::Closed);
            c.frame.borrow_mut().take();
            c.touched.set(true);
            Ok(Value::None)
        }
        CoroState::Closed => Ok(Value::None),
        _ => {
            let e = vm.new_exception("GeneratorExit", vec![]);
            match vm.resume(&c, Resume::Throw(e)) {
                Ok(CoroOutcome::Yield(_)) => {
                    let msg = format!("{} ignored GeneratorExit", c.kind.word());
                    Err(vm.new_error("RuntimeError", &msg))
                }
                Ok(CoroOutcome::Return(_)) => Ok(Value::None),
                Err(PyErr::Exception(e))
                    if vm.is_instance_of(&e, "GeneratorExit")
                        || vm.is_instance_of(&e, "StopIteration") =>
                {
                    Ok(Value::None)
                }
                Err(e) => Err(e),
            }
        }
    }
}
