//! The asyncio event loop, on the interpreter.
//!
//! The loop, handles, futures and tasks are native (`host`, `future`):
//! they decide ordering and the trace reads them directly. The library
//! built on them (`sleep`, `gather`, `wait`, locks, queues, ...) is Python
//! in `asyncio.py`, written in the same subset as user programs and
//! following CPython 3.11's behaviour step for step, so that it suspends
//! exactly where CPython does.

pub mod debug;
pub mod errors;
pub mod future;
pub mod heap;
pub mod host;
pub mod internet;
pub mod json;
pub mod observer;
pub mod repr;
pub mod signals;
pub mod sync;
pub mod threads;
pub mod world;

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::methods::def;
use crate::vm::types::new_class;
use crate::vm::value::{
    Args, Attrs, AwaitPoll, Class, ClassKind, Module, NativeObject, PyResult, Value,
};
use crate::vm::Vm;

use future::{as_fut, Fut};
use host::{aio, AioHost, EventLoop, Handle};
use observer::StepKind;

/// The classes the native layer creates.
pub struct Classes {
    /// `_GatheringFuture`, `gather()`'s outer future.
    pub gathering: Rc<Class>,
    /// `Future`.
    pub future: Rc<Class>,
    /// `Task`.
    pub task: Rc<Class>,
    /// The loop class.
    pub loop_: Rc<Class>,
    /// `Handle`.
    pub handle: Rc<Class>,
    /// `TimerHandle`, a `Handle` with a due time.
    pub timer_handle: Rc<Class>,
    /// `CancelledError`.
    pub cancelled_error: Rc<Class>,
    /// `InvalidStateError`.
    pub invalid_state_error: Rc<Class>,
    /// `threading.Lock`.
    pub lock: Rc<Class>,
}

/// Installs asyncio into an interpreter: the native `_aio` module, the
/// Python `asyncio` and `net` modules, and the host that owns the loop.
pub fn install(vm: &mut Vm) {
    let ids = Cell::new(vm.next_id() + 1_000_000);
    // Each class in the module CPython defines it in: the C accelerated
    // `_asyncio` for futures and tasks (`<class '_asyncio.Task'>`).
    let plain = |name: &str, module: &str| {
        new_class(
            &ids,
            name,
            module,
            vec![],
            ClassKind::Builtin,
            Attrs::default(),
        )
        .expect("no bases")
    };
    let future = plain("Future", "_asyncio");
    // A Task is a Future (isinstance(task, asyncio.Future) is True).
    let task = new_class(
        &ids,
        "Task",
        "_asyncio",
        vec![future.clone()],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .expect("single base");
    // gather()'s outer future, named as CPython's.
    let gathering = new_class(
        &ids,
        "_GatheringFuture",
        "asyncio.tasks",
        vec![future.clone()],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .expect("single base");
    let loop_ = plain("_UnixSelectorEventLoop", "asyncio.unix_events");
    let handle = plain("Handle", "asyncio.events");
    let timer_handle = new_class(
        &ids,
        "TimerHandle",
        "asyncio.events",
        vec![handle.clone()],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .expect("single base");
    let base_exc = vm.types.exc("BaseException");
    let exc = vm.types.exc("Exception");
    let cancelled_error = new_class(
        &ids,
        "CancelledError",
        "asyncio.exceptions",
        vec![base_exc],
        ClassKind::Exception,
        Attrs::default(),
    )
    .expect("single base");
    let invalid_state_error = new_class(
        &ids,
        "InvalidStateError",
        "asyncio.exceptions",
        vec![exc],
        ClassKind::Exception,
        Attrs::default(),
    )
    .expect("single base");
    future::install_methods(&future, &task);
    def(&future, "__new__", future_new);
    def(&task, "__new__", task_new);
    install_loop_methods(&loop_);
    def(&handle, "cancel", handle_cancel);
    def(&handle, "cancelled", handle_cancelled);
    def(&handle, "when", handle_when);
    let lock = new_class(
        &ids,
        "lock",
        "_thread",
        vec![],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .expect("no bases");
    threads::install_methods(&lock);
    let classes = Classes {
        gathering,
        future,
        task,
        loop_,
        handle,
        timer_handle,
        cancelled_error,
        invalid_state_error,
        lock,
    };
    let host = Rc::new(AioHost::new(vm, classes));
    vm.host = Some(host);
    vm.register_native_module("_aio", aio_module);
    vm.register_native_module("_threading", threads::module);
    vm.register_source_module("threading", include_str!("threading.py"));
    vm.register_source_module("asyncio", include_str!("asyncio.py"));
    internet::install(vm);
    // The `# cpython:` marks of asyncio.py name files of CPython's asyncio
    // package.
    vm.library_dirs
        .insert("asyncio", "/usr/lib/python3.11/asyncio/");
    vm.register_source_module("_barrier", include_str!("barrier.py"));
    vm.library_dirs
        .insert("_barrier", "/usr/lib/python3.11/asyncio/");
    vm.register_source_module("queue", include_str!("queue.py"));
    vm.register_source_module("concurrent", "");
    vm.register_source_module("concurrent.futures", include_str!("futures.py"));
    vm.register_source_module("concurrent.futures._base", include_str!("futures_base.py"));
    vm.register_source_module(
        "concurrent.futures.thread",
        include_str!("futures_thread.py"),
    );
}

fn aio_module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let host = aio(vm);
    let m = Module::new("_aio");
    m.set("Future", Value::Class(host.future_class.clone()));
    m.set("Task", Value::Class(host.task_class.clone()));
    m.set(
        "_GatheringFuture",
        Value::Class(host.gathering_class.clone()),
    );
    m.set("Handle", Value::Class(host.handle_class.clone()));
    m.set("TimerHandle", Value::Class(host.timer_handle_class.clone()));
    m.set("AbstractEventLoop", Value::Class(host.loop_class.clone()));
    m.set("CancelledError", Value::Class(host.cancelled_error.clone()));
    m.set(
        "InvalidStateError",
        Value::Class(host.invalid_state_error.clone()),
    );
    let funcs: &[(&str, crate::vm::value::NativeImpl)] = &[
        ("get_running_loop", get_running_loop),
        ("_get_running_loop", underscore_get_running_loop),
        ("get_event_loop", get_event_loop),
        ("new_event_loop", new_event_loop),
        ("set_event_loop", set_event_loop),
        ("current_task", current_task),
        ("all_tasks", all_tasks),
        ("_sleep0", sleep0),
        ("_set_cancel_hook", future::set_cancel_hook_fn()),
        ("isfuture", isfuture),
        ("iscoroutine", iscoroutine),
        ("_track", track),
        ("_asyncgens", asyncgens),
        ("_group", group),
        ("_extend_loop", extend_loop),
        ("_internal", internal),
        ("_loop_close", l_close),
        ("_set_debug", set_debug),
        ("_run_forever", l_run_forever),
        ("_run_until_complete", l_run_until_complete),
        ("_submodule", submodule),
        ("_run_until_complete_begin", l_run_until_complete_begin),
        ("_run_until_complete_failed", l_run_until_complete_failed),
        ("_run_until_complete_end", l_run_until_complete_end),
        ("_run_forever_begin", l_run_forever_begin),
        ("_run_forever_end", l_run_forever_end),
        ("_run_once_wait", l_run_once_wait),
        ("_run_once_ready", l_run_once_ready),
        ("_run_once_next", l_run_once_next),
        ("_inline_handle_failed", l_inline_handle_failed),
        ("_inline_handle_done", l_inline_handle_done),
        ("_loop_stopping", l_loop_stopping),
        ("_interrupt_pending", interrupt_pending),
        ("_signal_arrived", signal_arrived),
        ("_take_signals", take_signals),
    ];
    for (name, f) in funcs {
        m.set(name, native(name, *f));
    }
    Ok(m)
}

/// The loop a loop method was called on.
pub(crate) fn loop_arg(vm: &mut Vm, args: &Args) -> PyResult<Rc<EventLoop>> {
    loop_of(vm, args)
}

fn loop_of(vm: &mut Vm, args: &Args) -> PyResult<Rc<EventLoop>> {
    match args.pos.first() {
        Some(Value::Object(o)) if o.as_any().is::<EventLoop>() => {
            let o = o.clone();
            let any: Rc<dyn Any> = o;
            Ok(any
                .downcast::<EventLoop>()
                .unwrap_or_else(|_| unreachable!("checked")))
        }
        _ => Err(vm.new_error("TypeError", "an event loop method needs its loop")),
    }
}

fn loop_value(l: &Rc<EventLoop>) -> Value {
    Value::Object(l.clone())
}

fn get_running_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    Ok(loop_value(&host.running(vm)?))
}

fn underscore_get_running_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    match host.running(vm) {
        Ok(l) => Ok(loop_value(&l)),
        Err(_) => Ok(Value::None),
    }
}

fn get_event_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    Ok(loop_value(&host.get_event_loop(vm)?))
}

fn new_event_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    Ok(loop_value(&host.new_loop(vm)))
}

fn set_event_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let host = aio(vm);
    match args.pos.first() {
        Some(Value::None) | None => host.set_policy_loop(None),
        Some(_) => {
            let l = loop_of(vm, &args)?;
            host.set_policy_loop(Some(l));
        }
    }
    Ok(Value::None)
}

fn current_task(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    if host.running(vm).is_err() {
        return Err(vm.new_error("RuntimeError", "no running event loop"));
    }
    Ok(host.current_task().unwrap_or(Value::None))
}

fn all_tasks(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let host = aio(vm);
    let tasks = host.pending_tasks();
    let s = crate::vm::heap::tracked(std::cell::RefCell::new(crate::vm::set::Set::new()));
    for t in tasks {
        let k = vm.key(t)?;
        vm.set_add(&s, k)?;
    }
    Ok(Value::Set(s))
}

/// `_track(obj)`: asyncio.py registers its locks, semaphores, events and
/// queues so the trace can show their state.
fn track(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(v) = args.pos.first() {
        aio(vm).sync_objects.borrow_mut().push(v.clone());
    }
    Ok(Value::None)
}

/// `_internal(obj)`: a synchronisation object the library made for itself,
/// not one the program asked for.
fn internal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(v) = args.pos.first() {
        let host = aio(vm);
        let objects = host.sync_objects.borrow();
        if let Some(i) = objects.iter().rposition(|o| o.is(v)) {
            host.internal_sync.borrow_mut().push(i);
        }
    }
    Ok(Value::None)
}

/// `_group(fut, kind, members)`: `fut` stands for `members` (see
/// [`AioHost::groups`]). Only the trace reads it; the program cannot tell.
fn group(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(fut), Some(Value::Str(kind)), Some(members)) =
        (args.pos.first(), args.pos.get(1), args.pos.get(2))
    else {
        return Err(vm.new_error("TypeError", "_group(fut, kind, members)"));
    };
    let kind = match &**kind {
        "gather" => host::GroupKind::Gather,
        "wait" => host::GroupKind::Wait,
        "wait_for" => host::GroupKind::WaitFor,
        other => {
            let msg = format!("_group: unknown kind {:?}", other);
            return Err(vm.new_error("ValueError", &msg));
        }
    };
    let Some((f, _)) = as_fut(fut) else {
        return Ok(Value::None);
    };
    let members = vm.collect(members)?;
    let ids = members
        .iter()
        .filter_map(|m| as_fut(m).map(|(mf, _)| mf.id))
        .take(host::GROUP_SHOWN)
        .collect();
    aio(vm).groups.borrow_mut().insert(
        f.id,
        host::FutureGroup {
            kind,
            members: ids,
            total: members.len(),
        },
    );
    Ok(Value::None)
}

/// `_extend_loop(cls)`: the methods `asyncio.py` writes in Python (those
/// CPython's `base_events.py` has in Python too, like
/// `shutdown_asyncgens`) become methods of the native loop class, keeping
/// their names for tracebacks and the trace.
fn extend_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(from)) = args.pos.first() else {
        return Err(vm.new_error("TypeError", "_extend_loop(cls)"));
    };
    let host = aio(vm);
    let methods: Vec<(Rc<str>, Value)> = from
        .attrs
        .borrow()
        .iter()
        .filter(|(_, v)| matches!(v, Value::Function(_)))
        .cloned()
        .collect();
    let mut attrs = host.loop_class.attrs.borrow_mut();
    for (name, f) in methods {
        attrs.set(name, f);
    }
    Ok(Value::None)
}

fn isfuture(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        args.pos.first().is_some_and(|v| as_fut(v).is_some()),
    ))
}

/// 3.11's `asyncio.iscoroutine`: generators count (old generator-based
/// coroutines), and so does what an async generator's `aclose()` and
/// friends return, but not the async generator itself.
fn iscoroutine(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(matches!(
        args.pos.first(),
        Some(Value::Coroutine(c))
            if c.kind != crate::vm::value::CoroKind::AsyncGenerator || c.op.borrow().is_some()
    )))
}

/// `_asyncgens()`: the async generators to close at shutdown (what
/// CPython's loop keeps in `_asyncgens`).
fn asyncgens(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::list(vm.take_async_generators()))
}

/// The bare `yield` of `asyncio.sleep(0)`: gives up one loop iteration.
struct SleepZero {
    class: Rc<Class>,
}

impl NativeObject for SleepZero {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "generator"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok("<generator object __sleep0>".into())
    }
    fn poll_await(&self, _vm: &mut Vm) -> Option<AwaitPoll> {
        Some(AwaitPoll::YieldOnce)
    }
    fn is_awaitable(&self) -> bool {
        true
    }
}

fn sleep0(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Object(Rc::new(SleepZero {
        class: vm.types.generator.clone(),
    })))
}

/// `Future()`, or a subclass's (`_GatheringFuture`): the class named in
/// reprs and in "... exception was never retrieved".
fn future_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let host = aio(vm);
    let class = match args.pos.first() {
        Some(Value::Class(c))
            if c.is_subclass(&host.future_class) && !c.is_subclass(&host.task_class) =>
        {
            c.clone()
        }
        _ => host.future_class.clone(),
    };
    // Without a loop, a future belongs to get_event_loop()'s: there may be
    // none (after asyncio.run, in a thread). gather's own future takes its
    // children's loop.
    let given_loop = matches!(args.take_kw("loop"), Some(v) if !matches!(v, Value::None));
    if !given_loop && !Rc::ptr_eq(&class, &host.gathering_class) {
        host.get_event_loop(vm)?;
    }
    new_future(vm, class, debug::Made::Future)
}

/// A pending future of `class`, noting where it was made in debug mode.
fn new_future(vm: &mut Vm, class: Rc<Class>, made: debug::Made) -> PyResult<Value> {
    let host = aio(vm);
    let fut = Fut::new(vm, class, None);
    if host.in_debug() {
        *fut.created_at.borrow_mut() = Some(debug::created_at(vm, made));
    }
    let fut: Rc<dyn NativeObject> = Rc::new(fut);
    crate::vm::heap::track_native(&fut);
    Ok(Value::Object(fut))
}

/// The `context=` argument of a scheduling call: the one given, else a
/// copy of the current context (None while no program uses contexts).
fn context_arg(vm: &mut Vm, args: &mut Args) -> Option<Value> {
    match args.take_kw("context") {
        Some(Value::None) | None => vm.capture_context(),
        given => given,
    }
}

fn task_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let name = args.take_kw("name");
    if matches!(args.take_kw("loop"), None | Some(Value::None)) {
        // As a future: get_event_loop()'s loop, if the thread has one.
        aio(vm).get_event_loop(vm)?;
    }
    let context = context_arg(vm, &mut args);
    let coro = args.pos.get(1).cloned().unwrap_or(Value::None);
    let host = aio(vm);
    host.create_task_in(vm, coro, name, context)
}

// ----- loop methods -------------------------------------------------------

fn l_time(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.clock))
}

fn l_call_soon(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let context = context_arg(vm, &mut args);
    let l = loop_of(vm, &args)?;
    if args.pos.len() < 2 {
        return Err(vm.new_error("TypeError", "call_soon() missing the callback"));
    }
    let cb = args.pos[1].clone();
    let rest = args.pos[2..].to_vec();
    let host = aio(vm);
    let h = host.call_soon_on(vm, &l, cb, rest, StepKind::Callback, context)?;
    Ok(Value::Object(h))
}

fn l_call_at(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let context = context_arg(vm, &mut args);
    let l = loop_of(vm, &args)?;
    if args.pos.len() < 3 {
        return Err(vm.new_error("TypeError", "call_at() missing arguments"));
    }
    let when = crate::vm::builtins::float_arg(vm, &args.pos[1], "when")?;
    let host = aio(vm);
    let (cb, rest) = (args.pos[2].clone(), args.pos[3..].to_vec());
    let h = host.call_at(vm, &l, when, cb, rest, context)?;
    Ok(Value::Object(h))
}

fn l_call_later(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let context = context_arg(vm, &mut args);
    let l = loop_of(vm, &args)?;
    if args.pos.len() < 3 {
        return Err(vm.new_error("TypeError", "call_later() missing arguments"));
    }
    let delay = crate::vm::builtins::float_arg(vm, &args.pos[1], "delay")?;
    let when = vm.clock + delay;
    let host = aio(vm);
    let (cb, rest) = (args.pos[2].clone(), args.pos[3..].to_vec());
    let h = host.call_at(vm, &l, when, cb, rest, context)?;
    Ok(Value::Object(h))
}

fn l_create_future(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let class = aio(vm).future_class.clone();
    new_future(vm, class, debug::Made::CreateFuture)
}

fn l_create_task(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let name = args.take_kw("name");
    let with_context = args
        .kw
        .iter()
        .any(|(k, v)| &**k == "context" && !matches!(v, Value::None));
    let context = context_arg(vm, &mut args);
    let l = loop_of(vm, &args)?;
    let coro = args.pos.get(1).cloned().unwrap_or(Value::None);
    let host = aio(vm);
    // Tasks made on a loop that is not running are scheduled on it.
    let running = host.running(vm).ok();
    if running.is_none() {
        host.set_current_loop(Some(l.clone()));
    }
    let task = host.create_task_in(vm, coro, name, context)?;
    if with_context && l.debug.get() {
        if let Some((f, _)) = as_fut(&task) {
            let made = debug::Made::Task { context: true };
            *f.created_at.borrow_mut() = Some(debug::created_at(vm, made));
        }
    }
    Ok(task)
}

fn l_run_until_complete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let x = args.pos.get(1).cloned().unwrap_or(Value::None);
    let host = aio(vm);
    host.set_current_loop(Some(l.clone()));
    host.run_until_complete(vm, &l, x)
}

/// `_submodule(leaf, names)`: CPython's asyncio is a package whose
/// submodules (`asyncio.tasks`, `asyncio.events`...) are attributes of it;
/// `dir(asyncio)` lists them, so "Did you mean" offers them, and programs
/// reach `asyncio.futures.Future` or `import asyncio.events`. Each is a
/// module holding the names it defines in CPython that `asyncio.py` has.
fn submodule(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Str(leaf)), Some(Value::Tuple(names))) = (args.pos.first(), args.pos.get(1))
    else {
        return Err(vm.new_error("TypeError", "_submodule(leaf, names)"));
    };
    let Some(parent) = vm.modules.get("asyncio").cloned() else {
        return Err(vm.new_error("ImportError", "asyncio is not loaded"));
    };
    let m = crate::vm::value::Module::new(&format!("asyncio.{}", leaf));
    for name in names.iter() {
        if let Value::Str(name) = name {
            if let Some(v) = parent.get(name) {
                m.set(name, v);
            }
        }
    }
    parent.set(leaf, Value::Module(m));
    Ok(Value::None)
}

// `run_until_complete` in a thread of the program's own: its pieces around
// the loop's run, which `asyncio.py` runs a step at a time.

fn l_run_until_complete_begin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let x = args.pos.get(1).cloned().unwrap_or(Value::None);
    let host = aio(vm);
    host.set_current_loop(Some(l.clone()));
    let (fut, stop_cb, new_task) = host.run_until_complete_begin(vm, &l, x)?;
    Ok(Value::tuple(vec![fut, stop_cb, Value::Bool(new_task)]))
}

/// The loop's run failed: the stop callback goes, and a task the caller
/// cannot reach reports nothing of its own.
fn l_run_until_complete_failed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fut, stop_cb, new_task) = until_complete_parts(&args);
    if let Some((f, _)) = as_fut(&fut) {
        f.core.borrow_mut().callbacks.retain(|c| !c.0.is(&stop_cb));
        if new_task {
            host::forget_unreachable_task(f);
        }
    }
    Ok(Value::None)
}

/// The loop stopped: the future, once its stop callback is gone and it is
/// known to be done (else CPython's RuntimeError).
fn l_run_until_complete_end(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (fut, stop_cb, _) = until_complete_parts(&args);
    if let Some((f, _)) = as_fut(&fut) {
        f.core.borrow_mut().callbacks.retain(|c| !c.0.is(&stop_cb));
        if !f.done() {
            let e = vm.new_error(
                "RuntimeError",
                "Event loop stopped before Future completed.",
            );
            return Err(errors::through(vm, e, &errors::RUN_UNTIL_COMPLETE_STOPPED));
        }
    }
    Ok(fut)
}

fn until_complete_parts(args: &Args) -> (Value, Value, bool) {
    let at = |i: usize| args.pos.get(i).cloned().unwrap_or(Value::None);
    (at(0), at(1), matches!(at(2), Value::Bool(true)))
}

fn l_run_forever(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let host = aio(vm);
    host.set_current_loop(Some(l.clone()));
    host.run_forever(vm, &l)?;
    Ok(Value::None)
}

// A loop run by a thread's own code, a step at a time from `asyncio.py`,
// so that its wait suspends the thread (the others, the main thread
// included, run meanwhile).

fn l_run_forever_begin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let host = aio(vm);
    host.set_current_loop(Some(l.clone()));
    host.run_forever_begin(vm, &l)?;
    Ok(Value::None)
}

fn l_run_forever_end(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    aio(vm).run_forever_end(&l);
    Ok(Value::None)
}

fn l_run_once_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    aio(vm).run_once_wait(vm, &l)?;
    Ok(Value::None)
}

fn l_run_once_ready(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    aio(vm).run_once_ready(vm, &l)?;
    Ok(Value::None)
}

// A thread's own loop runs its handles one by one from `asyncio.py`,
// calling plain Python callbacks itself.

fn l_run_once_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let first = matches!(args.pos.get(1), Some(Value::Bool(true)));
    match aio(vm).run_once_next(vm, &l, first)? {
        Some(h) => Ok(Value::Object(h)),
        None => Ok(Value::None),
    }
}

fn handle_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Rc<Handle>> {
    if let Some(Value::Object(o)) = v {
        if o.as_any().is::<Handle>() {
            let any: Rc<dyn Any> = o.clone();
            if let Ok(h) = any.downcast::<Handle>() {
                return Ok(h);
            }
        }
    }
    Err(vm.new_error("TypeError", "a handle is needed"))
}

fn l_inline_handle_failed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = handle_arg(vm, args.pos.first())?;
    let e = args.pos.get(1).cloned().unwrap_or(Value::None);
    aio(vm).inline_handle_failed(vm, &h, e);
    Ok(Value::None)
}

fn l_inline_handle_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    aio(vm).inline_handle_done(vm, &l);
    Ok(Value::None)
}

fn l_loop_stopping(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    Ok(Value::Bool(l.stopping()))
}

/// `_interrupt_pending()`: whether a Ctrl+C is still to come in this run
/// (`run::Options::interrupt_at`).
fn interrupt_pending(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(aio(vm).interrupt_at.get().is_some()))
}

fn l_stop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    aio(vm).stop(&l);
    Ok(Value::None)
}

fn l_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    aio(vm).close(vm, &l)?;
    Ok(Value::None)
}

fn l_is_running(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let running = l.state.borrow().running;
    Ok(Value::Bool(running))
}

fn l_is_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let closed = l.state.borrow().closed;
    Ok(Value::Bool(closed))
}

fn l_get_debug(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let debug = l.debug.get();
    Ok(Value::Bool(debug))
}

/// `_set_debug(loop, enabled)`: debug mode on or off (`loop.set_debug`
/// in `asyncio.py` adds what CPython does around it).
fn set_debug(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let on = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => {
            return Err(vm.new_error(
                "TypeError",
                "set_debug() missing 1 required positional argument: 'enabled'",
            ))
        }
    };
    l.debug.set(on);
    if on {
        vm.track_call_sites = true;
    }
    Ok(Value::None)
}

/// `_signal_arrived(loop, signum)`: a signal for the loop's handlers; its
/// next iteration queues `_read_from_self`.
fn signal_arrived(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    if let Some(Value::Int(n)) = args.pos.get(1) {
        l.signals.borrow_mut().push(*n);
    }
    Ok(Value::None)
}

/// `_take_signals(loop)`: the signals `_read_from_self` handles.
fn take_signals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = loop_of(vm, &args)?;
    let sigs = std::mem::take(&mut *l.signals.borrow_mut());
    Ok(Value::list(sigs.into_iter().map(Value::Int).collect()))
}

/// A loop method CPython defines in `base_events.py`: a handle that calls
/// one (`call_later(5, loop.stop)`) is named `BaseEventLoop.stop`.
fn def_base(class: &Rc<Class>, name: &str, func: crate::vm::value::NativeImpl) {
    let f = crate::vm::value::NativeFn {
        name: name.into(),
        qualname: format!("BaseEventLoop.{}", name).into(),
        func,
        bound: None,
        data: None,
    };
    class
        .attrs
        .borrow_mut()
        .set(name.into(), Value::Native(Rc::new(f)));
}

fn install_loop_methods(c: &Rc<Class>) {
    def_base(c, "time", l_time);
    def_base(c, "call_soon", l_call_soon);
    def_base(c, "call_soon_threadsafe", l_call_soon);
    def_base(c, "call_later", l_call_later);
    def_base(c, "call_at", l_call_at);
    def_base(c, "create_future", l_create_future);
    def_base(c, "create_task", l_create_task);
    def_base(c, "run_until_complete", l_run_until_complete);
    def_base(c, "run_forever", l_run_forever);
    def_base(c, "stop", l_stop);
    def(c, "close", l_close);
    def_base(c, "is_running", l_is_running);
    def_base(c, "is_closed", l_is_closed);
    def_base(c, "get_debug", l_get_debug);
    def_base(c, "set_exception_handler", errors::l_set_exception_handler);
    def_base(c, "get_exception_handler", errors::l_get_exception_handler);
    def_base(
        c,
        "call_exception_handler",
        errors::l_call_exception_handler,
    );
    def_base(
        c,
        "default_exception_handler",
        errors::l_default_exception_handler,
    );
}

// ----- handles ------------------------------------------------------------

fn handle_of<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Handle> {
    match args.pos.first().and_then(|v| v.downcast::<Handle>()) {
        Some(h) => Ok(h),
        None => Err(vm.new_error("TypeError", "a Handle method needs its handle")),
    }
}

fn handle_cancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = handle_of(vm, &args)?;
    if !h.cancelled.get() {
        h.cancelled.set(true);
        aio(vm).handle_cancelled(h);
    }
    Ok(Value::None)
}

fn handle_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = handle_of(vm, &args)?;
    Ok(Value::Bool(h.cancelled.get()))
}

fn handle_when(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = handle_of(vm, &args)?;
    Ok(Value::Float(h.when.unwrap_or(0.0)))
}
