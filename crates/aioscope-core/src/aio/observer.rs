//! What the loop reports while it runs. The loop knows nothing of how its
//! steps are recorded or shown: it calls a [`LoopObserver`], which the
//! trace layer implements.

use std::any::Any;

use crate::vm::value::Value;
use crate::vm::Vm;

use super::host::{AioHost, Handle};

/// Why a handle exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum StepKind {
    /// A plain callback from `call_soon`.
    Callback,
    /// A timer (`call_later`/`call_at`).
    Timer,
    /// A task's step (its first, or after a bare yield).
    TaskStep,
    /// A future's done-callback (task wakeups included).
    FutureCallback,
}

impl StepKind {
    /// A short name for the trace formats.
    pub fn name(self) -> &'static str {
        match self {
            StepKind::Callback => "callback",
            StepKind::Timer => "timer",
            StepKind::TaskStep => "task_step",
            StepKind::FutureCallback => "future_callback",
        }
    }
}

/// Receives the loop's events, in the order they happen. Every method has
/// an empty default so that an observer implements only what it needs.
pub trait LoopObserver: Any {
    /// The observer as `Any`, to take a concrete recorder back.
    fn into_any(self: Box<Self>) -> Box<dyn Any>;
    /// A handle entered the ready queue (`call_soon`) or the timer heap.
    fn scheduled(&mut self, _vm: &mut Vm, _h: &Handle) {}
    /// A handle was cancelled.
    fn cancelled(&mut self, _h: &Handle) {}
    /// A timer came due and moved to the ready queue.
    fn timer_due(&mut self, _h: &Handle) {}
    /// An iteration of the loop (CPython's `_run_once`) begins: nothing
    /// has run yet, so what the loop holds now is its state before it.
    fn iteration_started(&mut self, _vm: &mut Vm, _host: &AioHost) {}
    /// A handle is about to run.
    fn step_started(&mut self, _vm: &mut Vm, _host: &AioHost, _h: &Handle) {}
    /// The handle finished (an exception it raised is logged by the loop).
    fn step_finished(&mut self, _vm: &mut Vm, _host: &AioHost) {}
    /// Nothing was ready: the clock jumps to the earliest timer.
    fn clock_jump(&mut self, _vm: &mut Vm, _from: f64, _to: f64) {}
    /// `time.sleep` blocked the thread (and the loop with it).
    fn blocking_sleep(&mut self, _vm: &mut Vm, _from: f64, _seconds: f64) {}
    /// Ctrl+C was pressed while the program waited (since `from`); its
    /// SIGINT handler has run.
    fn interrupted(&mut self, _vm: &mut Vm, _from: f64) {}
    /// A task was created.
    fn task_created(&mut self, _vm: &mut Vm, _task: &Value) {}
    /// A task changed in a way not tied to its own step (cancel requested,
    /// renamed).
    fn task_touched(&mut self, _task: &Value) {}
    /// The virtual internet answered an HTTP exchange.
    fn exchange(&mut self, _exchange: &super::internet::Exchange) {}
    /// A simulated thread gets its turn.
    fn thread_running(&mut self, _vm: &mut Vm, _name: &str) {}
    /// The thread blocked or ended; the loop's thread continues.
    fn thread_stopped(&mut self, _vm: &mut Vm, _name: &str) {}
}

/// The observer that records nothing.
pub struct NoObserver;

impl LoopObserver for NoObserver {
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}
