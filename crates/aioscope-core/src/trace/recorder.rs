//! Builds a [`Trace`] from the loop's events. Only what changed is
//! recorded: the task that ran, tasks that were scheduled or cancelled,
//! synchronisation objects whose state moved.

use rustc_hash::FxHashMap as HashMap;

use crate::aio::future::{as_fut, Fut, FutState};
use crate::aio::host::{AioHost, Handle};
use crate::aio::observer::LoopObserver;
use crate::aio::sync::{self, SyncState};
use crate::vm::value::{CoroKind, CoroState, Value};
use crate::vm::Vm;

use super::{
    Awaiting, Exit, Explanation, Frame, FrameIx, FrameKind, HandleIx, HandleRec, Iteration,
    LineHit, LineLocals, OutputMark, RequestRec, StackEntry, Stream, SyncView, TaskIx, TaskRec,
    TaskState, TaskView, ThreadDoing, ThreadView, Trace, Warning, WarningKind,
};
use crate::aio::threads::ThreadState;

/// What decides whether a synchronisation object changed in a frame: its
/// state, a queue's first items, and each waiter list's length and first
/// waiter.
#[derive(PartialEq)]
struct SyncSignature {
    state: SyncState,
    items: Vec<String>,
    waiters: (usize, u64),
    putters: (usize, u64),
}

/// Called with the trace so far after each recorded frame.
pub type FrameHook = Box<dyn FnMut(&Trace)>;

/// Records a run. Install with `AioHost::set_observer`, then call
/// [`Recorder::finish`].
pub struct Recorder {
    trace: Trace,
    handle_ix: HashMap<u64, HandleIx>,
    task_ix: HashMap<u64, TaskIx>,
    /// The tasks, weakly: a task dies when the program lets go of it, as
    /// in CPython (its death may be reported).
    task_values: Vec<std::rc::Weak<dyn crate::vm::value::NativeObject>>,
    pending_handles: Vec<u32>,
    /// Tasks whose view changed in this frame, held until the frame ends
    /// so that their last view is recorded.
    dirty: Vec<(TaskIx, Value)>,
    /// Whether each task is in `dirty`: a step that creates thousands of
    /// tasks marks each one, and a scan of the list would make that
    /// quadratic.
    is_dirty: Vec<bool>,
    waiter_of: HashMap<u64, TaskIx>,
    waiting_on: Vec<Option<u64>>,
    timer_of_future: HashMap<u64, (f64, HandleIx)>,
    step: Option<(HandleIx, Option<TaskIx>, f64)>,
    sync_signature: Vec<Option<SyncSignature>>,
    on_frame: Option<FrameHook>,
    /// The loop changed (a handle scheduled or cancelled) since the last
    /// frame: code outside any step did it, and deserves a frame.
    unframed: bool,
    /// When the thread now running got its turn.
    thread_began: Option<f64>,
    /// [`Recorder::program_ended`] was called.
    ended: bool,
}

/// The future or task a value is, borrowed: the recorder reads thousands
/// per frame (waiter lists), and [`as_fut`]'s owned handle would cost a
/// reference count up and down each.
fn fut(v: &Value) -> Option<&Fut> {
    v.downcast::<Fut>()
}

fn fut_id(v: &Value) -> Option<u64> {
    fut(v).map(|f| f.id)
}

/// The task a handle belongs to: task steps and wakeups are natives bound
/// to their task.
fn bound_task(callback: &Value) -> Option<u64> {
    match callback {
        Value::Native(n) => n.bound.as_ref().and_then(fut_id),
        _ => None,
    }
}

impl Recorder {
    /// A recorder for a program shown as `filename`.
    pub fn new(filename: &str) -> Recorder {
        let mut r = Recorder {
            trace: Trace::empty(filename),
            handle_ix: HashMap::default(),
            task_ix: HashMap::default(),
            task_values: Vec::new(),
            pending_handles: Vec::new(),
            dirty: Vec::new(),
            is_dirty: Vec::new(),
            waiter_of: HashMap::default(),
            waiting_on: Vec::new(),
            timer_of_future: HashMap::default(),
            step: None,
            sync_signature: Vec::new(),
            on_frame: None,
            unframed: false,
            thread_began: None,
            ended: false,
        };
        r.trace.frames.push(Frame {
            t: 0.0,
            began: 0.0,
            internal: false,
            kind: FrameKind::Start,
            handle: None,
            task: None,
            ready: (0, 0),
            out_len: 0,
            output: OutputMark::default(),
            lines_range: (0, 0),
            line: None,
        });
        r
    }

    /// Calls `f` with the trace so far after each frame is recorded: a
    /// run in a Web Worker sends the page its progress from here (see
    /// [`super::stream`]). `f` decides how often that is worth doing.
    pub fn on_frame(mut self, f: FrameHook) -> Recorder {
        self.on_frame = Some(f);
        self
    }

    fn next_frame(&self) -> FrameIx {
        self.trace.frames.len() as FrameIx
    }

    /// Appends the output written since the last frame: the last record
    /// seen may have grown (writes to its stream at the same time), and
    /// new records may follow it.
    fn collect_output(&mut self, vm: &Vm) {
        let recs = &vm.output;
        let seen = self.trace.output.len();
        if let (Some(held), Some(now)) = (
            self.trace.output.last_mut(),
            seen.checked_sub(1).and_then(|i| recs.get(i)),
        ) {
            if let Some(extra) = now.text.get(held.text.len()..) {
                if !extra.is_empty() {
                    held.text.push_str(extra);
                    match held.stream {
                        Stream::Out => self.trace.stdout.push_str(extra),
                        Stream::Err => self.trace.stderr.push_str(extra),
                    }
                }
            }
        }
        for r in recs.iter().skip(seen) {
            match r.stream {
                Stream::Out => self.trace.stdout.push_str(&r.text),
                Stream::Err => self.trace.stderr.push_str(&r.text),
            }
            self.trace.output.push(r.clone());
        }
        let links = &vm.links.found;
        if let Some(new) = links.get(self.trace.output_links.len()..) {
            self.trace.output_links.extend_from_slice(new);
        }
    }

    /// How much output the trace holds now.
    fn output_mark(&self) -> OutputMark {
        OutputMark {
            records: self.trace.output.len() as u32,
            last_len: self.trace.output.last().map_or(0, |r| r.text.len() as u32),
        }
    }

    fn collect_lines(&mut self, vm: &mut Vm) -> (u32, u32) {
        let start = self.trace.lines.len() as u32;
        for ev in vm.lines.drain(..) {
            if *ev.code.filename == *self.trace.filename {
                self.trace.lines.push(LineHit { line: ev.line });
            }
        }
        let end = self.trace.lines.len() as u32;
        self.collect_line_locals(vm, end);
        (start, end)
    }

    /// Appends the variables recorded with the lines since the last frame.
    /// The interpreter numbered the hits as they are pushed here; when a
    /// step ran past the line-event limit, the last hit kept may be another
    /// than the one numbered, so its record is dropped, and the numbering
    /// starts again from the hits really kept.
    fn collect_line_locals(&mut self, vm: &mut Vm, kept: u32) {
        let Some(d) = vm.debug.as_mut() else {
            return;
        };
        let at = self.next_frame();
        let truncated = std::mem::take(&mut d.truncated);
        d.hits = kept;
        // Each record's stdout mark as a length of the trace's text (the
        // output collected already covers every record): walking back,
        // the stdout text written after each mark is summed once. The
        // output of this frame is collected later (after what dies with
        // it reported): it counts here already.
        let stdout_len = |t: &crate::vm::OutRecord| match t.stream {
            Stream::Out => t.text.len(),
            Stream::Err => 0,
        };
        let texts = &vm.output;
        let seen = self.trace.output.len();
        let grown = match (
            self.trace.output.last(),
            seen.checked_sub(1).and_then(|i| texts.get(i)),
        ) {
            (Some(held), Some(now)) => stdout_len(now).saturating_sub(stdout_len(held)),
            _ => 0,
        };
        let newer: usize = texts.iter().skip(seen).map(stdout_len).sum();
        let total = (self.trace.stdout.len() + grown + newer) as u32;
        let mut outs = vec![total; d.records.len()];
        let (mut j, mut suffix) = (texts.len(), 0u64);
        for (r, out) in d.records.iter().zip(outs.iter_mut()).rev() {
            let (count, last) = (r.out.0 as usize, r.out.1 as usize);
            while j > count {
                j -= 1;
                suffix += texts.get(j).map_or(0, stdout_len) as u64;
            }
            let grown = count
                .checked_sub(1)
                .and_then(|i| texts.get(i))
                .map_or(0, |t| stdout_len(t).saturating_sub(last)) as u64;
            *out = (total as u64).saturating_sub(suffix + grown) as u32;
        }
        for (r, out) in d.records.drain(..).zip(outs) {
            let valid = |h: Option<u32>| h.filter(|h| *h < kept && !(truncated && *h + 1 == kept));
            if r.hit.is_some() && valid(r.hit).is_none() {
                continue;
            }
            self.trace.line_locals.push(LineLocals {
                at,
                hit: r.hit,
                after: valid(r.after),
                caller: valid(r.caller),
                function: r.function,
                locals: r.locals,
                out,
                output: OutputMark {
                    records: r.out.0,
                    last_len: r.out.1,
                },
            });
        }
    }

    fn ready_range(&self, host: &AioHost) -> (u32, u32) {
        let tail = self.trace.ready_log.len() as u32;
        let len = host.ready_len() as u32;
        (tail.saturating_sub(len), tail)
    }

    /// Records a frame that began at `began` and ends now, at `t`.
    fn push_frame(&mut self, vm: &mut Vm, host: &AioHost, kind: FrameKind, began: f64, t: f64) {
        // A blocking sleep inside a step names the task that called it.
        let task = match &self.step {
            Some((_, t, _)) if matches!(kind, FrameKind::BlockingSleep { .. }) => *t,
            _ => None,
        };
        self.push_frame_of(vm, host, kind, began, t, None, task);
    }

    /// [`Self::push_frame`] for a frame that names the handle and the task
    /// that ran in it.
    #[allow(clippy::too_many_arguments)]
    fn push_frame_of(
        &mut self,
        vm: &mut Vm,
        host: &AioHost,
        kind: FrameKind,
        began: f64,
        t: f64,
        handle: Option<HandleIx>,
        task: Option<TaskIx>,
    ) {
        let lines_range = self.collect_lines(vm);
        let line = if lines_range.1 > lines_range.0 {
            Some(self.trace.lines[lines_range.1 as usize - 1].line)
        } else {
            None
        };
        let at = self.next_frame();
        self.flush_dirty(vm, at);
        // A task only this frame's record held dies now: what it reports
        // belongs to this frame (in CPython it dies as its handle goes).
        if vm.finalizers.pending() {
            vm.finalize(&crate::vm::finalizers::Site::Native(
                &crate::aio::errors::RUN_ONCE_NEXT,
            ));
        }
        self.collect_output(vm);
        self.snapshot_sync(vm, host, at);
        self.snapshot_threads(host, at);
        // asyncio's own steps: library callbacks and tasks, and the main
        // program's frames in which only library code ran (asyncio.run
        // between its loop runs), when lines are recorded to tell.
        let internal = match (&kind, handle) {
            (_, Some(h)) => self.trace.handles[h as usize].internal,
            (FrameKind::Main, None) => {
                vm.trace_lines
                    && lines_range.0 == lines_range.1
                    && self.trace.stdout.len() as u32
                        == self.trace.frames.last().map_or(0, |f| f.out_len)
            }
            _ => false,
        };
        self.trace.frames.push(Frame {
            internal,
            t,
            began,
            kind,
            handle,
            task,
            ready: self.ready_range(host),
            out_len: self.trace.stdout.len() as u32,
            output: self.output_mark(),
            lines_range,
            line,
        });
        self.unframed = false;
        self.note_unseeded_random(vm, at);
        if let Some(f) = &mut self.on_frame {
            f(&self.trace);
        }
    }

    /// Records the threads when one of them changed, once the program has
    /// a thread besides the main one.
    fn snapshot_threads(&mut self, host: &AioHost, at: FrameIx) {
        let threads = host.threads.borrow();
        if threads.len() < 2 {
            return;
        }
        let current = host.current_thread.get();
        let name_of = |i: usize| -> std::rc::Rc<str> {
            threads.get(i).map_or("?", |t| t.name.as_str()).into()
        };
        let views: Vec<ThreadView> = threads
            .iter()
            .enumerate()
            .map(|(i, t)| ThreadView {
                name: t.name.as_str().into(),
                doing: match t.state {
                    ThreadState::Initial => ThreadDoing::NotStarted,
                    ThreadState::Runnable => ThreadDoing::Ready,
                    ThreadState::Finished => ThreadDoing::Finished,
                    ThreadState::Running if i == current => ThreadDoing::Running,
                    // Running further up the Rust stack, while a thread it
                    // waits for runs: shown as ready.
                    ThreadState::Running => ThreadDoing::Ready,
                    ThreadState::Blocked => {
                        let w = &t.wait;
                        if w.lock.is_some() {
                            ThreadDoing::Lock { until: w.until }
                        } else if let Some(j) = w.thread {
                            ThreadDoing::Join {
                                thread: name_of(j),
                                until: w.until,
                            }
                        } else if w.loop_ready {
                            ThreadDoing::Loop { until: w.until }
                        } else if let Some(until) = w.until {
                            ThreadDoing::Sleeping { until }
                        } else {
                            ThreadDoing::Blocked
                        }
                    }
                },
            })
            .collect();
        drop(threads);
        match self.trace.threads.last_mut() {
            Some((f, v)) if *f == at => *v = views,
            Some((_, v)) if *v == views => {}
            _ => self.trace.threads.push((at, views)),
        }
    }

    /// Code ran outside any loop step (the main program): give it a frame
    /// of its own so its output and lines are not blamed on the next step.
    fn main_program_frame(&mut self, vm: &mut Vm, host: &AioHost) {
        let has_lines = !vm.lines.is_empty();
        let has_out = vm.output.len() > self.trace.output.len()
            || vm.output.last().map(|r| r.text.len())
                != self.trace.output.last().map(|r| r.text.len());
        if has_lines || has_out || !self.dirty.is_empty() || self.unframed {
            let began = self.trace.frames.last().map_or(0.0, |f| f.t);
            self.push_frame(vm, host, FrameKind::Main, began, vm.clock);
        }
    }

    fn mark_dirty(&mut self, t: TaskIx) {
        if self.is_dirty[t as usize] {
            return;
        }
        if let Some(o) = self.task_values.get(t as usize).and_then(|w| w.upgrade()) {
            self.is_dirty[t as usize] = true;
            self.dirty.push((t, Value::Object(o)));
        }
    }

    fn flush_dirty(&mut self, vm: &mut Vm, at: FrameIx) {
        let dirty = std::mem::take(&mut self.dirty);
        for (t, value) in dirty {
            self.is_dirty[t as usize] = false;
            let view = self.view_of(vm, t, &value);
            let views = &mut self.trace.tasks[t as usize].views;
            match views.last_mut() {
                Some((f, v)) if *f == at => *v = view,
                Some((_, v)) if *v == view => {}
                _ => views.push((at, view)),
            }
        }
    }

    fn view_of(&mut self, vm: &mut Vm, t: TaskIx, value: &Value) -> TaskView {
        let Some((fut, _)) = as_fut(value) else {
            return TaskView {
                name: "?".into(),
                state: TaskState::Done,
                stack: vec![],
                awaiting: None,
                outcome: None,
                cancelling: 0,
            };
        };
        let core = fut.task.as_ref().expect("recorded tasks are tasks");
        let name = core.name.borrow().clone();
        let (state, outcome) = {
            let c = fut.core.borrow();
            match c.state {
                FutState::Cancelled => (TaskState::Cancelled, None),
                FutState::Finished => match &c.exception {
                    Some(e) => (
                        TaskState::Failed,
                        Some(format!("exception={}", vm.safe_repr(e, 2))),
                    ),
                    None => (
                        TaskState::Done,
                        Some(format!("result={}", vm.safe_repr(&c.result, 2))),
                    ),
                },
                FutState::Pending => {
                    let running = self
                        .step
                        .as_ref()
                        .is_some_and(|(_, task, _)| *task == Some(t));
                    let state = if running {
                        TaskState::Running
                    } else if self.pending_handles[t as usize] > 0 {
                        if core.coro.state.get() == CoroState::Created {
                            TaskState::Created
                        } else {
                            TaskState::Ready
                        }
                    } else if core.fut_waiter.borrow().is_some() {
                        TaskState::Waiting
                    } else {
                        TaskState::Ready
                    };
                    (state, None)
                }
            }
        };
        // The coroutine stack, following what each coroutine awaits.
        let mut stack = Vec::new();
        let mut awaiting = None;
        let mut coro = Some(core.coro.clone());
        let mut depth = 0;
        while let Some(c) = coro.take() {
            if c.state.get() == CoroState::Closed || depth > 64 {
                break;
            }
            depth += 1;
            stack.push(StackEntry {
                // The frame's code, as CPython's frames name it: a wrapper
                // renamed by functools.wraps still runs as the wrapper.
                qualname: c.code.qualname.clone(),
                line: vm.coroutine_frame_line(&c),
                user: *c.code.filename == *self.trace.filename,
                generator: c.kind != CoroKind::Coroutine || c.wrapped.get(),
            });
            let next = c.awaiting.borrow().clone();
            match next {
                Some(Value::Coroutine(inner)) => coro = Some(inner),
                Some(other) => awaiting = Some(other),
                None => {}
            }
        }
        let waiter = core.fut_waiter.borrow().clone();
        if let Some(old) = self.waiting_on[t as usize].take() {
            if self.waiter_of.get(&old) == Some(&t) {
                self.waiter_of.remove(&old);
            }
        }
        let host = crate::aio::host::aio(vm);
        let groups = host.groups.borrow();
        let awaiting = if state == TaskState::Waiting {
            let target = waiter.or(awaiting);
            target.map(|w| {
                if let Some(id) = fut_id(&w) {
                    self.waiter_of.insert(id, t);
                    self.waiting_on[t as usize] = Some(id);
                    if let Some(ix) = self.task_ix.get(&id) {
                        return Awaiting::Task(*ix);
                    }
                    // Before timers: wait_for's and wait's futures are also
                    // released by their timeout's timer.
                    if let Some(g) = groups.get(&id) {
                        return Awaiting::Group {
                            kind: g.kind,
                            tasks: g
                                .members
                                .iter()
                                .filter_map(|m| self.task_ix.get(m).copied())
                                .collect(),
                            total: g.total as u32,
                        };
                    }
                    if let Some(&(when, handle)) = self.timer_of_future.get(&id) {
                        return Awaiting::Timer { handle, when };
                    }
                    return Awaiting::Future;
                }
                Awaiting::Yield
            })
        } else {
            None
        };
        TaskView {
            name,
            state,
            stack,
            awaiting,
            outcome,
            cancelling: core.cancels_requested.get(),
        }
    }

    /// The tasks waiting in a list of futures (a deque of waiters), first
    /// first: at most [`SyncView::SHOWN_WAITERS`], and how many wait in all.
    fn waiting_tasks(&self, list: Option<&Value>) -> (Vec<TaskIx>, u32) {
        let Some(list) = list else {
            return (Vec::new(), 0);
        };
        let mut tasks = Vec::with_capacity(sync::seq_len(list).min(SyncView::SHOWN_WAITERS));
        // Done futures are skipped, so look a little further than the
        // number shown. They are woken waiters that have not yet removed
        // themselves: not waiting any more, so not counted (they are among
        // the first, where the scan sees them).
        let mut looked = 0;
        let mut done = 0;
        let total = sync::seq_visit(list, &mut |w| {
            looked += 1;
            if let Some(f) = fut(w) {
                if f.done() {
                    done += 1;
                } else if let Some(t) = self.waiter_of.get(&f.id) {
                    tasks.push(*t);
                }
            }
            tasks.len() < SyncView::SHOWN_WAITERS && looked < 4 * SyncView::SHOWN_WAITERS
        });
        (tasks, (total - done) as u32)
    }

    /// Whether a callback is asyncio's own: a function of the library's
    /// Python, or the loop's own native callback.
    fn is_library(&self, callback: &Value) -> bool {
        match callback {
            Value::Function(f) => *f.code.filename != *self.trace.filename,
            Value::BoundMethod(m) => self.is_library(&m.func),
            Value::Native(n) => &*n.qualname == crate::aio::host::RUN_UNTIL_COMPLETE_CB,
            Value::Instance(inst) if &*inst.class.name == "partial" => {
                match inst.attrs.borrow().get("func") {
                    Some(f) => self.is_library(f),
                    None => false,
                }
            }
            _ => false,
        }
    }

    fn snapshot_sync(&mut self, vm: &mut Vm, host: &AioHost, at: FrameIx) {
        let running = self.step.as_ref().and_then(|(_, t, _)| *t);
        let objects = host.sync_objects.borrow().clone();
        for (i, obj) in objects.iter().enumerate() {
            if self.trace.sync.len() <= i {
                self.trace.sync.push(Vec::new());
                self.sync_signature.push(None);
            }
            let Some(read) = sync::read(obj) else {
                continue;
            };
            // A queue shows its first items.
            let items: Vec<String> = match &read.items {
                Some(q) => {
                    let (_, head) = sync::seq_prefix(q, SyncView::SHOWN_ITEMS);
                    head.iter().map(|v| vm.safe_repr(v, 1)).collect()
                }
                None => Vec::new(),
            };
            // Waiter lists are read in place: only their length and first
            // element, unless something changed.
            // The first waiter still waiting: a woken waiter's future is
            // done before it leaves the list (it removes itself when it
            // runs), and the views must show it gone from the line at once.
            // Done futures are few and at the front, so this stays short.
            let first = |l: &Option<Value>| {
                let mut first = 0u64;
                let n = l.as_ref().map_or(0, |l| {
                    sync::seq_visit(l, &mut |x| match fut(x) {
                        Some(f) if f.done() => true,
                        _ => {
                            first = fut_id(x).unwrap_or(0);
                            false
                        }
                    })
                });
                (n, first)
            };
            let sig = SyncSignature {
                state: read.state.clone(),
                items: items.clone(),
                waiters: first(&read.waiters),
                putters: first(&read.putters),
            };
            if self.sync_signature[i].as_ref() == Some(&sig) {
                continue;
            }
            // The owner of a lock is the task that was running when it was
            // taken: asyncio's Lock does not know its owner, but only a
            // task's step can acquire one.
            let was_locked = self.trace.sync[i].last().and_then(|(_, v)| match v.state {
                SyncState::Lock { locked } | SyncState::Condition { locked } => {
                    Some((locked, v.owner))
                }
                _ => None,
            });
            let owner = match read.state {
                SyncState::Lock { locked: true } | SyncState::Condition { locked: true } => {
                    match was_locked {
                        Some((true, owner)) => owner,
                        _ => running,
                    }
                }
                _ => None,
            };
            self.sync_signature[i] = Some(sig);
            let (waiters, waiting) = self.waiting_tasks(read.waiters.as_ref());
            let (putters, putting) = self.waiting_tasks(read.putters.as_ref());
            self.trace.sync[i].push((
                at,
                SyncView {
                    id: i as u32,
                    kind: read.class,
                    state: read.state,
                    owner,
                    items,
                    waiters,
                    waiting,
                    putters,
                    putting,
                    internal: host.internal_sync.borrow().contains(&i),
                },
            ));
        }
    }

    fn warn(
        &mut self,
        frame: FrameIx,
        line: Option<u32>,
        kind: WarningKind,
        en: String,
        zh: String,
    ) {
        self.trace.warnings.push(Warning {
            frame,
            line,
            kind,
            message: Explanation { en, zh },
        });
    }

    /// The first draw from a generator the program never seeded happened
    /// during frame `at`: its numbers are the simulator's fixed seed's.
    fn note_unseeded_random(&mut self, vm: &mut Vm, at: FrameIx) {
        if let Some(line) = vm.unseeded_random.take() {
            self.warn(
                at,
                (line > 0).then_some(line),
                WarningKind::UnseededRandom,
                "random was used without random.seed(...): the simulator seeds it with a fixed value, so every run draws the same numbers (CPython draws different ones each run).".into(),
                "未调用 random.seed(...) 就使用了 random：模拟器用固定的种子初始化它，所以每次运行得到相同的数（CPython 每次运行都不同）。".into(),
            );
        }
    }

    /// Warnings only the end of the run can tell: coroutines never awaited,
    /// tasks left pending, exceptions nobody retrieved.
    fn final_warnings(&mut self, vm: &mut Vm, host: &AioHost) {
        let end = self.next_frame() - 1;
        self.note_unseeded_random(vm, end);
        let mut unawaited: Vec<(std::rc::Rc<str>, u32)> = std::mem::take(&mut vm.unawaited);
        for (weak, line) in std::mem::take(&mut vm.created_coroutines) {
            let Some(c) = weak.upgrade() else { continue };
            if !c.touched.get() {
                unawaited.push((c.qualname.clone(), line));
            }
        }
        for (qualname, line) in unawaited {
            self.warn(
                end,
                (line > 0).then_some(line),
                WarningKind::NeverAwaited,
                format!("coroutine '{}' was never awaited: calling an async function only creates a coroutine object.", qualname),
                format!("协程 '{}' 从未被 await：调用异步函数只会创建一个协程对象。", qualname),
            );
        }
        // Tasks that reported their death, and those still alive.
        let mut outcomes: Vec<(TaskIx, bool, bool)> = host
            .deaths
            .borrow()
            .iter()
            .filter_map(|d| {
                self.task_ix
                    .get(&d.id)
                    .map(|t| (*t, d.pending, d.never_retrieved))
            })
            .collect();
        for (t, w) in self.task_values.iter().enumerate() {
            let Some(o) = w.upgrade() else { continue };
            let value = Value::Object(o);
            let Some((fut, _)) = as_fut(&value) else {
                continue;
            };
            let c = fut.core.borrow();
            let pending = c.state == FutState::Pending;
            let unretrieved =
                c.state == FutState::Finished && c.exception.is_some() && !c.retrieved;
            if pending || unretrieved {
                outcomes.push((t as TaskIx, pending, unretrieved));
            }
        }
        outcomes.sort();
        outcomes.dedup();
        for (t, pending, unretrieved) in outcomes {
            let rec = &self.trace.tasks[t as usize];
            let name = rec
                .views
                .last()
                .map(|(_, v)| v.name.to_string())
                .unwrap_or_default();
            let last = rec.views.last().map(|(f, _)| *f).unwrap_or(end);
            if pending {
                self.warn(
                    end,
                    None,
                    WarningKind::PendingTaskDestroyed,
                    format!("Task was destroyed but it is pending: {} never finished before its loop closed.", name),
                    format!("任务在挂起状态下被销毁：{} 在事件循环关闭前没有完成。", name),
                );
            }
            if unretrieved {
                self.warn(
                    last,
                    None,
                    WarningKind::ExceptionNeverRetrieved,
                    format!("Task exception was never retrieved: {} failed and nothing awaited it or asked for its result.", name),
                    format!("任务的异常从未被获取：{} 失败了，但没有任何代码 await 它或读取它的结果。", name),
                );
            }
        }
    }

    /// The program's own code has ended: its last frame is recorded, so
    /// that what the interpreter's finalization writes goes to the end
    /// frame [`Recorder::finish`] adds.
    pub fn program_ended(&mut self, vm: &mut Vm, host: &AioHost) {
        self.main_program_frame(vm, host);
        self.ended = true;
    }

    /// Ends the recording and returns the trace.
    pub fn finish(mut self, vm: &mut Vm, host: &AioHost, exit: Exit) -> Trace {
        if !self.ended {
            self.main_program_frame(vm, host);
        }
        self.trace.exit = exit.clone();
        self.push_frame(vm, host, FrameKind::End, vm.clock, vm.clock);
        self.final_warnings(vm, host);
        self.trace
    }
}

impl LoopObserver for Recorder {
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }

    fn scheduled(&mut self, vm: &mut Vm, h: &Handle) {
        let task = bound_task(&h.callback).and_then(|id| self.task_ix.get(&id).copied());
        let internal = match task {
            Some(t) => self.trace.tasks[t as usize].internal,
            None => self.is_library(&h.callback),
        };
        let of_task = match &h.callback {
            Value::BoundMethod(m) => fut_id(&m.this).and_then(|id| self.task_ix.get(&id).copied()),
            _ => task,
        };
        let what = crate::aio::repr::callback_repr_safe(vm, &h.callback, &h.args);
        let callback = crate::aio::repr::callback_qualname(&h.callback);
        self.unframed = true;
        let ix = self.trace.handles.len() as HandleIx;
        if let Some(when) = h.when {
            for a in &h.args {
                if let Some(id) = fut_id(a) {
                    self.timer_of_future.insert(id, (when, ix));
                }
            }
        }
        self.trace.handles.push(HandleRec {
            what,
            callback,
            kind: h.kind,
            task,
            of_task,
            arg_task: h
                .args
                .first()
                .and_then(fut_id)
                .and_then(|id| self.task_ix.get(&id).copied()),
            when: h.when,
            internal,
            scheduled_at: self.next_frame(),
            left_heap_at: FrameIx::MAX,
            ran_at: FrameIx::MAX,
            cancelled_at: FrameIx::MAX,
        });
        self.handle_ix.insert(h.id, ix);
        if h.when.is_none() {
            self.trace.ready_log.push(ix);
        }
        if let Some(t) = task {
            self.pending_handles[t as usize] += 1;
            self.mark_dirty(t);
        }
    }

    fn cancelled(&mut self, h: &Handle) {
        if let Some(ix) = self.handle_ix.get(&h.id) {
            let at = self.trace.frames.len() as FrameIx;
            let rec = &mut self.trace.handles[*ix as usize];
            // Cancelling a handle that already ran (sleep's `finally`) changes
            // nothing the loop will do.
            if rec.ran_at != FrameIx::MAX {
                return;
            }
            rec.cancelled_at = at;
            self.unframed = true;
            if let Some(t) = rec.task {
                self.mark_dirty(t);
            }
        }
    }

    fn iteration_started(&mut self, vm: &mut Vm, host: &AioHost) {
        // A loop of another thread starts its iteration: the last frame
        // showed the ready queue of the loop running then (or none).
        let ready = self.ready_range(host);
        if self.trace.frames.last().is_some_and(|f| f.ready != ready) {
            self.unframed = true;
        }
        self.main_program_frame(vm, host);
        self.trace.iterations.push(Iteration {
            after: self.next_frame().saturating_sub(1),
            t: vm.clock,
        });
    }

    fn exchange(&mut self, e: &crate::aio::internet::Exchange) {
        self.trace.requests.push(RequestRec {
            at: self.next_frame(),
            method: e.method.clone(),
            url: e.url.clone(),
            host: e.host.clone(),
            status: e.status,
            failure: e.failure.clone(),
            seconds: e.seconds,
        });
    }

    fn timer_due(&mut self, h: &Handle) {
        if let Some(ix) = self.handle_ix.get(&h.id).copied() {
            self.trace.handles[ix as usize].left_heap_at = self.next_frame();
            self.trace.ready_log.push(ix);
        }
    }

    fn step_started(&mut self, vm: &mut Vm, host: &AioHost, h: &Handle) {
        self.main_program_frame(vm, host);
        // A handle runs once: nothing asks for it by id after this (a late
        // `cancel()` changes nothing), so the map holds only the handles
        // still pending, not every handle of the run.
        let Some(ix) = self.handle_ix.remove(&h.id) else {
            return;
        };
        let task = self.trace.handles[ix as usize].task;
        self.trace.handles[ix as usize].ran_at = self.next_frame();
        if let Some(t) = task {
            self.pending_handles[t as usize] = self.pending_handles[t as usize].saturating_sub(1);
            self.mark_dirty(t);
        }
        self.step = Some((ix, task, vm.clock));
    }

    fn step_finished(&mut self, vm: &mut Vm, host: &AioHost) {
        // Taken first: the task's view at the end of its step is no longer
        // "running".
        let Some((h, task, t)) = self.step.take() else {
            return;
        };
        let kind = self.trace.handles[h as usize].kind;
        self.push_frame_of(vm, host, FrameKind::Step(kind), t, vm.clock, Some(h), task);
        let held = vm.clock - t;
        if held > 0.1 {
            let at = self.next_frame() - 1;
            let line = self.trace.frames.last().and_then(|f| f.line);
            let ms = (held * 1000.0).round();
            self.warn(
                at,
                line,
                WarningKind::SlowStep,
                format!("This step held the event loop for {} ms of virtual time: every other task waited.", ms),
                format!("这一步占用事件循环 {} 毫秒（虚拟时间）：其他所有任务都在等待。", ms),
            );
        }
    }

    fn clock_jump(&mut self, vm: &mut Vm, from: f64, to: f64) {
        let host = crate::aio::host::aio(vm);
        self.main_program_frame(vm, &host);
        self.push_frame(vm, &host, FrameKind::ClockJump { from }, from, to);
    }

    fn interrupted(&mut self, vm: &mut Vm, from: f64) {
        let host = crate::aio::host::aio(vm);
        self.main_program_frame(vm, &host);
        let to = vm.clock;
        self.push_frame(vm, &host, FrameKind::Interrupt { from }, from, to);
    }

    fn blocking_sleep(&mut self, vm: &mut Vm, from: f64, seconds: f64) {
        let host = crate::aio::host::aio(vm);
        // The sleep happens inside a step: record it as its own frame, and
        // keep the step going.
        self.push_frame(
            vm,
            &host,
            FrameKind::BlockingSleep { seconds },
            from,
            vm.clock,
        );
        // The step goes on: its task's view at the step's end is recorded
        // at the step's own frame.
        if let Some((_, Some(t), _)) = self.step {
            self.mark_dirty(t);
        }
        let at = self.next_frame() - 1;
        let line = self
            .trace
            .frames
            .last()
            .and_then(|f| f.line)
            .or(Some(vm.last_line));
        let s = crate::vm::pyfmt::float_repr(seconds);
        self.warn(
            at,
            line,
            WarningKind::BlockingCall,
            format!("time.sleep({}) blocks the event loop: use await asyncio.sleep({}) so other tasks can run.", s, s),
            format!("time.sleep({}) 会阻塞事件循环：请改用 await asyncio.sleep({})，让其他任务可以运行。", s, s),
        );
    }

    fn thread_running(&mut self, vm: &mut Vm, _name: &str) {
        let host = crate::aio::host::aio(vm);
        self.main_program_frame(vm, &host);
        self.thread_began = Some(vm.clock);
    }

    fn thread_stopped(&mut self, vm: &mut Vm, name: &str) {
        let host = crate::aio::host::aio(vm);
        let began = self.thread_began.take().unwrap_or(vm.clock);
        self.push_frame(
            vm,
            &host,
            FrameKind::Thread { name: name.into() },
            began,
            vm.clock,
        );
        if let Some((_, Some(t), _)) = self.step {
            self.mark_dirty(t);
        }
    }

    fn task_created(&mut self, _vm: &mut Vm, task: &Value) {
        let Some((f, _)) = as_fut(task) else { return };
        let Some(core) = &f.task else { return };
        let ix = self.trace.tasks.len() as TaskIx;
        self.task_ix.insert(f.id, ix);
        if let Value::Object(o) = task {
            self.task_values.push(std::rc::Rc::downgrade(o));
        }
        self.pending_handles.push(0);
        self.waiting_on.push(None);
        self.is_dirty.push(false);
        self.trace.tasks.push(TaskRec {
            coro: core.coro.qualname.clone(),
            created_at: self.next_frame(),
            views: Vec::new(),
            internal: *core.coro.code.filename != *self.trace.filename,
        });
        self.mark_dirty(ix);
    }

    fn task_touched(&mut self, task: &Value) {
        if let Some(id) = fut_id(task) {
            if let Some(ix) = self.task_ix.get(&id).copied() {
                self.mark_dirty(ix);
            }
        }
    }
}
