//! `async for` and `await`: the async-iteration protocol (`__aiter__`,
//! `__anext__`), the awaitable behind an `await`, and the pending operation
//! of an async generator being awaited (`agen_settle`).

use std::rc::Rc;

use crate::vm::value::{AgenOp, Args, CoroKind, CoroState, Coroutine, PyErr, PyResult, Value};
use crate::vm::Vm;

impl Vm {
    /// Awaiting an async generator performs its pending operation. Where no
    /// frame needs to run (it is closed, or closed or thrown into before it
    /// started) this is the result; `None`: its frame runs, and entering it
    /// delivers the operation.
    pub(super) fn agen_settle(&mut self, c: &Rc<Coroutine>) -> PyResult<Option<Value>> {
        let op = c.op.borrow().clone().unwrap_or(AgenOp::Send(Value::None));
        let state = c.state.get();
        if state == CoroState::Running {
            c.op.take();
            return Err(self.new_error(
                "RuntimeError",
                "anext(): asynchronous generator is already running",
            ));
        }
        if state == CoroState::Created && !matches!(op, AgenOp::Send(_)) {
            c.state.set(CoroState::Closed);
            c.frame.borrow_mut().take();
        }
        let settled = match (state, op) {
            (CoroState::Created | CoroState::Closed, AgenOp::Close) => Ok(Some(Value::None)),
            (CoroState::Created | CoroState::Closed, AgenOp::Throw(e)) => Err(PyErr::Exception(e)),
            (CoroState::Closed, AgenOp::Send(_)) => {
                Err(self.new_error_args("StopAsyncIteration", vec![]))
            }
            (CoroState::Created, AgenOp::Send(v)) if !matches!(v, Value::None) => Err(self
                .new_error(
                    "TypeError",
                    "can't send non-None value to a just-started async generator",
                )),
            _ => return Ok(None),
        };
        c.op.take();
        settled
    }

    /// `async for`'s `__aiter__()`.
    pub(super) fn async_iter(&mut self, v: Value) -> PyResult<Value> {
        if matches!(&v, Value::Coroutine(c) if c.kind == CoroKind::AsyncGenerator) {
            return Ok(v);
        }
        let Some(m) = self.lookup_method(&v, "__aiter__")? else {
            return Err(self.new_error(
                "TypeError",
                &format!(
                    "'async for' requires an object with __aiter__ method, got {}",
                    v.type_name()
                ),
            ));
        };
        let it = self.call(&m, Args::new(vec![v]))?;
        if !matches!(&it, Value::Coroutine(c) if c.kind == CoroKind::AsyncGenerator)
            && self.lookup_method(&it, "__anext__")?.is_none()
        {
            return Err(self.new_error(
                "TypeError",
                &format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    it.type_name()
                ),
            ));
        }
        Ok(it)
    }

    /// `async for`'s awaitable for the next item: an async generator is
    /// awaited itself (its frame runs to its next `yield`).
    pub(super) fn async_next(&mut self, it: &Value) -> PyResult<Value> {
        if let Value::Coroutine(c) = it {
            if c.kind == CoroKind::AsyncGenerator {
                return match c.state.get() {
                    CoroState::Closed => Err(self.new_error_args("StopAsyncIteration", vec![])),
                    CoroState::Running => Err(self.new_error(
                        "RuntimeError",
                        "anext(): asynchronous generator is already running",
                    )),
                    _ => {
                        c.op.replace(Some(AgenOp::Send(Value::None)));
                        Ok(it.clone())
                    }
                };
            }
        }
        let Some(m) = self.lookup_method(it, "__anext__")? else {
            return Err(self.new_error(
                "TypeError",
                &format!(
                    "'async for' requires an iterator with __anext__ method, got {}",
                    it.type_name()
                ),
            ));
        };
        let next = self.call(&m, Args::new(vec![it.clone()]))?;
        let what = next.type_name();
        self.get_awaitable(next).map_err(|_| {
            self.new_error(
                "TypeError",
                &format!("'async for' received an invalid object from __anext__: {what}"),
            )
        })
    }

    /// `await x`: the awaitable behind `x`, or CPython's `TypeError`.
    pub(super) fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            // What `__anext__()`, `asend()`, `athrow()` or `aclose()` returned.
            Value::Coroutine(c)
                if c.kind == CoroKind::AsyncGenerator && c.op.borrow().is_some() =>
            {
                Ok(v)
            }
            Value::Coroutine(c) if c.kind == CoroKind::Coroutine => Ok(v),
            // An old-style coroutine (`@types.coroutine`, `@asyncio.coroutine`).
            Value::Coroutine(c)
                if c.kind == CoroKind::Generator && c.code.flags.iterable_coroutine =>
            {
                Ok(v)
            }
            Value::Object(o) if o.poll_await(self).is_some() => Ok(v),
            Value::Instance(_) => {
                if let Some(m) = self.lookup_method(&v, "__await__")? {
                    let it = self.call(&m, Args::new(vec![v.clone()]))?;
                    return match it {
                        Value::Coroutine(c) if c.kind == CoroKind::Generator || c.wrapped.get() => {
                            Ok(Value::Coroutine(c))
                        }
                        Value::Coroutine(c) if c.kind == CoroKind::Coroutine => {
                            Err(self.new_error("TypeError", "__await__() returned a coroutine"))
                        }
                        Value::Coroutine(_) | Value::Object(_) => Ok(it),
                        other => Err(self.new_error(
                            "TypeError",
                            &format!(
                                "__await__() returned non-iterator of type '{}'",
                                other.type_name()
                            ),
                        )),
                    };
                }
                Err(self.new_error(
                    "TypeError",
                    &format!(
                        "object {} can't be used in 'await' expression",
                        v.type_name()
                    ),
                ))
            }
            _ => Err(self.new_error(
                "TypeError",
                &format!(
                    "object {} can't be used in 'await' expression",
                    v.type_name()
                ),
            )),
        }
    }

    /// `yield from x`'s operand (CPython's `GET_YIELD_FROM_ITER`): a
    /// generator or an awaitable native object (a future) as it is, a
    /// coroutine only inside an old-style coroutine, else `iter(x)`.
    pub(super) fn yield_from_iter(&mut self, v: Value, in_coroutine: bool) -> PyResult<Value> {
        match &v {
            Value::Coroutine(c) if c.kind == CoroKind::Coroutine => {
                // `wrapped`: what a coroutine's `__await__()` gave (an
                // iterator in CPython), delegated to from any generator.
                if in_coroutine || c.wrapped.get() {
                    Ok(v)
                } else {
                    Err(self.new_error(
                        "TypeError",
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ))
                }
            }
            Value::Coroutine(c) if c.kind == CoroKind::Generator => Ok(v),
            Value::Object(o) if o.is_awaitable() => Ok(v),
            _ => self.iter(&v),
        }
    }
}
