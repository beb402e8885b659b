//! Browser tests of the real downloader's panel and its `fetch` glue:
//! mount the panel into a fresh element and read the DOM; fetch through
//! the real `WebTransport` where no server is needed (a 404 from the test
//! runner's own server, a refused connection).
//!
//! With `AIOSCOPE_LATENCY_SERVER=http://127.0.0.1:PORT/` set at build time
//! (an `aioscope-serve --cors` over the built app), one more test runs
//! the real downloader against it; without it, that test passes vacuously.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use aioscope::downloader::cancel::CancelToken;
use aioscope::downloader::model::{Failure, RunEvent};
use aioscope::downloader::run::{run, Config, Mode, Transport};
use aioscope::downloader::web::{WebClock, WebTransport};
use aioscope::downloader::{DownloaderPanel, COUNTRIES};
use gloo_timers::future::sleep;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A new `<div>` appended to the body, so each test starts from an empty root.
fn fresh_root() -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// The button whose text is `name` (its accessible name).
fn button(root: &web_sys::Element, name: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().as_deref().map(str::trim) == Some(name))
        .unwrap_or_else(|| panic!("no button named {name}"))
}

/// Lets Yew finish what it has queued (it yields to the browser every 16 ms
/// while rendering, so a slow machine may need more than one turn).
async fn rendered() {
    yew::scheduler::flush().await;
    sleep(Duration::ZERO).await;
}

fn attr(el: &web_sys::Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn panel_has_its_accessible_names() {
    let root = fresh_root();
    let handle = yew::Renderer::<DownloaderPanel>::with_root(root.clone()).render();
    rendered().await;

    let region = find(&root, "section[aria-label='Real downloader']");
    assert_eq!(
        find(&region, "h2").text_content().as_deref(),
        Some("Real downloader")
    );
    for name in ["Download", "Cancel", "Block the loop"] {
        button(&region, name);
    }
    let cancel = button(&region, "Cancel");
    assert!(cancel.has_attribute("disabled"), "nothing to cancel yet");
    let limit: web_sys::HtmlInputElement = find(&region, "input[aria-label='Concurrency limit']")
        .dyn_into()
        .unwrap();
    assert_eq!(
        (limit.type_().as_str(), limit.value().as_str()),
        ("number", "5")
    );
    let meta: web_sys::HtmlInputElement = find(&region, "input[aria-label='Fetch metadata']")
        .dyn_into()
        .unwrap();
    assert_eq!(meta.type_(), "checkbox");
    let mode: web_sys::HtmlSelectElement = find(&region, "select[aria-label='Mode']")
        .dyn_into()
        .unwrap();
    assert_eq!(mode.value(), "concurrent");
    let options: Vec<String> = (0..mode.length())
        .filter_map(|i| mode.item(i))
        .filter_map(|o| o.text_content())
        .map(|t| t.trim().to_string())
        .collect();
    assert_eq!(options, ["Sequential", "Concurrent"]);
    let results = find(&region, "[aria-label='Results']");
    assert_eq!(attr(&results, "data-asked"), "0");

    // Before any run, the prediction is drawn once the panel has painted:
    // 20 rows, 20 bars.
    let bars = || {
        find(&region, "svg[aria-label='Timeline the simulator predicts']")
            .query_selector_all("rect.dl-tl__bar--wait")
            .unwrap()
            .length()
    };
    for _ in 0..100 {
        if bars() > 0 {
            break;
        }
        sleep(Duration::from_millis(20)).await;
        rendered().await;
    }
    assert_eq!(bars(), 20);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn spinner_turns_and_freezes_when_the_loop_is_blocked() {
    let root = fresh_root();
    let handle = yew::Renderer::<DownloaderPanel>::with_root(root.clone()).render();
    // The interval ticks (on a loaded machine the first ticks may come late).
    let mut ticks = 0u32;
    for _ in 0..40 {
        sleep(Duration::from_millis(50)).await;
        ticks = attr(&find(&root, ".dl-spinner"), "data-ticks")
            .parse()
            .unwrap();
        if ticks >= 2 {
            break;
        }
    }
    assert!(ticks >= 2, "the interval ticks: {ticks}");
    let pause: f64 = attr(&find(&root, ".dl-spinner"), "data-max-pause")
        .parse()
        .unwrap();
    assert!(pause < 1000.0, "no long pause yet: {pause}");

    // 1.5 s of busy work, now or on the next turn. The ticks the block held
    // up arrive late; give them a moment to render.
    button(&root, "Block the loop").click();
    let mut pause = 0.0;
    for _ in 0..40 {
        sleep(Duration::from_millis(50)).await;
        let spinner = find(&root, ".dl-spinner");
        pause = attr(&spinner, "data-max-pause").parse().unwrap();
        if pause >= 1400.0 {
            break;
        }
    }
    assert!(
        pause >= 1400.0,
        "the spinner froze for the block: {pause} ms"
    );
    assert!(find(&root, ".dl-loop__text")
        .text_content()
        .unwrap_or_default()
        .starts_with("Blocked the loop for"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn real_fetch_reports_404_and_network_failures() {
    // The test runner's server has no flags: a real 404.
    let transport = WebTransport;
    let response = transport
        .get("flags/cn/cn.svg")
        .await
        .unwrap_or_else(|f| panic!("fetch failed: {f:?}"));
    assert_eq!(response.status(), 404);
    drop(response);

    // Nothing listens on port 9: fetch rejects, as a network failure.
    match transport.get("http://127.0.0.1:9/flags/cn/cn.svg").await {
        Err(Failure::Network(msg)) => assert!(!msg.is_empty()),
        Err(other) => panic!("expected a network failure, got {other:?}"),
        Ok(r) => panic!("expected a network failure, got status {}", r.status()),
    }

    // The whole runner over the real fetch: every flag ends not found.
    let config = Config {
        codes: vec!["CN".into(), "IN".into(), "US".into()],
        mode: Mode::Concurrent(2),
        metadata: false,
        timeout_ms: 5000,
        base: String::new(),
    };
    let state = run(
        config,
        Rc::new(WebTransport),
        Rc::new(WebClock),
        CancelToken::new(),
        Rc::new(|_: &RunEvent| {}),
    )
    .await;
    assert_eq!(state.tally().not_found, 3);
    assert_eq!(state.in_flight(), 0);
}

/// Against `aioscope-serve --cors --latency 200ms --fail CD=500 --missing ET`
/// when `AIOSCOPE_LATENCY_SERVER` was set at build time.
#[wasm_bindgen_test]
async fn against_the_latency_server_when_there_is_one() {
    let Some(base) = option_env!("AIOSCOPE_LATENCY_SERVER") else {
        return;
    };
    let config = Config {
        codes: COUNTRIES.iter().map(|s| s.to_string()).collect(),
        mode: Mode::Concurrent(5),
        metadata: true,
        timeout_ms: 5000,
        base: base.to_string(),
    };
    let state = run(
        config,
        Rc::new(WebTransport),
        Rc::new(WebClock),
        CancelToken::new(),
        Rc::new(|_: &RunEvent| {}),
    )
    .await;
    let tally = state.tally();
    assert_eq!((tally.ok, tally.not_found, tally.error), (18, 1, 1));
    assert_eq!(state.max_in_flight(), 5);
    let cn = state.flags.iter().find(|f| f.cc == "CN").unwrap();
    assert_eq!(cn.name.as_deref(), Some("China"));
}

#[yew::function_component(ChinesePanel)]
fn chinese_panel() -> yew::Html {
    yew::html! {
        <yew::ContextProvider<aioscope::i18n::Lang> context={aioscope::i18n::Lang::Zh}>
            <DownloaderPanel />
        </yew::ContextProvider<aioscope::i18n::Lang>>
    }
}

#[wasm_bindgen_test]
async fn panel_follows_the_page_language() {
    let root = fresh_root();
    let handle = yew::Renderer::<ChinesePanel>::with_root(root.clone()).render();
    rendered().await;
    // The text and the accessible names are Chinese.
    let region = find(&root, "section[aria-label='真实下载器']");
    assert_eq!(
        find(&region, "h2").text_content().as_deref(),
        Some("真实下载器")
    );
    button(&region, "下载");
    find(&region, "[aria-label='结果']");
    find(&region, "input[aria-label='并发上限']");
    handle.destroy();
}
