//! The recorded run: every loop step is a frame the UI can jump to.
//!
//! Frames are cheap to reach in any order because state is stored once,
//! as logs that frames index into (structural sharing), not copied per
//! frame:
//! - the ready queue is FIFO, so at any frame it is a contiguous range of
//!   the log of handles in the order they entered it;
//! - timers are intervals `[scheduled, removed)` of frame indices;
//! - each task keeps the views it had, each stamped with the first frame it
//!   holds for, found by binary search;
//! - output (stdout and stderr) is one log of records in write order; a
//!   frame stores how much of it existed (an [`OutputMark`]), and stdout
//!   alone is one string, a frame storing how much of it existed too.

mod explain;
pub mod export;
pub mod locals;
mod recorder;
pub mod stream;

use std::rc::Rc;

pub use explain::thread_doing;
pub use locals::LocalsIndex;
pub use recorder::{FrameHook, Recorder};
pub use stream::{DeltaWriter, StreamError, TraceDelta};

pub use crate::aio::host::GroupKind;
pub use crate::aio::observer::StepKind;
pub use crate::vm::debug::{Local, Locals};
pub use crate::vm::links::OutLink;
pub use crate::vm::{OutRecord, Stream};

/// Index of a frame in [`Trace::frames`].
pub type FrameIx = u32;
/// Index of a task in [`Trace::tasks`].
pub type TaskIx = u32;
/// Index of a handle in [`Trace::handles`].
pub type HandleIx = u32;

/// What a frame shows happening.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum FrameKind {
    /// The program starts (before the loop runs anything).
    Start,
    /// The main program ran outside the loop (before or between loop runs).
    Main,
    /// A handle ran.
    Step(StepKind),
    /// Nothing was ready: the clock jumped to the earliest timer.
    ClockJump {
        /// The clock before.
        from: f64,
    },
    /// A simulated thread ran until it blocked or ended.
    Thread {
        /// Its name.
        name: Rc<str>,
    },
    /// `time.sleep` froze the loop.
    BlockingSleep {
        /// How long.
        seconds: f64,
    },
    /// Ctrl+C was pressed while the program waited: the SIGINT handler
    /// ran (the default raises `KeyboardInterrupt` there).
    Interrupt {
        /// The clock when the wait began.
        from: f64,
    },
    /// The program ended.
    End,
}

/// One frame.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Frame {
    /// The clock at the end of the frame: the time of the state it shows.
    /// Never less than the frame before's.
    pub t: f64,
    /// The clock when it began: earlier than `t` when the frame took
    /// virtual time (a step that called `time.sleep`, the sleep itself,
    /// the loop waiting for its next timer, a thread's turn).
    pub began: f64,
    /// What happened.
    pub kind: FrameKind,
    /// The handle that ran, for steps.
    pub handle: Option<HandleIx>,
    /// The task that ran, for task steps and wakeups.
    pub task: Option<TaskIx>,
    /// The ready queue after the frame: `ready_log[ready.0..ready.1]`.
    pub ready: (u32, u32),
    /// Bytes of stdout written by the end of the frame.
    pub out_len: u32,
    /// Output (both streams) written by the end of the frame.
    pub output: OutputMark,
    /// Lines executed during the frame: `lines[lines_range.0..lines_range.1]`.
    pub lines_range: (u32, u32),
    /// A line that ran last in the frame, for the code highlight.
    pub line: Option<u32>,
    /// The step of asyncio's own machinery, not of the program: a library
    /// callback (`gather`'s `_done_callback`, `_run_until_complete_cb`, a
    /// sleep's timer) or a library task (`asyncio.run`'s clean-up). The page
    /// folds these into the program's steps unless asked to show them.
    pub internal: bool,
}

/// One HTTP exchange of the program with the virtual internet.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RequestRec {
    /// The frame during which it was sent.
    pub at: FrameIx,
    /// `GET`, `POST`...
    pub method: String,
    /// The URL.
    pub url: String,
    /// Its host as the world names it.
    pub host: String,
    /// The status answered (`None` when it failed).
    pub status: Option<u16>,
    /// The failure instead (`refused`, `reset`, `dns`, `timeout`).
    pub failure: Option<String>,
    /// Seconds from the request to the whole answer (or the failure).
    pub seconds: f64,
}

/// How much of [`Trace::output`] existed at some moment: `records`
/// records, the last of which was `last_len` bytes long then (a record
/// grows while writes to its stream continue at the same virtual time).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OutputMark {
    /// Records begun.
    pub records: u32,
    /// Bytes of the last of them.
    pub last_len: u32,
}

/// A piece of output as a console shows it: which stream, the virtual
/// time of the write, the text (a whole record or the part of one that
/// existed at the frame asked about), and the program's lines it names.
#[derive(Clone, Debug, PartialEq)]
pub struct OutputChunk<'a> {
    /// stdout or stderr.
    pub stream: Stream,
    /// The virtual time the record was written at.
    pub t: f64,
    /// The text.
    pub text: &'a str,
    /// Where `text` names a line of the program (a traceback's `File
    /// "main.py", line N`), in order.
    pub links: Vec<TextLink>,
}

/// A line of the program named by part of an [`OutputChunk`]'s text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextLink {
    /// The part: byte offsets into the chunk's text.
    pub range: (usize, usize),
    /// The program's line.
    pub line: u32,
}

/// The start of one iteration of an event loop.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Iteration {
    /// The frame after which it began: the loop's state before the
    /// iteration is the state after that frame.
    pub after: FrameIx,
    /// The clock when it began.
    pub t: f64,
}

/// One sentence about a frame, in the UI's languages.
#[derive(Clone, Debug, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Explanation {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
}

/// One line executed by some task during a frame.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LineHit {
    /// The line (in the user's program).
    pub line: u32,
}

/// The variables of a frame of the program at the start of one of its
/// lines (recorded with `Options::locals`, while the budget of
/// [`Locals::BUDGET`] variables lasts). Read them through a
/// [`LocalsIndex`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LineLocals {
    /// The frame of the trace during which it was recorded.
    pub at: FrameIx,
    /// The line hit (index into [`Trace::lines`]) that was starting: these
    /// are the variables before it ran. `None` when the frame returned.
    pub hit: Option<u32>,
    /// The frame's previous line hit: these are the variables after it
    /// ran.
    pub after: Option<u32>,
    /// The line hit of the frame that called or awaited this one, when it
    /// is the program's.
    pub caller: Option<u32>,
    /// The function running (its qualname; `<module>` at the top level).
    pub function: Rc<str>,
    /// Its variables (`None` past the budget).
    pub locals: Option<Rc<Locals>>,
    /// The length of [`Trace::stdout`] then: the output once the line
    /// `after` ran.
    pub out: u32,
    /// The output (both streams) once the line `after` ran.
    pub output: OutputMark,
}

/// A scheduled callback over its lifetime.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct HandleRec {
    /// The callback, as CPython's handle repr shows it.
    pub what: String,
    /// The `__qualname__` of the function it calls (`functools.partial`
    /// unwrapped), as CPython's loop would name it.
    pub callback: Rc<str>,
    /// Why it exists.
    pub kind: StepKind,
    /// The task whose step or wakeup it is.
    pub task: Option<TaskIx>,
    /// The task whose method it calls (its step or wakeup, or another
    /// method such as `cancel`): CPython's loop names such a handle after
    /// the task.
    pub of_task: Option<TaskIx>,
    /// The task its first argument is (`_done_callback(task)`, a
    /// done-callback's future): what an internal step is about.
    pub arg_task: Option<TaskIx>,
    /// Due time, for timers.
    pub when: Option<f64>,
    /// It calls asyncio's own machinery (see [`Frame::internal`]).
    pub internal: bool,
    /// The frame during which it was scheduled.
    pub scheduled_at: FrameIx,
    /// The frame in which it left the timer heap (due or dropped).
    pub left_heap_at: FrameIx,
    /// The frame in which it ran or was skipped.
    pub ran_at: FrameIx,
    /// The frame in which it was cancelled before running
    /// (`FrameIx::MAX` if never).
    pub cancelled_at: FrameIx,
}

impl HandleRec {
    /// Whether it had been cancelled by the end of frame `at`.
    pub fn cancelled_by(&self, at: FrameIx) -> bool {
        self.cancelled_at <= at
    }
}

/// A task's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TaskState {
    /// Created, its first step not run yet.
    Created,
    /// Scheduled to run (its step or wakeup is in the ready queue).
    Ready,
    /// Running now.
    Running,
    /// Waiting on a future.
    Waiting,
    /// Finished with a result.
    Done,
    /// Finished with an exception.
    Failed,
    /// Cancelled.
    Cancelled,
}

impl TaskState {
    /// The word the UI shows.
    pub fn word(self) -> &'static str {
        match self {
            TaskState::Created => "created",
            TaskState::Ready => "ready",
            TaskState::Running => "running",
            TaskState::Waiting => "waiting",
            TaskState::Done => "done",
            TaskState::Failed => "failed",
            TaskState::Cancelled => "cancelled",
        }
    }
}

/// What a task awaits.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Awaiting {
    /// Another task.
    Task(TaskIx),
    /// The future of a `sleep`, completed by the timer `handle` due at
    /// `when`: the UI links the sleeper to that timer.
    Timer {
        /// The timer's handle.
        handle: HandleIx,
        /// Its due time.
        when: f64,
    },
    /// A future that stands for a group of tasks: `gather`'s, `wait`'s or
    /// `wait_for`'s.
    Group {
        /// `gather`, `wait` or `wait_for`.
        kind: GroupKind,
        /// The first members that are tasks (at most
        /// [`crate::aio::host::GROUP_SHOWN`] members are looked at).
        tasks: Vec<TaskIx>,
        /// How many members in all.
        total: u32,
    },
    /// Any other future (a lock's, an event's, a `Future()`...).
    Future,
    /// Nothing: a bare yield (`sleep(0)`).
    Yield,
}

/// One coroutine of a task's await chain.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StackEntry {
    /// Its code's qualname (`co_qualname`: the function as defined, even
    /// when `functools.wraps` gave the coroutine another `__qualname__`).
    pub qualname: Rc<str>,
    /// The line it is paused on.
    pub line: u32,
    /// Whether it is the user's code (else the simulated library's, like
    /// `asyncio.sleep`).
    pub user: bool,
    /// A generator or async generator frame the chain reached through
    /// delegation (`yield from`, an `async for` step), not a coroutine's,
    /// or a coroutine reached through its `__await__()` (CPython's
    /// `coroutine_wrapper`): CPython's `cr_await` chain stops before such
    /// a frame.
    pub generator: bool,
}

/// A task as it is between two of its changes.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TaskView {
    /// Its name then.
    pub name: Rc<str>,
    /// Its state.
    pub state: TaskState,
    /// The coroutine stack, outermost first.
    pub stack: Vec<StackEntry>,
    /// What it awaits, when waiting.
    pub awaiting: Option<Awaiting>,
    /// Once done, its result or exception as CPython's task repr shows
    /// it (`result=42`, `exception=ValueError('x')`); shown, never read:
    /// [`TaskView::state`] says which.
    pub outcome: Option<String>,
    /// Cancellation requests not yet delivered or withdrawn.
    pub cancelling: u32,
}

/// What a simulated thread is doing between two of its changes (the
/// threads panel says it: "sleeping until t = 3.0").
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ThreadDoing {
    /// Created, `start()` not called yet.
    NotStarted,
    /// Started or woken, waiting for its turn.
    Ready,
    /// Running now.
    Running,
    /// In `time.sleep`, until a virtual time.
    Sleeping {
        /// When it wakes.
        until: f64,
    },
    /// Waiting to take a `threading` lock (so also a `Condition`, an
    /// `Event`, a `Semaphore` or a `queue`), at most until `until`.
    Lock {
        /// Its timeout's end, if it has one.
        until: Option<f64>,
    },
    /// In `join()` of another thread.
    Join {
        /// The thread joined.
        thread: Rc<str>,
        /// Its timeout's end, if it has one.
        until: Option<f64>,
    },
    /// Its event loop waits for its next timer (`until`) or a callback
    /// from another thread (`call_soon_threadsafe`).
    Loop {
        /// The earliest timer's due time, if any.
        until: Option<f64>,
    },
    /// Blocked on something else.
    Blocked,
    /// Finished.
    Finished,
}

/// A thread at one frame.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ThreadView {
    /// Its name (`MainThread`, `Thread-1 (spin)`...).
    pub name: Rc<str>,
    /// What it does.
    pub doing: ThreadDoing,
}

/// A task over the whole run.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TaskRec {
    /// Its coroutine's qualname.
    pub coro: Rc<str>,
    /// The frame that created it.
    pub created_at: FrameIx,
    /// Its views, each with the first frame it holds for.
    pub views: Vec<(FrameIx, TaskView)>,
    /// Its coroutine is asyncio's own (`shutdown_asyncgens`...), not the
    /// program's.
    pub internal: bool,
}

/// A lock, semaphore, event, condition or queue at one frame.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SyncView {
    /// Which object (index among the synchronisation objects).
    pub id: u32,
    /// Its class's name as the program knows it: `Lock`, `Semaphore`,
    /// `BoundedSemaphore`, `Event`, `Condition`, `Queue`, `LifoQueue`...
    /// Shown, never interpreted: [`SyncView::state`] says what it is.
    pub kind: Rc<str>,
    /// Its state.
    pub state: SyncState,
    /// The task holding a lock or a condition's lock.
    pub owner: Option<TaskIx>,
    /// A queue's first items (at most [`SyncView::SHOWN_ITEMS`]), as
    /// Python's `repr` writes them.
    pub items: Vec<String>,
    /// The first tasks waiting on it (to acquire, for the event, or to get
    /// from a queue), first first; at most [`SyncView::SHOWN_WAITERS`].
    pub waiters: Vec<TaskIx>,
    /// How many futures wait on it in all.
    pub waiting: u32,
    /// A queue's first tasks waiting to put, first first.
    pub putters: Vec<TaskIx>,
    /// How many futures wait to put in all.
    pub putting: u32,
    /// asyncio made it for itself (`as_completed`'s queue, the event behind
    /// a queue's `join()`): the program never asked for it.
    pub internal: bool,
}

pub use crate::aio::sync::SyncState;

impl SyncView {
    /// Waiters listed by name; the rest are only counted, so recording a
    /// semaphore with thousands of waiters stays cheap.
    pub const SHOWN_WAITERS: usize = 32;
    /// A queue's items shown.
    pub const SHOWN_ITEMS: usize = 8;
}

/// How the program ended.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Exit {
    /// It ran to its end (`sys.exit()` with 0 or `None` included).
    Finished,
    /// An exception escaped it. A syntax error is one too: then nothing
    /// ran.
    Exception(Uncaught),
    /// A limit of the run ended it: the program was still going.
    Limit(Limit),
    /// Nothing could ever run again.
    Deadlock(Deadlock),
    /// The user stopped it; the trace holds the frames recorded until then.
    Stopped {
        /// Frames recorded before the stop.
        frames: u32,
    },
    /// It is still running: this is a copy of the frames recorded so far.
    Running {
        /// Frames recorded so far.
        frames: u32,
    },
    /// The simulator broke one of its own invariants (a bug of aioscope's,
    /// reported instead of panicking), or the worker running it failed.
    Internal(String),
}

pub use crate::vm::value::Deadlock;

/// A limit that ended a runaway program.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Limit {
    /// The instruction budget (an endless loop that never awaits?).
    Instructions(u64),
    /// Event loop iterations.
    Iterations(u64),
    /// Virtual seconds.
    VirtualTime(f64),
    /// Tasks or threads created.
    TooMany {
        /// `tasks` or `threads`.
        what: String,
        /// How many were allowed.
        limit: u64,
    },
}

/// An exception that escaped the program.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Uncaught {
    /// Its class's name, as `type(e).__name__`.
    pub type_name: String,
    /// `str(e)` (for a syntax error, its message without the place).
    pub message: String,
    /// The line of the user's program it came from: the innermost frame in
    /// the program's file, or a syntax error's line.
    pub line: Option<u32>,
    /// The frames it passed through, outermost first (empty for a syntax
    /// error).
    pub traceback: Vec<TracebackFrame>,
    /// The exit status CPython's process would end with: 1, or the code of
    /// a `SystemExit` (`sys.exit(3)` ends with 3).
    pub status: i32,
    /// What the interpreter printed on stderr for it, as the last
    /// thing the program did: the whole traceback (chained exceptions,
    /// carets), a syntax error's display, or a `SystemExit`'s message.
    /// An error box offers it whole; the console has it at its frame.
    pub printed: String,
}

/// One frame of a traceback.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TracebackFrame {
    /// The file (the program's own name, or a library's).
    pub file: String,
    /// The line.
    pub line: u32,
    /// The function (`<module>` at the top level).
    pub function: String,
}

impl Exit {
    /// The exit status of a process that ran the program: CPython's (0, 1,
    /// a `SystemExit`'s code, 130 for `KeyboardInterrupt`), and 3 when one
    /// of the simulator's guards stopped a program that was still going.
    pub fn status(&self) -> i32 {
        match self {
            Exit::Finished | Exit::Running { .. } => 0,
            Exit::Exception(u) => u.status,
            Exit::Limit(_) | Exit::Deadlock(_) | Exit::Stopped { .. } => 3,
            Exit::Internal(_) => 70,
        }
    }

    /// Whether the program did not run to its end.
    pub fn is_error(&self) -> bool {
        !matches!(self, Exit::Finished)
    }

    /// The transcript's `exc` text: `TypeName: message` (`TypeName` alone
    /// when the message is empty), or a limit's `Timeout: ...` sentence as
    /// the corpus oracle words it. Empty for a normal end.
    pub fn summary(&self) -> String {
        use crate::vm::Halt;
        match self {
            Exit::Finished => String::new(),
            Exit::Exception(u) if u.message.is_empty() => u.type_name.clone(),
            Exit::Exception(u) => format!("{}: {}", u.type_name, u.message),
            Exit::Limit(Limit::Instructions(n)) => Halt::InstructionBudget(*n).to_string(),
            Exit::Limit(Limit::Iterations(n)) => Halt::Iterations(*n).to_string(),
            Exit::Limit(Limit::VirtualTime(s)) => Halt::VirtualTime(*s).to_string(),
            Exit::Limit(Limit::TooMany { what, limit }) => {
                format!("Timeout: more than {} {} were created", limit, what)
            }
            Exit::Deadlock(d) => Halt::Deadlock(*d).to_string(),
            Exit::Stopped { frames } => format!("Stopped by the user after {} frames", frames),
            Exit::Running { frames } => format!("Still running after {} frames", frames),
            Exit::Internal(msg) => format!("internal error: {}", msg),
        }
    }
}

/// A whole recorded run.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Trace {
    /// The file name shown.
    pub filename: Rc<str>,
    /// The frames, in order.
    pub frames: Vec<Frame>,
    /// Every handle ever scheduled.
    pub handles: Vec<HandleRec>,
    /// Handles in the order they entered the ready queue.
    pub ready_log: Vec<HandleIx>,
    /// Every task ever created.
    pub tasks: Vec<TaskRec>,
    /// Lines executed, in order (frames index into it).
    pub lines: Vec<LineHit>,
    /// Variables of the frames running the lines, in the order recorded
    /// (empty unless the run asked for them).
    pub line_locals: Vec<LineLocals>,
    /// Every iteration of an event loop (CPython's `_run_once`), in order.
    pub iterations: Vec<Iteration>,
    /// The HTTP exchanges the virtual internet answered, in order.
    pub requests: Vec<RequestRec>,
    /// Synchronisation objects' states, each with the first frame it holds
    /// for.
    pub sync: Vec<Vec<(FrameIx, SyncView)>>,
    /// Every thread (the main one first), each time one of them changed,
    /// with the first frame it holds for; empty while the program has no
    /// thread but the main one.
    pub threads: Vec<(FrameIx, Vec<ThreadView>)>,
    /// All of stdout.
    pub stdout: String,
    /// All of stderr (tracebacks, warnings, asyncio's and `logging`'s
    /// messages).
    pub stderr: String,
    /// stdout and stderr as the corpus transcript has them: records in
    /// write order, each with its stream and virtual time (frames index
    /// into it with their [`OutputMark`]).
    pub output: Vec<OutRecord>,
    /// Where the output names the program's lines (tracebacks' headers),
    /// in output order.
    pub output_links: Vec<OutLink>,
    /// How it ended.
    pub exit: Exit,
    /// What asyncio's debug mode or a reviewer would point out.
    pub warnings: Vec<Warning>,
}

/// Kinds of [`Warning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum WarningKind {
    /// A blocking call (`time.sleep`) froze the loop.
    BlockingCall,
    /// A callback or step held the loop longer than 100 ms of virtual time.
    SlowStep,
    /// A coroutine object was created but never awaited or scheduled.
    NeverAwaited,
    /// A task was still pending when its loop was closed.
    PendingTaskDestroyed,
    /// A task failed and nothing ever retrieved its exception.
    ExceptionNeverRetrieved,
    /// `random` drew numbers the program never seeded: the simulator's
    /// fixed seed chose them (CPython's differ on every run).
    UnseededRandom,
}

/// A problem shown at the frame and line where it arises.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Warning {
    /// Where it arises.
    pub frame: FrameIx,
    /// The line of the user's program, when known.
    pub line: Option<u32>,
    /// What kind.
    pub kind: WarningKind,
    /// The message, in the UI's languages.
    pub message: Explanation,
}

impl Trace {
    /// Number of frames.
    pub fn len(&self) -> usize {
        self.frames.len()
    }

    /// Whether there are no frames.
    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }

    /// A frame.
    pub fn frame(&self, at: FrameIx) -> Option<&Frame> {
        self.frames.get(at as usize)
    }

    /// The sentence that explains frame `at`. Made on demand: storing two
    /// sentences per frame cost more time and memory than the recording
    /// of everything else.
    pub fn explanation(&self, at: FrameIx) -> Explanation {
        explain::frame(self, None, at)
    }

    /// [`Trace::explanation`], quoting the program's lines (`source` is the
    /// program this trace ran).
    pub fn explanation_in(&self, at: FrameIx, source: &str) -> Explanation {
        explain::frame(self, Some(source), at)
    }

    /// The handles in the ready queue after frame `at`, first first.
    pub fn ready_at(&self, at: FrameIx) -> &[HandleIx] {
        match self.frame(at) {
            Some(f) => &self.ready_log[f.ready.0 as usize..f.ready.1 as usize],
            None => &[],
        }
    }

    /// The timers in the heap after frame `at`, by due time (ties in the
    /// order they were scheduled).
    pub fn timers_at(&self, at: FrameIx) -> Vec<HandleIx> {
        let mut out: Vec<HandleIx> = self
            .handles
            .iter()
            .enumerate()
            .filter(|(_, h)| h.when.is_some() && h.scheduled_at <= at && at < h.left_heap_at)
            .map(|(i, _)| i as HandleIx)
            .collect();
        out.sort_by(|a, b| {
            let (wa, wb) = (
                self.handles[*a as usize].when,
                self.handles[*b as usize].when,
            );
            wa.partial_cmp(&wb).unwrap_or(std::cmp::Ordering::Equal)
        });
        out
    }

    /// A task's view after frame `at` (`None` before it exists).
    pub fn task_at(&self, task: TaskIx, at: FrameIx) -> Option<&TaskView> {
        let rec = self.tasks.get(task as usize)?;
        let i = rec.views.partition_point(|(f, _)| *f <= at);
        if i == 0 {
            None
        } else {
            Some(&rec.views[i - 1].1)
        }
    }

    /// The synchronisation objects after frame `at`.
    pub fn sync_at(&self, at: FrameIx) -> Vec<&SyncView> {
        self.sync
            .iter()
            .filter_map(|views| {
                let i = views.partition_point(|(f, _)| *f <= at);
                if i == 0 {
                    None
                } else {
                    Some(&views[i - 1].1)
                }
            })
            .collect()
    }

    /// The threads after frame `at`, the main one first: empty before the
    /// program's first thread other than the main one.
    pub fn threads_at(&self, at: FrameIx) -> &[ThreadView] {
        let i = self.threads.partition_point(|(f, _)| *f <= at);
        match i.checked_sub(1) {
            Some(i) => &self.threads[i].1,
            None => &[],
        }
    }

    /// stdout as written by the end of frame `at`.
    pub fn stdout_at(&self, at: FrameIx) -> &str {
        let n = self.frame(at).map(|f| f.out_len as usize).unwrap_or(0);
        self.stdout.get(..n).unwrap_or(&self.stdout)
    }

    /// The output (stdout and stderr, in write order) written by the end
    /// of frame `at`: what a console shows at that frame. stderr chunks
    /// are tracebacks, warnings and log messages, each at the frame that
    /// wrote it.
    pub fn output_at(&self, at: FrameIx) -> Vec<OutputChunk<'_>> {
        let mark = self.frame(at).map(|f| f.output).unwrap_or_default();
        self.output_between(OutputMark::default(), mark)
    }

    /// The output written during frame `at` alone (after the frame before
    /// it ended).
    pub fn output_during(&self, at: FrameIx) -> Vec<OutputChunk<'_>> {
        let end = self.frame(at).map(|f| f.output).unwrap_or_default();
        let start = match at.checked_sub(1).and_then(|p| self.frame(p)) {
            Some(f) => f.output,
            None => OutputMark::default(),
        };
        self.output_between(start, end)
    }

    /// The output written after mark `from` and by mark `to`.
    pub fn output_between(&self, from: OutputMark, to: OutputMark) -> Vec<OutputChunk<'_>> {
        let mut chunks = Vec::new();
        let first = from.records.saturating_sub(1) as usize;
        for i in first..to.records as usize {
            let Some(r) = self.output.get(i) else { break };
            let start = if i + 1 == from.records as usize {
                from.last_len as usize
            } else {
                0
            };
            let end = if i + 1 == to.records as usize {
                to.last_len as usize
            } else {
                r.text.len()
            };
            let end = end.min(r.text.len());
            if let Some(text) = r.text.get(start..end) {
                if !text.is_empty() {
                    chunks.push(OutputChunk {
                        stream: r.stream,
                        t: r.t,
                        text,
                        links: self.links_within(i as u32, start, end),
                    });
                }
            }
        }
        chunks
    }

    /// The links wholly inside bytes `start..end` of output record
    /// `record`, relative to `start`.
    fn links_within(&self, record: u32, start: usize, end: usize) -> Vec<TextLink> {
        let first = self.output_links.partition_point(|l| l.record < record);
        self.output_links[first..]
            .iter()
            .take_while(|l| l.record == record)
            .filter(|l| l.start as usize >= start && l.end as usize <= end)
            .map(|l| TextLink {
                range: (l.start as usize - start, l.end as usize - start),
                line: l.line,
            })
            .collect()
    }

    /// The lines executed during frame `at`.
    pub fn lines_at(&self, at: FrameIx) -> &[LineHit] {
        match self.frame(at) {
            Some(f) => &self.lines[f.lines_range.0 as usize..f.lines_range.1 as usize],
            None => &[],
        }
    }

    /// The warnings that arise in frame `at`.
    pub fn warnings_at(&self, at: FrameIx) -> impl Iterator<Item = &Warning> {
        self.warnings.iter().filter(move |w| w.frame == at)
    }

    /// The transcript in the corpus format (`t`/`out`/`err`/`exit` JSON
    /// lines).
    pub fn transcript(&self) -> String {
        export::transcript(self)
    }
}
