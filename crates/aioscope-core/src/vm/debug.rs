//! What the debugger reads of a frame: its variables, as `repr()` shows
//! them, without running any of the program's code (a `__repr__` written
//! in Python could print or change state; [`Vm::safe_repr`] never calls
//! one).
//!
//! While [`Vm::debug`] is set, the interpreter records, for each line of
//! the program's own file that starts, the frame's previous line and its
//! caller's ([`LineRecord`]: the debugger steps over and out with them,
//! and a suspended task's await chain is the chain of its last line's
//! callers), and the frame's variables until a budget of variables is
//! spent. It is off unless a run asks for it (`Options::locals`): the
//! benchmarks and the CLI pay nothing.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::lang::bytecode::CodeKind;

use super::frame::Frame;
use super::value::Value;
use super::Vm;

/// One variable of a frame.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Local {
    /// Its name.
    pub name: Rc<str>,
    /// Its value as `repr()` writes it, by [`Vm::safe_repr`]: containers
    /// cut at two levels and six items, the whole at
    /// [`Locals::REPR_CHARS`] characters.
    pub repr: Rc<str>,
}

/// The variables of one frame at one moment: parameters first, then the
/// other locals in the order the compiler numbered them, then the cells.
/// Invariant: `vars.len() <= Locals::SHOWN`; `more` counts the bound
/// variables left out.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Locals {
    /// The variables shown, each bound (unbound names are left out, as
    /// `locals()` leaves them out).
    pub vars: Vec<Local>,
    /// Bound variables not shown.
    pub more: u32,
}

impl Locals {
    /// Variables kept per frame.
    pub const SHOWN: usize = 24;
    /// Characters kept of one repr.
    pub const REPR_CHARS: usize = 160;
    /// Variables a whole run records (views and lines together): past it,
    /// frames carry none, so memory stays bounded on long runs.
    pub const BUDGET: u64 = 250_000;
    /// Lines a run links to their frames' previous lines and callers
    /// (for stepping over and out): about 50 bytes each.
    pub const LINKS: u64 = 1_000_000;
}

/// A line of the program's file starting in some frame, with that
/// frame's variables at that moment: the state before the line runs,
/// which is also the state after the frame's previous line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineRecord {
    /// The index the line hit gets among the program's line hits (the
    /// trace's `lines`); `None` for a frame that returned, whose last line
    /// this record ends.
    pub hit: Option<u32>,
    /// The frame's previous line hit: these variables are its state after
    /// that line ran.
    pub after: Option<u32>,
    /// The line hit of the frame that called or awaited this one, when it
    /// is in the program's file.
    pub caller: Option<u32>,
    /// The frame's function (its qualname; `<module>` at the top level).
    pub function: Rc<str>,
    /// Its variables, while the budget lasts.
    pub locals: Option<Rc<Locals>>,
    /// The program's output then: its records (stdout and stderr), and
    /// the length of the last one (the trace turns it into a length of its
    /// stdout text).
    pub out: (u32, u32),
}

/// The recording of [`LineRecord`]s, while a run asks for it.
#[derive(Debug)]
pub struct LineRecording {
    /// The program's file: only its frames are recorded.
    pub file: Rc<str>,
    /// Variables that may still be recorded (see [`Locals::BUDGET`]); the
    /// trace's views draw on it too.
    pub budget: u64,
    /// Records (each line's links) that may still be made: the links
    /// outlast the variables' budget, but are bounded too.
    pub links: u64,
    /// Line hits of the program's file so far: the index the next one
    /// gets. The trace resynchronises it after each drain.
    pub hits: u32,
    /// A step ran past the line-event limit: hits were dropped, and the
    /// index of the last one kept is uncertain.
    pub truncated: bool,
    /// Records since the trace last drained them.
    pub records: Vec<LineRecord>,
    /// The variables last recorded of each frame still running, by the
    /// number of its current line hit: a frame whose variables did not
    /// change shares them (and spends no budget). A number reused after a
    /// resynchronisation only costs a comparison.
    last: FxHashMap<u32, Rc<Locals>>,
}

impl LineRecording {
    /// A recording of the frames of `file`.
    pub fn new(file: &str) -> LineRecording {
        LineRecording {
            file: file.into(),
            budget: Locals::BUDGET,
            links: Locals::LINKS,
            hits: 0,
            truncated: false,
            records: Vec::new(),
            last: FxHashMap::default(),
        }
    }
}

/// `+1` encoding of an optional hit index in a frame's fields (0: none).
fn decode(h: u32) -> Option<u32> {
    h.checked_sub(1)
}

/// What a module's top level shows as its variables: the program's own
/// data, not the definitions and imports around it.
fn is_data(name: &str, v: &Value) -> bool {
    let dunder = name.starts_with("__") && name.ends_with("__");
    let definition = matches!(
        v,
        Value::Module(_) | Value::Function(_) | Value::Class(_) | Value::Native(_)
    );
    !dunder && !definition
}

impl Vm {
    /// One variable, its repr cut to [`Locals::REPR_CHARS`].
    fn local(&mut self, name: &Rc<str>, v: &Value) -> Local {
        let mut repr = self.safe_repr(v, 2);
        if repr.chars().count() > Locals::REPR_CHARS {
            repr = repr.chars().take(Locals::REPR_CHARS - 3).collect();
            repr.push_str("...");
        }
        Local {
            name: name.clone(),
            repr: repr.into(),
        }
    }

    /// The variables of a frame now, without running any Python.
    pub fn frame_locals(&mut self, frame: &Frame) -> Locals {
        let mut named: Vec<(Rc<str>, Value)> = Vec::new();
        let mut more = 0u32;
        let mut keep = |named: &mut Vec<(Rc<str>, Value)>, name: &Rc<str>, v: &Value| {
            if named.len() < Locals::SHOWN {
                named.push((name.clone(), v.clone()));
            } else {
                more += 1;
            }
        };
        match frame.code.kind {
            CodeKind::Function => {
                for (name, v) in frame.code.varnames.iter().zip(&frame.locals) {
                    if let Some(v) = v {
                        keep(&mut named, name, v);
                    }
                }
                for (name, cell) in frame.code.cellnames.iter().zip(&frame.cells) {
                    if let Some(v) = &*cell.borrow() {
                        keep(&mut named, name, v);
                    }
                }
            }
            CodeKind::Class => {
                if let Some(ns) = &frame.namespace {
                    for (name, v) in ns.borrow().iter() {
                        if is_data(name, v) {
                            keep(&mut named, name, v);
                        }
                    }
                }
            }
            CodeKind::Module => {
                for (name, v) in &frame.globals.items() {
                    if is_data(name, v) {
                        keep(&mut named, name, v);
                    }
                }
            }
        }
        let vars = named.iter().map(|(n, v)| self.local(n, v)).collect();
        Locals { vars, more }
    }

    /// Takes `n` variables from the recording's budget: whether there were
    /// enough. Without a recording, there is no budget to spend.
    pub fn spend_locals_budget(&mut self, n: usize) -> bool {
        match self.debug.as_mut() {
            Some(d) if d.budget >= n as u64 => {
                d.budget -= n as u64;
                true
            }
            Some(d) => {
                d.budget = 0;
                false
            }
            None => false,
        }
    }

    /// A line starts in `frame` (called only while [`Vm::debug`] is set):
    /// numbers the hit as the trace will, links it to the frame's previous
    /// line and its caller's, and records the frame's variables while the
    /// budget lasts.
    #[cold]
    pub(crate) fn line_started(&mut self, frame: &mut Frame) {
        let full = self.lines.len() >= self.limits.line_events;
        let Some(d) = self.debug.as_mut() else {
            return;
        };
        if !Rc::ptr_eq(&frame.code.filename, &d.file) && *frame.code.filename != *d.file {
            return;
        }
        if full {
            // The interpreter keeps only the latest event from here on:
            // which hit it will be is unknown.
            d.truncated = true;
            frame.hit = 0;
            return;
        }
        let hit = d.hits;
        d.hits += 1;
        let after = decode(frame.hit);
        frame.hit = hit + 1;
        if d.links == 0 {
            return;
        }
        d.links -= 1;
        let locals = self.budgeted_locals(frame, after, Some(hit));
        let record = LineRecord {
            hit: Some(hit),
            after,
            caller: decode(frame.caller_hit),
            function: frame.code.qualname.clone(),
            locals,
            out: self.out_mark(),
        };
        if let Some(d) = self.debug.as_mut() {
            d.records.push(record);
        }
    }

    /// Where the output stands: its records (of both streams), and the
    /// length of the last one.
    fn out_mark(&self) -> (u32, u32) {
        let last = self.output.last().map_or(0, |r| r.text.len());
        (self.output.len() as u32, last as u32)
    }

    /// The variables of `frame` while the budget lasts: the ones recorded
    /// at its previous line hit (`was`) when they are the same, kept for
    /// its next one under `now`.
    fn budgeted_locals(
        &mut self,
        frame: &Frame,
        was: Option<u32>,
        now: Option<u32>,
    ) -> Option<Rc<Locals>> {
        let d = self.debug.as_mut()?;
        let before = was.and_then(|k| d.last.remove(&k));
        if d.budget == 0 {
            return None;
        }
        let locals = self.frame_locals(frame);
        let shared = match before {
            Some(b) if *b == locals => b,
            _ => {
                if !self.spend_locals_budget(locals.vars.len().max(1)) {
                    return None;
                }
                Rc::new(locals)
            }
        };
        if let (Some(k), Some(d)) = (now, self.debug.as_mut()) {
            d.last.insert(k, shared.clone());
        }
        Some(shared)
    }

    /// A frame of the program's file returned: its variables after its
    /// last line.
    #[cold]
    pub(crate) fn frame_returned(&mut self, frame: &Frame) {
        let Some(after) = decode(frame.hit) else {
            return;
        };
        match self.debug.as_mut() {
            Some(d) if d.links > 0 => d.links -= 1,
            _ => return,
        }
        let locals = self.budgeted_locals(frame, Some(after), None);
        let record = LineRecord {
            hit: None,
            after: Some(after),
            caller: decode(frame.caller_hit),
            function: frame.code.qualname.clone(),
            locals,
            out: self.out_mark(),
        };
        if let Some(d) = self.debug.as_mut() {
            d.records.push(record);
        }
    }
}
