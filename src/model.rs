//! The stepping screen's state: a recorded run and a cursor into it, changed
//! only by [`Action`]s through one reducer.

use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;

use aioscope_core::run::{run, Options, World};
use aioscope_core::trace::StepKind;
use aioscope_core::trace::{FrameIx, FrameKind, TaskIx, Trace};
use yew::prelude::*;

use crate::analysis::{derive, Derived};

/// Instructions a built-in scenario may run.
pub const SCENARIO_BUDGET: u64 = 20_000_000;
/// Instructions the user's program may run on the page thread, when no
/// worker can start: enough for real programs, small enough that the page
/// never freezes for long.
pub const USER_BUDGET: u64 = 5_000_000;
/// Instructions the user's program may run in the worker: seconds of
/// work, with the page responsive and a Stop button throughout.
pub const WORKER_BUDGET: u64 = 100_000_000;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// One run of a program: its trace and what the UI derives from it.
#[derive(Clone)]
pub struct Run {
    /// A number unique to this run (components key on it).
    pub id: u32,
    /// The program.
    pub source: Rc<str>,
    /// The program as the Chinese page shows it, when it has such a copy
    /// (a scenario): the same code line for line, commented in Chinese.
    pub source_zh: Option<Rc<str>>,
    /// The trace.
    pub trace: Rc<Trace>,
    /// Derived data.
    pub derived: Rc<Derived>,
}

impl PartialEq for Run {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Run #{} ({} frames)", self.id, self.trace.len())
    }
}

impl Run {
    /// Runs `source` (shown as `filename`) with an instruction budget.
    pub fn new(source: &str, filename: &str, instructions: u64) -> Run {
        Run::new_in(source, filename, instructions, None)
    }

    /// [`Run::new`] on a virtual internet of its own (`None`: the default
    /// world).
    pub fn new_in(source: &str, filename: &str, instructions: u64, world: Option<&World>) -> Run {
        Run::new_at(source, filename, instructions, world, None)
    }

    /// [`Run::new_in`] with Ctrl+C pressed at virtual time `interrupt`.
    pub fn new_at(
        source: &str,
        filename: &str,
        instructions: u64,
        world: Option<&World>,
        interrupt: Option<f64>,
    ) -> Run {
        let trace = run(
            source,
            filename,
            &Options {
                lines: true,
                locals: true,
                instructions,
                world: world.cloned(),
                interrupt_at: interrupt,
                ..Options::default()
            },
        );
        Run::from_trace(source, trace)
    }

    /// Wraps a trace made elsewhere.
    pub fn from_trace(source: &str, trace: Trace) -> Run {
        let derived = derive(&trace);
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        });
        Run {
            id,
            source: source.into(),
            source_zh: None,
            trace: Rc::new(trace),
            derived: Rc::new(derived),
        }
    }

    /// The same run, shown on the Chinese page as `zh` (the program's
    /// Chinese copy, line for line the same code).
    pub fn with_chinese(mut self, zh: &str) -> Run {
        self.source_zh = Some(zh.into());
        self
    }

    /// The program as a page in `lang` shows it.
    pub fn shown_source(&self, lang: crate::i18n::Lang) -> Rc<str> {
        match (lang, &self.source_zh) {
            (crate::i18n::Lang::Zh, Some(zh)) => zh.clone(),
            _ => self.source.clone(),
        }
    }

    /// The last frame's index.
    pub fn last(&self) -> FrameIx {
        self.trace.len().saturating_sub(1) as FrameIx
    }
}

/// Play speeds: milliseconds between steps, and their labels.
pub const SPEEDS: [(u32, &str); 6] = [
    (1000, "×0.25"),
    (500, "×0.5"),
    (250, "×1"),
    (125, "×2"),
    (60, "×4"),
    (25, "×10"),
];
/// The speed a fresh screen plays at.
pub const DEFAULT_SPEED: usize = 2;

/// The first of the line hits `hits` (indexes into `trace.lines`) whose
/// line has a breakpoint (`bps` sorted): (its index, the line).
pub fn line_hit(trace: &Trace, hits: Range<u32>, bps: &[u32]) -> Option<(u32, u32)> {
    if bps.is_empty() {
        return None;
    }
    hits.into_iter().find_map(|k| {
        let line = trace.lines.get(k as usize)?.line;
        bps.binary_search(&line).ok().map(|_| (k, line))
    })
}

/// `bps` (sorted) with `line` added, or taken out if it was there.
pub fn toggled(bps: &[u32], line: u32) -> Vec<u32> {
    let mut bps = bps.to_vec();
    match bps.binary_search(&line) {
        Ok(i) => {
            bps.remove(i);
        }
        Err(i) => bps.insert(i, line),
    }
    bps
}

/// Why playing stopped by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// A line breakpoint.
    Line(u32),
    /// A loop-event breakpoint ([`crate::analysis::ev`] flags that matched).
    Event(u8),
}

/// Where the cursor is: after frame `frame`, or inside it at line hit
/// `sub` (an index into `trace.lines`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    /// The frame.
    pub frame: FrameIx,
    /// The line hit inside the frame, when stepping by line.
    pub sub: Option<u32>,
}

/// Where a screen opens: as a link names a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// A frame of the trace, by index (links of old: `f=`, from 0).
    Frame(FrameIx),
    /// The `n`-th frame the screen shows, counted from 1 as its counter
    /// counts, with asyncio's internals shown or folded.
    Shown {
        /// The number on the counter.
        n: u32,
        /// Whether the internals are shown.
        internals: bool,
    },
}

impl Default for Opening {
    fn default() -> Self {
        Opening::Frame(0)
    }
}

/// The stepping screen's state. Invariant: `pos.frame` is a frame shown
/// (never an internal one while internals are folded).
#[derive(Clone, Debug, PartialEq)]
pub struct Stepper {
    /// The run shown.
    pub run: Run,
    /// The cursor.
    pub pos: Pos,
    /// Whether asyncio's internal steps are shown (else folded into the
    /// program's steps).
    pub internals: bool,
    /// Whether it plays.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Lines with a breakpoint, sorted.
    pub line_bps: Rc<Vec<u32>>,
    /// Loop events that stop playing ([`crate::analysis::ev`] flags).
    pub event_bps: u8,
    /// Why it last stopped by itself.
    pub stopped: Option<Stop>,
    /// The task the line steps follow ("Follow Task-3"); `None`: the task
    /// of the line at the cursor, whichever runs.
    pub follow: Option<TaskIx>,
}

/// Everything that changes the stepping screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// One loop step forward.
    Forward,
    /// One loop step back.
    Back,
    /// One executed line forward (step into: the next line the program
    /// runs, of the followed task if one is followed).
    StepLine,
    /// The next line of the same function, over its calls and awaits
    /// (across the loop's other steps).
    StepOver,
    /// The line the caller runs once this function has returned.
    StepOut,
    /// One executed line back.
    StepBackLine,
    /// Follow a task with the line steps, or none.
    Follow(Option<TaskIx>),
    /// To the first frame.
    Start,
    /// To the last frame.
    End,
    /// To a frame (to the first shown at or after it, when it is folded).
    Seek(FrameIx),
    /// To the frame with this number on the counter (from 0).
    SeekShown(u32),
    /// Show or fold asyncio's internal steps.
    ToggleInternals,
    /// Play or pause.
    TogglePlay,
    /// Pause.
    Pause,
    /// The play timer fired.
    Tick,
    /// Set the speed.
    Speed(usize),
    /// Run to the next frame where a timer fires.
    NextTimer,
    /// Run to the next frame that writes output.
    NextOutput,
    /// Set or clear a line breakpoint.
    ToggleLine(u32),
    /// Set or clear a loop-event breakpoint.
    ToggleEvent(u8),
}

impl Stepper {
    /// A screen on `run` at `frame`.
    pub fn new(run: Run, opening: Opening) -> Stepper {
        let internals = matches!(
            opening,
            Opening::Shown {
                internals: true,
                ..
            }
        );
        let mut st = Stepper {
            run,
            pos: Pos {
                frame: 0,
                sub: None,
            },
            internals,
            playing: false,
            speed: DEFAULT_SPEED,
            line_bps: Rc::new(Vec::new()),
            event_bps: 0,
            stopped: None,
            follow: None,
        };
        st.pos.frame = match opening {
            Opening::Frame(f) => st.snap(f),
            Opening::Shown { n, .. } => st.frame_at(n.saturating_sub(1)),
        };
        st
    }

    /// The frames shown, when not all of them are.
    fn shown_frames(&self) -> Option<&[FrameIx]> {
        self.run.derived.shown(self.internals)
    }

    /// How many frames are shown.
    pub fn count(&self) -> u32 {
        match self.shown_frames() {
            Some(s) => s.len() as u32,
            None => self.run.trace.len() as u32,
        }
    }

    /// The counter's number for frame `f` (from 0): its place among the
    /// frames shown (the last one shown at or before it).
    pub fn number(&self, f: FrameIx) -> u32 {
        match self.shown_frames() {
            Some(s) => s.partition_point(|g| *g <= f).saturating_sub(1) as u32,
            None => f,
        }
    }

    /// The frame with counter number `k` (from 0).
    pub fn frame_at(&self, k: u32) -> FrameIx {
        match self.shown_frames() {
            Some(s) => s.get(k as usize).or(s.last()).copied().unwrap_or(0),
            None => k.min(self.run.last()),
        }
    }

    /// The first frame shown at or after `f` (the last frame if none).
    fn snap(&self, f: FrameIx) -> FrameIx {
        let f = f.min(self.run.last());
        match self.shown_frames() {
            Some(s) => s.get(s.partition_point(|g| *g < f)).copied().unwrap_or(f),
            None => f,
        }
    }

    /// The frame shown after `f` (`f` itself at the end).
    fn next_shown(&self, f: FrameIx) -> FrameIx {
        match self.shown_frames() {
            Some(s) => s.get(s.partition_point(|g| *g <= f)).copied().unwrap_or(f),
            None => (f + 1).min(self.run.last()),
        }
    }

    /// The frame shown before `f` (`f` itself at the start).
    fn prev_shown(&self, f: FrameIx) -> FrameIx {
        match self.shown_frames() {
            Some(s) => match s.partition_point(|g| *g < f) {
                0 => f.min(s.first().copied().unwrap_or(0)),
                i => s[i - 1],
            },
            None => f.saturating_sub(1),
        }
    }

    /// Loop events at frame `f`, with those of the internal frames folded
    /// into it.
    pub fn events_at(&self, f: FrameIx) -> u8 {
        let d = &self.run.derived;
        let events = if self.internals {
            &d.events
        } else {
            &d.folded_events
        };
        events.get(f as usize).copied().unwrap_or(0)
    }

    /// The frame whose state the panels show. At a line, the state after
    /// it: the frame's own once its last line ran, else the one before it
    /// (the loop's state changes between steps, the variables line by line).
    pub fn shown(&self) -> FrameIx {
        match self.pos.sub {
            Some(k) => {
                let end = self
                    .run
                    .trace
                    .frame(self.pos.frame)
                    .map(|f| f.lines_range.1);
                if end == Some(k + 1) {
                    self.pos.frame
                } else {
                    self.pos.frame.saturating_sub(1)
                }
            }
            None => self.pos.frame,
        }
    }

    /// The frame during which line hit `k` ran.
    pub fn frame_of_hit(&self, k: u32) -> Option<FrameIx> {
        let frames = &self.run.trace.frames;
        let i = frames.partition_point(|f| f.lines_range.1 <= k);
        let f = frames.get(i)?;
        (f.lines_range.0 <= k).then_some(i as FrameIx)
    }

    /// Whether a line steps may stop at hit `k`: its frame is shown, and
    /// it is the followed task's when one is followed.
    fn stoppable(&self, k: u32) -> Option<Pos> {
        let f = self.frame_of_hit(k)?;
        let frame = &self.run.trace.frames[f as usize];
        if self.follow.is_some() && frame.task != self.follow {
            return None;
        }
        if self.snap(f) != f {
            return None;
        }
        Some(Pos {
            frame: f,
            sub: Some(k),
        })
    }

    /// Where the line steps start from: the line at the cursor, or, after
    /// a whole frame, the last line before its end (`None`: before any).
    fn line_cursor(&self) -> (Option<u32>, u32) {
        match self.pos.sub {
            Some(k) => (Some(k), k + 1),
            None => {
                let end = self
                    .run
                    .trace
                    .frame(self.pos.frame)
                    .map(|f| f.lines_range.1)
                    .unwrap_or(0);
                (None, end)
            }
        }
    }

    /// The first line at or after hit `from` a step may stop at.
    fn next_line_from(&self, from: u32) -> Option<Pos> {
        let n = self.run.trace.lines.len() as u32;
        (from..n).find_map(|k| self.stoppable(k))
    }

    /// Step into: the next line run (of the followed task, if any); past
    /// the last one, the end of the run (a followed task's last line
    /// stays).
    fn step_into(&self) -> Pos {
        let (_, from) = self.line_cursor();
        match self.next_line_from(from) {
            Some(p) => p,
            None if self.follow.is_none() => Pos {
                frame: self.run.last(),
                sub: None,
            },
            None => self.pos,
        }
    }

    /// Step over: the same function's next line, else as step into.
    fn step_over(&self) -> Pos {
        let trace = &self.run.trace;
        let index = &self.run.derived.locals;
        match self.line_cursor() {
            (Some(k), _) => index
                .step_over(trace, k)
                .and_then(|j| self.stoppable(j))
                .unwrap_or_else(|| self.step_into()),
            (None, _) => self.step_into(),
        }
    }

    /// Step out: the caller's next line, else as step over.
    fn step_out(&self) -> Pos {
        let trace = &self.run.trace;
        let index = &self.run.derived.locals;
        match self.line_cursor() {
            (Some(k), _) => index
                .step_out(trace, k)
                .and_then(|j| self.stoppable(j))
                .unwrap_or_else(|| self.step_over()),
            (None, _) => self.step_into(),
        }
    }

    /// One line back (of the followed task, if any); from the first line,
    /// the frame before it.
    fn step_back_line(&self) -> Pos {
        let before = match self.line_cursor() {
            (Some(k), _) => k,
            // After a whole frame: its last line is the state shown, so
            // back goes to that line.
            (None, end) => end,
        };
        match (0..before).rev().find_map(|k| self.stoppable(k)) {
            Some(p) => p,
            None => Pos {
                frame: self.prev_shown(self.pos.frame),
                sub: None,
            },
        }
    }

    /// The last line hit run at or before frame `f` by task `task` (any
    /// task when `None`), looking back at most `reach` frames.
    pub fn last_hit_of(&self, task: Option<TaskIx>, f: FrameIx, reach: u32) -> Option<u32> {
        let frames = &self.run.trace.frames;
        let top = (f as usize).min(frames.len().checked_sub(1)?);
        frames[..=top]
            .iter()
            .rev()
            .take(reach as usize)
            .find(|fr| fr.lines_range.1 > fr.lines_range.0 && (task.is_none() || fr.task == task))
            .map(|fr| fr.lines_range.1 - 1)
    }

    /// The line to highlight.
    pub fn code_line(&self) -> Option<u32> {
        let trace = &self.run.trace;
        match self.pos.sub {
            Some(k) => trace.lines.get(k as usize).map(|h| h.line),
            None => trace.frame(self.pos.frame).and_then(|f| f.line),
        }
    }

    /// Inside a frame: (which line hit, how many) for "line 2 of 5".
    pub fn sub_progress(&self) -> Option<(u32, u32)> {
        let k = self.pos.sub?;
        let f = self.run.trace.frame(self.pos.frame)?;
        Some((k - f.lines_range.0 + 1, f.lines_range.1 - f.lines_range.0))
    }

    fn at_end(&self) -> bool {
        self.pos.frame >= self.run.last() && self.pos.sub.is_none()
    }

    /// The next position playing reaches, and whether a breakpoint stops it.
    fn step_checked(&self, pos: Pos) -> (Pos, Option<Stop>) {
        let trace = &self.run.trace;
        let hit = |from: u32, to: u32| line_hit(trace, from..to, &self.line_bps);
        match pos.sub {
            Some(k) => {
                let end = trace.frame(pos.frame).map(|f| f.lines_range.1).unwrap_or(k);
                match hit(k + 1, end) {
                    Some((j, line)) => (
                        Pos {
                            frame: pos.frame,
                            sub: Some(j),
                        },
                        Some(Stop::Line(line)),
                    ),
                    None => (
                        Pos {
                            frame: pos.frame,
                            sub: None,
                        },
                        None,
                    ),
                }
            }
            None => {
                let g = self.next_shown(pos.frame);
                let f = &trace.frames[g as usize];
                if g != pos.frame {
                    if let Some((j, line)) = hit(f.lines_range.0, f.lines_range.1) {
                        return (
                            Pos {
                                frame: g,
                                sub: Some(j),
                            },
                            Some(Stop::Line(line)),
                        );
                    }
                }
                let e = self.events_at(g) & self.event_bps;
                let stop = (e != 0 && g != pos.frame).then_some(Stop::Event(e));
                (
                    Pos {
                        frame: g,
                        sub: None,
                    },
                    stop,
                )
            }
        }
    }

    /// Plays forward until `pred` holds for a frame, a breakpoint stops it,
    /// or the run ends.
    fn run_until(&self, pred: impl Fn(FrameIx) -> bool) -> (Pos, Option<Stop>) {
        let mut pos = self.pos;
        loop {
            let (next, stop) = self.step_checked(pos);
            if stop.is_some() || next == pos {
                return (next, stop);
            }
            pos = next;
            if pos.sub.is_none() && (pred(pos.frame) || pos.frame >= self.run.last()) {
                return (pos, None);
            }
        }
    }

    fn moved(&self, pos: Pos) -> Stepper {
        Stepper {
            pos,
            playing: false,
            stopped: None,
            ..self.clone()
        }
    }
}

impl Reducible for Stepper {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let trace = &self.run.trace;
        let last = self.run.last();
        let frame = self.pos.frame;
        let next = match action {
            Action::Forward => self.moved(match self.pos.sub {
                Some(_) => Pos { frame, sub: None },
                None => Pos {
                    frame: self.next_shown(frame),
                    sub: None,
                },
            }),
            Action::Back => self.moved(Pos {
                frame: self.prev_shown(frame),
                sub: None,
            }),
            Action::StepLine => self.moved(self.step_into()),
            Action::StepOver => self.moved(self.step_over()),
            Action::StepOut => self.moved(self.step_out()),
            Action::StepBackLine => self.moved(self.step_back_line()),
            Action::Follow(t) => Stepper {
                follow: t,
                ..(*self).clone()
            },
            Action::Start => self.moved(Pos {
                frame: 0,
                sub: None,
            }),
            Action::End => self.moved(Pos {
                frame: last,
                sub: None,
            }),
            Action::Seek(f) => self.moved(Pos {
                frame: self.snap(f),
                sub: None,
            }),
            Action::SeekShown(k) => self.moved(Pos {
                frame: self.frame_at(k),
                sub: None,
            }),
            Action::ToggleInternals => {
                let toggled = Stepper {
                    internals: !self.internals,
                    ..(*self).clone()
                };
                // Folding may hide the frame under the cursor: go on to
                // the step it folds into.
                let frame = toggled.snap(frame);
                Stepper {
                    pos: Pos {
                        frame,
                        sub: if frame == self.pos.frame {
                            self.pos.sub
                        } else {
                            None
                        },
                    },
                    ..toggled
                }
            }
            Action::TogglePlay => {
                if self.playing {
                    Stepper {
                        playing: false,
                        ..(*self).clone()
                    }
                } else {
                    let pos = if self.at_end() {
                        Pos {
                            frame: 0,
                            sub: None,
                        }
                    } else {
                        self.pos
                    };
                    Stepper {
                        pos,
                        playing: true,
                        stopped: None,
                        ..(*self).clone()
                    }
                }
            }
            Action::Pause => Stepper {
                playing: false,
                ..(*self).clone()
            },
            Action::Tick => {
                if !self.playing {
                    return self;
                }
                let (pos, stop) = self.step_checked(self.pos);
                let done = pos.frame >= last && pos.sub.is_none();
                Stepper {
                    pos,
                    playing: stop.is_none() && !done,
                    stopped: stop,
                    ..(*self).clone()
                }
            }
            Action::Speed(s) => Stepper {
                speed: s.min(SPEEDS.len() - 1),
                ..(*self).clone()
            },
            Action::NextTimer => {
                // A timer's own step may be folded: its event is carried by
                // the step it folds into.
                let (pos, stop) = self.run_until(|f| {
                    self.events_at(f) & crate::analysis::ev::TIMER != 0
                        || matches!(
                            trace.frames[f as usize].kind,
                            FrameKind::Step(StepKind::Timer)
                        )
                });
                Stepper {
                    stopped: stop,
                    ..self.moved(pos)
                }
            }
            Action::NextOutput => {
                // Either stream: a traceback or a log line is output too.
                let now = trace.frames[self.shown() as usize].output;
                let (pos, stop) = self.run_until(|f| trace.frames[f as usize].output != now);
                Stepper {
                    stopped: stop,
                    ..self.moved(pos)
                }
            }
            Action::ToggleLine(line) => Stepper {
                line_bps: Rc::new(toggled(&self.line_bps, line)),
                ..(*self).clone()
            },
            Action::ToggleEvent(e) => Stepper {
                event_bps: self.event_bps ^ e,
                ..(*self).clone()
            },
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ev;

    fn stepper(src: &str) -> Rc<Stepper> {
        Rc::new(Stepper::new(
            Run::new(src, "main.py", 5_000_000),
            Opening::default(),
        ))
    }

    fn spinner() -> Rc<Stepper> {
        stepper(crate::scenarios::by_id("spinner_asyncio").unwrap().source)
    }

    #[test]
    fn forward_back_start_end() {
        let s = spinner();
        let last = s.run.last();
        let s = s.reduce(Action::Forward).reduce(Action::Forward);
        assert_eq!(s.pos.frame, 2);
        let s = s.reduce(Action::Back);
        assert_eq!(s.pos.frame, 1);
        let s = s.reduce(Action::End);
        assert_eq!(s.pos.frame, last);
        let s = s.reduce(Action::Forward);
        assert_eq!(s.pos.frame, last);
        let s = s.reduce(Action::Start).reduce(Action::Back);
        assert_eq!(s.pos.frame, 0);
        assert_eq!(s.clone().reduce(Action::Seek(10_000)).pos.frame, last);
    }

    #[test]
    fn step_line_walks_the_lines_of_a_frame_then_the_next_ones() {
        let s = spinner();
        let trace = s.run.trace.clone();
        // The first frame with several lines.
        let g = trace
            .frames
            .iter()
            .position(|f| f.lines_range.1 - f.lines_range.0 >= 2)
            .unwrap() as u32;
        let mut s = s.reduce(Action::Seek(g - 1)).reduce(Action::StepLine);
        assert_eq!(s.pos.frame, g);
        assert_eq!(s.pos.sub, Some(trace.frames[g as usize].lines_range.0));
        assert_eq!(s.shown(), g - 1, "the loop's state before the step");
        assert_eq!(s.sub_progress().map(|p| p.0), Some(1));
        let n = trace.frames[g as usize].lines_range.1 - trace.frames[g as usize].lines_range.0;
        for _ in 1..n {
            s = s.reduce(Action::StepLine);
        }
        assert_eq!(s.sub_progress(), Some((n, n)));
        assert_eq!(s.shown(), g, "after the step's last line, its state");
        s = s.reduce(Action::StepLine);
        assert!(s.pos.frame > g && s.pos.sub.is_some(), "{:?}", s.pos);
        // And back, line by line.
        let back = s.clone().reduce(Action::StepBackLine);
        assert_eq!(back.sub_progress(), Some((n, n)));
    }

    const WORKERS: &str = "\
import asyncio

async def work(name, n):
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(0.1)
    return total

async def main():
    a = asyncio.create_task(work('a', 3))
    b = asyncio.create_task(work('b', 3))
    print(await a + await b)

asyncio.run(main())
";

    /// The variables after the line at the cursor, as `name=repr`.
    fn vars_after(s: &Stepper) -> Vec<String> {
        let k = s.pos.sub.unwrap();
        let r = s.run.derived.locals.after(&s.run.trace, k).unwrap();
        r.locals
            .as_ref()
            .unwrap()
            .vars
            .iter()
            .map(|v| format!("{}={}", v.name, v.repr))
            .collect()
    }

    #[test]
    fn step_over_follows_a_function_across_its_awaits() {
        let s = stepper(WORKERS);
        assert_eq!(s.run.trace.stdout, "6\n");
        // To work's first `total += i` line.
        let mut s = s;
        while s.code_line() != Some(6) {
            s = s.reduce(Action::StepLine);
        }
        let task = s.run.trace.frames[s.pos.frame as usize].task;
        assert_eq!(vars_after(&s), ["name='a'", "n=3", "total=0", "i=0"]);
        let s = s.reduce(Action::StepOver);
        assert_eq!(s.code_line(), Some(7));
        // Over the await: the same task's loop line, a later step.
        let at = s.pos.frame;
        let s = s.reduce(Action::StepOver);
        assert_eq!(s.code_line(), Some(5));
        assert!(s.pos.frame > at);
        assert_eq!(s.run.trace.frames[s.pos.frame as usize].task, task);
        let s = s.reduce(Action::StepOver);
        assert_eq!(s.code_line(), Some(6));
        assert_eq!(vars_after(&s), ["name='a'", "n=3", "total=1", "i=1"]);
    }

    #[test]
    fn following_a_task_steps_only_through_its_lines() {
        let s = stepper(WORKERS);
        // Task-3 is b (main is Task-1).
        let b = (0..s.run.trace.tasks.len() as u32)
            .find(|t| {
                s.run
                    .trace
                    .task_at(*t, s.run.last())
                    .is_some_and(|v| &*v.name == "Task-3")
            })
            .unwrap();
        let mut s = s.reduce(Action::Follow(Some(b)));
        let mut lines = Vec::new();
        for _ in 0..12 {
            s = s.reduce(Action::StepLine);
            assert_eq!(s.run.trace.frames[s.pos.frame as usize].task, Some(b));
            lines.push(s.code_line().unwrap());
        }
        assert_eq!(lines, [4, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 8]);
        // Its last line: stepping on stays there.
        let end = s.clone().reduce(Action::StepLine);
        assert_eq!(end.pos, s.pos);
        // Back by line stays in the task too.
        let back = s.reduce(Action::StepBackLine);
        assert_eq!(back.code_line(), Some(5));
        assert_eq!(back.run.trace.frames[back.pos.frame as usize].task, Some(b));
    }

    #[test]
    fn step_out_returns_to_the_caller() {
        let s = stepper(
            "import asyncio\n\ndef f(x):\n    y = x + 1\n    return y\n\nasync def main():\n    v = f(1)\n    print(v)\n\nasyncio.run(main())\n",
        );
        let mut s = s;
        while s.code_line() != Some(4) {
            s = s.reduce(Action::StepLine);
        }
        let s = s.reduce(Action::StepOut);
        assert_eq!(s.code_line(), Some(9));
        assert_eq!(vars_after(&s), ["v=2"]);
    }

    #[test]
    fn playing_stops_at_a_line_breakpoint_and_at_the_end() {
        let s = spinner()
            .reduce(Action::ToggleLine(13))
            .reduce(Action::TogglePlay);
        let mut s = s;
        for _ in 0..1000 {
            if !s.playing {
                break;
            }
            s = s.reduce(Action::Tick);
        }
        assert_eq!(s.stopped, Some(Stop::Line(13)));
        assert_eq!(s.code_line(), Some(13));
        // Clear it: play runs to the end.
        let mut s = s.reduce(Action::ToggleLine(13)).reduce(Action::TogglePlay);
        for _ in 0..1000 {
            if !s.playing {
                break;
            }
            s = s.reduce(Action::Tick);
        }
        assert_eq!(s.pos.frame, s.run.last());
        assert!(!s.playing);
    }

    #[test]
    fn next_output_stops_where_stderr_is_written_too() {
        let s = stepper(
            "import asyncio, sys\n\nasync def main():\n    await asyncio.sleep(1)\n    print('oops', file=sys.stderr)\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n",
        );
        let s = s.reduce(Action::NextOutput);
        let chunks = s.run.trace.output_during(s.pos.frame);
        assert_eq!(chunks.len(), 1);
        assert_eq!(
            (chunks[0].stream, chunks[0].text),
            (aioscope_core::trace::Stream::Err, "oops\n")
        );
        assert!(s.pos.frame < s.run.last());
    }

    #[test]
    fn next_timer_and_next_output_and_event_breakpoints() {
        let s = spinner();
        let trace = s.run.trace.clone();
        // With asyncio's internals folded, a timer's own step folds into
        // the task it wakes; shown, it is a frame of its own.
        let folded = s.clone().reduce(Action::NextTimer);
        let timer = |f: u32| {
            matches!(
                trace.frames[f as usize].kind,
                FrameKind::Step(StepKind::Timer)
            )
        };
        assert!(!timer(folded.pos.frame) && timer(folded.pos.frame - 1));
        assert_eq!(trace.frames[folded.pos.frame as usize].task, Some(1));
        let s = s.reduce(Action::ToggleInternals).reduce(Action::NextTimer);
        assert!(timer(s.pos.frame));
        let before = trace.frames[s.pos.frame as usize].out_len;
        let s = s.reduce(Action::NextOutput);
        assert!(trace.frames[s.pos.frame as usize].out_len > before);
        let s = s
            .reduce(Action::Start)
            .reduce(Action::ToggleEvent(ev::CANCELLED));
        let mut s = s.reduce(Action::TogglePlay);
        while s.playing {
            s = s.reduce(Action::Tick);
        }
        assert!(matches!(s.stopped, Some(Stop::Event(e)) if e & ev::CANCELLED != 0));
        assert!(s.pos.frame < s.run.last());
    }

    #[test]
    fn folded_internals_are_skipped_counted_out_and_shown_on_demand() {
        let s = spinner();
        let trace = s.run.trace.clone();
        let internal = |f: u32| trace.frames[f as usize].internal;
        assert!(
            (0..trace.len() as u32).any(internal),
            "the spinner has internal steps"
        );
        // Stepping forward never stops on an internal frame.
        let mut st = s.clone();
        let mut seen = 0;
        while st.pos.frame < st.run.last() {
            st = st.reduce(Action::Forward);
            assert!(!internal(st.pos.frame));
            seen += 1;
        }
        assert_eq!(seen + 1, st.count());
        assert!(st.count() < trace.len() as u32);
        assert_eq!(st.number(st.pos.frame) + 1, st.count());
        // Back from the end lands on shown frames too.
        let back = st.clone().reduce(Action::Back);
        assert!(!internal(back.pos.frame));
        // A seek onto an internal frame goes on to the step it folds into.
        let hidden = (0..trace.len() as u32).find(|f| internal(*f)).unwrap();
        let sought = s.clone().reduce(Action::Seek(hidden));
        assert!(sought.pos.frame > hidden && !internal(sought.pos.frame));
        // Shown, every frame counts and can be stepped onto.
        let all = s.clone().reduce(Action::ToggleInternals);
        assert_eq!(all.count(), trace.len() as u32);
        assert_eq!(all.clone().reduce(Action::Seek(hidden)).pos.frame, hidden);
        // The counter's numbers and the frames map both ways.
        for k in [0, 3, st.count() - 1] {
            assert_eq!(s.number(s.frame_at(k)), k);
        }
        // A link names the frame by its number on the counter.
        let opened = Stepper::new(
            s.run.clone(),
            Opening::Shown {
                n: 4,
                internals: false,
            },
        );
        assert_eq!(opened.number(opened.pos.frame), 3);
        let old = Stepper::new(s.run.clone(), Opening::Frame(hidden));
        assert!(!internal(old.pos.frame), "an old link onto a folded frame");
    }
}
