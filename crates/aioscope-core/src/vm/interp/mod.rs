//! The bytecode loop. [`Vm::run_fiber`] runs a stack of frames until the
//! bottom one returns or raises, or the top one suspends; Python-to-Python
//! calls push frames instead of recursing, so a suspended coroutine chain
//! is just data.
//!
//! This file drives fibers and coroutines: [`Vm::run_fiber`] and the
//! entry points that build a fiber (`run_code`, `run_frame`, `resume`),
//! and the hand-over of frames between a fiber and the coroutine objects
//! that own them. The loop itself (`exec`) is in `exec.rs`; raising and
//! tracebacks, `async for` and `await`, closing dropped async generators
//! and building classes each have their own file.

mod async_iter;
mod classes;
mod exec;
mod finalize;
mod raise;

use std::any::Any;
use std::rc::Rc;

use crate::lang::bytecode::Code;
use crate::vm::frame::{Frame, OnReturn};
use crate::vm::namespace::NamespaceRequest;
use crate::vm::value::{
    AgenOp, AwaitPoll, CoroKind, CoroState, Coroutine, Module, PyErr, PyResult, Value,
};
use crate::vm::{Halt, Vm};

/// How a suspended fiber is continued.
#[derive(Clone)]
pub enum Resume {
    /// Continue with a value: the result of the pending `await`/`yield`
    /// (ignored when the frame awaits a future, whose result is used).
    Send(Value),
    /// Raise this exception at the suspension point.
    Throw(Value),
}

/// Why a fiber stopped without raising.
pub enum Outcome {
    /// The bottom frame returned.
    Return(Value),
    /// The top frame yielded (a future to wait on, a generator value, or
    /// `None` for a bare yield).
    Yield(Value),
    /// A native function asked the driver to block the thread.
    Suspend(Rc<dyn Any>),
}

/// What `_inspect._stack()` asks the fiber driver for: the frames of the
/// running fiber. The driver answers by pushing them as the call's result
/// (the call instruction has consumed its arguments already), so reading
/// the stack costs nothing until a program (logging's `findCaller`) asks.
pub struct StackRequest;

/// What a coroutine or generator did when resumed.
pub enum CoroOutcome {
    /// It suspended, yielding this value.
    Yield(Value),
    /// It finished with this value.
    Return(Value),
}

/// Where a Python frame is: its code and the instruction it runs or waits
/// at. The interpreter keeps the call sites of the frames below the one
/// running ([`Vm::call_sites`]), for what needs to know who called
/// (`warnings.warn`'s `stacklevel`, the frame a dying object's warning
/// names).
#[derive(Clone, Debug)]
pub struct CallSite {
    /// The code.
    pub code: Rc<Code>,
    /// The instruction.
    pub pc: u32,
}

impl CallSite {
    /// Where `frame` is: at the instruction it last ran.
    pub fn of(frame: &Frame) -> CallSite {
        CallSite {
            code: frame.code.clone(),
            pc: frame.pc.saturating_sub(1) as u32,
        }
    }
}

/// What made the instruction loop stop running the current frame.
enum Flow {
    Call(Box<Frame>),
    Return(Value),
    Yield(Value),
    /// An async generator's `yield`: the value is what the `__anext__()`
    /// being awaited returns, and the generator's frame goes back into it.
    AsyncYield(Value),
    Delegate(Rc<Coroutine>),
}

/// A frame that ends while a traceback refers to it gives its variables
/// to the traceback, as CPython's frame object takes them over: they live
/// as long as that traceback (often in a cycle, so until the end). Returns
/// whether it did.
fn keep_if_referenced(frame: &mut Frame) -> bool {
    let Some(slot) = frame.kept.take() else {
        return false;
    };
    if Rc::strong_count(&slot) == 1 {
        return false;
    }
    let mut kept = slot.borrow_mut();
    kept.locals = std::mem::take(&mut frame.locals);
    kept.cells = std::mem::take(&mut frame.cells);
    true
}

impl Vm {
    /// Runs a module body (or any code without arguments) to completion in
    /// its own fiber.
    pub fn run_code(&mut self, code: Rc<Code>, module: Rc<Module>) -> PyResult<Value> {
        let frame = Box::new(Frame::new(code, module));
        self.run_frame(frame)
    }

    /// Runs one frame to completion in a nested fiber (native code calling
    /// back into Python).
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult<Value> {
        if self.native_depth >= self.limits.native_depth {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        self.frame_depth += 1;
        let mut fiber = vec![frame];
        let result = self.run_fiber(&mut fiber, None);
        self.native_depth -= 1;
        self.frame_depth -= fiber.len() as u32;
        match result? {
            Outcome::Return(v) => Ok(v),
            Outcome::Yield(_) => Err(PyErr::Halt(Halt::Internal(
                "a plain function frame yielded".into(),
            ))),
            Outcome::Suspend(_) => Err(self.new_error(
                "RuntimeError",
                "this blocking call cannot be made from inside a callback of native code",
            )),
        }
    }

    /// Resumes a coroutine or generator: rebuilds its fiber from the chain
    /// of coroutines it awaits, delivers `how`, runs, and on suspension puts
    /// every frame back into its coroutine.
    pub fn resume(&mut self, coro: &Rc<Coroutine>, how: Resume) -> PyResult<CoroOutcome> {
        coro.touched.set(true);
        // A task driving an `aclose()` (the loop closing an async generator).
        let op = coro.op.borrow_mut().take();
        let how = match op {
            Some(op) if coro.kind == CoroKind::AsyncGenerator => {
                match (coro.state.get(), op) {
                    (CoroState::Created | CoroState::Closed, AgenOp::Close) => {
                        coro.state.set(CoroState::Closed);
                        coro.frame.borrow_mut().take();
                        return Ok(CoroOutcome::Return(Value::None));
                    }
                    (_, AgenOp::Close) => {
                        coro.closing.set(true);
                        match how {
                            // As 3.11's aclose() awaitable: an exception
                            // thrown into it before it started (a task
                            // cancelled at shutdown) goes straight into the
                            // generator, and the next send still closes it.
                            Resume::Throw(e) => {
                                coro.op.replace(Some(AgenOp::Close));
                                Resume::Throw(e)
                            }
                            Resume::Send(_) => {
                                Resume::Throw(self.new_exception("GeneratorExit", vec![]))
                            }
                        }
                    }
                    (_, AgenOp::Throw(e)) => Resume::Throw(e),
                    (_, AgenOp::Send(v)) => Resume::Send(v),
                }
            }
            _ => how,
        };
        match coro.state.get() {
            CoroState::Running => {
                let what = coro.kind.word();
                return Err(self.new_error("ValueError", &format!("{} already executing", what)));
            }
            CoroState::Closed => {
                return match (how, coro.kind) {
                    (Resume::Throw(e), _) => Err(PyErr::Exception(e)),
                    (Resume::Send(_), CoroKind::Coroutine) => {
                        Err(self
                            .new_error("RuntimeError", "cannot reuse already awaited coroutine"))
                    }
                    (Resume::Send(_), CoroKind::Generator) => {
                        Err(self.new_error_args("StopIteration", vec![]))
                    }
                    (Resume::Send(_), CoroKind::AsyncGenerator) => {
                        Err(self.new_error_args("StopAsyncIteration", vec![]))
                    }
                };
            }
            CoroState::Created => {
                // A task's `__anext__()` may be a generator's first step
                // (CPython's firstiter hook sees it there too).
                if coro.kind == CoroKind::AsyncGenerator {
                    self.async_generators.push(Rc::downgrade(coro));
                }
                if let Resume::Send(v) = &how {
                    if !matches!(v, Value::None) {
                        let what = coro.kind.word();
                        return Err(self.new_error(
                            "TypeError",
                            &format!("can't send non-None value to a just-started {}", what),
                        ));
                    }
                }
            }
            CoroState::Suspended => {}
        }
        let mut fiber: Vec<Box<Frame>> = Vec::new();
        let mut cur = coro.clone();
        loop {
            let Some(mut frame) = cur.frame.borrow_mut().take() else {
                return Err(PyErr::Halt(Halt::Internal(
                    "a suspended coroutine without a frame".into(),
                )));
            };
            frame.owner = Some(cur.clone());
            let was_created = cur.state.get() == CoroState::Created;
            cur.state.set(CoroState::Running);
            fiber.push(frame);
            if was_created {
                break;
            }
            let next = match &*cur.awaiting.borrow() {
                Some(Value::Coroutine(next)) => Some(next.clone()),
                _ => None,
            };
            match next {
                Some(n) => cur = n,
                None => break,
            }
        }
        // The innermost coroutine no longer waits on what it yielded.
        *cur.awaiting.borrow_mut() = None;
        let depth = fiber.len() as u32;
        if self.frame_depth + depth > self.limits.frames + 50 {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.frame_depth += depth;
        let started_created = matches!(fiber.last().map(|f| f.pc), Some(0));
        let resume = match how {
            // A fresh frame has nothing to receive a sent None.
            Resume::Send(_) if started_created => None,
            other => Some(other),
        };
        let result = self.run_fiber(&mut fiber, resume);
        self.frame_depth -= fiber.len() as u32;
        match result {
            Ok(Outcome::Return(v)) => Ok(CoroOutcome::Return(v)),
            Ok(Outcome::Yield(v)) => {
                self.park(fiber);
                Ok(CoroOutcome::Yield(v))
            }
            Ok(Outcome::Suspend(_)) => {
                let err = self.new_error(
                    "RuntimeError",
                    "a blocking call that needs its own thread was made inside a coroutine",
                );
                self.abandon(fiber);
                Err(err)
            }
            Err(e) => {
                self.abandon(fiber);
                Err(e)
            }
        }
    }

    /// Puts the frames of a suspended fiber back into their coroutines.
    // Frames move between fibers and coroutine objects; boxed, each move is
    // a pointer copy.
    #[allow(clippy::vec_box)]
    fn park(&mut self, fiber: Vec<Box<Frame>>) {
        for mut frame in fiber.into_iter() {
            let Some(owner) = frame.owner.take() else {
                continue;
            };
            owner.state.set(CoroState::Suspended);
            owner.last_line.set(frame.current_line());
            *owner.frame.borrow_mut() = Some(frame);
        }
    }

    /// Closes the coroutines of frames left on a fiber that failed.
    #[allow(clippy::vec_box)]
    fn abandon(&mut self, fiber: Vec<Box<Frame>>) {
        for frame in fiber {
            if let Some(owner) = &frame.owner {
                owner.state.set(CoroState::Closed);
                owner.last_line.set(frame.current_line());
                *owner.awaiting.borrow_mut() = None;
            }
        }
    }

    /// Delivers a resumption to the top frame of a fiber.
    fn deliver(&mut self, frame: &mut Frame, how: Resume) -> PyResult<()> {
        match how {
            Resume::Send(v) => {
                if let Some(awaited) = frame.awaited.take() {
                    let v = match &awaited {
                        Value::Object(o) => match o.poll_await(self) {
                            Some(AwaitPoll::Ready(r)) => r?,
                            Some(AwaitPoll::YieldOnce) => Value::None,
                            _ => {
                                return Err(
                                    self.new_error("RuntimeError", "await wasn't used with future")
                                )
                            }
                        },
                        _ => v,
                    };
                    frame.stack.push(v);
                } else {
                    frame.stack.push(v);
                }
                Ok(())
            }
            Resume::Throw(e) => {
                frame.awaited = None;
                Err(PyErr::Exception(e))
            }
        }
    }

    /// Runs a fiber (a stack of frames) until its bottom frame returns or
    /// raises, or the top frame suspends. `resume` is delivered to the top
    /// frame first.
    pub fn run_fiber(
        &mut self,
        fiber: &mut Vec<Box<Frame>>,
        resume: Option<Resume>,
    ) -> PyResult<Outcome> {
        // The call sites of the frames below the top: each waits at the
        // instruction that called (or awaits) the one above it.
        let base = self.call_sites.len();
        for f in fiber.iter().take(fiber.len().saturating_sub(1)) {
            self.call_sites.push(CallSite::of(f));
        }
        let r = self.run_fiber_from(fiber, resume, base);
        self.call_sites.truncate(base);
        r
    }

    /// [`Self::run_fiber`], with the call sites of the fiber's frames
    /// pushed from `base` on.
    #[allow(clippy::vec_box)]
    fn run_fiber_from(
        &mut self,
        fiber: &mut Vec<Box<Frame>>,
        resume: Option<Resume>,
        base: usize,
    ) -> PyResult<Outcome> {
        let mut pending: Option<PyErr> = None;
        if let Some(how) = resume {
            let top = fiber.last_mut().expect("a fiber has frames");
            if let Err(e) = self.deliver(top, how) {
                pending = Some(e);
            }
        }
        loop {
            let result = match pending.take() {
                Some(e) => Err(e),
                None => {
                    let top = fiber.last_mut().expect("a fiber has frames");
                    self.exec(top)
                }
            };
            match result {
                Ok(Flow::Call(mut frame)) => {
                    if let Some(caller) = fiber.last() {
                        frame.caller_hit = caller.hit;
                        // A function called while its caller handles an
                        // exception sees it (bare `raise`, `__context__`,
                        // `sys.exc_info()`), as in CPython.
                        if let Some(e) = caller.handling.last() {
                            frame.handling.push(e.clone());
                        }
                    }
                    if self.frame_depth >= self.limits.frames {
                        pending = Some(
                            self.new_error("RecursionError", "maximum recursion depth exceeded"),
                        );
                        continue;
                    }
                    self.frame_depth += 1;
                    if let Some(caller) = fiber.last() {
                        self.call_sites.push(CallSite::of(caller));
                    }
                    fiber.push(frame);
                }
                Ok(Flow::Return(v)) => {
                    let mut done = fiber.pop().expect("a fiber has frames");
                    self.call_sites
                        .truncate(base + fiber.len().saturating_sub(1));
                    self.frame_depth -= 1;
                    if self.debug.is_some() {
                        self.frame_returned(&done);
                    }
                    if !keep_if_referenced(&mut done) {
                        self.drop_locals(&done)?;
                        // The frame's variables go now: what dies with them
                        // is reported at the caller, as in CPython.
                        crate::vm::finalizers::release_frame_vars(
                            std::mem::take(&mut done.locals),
                            std::mem::take(&mut done.cells),
                        );
                    }
                    if let Some(caller) = fiber.last() {
                        self.settle(caller);
                    }
                    if let Some(owner) = &done.owner {
                        owner.state.set(CoroState::Closed);
                        owner.last_line.set(done.current_line());
                        *owner.awaiting.borrow_mut() = None;
                    }
                    // An async generator that returns ends the `async for`
                    // awaiting its next item.
                    let exhausted = done
                        .owner
                        .as_ref()
                        .is_some_and(|o| o.kind == CoroKind::AsyncGenerator);
                    let closed = exhausted
                        && done
                            .owner
                            .as_ref()
                            .is_some_and(|o| o.closing.replace(false));
                    if closed {
                        // The end of an `aclose()`: it returns None.
                        let Some(caller) = fiber.last_mut() else {
                            return Ok(Outcome::Return(Value::None));
                        };
                        if let Some(co) = &caller.owner {
                            *co.awaiting.borrow_mut() = None;
                        }
                        caller.stack.push(Value::None);
                        continue;
                    }
                    if exhausted {
                        let stop = self.new_error_args("StopAsyncIteration", vec![]);
                        if let Some(co) = fiber.last().and_then(|c| c.owner.as_ref()) {
                            *co.awaiting.borrow_mut() = None;
                        }
                        if fiber.is_empty() {
                            return Err(stop);
                        }
                        pending = Some(stop);
                        continue;
                    }
                    let Some(caller) = fiber.last_mut() else {
                        // Native code called a class: its `__init__` ran
                        // as the bottom frame, and the call gives the
                        // instance.
                        if let OnReturn::Init(instance) = &done.on_return {
                            if !matches!(v, Value::None) {
                                return Err(self.new_error(
                                    "TypeError",
                                    &format!(
                                        "__init__() should return None, not '{}'",
                                        v.type_name()
                                    ),
                                ));
                            }
                            return Ok(Outcome::Return(instance.clone()));
                        }
                        return Ok(Outcome::Return(v));
                    };
                    if done.owner.is_some() {
                        if let Some(co) = &caller.owner {
                            *co.awaiting.borrow_mut() = None;
                        }
                    }
                    match &done.on_return {
                        OnReturn::Push => caller.stack.push(v),
                        OnReturn::Discard => {}
                        OnReturn::Init(instance) => {
                            if matches!(v, Value::None) {
                                caller.stack.push(instance.clone());
                            } else {
                                pending = Some(self.new_error(
                                    "TypeError",
                                    &format!(
                                        "__init__() should return None, not '{}'",
                                        v.type_name()
                                    ),
                                ));
                            }
                        }
                    }
                    // Its locals are gone: an object only they held died.
                    if self.weakrefs.watching() {
                        drop(done);
                        self.poll_weakrefs()?;
                    }
                }
                Ok(Flow::Yield(v)) => return Ok(Outcome::Yield(v)),
                Ok(Flow::AsyncYield(v)) => {
                    let done = fiber.pop().expect("a fiber has frames");
                    self.call_sites
                        .truncate(base + fiber.len().saturating_sub(1));
                    self.frame_depth -= 1;
                    let ignored = done
                        .owner
                        .as_ref()
                        .is_some_and(|o| o.closing.replace(false));
                    let mut done = done;
                    if let Some(owner) = done.owner.take() {
                        owner.state.set(CoroState::Suspended);
                        owner.last_line.set(done.current_line());
                        *owner.awaiting.borrow_mut() = None;
                        *owner.frame.borrow_mut() = Some(done);
                    }
                    if let Some(co) = fiber.last().and_then(|c| c.owner.as_ref()) {
                        *co.awaiting.borrow_mut() = None;
                    }
                    if ignored {
                        let e =
                            self.new_error("RuntimeError", "async generator ignored GeneratorExit");
                        if fiber.is_empty() {
                            return Err(e);
                        }
                        pending = Some(e);
                        continue;
                    }
                    let Some(caller) = fiber.last_mut() else {
                        // A task drives the generator's `__anext__()` or
                        // `asend()` itself (`wait_for(agen.__anext__(), t)`):
                        // that awaitable is done, with the value.
                        return Ok(Outcome::Return(v));
                    };
                    caller.stack.push(v);
                }
                Ok(Flow::Delegate(coro)) => {
                    let caller = fiber.last_mut().expect("a fiber has frames");
                    let caller_hit = caller.hit;
                    match self.enter_coroutine(caller, &coro) {
                        Ok((mut frame, resume)) => {
                            frame.caller_hit = caller_hit;
                            self.frame_depth += 1;
                            if let Some(caller) = fiber.last() {
                                self.call_sites.push(CallSite::of(caller));
                            }
                            fiber.push(frame);
                            if let Some(how) = resume {
                                let top = fiber.last_mut().expect("just pushed");
                                if let Err(e) = self.deliver(top, how) {
                                    pending = Some(e);
                                }
                            }
                        }
                        Err(e) => pending = Some(e),
                    }
                }
                Err(PyErr::Exception(exc)) => {
                    // Unwind to the nearest handler, recording the traceback.
                    let mut exc = exc;
                    let mut first = true;
                    loop {
                        let Some(frame) = fiber.last_mut() else {
                            return Err(PyErr::Exception(exc));
                        };
                        self.note_frame(&exc, frame, first);
                        first = false;
                        if let Some(block) = frame.blocks.pop() {
                            // What the handler does not keep goes away now:
                            // an `async for`'s generator among it is closed.
                            let level = (block.level as usize).min(frame.stack.len());
                            let dropped = frame.stack.split_off(level);
                            for v in &dropped {
                                let _ = self.dropping(v);
                            }
                            drop(dropped);
                            // Still in this frame, as CPython's unwinding:
                            // what died names its line.
                            self.settle(frame);
                            frame.handling.truncate(block.handling as usize);
                            frame.stack.push(exc);
                            frame.pc = block.handler as usize;
                            frame.awaited = None;
                            break;
                        }
                        let mut done = fiber.pop().expect("checked above");
                        self.call_sites
                            .truncate(base + fiber.len().saturating_sub(1));
                        self.frame_depth -= 1;
                        // The stack goes at once; the locals stay with the
                        // traceback, as in CPython.
                        for v in std::mem::take(&mut done.stack).into_iter().rev() {
                            let _ = self.dropping(&v);
                        }
                        // CPython empties the stack before it leaves the
                        // frame: a coroutine that dies with it ("never
                        // awaited") names this frame's line.
                        self.settle(&done);
                        // An async generator only this frame refers to is
                        // closed by the loop now, not when the traceback
                        // that keeps the locals dies (often unseen, as for
                        // the GeneratorExit of an `aclose()`).
                        let _ = self.drop_locals(&done);
                        keep_if_referenced(&mut done);
                        if let Some(owner) = &done.owner {
                            owner.state.set(CoroState::Closed);
                            owner.last_line.set(done.current_line());
                            *owner.awaiting.borrow_mut() = None;
                            // An `aclose()` is done when GeneratorExit (or
                            // the end of the iteration) comes out.
                            if owner.closing.replace(false)
                                && (self.is_instance_of(&exc, "GeneratorExit")
                                    || self.is_instance_of(&exc, "StopAsyncIteration"))
                            {
                                let Some(caller) = fiber.last_mut() else {
                                    return Ok(Outcome::Return(Value::None));
                                };
                                if let Some(co) = &caller.owner {
                                    *co.awaiting.borrow_mut() = None;
                                }
                                caller.stack.push(Value::None);
                                break;
                            }
                            // A StopIteration escaping a generator or
                            // coroutine becomes a RuntimeError (PEP 479), and
                            // so does a StopAsyncIteration escaping an async
                            // generator.
                            let escaped = if self.is_instance_of(&exc, "StopIteration") {
                                Some("StopIteration")
                            } else if owner.kind == CoroKind::AsyncGenerator
                                && self.is_instance_of(&exc, "StopAsyncIteration")
                            {
                                Some("StopAsyncIteration")
                            } else {
                                None
                            };
                            if let Some(stop) = escaped {
                                let what = match owner.kind {
                                    CoroKind::AsyncGenerator => "async generator",
                                    other => other.word(),
                                };
                                let new = self.new_exception(
                                    "RuntimeError",
                                    vec![Value::str(&format!("{} raised {}", what, stop))],
                                );
                                if let Some(d) = new.exc() {
                                    d.borrow_mut().cause = Some(exc.clone());
                                    d.borrow_mut().context = Some(exc.clone());
                                }
                                exc = new;
                            }
                        }
                        if fiber.is_empty() {
                            return Err(PyErr::Exception(exc));
                        }
                    }
                }
                Err(PyErr::Suspend(req)) if req.is::<StackRequest>() => {
                    let frames = fiber
                        .iter()
                        .map(|f| {
                            Value::tuple(vec![
                                Value::Str(f.code.filename.clone()),
                                Value::Int(f.current_line() as i64),
                                Value::Str(f.code.name.clone()),
                            ])
                        })
                        .collect();
                    if let Some(top) = fiber.last_mut() {
                        top.stack.push(Value::list(frames));
                    }
                }
                Err(PyErr::Suspend(req)) if req.is::<NamespaceRequest>() => {
                    let asked = req.downcast_ref::<NamespaceRequest>().copied();
                    if let (Some(asked), Some(top)) = (asked, fiber.last_mut()) {
                        let v = self.namespace_of(asked, top);
                        top.stack.push(v);
                    }
                }
                // The top frame stays as it is: resuming pushes the value the
                // blocking call returns.
                Err(PyErr::Suspend(req)) => return Ok(Outcome::Suspend(req)),
                Err(other) => return Err(other),
            }
        }
    }

    /// Takes the frame of a coroutine being awaited (or a generator being
    /// delegated to by `yield from`).
    fn enter_coroutine(
        &mut self,
        caller: &mut Frame,
        coro: &Rc<Coroutine>,
    ) -> PyResult<(Box<Frame>, Option<Resume>)> {
        coro.touched.set(true);
        match coro.state.get() {
            CoroState::Running => {
                return Err(self.new_error("RuntimeError", "coroutine is being awaited already"))
            }
            CoroState::Closed => {
                return Err(self.new_error("RuntimeError", "cannot reuse already awaited coroutine"))
            }
            _ => {}
        }
        let created = coro.state.get() == CoroState::Created;
        if created && coro.kind == CoroKind::AsyncGenerator {
            self.async_generators.push(Rc::downgrade(coro));
        }
        let Some(mut frame) = coro.frame.borrow_mut().take() else {
            return Err(PyErr::Halt(Halt::Internal(
                "a coroutine without a frame".into(),
            )));
        };
        frame.owner = Some(coro.clone());
        coro.state.set(CoroState::Running);
        if let Some(owner) = &caller.owner {
            *owner.awaiting.borrow_mut() = Some(Value::Coroutine(coro.clone()));
        }
        let op = coro.op.borrow_mut().take();
        let resume = match op {
            Some(AgenOp::Throw(e)) => Some(Resume::Throw(e)),
            Some(AgenOp::Close) => {
                coro.closing.set(true);
                Some(Resume::Throw(self.new_exception("GeneratorExit", vec![])))
            }
            Some(AgenOp::Send(v)) if !created => Some(Resume::Send(v)),
            _ if created => None,
            _ => Some(Resume::Send(Value::None)),
        };
        Ok((frame, resume))
    }

    /// Whether awaiting or iterating ended a coroutine or generator.
    pub fn coroutine_frame_line(&self, coro: &Coroutine) -> u32 {
        match &*coro.frame.borrow() {
            Some(f) => f.current_line(),
            None => coro.last_line.get(),
        }
    }
}
