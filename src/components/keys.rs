//! The transport keys both stepping screens answer to: Right/Left step,
//! Space plays or pauses, Home/End jump. Keys typed into a field, or
//! pressed with a modifier, are left alone. Space plays or pauses wherever
//! focus is but in a text field or a menu list: on a button or a checkbox
//! it does not press it (a breakpoint clicked last is not removed).

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

/// Whether a key press goes to a field that takes text (or a select,
/// whose list Space opens).
fn text_target(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => !matches!(
            el.get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase()
                .as_str(),
            "button" | "checkbox" | "radio" | "range" | "submit" | "reset" | "color" | "file"
        ),
        _ => el.closest("[contenteditable]").ok().flatten().is_some(),
    }
}

fn is_space(e: &web_sys::KeyboardEvent) -> bool {
    matches!(e.key().as_str(), " " | "Spacebar")
}

/// The transport action of a key press, if it is one.
fn transport(e: &web_sys::KeyboardEvent) -> Option<Transport> {
    if e.alt_key() || e.ctrl_key() || e.meta_key() {
        return None;
    }
    if is_space(e) {
        return (!text_target(e)).then_some(Transport::TogglePlay);
    }
    if typing_target(e) {
        return None;
    }
    Some(match e.key().as_str() {
        "ArrowRight" => Transport::Forward,
        "ArrowLeft" => Transport::Back,
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
        let listeners = web_sys::window().and_then(|w| w.document()).map(|doc| {
            let opts = EventListenerOptions::enable_prevent_default();
            let down = EventListener::new_with_options(&doc, "keydown", opts, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if let Some(t) = transport(e) {
                    e.prevent_default();
                    let on_key = latest.borrow().clone();
                    on_key.emit(t);
                }
            });
            // A button or a checkbox acts on Space's keyup: not this one.
            let up = EventListener::new_with_options(&doc, "keyup", opts, move |e| {
                if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                    if transport(e) == Some(Transport::TogglePlay) {
                        e.prevent_default();
                    }
                }
            });
            (down, up)
        });
        move || drop(listeners)
    });
}
