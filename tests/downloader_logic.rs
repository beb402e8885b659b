//! Browser tests of the real downloader's logic on the browser's own event
//! loop, with a scripted network (no requests leave the page): the
//! semaphore, the result accounting, cancel and timeout. Timers are real
//! gloo timers, so this is the same loop the app runs on.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use aioscope::downloader::cancel::CancelToken;
use aioscope::downloader::model::{Failure, Outcome, Phase, RunEvent, RunState};
use aioscope::downloader::run::{run, Config, Mode};
use aioscope::downloader::semaphore::Semaphore;
use aioscope::downloader::web::WebClock;
use aioscope::downloader::COUNTRIES;
use aioscope::downloader::{model, run};
use fake::{FakeTransport, Script};
use futures::stream::{FuturesUnordered, StreamExt};
use gloo_timers::future::sleep;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The unit tests' fakes, which the app's build leaves out: the same file.
/// It names `super::model` and `super::run`, which the `use` of those two
/// modules above provides here.
#[allow(dead_code)]
#[path = "../src/downloader/fake.rs"]
mod fake;

fn config(mode: Mode, timeout_ms: u32) -> Config {
    Config {
        codes: COUNTRIES.iter().map(|s| s.to_string()).collect(),
        mode,
        metadata: false,
        timeout_ms,
        base: String::new(),
    }
}

/// Every flag answers after `ms`; CD answers 500 and ET 404.
fn network(ms: f64) -> FakeTransport {
    let t = FakeTransport::new(Rc::new(WebClock), Script::ok(ms));
    t.set("flags/cd/cd.svg", Script::status(500, ms));
    t.set("flags/et/et.svg", Script::status(404, ms));
    t
}

fn start(
    config: Config,
    t: &FakeTransport,
    cancel: &CancelToken,
) -> (
    futures::future::LocalBoxFuture<'static, RunState>,
    Rc<RefCell<Vec<RunEvent>>>,
) {
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&events);
    let fut = run(
        config,
        Rc::new(t.clone()),
        Rc::new(WebClock),
        cancel.clone(),
        Rc::new(move |e: &RunEvent| sink.borrow_mut().push(e.clone())),
    );
    (Box::pin(fut), events)
}

#[wasm_bindgen_test]
async fn semaphore_bounds_tasks_on_the_browser_loop() {
    let sem = Semaphore::new(3);
    let now = Rc::new(Cell::new(0usize));
    let max = Rc::new(Cell::new(0usize));
    let mut tasks: FuturesUnordered<_> = (0..10)
        .map(|i| {
            let (sem, now, max) = (sem.clone(), Rc::clone(&now), Rc::clone(&max));
            async move {
                let _permit = sem.acquire().await;
                now.set(now.get() + 1);
                max.set(max.get().max(now.get()));
                sleep(Duration::from_millis(10 + (i % 3) * 5)).await;
                now.set(now.get() - 1);
            }
        })
        .collect();
    while tasks.next().await.is_some() {}
    assert_eq!(max.get(), 3);
    assert_eq!(sem.max_in_use(), 3);
    assert_eq!((sem.in_use(), sem.available(), sem.waiting()), (0, 3, 0));
}

#[wasm_bindgen_test]
async fn twenty_flags_limit_five_counts_add_up() {
    let t = network(40.0);
    let (fut, events) = start(config(Mode::Concurrent(5), 0), &t, &CancelToken::new());
    let state = fut.await;
    let tally = state.tally();
    assert_eq!(
        (tally.ok, tally.not_found, tally.error, tally.cancelled),
        (18, 1, 1, 0)
    );
    assert!(tally.adds_up());
    assert_eq!(t.max_in_flight(), 5, "the semaphore held on the real loop");
    assert_eq!(state.max_in_flight(), 5);
    assert_eq!(t.in_flight(), 0);
    assert!(state.refused.is_empty());
    // Four rounds of 40 ms: well under a sequential 800 ms.
    let total = state.finished_at.unwrap();
    assert!((150.0..700.0).contains(&total), "{total} ms");
    // The listener's events rebuild the same state.
    let mut replay = RunState::new(&COUNTRIES);
    for e in events.borrow().iter() {
        replay.apply(e.clone());
    }
    assert_eq!(replay.tally(), tally);
}

#[wasm_bindgen_test]
async fn sequential_is_one_at_a_time() {
    let t = network(5.0);
    let (fut, _) = start(config(Mode::Sequential, 0), &t, &CancelToken::new());
    let state = fut.await;
    assert_eq!(t.max_in_flight(), 1);
    assert_eq!(state.completed, (0..20).collect::<Vec<_>>());
    assert!(state.tally().adds_up());
}

#[wasm_bindgen_test]
async fn cancel_mid_run_leaves_nothing_in_flight() {
    let t = network(60.0);
    let cancel = CancelToken::new();
    let (fut, _) = start(config(Mode::Concurrent(5), 0), &t, &cancel);
    let c = cancel.clone();
    wasm_bindgen_futures::spawn_local(async move {
        sleep(Duration::from_millis(90)).await;
        c.cancel();
    });
    let state = fut.await;
    let tally = state.tally();
    assert!(tally.adds_up(), "{tally:?}");
    assert!(tally.cancelled >= 10, "{tally:?}");
    assert!(tally.ok >= 5, "{tally:?}");
    assert_eq!(t.in_flight(), 0, "every request was aborted");
    assert!(t.aborted() >= 1);
    assert_eq!(state.in_flight(), 0);
    assert!(state
        .flags
        .iter()
        .all(|f| matches!(f.phase, Phase::Finished(_))));
}

#[wasm_bindgen_test]
async fn timeout_aborts_a_slow_request() {
    let t = network(10.0);
    t.set("flags/jp/jp.svg", Script::ok(2000.0));
    t.set("flags/mx/mx.svg", Script::ok(10.0).with_body_delay(2000.0));
    let (fut, _) = start(config(Mode::Concurrent(20), 150), &t, &CancelToken::new());
    let state = fut.await;
    for cc in ["JP", "MX"] {
        let flag = state.flags.iter().find(|f| f.cc == cc).unwrap();
        assert_eq!(flag.failure, Some(Failure::Timeout(150)), "{cc}");
        assert_eq!(flag.phase, Phase::Finished(Outcome::Error));
    }
    assert_eq!(t.aborted(), 2);
    assert_eq!(t.in_flight(), 0);
    let tally = state.tally();
    assert_eq!((tally.ok, tally.not_found, tally.error), (16, 1, 3));
    assert!(state.finished_at.unwrap() < 1000.0, "did not wait for 2 s");
}

#[wasm_bindgen_test]
async fn bad_bodies_are_errors_not_panics() {
    let t = network(5.0);
    let mut c = config(Mode::Concurrent(4), 0);
    c.metadata = true;
    t.set(
        "flags/br/metadata.json",
        Script::body(200, "{\"name\": ", 5.0),
    );
    t.set("flags/fr/metadata.json", Script::body(200, "", 5.0));
    t.set(
        "flags/tr/tr.svg",
        Script::body(200, "<html>oops</html>", 5.0),
    );
    t.set(
        "flags/id/id.svg",
        Script::fail(Failure::Network("Failed to fetch".into()), 5.0),
    );
    let (fut, _) = start(c, &t, &CancelToken::new());
    let state = fut.await;
    let reason = |cc: &str| {
        let f = state.flags.iter().find(|f| f.cc == cc).unwrap();
        f.failure
            .as_ref()
            .map(|f| f.reason(false))
            .unwrap_or_default()
    };
    assert!(
        reason("BR").starts_with("bad metadata.json: truncated"),
        "{}",
        reason("BR")
    );
    assert_eq!(reason("FR"), "empty response");
    assert_eq!(reason("TR"), "the response is not an SVG image");
    assert_eq!(reason("ID"), "network error: Failed to fetch");
    assert_eq!(reason("CD"), "HTTP 500 Internal Server Error");
    assert_eq!(reason("ET"), "HTTP 404 Not Found");
    assert!(state.tally().adds_up());
    assert_eq!(t.in_flight(), 0);
}
