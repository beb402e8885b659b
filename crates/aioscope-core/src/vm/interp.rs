//! The bytecode loop. [`Vm::run_fiber`] runs a stack of frames until the
//! bottom one returns or raises, or the top one suspends; Python-to-Python
//! calls push frames instead of recursing, so a suspended coroutine chain
//! is just data.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::ast::{BinOp, CmpOp, UnaryOp};
use crate::lang::bytecode::{Code, CodeKind, Const, Instr};

use super::call::Invoked;
use super::dict::{Dict, Key};
use super::frame::{Block, Frame, OnReturn};
use super::value::{
    AgenOp, Args, AwaitPoll, CoroKind, CoroState, Coroutine, Function, Module, PyErr, PyResult,
    Value,
};
use super::{Halt, LineEvent, Vm};

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

/// What a coroutine or generator did when resumed.
pub enum CoroOutcome {
    /// It suspended, yielding this value.
    Yield(Value),
    /// It finished with this value.
    Return(Value),
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

/// Marks "no `self`" in the slot `LoadMethod` fills: a cell can never be a
/// method receiver, because Python code cannot reach cell objects.
fn no_self() -> Value {
    Value::Cell(Rc::new(RefCell::new(None)))
}

fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::Float(f) => Value::Float(*f),
        Const::Str(s) => Value::Str(s.clone()),
        Const::Bytes(b) => Value::Bytes(b.clone()),
        Const::Ellipsis => Value::Ellipsis,
        Const::Tuple(items) => Value::Tuple(items.iter().map(const_value).collect()),
        Const::Code(_) | Const::Names(_) => Value::None,
    }
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
            let Some(frame) = cur.frame.borrow_mut().take() else {
                return Err(PyErr::Halt(Halt::Internal(
                    "a suspended coroutine without a frame".into(),
                )));
            };
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
        for frame in fiber.into_iter() {
            let Some(owner) = frame.owner.clone() else {
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
                Ok(Flow::Call(frame)) => {
                    if self.frame_depth >= self.limits.frames {
                        pending = Some(
                            self.new_error("RecursionError", "maximum recursion depth exceeded"),
                        );
                        continue;
                    }
                    self.frame_depth += 1;
                    fiber.push(frame);
                }
                Ok(Flow::Return(v)) => {
                    let done = fiber.pop().expect("a fiber has frames");
                    self.frame_depth -= 1;
                    self.drop_locals(&done)?;
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
                }
                Ok(Flow::Yield(v)) => return Ok(Outcome::Yield(v)),
                Ok(Flow::AsyncYield(v)) => {
                    let done = fiber.pop().expect("a fiber has frames");
                    self.frame_depth -= 1;
                    let ignored = done
                        .owner
                        .as_ref()
                        .is_some_and(|o| o.closing.replace(false));
                    if let Some(owner) = done.owner.clone() {
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
                        return Ok(Outcome::Yield(v));
                    };
                    caller.stack.push(v);
                }
                Ok(Flow::Delegate(coro)) => {
                    let caller = fiber.last_mut().expect("a fiber has frames");
                    match self.enter_coroutine(caller, &coro) {
                        Ok((frame, resume)) => {
                            self.frame_depth += 1;
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
                            frame.stack.truncate(block.level as usize);
                            frame.handling.truncate(block.handling as usize);
                            frame.stack.push(exc);
                            frame.pc = block.handler as usize;
                            frame.awaited = None;
                            break;
                        }
                        let done = fiber.pop().expect("checked above");
                        self.frame_depth -= 1;
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
                // The top frame stays as it is: resuming pushes the value the
                // blocking call returns.
                Err(PyErr::Suspend(req)) => return Ok(Outcome::Suspend(req)),
                Err(other) => return Err(other),
            }
        }
    }

    /// Records the frame an exception passes through in its traceback, and
    /// sets `__context__` where it is first raised.
    fn note_frame(&mut self, exc: &Value, frame: &Frame, first: bool) {
        if let Some(data) = exc.exc() {
            let mut d = data.borrow_mut();
            let key = frame as *const Frame as usize;
            if d.traceback.last().map(|e| e.frame) != Some(key) {
                d.traceback.push(super::value::TracebackEntry {
                    frame: key,
                    filename: frame.code.filename.clone(),
                    line: frame.current_line(),
                    name: frame.code.name.clone(),
                });
            }
            if first && d.context.is_none() {
                if let Some(h) = frame.handling.last() {
                    if !h.is(exc) {
                        d.context = Some(h.clone());
                    }
                }
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
        let Some(frame) = coro.frame.borrow_mut().take() else {
            return Err(PyErr::Halt(Halt::Internal(
                "a coroutine without a frame".into(),
            )));
        };
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

    fn unbound_local(&mut self, name: &str) -> PyErr {
        self.new_error(
            "UnboundLocalError",
            &format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name
            ),
        )
    }

    fn name_error(&mut self, name: &str) -> PyErr {
        self.new_error("NameError", &format!("name '{}' is not defined", name))
    }

    fn load_global(&mut self, frame: &Frame, name: &str) -> PyResult<Value> {
        if let Some(v) = frame.globals.globals.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.globals.borrow().get(name) {
            return Ok(v.clone());
        }
        Err(self.name_error(name))
    }

    /// The instruction loop for one frame.
    fn exec(&mut self, frame: &mut Frame) -> PyResult<Flow> {
        let code = frame.code.clone();
        let instrs = &code.instrs[..];
        loop {
            let pc = frame.pc;
            let Some(&instr) = instrs.get(pc) else {
                return Err(PyErr::Halt(Halt::Internal(
                    "ran off the end of the code".into(),
                )));
            };
            frame.pc = pc + 1;
            self.executed += 1;
            if self.executed > self.limits.instructions {
                return Err(PyErr::Halt(Halt::InstructionBudget(
                    self.limits.instructions,
                )));
            }
            if self.trace_lines {
                let line = code.lines[pc];
                if line != frame.last_line {
                    frame.last_line = line;
                    self.last_line = line;
                    let ev = LineEvent {
                        code: code.clone(),
                        line,
                    };
                    // A step that loops for millions of lines keeps its first
                    // ones and its latest, not all of them.
                    let full = self.lines.len() >= self.limits.line_events;
                    match self.lines.last_mut() {
                        Some(last) if full => *last = ev,
                        _ => self.lines.push(ev),
                    }
                }
            }
            match instr {
                Instr::Nop => {}
                Instr::Pop => {
                    // Leaving an `async for` early drops its iterator.
                    if let Some(v) = frame.stack.pop() {
                        self.dropping(&v)?;
                    }
                }
                Instr::Dup => {
                    let v = top(frame)?.clone();
                    frame.stack.push(v);
                }
                Instr::Dup2 => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(underflow());
                    }
                    let a = frame.stack[n - 2].clone();
                    let b = frame.stack[n - 1].clone();
                    frame.stack.push(a);
                    frame.stack.push(b);
                }
                Instr::Rot2 => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(underflow());
                    }
                    frame.stack.swap(n - 1, n - 2);
                }
                Instr::Rot3 => {
                    let n = frame.stack.len();
                    if n < 3 {
                        return Err(underflow());
                    }
                    let v = frame.stack.pop().expect("checked");
                    frame.stack.insert(n - 3, v);
                }
                Instr::LoadConst(i) => frame.stack.push(const_value(&code.consts[i as usize])),
                Instr::LoadFast(i) => match &frame.locals[i as usize] {
                    Some(v) => frame.stack.push(v.clone()),
                    None => return Err(self.unbound_local(&code.varnames[i as usize])),
                },
                Instr::StoreFast(i) => {
                    let v = pop(frame)?;
                    frame.locals[i as usize] = Some(v);
                }
                Instr::DeleteFast(i) => {
                    if frame.locals[i as usize].take().is_none() {
                        return Err(self.unbound_local(&code.varnames[i as usize]));
                    }
                }
                Instr::LoadDeref(i) => {
                    let v = frame.cells[i as usize].borrow().clone();
                    match v {
                        Some(v) => frame.stack.push(v),
                        None => {
                            let name = code.cellnames[i as usize].clone();
                            return Err(self.new_error(
                                "NameError",
                                &format!(
                                    "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                                    name
                                ),
                            ));
                        }
                    }
                }
                Instr::StoreDeref(i) => {
                    let v = pop(frame)?;
                    *frame.cells[i as usize].borrow_mut() = Some(v);
                }
                Instr::DeleteDeref(i) => {
                    *frame.cells[i as usize].borrow_mut() = None;
                }
                Instr::LoadClosure(i) => {
                    frame
                        .stack
                        .push(Value::Cell(frame.cells[i as usize].clone()));
                }
                Instr::LoadClassDeref(i) => {
                    let name = code.cellnames[i as usize].clone();
                    let from_ns = frame
                        .namespace
                        .as_ref()
                        .and_then(|ns| ns.borrow().get(&name).cloned());
                    let v = match from_ns {
                        Some(v) => Some(v),
                        None => frame.cells[i as usize].borrow().clone(),
                    };
                    match v {
                        Some(v) => frame.stack.push(v),
                        None => return Err(self.name_error(&name)),
                    }
                }
                Instr::LoadGlobal(i) => {
                    let v = self.load_global(frame, &code.names[i as usize])?;
                    frame.stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let v = pop(frame)?;
                    frame
                        .globals
                        .globals
                        .borrow_mut()
                        .set(code.names[i as usize].clone(), v);
                }
                Instr::DeleteGlobal(i) => {
                    let name = &code.names[i as usize];
                    if !frame.globals.globals.borrow_mut().remove(name) {
                        return Err(self.name_error(name));
                    }
                }
                Instr::LoadName(i) => {
                    let name = &code.names[i as usize];
                    let local = frame
                        .namespace
                        .as_ref()
                        .and_then(|ns| ns.borrow().get(name).cloned());
                    let v = match local {
                        Some(v) => v,
                        None => self.load_global(frame, name)?,
                    };
                    frame.stack.push(v);
                }
                Instr::StoreName(i) => {
                    let v = pop(frame)?;
                    let name = code.names[i as usize].clone();
                    match &frame.namespace {
                        Some(ns) => ns.borrow_mut().set(name, v),
                        None => frame.globals.globals.borrow_mut().set(name, v),
                    }
                }
                Instr::DeleteName(i) => {
                    let name = &code.names[i as usize];
                    let removed = match &frame.namespace {
                        Some(ns) => ns.borrow_mut().remove(name),
                        None => frame.globals.globals.borrow_mut().remove(name),
                    };
                    if !removed {
                        return Err(self.name_error(name));
                    }
                }
                Instr::LoadAttr(i) => {
                    let obj = pop(frame)?;
                    let v = self.get_attr(&obj, &code.names[i as usize])?;
                    frame.stack.push(v);
                }
                Instr::StoreAttr(i) => {
                    let obj = pop(frame)?;
                    let v = pop(frame)?;
                    self.set_attr(&obj, &code.names[i as usize], v)?;
                }
                Instr::DeleteAttr(i) => {
                    let obj = pop(frame)?;
                    self.del_attr(&obj, &code.names[i as usize])?;
                }
                Instr::LoadMethod(i) => {
                    let obj = pop(frame)?;
                    match self.lookup_method(&obj, &code.names[i as usize])? {
                        Some(func) => {
                            frame.stack.push(func);
                            frame.stack.push(obj);
                        }
                        None => {
                            let attr = self.get_attr(&obj, &code.names[i as usize])?;
                            frame.stack.push(attr);
                            frame.stack.push(no_self());
                        }
                    }
                }
                Instr::CallMethod(argc) => {
                    let n = frame.stack.len();
                    let argc = argc as usize;
                    if n < argc + 2 {
                        return Err(underflow());
                    }
                    let this = frame.stack[n - argc - 1].clone();
                    let mut args: Vec<Value>;
                    if let Value::Cell(_) = this {
                        args = frame.stack.split_off(n - argc);
                        frame.stack.pop();
                    } else {
                        args = Vec::with_capacity(argc + 1);
                        args.extend(frame.stack.drain(n - argc - 1..));
                    }
                    let func = pop(frame)?;
                    if args.len() > 255 {
                        args.shrink_to_fit();
                    }
                    match self.invoke(func, Args::new(args))? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::Subscr => {
                    let key = pop(frame)?;
                    let obj = pop(frame)?;
                    let v = self.get_item(&obj, &key)?;
                    frame.stack.push(v);
                }
                Instr::StoreSubscr => {
                    let key = pop(frame)?;
                    let obj = pop(frame)?;
                    let v = pop(frame)?;
                    self.set_item(&obj, key, v)?;
                }
                Instr::DeleteSubscr => {
                    let key = pop(frame)?;
                    let obj = pop(frame)?;
                    self.del_item(&obj, &key)?;
                }
                Instr::Binary(op) => {
                    let b = pop(frame)?;
                    let a = pop(frame)?;
                    let v = self.binary(op, &a, &b)?;
                    frame.stack.push(v);
                }
                Instr::Inplace(op) => {
                    let b = pop(frame)?;
                    let a = pop(frame)?;
                    let v = self.inplace(op, &a, &b)?;
                    frame.stack.push(v);
                }
                Instr::Unary(op) => {
                    let a = pop(frame)?;
                    let v = match op {
                        UnaryOp::Not => Value::Bool(!self.truthy(&a)?),
                        other => self.unary(other, &a)?,
                    };
                    frame.stack.push(v);
                }
                Instr::Compare(op) => {
                    let b = pop(frame)?;
                    let a = pop(frame)?;
                    let v = self.compare(op, &a, &b)?;
                    frame.stack.push(v);
                }
                Instr::Jump(t) => frame.pc = t as usize,
                Instr::PopJumpIfFalse(t) => {
                    let v = pop(frame)?;
                    if !self.truthy(&v)? {
                        frame.pc = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = pop(frame)?;
                    if self.truthy(&v)? {
                        frame.pc = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    if !self.truthy(top(frame)?)? {
                        frame.pc = t as usize;
                    } else {
                        frame.stack.pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    if self.truthy(top(frame)?)? {
                        frame.pc = t as usize;
                    } else {
                        frame.stack.pop();
                    }
                }
                Instr::GetIter => {
                    let v = pop(frame)?;
                    let it = self.iter(&v)?;
                    frame.stack.push(it);
                }
                Instr::ForIter(t) => {
                    let it = top(frame)?.clone();
                    match self.next(&it)? {
                        Some(v) => frame.stack.push(v),
                        None => {
                            frame.stack.pop();
                            frame.pc = t as usize;
                        }
                    }
                }
                Instr::BuildTuple(n) => {
                    let items = take_n(frame, n)?;
                    frame.stack.push(Value::Tuple(items.into()));
                }
                Instr::BuildList(n) => {
                    let items = take_n(frame, n)?;
                    frame.stack.push(Value::list(items));
                }
                Instr::BuildSet(n) => {
                    let items = take_n(frame, n)?;
                    let mut d = Dict::new();
                    for it in items {
                        let k = self.key(it)?;
                        d.insert(k, Value::None);
                    }
                    frame.stack.push(Value::Set(Rc::new(RefCell::new(d))));
                }
                Instr::BuildMap(n) => {
                    let items = take_n(frame, n * 2)?;
                    let mut d = Dict::new();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        let k = self.key(k)?;
                        d.insert(k, v);
                    }
                    frame.stack.push(Value::Dict(Rc::new(RefCell::new(d))));
                }
                Instr::BuildSlice(n) => {
                    let items = take_n(frame, n)?;
                    let mut it = items.into_iter();
                    let a = it.next().unwrap_or(Value::None);
                    let b = it.next().unwrap_or(Value::None);
                    let c = it.next().unwrap_or(Value::None);
                    frame.stack.push(Value::Slice(Rc::new([a, b, c])));
                }
                Instr::BuildString(n) => {
                    let items = take_n(frame, n)?;
                    let mut s = String::new();
                    for it in items {
                        if let Value::Str(p) = it {
                            s.push_str(&p);
                        }
                    }
                    frame.stack.push(Value::Str(s.into()));
                }
                Instr::ListAppend(i) => {
                    let v = pop(frame)?;
                    let target = peek(frame, i)?;
                    match target {
                        Value::List(l) => l.borrow_mut().push(v),
                        _ => return Err(internal("ListAppend on a non-list")),
                    }
                }
                Instr::ListExtend(i) => {
                    let v = pop(frame)?;
                    let items = self.collect(&v)?;
                    let target = peek(frame, i)?.clone();
                    match target {
                        Value::List(l) => l.borrow_mut().extend(items),
                        Value::Set(s) => {
                            for it in items {
                                let k = self.key(it)?;
                                s.borrow_mut().insert(k, Value::None);
                            }
                        }
                        _ => return Err(internal("ListExtend on a non-list")),
                    }
                }
                Instr::SetAdd(i) => {
                    let v = pop(frame)?;
                    let k = self.key(v)?;
                    match peek(frame, i)? {
                        Value::Set(s) => s.borrow_mut().insert(k, Value::None),
                        _ => return Err(internal("SetAdd on a non-set")),
                    }
                }
                Instr::MapAdd(i) => {
                    let v = pop(frame)?;
                    let k = pop(frame)?;
                    let k = self.key(k)?;
                    match peek(frame, i)? {
                        Value::Dict(d) => d.borrow_mut().insert(k, v),
                        _ => return Err(internal("MapAdd on a non-dict")),
                    }
                }
                Instr::DictUpdate(i) => {
                    let m = pop(frame)?;
                    let pairs = self.mapping_items(&m)?;
                    let target = peek(frame, i)?.clone();
                    match target {
                        Value::Dict(d) => {
                            for (k, v) in pairs {
                                let k = self.key(k)?;
                                d.borrow_mut().insert(k, v);
                            }
                        }
                        _ => return Err(internal("DictUpdate on a non-dict")),
                    }
                }
                Instr::ListToTuple => {
                    let v = pop(frame)?;
                    match v {
                        Value::List(l) => {
                            let items = std::mem::take(&mut *l.borrow_mut());
                            frame.stack.push(Value::Tuple(items.into()));
                        }
                        _ => return Err(internal("ListToTuple on a non-list")),
                    }
                }
                Instr::UnpackSequence(n) => {
                    let v = pop(frame)?;
                    let items = self.unpack(&v, n as usize)?;
                    frame.stack.extend(items.into_iter().rev());
                }
                Instr::UnpackEx { before, after } => {
                    let v = pop(frame)?;
                    let mut items = self.collect(&v)?;
                    let (b, a) = (before as usize, after as usize);
                    if items.len() < b + a {
                        return Err(self.new_error(
                            "ValueError",
                            &format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                b + a,
                                items.len()
                            ),
                        ));
                    }
                    let tail = items.split_off(items.len() - a);
                    let middle = items.split_off(b);
                    for v in tail.into_iter().rev() {
                        frame.stack.push(v);
                    }
                    frame.stack.push(Value::list(middle));
                    for v in items.into_iter().rev() {
                        frame.stack.push(v);
                    }
                }
                Instr::FormatValue { conversion, spec } => {
                    let spec = if spec {
                        match pop(frame)? {
                            Value::Str(s) => s,
                            _ => return Err(internal("format spec is not a str")),
                        }
                    } else {
                        "".into()
                    };
                    let v = pop(frame)?;
                    let v = match conversion {
                        b's' => Value::Str(self.to_str(&v)?.into()),
                        b'r' | b'a' => Value::Str(self.repr(&v)?.into()),
                        _ => v,
                    };
                    let s = self.format(&v, &spec)?;
                    frame.stack.push(Value::Str(s.into()));
                }
                Instr::Call(argc) => {
                    let args = take_n(frame, argc)?;
                    let func = pop(frame)?;
                    match self.invoke(func, Args::new(args))? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::CallKw { argc, names } => {
                    let Const::Names(names) = &code.consts[names as usize] else {
                        return Err(internal("CallKw without names"));
                    };
                    let mut values = take_n(frame, argc)?;
                    let kwvalues = values.split_off(values.len() - names.len());
                    let func = pop(frame)?;
                    let kw = names.iter().cloned().zip(kwvalues).collect();
                    match self.invoke(func, Args { pos: values, kw })? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::CallEx { kwargs } => {
                    let kw = if kwargs {
                        let m = pop(frame)?;
                        let mut kw = Vec::new();
                        for (k, v) in self.mapping_items(&m)? {
                            match k {
                                Value::Str(s) => kw.push((s, v)),
                                _ => {
                                    return Err(
                                        self.new_error("TypeError", "keywords must be strings")
                                    )
                                }
                            }
                        }
                        kw
                    } else {
                        Vec::new()
                    };
                    let pos = match pop(frame)? {
                        Value::Tuple(t) => t.to_vec(),
                        other => self.collect(&other)?,
                    };
                    let func = pop(frame)?;
                    match self.invoke(func, Args { pos, kw })? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::MakeFunction {
                    code: ci,
                    defaults,
                    kwdefaults,
                    closure,
                } => {
                    let Const::Code(fcode) = &code.consts[ci as usize] else {
                        return Err(internal("MakeFunction without code"));
                    };
                    let closure = if closure {
                        match pop(frame)? {
                            Value::Tuple(cells) => cells
                                .iter()
                                .filter_map(|c| match c {
                                    Value::Cell(c) => Some(c.clone()),
                                    _ => None,
                                })
                                .collect(),
                            _ => return Err(internal("closure is not a tuple")),
                        }
                    } else {
                        Vec::new()
                    };
                    let kwdefaults = if kwdefaults {
                        match pop(frame)? {
                            Value::Dict(d) => d
                                .borrow()
                                .iter()
                                .filter_map(|(k, v)| match k {
                                    Value::Str(s) => Some((s.clone(), v.clone())),
                                    _ => None,
                                })
                                .collect(),
                            _ => return Err(internal("kwdefaults is not a dict")),
                        }
                    } else {
                        Vec::new()
                    };
                    let defaults = if defaults {
                        match pop(frame)? {
                            Value::Tuple(t) => t.to_vec(),
                            _ => return Err(internal("defaults is not a tuple")),
                        }
                    } else {
                        Vec::new()
                    };
                    let f = Function {
                        code: fcode.clone(),
                        globals: frame.globals.clone(),
                        defaults,
                        kwdefaults,
                        closure,
                        name: RefCell::new(fcode.name.clone()),
                        qualname: RefCell::new(fcode.qualname.clone()),
                        attrs: RefCell::new(Default::default()),
                        id: self.next_id(),
                    };
                    frame.stack.push(Value::Function(Rc::new(f)));
                }
                Instr::BuildClass { name, kwargs } => {
                    let kw = if kwargs { Some(pop(frame)?) } else { None };
                    let bases = pop(frame)?;
                    let body = pop(frame)?;
                    let Const::Str(name) = &code.consts[name as usize] else {
                        return Err(internal("class name is not a str"));
                    };
                    let class = self.build_class(name.clone(), body, bases, kw)?;
                    frame.stack.push(class);
                }
                Instr::Return => {
                    let v = pop(frame)?;
                    return Ok(Flow::Return(v));
                }
                Instr::YieldValue => {
                    let v = pop(frame)?;
                    if code.flags.coroutine {
                        return Ok(Flow::AsyncYield(v));
                    }
                    return Ok(Flow::Yield(v));
                }
                Instr::GetAwaitable => {
                    let v = pop(frame)?;
                    let aw = self.get_awaitable(v)?;
                    frame.stack.push(aw);
                }
                Instr::Await => {
                    let aw = pop(frame)?;
                    match &aw {
                        Value::Coroutine(c) if c.kind == CoroKind::AsyncGenerator => {
                            match self.agen_settle(c)? {
                                Some(done) => frame.stack.push(done),
                                None => return Ok(Flow::Delegate(c.clone())),
                            }
                        }
                        Value::Coroutine(c) => return Ok(Flow::Delegate(c.clone())),
                        Value::Object(o) => match o.poll_await(self) {
                            Some(AwaitPoll::Ready(r)) => frame.stack.push(r?),
                            Some(AwaitPoll::Pending) => {
                                frame.awaited = Some(aw.clone());
                                if let Some(owner) = &frame.owner {
                                    *owner.awaiting.borrow_mut() = Some(aw.clone());
                                }
                                return Ok(Flow::Yield(aw));
                            }
                            Some(AwaitPoll::YieldOnce) => {
                                frame.awaited = None;
                                if let Some(owner) = &frame.owner {
                                    *owner.awaiting.borrow_mut() = None;
                                }
                                return Ok(Flow::Yield(Value::None));
                            }
                            None => return Err(internal("awaiting a non-awaitable object")),
                        },
                        _ => return Err(internal("awaiting a non-awaitable value")),
                    }
                }
                Instr::YieldFrom => {
                    let v = pop(frame)?;
                    match v {
                        Value::Coroutine(c) if c.kind == CoroKind::Generator => {
                            return Ok(Flow::Delegate(c))
                        }
                        _ => {
                            return Err(self.new_error(
                                "NotImplementedError",
                                &format!(
                                    "'yield from' a {} is not supported yet (line {})",
                                    v.type_name(),
                                    frame.current_line()
                                ),
                            ))
                        }
                    }
                }
                Instr::GetAIter => {
                    let v = pop(frame)?;
                    let it = self.async_iter(v)?;
                    frame.stack.push(it);
                }
                Instr::GetANext => {
                    let it = top(frame)?.clone();
                    let next = self.async_next(&it)?;
                    frame.stack.push(next);
                }
                Instr::EndAsyncFor => {
                    let exc = pop(frame)?;
                    if !self.is_instance_of(&exc, "StopAsyncIteration") {
                        return Err(PyErr::Exception(exc));
                    }
                    pop(frame)?;
                }
                Instr::SetupExcept(handler) => {
                    frame.blocks.push(Block {
                        handler,
                        level: frame.stack.len() as u32,
                        handling: frame.handling.len() as u32,
                    });
                }
                Instr::PopBlock => {
                    frame.blocks.pop();
                }
                Instr::PushExcInfo => {
                    let e = top(frame)?.clone();
                    frame.handling.push(e);
                }
                Instr::PopExcept => {
                    frame.handling.pop();
                }
                Instr::JumpIfNotExcMatch(t) => {
                    let class = pop(frame)?;
                    let exc = top(frame)?.clone();
                    if !self.exception_matches(&exc, &class)? {
                        frame.pc = t as usize;
                    }
                }
                Instr::Raise(kind) => {
                    return Err(self.raise_instr(frame, kind)?);
                }
                Instr::Reraise => {
                    let exc = pop(frame)?;
                    return Err(PyErr::Exception(exc));
                }
                Instr::BeforeWith => {
                    let mgr = pop(frame)?;
                    let exit =
                        self.special_method(&mgr, "__exit__", "the context manager protocol")?;
                    let enter =
                        self.special_method(&mgr, "__enter__", "the context manager protocol")?;
                    frame.stack.push(exit);
                    let r = self.call(&enter, Args::default())?;
                    frame.stack.push(r);
                }
                Instr::BeforeAsyncWith => {
                    let mgr = pop(frame)?;
                    let exit = self.special_method(
                        &mgr,
                        "__aexit__",
                        "the asynchronous context manager protocol",
                    )?;
                    let enter = self.special_method(
                        &mgr,
                        "__aenter__",
                        "the asynchronous context manager protocol",
                    )?;
                    frame.stack.push(exit);
                    match self.invoke(enter, Args::default())? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::CallExitNone => {
                    let exit = pop(frame)?;
                    let args = Args::new(vec![Value::None, Value::None, Value::None]);
                    match self.invoke(exit, args)? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::WithExceptStart => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(underflow());
                    }
                    let exc = frame.stack[n - 1].clone();
                    let exit = frame.stack[n - 2].clone();
                    let class = Value::Class(self.types.class_of(self, &exc));
                    let args = Args::new(vec![class, exc, Value::None]);
                    match self.invoke(exit, args)? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::ImportName { name, leaf } => {
                    let full = code.names[name as usize].clone();
                    let mut module = None;
                    let mut path = String::new();
                    for (i, part) in full.split('.').enumerate() {
                        if i > 0 {
                            path.push('.');
                        }
                        path.push_str(part);
                        let m = self.import(&path)?;
                        if module.is_none() || leaf {
                            module = Some(m);
                        }
                    }
                    match module {
                        Some(m) => frame.stack.push(Value::Module(m)),
                        None => return Err(internal("empty module name")),
                    }
                }
                Instr::ImportFrom(i) => {
                    let module = top(frame)?.clone();
                    let name = &code.names[i as usize];
                    let v = match self.get_attr(&module, name) {
                        Ok(v) => v,
                        Err(PyErr::Exception(_)) => {
                            let mname = match &module {
                                Value::Module(m) => m.name.clone(),
                                _ => "?".into(),
                            };
                            return Err(self.new_error(
                                "ImportError",
                                &format!("cannot import name '{}' from '{}'", name, mname),
                            ));
                        }
                        Err(e) => return Err(e),
                    };
                    frame.stack.push(v);
                }
                Instr::ImportStar => {
                    let module = pop(frame)?;
                    if let Value::Module(m) = module {
                        let entries: Vec<_> = m
                            .globals
                            .borrow()
                            .iter()
                            .filter(|(k, _)| !k.starts_with('_'))
                            .cloned()
                            .collect();
                        for (k, v) in entries {
                            match &frame.namespace {
                                Some(ns) => ns.borrow_mut().set(k, v),
                                None => frame.globals.globals.borrow_mut().set(k, v),
                            }
                        }
                    }
                }
                Instr::LoadAssertionError => {
                    frame
                        .stack
                        .push(Value::Class(self.types.exc("AssertionError")));
                }
            }
        }
    }

    fn raise_instr(&mut self, frame: &mut Frame, kind: u8) -> PyResult<PyErr> {
        match kind {
            0 => match frame.handling.last() {
                Some(e) => Ok(PyErr::Exception(e.clone())),
                None => Ok(self.new_error("RuntimeError", "No active exception to reraise")),
            },
            1 => {
                let e = pop(frame)?;
                let exc = self.make_exception(e)?;
                Ok(PyErr::Exception(exc))
            }
            _ => {
                let cause = pop(frame)?;
                let e = pop(frame)?;
                let exc = self.make_exception(e)?;
                let cause = match cause {
                    Value::None => None,
                    other => Some(self.make_exception(other).map_err(|_| {
                        self.new_error(
                            "TypeError",
                            "exception causes must derive from BaseException",
                        )
                    })?),
                };
                if let Some(d) = exc.exc() {
                    let mut d = d.borrow_mut();
                    d.cause = cause;
                    d.suppress_context = true;
                }
                Ok(PyErr::Exception(exc))
            }
        }
    }

    /// Runs a class body and builds the class.
    fn build_class(
        &mut self,
        name: Rc<str>,
        body: Value,
        bases: Value,
        kw: Option<Value>,
    ) -> PyResult<Value> {
        if kw.is_some() {
            return Err(self.new_error(
                "NotImplementedError",
                "class keywords (metaclass=...) are not supported yet",
            ));
        }
        let Value::Function(body) = body else {
            return Err(internal("class body is not a function"));
        };
        let bases = match bases {
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        let mut frame = Box::new(Frame::new(body.code.clone(), body.globals.clone()));
        let ncell = body.code.ncellvars as usize;
        for (i, c) in body.closure.iter().enumerate() {
            if ncell + i < frame.cells.len() {
                frame.cells[ncell + i] = c.clone();
            }
        }
        let ns = Rc::new(RefCell::new(super::value::Attrs::default()));
        ns.borrow_mut()
            .set("__module__".into(), Value::Str(body.globals.name.clone()));
        ns.borrow_mut().set(
            "__qualname__".into(),
            Value::Str(body.code.qualname.clone()),
        );
        frame.namespace = Some(ns.clone());
        debug_assert_eq!(body.code.kind, CodeKind::Class);
        let class_cell = self.run_frame(frame)?;
        let attrs = std::mem::take(&mut *ns.borrow_mut());
        let class = self.make_class(name, body.code.qualname.clone(), bases, attrs)?;
        if let Value::Cell(c) = class_cell {
            *c.borrow_mut() = Some(class.clone());
        }
        Ok(class)
    }

    /// Called before a reference `v` goes away: when it is the last one to
    /// a suspended async generator (whose parked frame holds one more, to
    /// itself), the loop closes the generator, as CPython's finalizer hook
    /// does when the reference count reaches zero.
    fn dropping(&mut self, v: &Value) -> PyResult<()> {
        if let Value::Coroutine(c) = v {
            if c.kind == CoroKind::AsyncGenerator
                && c.state.get() == CoroState::Suspended
                && Rc::strong_count(c) == 2
            {
                self.async_generator_dropped(c.clone())?;
            }
        }
        Ok(())
    }

    /// A returning frame's locals go away with it: an async generator
    /// kept in one (`g = agen(); async for x in g: break`) is closed then.
    fn drop_locals(&mut self, frame: &Frame) -> PyResult<()> {
        for v in frame.locals.iter().flatten() {
            self.dropping(v)?;
        }
        Ok(())
    }

    /// A suspended async generator nothing refers to any more: the host
    /// (the event loop) closes it; without one it is simply dropped.
    fn async_generator_dropped(&mut self, c: Rc<Coroutine>) -> PyResult<()> {
        self.async_generators
            .retain(|w| w.upgrade().is_some_and(|g| !Rc::ptr_eq(&g, &c)));
        match self.host.clone() {
            Some(host) => host.async_generator_dropped(self, Value::Coroutine(c)),
            None => Ok(()),
        }
    }

    /// The async generators first iterated since the last call that are
    /// still alive and not finished, for the loop to close at shutdown.
    pub fn take_async_generators(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.async_generators)
            .into_iter()
            .filter_map(|w| w.upgrade())
            .filter(|g| g.state.get() == CoroState::Suspended)
            .map(Value::Coroutine)
            .collect()
    }

    /// Awaiting an async generator performs its pending operation. Where no
    /// frame needs to run (it is closed, or closed or thrown into before it
    /// started) this is the result; `None`: its frame runs, and entering it
    /// delivers the operation.
    fn agen_settle(&mut self, c: &Rc<Coroutine>) -> PyResult<Option<Value>> {
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
    fn async_iter(&mut self, v: Value) -> PyResult<Value> {
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
    fn async_next(&mut self, it: &Value) -> PyResult<Value> {
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
    fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            // What `__anext__()`, `asend()`, `athrow()` or `aclose()` returned.
            Value::Coroutine(c)
                if c.kind == CoroKind::AsyncGenerator && c.op.borrow().is_some() =>
            {
                Ok(v)
            }
            Value::Coroutine(c) if c.kind == CoroKind::Coroutine => Ok(v),
            Value::Object(o) if o.poll_await(self).is_some() => Ok(v),
            Value::Instance(_) => {
                if let Some(m) = self.lookup_method(&v, "__await__")? {
                    let it = self.call(&m, Args::new(vec![v.clone()]))?;
                    return match it {
                        Value::Coroutine(c) if c.kind == CoroKind::Generator => {
                            Ok(Value::Coroutine(c))
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

    /// Whether awaiting or iterating ended a coroutine or generator.
    pub fn coroutine_frame_line(&self, coro: &Coroutine) -> u32 {
        match &*coro.frame.borrow() {
            Some(f) => f.current_line(),
            None => coro.last_line.get(),
        }
    }

    /// Whether `v` is an instance of `class` (or a subclass).
    pub fn is_instance_of_class(&self, v: &Value, class: &Rc<super::value::Class>) -> bool {
        self.types.class_of(self, v).is_subclass(class)
    }

    /// Whether `v` is an instance of the built-in exception `name`.
    pub fn is_instance_of(&self, v: &Value, name: &str) -> bool {
        match v {
            Value::Instance(i) => match self.types.exceptions.get(name) {
                Some(c) => i.class.is_subclass(c),
                None => false,
            },
            _ => false,
        }
    }

    /// Binary operators that need no Python: kept here so `Compare` of
    /// identity stays in the loop.
    fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => Ok(Value::Bool(!a.is(b))),
            CmpOp::In => Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => Ok(Value::Bool(!self.contains(b, a)?)),
            other => self.rich_compare(other, a, b),
        }
    }

    fn inplace(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (BinOp::Add, Value::List(l)) = (op, a) {
            let items = self.collect(b)?;
            l.borrow_mut().extend(items);
            return Ok(a.clone());
        }
        if let Value::Instance(_) = a {
            let name = super::ops::inplace_dunder(op);
            if let Some(m) = self.lookup_method(a, name)? {
                let r = self.call(&m, Args::new(vec![a.clone(), b.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        self.binary(op, a, b)
    }

    /// A dict key for `v`, or CPython's `TypeError: unhashable type`.
    pub fn key(&mut self, v: Value) -> PyResult<Key> {
        let name = v.type_name();
        match Key::new(v) {
            Some(k) => Ok(k),
            None => Err(self.new_error("TypeError", &format!("unhashable type: '{}'", name))),
        }
    }
}

fn underflow() -> PyErr {
    internal("value stack underflow")
}

fn internal(msg: &str) -> PyErr {
    PyErr::Halt(Halt::Internal(msg.into()))
}

#[inline]
fn pop(frame: &mut Frame) -> PyResult<Value> {
    frame.stack.pop().ok_or_else(underflow)
}

#[inline]
fn top(frame: &Frame) -> PyResult<&Value> {
    frame.stack.last().ok_or_else(underflow)
}

/// The item `i` places from the top after popping (CPython's `PEEK(i)`).
#[inline]
fn peek(frame: &Frame, i: u32) -> PyResult<&Value> {
    let n = frame.stack.len();
    let i = i as usize;
    if i == 0 || i > n {
        return Err(underflow());
    }
    Ok(&frame.stack[n - i])
}

#[inline]
fn take_n(frame: &mut Frame, n: u32) -> PyResult<Vec<Value>> {
    let n = n as usize;
    let len = frame.stack.len();
    if len < n {
        return Err(underflow());
    }
    Ok(frame.stack.split_off(len - n))
}
