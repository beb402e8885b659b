//! Simulated threads, deterministic.
//!
//! Scheduling rule: a thread runs until it blocks (`time.sleep`,
//! `Thread.join`, `Event.wait`, the event loop waiting for its next timer)
//! or ends; then the blocked-or-runnable thread that can continue earliest
//! in virtual time runs next, ties going to the thread created first (the
//! main thread is thread 0). That is CPython with the GIL released only
//! around blocking calls, and a machine fast enough that computation takes
//! no virtual time; it is what the spinner lesson needs: while the main
//! thread sleeps, the spinner thread visibly runs.
//!
//! The main thread is the Rust call stack itself: when it blocks, the
//! scheduler runs the other threads inline until its condition holds.
//! Other threads are fibers that suspend at their blocking calls. A thread
//! that blocks inside a nested native call (for example an event loop run
//! in a thread) also waits inline; the limitation is that threads blocked
//! further down the Rust stack wake only after it.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::vm::frame::Frame;
use crate::vm::interp::{Outcome, Resume};
use crate::vm::value::{Args, Class, Deadlock, Halt, NativeObject, PyErr, PyResult, Value};
use crate::vm::Vm;

use super::host::{aio, AioHost};

/// What a blocked thread waits for (any of the set conditions wakes it).
#[derive(Clone, Default)]
pub struct Wait {
    /// A virtual time.
    pub until: Option<f64>,
    /// A `threading.Lock` being free (the waiter then takes it).
    pub lock: Option<Rc<LockObj>>,
    /// Another thread finishing.
    pub thread: Option<usize>,
    /// The running event loop having something ready (a thread called
    /// `call_soon_threadsafe`).
    pub loop_ready: bool,
    /// That loop, when the waiter is the loop itself (else the running
    /// loop of whoever looks).
    pub event_loop: Option<Rc<super::host::EventLoop>>,
}

/// Where a thread is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreadState {
    /// Created, not started.
    Initial,
    /// Started, waiting for its first turn, or woken.
    Runnable,
    /// Waiting on a [`Wait`].
    Blocked,
    /// Running (possibly blocked inline further up the Rust stack).
    Running,
    /// Finished.
    Finished,
}

/// One simulated thread.
pub struct ThreadRec {
    /// `Thread.name`.
    pub name: String,
    /// Its state.
    pub state: ThreadState,
    /// Daemon threads do not keep the program alive.
    pub daemon: bool,
    /// Its suspended frames (none for the main thread).
    pub fiber: Option<Vec<Box<Frame>>>,
    /// What it waits for while blocked.
    pub wait: Wait,
    /// Its current `contextvars` context while another thread runs (a
    /// new thread starts with an empty one).
    pub context: Option<Rc<crate::vm::modules::contextvars::ContextObj>>,
    /// The event loop running in it, while another thread runs.
    pub running_loop: Option<Rc<super::host::EventLoop>>,
    /// Its event loop policy state, while another thread runs.
    pub policy: super::host::PolicyLocal,
}

/// `threading.Lock` (`_thread.lock`): a flag that a blocking `acquire`
/// waits on; releasing it never switches threads.
pub struct LockObj {
    locked: Cell<bool>,
    id: u64,
    class: Rc<Class>,
}

impl NativeObject for LockObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "lock"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!(
            "<{} _thread.lock object at {}>",
            if self.locked.get() {
                "locked"
            } else {
                "unlocked"
            },
            crate::vm::repr::fake_address(self.id)
        ))
    }
}

/// The value a blocking call evaluates to once its thread goes on: a lock
/// wait takes the lock if it is free (True) or gives up (False, timed out).
fn wake_value(wait: &Wait) -> Value {
    match &wait.lock {
        Some(l) => {
            if l.locked.get() {
                Value::Bool(false)
            } else {
                l.locked.set(true);
                Value::Bool(true)
            }
        }
        None => Value::None,
    }
}

impl AioHost {
    fn wait_satisfied(&self, vm: &Vm, w: &Wait) -> bool {
        if w.until.is_some_and(|t| t <= vm.clock) {
            return true;
        }
        if w.lock.as_ref().is_some_and(|l| !l.locked.get()) {
            return true;
        }
        if let Some(t) = w.thread {
            if self.threads.borrow()[t].state == ThreadState::Finished {
                return true;
            }
        }
        w.loop_ready
            && match &w.event_loop {
                Some(l) => l.has_ready(),
                None => self.ready_len() > 0,
            }
    }

    /// When a thread could continue: now if runnable or its wait already
    /// holds, its timeout otherwise, `None` if only another event can wake it.
    fn ready_time(&self, vm: &Vm, id: usize) -> Option<f64> {
        let threads = self.threads.borrow();
        let t = &threads[id];
        match t.state {
            ThreadState::Runnable => Some(vm.clock),
            ThreadState::Blocked => {
                let w = t.wait.clone();
                drop(threads);
                if self.wait_satisfied(vm, &w) {
                    Some(vm.clock)
                } else {
                    w.until
                }
            }
            _ => None,
        }
    }

    /// Blocks the current thread until `wait` holds. Returns the value the
    /// blocking call evaluates to (a lock wait's success, else None).
    pub fn block(&self, vm: &mut Vm, wait: Wait) -> PyResult<Value> {
        let current = self.current_thread.get();
        let at_fiber_level = current != 0 && self.fiber_depth.get() == vm.native_depth;
        if at_fiber_level {
            return Err(PyErr::Suspend(Rc::new(wait)));
        }
        self.run_others_until(vm, &wait)?;
        Ok(wake_value(&wait))
    }

    /// Whether any thread other than the main one exists and is not done.
    pub fn has_other_threads(&self) -> bool {
        self.threads
            .borrow()
            .iter()
            .skip(1)
            .any(|t| !matches!(t.state, ThreadState::Finished | ThreadState::Initial))
    }

    /// Runs other threads until `wait` (of the current thread) holds.
    /// Meanwhile the current thread is marked blocked on `wait`, so that
    /// the frames recorded in between show what it waits for.
    pub fn run_others_until(&self, vm: &mut Vm, wait: &Wait) -> PyResult<()> {
        let me = self.current_thread.get();
        let saved = {
            let mut threads = self.threads.borrow_mut();
            let t = &mut threads[me];
            let state = std::mem::replace(&mut t.state, ThreadState::Blocked);
            (state, std::mem::replace(&mut t.wait, wait.clone()))
        };
        let result = self.run_others_until_inner(vm, wait, me);
        let mut threads = self.threads.borrow_mut();
        let t = &mut threads[me];
        t.state = saved.0;
        t.wait = saved.1;
        result
    }

    fn run_others_until_inner(&self, vm: &mut Vm, wait: &Wait, me: usize) -> PyResult<()> {
        loop {
            if self.wait_satisfied(vm, wait) {
                return Ok(());
            }
            let n = self.threads.borrow().len();
            let mut best: Option<(f64, usize)> = None;
            for id in 0..n {
                if id == me || self.threads.borrow()[id].fiber.is_none() {
                    continue;
                }
                if let Some(t) = self.ready_time(vm, id) {
                    if best.is_none_or(|(bt, _)| t < bt) {
                        best = Some((t, id));
                    }
                }
            }
            let mine = wait.until;
            if me != 0 && self.interrupt_unwinds(vm, best.map(|b| b.0), mine) {
                return Err(PyErr::Halt(Halt::Stopped));
            }
            match best {
                Some((t, id)) if mine.is_none_or(|m| t < m || (t == m && id < me)) => {
                    if t > self.guards.get().max_time {
                        return Err(PyErr::Halt(Halt::VirtualTime(self.guards.get().max_time)));
                    }
                    if t > vm.clock {
                        let from = vm.clock;
                        self.observe(|o| o.clock_jump(vm, from, t));
                        vm.clock = t;
                    }
                    self.run_thread(vm, id)?;
                }
                _ => {
                    match mine {
                        Some(m) => {
                            if m > self.guards.get().max_time {
                                return Err(PyErr::Halt(Halt::VirtualTime(
                                    self.guards.get().max_time,
                                )));
                            }
                            if m > vm.clock {
                                // The loop waiting for its timer, or a thread
                                // waiting outside any loop, is a clock jump; a
                                // sleep that freezes the loop is recorded by
                                // the sleep itself.
                                let freezes_loop =
                                    !wait.loop_ready && me == 0 && self.running_loop_is_set();
                                if !freezes_loop {
                                    let from = vm.clock;
                                    self.observe(|o| o.clock_jump(vm, from, m));
                                }
                                vm.clock = m;
                            }
                            return Ok(());
                        }
                        None => return Err(PyErr::Halt(Halt::Deadlock(Deadlock::Threads))),
                    }
                }
            }
        }
    }

    /// Runs one thread until it blocks or ends.
    fn run_thread(&self, vm: &mut Vm, id: usize) -> PyResult<()> {
        let (mut fiber, resume, name) = {
            let mut threads = self.threads.borrow_mut();
            let t = &mut threads[id];
            let Some(fiber) = t.fiber.take() else {
                return Ok(());
            };
            let resume = match t.state {
                ThreadState::Blocked => Some(Resume::Send(wake_value(&t.wait))),
                _ => None,
            };
            t.state = ThreadState::Running;
            (fiber, resume, t.name.clone())
        };
        let outer_context = vm.context.take();
        vm.context = self.threads.borrow_mut()[id].context.take();
        let own_loop = self.threads.borrow_mut()[id].running_loop.take();
        let outer_loop = self.swap_running_loop(own_loop);
        let own_policy = std::mem::take(&mut self.threads.borrow_mut()[id].policy);
        let outer_policy = self.swap_policy(own_policy);
        let prev = self.current_thread.replace(id);
        let prev_depth = self.fiber_depth.replace(vm.native_depth);
        self.observe(|o| o.thread_running(vm, &name));
        vm.frame_depth += fiber.len() as u32;
        let outcome = vm.run_fiber(&mut fiber, resume);
        vm.frame_depth -= fiber.len() as u32;
        self.threads.borrow_mut()[id].context = std::mem::replace(&mut vm.context, outer_context);
        self.threads.borrow_mut()[id].running_loop = self.swap_running_loop(outer_loop);
        self.threads.borrow_mut()[id].policy = self.swap_policy(outer_policy);
        self.current_thread.set(prev);
        self.fiber_depth.set(prev_depth);
        let (result, uncaught) = {
            let mut threads = self.threads.borrow_mut();
            let t = &mut threads[id];
            match outcome {
                Ok(Outcome::Suspend(req)) => {
                    match req.downcast::<Wait>() {
                        Ok(w) => {
                            t.wait = (*w).clone();
                            t.state = ThreadState::Blocked;
                            t.fiber = Some(fiber);
                        }
                        Err(_) => t.state = ThreadState::Finished,
                    }
                    (Ok(()), None)
                }
                Ok(_) => {
                    t.state = ThreadState::Finished;
                    (Ok(()), None)
                }
                Err(PyErr::Exception(e)) => {
                    t.state = ThreadState::Finished;
                    (Ok(()), Some(e))
                }
                Err(other) => {
                    t.state = ThreadState::Finished;
                    (Err(other), None)
                }
            }
        };
        if let Some(e) = uncaught {
            if !vm.is_instance_of(&e, "SystemExit") {
                let tb = vm.format_traceback(&e);
                vm.write_stderr(&format!("Exception in thread {}:\n{}", name, tb));
            }
        }
        // Observed once the thread's new state is known: the frame shows
        // what it now waits for.
        self.observe(|o| o.thread_stopped(vm, &name));
        result
    }

    /// At the end of the program, waits for the non-daemon threads (as
    /// `threading._shutdown` does).
    pub fn join_all(&self, vm: &mut Vm) -> PyResult<()> {
        // First what threading._shutdown runs before joining: the hooks
        // registered with _register_atexit (executors stop their workers).
        if let Some(hook) = vm.modules.get("threading").and_then(|m| m.get("_at_exit")) {
            vm.call(&hook, Args::default())?;
        }
        loop {
            let pending = self
                .threads
                .borrow()
                .iter()
                .enumerate()
                .skip(1)
                .find_map(|(i, t)| {
                    (!t.daemon && !matches!(t.state, ThreadState::Finished | ThreadState::Initial))
                        .then_some(i)
                });
            match pending {
                Some(id) => {
                    if self.join_interrupted(vm, id)? {
                        return Ok(());
                    }
                    self.run_others_until(
                        vm,
                        &Wait {
                            thread: Some(id),
                            ..Wait::default()
                        },
                    )?;
                }
                None => return Ok(()),
            }
        }
    }

    /// Starts a thread running `target(*args, **kwargs)`.
    pub fn start_thread(
        &self,
        vm: &mut Vm,
        id: usize,
        target: &Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<()> {
        if self.threads.borrow()[id].state != ThreadState::Initial {
            return Err(vm.new_error("RuntimeError", "threads can only be started once"));
        }
        let frame = match vm.invoke(
            target.clone(),
            Args {
                pos: args,
                kw: kwargs,
            },
        )? {
            crate::vm::call::Invoked::Frame(f) => f,
            crate::vm::call::Invoked::Value(_) => {
                // A native target ran to completion at once.
                self.threads.borrow_mut()[id].state = ThreadState::Finished;
                return Ok(());
            }
        };
        let mut threads = self.threads.borrow_mut();
        threads[id].fiber = Some(vec![frame]);
        threads[id].state = ThreadState::Runnable;
        Ok(())
    }

    /// Registers a new thread; returns its id.
    pub fn new_thread(&self, name: String, daemon: bool) -> usize {
        let mut threads = self.threads.borrow_mut();
        threads.push(ThreadRec {
            name,
            state: ThreadState::Initial,
            daemon,
            fiber: None,
            wait: Wait::default(),
            context: None,
            running_loop: None,
            policy: Default::default(),
        });
        threads.len() - 1
    }
}

// ----- the native half of the threading module ------------------------------

/// The identity number CPython would show for thread `id` (`ident`).
fn ident_of(id: usize) -> i64 {
    140_000_000_000_000 + id as i64 * 4096
}

fn tid_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<usize> {
    let host = aio(vm);
    let n = host.threads.borrow().len();
    match args.pos.get(i) {
        Some(Value::Int(t)) if *t >= 0 && (*t as usize) < n => Ok(*t as usize),
        _ => Err(vm.new_error("ValueError", "no such thread")),
    }
}

/// `new_thread(name, daemon)`: registers a thread; returns its id.
fn t_new_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match args.pos.first() {
        Some(v) => vm.to_str(v)?,
        None => String::new(),
    };
    let daemon = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let host = aio(vm);
    Ok(Value::Int(host.new_thread(name, daemon) as i64))
}

/// `start(id, func)`: the thread will run `func()`.
fn t_start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = tid_arg(vm, &args, 0)?;
    let func = args.pos.get(1).cloned().unwrap_or(Value::None);
    aio(vm).start_thread(vm, id, &func, Vec::new(), Vec::new())?;
    Ok(Value::None)
}

/// `join(id, timeout)`: blocks until the thread ends or the timeout.
fn t_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = tid_arg(vm, &args, 0)?;
    let until = match args.pos.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.clock + crate::vm::builtins::float_arg(vm, v, "timeout")?.max(0.0)),
    };
    aio(vm).block(
        vm,
        Wait {
            thread: Some(id),
            until,
            ..Wait::default()
        },
    )?;
    Ok(Value::None)
}

/// `state(id)`: 'initial', 'started' or 'stopped'.
fn t_state(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = tid_arg(vm, &args, 0)?;
    let state = aio(vm).threads.borrow()[id].state;
    Ok(Value::str(match state {
        ThreadState::Initial => "initial",
        ThreadState::Finished => "stopped",
        _ => "started",
    }))
}

/// `set_name(id, name)`: the name the trace shows.
fn t_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = tid_arg(vm, &args, 0)?;
    let name = match args.pos.get(1) {
        Some(v) => vm.to_str(v)?,
        None => String::new(),
    };
    aio(vm).threads.borrow_mut()[id].name = name;
    Ok(Value::None)
}

/// `set_daemon(id, daemon)`: daemon threads are not waited for at exit.
fn t_set_daemon(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = tid_arg(vm, &args, 0)?;
    let daemon = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    aio(vm).threads.borrow_mut()[id].daemon = daemon;
    Ok(Value::None)
}

/// `current()`: the id of the running thread.
fn t_current(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(aio(vm).current_thread.get() as i64))
}

/// `ident(id)`: its `ident`.
fn t_ident(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = tid_arg(vm, &args, 0)?;
    Ok(Value::Int(ident_of(id)))
}

/// `get_ident()`: the running thread's `ident`.
fn t_get_ident(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(ident_of(aio(vm).current_thread.get())))
}

/// `report(name, exc)`: what `threading.excepthook` prints for an
/// exception that ended a thread.
fn t_report(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(name), Some(exc)) = (args.pos.first(), args.pos.get(1)) else {
        return Ok(Value::None);
    };
    let name = vm.to_str(name)?;
    let tb = vm.format_traceback(exc);
    vm.write_stderr(&format!("Exception in thread {}:\n{}", name, tb));
    Ok(Value::None)
}

fn lock_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    Ok(Value::Object(Rc::new(LockObj {
        locked: Cell::new(false),
        id: vm.next_id(),
        class: host.lock_class.clone(),
    })))
}

fn lock_of(vm: &mut Vm, args: &Args) -> PyResult<Rc<LockObj>> {
    if let Some(Value::Object(obj)) = args.pos.first() {
        let any: Rc<dyn Any> = obj.clone();
        if let Ok(l) = any.downcast::<LockObj>() {
            return Ok(l);
        }
    }
    Err(vm.new_error("TypeError", "a lock method needs its lock"))
}

/// `lock.acquire(blocking=True, timeout=-1)`.
fn lock_acquire(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let blocking = args
        .take_kw("blocking")
        .or_else(|| args.pos.get(1).cloned());
    let timeout = args.take_kw("timeout").or_else(|| args.pos.get(2).cloned());
    let l = lock_of(vm, &args)?;
    let blocking = match blocking {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let timeout = match timeout {
        None | Some(Value::None) => -1.0,
        Some(v) => crate::vm::builtins::float_arg(vm, &v, "timeout")?,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.new_error(
            "ValueError",
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.new_error("ValueError", "timeout value must be a non-negative number"));
    }
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(Value::Bool(true));
    }
    if !blocking || timeout == 0.0 {
        return Ok(Value::Bool(false));
    }
    let until = (timeout > 0.0).then_some(vm.clock + timeout);
    aio(vm).block(
        vm,
        Wait {
            lock: Some(l),
            until,
            ..Wait::default()
        },
    )
}

/// `lock.__enter__()`: a blocking acquire.
fn lock_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    lock_acquire(vm, Args::new(args.pos.into_iter().take(1).collect()))
}

fn lock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = lock_of(vm, &args)?;
    if !l.locked.get() {
        return Err(vm.new_error("RuntimeError", "release unlocked lock"));
    }
    l.locked.set(false);
    Ok(Value::None)
}

fn lock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(lock_of(vm, &args)?.locked.get()))
}

/// The native `_threading` module that `threading.py` is built on.
pub fn module(vm: &mut Vm) -> PyResult<Rc<crate::vm::value::Module>> {
    use crate::vm::builtins::native;
    let host = aio(vm);
    let m = crate::vm::value::Module::new("_threading");
    m.set("Lock", Value::Class(host.lock_class.clone()));
    let funcs: &[(&str, crate::vm::value::NativeImpl)] = &[
        ("new_thread", t_new_thread),
        ("start", t_start),
        ("join", t_join),
        ("state", t_state),
        ("set_name", t_set_name),
        ("set_daemon", t_set_daemon),
        ("current", t_current),
        ("ident", t_ident),
        ("get_ident", t_get_ident),
        ("report", t_report),
    ];
    for (name, f) in funcs {
        m.set(name, native(name, *f));
    }
    Ok(m)
}

/// Installs the methods of `Lock`.
pub fn install_methods(lock: &Rc<Class>) {
    use crate::vm::methods::def;
    def(lock, "__new__", lock_new);
    def(lock, "acquire", lock_acquire);
    def(lock, "acquire_lock", lock_acquire);
    def(lock, "__enter__", lock_enter);
    def(lock, "release", lock_release);
    def(lock, "release_lock", lock_release);
    def(lock, "__exit__", lock_release);
    def(lock, "locked", lock_locked);
    def(lock, "locked_lock", lock_locked);
}

/// The host's table of threads; index 0 is the main thread.
pub type ThreadTable = RefCell<Vec<ThreadRec>>;

/// The table with just the main thread.
pub fn main_thread_table() -> ThreadTable {
    RefCell::new(vec![ThreadRec {
        name: "MainThread".into(),
        state: ThreadState::Running,
        daemon: false,
        fiber: None,
        wait: Wait::default(),
        context: None,
        running_loop: None,
        policy: Default::default(),
    }])
}
