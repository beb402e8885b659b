//! The page's side: starts the worker, hands it jobs, rebuilds each job's
//! trace from the pieces it sends, and stops it when asked.
//!
//! Each run gets a fresh worker, so nothing one program allocated stays
//! for the next: a worker that has run a job is ended when the job ends,
//! and a new one is started at once to wait, warm, for the next run.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use aioscope_core::trace::Trace;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use super::protocol::{decode, encode, Job, Refusal, ToPage};

/// Bytes of the newest output a [`Progress`] carries.
const OUT_TAIL_BYTES: usize = 2048;

/// How far a run has got.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Frames recorded.
    pub frames: u32,
    /// Virtual time at the last of them.
    pub t: f64,
    /// The end of what the program printed.
    pub out_tail: String,
    /// Wall-clock milliseconds since the run started.
    pub elapsed_ms: f64,
}

/// What a run tells the page.
#[derive(Debug)]
pub enum RunEvent {
    /// More of the trace arrived.
    Progress(Progress),
    /// The program ended: its whole trace.
    Finished(Trace),
    /// The program does not compile, so it did not run.
    Refused(Refusal),
    /// The worker failed: nothing more comes for this run.
    Failed {
        /// What went wrong.
        message: String,
        /// The trace as far as it arrived, if the worker had started the
        /// job (`None`: it never loaded, so the job never ran).
        partial: Option<Trace>,
    },
}

struct Spawned {
    worker: Worker,
    ready: bool,
    /// A job was handed to it: it is not handed another.
    used: bool,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

struct Active {
    trace: Trace,
    started: f64,
    on_event: Callback<RunEvent>,
}

#[derive(Default)]
struct Inner {
    spawned: Option<Spawned>,
    /// A job waiting for the worker to be ready.
    queued: Option<Vec<u8>>,
    active: Option<Active>,
}

impl Spawned {
    /// Ends the worker. Its handlers are taken off first: their closures
    /// are dropped with `self`, and the browser must not call them after.
    fn end(self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(s) = self.spawned.take() {
            s.end();
        }
    }
}

/// Runs programs in a Web Worker, one at a time. Cheap to clone: clones
/// share the worker.
#[derive(Clone, Default)]
pub struct Runner {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for Runner {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Runner {
    /// A runner with no worker yet.
    pub fn new() -> Runner {
        Runner::default()
    }

    /// Starts the worker now, so that the first run does not wait for it.
    pub fn warm(&self) -> Result<(), String> {
        if self.inner.borrow().spawned.is_some() {
            return Ok(());
        }
        let spawned = spawn(Rc::downgrade(&self.inner))?;
        self.inner.borrow_mut().spawned = Some(spawned);
        Ok(())
    }

    /// Runs `job` in a worker that has run nothing before, stopping the
    /// run in progress if there is one. Events arrive on `on_event`. An
    /// error means no worker can start here (no Worker support, or the
    /// page was not built with one).
    pub fn run(&self, job: &Job, on_event: Callback<RunEvent>) -> Result<(), String> {
        if self.busy() {
            self.stop();
        }
        self.retire_used();
        self.warm()?;
        let bytes = encode(job);
        let mut inner = self.inner.borrow_mut();
        if let Some(s) = inner.spawned.as_mut() {
            s.used = true;
        }
        inner.active = Some(Active {
            trace: Trace::empty(&job.filename),
            started: js_sys::Date::now(),
            on_event,
        });
        match inner.spawned.as_ref() {
            Some(s) if s.ready => post(&s.worker, &bytes),
            _ => inner.queued = Some(bytes),
        }
        Ok(())
    }

    /// Ends the worker if it has run a job (and none is running).
    fn retire_used(&self) {
        let used = {
            let mut inner = self.inner.borrow_mut();
            match &inner.spawned {
                Some(s) if s.used && inner.active.is_none() => inner.spawned.take(),
                _ => None,
            }
        };
        if let Some(s) = used {
            s.end();
        }
    }

    /// Whether a run is in progress.
    pub fn busy(&self) -> bool {
        self.inner.borrow().active.is_some()
    }

    /// The run in progress as far as it has arrived (a copy: the run goes
    /// on), or `None` when nothing runs.
    pub fn snapshot(&self) -> Option<Trace> {
        self.inner.borrow().active.as_ref().map(|a| a.trace.clone())
    }

    /// Stops the run in progress, if any (the worker is ended: a program
    /// inside an endless step cannot be interrupted any other way), and
    /// returns the trace as far as it had arrived. A fresh worker starts
    /// for the next run.
    pub fn stop(&self) -> Option<Trace> {
        let (spawned, active) = {
            let mut inner = self.inner.borrow_mut();
            let active = inner.active.take()?;
            inner.queued = None;
            (inner.spawned.take(), active)
        };
        if let Some(s) = spawned {
            s.end();
        }
        let _ = self.warm();
        Some(active.trace)
    }
}

/// The worker script's URL, with the page's own JS and wasm files (their
/// hashed names are in `<meta name="aioscope-entry">`, see Trunk.toml).
fn worker_url() -> Result<String, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let entry = document
        .query_selector("meta[name='aioscope-entry']")
        .ok()
        .flatten()
        .ok_or("this page was not built with a worker")?;
    let base = document
        .base_uri()
        .ok()
        .flatten()
        .ok_or("the page has no base URL")?;
    let absolute = |attr: &str| -> Result<String, String> {
        let rel = entry
            .get_attribute(attr)
            .ok_or_else(|| format!("the entry has no {}", attr))?;
        web_sys::Url::new_with_base(&rel, &base)
            .map(|u| u.href())
            .map_err(|_| format!("a bad URL: {}", rel))
    };
    let (js, wasm) = (absolute("data-js")?, absolute("data-wasm")?);
    let script = web_sys::Url::new_with_base("worker.js", &base)
        .map_err(|_| "a bad worker URL".to_string())?;
    script.set_search(&format!(
        "js={}&wasm={}",
        js_sys::encode_uri_component(&js),
        js_sys::encode_uri_component(&wasm)
    ));
    Ok(script.href())
}

fn spawn(inner: Weak<RefCell<Inner>>) -> Result<Spawned, String> {
    let url = worker_url()?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&url, &options)
        .map_err(|e| format!("the worker did not start: {:?}", e))?;
    let on_message = {
        let inner = inner.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(inner) = inner.upgrade() {
                let bytes = js_sys::Uint8Array::new(&e.data()).to_vec();
                received(&inner, &bytes);
            }
        })
    };
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
        e.prevent_default();
        if let Some(inner) = inner.upgrade() {
            let message = match e.message() {
                m if m.is_empty() => "the worker failed to load".to_string(),
                m => m,
            };
            failed(&inner, message);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Spawned {
        worker,
        ready: false,
        used: false,
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn post(worker: &Worker, bytes: &[u8]) {
    let data = js_sys::Uint8Array::from(bytes);
    let transfer = js_sys::Array::of1(&data.buffer());
    let _ = worker.post_message_with_transfer(&data, &transfer);
}

/// A message from the worker. Callbacks are called after the state is
/// released, so they may start or stop runs.
fn received(inner: &Rc<RefCell<Inner>>, bytes: &[u8]) {
    let event = {
        let mut guard = inner.borrow_mut();
        let state = &mut *guard;
        match decode::<ToPage>(bytes) {
            Ok(ToPage::Ready) => {
                if let Some(s) = state.spawned.as_mut() {
                    s.ready = true;
                    if let Some(job) = state.queued.take() {
                        post(&s.worker, &job);
                    }
                }
                None
            }
            Ok(ToPage::Piece(piece)) => {
                let Some(active) = state.active.as_mut() else {
                    return;
                };
                let last = piece.end.is_some();
                match active.trace.apply(*piece) {
                    Err(e) => fail(state, e.to_string()),
                    Ok(()) if last => {
                        recycle_soon(inner);
                        state
                            .active
                            .take()
                            .map(|a| (a.on_event, RunEvent::Finished(a.trace)))
                    }
                    Ok(()) => Some((active.on_event.clone(), progress(active))),
                }
            }
            Ok(ToPage::Syntax(refusal)) => {
                recycle_soon(inner);
                state
                    .active
                    .take()
                    .map(|a| (a.on_event, RunEvent::Refused(refusal)))
            }
            Ok(ToPage::Refused(message)) => fail(state, message),
            Err(e) => fail(state, e.to_string()),
        }
    };
    if let Some((cb, event)) = event {
        cb.emit(event);
    }
}

/// Once the current event is handled (a worker is not ended from inside
/// its own message handler), ends the worker that has run its job and
/// starts a fresh one for the next run.
fn recycle_soon(inner: &Rc<RefCell<Inner>>) {
    let weak = Rc::downgrade(inner);
    gloo_timers::callback::Timeout::new(0, move || {
        if let Some(inner) = weak.upgrade() {
            let runner = Runner { inner };
            runner.retire_used();
            let _ = runner.warm();
        }
    })
    .forget();
}

fn failed(inner: &Rc<RefCell<Inner>>, message: String) {
    let event = {
        let mut guard = inner.borrow_mut();
        let event = fail(&mut guard, message);
        if let Some(s) = guard.spawned.take() {
            s.end();
        }
        guard.queued = None;
        event
    };
    if let Some((cb, event)) = event {
        cb.emit(event);
    }
}

/// Ends the active run, if there is one, with an error.
fn fail(state: &mut Inner, message: String) -> Option<(Callback<RunEvent>, RunEvent)> {
    // A worker that never said it was ready never ran the job.
    let ran = state.spawned.as_ref().is_some_and(|s| s.ready);
    state.active.take().map(|a| {
        (
            a.on_event,
            RunEvent::Failed {
                message,
                partial: ran.then_some(a.trace),
            },
        )
    })
}

fn progress(active: &Active) -> RunEvent {
    let out = &active.trace.stdout;
    let mut from = out.len().saturating_sub(OUT_TAIL_BYTES);
    while !out.is_char_boundary(from) {
        from += 1;
    }
    RunEvent::Progress(Progress {
        frames: active.trace.frames.len() as u32,
        t: active.trace.frames.last().map(|f| f.t).unwrap_or(0.0),
        out_tail: out[from..].to_string(),
        elapsed_ms: js_sys::Date::now() - active.started,
    })
}
