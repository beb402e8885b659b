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
    /// A `threading.Event` being set.
    pub event: Option<Rc<EventObj>>,
    /// Another thread finishing.
    pub thread: Option<usize>,
    /// The running event loop having something ready (a thread called
    /// `call_soon_threadsafe`).
    pub loop_ready: bool,
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
}

/// `threading.Thread`.
pub struct ThreadObj {
    /// Index in the host's thread table.
    pub id: usize,
    target: Value,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
    class: Rc<Class>,
}

/// `threading.Event`.
pub struct EventObj {
    flag: Cell<bool>,
    class: Rc<Class>,
}

impl NativeObject for EventObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "Event"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!(
            "<threading.Event [{}]>",
            if self.flag.get() { "set" } else { "unset" }
        ))
    }
}

impl NativeObject for ThreadObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "Thread"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let host = aio(vm);
        let threads = host.threads.borrow();
        let t = &threads[self.id];
        let status = match t.state {
            ThreadState::Initial => "initial".to_string(),
            ThreadState::Finished => "stopped".to_string(),
            _ => format!("started {}", 140_000_000_000_000u64 + self.id as u64 * 4096),
        };
        let daemon = if t.daemon { " daemon" } else { "" };
        Ok(format!("<Thread({}, {}{})>", t.name, status, daemon))
    }
    fn get_attr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let host = aio(vm);
        let threads = host.threads.borrow();
        let t = &threads[self.id];
        match name {
            "name" => Some(Ok(Value::str(&t.name))),
            "daemon" => Some(Ok(Value::Bool(t.daemon))),
            "ident" => Some(Ok(match t.state {
                ThreadState::Initial => Value::None,
                _ => Value::Int(140_000_000_000_000 + self.id as i64 * 4096),
            })),
            _ => None,
        }
    }
    fn set_attr(&self, vm: &mut Vm, name: &str, value: Value) -> Option<PyResult<()>> {
        let host = aio(vm);
        let mut threads = host.threads.borrow_mut();
        match name {
            "daemon" => {
                threads[self.id].daemon = matches!(value, Value::Bool(true));
                Some(Ok(()))
            }
            "name" => {
                if let Value::Str(s) = value {
                    threads[self.id].name = s.to_string();
                }
                Some(Ok(()))
            }
            _ => None,
        }
    }
}

impl AioHost {
    fn wait_satisfied(&self, vm: &Vm, w: &Wait) -> bool {
        if w.until.is_some_and(|t| t <= vm.clock) {
            return true;
        }
        if w.event.as_ref().is_some_and(|e| e.flag.get()) {
            return true;
        }
        if let Some(t) = w.thread {
            if self.threads.borrow()[t].state == ThreadState::Finished {
                return true;
            }
        }
        w.loop_ready && self.ready_len() > 0
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
    /// blocking call evaluates to (`Event.wait`'s flag, else None).
    pub fn block(&self, vm: &mut Vm, wait: Wait) -> PyResult<Value> {
        let current = self.current_thread.get();
        let at_fiber_level = current != 0 && self.fiber_depth.get() == vm.native_depth;
        if at_fiber_level {
            return Err(PyErr::Suspend(Rc::new(wait)));
        }
        self.run_others_until(vm, &wait)?;
        Ok(match &wait.event {
            Some(e) => Value::Bool(e.flag.get()),
            None => Value::None,
        })
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
    pub fn run_others_until(&self, vm: &mut Vm, wait: &Wait) -> PyResult<()> {
        let me = self.current_thread.get();
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
                ThreadState::Blocked => Some(Resume::Send(match &t.wait.event {
                    Some(e) => Value::Bool(e.flag.get()),
                    None => Value::None,
                })),
                _ => None,
            };
            t.state = ThreadState::Running;
            (fiber, resume, t.name.clone())
        };
        let prev = self.current_thread.replace(id);
        let prev_depth = self.fiber_depth.replace(vm.native_depth);
        self.observe(|o| o.thread_running(vm, &name));
        vm.frame_depth += fiber.len() as u32;
        let outcome = vm.run_fiber(&mut fiber, resume);
        vm.frame_depth -= fiber.len() as u32;
        self.current_thread.set(prev);
        self.fiber_depth.set(prev_depth);
        self.observe(|o| o.thread_stopped(vm, &name));
        let mut threads = self.threads.borrow_mut();
        let t = &mut threads[id];
        match outcome {
            Ok(Outcome::Suspend(req)) => match req.downcast::<Wait>() {
                Ok(w) => {
                    t.wait = (*w).clone();
                    t.state = ThreadState::Blocked;
                    t.fiber = Some(fiber);
                }
                Err(_) => t.state = ThreadState::Finished,
            },
            Ok(_) => t.state = ThreadState::Finished,
            Err(PyErr::Exception(e)) => {
                t.state = ThreadState::Finished;
                drop(threads);
                if !vm.is_instance_of(&e, "SystemExit") {
                    let tb = vm.format_traceback(&e);
                    vm.write_stderr(&format!("Exception in thread {}:\n{}", name, tb));
                }
            }
            Err(other) => {
                t.state = ThreadState::Finished;
                return Err(other);
            }
        }
        Ok(())
    }

    /// At the end of the program, waits for the non-daemon threads (as
    /// `threading._shutdown` does).
    pub fn join_all(&self, vm: &mut Vm) -> PyResult<()> {
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
        });
        threads.len() - 1
    }
}

// ----- the threading module ---------------------------------------------------

fn thread_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let target = args.take_kw("target").unwrap_or(Value::None);
    let name = args.take_kw("name");
    let targs = match args.take_kw("args") {
        Some(v) => vm.collect(&v)?,
        None => Vec::new(),
    };
    let tkwargs = match args.take_kw("kwargs") {
        Some(v) => vm
            .mapping_items(&v)?
            .into_iter()
            .filter_map(|(k, v)| match k {
                Value::Str(s) => Some((s, v)),
                _ => None,
            })
            .collect(),
        None => Vec::new(),
    };
    let daemon = match args.take_kw("daemon") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let host = aio(vm);
    let n = host.thread_counter.get() + 1;
    host.thread_counter.set(n);
    let name = match name {
        Some(Value::None) | None => match &target {
            Value::Function(f) => format!("Thread-{} ({})", n, f.name.borrow()),
            _ => format!("Thread-{}", n),
        },
        Some(v) => vm.to_str(&v)?,
    };
    let id = host.new_thread(name, daemon);
    Ok(Value::Object(Rc::new(ThreadObj {
        id,
        target,
        args: targs,
        kwargs: tkwargs,
        class: host.thread_class.clone(),
    })))
}

fn thread_of<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a ThreadObj> {
    match args.pos.first().and_then(|v| v.downcast::<ThreadObj>()) {
        Some(t) => Ok(t),
        None => Err(vm.new_error("TypeError", "a Thread method needs its thread")),
    }
}

fn thread_start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = thread_of(vm, &args)?;
    let host = aio(vm);
    host.start_thread(vm, t.id, &t.target, t.args.clone(), t.kwargs.clone())?;
    Ok(Value::None)
}

fn thread_join(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let timeout = args.take_kw("timeout").or_else(|| args.pos.get(1).cloned());
    let t = thread_of(vm, &args)?;
    let host = aio(vm);
    if t.id == host.current_thread.get() {
        return Err(vm.new_error("RuntimeError", "cannot join current thread"));
    }
    if host.threads.borrow()[t.id].state == ThreadState::Initial {
        return Err(vm.new_error("RuntimeError", "cannot join thread before it is started"));
    }
    let until = match timeout {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.clock + crate::vm::builtins::float_arg(vm, &v, "timeout")?),
    };
    host.block(
        vm,
        Wait {
            thread: Some(t.id),
            until,
            ..Wait::default()
        },
    )?;
    Ok(Value::None)
}

fn thread_is_alive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = thread_of(vm, &args)?;
    let host = aio(vm);
    let state = host.threads.borrow()[t.id].state;
    Ok(Value::Bool(!matches!(
        state,
        ThreadState::Initial | ThreadState::Finished
    )))
}

fn thread_get_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = thread_of(vm, &args)?;
    let host = aio(vm);
    let name = host.threads.borrow()[t.id].name.clone();
    Ok(Value::str(&name))
}

fn event_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    Ok(Value::Object(Rc::new(EventObj {
        flag: Cell::new(false),
        class: host.thread_event_class.clone(),
    })))
}

fn event_of<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a EventObj> {
    match args.pos.first().and_then(|v| v.downcast::<EventObj>()) {
        Some(e) => Ok(e),
        None => Err(vm.new_error("TypeError", "an Event method needs its event")),
    }
}

fn event_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    event_of(vm, &args)?.flag.set(true);
    Ok(Value::None)
}

fn event_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    event_of(vm, &args)?.flag.set(false);
    Ok(Value::None)
}

fn event_is_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(event_of(vm, &args)?.flag.get()))
}

fn event_wait(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let timeout = args.take_kw("timeout").or_else(|| args.pos.get(1).cloned());
    let e = event_of(vm, &args)?;
    if e.flag.get() {
        return Ok(Value::Bool(true));
    }
    let Some(Value::Object(obj)) = args.pos.first().cloned() else {
        return Ok(Value::Bool(false));
    };
    let any: Rc<dyn Any> = obj;
    let Ok(rc) = any.downcast::<EventObj>() else {
        return Ok(Value::Bool(false));
    };
    let until = match timeout {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.clock + crate::vm::builtins::float_arg(vm, &v, "timeout")?),
    };
    let host = aio(vm);
    host.block(
        vm,
        Wait {
            event: Some(rc),
            until,
            ..Wait::default()
        },
    )
}

fn current_thread(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    let id = host.current_thread.get();
    let name = host.threads.borrow()[id].name.clone();
    Ok(Value::Str(name.into()))
}

fn active_count(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    let n = host
        .threads
        .borrow()
        .iter()
        .filter(|t| !matches!(t.state, ThreadState::Initial | ThreadState::Finished))
        .count();
    Ok(Value::Int(n as i64 + 1))
}

/// The native `threading` module.
pub fn module(vm: &mut Vm) -> PyResult<Rc<crate::vm::value::Module>> {
    use crate::vm::builtins::native;
    let host = aio(vm);
    let m = crate::vm::value::Module::new("threading");
    m.set("Thread", Value::Class(host.thread_class.clone()));
    m.set("Event", Value::Class(host.thread_event_class.clone()));
    m.set("current_thread", native("current_thread", current_thread));
    m.set("active_count", native("active_count", active_count));
    Ok(m)
}

/// Installs the methods of `Thread` and `Event`.
pub fn install_methods(thread: &Rc<Class>, event: &Rc<Class>) {
    use crate::vm::methods::def;
    def(thread, "__new__", thread_new);
    def(thread, "start", thread_start);
    def(thread, "join", thread_join);
    def(thread, "is_alive", thread_is_alive);
    def(thread, "getName", thread_get_name);
    def(event, "__new__", event_new);
    def(event, "set", event_set);
    def(event, "clear", event_clear);
    def(event, "is_set", event_is_set);
    def(event, "wait", event_wait);
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
    }])
}
