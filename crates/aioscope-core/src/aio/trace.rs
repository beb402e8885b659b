//! Recording the loop's steps. Each handle run, clock jump, blocking sleep
//! and cancellation request becomes an [`Event`]; the UI and the CLI's
//! `--events` read them.

use std::rc::Rc;

use crate::vm::value::Value;
use crate::vm::Vm;

use super::future::{as_fut, FutState};
use super::host::{AioHost, EventLoop, Handle};

/// Why a handle exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// A plain callback from `call_soon`.
    Callback,
    /// A timer (`call_later`/`call_at`) that came due.
    Timer,
    /// A task's step (its first, or after a bare yield).
    TaskStep,
    /// A future's done-callback (task wakeups included).
    FutureCallback,
}

impl StepKind {
    /// A short name for the trace.
    pub fn name(self) -> &'static str {
        match self {
            StepKind::Callback => "callback",
            StepKind::Timer => "timer",
            StepKind::TaskStep => "task_step",
            StepKind::FutureCallback => "future_callback",
        }
    }
}

/// A task's state as the trace shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskView {
    /// `get_name()`.
    pub name: Rc<str>,
    /// pending / done / cancelled / failed.
    pub state: &'static str,
    /// The line its coroutine is paused on.
    pub line: u32,
}

/// One recorded step.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A handle ran.
    Step {
        /// Virtual time.
        t: f64,
        /// Why it ran.
        kind: StepKind,
        /// What ran, as CPython would repr the callback.
        what: String,
        /// Handles left in the ready queue after it.
        ready: usize,
        /// Timers in the heap after it.
        timers: usize,
        /// Every task after the step.
        tasks: Vec<TaskView>,
        /// Output written during the step.
        out: String,
    },
    /// The clock jumped to the next timer.
    ClockJump {
        /// From.
        from: f64,
        /// To.
        to: f64,
    },
    /// `time.sleep` froze the loop.
    BlockingSleep {
        /// When it started.
        t: f64,
        /// For how long.
        seconds: f64,
    },
    /// A task was created.
    TaskCreated {
        /// Virtual time.
        t: f64,
        /// Its name.
        name: Rc<str>,
    },
    /// `cancel()` was requested on a task.
    CancelRequested {
        /// Its name.
        name: Rc<str>,
    },
}

/// Collects events while the loop runs.
#[derive(Default)]
pub struct Recorder {
    /// Whether to record at all.
    pub enabled: bool,
    /// The events so far.
    pub events: Vec<Event>,
    step_out_start: usize,
    step_what: String,
    step_kind: Option<StepKind>,
    step_t: f64,
}

fn task_name(v: &Value) -> Rc<str> {
    match as_fut(v) {
        Some((f, _)) => match &f.task {
            Some(t) => t.name.borrow().clone(),
            None => "future".into(),
        },
        None => "?".into(),
    }
}

fn stdout_len(vm: &Vm) -> usize {
    vm.stdout.iter().map(|r| r.text.len()).sum()
}

impl Recorder {
    /// A handle is about to run.
    pub fn begin_step(&mut self, vm: &mut Vm, _host: &AioHost, _l: &Rc<EventLoop>, h: &Rc<Handle>) {
        if !self.enabled {
            return;
        }
        self.step_out_start = stdout_len(vm);
        self.step_kind = Some(h.kind);
        self.step_t = vm.clock;
        self.step_what = match &h.callback {
            Value::Native(n) => match &n.bound {
                Some(task) => format!("{}({})", n.qualname, task_name(task)),
                None => n.qualname.to_string(),
            },
            other => vm.repr(other).unwrap_or_default(),
        };
    }

    /// The handle finished.
    pub fn end_step(&mut self, vm: &mut Vm, host: &AioHost, l: &Rc<EventLoop>) {
        if !self.enabled {
            return;
        }
        let out: String = {
            let all: String = vm.stdout.iter().map(|r| r.text.as_str()).collect();
            all.get(self.step_out_start..).unwrap_or("").to_string()
        };
        let tasks = host
            .tasks
            .borrow()
            .iter()
            .filter_map(|t| {
                let (f, _) = as_fut(t)?;
                let core = f.task.as_ref()?;
                let state = match f.core.borrow().state {
                    FutState::Pending => "pending",
                    FutState::Cancelled => "cancelled",
                    FutState::Finished => {
                        if f.core.borrow().exception.is_some() {
                            "failed"
                        } else {
                            "done"
                        }
                    }
                };
                Some(TaskView {
                    name: core.name.borrow().clone(),
                    state,
                    line: vm.coroutine_frame_line(&core.coro),
                })
            })
            .collect();
        let s = l.state.borrow();
        self.events.push(Event::Step {
            t: self.step_t,
            kind: self.step_kind.unwrap_or(StepKind::Callback),
            what: std::mem::take(&mut self.step_what),
            ready: s.ready.len(),
            timers: s.timers().count(),
            tasks,
            out,
        });
    }

    /// The clock jumps.
    pub fn clock_jump(&mut self, vm: &Vm, to: f64) {
        if self.enabled {
            self.events.push(Event::ClockJump { from: vm.clock, to });
        }
    }

    /// A blocking sleep.
    pub fn blocking_sleep(&mut self, vm: &Vm, seconds: f64) {
        if self.enabled {
            self.events.push(Event::BlockingSleep {
                t: vm.clock - seconds,
                seconds,
            });
        }
    }

    /// A task was created.
    pub fn task_created(&mut self, t: f64, task: &Value) {
        if self.enabled {
            self.events.push(Event::TaskCreated {
                t,
                name: task_name(task),
            });
        }
    }

    /// A cancellation was requested.
    pub fn cancel_requested(&mut self, task: &Value) {
        if self.enabled {
            self.events.push(Event::CancelRequested {
                name: task_name(task),
            });
        }
    }
}
