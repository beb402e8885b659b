//! Browser tests of the app: mount into a fresh element, yield once, read the DOM.
//! Run with `wasm-pack test --headless --chrome` (or `--firefox`).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use aioscope::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A new `<div>` appended to the body, so each test starts from an empty root.
fn fresh_root() -> web_sys::Element {
    let document = document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn app_shows_its_heading() {
    let root = fresh_root();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    // Yew renders on the next tick: let it run once.
    gloo_timers::future::sleep(Duration::ZERO).await;

    let h1 = root
        .query_selector("h1")
        .unwrap()
        .expect("an <h1> was rendered");
    assert_eq!(h1.text_content().as_deref(), Some("aioscope"));
    assert!(
        root.query_selector("main").unwrap().is_some(),
        "a <main> landmark"
    );

    handle.destroy();
}
