//! Test doubles for the runner: a scripted network and a clock that only
//! moves when told. Compiled only for tests: the unit tests declare it
//! under `#[cfg(test)]`, and the browser tests (`tests/downloader_*.rs`)
//! include this same file beside re-exports of `model` and `run`, so both
//! use one set of fakes and the app's build has none.
//!
//! The fake network counts requests in flight the way the latency server
//! does: from the request until its last byte, or until the request future
//! is dropped (an abort). So a test can check that a timeout or a cancel
//! really left nothing in flight.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use futures::future::LocalBoxFuture;

use super::model::Failure;
use super::run::{Clock, Response, Transport};

/// A clock that stands still until [`ManualClock::advance`] moves it to the
/// next timer: a run of many seconds takes microseconds, and the same every
/// time.
#[derive(Clone, Default)]
pub struct ManualClock {
    inner: Rc<ClockInner>,
}

/// Where a pending sleep's waker waits; weak in the clock's list, so a
/// dropped sleep is no timer.
type WakerSlot = RefCell<Option<Waker>>;

#[derive(Default)]
struct ClockInner {
    now: Cell<f64>,
    timers: RefCell<Vec<(f64, Weak<WakerSlot>)>>,
}

impl ManualClock {
    /// A clock at 0 ms.
    pub fn new() -> ManualClock {
        ManualClock::default()
    }

    /// Moves to the earliest pending timer and wakes every timer due by
    /// then. Returns `false` if no timer is pending (nothing can happen).
    pub fn advance(&self) -> bool {
        let due = {
            let mut timers = self.inner.timers.borrow_mut();
            timers.retain(|(_, slot)| slot.strong_count() > 0);
            let Some(next) = timers.iter().map(|(t, _)| *t).reduce(f64::min) else {
                return false;
            };
            if next > self.inner.now.get() {
                self.inner.now.set(next);
            }
            let now = self.inner.now.get();
            let mut due = Vec::new();
            timers.retain(|(t, slot)| {
                if *t <= now {
                    due.push(slot.clone());
                    false
                } else {
                    true
                }
            });
            due
        };
        for slot in due {
            if let Some(waker) = slot.upgrade().and_then(|s| s.borrow_mut().take()) {
                waker.wake();
            }
        }
        true
    }
}

impl Clock for ManualClock {
    fn now(&self) -> f64 {
        self.inner.now.get()
    }

    fn sleep(&self, ms: u32) -> LocalBoxFuture<'static, ()> {
        Box::pin(ManualSleep {
            clock: Rc::clone(&self.inner),
            deadline: self.inner.now.get() + f64::from(ms),
            slot: None,
        })
    }
}

struct ManualSleep {
    clock: Rc<ClockInner>,
    deadline: f64,
    slot: Option<Rc<WakerSlot>>,
}

impl Future for ManualSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.clock.now.get() >= self.deadline {
            return Poll::Ready(());
        }
        match &self.slot {
            Some(slot) => *slot.borrow_mut() = Some(cx.waker().clone()),
            None => {
                let slot = Rc::new(RefCell::new(Some(cx.waker().clone())));
                self.clock
                    .timers
                    .borrow_mut()
                    .push((self.deadline, Rc::downgrade(&slot)));
                self.slot = Some(slot);
            }
        }
        Poll::Pending
    }
}

/// How the fake server answers one URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Script {
    /// Milliseconds until the headers (or the failure).
    pub headers_after: f64,
    /// Milliseconds from the headers to the end of the body.
    pub body_after: f64,
    /// The status.
    pub status: u16,
    /// The body; `None` for a good default (an SVG, or metadata JSON).
    pub body: Option<String>,
    /// Fail instead of answering.
    pub fail: Option<Failure>,
}

impl Script {
    /// 200 with a good body after `ms`.
    pub fn ok(ms: f64) -> Script {
        Script {
            headers_after: ms,
            body_after: 0.0,
            status: 200,
            body: None,
            fail: None,
        }
    }

    /// This status (and a short text body) after `ms`.
    pub fn status(status: u16, ms: f64) -> Script {
        Script {
            status,
            body: Some(format!("{status}\n")),
            ..Script::ok(ms)
        }
    }

    /// This status and body after `ms`.
    pub fn body(status: u16, body: &str, ms: f64) -> Script {
        Script {
            status,
            body: Some(body.to_string()),
            ..Script::ok(ms)
        }
    }

    /// The request fails with `failure` after `ms`.
    pub fn fail(failure: Failure, ms: f64) -> Script {
        Script {
            fail: Some(failure),
            ..Script::ok(ms)
        }
    }

    /// The body takes `ms` more after the headers.
    pub fn with_body_delay(mut self, ms: f64) -> Script {
        self.body_after = ms;
        self
    }
}

#[derive(Default)]
struct Counters {
    /// Requests not yet answered nor aborted.
    open: usize,
    /// When the connections of aborted requests close (as the server sees
    /// them: some time after the abort, see [`FakeTransport::close_lag`]).
    closing: Vec<f64>,
    max_in_flight: usize,
    requests: usize,
    aborted: usize,
    close_lag: f64,
}

impl Counters {
    /// In flight as a server counts them at `now`: open, or aborted with
    /// their connection not closed yet.
    fn in_flight(&self, now: f64) -> usize {
        self.open + self.closing.iter().filter(|t| **t > now).count()
    }
}

/// A scripted network. Clones share scripts and counters.
#[derive(Clone)]
pub struct FakeTransport {
    clock: Rc<dyn Clock>,
    default: Rc<Script>,
    scripts: Rc<RefCell<HashMap<String, Script>>>,
    counters: Rc<RefCell<Counters>>,
}

impl FakeTransport {
    /// Every URL answers `default` unless [`set`](Self::set) says otherwise.
    pub fn new(clock: Rc<dyn Clock>, default: Script) -> FakeTransport {
        FakeTransport {
            clock,
            default: Rc::new(default),
            scripts: Rc::default(),
            counters: Rc::default(),
        }
    }

    /// How `url` answers.
    pub fn set(&self, url: &str, script: Script) {
        self.scripts.borrow_mut().insert(url.to_string(), script);
    }

    /// An aborted request's connection closes `ms` after the abort, as a
    /// browser's does, and counts as in flight until then.
    pub fn close_lag(&self, ms: f64) {
        self.counters.borrow_mut().close_lag = ms;
    }

    /// Requests in flight now.
    pub fn in_flight(&self) -> usize {
        self.counters.borrow().in_flight(self.clock.now())
    }

    /// The most in flight at once.
    pub fn max_in_flight(&self) -> usize {
        self.counters.borrow().max_in_flight
    }

    /// Requests made.
    pub fn requests(&self) -> usize {
        self.counters.borrow().requests
    }

    /// Requests dropped before their last byte.
    pub fn aborted(&self) -> usize {
        self.counters.borrow().aborted
    }
}

/// One request in flight; dropping it before `done` is an abort.
struct Flight {
    counters: Rc<RefCell<Counters>>,
    clock: Rc<dyn Clock>,
    done: bool,
}

impl Flight {
    fn start(counters: &Rc<RefCell<Counters>>, clock: &Rc<dyn Clock>) -> Flight {
        let mut c = counters.borrow_mut();
        c.requests += 1;
        c.open += 1;
        c.max_in_flight = c.max_in_flight.max(c.in_flight(clock.now()));
        Flight {
            counters: Rc::clone(counters),
            clock: Rc::clone(clock),
            done: false,
        }
    }

    /// Marks it complete: dropping it now is no abort.
    fn finish(&mut self) {
        self.done = true;
    }
}

impl Drop for Flight {
    fn drop(&mut self) {
        let mut c = self.counters.borrow_mut();
        c.open -= 1;
        if !self.done {
            c.aborted += 1;
            let until = self.clock.now() + c.close_lag;
            c.closing.push(until);
        }
    }
}

/// The good body for a URL: an SVG, or metadata naming the country after
/// its code (`Country CN`).
fn default_body(url: &str) -> String {
    let cc = url.rsplit('/').nth(1).unwrap_or("xx").to_ascii_uppercase();
    if url.ends_with(".json") {
        format!("{{\"name\": \"Country {cc}\", \"cc\": \"{cc}\"}}")
    } else {
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>{cc}</title></svg>")
    }
}

impl Transport for FakeTransport {
    fn get(&self, url: &str) -> LocalBoxFuture<'static, Result<Box<dyn Response>, Failure>> {
        let script = self
            .scripts
            .borrow()
            .get(url)
            .cloned()
            .unwrap_or_else(|| (*self.default).clone());
        let body = script.body.clone().unwrap_or_else(|| default_body(url));
        let mut flight = Flight::start(&self.counters, &self.clock);
        let clock = Rc::clone(&self.clock);
        Box::pin(async move {
            clock.sleep(script.headers_after.max(0.0) as u32).await;
            if let Some(failure) = script.fail {
                flight.finish();
                return Err(failure);
            }
            if !(200..300).contains(&script.status) {
                flight.finish(); // an error page is over at its headers
            }
            Ok(Box::new(FakeResponse {
                status: script.status,
                body,
                body_after: script.body_after,
                clock,
                flight,
            }) as Box<dyn Response>)
        })
    }
}

struct FakeResponse {
    status: u16,
    body: String,
    body_after: f64,
    clock: Rc<dyn Clock>,
    flight: Flight,
}

impl Response for FakeResponse {
    fn status(&self) -> u16 {
        self.status
    }

    fn text(self: Box<Self>) -> LocalBoxFuture<'static, Result<String, Failure>> {
        Box::pin(async move {
            let mut this = self;
            if this.body_after > 0.0 {
                this.clock.sleep(this.body_after as u32).await;
            }
            this.flight.finish();
            Ok(std::mem::take(&mut this.body))
        })
    }
}
