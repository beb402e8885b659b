//! The event loop: a FIFO of ready handles, a heap of timers and a virtual
//! clock, run one iteration at a time exactly as CPython's
//! `BaseEventLoop._run_once` does. This is the only place that runs
//! callbacks; everything else only schedules them.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use crate::vm::finalizers::Site;
use crate::vm::value::{
    AgenOp, Args, Class, CoroKind, Deadlock, Halt, NativeObject, PyErr, PyResult, Value,
};
use crate::vm::{Host, Vm};

use super::future::{self, as_fut, Fut, TaskCore};
use super::heap::{self, Due};
use super::observer::{LoopObserver, NoObserver, StepKind};

/// How long CPython's selector may wait at most (one day).
const MAX_SELECT_TIMEOUT: f64 = 24.0 * 3600.0;
/// Clock resolution used to decide which timers are due.
const CLOCK_RESOLUTION: f64 = 1e-9;

/// Guards that end a runaway simulation with a `Timeout:` error, as the
/// corpus oracle does.
#[derive(Clone, Copy, Debug)]
pub struct Guards {
    /// Loop iterations allowed.
    pub max_iterations: u64,
    /// Virtual seconds allowed.
    pub max_time: f64,
    /// Tasks that may be created.
    pub max_tasks: usize,
}

impl Default for Guards {
    fn default() -> Self {
        Guards {
            max_iterations: 100_000,
            max_time: 10_000.0,
            max_tasks: 200_000,
        }
    }
}

/// A scheduled callback (`Handle`, or `TimerHandle` when `when` is set).
pub struct Handle {
    /// Identity number.
    pub id: u64,
    /// The callable.
    pub callback: Value,
    /// Its arguments.
    pub args: Vec<Value>,
    /// `cancel()` was called.
    pub cancelled: Cell<bool>,
    /// Due time, for timers.
    pub when: Option<f64>,
    /// Still in the timer heap.
    pub scheduled: Cell<bool>,
    /// Why it exists, for the trace.
    pub kind: StepKind,
    /// The context it runs in (None: the current one, as for a task's
    /// step, which enters its task's own).
    pub context: Option<Value>,
    /// Where it was made, when its loop was in debug mode.
    pub created_at: Option<Rc<str>>,
    loop_: Weak<EventLoop>,
    class: Rc<Class>,
}

#[derive(Clone)]
struct Timer(Rc<Handle>);

impl Due for Timer {
    fn when(&self) -> f64 {
        self.0.when.unwrap_or(0.0)
    }
}

/// The state of one event loop.
#[derive(Default)]
pub struct LoopState {
    /// Handles ready to run, first in first out.
    pub ready: VecDeque<Rc<Handle>>,
    scheduled: Vec<Timer>,
    timer_cancelled_count: usize,
    stopping: bool,
    /// Inside `run_forever`.
    pub running: bool,
    /// `close()` was called.
    pub closed: bool,
    /// How many handles of the iteration under way are still to run (a
    /// thread's own loop, run from `asyncio.py`, takes them one by one).
    todo: usize,
}

impl LoopState {
    /// The timers in heap order.
    pub fn timers(&self) -> impl Iterator<Item = &Rc<Handle>> {
        self.scheduled.iter().map(|t| &t.0)
    }
}

/// An event loop object (`asyncio.get_running_loop()`).
pub struct EventLoop {
    /// Identity number.
    pub id: u64,
    /// Queues and flags.
    pub state: RefCell<LoopState>,
    /// `set_exception_handler`'s handler.
    pub exception_handler: RefCell<Option<Value>>,
    /// Attributes `asyncio.py` keeps on the loop (`_default_executor`).
    attrs: RefCell<crate::vm::value::Attrs>,
    /// Signals that arrived for the loop's handlers and that its next
    /// select will see (CPython writes them to the loop's self-pipe).
    pub signals: RefCell<Vec<i64>>,
    /// Debug mode (`set_debug`).
    pub debug: Cell<bool>,
    class: Rc<Class>,
}

impl EventLoop {
    /// Whether a handle waits in its ready queue (or a signal for its
    /// self-pipe).
    pub fn has_ready(&self) -> bool {
        !self.state.borrow().ready.is_empty() || !self.signals.borrow().is_empty()
    }

    /// Whether `stop()` was called while it runs.
    pub fn stopping(&self) -> bool {
        self.state.borrow().stopping
    }
}

impl NativeObject for EventLoop {
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// Its queued handles, handler and attributes (the loop's own
    /// `_default_executor`...) may all lead back to it.
    fn clear_references(&self) {
        crate::vm::heap::empty(&self.state);
        crate::vm::heap::empty(&self.exception_handler);
        crate::vm::heap::empty(&self.attrs);
    }
    fn identity(&self) -> Option<u64> {
        Some(self.id)
    }
    fn class_name(&self) -> &str {
        "_UnixSelectorEventLoop"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        let s = self.state.borrow();
        Ok(format!(
            "<_UnixSelectorEventLoop running={} closed={} debug={}>",
            if s.running { "True" } else { "False" },
            if s.closed { "True" } else { "False" },
            if self.debug.get() { "True" } else { "False" }
        ))
    }
    fn get_attr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(Ok(v.clone()));
        }
        match name {
            "_default_executor" => Some(Ok(Value::None)),
            "_executor_shutdown_called" => Some(Ok(Value::Bool(false))),
            "slow_callback_duration" => Some(Ok(Value::Float(0.1))),
            _ => None,
        }
    }
    fn set_attr(&self, _vm: &mut Vm, name: &str, value: Value) -> Option<PyResult<()>> {
        self.attrs.borrow_mut().set(name.into(), value);
        Some(Ok(()))
    }
}

impl NativeObject for Handle {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn identity(&self) -> Option<u64> {
        Some(self.id)
    }
    fn class_name(&self) -> &str {
        if self.when.is_some() {
            "TimerHandle"
        } else {
            "Handle"
        }
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        super::repr::handle_repr(vm, self)
    }
    fn get_attr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "_when" => self.when.map(|w| Ok(Value::Float(w))),
            "_cancelled" => Some(Ok(Value::Bool(self.cancelled.get()))),
            "_callback" => Some(Ok(self.callback.clone())),
            "_args" => Some(Ok(Value::tuple(self.args.clone()))),
            _ => None,
        }
    }
}

/// The name of the done-callback `run_until_complete` adds to its future
/// (CPython's `_run_until_complete_cb`): the loop's own, an internal step.
pub const RUN_UNTIL_COMPLETE_CB: &str = "_run_until_complete_cb";
/// A future or task that reported its death.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Death {
    /// Its id.
    pub id: u64,
    /// A task destroyed while pending.
    pub pending: bool,
    /// Its exception was never retrieved.
    pub never_retrieved: bool,
}

/// Members of a group kept by id (the rest are only counted).
pub const GROUP_SHOWN: usize = 8;

/// Which library call a group's future belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum GroupKind {
    /// `asyncio.gather(...)`.
    Gather,
    /// `asyncio.wait(...)`.
    Wait,
    /// `asyncio.wait_for(...)`.
    WaitFor,
}

impl GroupKind {
    /// The library function's name, as the program calls it.
    pub fn name(self) -> &'static str {
        match self {
            GroupKind::Gather => "gather",
            GroupKind::Wait => "wait",
            GroupKind::WaitFor => "wait_for",
        }
    }
}

/// What a future of a group stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct FutureGroup {
    /// Which call made it.
    pub kind: GroupKind,
    /// The first members' future ids.
    pub members: Vec<u64>,
    /// How many members in all.
    pub total: usize,
}

/// What the default event loop policy keeps for one thread: the loop
/// `set_event_loop` gave it, and whether it was ever called (then
/// `get_event_loop` never makes a loop of its own: after `asyncio.run`
/// the main thread has none).
#[derive(Default)]
pub struct PolicyLocal {
    /// The thread's event loop.
    pub loop_: Option<Rc<EventLoop>>,
    /// Whether `set_event_loop` was called in the thread.
    pub set_called: bool,
}

/// Everything asyncio keeps per interpreter: the loops, the current task,
/// the task-name counter, the classes, and the observer recording steps.
pub struct AioHost {
    /// `asyncio.Future`.
    pub future_class: Rc<Class>,
    /// `asyncio.Task`.
    pub task_class: Rc<Class>,
    /// `gather()`'s outer future.
    pub gathering_class: Rc<Class>,
    /// The loop class.
    pub loop_class: Rc<Class>,
    /// `Handle`.
    pub handle_class: Rc<Class>,
    /// `TimerHandle`.
    pub timer_handle_class: Rc<Class>,
    /// `asyncio.CancelledError`.
    pub cancelled_error: Rc<Class>,
    /// `asyncio.InvalidStateError`.
    pub invalid_state_error: Rc<Class>,
    running_loop: RefCell<Option<Rc<EventLoop>>>,
    /// The loop the simulator's own scheduling uses while none runs (the
    /// last one a program ran or made a task on), apart from the policy's.
    current_loop: RefCell<Option<Rc<EventLoop>>>,
    /// The policy's state for the thread that runs now (swapped as
    /// threads switch, as the running loop is).
    policy: RefCell<PolicyLocal>,
    current_task: RefCell<Option<Value>>,
    /// Tasks not yet done, in creation order (`all_tasks`); weak, as
    /// CPython's `_all_tasks` set: a task nothing else holds dies.
    pub tasks: RefCell<Vec<Weak<dyn NativeObject>>>,
    /// Futures and tasks that reported their death (destroyed pending, or
    /// with an exception never retrieved), by id, for the trace.
    pub deaths: RefCell<Vec<Death>>,
    /// Locks, semaphores, events and queues, for the trace to show.
    pub sync_objects: RefCell<Vec<Value>>,
    /// Indices into `sync_objects` of those the library made for itself
    /// (`as_completed`'s queue, a queue's `join()` event...), which the
    /// page folds away with the other internals.
    pub internal_sync: RefCell<Vec<usize>>,
    /// Futures that stand for a group of others (`gather`'s outer future,
    /// `wait`'s waiter), by future id: the group's kind and the ids of its
    /// first [`GROUP_SHOWN`] members, with their number. The trace shows a
    /// task awaiting one as awaiting those members.
    pub groups: RefCell<std::collections::HashMap<u64, FutureGroup>>,
    task_counter: Cell<u64>,
    tasks_created: Cell<usize>,
    iterations: Cell<u64>,
    /// Limits of the simulation.
    pub guards: Cell<Guards>,
    observer: RefCell<Box<dyn LoopObserver>>,
    /// Simulated threads; 0 is the main thread.
    pub threads: super::threads::ThreadTable,
    /// The thread running now.
    pub current_thread: Cell<usize>,
    /// Native call depth at which the current thread's fiber runs (a block
    /// deeper than that must wait inline).
    pub fiber_depth: Cell<u32>,
    /// `threading.Lock`.
    pub lock_class: Rc<Class>,
    /// When Ctrl+C is pressed (virtual time), until it is delivered.
    pub interrupt_at: Cell<Option<f64>>,
    /// The main thread waits for the program's threads at its end, with
    /// Ctrl+C pending.
    pub joining_interrupted: Cell<bool>,
}

/// The asyncio state of `vm`. Panics only if asyncio was never installed,
/// which `install` guarantees for every interpreter that imports asyncio.
pub fn aio(vm: &Vm) -> Rc<AioHost> {
    let host = vm.host.clone().expect("asyncio host installed");
    host.into_any()
        .downcast::<AioHost>()
        .unwrap_or_else(|_| panic!("the host is the asyncio host"))
}

impl Host for AioHost {
    fn sleep(&self, vm: &mut Vm, seconds: f64) -> PyResult<()> {
        // time.sleep blocks the calling thread; while the thread is the one
        // running the loop, the loop is frozen with it. The frame is
        // recorded once the sleep is over, at the time it ends.
        let from = vm.clock;
        let end = from + seconds;
        if let Some(at) = self.interrupt_due(end) {
            // Ctrl+C in the middle of the sleep: the handler runs there;
            // after one that returns, the sleep goes on (PEP 475).
            self.block(
                vm,
                super::threads::Wait {
                    until: Some(at),
                    ..Default::default()
                },
            )?;
            self.press_ctrl_c(vm, vm.clock)?;
        }
        self.block(
            vm,
            super::threads::Wait {
                until: Some(end),
                ..Default::default()
            },
        )?;
        if self.running_loop.borrow().is_some() && self.current_thread.get() == 0 {
            self.observe(|o| o.blocking_sleep(vm, from, seconds));
        }
        Ok(())
    }
    /// CPython's `_asyncgen_finalizer_hook`: on a loop that is not closed,
    /// `call_soon(create_task, agen.aclose())`.
    fn async_generator_dropped(&self, vm: &mut Vm, agen: Value) -> PyResult<()> {
        let Some(l) = self.running_loop.borrow().clone() else {
            return Ok(());
        };
        if l.state.borrow().closed {
            return Ok(());
        }
        if let Value::Coroutine(c) = &agen {
            c.op.replace(Some(AgenOp::Close));
        }
        // CPython's hook schedules the loop's bound create_task.
        let create = Value::Native(Rc::new(crate::vm::value::NativeFn {
            name: "create_task".into(),
            qualname: "BaseEventLoop.create_task".into(),
            func: close_async_generator,
            bound: None,
            data: None,
        }));
        let context = vm.capture_context();
        self.call_soon_on(vm, &l, create, vec![agen], StepKind::Callback, context)?;
        Ok(())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn into_any(self: Rc<Self>) -> Rc<dyn Any> {
        self
    }
}

impl AioHost {
    /// Creates the host with its classes.
    pub fn new(vm: &Vm, classes: super::Classes) -> AioHost {
        let _ = vm;
        AioHost {
            future_class: classes.future,
            task_class: classes.task,
            gathering_class: classes.gathering,
            loop_class: classes.loop_,
            handle_class: classes.handle,
            timer_handle_class: classes.timer_handle,
            cancelled_error: classes.cancelled_error,
            invalid_state_error: classes.invalid_state_error,
            running_loop: RefCell::new(None),
            current_loop: RefCell::new(None),
            policy: RefCell::new(PolicyLocal::default()),
            current_task: RefCell::new(None),
            tasks: RefCell::new(Vec::new()),
            deaths: RefCell::new(Vec::new()),
            sync_objects: RefCell::new(Vec::new()),
            internal_sync: RefCell::new(Vec::new()),
            groups: RefCell::new(std::collections::HashMap::new()),
            task_counter: Cell::new(0),
            tasks_created: Cell::new(0),
            iterations: Cell::new(0),
            guards: Cell::new(Guards::default()),
            observer: RefCell::new(Box::new(NoObserver)),
            threads: super::threads::main_thread_table(),
            current_thread: Cell::new(0),
            fiber_depth: Cell::new(0),
            lock_class: classes.lock,
            interrupt_at: Cell::new(None),
            joining_interrupted: Cell::new(false),
        }
    }

    /// A new event loop.
    pub fn new_loop(&self, vm: &Vm) -> Rc<EventLoop> {
        let l = Rc::new(EventLoop {
            id: vm.next_id(),
            state: RefCell::new(LoopState::default()),
            exception_handler: RefCell::new(None),
            attrs: RefCell::new(Default::default()),
            signals: RefCell::new(Vec::new()),
            debug: Cell::new(false),
            class: self.loop_class.clone(),
        });
        let object: Rc<dyn NativeObject> = l.clone();
        crate::vm::heap::track_native(&object);
        l
    }

    /// The running loop, else the current one (created on demand), as a
    /// value.
    pub fn running_or_current_loop(&self, vm: &mut Vm) -> PyResult<Value> {
        if let Some(l) = self.running_loop.borrow().clone() {
            return Ok(Value::Object(l));
        }
        let existing = self.current_loop.borrow().clone();
        let l = match existing {
            Some(l) => l,
            None => {
                let l = self.new_loop(vm);
                *self.current_loop.borrow_mut() = Some(l.clone());
                l
            }
        };
        Ok(Value::Object(l))
    }

    /// The loop whose exception handler reports an error: the running
    /// one, else the current one (never a new one).
    pub fn loop_for_errors(&self) -> Option<Rc<EventLoop>> {
        self.running_loop
            .borrow()
            .clone()
            .or_else(|| self.current_loop.borrow().clone())
    }

    /// The running loop, or CPython's `RuntimeError: no running event loop`.
    pub fn running(&self, vm: &mut Vm) -> PyResult<Rc<EventLoop>> {
        match self.running_loop.borrow().clone() {
            Some(l) => Ok(l),
            None => Err(vm.new_error("RuntimeError", "no running event loop")),
        }
    }

    /// Sets the current (not running) loop.
    pub fn set_current_loop(&self, l: Option<Rc<EventLoop>>) {
        *self.current_loop.borrow_mut() = l;
    }

    /// `asyncio.set_event_loop(l)`: the thread's loop, remembered as set.
    pub fn set_policy_loop(&self, l: Option<Rc<EventLoop>>) {
        let mut p = self.policy.borrow_mut();
        p.loop_ = l.clone();
        p.set_called = true;
        drop(p);
        self.set_current_loop(l);
    }

    /// The policy's `get_event_loop()`: the thread's loop; in the main
    /// thread, while `set_event_loop` was never called, a new one set as
    /// its loop; else CPython's RuntimeError naming the thread.
    pub fn policy_loop(&self, vm: &mut Vm) -> PyResult<Rc<EventLoop>> {
        let made = {
            let p = self.policy.borrow();
            p.loop_.is_none() && !p.set_called && self.current_thread.get() == 0
        };
        if made {
            let l = self.new_loop(vm);
            self.set_policy_loop(Some(l));
        }
        let l = self.policy.borrow().loop_.clone();
        match l {
            Some(l) => {
                self.set_current_loop(Some(l.clone()));
                Ok(l)
            }
            None => {
                let name = self.threads.borrow()[self.current_thread.get()]
                    .name
                    .clone();
                let name = crate::vm::repr::str_repr(&name);
                let msg = format!("There is no current event loop in thread {}.", name);
                let e = vm.new_error("RuntimeError", &msg);
                Err(super::errors::through(
                    vm,
                    e,
                    &super::errors::POLICY_GET_EVENT_LOOP,
                ))
            }
        }
    }

    /// `asyncio.get_event_loop()`: the thread's running loop, else the
    /// policy's.
    pub fn get_event_loop(&self, vm: &mut Vm) -> PyResult<Rc<EventLoop>> {
        if let Some(l) = self.running_loop.borrow().clone() {
            return Ok(l);
        }
        self.policy_loop(vm)
    }

    /// The policy's state of the thread that runs now, swapped for the one
    /// of the thread that runs next.
    pub fn swap_policy(&self, p: PolicyLocal) -> PolicyLocal {
        std::mem::replace(&mut *self.policy.borrow_mut(), p)
    }

    /// The task running now.
    pub fn current_task(&self) -> Option<Value> {
        self.current_task.borrow().clone()
    }

    /// Marks `task` as running; returns the previous current task.
    pub fn enter_task(&self, task: &Value) -> Option<Value> {
        self.current_task.borrow_mut().replace(task.clone())
    }

    /// Restores the previous current task.
    pub fn leave_task(&self, previous: Option<Value>) {
        *self.current_task.borrow_mut() = previous;
    }

    /// Records a change to a task outside its own step (a cancel request,
    /// a new name).
    pub fn note_changed(&self, task: &Value) {
        self.observe(|o| o.task_touched(task));
    }

    /// Installs the observer that records the run.
    pub fn set_observer(&self, o: Box<dyn LoopObserver>) {
        *self.observer.borrow_mut() = o;
    }

    /// Takes the observer back (at the end of a run).
    pub fn take_observer(&self) -> Box<dyn LoopObserver> {
        std::mem::replace(&mut *self.observer.borrow_mut(), Box::new(NoObserver))
    }

    /// Calls the observer. It is taken out for the call, so an observer
    /// that runs Python (a user `__repr__`) cannot re-enter it.
    pub fn observe(&self, f: impl FnOnce(&mut dyn LoopObserver)) {
        let mut o = self.take_observer();
        f(o.as_mut());
        let mut slot = self.observer.borrow_mut();
        // Keep an observer installed meanwhile, if any; else restore.
        *slot = o;
    }

    /// `loop.call_soon(cb, *args)` on the running (or current) loop, for
    /// the loop's own steps (no context of their own).
    pub fn call_soon(
        &self,
        vm: &mut Vm,
        callback: Value,
        args: Vec<Value>,
        kind: StepKind,
    ) -> PyResult<Rc<Handle>> {
        self.call_soon_in(vm, callback, args, kind, None)
    }

    /// `loop.call_soon(cb, *args, context=context)` on the running (or
    /// current) loop.
    pub fn call_soon_in(
        &self,
        vm: &mut Vm,
        callback: Value,
        args: Vec<Value>,
        kind: StepKind,
        context: Option<Value>,
    ) -> PyResult<Rc<Handle>> {
        let l = match self.running_loop.borrow().clone() {
            Some(l) => l,
            None => match self.running_or_current_loop(vm)? {
                Value::Object(o) => match o.as_any().downcast_ref::<EventLoop>() {
                    Some(_) => self.current_loop.borrow().clone().expect("just set"),
                    None => return Err(vm.new_error("RuntimeError", "no event loop")),
                },
                _ => return Err(vm.new_error("RuntimeError", "no event loop")),
            },
        };
        self.call_soon_on(vm, &l, callback, args, kind, context)
    }

    /// `call_soon` on a given loop.
    pub fn call_soon_on(
        &self,
        vm: &mut Vm,
        l: &Rc<EventLoop>,
        callback: Value,
        args: Vec<Value>,
        kind: StepKind,
        context: Option<Value>,
    ) -> PyResult<Rc<Handle>> {
        let h = self.new_handle(vm, l, callback, args, None, kind, context)?;
        l.state.borrow_mut().ready.push_back(h.clone());
        self.observe(|o| o.scheduled(vm, &h));
        Ok(h)
    }

    /// `loop.call_at(when, cb, *args)`.
    pub fn call_at(
        &self,
        vm: &mut Vm,
        l: &Rc<EventLoop>,
        when: f64,
        callback: Value,
        args: Vec<Value>,
        context: Option<Value>,
    ) -> PyResult<Rc<Handle>> {
        let h = self.new_handle(vm, l, callback, args, Some(when), StepKind::Timer, context)?;
        heap::push(&mut l.state.borrow_mut().scheduled, Timer(h.clone()));
        self.observe(|o| o.scheduled(vm, &h));
        Ok(h)
    }

    #[allow(clippy::too_many_arguments)]
    fn new_handle(
        &self,
        vm: &mut Vm,
        l: &Rc<EventLoop>,
        callback: Value,
        args: Vec<Value>,
        when: Option<f64>,
        kind: StepKind,
        context: Option<Value>,
    ) -> PyResult<Rc<Handle>> {
        if l.state.borrow().closed {
            return Err(vm.new_error("RuntimeError", "Event loop is closed"));
        }
        let created_at = l
            .debug
            .get()
            .then(|| super::debug::created_at(vm, super::debug::Made::Handle));
        Ok(Rc::new(Handle {
            id: vm.next_id(),
            callback,
            args,
            cancelled: Cell::new(false),
            when,
            scheduled: Cell::new(when.is_some()),
            kind,
            context,
            created_at,
            loop_: Rc::downgrade(l),
            class: if when.is_some() {
                self.timer_handle_class.clone()
            } else {
                self.handle_class.clone()
            },
        }))
    }

    /// Creates a task for `coro` on the running loop, named `Task-N`
    /// unless a name is given (then no number is used up).
    pub fn create_task(&self, vm: &mut Vm, coro: Value, name: Option<Value>) -> PyResult<Value> {
        let context = vm.capture_context();
        self.create_task_in(vm, coro, name, context)
    }

    /// [`AioHost::create_task`] with the context its steps run in.
    pub fn create_task_in(
        &self,
        vm: &mut Vm,
        coro: Value,
        name: Option<Value>,
        context: Option<Value>,
    ) -> PyResult<Value> {
        let c = match &coro {
            // 3.11 still takes generators (old generator-based coroutines),
            // and an async generator's aclose() and friends.
            Value::Coroutine(c)
                if c.kind != CoroKind::AsyncGenerator || c.op.borrow().is_some() =>
            {
                c
            }
            _ => {
                let r = vm.repr(&coro)?;
                let msg = format!("a coroutine was expected, got {}", r);
                return Err(vm.new_error("TypeError", &msg));
            }
        };
        if self.tasks_created.get() >= self.guards.get().max_tasks {
            return Err(PyErr::Halt(Halt::TooMany(
                "tasks",
                self.guards.get().max_tasks,
            )));
        }
        self.tasks_created.set(self.tasks_created.get() + 1);
        let name: Rc<str> = match name {
            Some(Value::None) | None => {
                let n = self.task_counter.get() + 1;
                self.task_counter.set(n);
                format!("Task-{}", n).into()
            }
            Some(v) => vm.to_str(&v)?.into(),
        };
        c.touched.set(true);
        let agen_awaitable = match &*c.op.borrow() {
            _ if c.kind != CoroKind::AsyncGenerator => None,
            Some(AgenOp::Send(_)) => Some("async_generator_asend"),
            _ => Some("async_generator_athrow"),
        };
        let task = TaskCore {
            coro: c.clone(),
            name: RefCell::new(name),
            must_cancel: Cell::new(false),
            fut_waiter: RefCell::new(None),
            cancels_requested: Cell::new(0),
            context: RefCell::new(context),
            agen_awaitable,
        };
        let fut = Rc::new(Fut::new(vm, self.task_class.clone(), Some(task)));
        if self.in_debug() {
            let made = super::debug::Made::Task { context: false };
            *fut.created_at.borrow_mut() = Some(super::debug::created_at(vm, made));
        }
        let value = Value::Object(fut);
        if let Value::Object(o) = &value {
            crate::vm::heap::track_native(o);
            self.tasks.borrow_mut().push(Rc::downgrade(o));
        }
        self.observe(|o| o.task_created(vm, &value));
        self.call_soon(
            vm,
            future::task_callback(&value, false),
            vec![],
            StepKind::TaskStep,
        )?;
        Ok(value)
    }

    /// Whether the running loop (else the current one) is in debug mode:
    /// then futures and tasks note where they were made.
    pub fn in_debug(&self) -> bool {
        let running = self.running_loop.borrow();
        match running.as_ref().or(self.current_loop.borrow().as_ref()) {
            Some(l) => l.debug.get(),
            None => false,
        }
    }

    /// Whether an event loop is running.
    pub fn running_loop_is_set(&self) -> bool {
        self.running_loop.borrow().is_some()
    }

    /// How many handles wait in the running loop's ready queue.
    pub fn ready_len(&self) -> usize {
        match self.running_loop.borrow().as_ref() {
            Some(l) => l.state.borrow().ready.len(),
            None => 0,
        }
    }

    /// The tasks not yet done.
    pub fn pending_tasks(&self) -> Vec<Value> {
        let mut tasks = self.tasks.borrow_mut();
        let mut alive = Vec::new();
        tasks.retain(|w| match w.upgrade() {
            Some(o) => {
                let v = Value::Object(o);
                let pending = as_fut(&v).is_some_and(|(f, _)| !f.done());
                if pending {
                    alive.push(v);
                }
                pending
            }
            None => false,
        });
        alive
    }

    /// CPython's `_check_running`: a loop runs once at a time, and one
    /// thread runs one loop.
    fn check_running(&self, vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<()> {
        use super::errors::{through, CHECK_RUNNING_ALREADY, CHECK_RUNNING_ANOTHER};
        if l.state.borrow().running {
            let e = vm.new_error("RuntimeError", "This event loop is already running");
            return Err(through(vm, e, &CHECK_RUNNING_ALREADY));
        }
        if self.running_loop.borrow().is_some() {
            let e = vm.new_error(
                "RuntimeError",
                "Cannot run the event loop while another loop is running",
            );
            return Err(through(vm, e, &CHECK_RUNNING_ANOTHER));
        }
        Ok(())
    }

    /// CPython's `_check_closed`.
    fn check_closed(&self, vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<()> {
        if l.state.borrow().closed {
            let e = vm.new_error("RuntimeError", "Event loop is closed");
            return Err(super::errors::through(vm, e, &super::errors::CHECK_CLOSED));
        }
        Ok(())
    }

    /// Runs the loop until `stop()` (CPython's `run_forever`).
    pub fn run_forever(&self, vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<()> {
        self.run_forever_begin(vm, l)?;
        let result = loop {
            if let Err(e) = self.run_once(vm, l) {
                break Err(super::errors::through(vm, e, &super::errors::RUN_FOREVER));
            }
            if l.state.borrow().stopping {
                break Ok(());
            }
        };
        self.run_forever_end(l);
        result
    }

    /// What `run_forever` does before its first iteration: refuses a
    /// closed or running loop (or a second running loop), then marks `l`
    /// running.
    pub fn run_forever_begin(&self, vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<()> {
        use super::errors::{through, RUN_FOREVER_CHECK_CLOSED, RUN_FOREVER_CHECK_RUNNING};
        self.check_closed(vm, l)
            .map_err(|e| through(vm, e, &RUN_FOREVER_CHECK_CLOSED))?;
        self.check_running(vm, l)
            .map_err(|e| through(vm, e, &RUN_FOREVER_CHECK_RUNNING))?;
        l.state.borrow_mut().running = true;
        *self.running_loop.borrow_mut() = Some(l.clone());
        Ok(())
    }

    /// What `run_forever` does after its last iteration.
    pub fn run_forever_end(&self, l: &Rc<EventLoop>) {
        {
            let mut s = l.state.borrow_mut();
            s.stopping = false;
            s.running = false;
        }
        *self.running_loop.borrow_mut() = None;
    }

    /// The running loop of the thread that runs now, swapped for the one
    /// of the thread that runs next.
    pub fn swap_running_loop(&self, l: Option<Rc<EventLoop>>) -> Option<Rc<EventLoop>> {
        std::mem::replace(&mut *self.running_loop.borrow_mut(), l)
    }

    /// One iteration of the loop (CPython's `_run_once`).
    pub fn run_once(&self, vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<()> {
        self.run_once_wait(vm, l)?;
        self.run_once_ready(vm, l)
    }

    /// The first half of an iteration: its start, then the wait in the
    /// selector. In a thread's own loop (run by `asyncio.py` at the
    /// thread's level) the wait suspends the thread, and the iteration
    /// goes on with [`AioHost::run_once_ready`] when it is woken.
    pub fn run_once_wait(&self, vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<()> {
        let n = self.iterations.get() + 1;
        self.iterations.set(n);
        if n > self.guards.get().max_iterations {
            return Err(PyErr::Halt(Halt::Iterations(
                self.guards.get().max_iterations,
            )));
        }
        self.observe(|o| o.iteration_started(vm, self));
        vm.poll_weakrefs()?;
        {
            let mut s = l.state.borrow_mut();
            let count = s.scheduled.len();
            if count > 100 && s.timer_cancelled_count * 2 > count {
                let mut kept: Vec<Timer> = Vec::with_capacity(count);
                for t in s.scheduled.drain(..) {
                    if t.0.cancelled.get() {
                        t.0.scheduled.set(false);
                    } else {
                        kept.push(t);
                    }
                }
                heap::heapify(&mut kept);
                s.scheduled = kept;
                s.timer_cancelled_count = 0;
            } else {
                while s.scheduled.first().is_some_and(|t| t.0.cancelled.get()) {
                    s.timer_cancelled_count = s.timer_cancelled_count.saturating_sub(1);
                    if let Some(t) = heap::pop(&mut s.scheduled) {
                        t.0.scheduled.set(false);
                    }
                }
            }
        }
        // Wait: the virtual clock jumps to the earliest timer.
        let (has_ready, stopping, first_when) = {
            let s = l.state.borrow();
            (
                !s.ready.is_empty() || !l.signals.borrow().is_empty(),
                s.stopping,
                s.scheduled.first().map(|t| t.when()),
            )
        };
        if !has_ready && !stopping {
            match first_when {
                None if self.interrupt_due(f64::INFINITY).is_some() => {
                    // The loop would wait for ever: Ctrl+C ends the wait.
                    self.wait_for_interrupt(vm)
                        .map_err(|e| interrupted_select(vm, e))?;
                }
                None if self.has_other_threads() => {
                    // Only a thread (run_in_executor) can hand the loop work.
                    self.block(
                        vm,
                        super::threads::Wait {
                            loop_ready: true,
                            event_loop: Some(l.clone()),
                            ..Default::default()
                        },
                    )?;
                }
                None => return Err(PyErr::Halt(Halt::Deadlock(Deadlock::Loop))),
                Some(when) => {
                    let timeout = (when - vm.clock).clamp(0.0, MAX_SELECT_TIMEOUT);
                    if timeout > 0.0 && self.interrupt_due(when).is_some() {
                        // Ctrl+C comes first: the wait ends at its time,
                        // with no timer due.
                        self.wait_for_interrupt(vm)
                            .map_err(|e| interrupted_select(vm, e))?;
                    } else if timeout > 0.0 {
                        if when > self.guards.get().max_time {
                            return Err(PyErr::Halt(Halt::VirtualTime(self.guards.get().max_time)));
                        }
                        if self.has_other_threads() {
                            // Other threads run while the loop waits; one may
                            // hand it work (call_soon_threadsafe).
                            self.block(
                                vm,
                                super::threads::Wait {
                                    until: Some(when),
                                    loop_ready: true,
                                    event_loop: Some(l.clone()),
                                    ..Default::default()
                                },
                            )?;
                        } else if when > vm.clock {
                            let from = vm.clock;
                            self.observe(|o| o.clock_jump(vm, from, when));
                            vm.clock = when;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The second half of an iteration: what the select found, the due
    /// timers, then every handle ready at its start runs.
    pub fn run_once_ready(&self, vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<()> {
        let ntodo = self.run_once_collect(vm, l)?;
        for i in 0..ntodo {
            let Some(h) = l.state.borrow_mut().ready.pop_front() else {
                break;
            };
            if h.cancelled.get() {
                continue;
            }
            self.run_ready_handle(vm, h, i + 1 < ntodo)?;
        }
        Ok(())
    }

    /// Runs a handle taken from the ready queue (`more` when others of the
    /// iteration follow it); the handle goes with it.
    fn run_ready_handle(&self, vm: &mut Vm, h: Rc<Handle>, more: bool) -> PyResult<()> {
        let r = self.run_handle(vm, &h);
        // The handle goes when the next one is taken (or at the end
        // of the iteration): a task only it held dies then.
        drop(h);
        let site = if more {
            &super::errors::RUN_ONCE_NEXT
        } else {
            &super::errors::RUN_ONCE_END
        };
        if vm.finalizers.pending() {
            vm.finalize(&Site::Native(site));
        }
        r.map_err(|e| super::errors::through(vm, e, &super::errors::RUN_ONCE))
    }

    /// The iteration's second half, one handle at a time, for a thread's
    /// own loop run from `asyncio.py`: runs the ready handles in order and
    /// returns the next one whose callback is a Python function (without a
    /// context of its own), for `asyncio.py` to call at the thread's own
    /// level, where a blocking call (`time.sleep`) suspends only the
    /// thread; `None` once the iteration is done. Its first call of an
    /// iteration takes in what the select found and the due timers.
    pub fn run_once_next(
        &self,
        vm: &mut Vm,
        l: &Rc<EventLoop>,
        first: bool,
    ) -> PyResult<Option<Rc<Handle>>> {
        if first {
            let n = self.run_once_collect(vm, l)?;
            l.state.borrow_mut().todo = n;
        }
        loop {
            let left = l.state.borrow().todo;
            if left == 0 {
                return Ok(None);
            }
            l.state.borrow_mut().todo = left - 1;
            let Some(h) = l.state.borrow_mut().ready.pop_front() else {
                l.state.borrow_mut().todo = 0;
                return Ok(None);
            };
            if h.cancelled.get() {
                continue;
            }
            let inline =
                matches!(h.callback, Value::Function(_)) && h.context.is_none() && !l.debug.get();
            if inline {
                self.observe(|o| o.step_started(vm, self, &h));
                return Ok(Some(h));
            }
            self.run_ready_handle(vm, h, left > 1)?;
        }
    }

    /// A handle's callback that `asyncio.py` called failed with `e`: as
    /// `Handle._run` does, the loop's exception handler reports it.
    pub fn inline_handle_failed(&self, vm: &mut Vm, h: &Rc<Handle>, e: Value) {
        let cb = super::repr::callback_repr(vm, &h.callback, &h.args)
            .unwrap_or_else(|_| "<callback>".into());
        super::errors::call_exception_handler(
            vm,
            vec![
                (
                    "message",
                    Value::str(&format!("Exception in callback {}", cb)),
                ),
                ("exception", e),
                ("handle", Value::Object(h.clone())),
            ],
        );
    }

    /// A handle's callback that `asyncio.py` called has returned.
    pub fn inline_handle_done(&self, vm: &mut Vm, l: &Rc<EventLoop>) {
        self.observe(|o| o.step_finished(vm, self));
        let site = if l.state.borrow().todo > 0 {
            &super::errors::RUN_ONCE_NEXT
        } else {
            &super::errors::RUN_ONCE_END
        };
        if vm.finalizers.pending() {
            vm.finalize(&Site::Native(site));
        }
    }

    /// What an iteration takes in before running its handles: what the
    /// select found (signals) and the due timers join the ready queue.
    /// Returns how many handles the iteration runs.
    fn run_once_collect(&self, vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<usize> {
        // A signal arrived: the select sees the self-pipe readable, and
        // the loop's reader (_read_from_self) is queued to handle it.
        if !l.signals.borrow().is_empty() {
            let reader = vm.get_attr(&Value::Object(l.clone()), "_read_from_self")?;
            let h = self.new_handle(vm, l, reader, vec![], None, StepKind::Callback, None)?;
            l.state.borrow_mut().ready.push_back(h.clone());
            self.observe(|o| o.scheduled(vm, &h));
        }
        // Due timers join the ready queue behind what is already there.
        {
            let end = vm.clock + CLOCK_RESOLUTION;
            let mut s = l.state.borrow_mut();
            while let Some(first) = s.scheduled.first() {
                if first.when() >= end {
                    break;
                }
                if let Some(t) = heap::pop(&mut s.scheduled) {
                    t.0.scheduled.set(false);
                    self.observe(|o| o.timer_due(&t.0));
                    s.ready.push_back(t.0);
                }
            }
        }
        let ntodo = l.state.borrow().ready.len();
        Ok(ntodo)
    }

    /// `Handle._run`: a callback's exception is logged through the loop's
    /// exception handler and the loop goes on; `SystemExit` and
    /// `KeyboardInterrupt` go through.
    fn run_handle(&self, vm: &mut Vm, h: &Rc<Handle>) -> PyResult<()> {
        let debug_loop = h.loop_.upgrade().filter(|l| l.debug.get());
        let started = vm.clock;
        if debug_loop.is_some() {
            // What ran before is no Python caller of this handle's work.
            vm.call_site = None;
        }
        self.observe(|o| o.step_started(vm, self, h));
        let r = match &h.context {
            None => vm.call(&h.callback, Args::new(h.args.clone())),
            Some(ctx) => match vm.enter_context(ctx) {
                Ok(outer) => {
                    let r = vm.call(&h.callback, Args::new(h.args.clone()));
                    vm.exit_context(outer);
                    r
                }
                Err(e) => Err(e),
            },
        };
        let result = match r {
            Ok(_) => Ok(()),
            Err(PyErr::Exception(e)) => {
                let e = super::errors::through(vm, PyErr::Exception(e), &super::errors::HANDLE_RUN);
                let PyErr::Exception(e) = e else {
                    unreachable!("an exception stays one")
                };
                if vm.is_instance_of(&e, "KeyboardInterrupt") || vm.is_instance_of(&e, "SystemExit")
                {
                    Err(PyErr::Exception(e))
                } else {
                    let cb = super::repr::callback_repr(vm, &h.callback, &h.args)
                        .unwrap_or_else(|_| "<callback>".into());
                    super::errors::call_exception_handler(
                        vm,
                        vec![
                            (
                                "message",
                                Value::str(&format!("Exception in callback {}", cb)),
                            ),
                            ("exception", e),
                            ("handle", Value::Object(h.clone())),
                        ],
                    );
                    Ok(())
                }
            }
            Err(other) => Err(other),
        };
        if vm.finalizers.pending() {
            vm.finalize(&Site::Native(&super::errors::HANDLE_RUN));
        }
        self.observe(|o| o.step_finished(vm, self));
        result?;
        if let Some(l) = debug_loop {
            super::debug::after_handle(vm, &l, h, vm.clock - started)?;
        }
        Ok(())
    }

    /// `loop.run_until_complete(x)`.
    pub fn run_until_complete(&self, vm: &mut Vm, l: &Rc<EventLoop>, x: Value) -> PyResult<Value> {
        let (fut, stop_cb, new_task) = self.run_until_complete_begin(vm, l, x)?;
        let run = self.run_forever(vm, l);
        self.run_until_complete_end(vm, &fut, &stop_cb, new_task, run)
    }

    /// What `run_until_complete` does before it runs the loop: checks the
    /// loop, wraps `x` in a task if needed and has it stop the loop when
    /// done. Returns the future, the stop callback and whether the task is
    /// new. (A thread's own loop runs between this and
    /// [`AioHost::run_until_complete_end`] from `asyncio.py`, so that its
    /// waits suspend the thread.)
    pub fn run_until_complete_begin(
        &self,
        vm: &mut Vm,
        l: &Rc<EventLoop>,
        x: Value,
    ) -> PyResult<(Value, Value, bool)> {
        // Checked before `x` is wrapped in a task, as CPython does: a
        // coroutine refused here was never awaited.
        use super::errors::{
            through_holding, RUN_UNTIL_COMPLETE_CHECK_CLOSED, RUN_UNTIL_COMPLETE_CHECK_RUNNING,
        };
        let held = [x.clone()];
        self.check_closed(vm, l)
            .map_err(|e| through_holding(vm, e, &RUN_UNTIL_COMPLETE_CHECK_CLOSED, &held))?;
        self.check_running(vm, l)
            .map_err(|e| through_holding(vm, e, &RUN_UNTIL_COMPLETE_CHECK_RUNNING, &held))?;
        drop(held);
        let new_task = as_fut(&x).is_none();
        let fut = match &x {
            Value::Coroutine(_) => {
                let prev_running = self.running_loop.borrow().clone();
                *self.running_loop.borrow_mut() = Some(l.clone());
                let t = self.create_task(vm, x.clone(), None);
                *self.running_loop.borrow_mut() = prev_running;
                let t = t?;
                if let Some((f, _)) = as_fut(&t) {
                    if f.created_at.borrow().is_some() {
                        *f.created_at.borrow_mut() = Some(super::debug::ensure_future_site());
                    }
                }
                t
            }
            v if as_fut(v).is_some() => v.clone(),
            other => {
                return Err(vm.new_error(
                    "TypeError",
                    &format!(
                        "An asyncio.Future, a coroutine or an awaitable is required, not {}",
                        other.type_name()
                    ),
                ))
            }
        };
        let stop_cb = crate::vm::builtins::native(RUN_UNTIL_COMPLETE_CB, run_until_complete_cb);
        if let Some((f, _)) = as_fut(&fut) {
            if f.done() {
                let prev = self.running_loop.borrow().clone();
                *self.running_loop.borrow_mut() = Some(l.clone());
                let r = future::add_done_callback(vm, &fut, f, stop_cb.clone(), None);
                *self.running_loop.borrow_mut() = prev;
                r?;
            } else {
                f.core.borrow_mut().callbacks.push((stop_cb.clone(), None));
            }
        }
        Ok((fut, stop_cb, new_task))
    }

    /// What `run_until_complete` does once the loop stopped (`run` is how
    /// `run_forever` ended): the future's result, or the error.
    pub fn run_until_complete_end(
        &self,
        vm: &mut Vm,
        fut: &Value,
        stop_cb: &Value,
        new_task: bool,
        run: PyResult<()>,
    ) -> PyResult<Value> {
        if let Some((f, _)) = as_fut(fut) {
            f.core.borrow_mut().callbacks.retain(|c| !c.0.is(stop_cb));
        }
        if let Err(e) = run {
            if new_task {
                if let Some((f, _)) = as_fut(fut) {
                    forget_unreachable_task(f);
                }
            }
            return Err(super::errors::through(
                vm,
                e,
                &super::errors::RUN_UNTIL_COMPLETE_FOREVER,
            ));
        }
        let Some((f, _)) = as_fut(fut) else {
            return Err(vm.new_error("TypeError", "run_until_complete needs its future"));
        };
        if !f.done() {
            let e = vm.new_error(
                "RuntimeError",
                "Event loop stopped before Future completed.",
            );
            return Err(super::errors::through(
                vm,
                e,
                &super::errors::RUN_UNTIL_COMPLETE_STOPPED,
            ));
        }
        future::result(vm, f)
            .map_err(|e| super::errors::through(vm, e, &super::errors::RUN_UNTIL_COMPLETE_RESULT))
    }

    /// `loop.stop()`.
    pub fn stop(&self, l: &Rc<EventLoop>) {
        l.state.borrow_mut().stopping = true;
    }

    /// `loop.close()`: drops what is left in the queues.
    pub fn close(&self, vm: &mut Vm, l: &Rc<EventLoop>) -> PyResult<()> {
        if l.state.borrow().running {
            return Err(vm.new_error("RuntimeError", "Cannot close a running event loop"));
        }
        let mut s = l.state.borrow_mut();
        if s.closed {
            return Ok(());
        }
        s.closed = true;
        s.ready.clear();
        s.scheduled.clear();
        Ok(())
    }

    /// `handle.cancel()`: a timer still in its loop's heap is counted, for
    /// the heap clean-up rule of `_run_once`.
    pub fn handle_cancelled(&self, h: &Handle) {
        self.observe(|o| o.cancelled(h));
        if h.when.is_some() && h.scheduled.get() {
            if let Some(l) = h.loop_.upgrade() {
                l.state.borrow_mut().timer_cancelled_count += 1;
            }
        }
    }
}

/// What the SIGINT handler raised in the loop's wait comes out of the
/// selector's poll and `_run_once`'s select call.
fn interrupted_select(vm: &Vm, e: PyErr) -> PyErr {
    use super::errors::{through, RUN_ONCE_SELECT, SELECTOR_POLL};
    let e = through(vm, e, &SELECTOR_POLL);
    through(vm, e, &RUN_ONCE_SELECT)
}

/// `run_until_complete`'s own task failed with the loop's run: its
/// exception counts as retrieved and it is not reported as destroyed
/// pending, since the caller cannot reach it.
pub fn forget_unreachable_task(f: &Fut) {
    if f.done() && !f.cancelled() {
        f.core.borrow_mut().retrieved = true;
    }
    f.log_destroy_pending.set(false);
}

fn run_until_complete_cb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = args.pos.first().cloned().unwrap_or(Value::None);
    if let Some((f, _)) = as_fut(&fut) {
        if !f.cancelled() {
            let exc = f.core.borrow().exception.clone();
            if let Some(e) = exc {
                if vm.is_instance_of(&e, "KeyboardInterrupt") || vm.is_instance_of(&e, "SystemExit")
                {
                    return Ok(Value::None);
                }
            }
        }
    }
    let host = aio(vm);
    if let Some(l) = host.running_loop.borrow().clone() {
        host.stop(&l);
    }
    Ok(Value::None)
}

/// The callback the loop schedules to close a dropped async generator.
fn close_async_generator(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let agen = args.pos.first().cloned().unwrap_or(Value::None);
    super::aio(vm).create_task(vm, agen, None)
}

#[cfg(test)]
mod tests {
    use crate::vm::{Stream, Vm};

    fn output(source: &str) -> String {
        let mut vm = Vm::new();
        crate::aio::install(&mut vm);
        let _ = vm.run_main(source, "main.py");
        vm.written(Stream::Out) + &vm.written(Stream::Err)
    }

    #[test]
    fn get_event_loop_makes_a_loop_only_until_one_was_set() {
        let out = output(
            "import asyncio\n\
             async def main():\n    pass\n\
             first = asyncio.get_event_loop()\n\
             print(asyncio.get_event_loop() is first)\n\
             asyncio.run(main())\n\
             try:\n    asyncio.get_event_loop()\n\
             except RuntimeError as e:\n    print(e)\n\
             try:\n    asyncio.Future()\n\
             except RuntimeError as e:\n    print('Future:', e)\n",
        );
        assert_eq!(
            out,
            "True\nThere is no current event loop in thread 'MainThread'.\n\
             Future: There is no current event loop in thread 'MainThread'.\n"
        );
    }

    #[test]
    fn each_thread_has_its_own_policy_loop() {
        let out = output(
            "import asyncio, threading\n\
             main_loop = asyncio.get_event_loop()\n\
             def worker():\n    try:\n        asyncio.get_event_loop()\n    except RuntimeError as e:\n        print(e)\n    loop = asyncio.new_event_loop()\n    asyncio.set_event_loop(loop)\n    print(asyncio.get_event_loop() is loop, loop is main_loop)\n\
             t = threading.Thread(target=worker, name='w')\n\
             t.start()\n\
             t.join()\n\
             print(asyncio.get_event_loop() is main_loop)\n",
        );
        assert_eq!(
            out,
            "There is no current event loop in thread 'w'.\nTrue False\nTrue\n"
        );
    }

    #[test]
    fn a_threads_run_until_complete_returns_its_coroutines_result() {
        let out = output(
            "import asyncio, threading\n\
             async def job():\n    await asyncio.sleep(1)\n    return 42\n\
             def worker():\n    loop = asyncio.new_event_loop()\n    print(loop.run_until_complete(job()))\n    loop.close()\n\
             t = threading.Thread(target=worker)\n\
             t.start()\n\
             t.join()\n",
        );
        assert_eq!(out, "42\n");
    }
}
