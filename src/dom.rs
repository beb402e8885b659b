//! The few browser APIs the app calls directly: the location hash,
//! localStorage, and file downloads. Failures are ignored: a private
//! window without storage still works, it just forgets.

use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The location hash, with its `#`.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the hash without adding a history entry.
pub fn replace_hash(hash: &str) {
    let Some(w) = window() else { return };
    if w.location().hash().ok().as_deref() == Some(hash) {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// A value from localStorage.
pub fn load(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Stores a value in localStorage: whether it was stored (not when
/// storage is off, or the value passes its quota).
pub fn store(key: &str, value: &str) -> bool {
    match window().map(|w| w.local_storage()) {
        Some(Ok(Some(s))) => s.set_item(key, value).is_ok(),
        _ => false,
    }
}

/// Whether the browser asks for Chinese first.
pub fn prefers_chinese() -> bool {
    window()
        .and_then(|w| w.navigator().language())
        .is_some_and(|l| l.to_ascii_lowercase().starts_with("zh"))
}

/// Sets `<html lang>`.
pub fn set_document_lang(code: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// Offers `content` as a file download (a Blob URL; no inline script).
pub fn download(filename: &str, mime: &str, content: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            if let Some(body) = document.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Brings the element with `id` into view, focuses it and flashes it (the
/// `is-flash` animation restarts on every call): where a link in one panel
/// points at an item of another.
pub fn reveal(id: &str) {
    let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    el.scroll_into_view_with_bool(false);
    let _ = el.focus();
    let _ = el.class_list().remove_1("is-flash");
    // Reading the layout between remove and add restarts the animation.
    let _ = el.offset_width();
    let _ = el.class_list().add_1("is-flash");
}

/// Closes every open `<details>` menu; when focus was inside one, it goes
/// back to that menu's `<summary>`.
pub fn close_menus() {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(open) = doc.query_selector_all("details[open]") else {
        return;
    };
    let active = doc.active_element();
    for i in 0..open.length() {
        let Some(menu) = open
            .get(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let _ = menu.remove_attribute("open");
        let inside = active
            .as_ref()
            .is_some_and(|a| menu.contains(Some(a.as_ref())));
        if inside {
            if let Some(summary) = menu
                .query_selector("summary")
                .ok()
                .flatten()
                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
        }
    }
}
