//! The transport keys both stepping screens answer to: Right/Left step,
//! Space plays or pauses, Home/End jump. Keys typed into a field, or
//! pressed with a modifier, are left alone.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transport {
    /// One step forward.
    Forward,
    /// One step back.
    Back,
    /// Play or pause.
    TogglePlay,
    /// To the start.
    Start,
    /// To the end.
    End,
}

/// Whether a key press belongs to a text field or a control that uses it.
fn typing_target(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || el
            .closest("[contenteditable], summary, details")
            .ok()
            .flatten()
            .is_some()
}

/// The transport action of a key press, if it is one.
fn transport(e: &web_sys::KeyboardEvent) -> Option<Transport> {
    if e.alt_key() || e.ctrl_key() || e.meta_key() || typing_target(e) {
        return None;
    }
    // Space on a button presses the button.
    let on_button = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("button"));
    Some(match e.key().as_str() {
        "ArrowRight" => Transport::Forward,
        "ArrowLeft" => Transport::Back,
        " " | "Spacebar" if !on_button => Transport::TogglePlay,
        "Home" => Transport::Start,
        "End" => Transport::End,
        _ => return None,
    })
}

/// Calls `on_key` for each transport key pressed anywhere in the document
/// while the calling component is mounted. The callback of the latest
/// render is the one called, so it may read the state it closes over.
#[hook]
pub fn use_transport_keys(on_key: Callback<Transport>) {
    let latest = use_mut_ref(|| on_key.clone());
    *latest.borrow_mut() = on_key;
    use_effect_with((), move |_| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            let opts = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&doc, "keydown", opts, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if let Some(t) = transport(e) {
                    e.prevent_default();
                    let on_key = latest.borrow().clone();
                    on_key.emit(t);
                }
            })
        });
        move || drop(listener)
    });
}
