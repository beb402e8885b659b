//! The downloader itself, independent of the browser: what the tutorial's
//! `flags` programs do, written with Rust futures.
//!
//! - sequential: one flag after another, each awaited before the next;
//! - concurrent: every download started at once, a [`Semaphore`] letting
//!   `limit` requests be in flight together, results handled as they
//!   complete (`as_completed`: a `FuturesUnordered` yields whichever
//!   download finishes next);
//! - optionally a second request per flag for its `metadata.json`, which
//!   takes the semaphore again on its own (as `flags3` in the tutorial);
//! - a timeout per request (a race against a timer; the loser is dropped);
//! - a [`CancelToken`] that drops all the work at once.
//!
//! The network and the clock come in as traits, so the same code runs on
//! the browser's loop with `fetch` and `performance.now()` (`web.rs`), and
//! in tests with fakes and a manual clock (`fake.rs`), natively or in a
//! browser. Dropping a request future must abort it: that is how a timeout
//! or a cancel leaves nothing in flight.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{select, Either, LocalBoxFuture};
use futures::stream::{FuturesUnordered, StreamExt};

use super::cancel::CancelToken;
use super::metadata;
use super::model::{Failure, FlagEvent, Payload, ReqKind, RunEvent, RunState};
use super::semaphore::{Permit, Semaphore};

/// Sequential, or concurrent with a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One request at a time, in order.
    Sequential,
    /// All at once, at most this many requests in flight (1–20).
    Concurrent(usize),
}

/// The most requests in flight the UI offers.
pub const MAX_LIMIT: usize = 20;

/// What to download and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Country codes, in order.
    pub codes: Vec<String>,
    /// Sequential or concurrent.
    pub mode: Mode,
    /// Whether to fetch `metadata.json` after each flag.
    pub metadata: bool,
    /// Per-request timeout in milliseconds (0: none).
    pub timeout_ms: u32,
    /// Prefix of the URLs: empty for relative ones (`flags/cn/cn.svg`,
    /// resolved against the page, so the hosted static site works), or an
    /// origin with a trailing slash.
    pub base: String,
}

impl Config {
    /// The URL of a flag's request.
    pub fn url(&self, cc: &str, kind: ReqKind) -> String {
        let cc = cc.to_ascii_lowercase();
        match kind {
            ReqKind::Flag => format!("{}flags/{cc}/{cc}.svg", self.base),
            ReqKind::Metadata => format!("{}flags/{cc}/metadata.json", self.base),
        }
    }
}

/// A response whose headers have arrived.
pub trait Response {
    /// The HTTP status.
    fn status(&self) -> u16;
    /// Reads the body as text. Dropping the future aborts the read.
    fn text(self: Box<Self>) -> LocalBoxFuture<'static, Result<String, Failure>>;
}

/// The network: `GET url`, resolving when the headers arrive. Dropping the
/// future aborts the request.
pub trait Transport {
    /// Sends the request.
    fn get(&self, url: &str) -> LocalBoxFuture<'static, Result<Box<dyn Response>, Failure>>;
}

/// Time: a monotonic clock in milliseconds and a timer.
pub trait Clock {
    /// Milliseconds since some fixed point.
    fn now(&self) -> f64;
    /// Resolves after `ms` milliseconds.
    fn sleep(&self, ms: u32) -> LocalBoxFuture<'static, ()>;
}

/// Called with every event, after the run's own state has applied it.
pub type Listener = Rc<dyn Fn(&RunEvent)>;

struct Ctx {
    config: Config,
    transport: Rc<dyn Transport>,
    clock: Rc<dyn Clock>,
    t0: f64,
    state: RefCell<RunState>,
    listener: Listener,
}

impl Ctx {
    fn emit(&self, flag: usize, event: FlagEvent) {
        let ev = RunEvent {
            flag,
            at: (self.clock.now() - self.t0).max(0.0),
            event,
        };
        self.state.borrow_mut().apply(ev.clone());
        (self.listener)(&ev);
    }
}

/// Runs the downloads to the end (or the cancel) and returns the final
/// state, in which every flag has ended exactly once.
pub async fn run(
    config: Config,
    transport: Rc<dyn Transport>,
    clock: Rc<dyn Clock>,
    cancel: CancelToken,
    listener: Listener,
) -> RunState {
    let ctx = Rc::new(Ctx {
        state: RefCell::new(RunState::new(&config.codes)),
        t0: clock.now(),
        config,
        transport,
        clock,
        listener,
    });
    if !cancel.is_cancelled() {
        let work = Box::pin(all(Rc::clone(&ctx)));
        if let Either::Right(((), work)) = select(work, cancel.cancelled()).await {
            // Dropping the work drops every request future: each aborts
            // its fetch. Then the flags that had not ended are cancelled.
            drop(work);
        }
    }
    let unfinished: Vec<usize> = {
        let state = ctx.state.borrow();
        (0..state.flags.len())
            .filter(|&i| !state.flags[i].phase.is_finished())
            .collect()
    };
    for i in unfinished {
        ctx.emit(i, FlagEvent::Cancel);
    }
    let state = ctx.state.borrow().clone();
    state
}

/// How long a request's permit outlives its aborted fetch: `abort()`
/// rejects the fetch at once, but the browser closes the connection on its
/// network thread a moment later, and until then the server still counts
/// the request. Holding its place that long keeps the requests in flight,
/// as the server sees them, within the limit, also under timeouts.
pub const ABORT_GRACE_MS: u32 = 50;

/// A request whose fetch was aborted (it timed out), and the permit it
/// still holds until its connection is gone.
struct Aborted(Option<Permit>);

/// Every download, in the configured mode; each flag's ending is reported
/// as it happens.
async fn all(ctx: Rc<Ctx>) {
    let n = ctx.config.codes.len();
    match ctx.config.mode {
        Mode::Sequential => {
            for i in 0..n {
                let ended = download(&ctx, i, None).await;
                finish(&ctx, i, ended).await;
            }
        }
        Mode::Concurrent(limit) => {
            let semaphore = Semaphore::new(limit.clamp(1, MAX_LIMIT));
            let mut pending: FuturesUnordered<_> = (0..n)
                .map(|i| {
                    let ctx = Rc::clone(&ctx);
                    let semaphore = semaphore.clone();
                    async move {
                        let ended = download(&ctx, i, Some(&semaphore)).await;
                        finish(&ctx, i, ended).await;
                    }
                })
                .collect();
            // as_completed: whichever download ends next reports itself.
            while pending.next().await.is_some() {}
        }
    }
}

/// Reports a flag's ending; after an aborted request, waits for its
/// connection to go before its permit is released (or, one at a time,
/// before the next request starts).
async fn finish(ctx: &Ctx, i: usize, (result, aborted): (Result<(), Failure>, Option<Aborted>)) {
    ctx.emit(i, FlagEvent::Finish(result));
    if let Some(Aborted(permit)) = aborted {
        ctx.clock.sleep(ABORT_GRACE_MS).await;
        drop(permit);
    }
}

/// One flag: the image, then (if asked) the metadata.
async fn download(
    ctx: &Ctx,
    i: usize,
    semaphore: Option<&Semaphore>,
) -> (Result<(), Failure>, Option<Aborted>) {
    let ended = request(ctx, i, ReqKind::Flag, semaphore).await;
    if ended.0.is_err() || !ctx.config.metadata {
        return ended;
    }
    request(ctx, i, ReqKind::Metadata, semaphore).await
}

/// One request, holding a permit (if limited) from send to the last byte,
/// or, when it times out, until its connection is gone (see [`Aborted`]).
async fn request(
    ctx: &Ctx,
    i: usize,
    kind: ReqKind,
    semaphore: Option<&Semaphore>,
) -> (Result<(), Failure>, Option<Aborted>) {
    let permit = match semaphore {
        Some(s) => {
            ctx.emit(i, FlagEvent::Queue(kind));
            Some(s.acquire().await)
        }
        None => None,
    };
    ctx.emit(i, FlagEvent::Send(kind));
    let cc = ctx.config.codes[i].clone();
    let url = ctx.config.url(&cc, kind);
    let exchange = async {
        let response = ctx.transport.get(&url).await?;
        let status = response.status();
        ctx.emit(i, FlagEvent::Headers(kind, status));
        if !(200..300).contains(&status) {
            // Dropping the response aborts the rest of the body.
            return Err(Failure::Http(status));
        }
        let body = response.text().await?;
        check_body(kind, &cc, body)
    };
    let payload = match ctx.config.timeout_ms {
        0 => exchange.await,
        ms => match select(Box::pin(exchange), ctx.clock.sleep(ms)).await {
            Either::Left((result, _timer)) => result,
            Either::Right(((), exchange)) => {
                // Abort first (dropping the exchange aborts its fetch),
                // then keep the permit until the connection is gone.
                drop(exchange);
                return (Err(Failure::Timeout(ms)), Some(Aborted(permit)));
            }
        },
    };
    match payload {
        Ok(payload) => {
            ctx.emit(i, FlagEvent::Body(kind, payload));
            (Ok(()), None)
        }
        Err(e) => (Err(e), None),
    }
}

/// Whether a 2xx body is what was asked for.
pub fn check_body(kind: ReqKind, cc: &str, body: String) -> Result<Payload, Failure> {
    if body.trim().is_empty() {
        return Err(Failure::EmptyBody);
    }
    match kind {
        ReqKind::Flag => {
            if body.contains("<svg") {
                Ok(Payload::Image(body.into()))
            } else {
                Err(Failure::NotAnImage)
            }
        }
        ReqKind::Metadata => metadata::parse(&body, cc)
            .map(|m| Payload::Name(m.name))
            .map_err(Failure::BadMetadata),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::downloader::fake::{FakeTransport, ManualClock, Script};
    use crate::downloader::model::{Outcome, Phase};
    use crate::downloader::testing::run_to_end;
    use futures::future::join;

    const CODES: [&str; 20] = [
        "CN", "IN", "US", "ID", "BR", "PK", "NG", "BD", "RU", "JP", "MX", "PH", "VN", "ET", "EG",
        "DE", "IR", "TR", "CD", "FR",
    ];

    fn config(mode: Mode) -> Config {
        Config {
            codes: CODES.iter().map(|s| s.to_string()).collect(),
            mode,
            metadata: false,
            timeout_ms: 0,
            base: String::new(),
        }
    }

    /// Every flag answers after 200 ms; CD answers 500, ET 404.
    fn transport(clock: &ManualClock) -> FakeTransport {
        let t = FakeTransport::new(Rc::new(clock.clone()), Script::ok(200.0));
        t.set("flags/cd/cd.svg", Script::status(500, 200.0));
        t.set("flags/et/et.svg", Script::status(404, 200.0));
        t
    }

    fn start(
        config: Config,
        transport: &FakeTransport,
        clock: &ManualClock,
        cancel: &CancelToken,
    ) -> (
        LocalBoxFuture<'static, RunState>,
        Rc<RefCell<Vec<RunEvent>>>,
    ) {
        let events = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&events);
        let fut = run(
            config,
            Rc::new(transport.clone()),
            Rc::new(clock.clone()),
            cancel.clone(),
            Rc::new(move |e: &RunEvent| sink.borrow_mut().push(e.clone())),
        );
        (Box::pin(fut), events)
    }

    #[test]
    fn concurrent_with_a_limit_of_five_takes_four_rounds() {
        let clock = ManualClock::new();
        let t = transport(&clock);
        let (fut, events) = start(config(Mode::Concurrent(5)), &t, &clock, &CancelToken::new());
        let state = run_to_end(fut, &clock);
        let tally = state.tally();
        assert_eq!(
            (tally.ok, tally.not_found, tally.error, tally.cancelled),
            (18, 1, 1, 0)
        );
        assert!(tally.adds_up());
        assert_eq!(t.max_in_flight(), 5, "the semaphore held");
        assert_eq!(state.max_in_flight(), 5);
        assert_eq!(t.in_flight(), 0);
        assert_eq!(state.finished_at, Some(800.0), "20 / 5 rounds of 200 ms");
        assert!(state.refused.is_empty(), "{:?}", state.refused);
        // The flag failures say why.
        let cd = state.flags.iter().find(|f| f.cc == "CD").unwrap();
        assert_eq!(cd.failure, Some(Failure::Http(500)));
        // The listener saw exactly what the state applied.
        let mut replay = RunState::new(&CODES);
        for e in events.borrow().iter() {
            assert!(replay.apply(e.clone()));
        }
        assert_eq!(replay, state);
    }

    #[test]
    fn sequential_takes_one_request_at_a_time() {
        let clock = ManualClock::new();
        let t = transport(&clock);
        let (fut, _) = start(config(Mode::Sequential), &t, &clock, &CancelToken::new());
        let state = run_to_end(fut, &clock);
        assert_eq!(t.max_in_flight(), 1);
        assert_eq!(state.finished_at, Some(4000.0));
        assert_eq!(state.completed, (0..20).collect::<Vec<_>>(), "in order");
        assert_eq!(state.tally().ok, 18);
    }

    #[test]
    fn results_arrive_as_they_complete() {
        let clock = ManualClock::new();
        let t = FakeTransport::new(Rc::new(clock.clone()), Script::ok(100.0));
        t.set("flags/cn/cn.svg", Script::ok(300.0));
        t.set("flags/in/in.svg", Script::ok(200.0));
        let mut c = config(Mode::Concurrent(20));
        c.codes = vec!["CN".into(), "IN".into(), "US".into()];
        let (fut, _) = start(c, &t, &clock, &CancelToken::new());
        let state = run_to_end(fut, &clock);
        assert_eq!(state.completed, [2, 1, 0], "US, then IN, then CN");
    }

    #[test]
    fn metadata_takes_the_semaphore_again_and_failures_stop_it() {
        let clock = ManualClock::new();
        let t = transport(&clock);
        t.set(
            "flags/br/metadata.json",
            Script::body(200, "{\"name\": \"Bra", 50.0),
        );
        t.set("flags/fr/metadata.json", Script::body(200, "", 50.0));
        let mut c = config(Mode::Concurrent(3));
        c.metadata = true;
        let (fut, _) = start(c, &t, &clock, &CancelToken::new());
        let state = run_to_end(fut, &clock);
        let tally = state.tally();
        assert_eq!((tally.ok, tally.not_found, tally.error), (16, 1, 3));
        assert_eq!(t.max_in_flight(), 3);
        assert_eq!(t.requests(), 20 + 18, "no metadata after a failed flag");
        let br = state.flags.iter().find(|f| f.cc == "BR").unwrap();
        assert!(
            matches!(&br.failure, Some(Failure::BadMetadata(why)) if why.contains("truncated")),
            "{:?}",
            br.failure
        );
        let cn = state.flags.iter().find(|f| f.cc == "CN").unwrap();
        assert_eq!(
            cn.name.as_deref(),
            Some("Country CN"),
            "the fake names each country after its code"
        );
        let fr = state.flags.iter().find(|f| f.cc == "FR").unwrap();
        assert_eq!(fr.failure, Some(Failure::EmptyBody));
    }

    #[test]
    fn a_timeout_aborts_the_request_and_counts_as_an_error() {
        let clock = ManualClock::new();
        let t = transport(&clock);
        t.set("flags/jp/jp.svg", Script::ok(5000.0));
        // Headers in time, body too slow: the timeout covers both.
        t.set("flags/mx/mx.svg", Script::ok(100.0).with_body_delay(900.0));
        let mut c = config(Mode::Concurrent(20));
        c.timeout_ms = 500;
        let (fut, _) = start(c, &t, &clock, &CancelToken::new());
        let state = run_to_end(fut, &clock);
        for cc in ["JP", "MX"] {
            let f = state.flags.iter().find(|f| f.cc == cc).unwrap();
            assert_eq!(f.failure, Some(Failure::Timeout(500)), "{cc}");
            assert_eq!(f.ended_at, Some(500.0));
        }
        let mx = state.flags.iter().position(|f| f.cc == "MX").unwrap();
        let bar = state.bars.iter().find(|b| b.row == mx).unwrap();
        assert_eq!((bar.first_byte, bar.end), (Some(100.0), Some(500.0)));
        assert_eq!(t.aborted(), 2, "both fetches were aborted");
        assert_eq!(t.in_flight(), 0);
        assert_eq!(state.tally().error, 3);
        assert!(state.tally().adds_up());
    }

    #[test]
    fn a_timed_out_request_keeps_its_place_until_its_connection_is_gone() {
        let clock = ManualClock::new();
        let t = FakeTransport::new(Rc::new(clock.clone()), Script::ok(1000.0));
        // The browser closes an aborted request's connection a little
        // later; the server counts it in flight until then.
        t.close_lag(30.0);
        let mut c = config(Mode::Concurrent(2));
        c.codes.truncate(6);
        c.timeout_ms = 300;
        let (fut, _) = start(c, &t, &clock, &CancelToken::new());
        let state = run_to_end(fut, &clock);
        assert_eq!(t.max_in_flight(), 2, "never more than the limit");
        assert_eq!(state.tally().error, 6);
        let f = &state.flags[0];
        assert_eq!(f.ended_at, Some(300.0), "the flag ends at its timeout");
        // The next pair starts once the grace has passed.
        let third = state.bars.iter().find(|b| b.row == 2).unwrap();
        assert_eq!(third.start, Some(300.0 + ABORT_GRACE_MS as f64));
        // One at a time, the next request waits for the connection too.
        let clock = ManualClock::new();
        let t = FakeTransport::new(Rc::new(clock.clone()), Script::ok(1000.0));
        t.close_lag(30.0);
        let mut c = config(Mode::Sequential);
        c.codes.truncate(3);
        c.timeout_ms = 300;
        let (fut, _) = start(c, &t, &clock, &CancelToken::new());
        run_to_end(fut, &clock);
        assert_eq!(t.max_in_flight(), 1);
    }

    #[test]
    fn cancel_mid_run_aborts_everything_in_flight() {
        let clock = ManualClock::new();
        let t = transport(&clock);
        let cancel = CancelToken::new();
        let (fut, _) = start(config(Mode::Concurrent(5)), &t, &clock, &cancel);
        let c = cancel.clone();
        let sleep = clock.sleep(300);
        let both = join(fut, async move {
            sleep.await;
            c.cancel();
        });
        let (state, ()) = run_to_end(Box::pin(both), &clock);
        let tally = state.tally();
        // Round one (200 ms) finished; round two was in flight at 300 ms.
        assert_eq!(tally.ok + tally.not_found + tally.error, 5);
        assert_eq!(tally.cancelled, 15);
        assert!(tally.adds_up());
        assert_eq!(t.in_flight(), 0, "nothing left in flight");
        assert_eq!(t.aborted(), 5);
        assert_eq!(state.in_flight(), 0);
        assert!(state
            .flags
            .iter()
            .all(|f| matches!(f.phase, Phase::Finished(_))));
        assert!(state
            .bars
            .iter()
            .filter(|b| b.outcome == Some(Outcome::Cancelled))
            .all(|b| b.end == Some(300.0)));
        assert!(state.refused.is_empty());
    }

    #[test]
    fn cancel_before_start_cancels_every_flag() {
        let clock = ManualClock::new();
        let t = transport(&clock);
        let cancel = CancelToken::new();
        cancel.cancel();
        let (fut, _) = start(config(Mode::Sequential), &t, &clock, &cancel);
        let state = run_to_end(fut, &clock);
        assert_eq!(state.tally().cancelled, 20);
        assert_eq!(t.requests(), 0);
    }

    #[test]
    fn network_errors_and_offline_are_errors_with_reasons() {
        let clock = ManualClock::new();
        let t = transport(&clock);
        t.set(
            "flags/vn/vn.svg",
            Script::fail(Failure::Network("connection reset".into()), 10.0),
        );
        t.set("flags/de/de.svg", Script::fail(Failure::Offline, 0.0));
        t.set(
            "flags/tr/tr.svg",
            Script::body(200, "<!doctype html>", 10.0),
        );
        let (fut, _) = start(config(Mode::Concurrent(4)), &t, &clock, &CancelToken::new());
        let state = run_to_end(fut, &clock);
        let reason = |cc: &str| {
            let f = state.flags.iter().find(|f| f.cc == cc).unwrap();
            f.failure.as_ref().unwrap().reason(false)
        };
        assert_eq!(reason("VN"), "network error: connection reset");
        assert_eq!(reason("DE"), "offline: the browser has no network");
        assert_eq!(reason("TR"), "the response is not an SVG image");
        assert_eq!(state.tally().error, 4);
    }

    #[test]
    fn urls_are_relative_unless_given_a_base() {
        let mut c = config(Mode::Sequential);
        assert_eq!(c.url("CN", ReqKind::Flag), "flags/cn/cn.svg");
        c.base = "http://127.0.0.1:8080/".into();
        assert_eq!(
            c.url("CN", ReqKind::Metadata),
            "http://127.0.0.1:8080/flags/cn/metadata.json"
        );
    }
}
