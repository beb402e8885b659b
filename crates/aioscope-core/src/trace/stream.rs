//! A trace sent in pieces while it is still being recorded, so that a page
//! can show a long run's progress (and keep its frames when the run is
//! stopped) while the recording happens elsewhere, in a Web Worker.
//!
//! This works because the recorder only ever appends: frames, handles, the
//! ready-queue log, lines, task and synchronisation views, stdout and
//! warnings grow at the end. The one exception is the three frame stamps a
//! handle receives later in its life (`left_heap_at`, `ran_at`,
//! `cancelled_at`). So a [`TraceDelta`] is what was appended since the last
//! one plus the stamps that changed, and [`Trace::apply`] on the receiving
//! side rebuilds exactly the trace the sender had.

use std::rc::Rc;

use super::{
    Exit, Frame, FrameIx, HandleIx, HandleRec, Iteration, LineHit, LineLocals, OutLink, OutRecord,
    RequestRec, Stream, SyncView, TaskIx, TaskRec, TaskView, ThreadView, Trace, Warning,
};

/// How much of each log a receiver holds: a delta says what it expects,
/// so a lost or reordered piece is an error instead of a corrupt trace.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Lengths {
    /// Frames.
    pub frames: u32,
    /// Handles.
    pub handles: u32,
    /// Ready-queue log entries.
    pub ready_log: u32,
    /// Tasks.
    pub tasks: u32,
    /// Line hits.
    pub lines: u32,
    /// Records of line variables.
    pub line_locals: u32,
    /// Loop iterations.
    pub iterations: u32,
    /// HTTP exchanges.
    pub requests: u32,
    /// Synchronisation objects.
    pub sync: u32,
    /// Records of the threads.
    pub threads: u32,
    /// Bytes of stdout.
    pub stdout: u32,
    /// Output records (both streams).
    pub output: u32,
    /// Bytes of the last output record.
    pub output_last: u32,
    /// Program locations in the output.
    pub output_links: u32,
    /// Warnings.
    pub warnings: u32,
}

impl Lengths {
    /// The lengths of `trace`'s logs.
    pub fn of(trace: &Trace) -> Lengths {
        Lengths {
            frames: trace.frames.len() as u32,
            handles: trace.handles.len() as u32,
            ready_log: trace.ready_log.len() as u32,
            tasks: trace.tasks.len() as u32,
            lines: trace.lines.len() as u32,
            line_locals: trace.line_locals.len() as u32,
            iterations: trace.iterations.len() as u32,
            requests: trace.requests.len() as u32,
            sync: trace.sync.len() as u32,
            threads: trace.threads.len() as u32,
            stdout: trace.stdout.len() as u32,
            output: trace.output.len() as u32,
            output_last: trace.output.last().map_or(0, |r| r.text.len() as u32),
            output_links: trace.output_links.len() as u32,
            warnings: trace.warnings.len() as u32,
        }
    }
}

/// The three frame stamps of a handle that change after it is recorded.
type Stamps = [FrameIx; 3];

fn stamps(h: &HandleRec) -> Stamps {
    [h.left_heap_at, h.ran_at, h.cancelled_at]
}

/// What only the end of a run tells.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TraceEnd {
    /// How it ended.
    pub exit: Exit,
}

/// One piece of a trace: everything recorded since the previous piece.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TraceDelta {
    /// What the receiver must already hold.
    pub base: Lengths,
    /// New frames.
    pub frames: Vec<Frame>,
    /// New handles.
    pub handles: Vec<HandleRec>,
    /// Handles sent before whose stamps changed, with their stamps now.
    pub stamps: Vec<(HandleIx, Stamps)>,
    /// New ready-queue log entries.
    pub ready_log: Vec<HandleIx>,
    /// New tasks, with their views so far.
    pub tasks: Vec<TaskRec>,
    /// New views of tasks sent before.
    pub task_views: Vec<(TaskIx, Vec<(FrameIx, TaskView)>)>,
    /// New line hits.
    pub lines: Vec<LineHit>,
    /// New records of line variables.
    pub line_locals: Vec<LineLocals>,
    /// New loop iterations.
    pub iterations: Vec<Iteration>,
    /// New HTTP exchanges.
    pub requests: Vec<RequestRec>,
    /// New synchronisation objects, with their views so far.
    pub sync: Vec<Vec<(FrameIx, SyncView)>>,
    /// New views of synchronisation objects sent before.
    pub sync_views: Vec<(u32, Vec<(FrameIx, SyncView)>)>,
    /// New records of the threads.
    pub threads: Vec<(FrameIx, Vec<ThreadView>)>,
    /// What the last output record held before gained since (writes to
    /// its stream at the same virtual time).
    pub output_tail: String,
    /// New output records.
    pub output: Vec<OutRecord>,
    /// New program locations in the output.
    pub output_links: Vec<OutLink>,
    /// New warnings.
    pub warnings: Vec<Warning>,
    /// Set in the last piece only.
    pub end: Option<TraceEnd>,
}

/// Why a delta could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StreamError {
    /// The delta was made for a receiver holding other lengths (a piece
    /// lost, repeated or out of order).
    OutOfStep {
        /// What the delta expected.
        expected: Lengths,
        /// What the receiver holds.
        held: Lengths,
    },
    /// The delta names a handle, task or object the receiver does not have.
    UnknownIndex(&'static str, u32),
}

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StreamError::OutOfStep { expected, held } => write!(
                f,
                "a trace piece arrived out of step: it expects {:?}, the receiver holds {:?}",
                expected, held
            ),
            StreamError::UnknownIndex(what, i) => {
                write!(f, "a trace piece names {} {} that was never sent", what, i)
            }
        }
    }
}

impl std::error::Error for StreamError {}

/// The sending side: remembers what it has sent of one trace.
#[derive(Debug, Default)]
pub struct DeltaWriter {
    sent: Lengths,
    handle_stamps: Vec<Stamps>,
    task_views: Vec<usize>,
    sync_views: Vec<usize>,
}

impl DeltaWriter {
    /// A writer that has sent nothing.
    pub fn new() -> DeltaWriter {
        DeltaWriter::default()
    }

    /// How much of the trace has been sent.
    pub fn sent(&self) -> Lengths {
        self.sent
    }

    /// Everything `trace` gained since the last call. `trace` must be the
    /// same trace each time, only grown. Costs time in the number of new
    /// items plus one pass over the handles and tasks sent before.
    pub fn delta(&mut self, trace: &Trace) -> TraceDelta {
        let base = self.sent;
        let mut d = TraceDelta {
            base,
            frames: trace.frames[base.frames as usize..].to_vec(),
            handles: trace.handles[base.handles as usize..].to_vec(),
            ready_log: trace.ready_log[base.ready_log as usize..].to_vec(),
            tasks: trace.tasks[base.tasks as usize..].to_vec(),
            lines: trace.lines[base.lines as usize..].to_vec(),
            line_locals: trace.line_locals[base.line_locals as usize..].to_vec(),
            iterations: trace.iterations[base.iterations as usize..].to_vec(),
            requests: trace.requests[base.requests as usize..].to_vec(),
            sync: trace.sync[base.sync as usize..].to_vec(),
            threads: trace.threads[base.threads as usize..].to_vec(),
            output_tail: match (base.output as usize).checked_sub(1) {
                Some(i) => trace.output[i].text[base.output_last as usize..].to_string(),
                None => String::new(),
            },
            output: trace.output[base.output as usize..].to_vec(),
            output_links: trace.output_links[base.output_links as usize..].to_vec(),
            warnings: trace.warnings[base.warnings as usize..].to_vec(),
            ..TraceDelta::default()
        };
        for (i, old) in self.handle_stamps.iter_mut().enumerate() {
            let now = stamps(&trace.handles[i]);
            if *old != now {
                *old = now;
                d.stamps.push((i as HandleIx, now));
            }
        }
        for (i, sent) in self.task_views.iter_mut().enumerate() {
            let views = &trace.tasks[i].views;
            if views.len() > *sent {
                d.task_views.push((i as TaskIx, views[*sent..].to_vec()));
                *sent = views.len();
            }
        }
        for (i, sent) in self.sync_views.iter_mut().enumerate() {
            let views = &trace.sync[i];
            if views.len() > *sent {
                d.sync_views.push((i as u32, views[*sent..].to_vec()));
                *sent = views.len();
            }
        }
        self.handle_stamps.extend(d.handles.iter().map(stamps));
        self.task_views
            .extend(d.tasks.iter().map(|t| t.views.len()));
        self.sync_views.extend(d.sync.iter().map(Vec::len));
        self.sent = Lengths::of(trace);
        d
    }

    /// The last piece of a finished trace: what remains, and its end.
    pub fn finish(&mut self, trace: &Trace) -> TraceDelta {
        let mut d = self.delta(trace);
        d.end = Some(TraceEnd {
            exit: trace.exit.clone(),
        });
        d
    }
}

impl Trace {
    /// A trace with nothing in it yet: what a receiver starts from.
    pub fn empty(filename: &str) -> Trace {
        Trace {
            filename: Rc::from(filename),
            frames: Vec::new(),
            handles: Vec::new(),
            ready_log: Vec::new(),
            tasks: Vec::new(),
            lines: Vec::new(),
            line_locals: Vec::new(),
            iterations: Vec::new(),
            requests: Vec::new(),
            sync: Vec::new(),
            threads: Vec::new(),
            stdout: String::new(),
            stderr: String::new(),
            output: Vec::new(),
            output_links: Vec::new(),
            exit: Exit::Finished,
            warnings: Vec::new(),
        }
    }

    /// Adds a piece made by a [`DeltaWriter`]. On error the trace is left
    /// as it was.
    pub fn apply(&mut self, d: TraceDelta) -> Result<(), StreamError> {
        let held = Lengths::of(self);
        if d.base != held {
            return Err(StreamError::OutOfStep {
                expected: d.base,
                held,
            });
        }
        // Check every index before changing anything.
        if let Some((i, _)) = d.stamps.iter().find(|(i, _)| *i >= held.handles) {
            return Err(StreamError::UnknownIndex("handle", *i));
        }
        if let Some((i, _)) = d.task_views.iter().find(|(i, _)| *i >= held.tasks) {
            return Err(StreamError::UnknownIndex("task", *i));
        }
        if let Some((i, _)) = d.sync_views.iter().find(|(i, _)| *i >= held.sync) {
            return Err(StreamError::UnknownIndex("synchronisation object", *i));
        }
        self.frames.extend(d.frames);
        self.handles.extend(d.handles);
        for (i, [left_heap_at, ran_at, cancelled_at]) in d.stamps {
            let h = &mut self.handles[i as usize];
            h.left_heap_at = left_heap_at;
            h.ran_at = ran_at;
            h.cancelled_at = cancelled_at;
        }
        self.ready_log.extend(d.ready_log);
        self.tasks.extend(d.tasks);
        for (i, views) in d.task_views {
            self.tasks[i as usize].views.extend(views);
        }
        self.lines.extend(d.lines);
        self.line_locals.extend(d.line_locals);
        self.iterations.extend(d.iterations);
        self.requests.extend(d.requests);
        self.sync.extend(d.sync);
        for (i, views) in d.sync_views {
            self.sync[i as usize].extend(views);
        }
        if let Some(last) = self.output.last_mut() {
            last.text.push_str(&d.output_tail);
            match last.stream {
                Stream::Out => self.stdout.push_str(&d.output_tail),
                Stream::Err => self.stderr.push_str(&d.output_tail),
            }
        }
        for r in d.output {
            match r.stream {
                Stream::Out => self.stdout.push_str(&r.text),
                Stream::Err => self.stderr.push_str(&r.text),
            }
            self.output.push(r);
        }
        self.output_links.extend(d.output_links);
        self.threads.extend(d.threads);
        self.warnings.extend(d.warnings);
        if let Some(end) = d.end {
            self.exit = end.exit;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::run::{run_with_hook, Options};

    const PROGRAM: &str = r#"
import asyncio

async def worker(name, sem, delay):
    async with sem:
        print(name, "in")
        await asyncio.sleep(delay)
    return name

async def main():
    sem = asyncio.Semaphore(2)
    tasks = [asyncio.create_task(worker(f"w{i}", sem, 0.1 * i)) for i in range(5)]
    slow = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0.15)
    slow.cancel()
    print(await asyncio.gather(*tasks))
    ev = asyncio.Event()
    asyncio.get_running_loop().call_later(0.2, ev.set)
    await ev.wait()
    print("done")

asyncio.run(main())
"#;

    /// Records PROGRAM, cutting the trace into a piece every `every`
    /// frames: the pieces, each with the trace as it was when it was cut.
    fn cuts(every: usize) -> Vec<(TraceDelta, Trace)> {
        let writer = Rc::new(RefCell::new(DeltaWriter::new()));
        let out = Rc::new(RefCell::new(Vec::new()));
        let (w, o) = (writer.clone(), out.clone());
        let mut n = 0usize;
        let hook = Box::new(move |t: &Trace| {
            n += 1;
            if n.is_multiple_of(every) {
                o.borrow_mut().push((w.borrow_mut().delta(t), t.clone()));
            }
        });
        let trace = run_with_hook(PROGRAM, "main.py", &Options::default(), hook);
        let last = writer.borrow_mut().finish(&trace);
        out.borrow_mut().push((last, trace));
        let cuts = out.borrow().clone();
        cuts
    }

    /// The pieces and the whole trace.
    fn pieces(every: usize) -> (Trace, Vec<TraceDelta>) {
        let cuts = cuts(every);
        let whole = cuts.last().expect("a last piece").1.clone();
        (whole, cuts.into_iter().map(|(d, _)| d).collect())
    }

    #[test]
    fn pieces_applied_in_order_rebuild_the_trace() {
        for every in [1, 2, 3, 7, 1000] {
            let (whole, pieces) = pieces(every);
            let mut got = Trace::empty("main.py");
            for p in pieces {
                got.apply(p).expect("pieces in order apply");
            }
            assert_eq!(got, whole, "cut every {} frames", every);
        }
    }

    #[test]
    fn handle_stamps_changed_after_sending_are_resent() {
        let (_, pieces) = pieces(1);
        assert!(pieces.iter().any(|p| !p.stamps.is_empty()));
        assert!(pieces.iter().any(|p| !p.task_views.is_empty()));
    }

    #[test]
    fn after_each_piece_the_receiver_holds_the_recording_so_far() {
        let mut got = Trace::empty("main.py");
        for (piece, then) in cuts(4) {
            got.apply(piece).expect("pieces in order apply");
            assert_eq!(got, then);
        }
    }

    #[test]
    fn a_piece_out_of_step_is_refused_and_changes_nothing() {
        let (_, pieces) = pieces(3);
        let mut got = Trace::empty("main.py");
        let err = got.apply(pieces[1].clone()).unwrap_err();
        assert!(matches!(err, StreamError::OutOfStep { .. }));
        assert_eq!(got, Trace::empty("main.py"));
        got.apply(pieces[0].clone()).expect("first piece");
        assert!(got.apply(pieces[0].clone()).is_err(), "a repeated piece");
    }

    #[test]
    fn a_piece_naming_an_unknown_handle_is_refused() {
        let mut got = Trace::empty("main.py");
        let bad = TraceDelta {
            stamps: vec![(3, [0, 0, 0])],
            ..TraceDelta::default()
        };
        assert_eq!(got.apply(bad), Err(StreamError::UnknownIndex("handle", 3)));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn pieces_survive_the_wire_format() {
        let (whole, pieces) = pieces(5);
        let mut got = Trace::empty("main.py");
        for p in pieces {
            let bytes = postcard::to_allocvec(&p).expect("serialize");
            let back: TraceDelta = postcard::from_bytes(&bytes).expect("deserialize");
            got.apply(back).expect("apply");
        }
        assert_eq!(got, whole);
    }
}
