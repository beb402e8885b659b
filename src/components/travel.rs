//! Timers that come due travel: on a step forward, a handle that was a row
//! of the scheduled timers and is now in the ready queue slides from where
//! its timer row was to its place in the queue, so the eye follows it from
//! one panel to the other.
//!
//! FLIP with the Web Animations API: after each render the timer rows'
//! positions are remembered; after the next one, a copy of each ready-queue
//! row whose handle was among them flies from the old position to the
//! row's own. (The page's Content-Security-Policy forbids style
//! attributes, not animations started from script.) Nothing moves under
//! `prefers-reduced-motion`, or when the cursor jumped.

use std::collections::HashMap;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long the journey takes, in milliseconds.
const TRAVEL_MS: f64 = 450.0;
/// The animations' id (`Animation.id`), which tells them from the CSS ones.
pub const TRAVEL_ID: &str = "travel";

fn scroll() -> (f64, f64) {
    web_sys::window()
        .map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)))
        .unwrap_or((0.0, 0.0))
}

/// Page coordinates of an element's top-left corner.
fn page_xy(el: &web_sys::Element) -> (f64, f64) {
    let r = el.get_bounding_client_rect();
    let (sx, sy) = scroll();
    (r.x() + sx, r.y() + sy)
}

/// The elements under `root` that match `selector`, by their handle.
fn by_handle(root: &web_sys::Element, selector: &str) -> Vec<(u32, web_sys::Element)> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|el| {
            let h = el.get_attribute("data-handle")?.parse().ok()?;
            Some((h, el))
        })
        .collect()
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// A plain JS object from key-value pairs.
fn object(pairs: &[(&str, wasm_bindgen::JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o
}

/// Calls `Element.animate` by name: web-sys lists it among its unstable
/// APIs, though every browser has had it for years.
fn animate(el: &web_sys::Element, keyframes: &js_sys::Array, options: &js_sys::Object) {
    let animate = js_sys::Reflect::get(el, &"animate".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(animate) = animate {
        let _ = animate.call2(el, keyframes, options);
    }
}

/// Flies a copy of `el` from page position `from` to where `el` is, above
/// the panels (a row moved inside its own panel would be clipped at the
/// panel's edge), while `el` itself waits, invisible, for it to land.
fn fly(scope: &web_sys::Element, el: &web_sys::Element, from: (f64, f64)) {
    let (sx, sy) = scroll();
    let r = el.get_bounding_client_rect();
    let (x0, y0) = (from.0 - sx, from.1 - sy);
    let options = object(&[
        ("id", TRAVEL_ID.into()),
        ("duration", TRAVEL_MS.into()),
        ("easing", "cubic-bezier(0.2, 0.7, 0.2, 1)".into()),
    ]);
    // The row itself: hidden until the copy lands.
    animate(
        el,
        &js_sys::Array::of2(
            &object(&[("opacity", 0.0.into())]),
            &object(&[("opacity", 0.0.into())]),
        ),
        &options,
    );
    let Some(ghost) = el
        .clone_node_with_deep(true)
        .ok()
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let _ = ghost.remove_attribute("data-handle");
    let _ = ghost.remove_attribute("id");
    let _ = ghost.set_attribute("aria-hidden", "true");
    let _ = ghost.class_list().add_1("travel-ghost");
    if scope.append_child(&ghost).is_err() {
        return;
    }
    let at = |x: f64, y: f64| {
        object(&[
            (
                "transform",
                format!("translate({}px, {}px)", x.round(), y.round()).into(),
            ),
            ("width", format!("{}px", r.width().round()).into()),
        ])
    };
    animate(
        &ghost,
        &js_sys::Array::of2(&at(x0, y0), &at(r.x(), r.y())),
        &options,
    );
    gloo_timers::callback::Timeout::new(TRAVEL_MS as u32, move || ghost.remove()).forget();
}

/// Runs the travel animation inside `scope` (an element holding both
/// queue panels) whenever the run or the frame shown changes.
#[hook]
pub fn use_travel(scope: NodeRef, run: u32, frame: u32) {
    let last = use_mut_ref(|| (run, frame, HashMap::<u32, (f64, f64)>::new()));
    use_effect_with((run, frame), move |&(run, frame)| {
        let Some(root) = scope.cast::<web_sys::Element>() else {
            return;
        };
        let mut last = last.borrow_mut();
        let (was_run, was_frame, timers) = &*last;
        if *was_run == run && frame == was_frame + 1 && !timers.is_empty() && !reduced_motion() {
            for (h, el) in by_handle(&root, ".panel--ready [data-handle]") {
                if let Some(&from) = timers.get(&h) {
                    fly(&root, &el, from);
                }
            }
        }
        let now = by_handle(&root, ".panel--timers [data-handle]")
            .into_iter()
            .map(|(h, el)| (h, page_xy(&el)))
            .collect();
        *last = (run, frame, now);
    });
}
