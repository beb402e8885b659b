//! What the UI derives from a trace once, when it is loaded: loop events
//! per frame (for breakpoints) and the timeline's geometry. (Warnings come
//! with the trace: `Trace::warnings`.)

use std::collections::HashMap;
use std::rc::Rc;

use aioscope_core::trace::{
    Awaiting, Exit, FrameIx, FrameKind, HandleIx, SyncState, TaskIx, TaskState, Trace, Uncaught,
};
use aioscope_core::trace::{LocalsIndex, StepKind, ThreadDoing};

/// Loop events a breakpoint can stop on (bit flags).
pub mod ev {
    /// A task was cancelled (or a cancel was requested).
    pub const CANCELLED: u8 = 1;
    /// A timer fired.
    pub const TIMER: u8 = 2;
    /// A task started waiting on a semaphore.
    pub const SEM_WAIT: u8 = 4;
    /// An exception was raised out of a task or the program.
    pub const EXCEPTION: u8 = 8;
    /// Every kind, in the order the UI lists them.
    pub const ALL: [u8; 4] = [CANCELLED, TIMER, SEM_WAIT, EXCEPTION];
}

/// The timeline is drawn in a box this wide (SVG user units).
pub const WIDTH: f32 = 1000.0;
/// Task lanes drawn at most; the rest are summarised.
pub const MAX_TASK_LANES: usize = 24;
/// What a lane belongs to.
#[derive(Clone, Debug, PartialEq)]
pub enum LaneKind {
    /// The main program, outside the loop.
    Main,
    /// Plain callbacks and timers run by the loop.
    Loop,
    /// A task.
    Task(TaskIx),
    /// A thread.
    Thread,
}

/// A bar on a lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegKind {
    /// Running.
    Run,
    /// Waiting on something.
    Wait,
    /// Ready, queued to run.
    Ready,
    /// The whole thread blocked (`time.sleep` in a step).
    Block,
}

/// A bar: `[x0, x1]` in timeline units.
#[derive(Clone, Debug, PartialEq)]
pub struct Seg {
    /// Start.
    pub x0: f32,
    /// End.
    pub x1: f32,
    /// What.
    pub kind: SegKind,
    /// The first frame it covers (clicking jumps there).
    pub frame: FrameIx,
}

/// A point event on a lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// `cancel()` was requested.
    CancelRequested,
    /// The task ended cancelled.
    Cancelled,
    /// The task ended with an exception.
    Failed,
    /// The task returned.
    Done,
}

/// A mark on a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Where.
    pub x: f32,
    /// What.
    pub kind: MarkKind,
    /// The frame it happened in.
    pub frame: FrameIx,
}

/// One row of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The label.
    pub label: Rc<str>,
    /// Whose lane.
    pub kind: LaneKind,
    /// Bars.
    pub segs: Vec<Seg>,
    /// Marks.
    pub marks: Vec<Mark>,
}

/// Everything derived from one trace.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Derived {
    /// Loop events per frame ([`ev`] flags).
    pub events: Vec<u8>,
    /// Timeline x of the end of each frame.
    pub xs: Vec<f32>,
    /// Time ticks: (x, seconds).
    pub ticks: Vec<(f32, f64)>,
    /// Timeline lanes.
    pub lanes: Vec<Lane>,
    /// Task lanes not drawn.
    pub hidden_lanes: usize,
    /// Per synchronisation object: the largest value seen (a semaphore's
    /// capacity, as far as the run shows).
    pub capacity: Vec<i64>,
    /// The user's line where an uncaught exception was raised, and its
    /// summary (`TypeName: message`).
    pub error_line: Option<(u32, String)>,
    /// Names of the threads that ran.
    pub threads: Vec<Rc<str>>,
    /// For each of `threads`, the frames it ran in, in order.
    pub thread_frames: Vec<Vec<FrameIx>>,
    /// The frames shown while asyncio's internals are folded: every frame
    /// but the internal ones, in order (the first and last always).
    pub folded: Vec<FrameIx>,
    /// Per frame, its events and those of the internal frames folded into
    /// it (the ones since the shown frame before it).
    pub folded_events: Vec<u8>,
    /// The debugger's index of the recorded lines (variables, step over
    /// and out).
    pub locals: LocalsIndex,
}

impl Derived {
    /// The frames shown: all of them, or only the program's own steps.
    pub fn shown(&self, internals: bool) -> Option<&[FrameIx]> {
        (!internals).then_some(self.folded.as_slice())
    }

    /// The frame whose timeline x is nearest to `x`.
    pub fn frame_at_x(&self, x: f32) -> FrameIx {
        let i = self.xs.partition_point(|v| *v < x);
        if i == 0 {
            return 0;
        }
        if i >= self.xs.len() {
            return self.xs.len().saturating_sub(1) as FrameIx;
        }
        if (self.xs[i] - x).abs() < (x - self.xs[i - 1]).abs() {
            i as FrameIx
        } else {
            (i - 1) as FrameIx
        }
    }
}

/// A "nice" tick step for a span of `span` seconds.
fn tick_step(span: f64) -> f64 {
    let raw = (span / 6.0).max(1e-9);
    let p = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * p >= raw {
            return m * p;
        }
    }
    10.0 * p
}

fn push_seg(segs: &mut Vec<Seg>, seg: Seg) {
    if let Some(last) = segs.last_mut() {
        if last.kind == seg.kind && seg.x0 <= last.x1 + 0.4 {
            last.x1 = last.x1.max(seg.x1);
            return;
        }
    }
    segs.push(seg);
}

/// Derives everything the UI needs from `trace`.
pub fn derive(trace: &Trace) -> Derived {
    let n = trace.frames.len();
    let mut d = Derived {
        events: vec![0; n],
        locals: LocalsIndex::new(trace),
        ..Derived::default()
    };
    if n == 0 {
        return d;
    }

    // Timeline x: mostly virtual time, partly frame order, so that steps
    // at the same instant stay apart.
    let mut tt = Vec::with_capacity(n);
    let mut tmax = 0.0f64;
    for f in &trace.frames {
        tmax = tmax.max(f.t);
        tt.push(tmax);
    }
    let span = tmax;
    let denom = (n.max(2) - 1) as f64;
    d.xs = (0..n)
        .map(|i| {
            let order = i as f64 / denom;
            let v = if span > 0.0 {
                0.7 * tt[i] / span + 0.3 * order
            } else {
                order
            };
            (v * WIDTH as f64) as f32
        })
        .collect();
    if span > 0.0 {
        let step = tick_step(span);
        let mut k = 0u32;
        loop {
            let t = step * k as f64;
            if t > span + 1e-9 || k > 50 {
                break;
            }
            // Between the last frame before `t` and the first at or after
            // it, in proportion.
            let i = tt.partition_point(|v| *v < t - 1e-9).min(n - 1);
            let x = if i == 0 || tt[i] <= tt[i - 1] {
                d.xs[i]
            } else {
                let r = ((t - tt[i - 1]) / (tt[i] - tt[i - 1])).clamp(0.0, 1.0) as f32;
                d.xs[i - 1] + (d.xs[i] - d.xs[i - 1]) * r
            };
            d.ticks.push((x, t));
            k += 1;
        }
    }
    // Where a step that ends with frame `f` starts: the end of the frame
    // before, unless the clock moved in between (then it started at its
    // own time, just before `f`).
    let x_before = |f: usize| {
        if f == 0 {
            0.0
        } else if tt[f - 1] < tt[f] - 1e-12 {
            (d.xs[f] - 1.0).max(d.xs[f - 1])
        } else {
            d.xs[f - 1]
        }
    };

    // Frames: events, and the lanes of the main program, loop callbacks and
    // threads.
    let mut main_lane = Lane {
        label: if trace.threads.is_empty() {
            "main"
        } else {
            "MainThread"
        }
        .into(),
        kind: LaneKind::Main,
        segs: vec![],
        marks: vec![],
    };
    let mut loop_lane = Lane {
        label: "loop".into(),
        kind: LaneKind::Loop,
        segs: vec![],
        marks: vec![],
    };
    let mut thread_lanes: Vec<Lane> = Vec::new();
    for (i, f) in trace.frames.iter().enumerate() {
        let x0 = x_before(i);
        let x1 = d.xs[i];
        let seg = |kind| Seg {
            x0,
            x1,
            kind,
            frame: i as FrameIx,
        };
        // Threads that were blocked before this frame and did not run in
        // it waited through it: MainThread in time.sleep(3) while the
        // spinner thread turns.
        if i > 0 && !trace.threads.is_empty() {
            for (k, v) in trace.threads_at(i as FrameIx - 1).iter().enumerate() {
                let waiting = matches!(
                    v.doing,
                    ThreadDoing::Sleeping { .. }
                        | ThreadDoing::Lock { .. }
                        | ThreadDoing::Join { .. }
                );
                let ran = matches!(&f.kind, FrameKind::Thread { name } if *name == v.name);
                if !waiting || ran {
                    continue;
                }
                if k == 0 {
                    push_seg(&mut main_lane.segs, seg(SegKind::Wait));
                } else if let Some(lane) = thread_lanes.iter_mut().find(|l| l.label == v.name) {
                    push_seg(&mut lane.segs, seg(SegKind::Wait));
                }
            }
        }
        match &f.kind {
            FrameKind::Main => push_seg(&mut main_lane.segs, seg(SegKind::Run)),
            FrameKind::Step(kind) => {
                if *kind == StepKind::Timer {
                    d.events[i] |= ev::TIMER;
                }
                if f.task.is_none() {
                    push_seg(&mut loop_lane.segs, seg(SegKind::Run));
                }
            }
            FrameKind::BlockingSleep { .. } => {
                // Inside a loop step: the whole loop is blocked while the
                // clock moves on, from when the sleep began (where the frame
                // before ended) to its end (this frame).
                let in_step = trace.frames[i + 1..]
                    .iter()
                    .find(|g| !matches!(g.kind, FrameKind::BlockingSleep { .. }))
                    .is_some_and(|g| matches!(g.kind, FrameKind::Step(_)));
                if in_step {
                    let from = tt[..i].partition_point(|v| *v < f.began - 1e-9);
                    let x0 = if from < i { d.xs[from] } else { x0 };
                    push_seg(
                        &mut loop_lane.segs,
                        Seg {
                            x0,
                            x1: d.xs[i].max(x0 + 1.0),
                            kind: SegKind::Block,
                            frame: i as FrameIx,
                        },
                    );
                }
            }
            FrameKind::Thread { name } => {
                let lane = match thread_lanes.iter().position(|l| l.label == *name) {
                    Some(p) => p,
                    None => {
                        thread_lanes.push(Lane {
                            label: name.clone(),
                            kind: LaneKind::Thread,
                            segs: vec![],
                            marks: vec![],
                        });
                        d.threads.push(name.clone());
                        d.thread_frames.push(Vec::new());
                        thread_lanes.len() - 1
                    }
                };
                d.thread_frames[lane].push(i as FrameIx);
                push_seg(&mut thread_lanes[lane].segs, seg(SegKind::Run));
            }
            FrameKind::End => {
                if trace.exit.is_error() {
                    d.events[i] |= ev::EXCEPTION;
                }
            }
            FrameKind::Start | FrameKind::ClockJump { .. } | FrameKind::Interrupt { .. } => {}
        }
    }

    // Tasks: their views give waits, ends and cancellations.
    let mut task_lanes = Vec::new();
    for (t, rec) in trace.tasks.iter().enumerate() {
        let mut lane = Lane {
            label: rec
                .views
                .first()
                .map(|(_, v)| v.name.clone())
                .unwrap_or_else(|| format!("task {}", t).into()),
            kind: LaneKind::Task(t as TaskIx),
            segs: vec![],
            marks: vec![],
        };
        let mut waits = Vec::new();
        let mut prev: Option<&aioscope_core::trace::TaskView> = None;
        for (k, (f, v)) in rec.views.iter().enumerate() {
            let f = *f as usize;
            if f >= n {
                continue;
            }
            let next_f = rec.views.get(k + 1).map(|(g, _)| *g as usize).unwrap_or(n);
            let x_end = d.xs[next_f.saturating_sub(1).min(n - 1)];
            match v.state {
                TaskState::Waiting => push_seg(
                    &mut waits,
                    Seg {
                        x0: d.xs[f],
                        x1: x_end,
                        kind: SegKind::Wait,
                        frame: f as FrameIx,
                    },
                ),
                TaskState::Ready | TaskState::Created => push_seg(
                    &mut waits,
                    Seg {
                        x0: d.xs[f],
                        x1: x_end,
                        kind: SegKind::Ready,
                        frame: f as FrameIx,
                    },
                ),
                _ => {}
            }
            let was = prev.map(|p| p.state);
            let mark = |kind| Mark {
                x: d.xs[f],
                kind,
                frame: f as FrameIx,
            };
            if v.cancelling > prev.map(|p| p.cancelling).unwrap_or(0) {
                d.events[f] |= ev::CANCELLED;
                lane.marks.push(mark(MarkKind::CancelRequested));
            }
            if was != Some(v.state) {
                match v.state {
                    TaskState::Cancelled => {
                        d.events[f] |= ev::CANCELLED;
                        lane.marks.push(mark(MarkKind::Cancelled));
                    }
                    TaskState::Failed => {
                        d.events[f] |= ev::EXCEPTION;
                        lane.marks.push(mark(MarkKind::Failed));
                    }
                    TaskState::Done => lane.marks.push(mark(MarkKind::Done)),
                    _ => {}
                }
            }
            prev = Some(v);
        }
        lane.segs = waits;
        task_lanes.push(lane);
    }
    // Their running slices, in one pass over the frames (not one per task:
    // a run with thousands of tasks has tens of thousands of frames), for
    // the lanes drawn.
    for (i, f) in trace.frames.iter().enumerate() {
        let Some(t) = f.task.filter(|t| (*t as usize) < MAX_TASK_LANES) else {
            continue;
        };
        if let (FrameKind::Step(_), Some(lane)) = (&f.kind, task_lanes.get_mut(t as usize)) {
            push_seg(
                &mut lane.segs,
                Seg {
                    x0: x_before(i),
                    x1: d.xs[i],
                    kind: SegKind::Run,
                    frame: i as FrameIx,
                },
            );
        }
    }

    // Semaphores: who started waiting, and the largest value seen.
    for views in &trace.sync {
        let mut cap = 0;
        let mut before: &[TaskIx] = &[];
        for (f, v) in views {
            let SyncState::Semaphore { value, bound } = v.state else {
                continue;
            };
            cap = cap.max(bound.unwrap_or(value));
            if v.waiters.iter().any(|w| !before.contains(w)) {
                if let Some(e) = d.events.get_mut(*f as usize) {
                    *e |= ev::SEM_WAIT;
                }
            }
            before = &v.waiters;
        }
        d.capacity.push(cap);
    }

    if !main_lane.segs.is_empty() {
        d.lanes.push(main_lane);
    }
    if !loop_lane.segs.is_empty() {
        d.lanes.push(loop_lane);
    }
    d.hidden_lanes = task_lanes.len().saturating_sub(MAX_TASK_LANES);
    d.lanes.extend(task_lanes.into_iter().take(MAX_TASK_LANES));
    d.lanes.extend(thread_lanes);

    // Folding: internal frames merge into the next frame shown.
    let last = n - 1;
    let mut pending = 0u8;
    d.folded_events = d.events.clone();
    for (i, f) in trace.frames.iter().enumerate() {
        if f.internal && i != 0 && i != last {
            pending |= d.events[i];
        } else {
            d.folded.push(i as FrameIx);
            d.folded_events[i] |= pending;
            pending = 0;
        }
    }

    if let Exit::Exception(Uncaught {
        line: Some(line), ..
    }) = &trace.exit
    {
        d.error_line = Some((*line, trace.exit.summary()));
    }
    d
}

/// When thread `k` of [`Derived::threads`] last ran, at or before frame `at`.
pub fn thread_last_ran(trace: &Trace, d: &Derived, k: usize, at: FrameIx) -> Option<f64> {
    let frames = d.thread_frames.get(k)?;
    let n = frames.partition_point(|f| *f <= at);
    let f = *frames.get(n.checked_sub(1)?)?;
    trace.frame(f).map(|f| f.t)
}

/// The tasks each sleep timer wakes.
pub type Sleepers = HashMap<HandleIx, Vec<TaskIx>>;

/// Which tasks each sleep timer will wake at frame `at`: one pass over
/// the tasks, so a panel listing many timers asks once per frame.
pub fn sleepers(trace: &Trace, at: FrameIx) -> Sleepers {
    let mut by_timer = Sleepers::new();
    for t in 0..trace.tasks.len() as TaskIx {
        if let Some(Awaiting::Timer { handle, .. }) =
            trace.task_at(t, at).and_then(|v| v.awaiting.as_ref())
        {
            by_timer.entry(*handle).or_default().push(t);
        }
    }
    by_timer
}

#[cfg(test)]
mod tests {
    use super::*;
    use aioscope_core::run::{self, Options};

    fn run(src: &str) -> Trace {
        run::run(
            src,
            "main.py",
            &Options {
                lines: true,
                instructions: 5_000_000,
                ..Options::default()
            },
        )
    }

    #[test]
    fn blocking_sleep_in_a_coroutine_blocks_the_loop_lane() {
        let t = run("import asyncio\nimport time\n\nasync def main():\n    time.sleep(0.5)\n\nasyncio.run(main())\n");
        let d = derive(&t);
        let lp = d.lanes.iter().find(|l| l.kind == LaneKind::Loop).unwrap();
        assert!(lp.segs.iter().any(|s| s.kind == SegKind::Block));
    }

    #[test]
    fn events_mark_timers_cancellations_and_semaphore_waits() {
        let t = run(crate::scenarios::by_id("flags_semaphore").unwrap().source);
        let d = derive(&t);
        assert!(d.events.iter().any(|e| e & ev::TIMER != 0));
        assert!(d.events.iter().any(|e| e & ev::SEM_WAIT != 0));
        assert_eq!(d.capacity, vec![3]);
        // The cancel-all scenario with its Ctrl+C at 1.5 s.
        let t = crate::app::run_scenario(crate::scenarios::by_id("cancel_on_interrupt").unwrap());
        let d = derive(&t.trace);
        assert!(d.events.iter().any(|e| e & ev::CANCELLED != 0));
    }

    #[test]
    fn the_timeline_is_monotonic_and_clicks_find_frames() {
        let t = run(crate::scenarios::by_id("spinner_asyncio").unwrap().source);
        let d = derive(&t);
        assert_eq!(d.xs.len(), t.frames.len());
        assert!(d.xs.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(d.frame_at_x(-5.0), 0);
        assert_eq!(d.frame_at_x(WIDTH + 5.0) as usize, t.frames.len() - 1);
        assert!(d.ticks.len() >= 4);
        assert!(
            d.ticks.windows(2).all(|w| w[1].0 - w[0].0 > 20.0),
            "ticks spread out"
        );
        assert!(d.lanes.iter().any(|l| l.kind == LaneKind::Task(1)));
    }

    #[test]
    fn a_runtime_error_is_found_at_its_line() {
        let t = run("x = 1\ny = x / 0\n");
        let d = derive(&t);
        assert_eq!(d.error_line.as_ref().map(|e| e.0), Some(2));
        assert!(d.error_line.unwrap().1.starts_with("ZeroDivisionError"));
    }

    #[test]
    fn sleepers_maps_each_timer_to_the_tasks_it_wakes() {
        let t = run("import asyncio\n\nasync def nap(d):\n    await asyncio.sleep(d)\n\nasync def main():\n    await asyncio.gather(nap(0.5), nap(0.5), nap(0.7))\n\nasyncio.run(main())\n");
        let at = (0..t.len() as FrameIx)
            .find(|&f| sleepers(&t, f).values().map(Vec::len).sum::<usize>() == 3)
            .expect("a frame where all three sleep");
        let map = sleepers(&t, at);
        assert_eq!(map.len(), 3, "one timer per sleep: {map:?}");
        for (h, tasks) in &map {
            assert_eq!(tasks.len(), 1);
            assert!(t.timers_at(at).contains(h));
        }
    }

    #[test]
    fn the_main_threads_lane_waits_while_it_sleeps_and_another_thread_runs() {
        let t = run("import threading\nimport time\n\ndef spin():\n    for _ in range(5):\n        time.sleep(0.1)\n\nth = threading.Thread(target=spin)\nth.start()\ntime.sleep(1)\nth.join()\n");
        let d = derive(&t);
        let main = d
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Main)
            .expect("a main lane");
        assert_eq!(&*main.label, "MainThread");
        let waits: f32 = main
            .segs
            .iter()
            .filter(|s| s.kind == SegKind::Wait)
            .map(|s| s.x1 - s.x0)
            .sum();
        assert!(waits > 0.0, "{:?}", main.segs);
        let spin = d
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Thread)
            .expect("a thread lane");
        assert!(
            spin.segs.iter().any(|s| s.kind == SegKind::Wait),
            "{:?}",
            spin.segs
        );
    }

    #[test]
    fn a_thread_last_ran_at_its_latest_frame_up_to_now() {
        let t = run("import threading\nimport time\n\ndef work():\n    time.sleep(0.5)\n    time.sleep(0.5)\n\nth = threading.Thread(target=work)\nth.start()\nth.join()\n");
        let d = derive(&t);
        assert_eq!(d.threads.len(), 1, "{:?}", d.threads);
        let runs = &d.thread_frames[0];
        assert!(runs.len() >= 2, "{runs:?}");
        assert_eq!(thread_last_ran(&t, &d, 0, 0), None);
        let last = *runs.last().unwrap();
        assert_eq!(thread_last_ran(&t, &d, 0, last), t.frame(last).map(|f| f.t));
    }
}
