//! What the page shows if aioscope itself panics: a message and a reload
//! button over the page, instead of a page that silently stops answering.
//!
//! A panic in wasm ends the module (the release build aborts), so Yew can
//! render nothing more: the notice is built with plain DOM calls from the
//! panic hook, before the module stops. The user's program is in
//! localStorage already, so a reload loses nothing.

use wasm_bindgen::JsCast;

/// Installs the panic hook (once; later calls do nothing more).
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Best effort: the page may be half built, and a second panic
            // here would hide the first.
            let _ = show(&info.to_string());
            previous(info);
        }));
    });
}

/// Builds the notice. Its text is in both languages: which one the page
/// was showing is state the panic may have taken with it.
fn show(detail: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    if document.get_element_by_id("crash").is_some() {
        return Some(());
    }
    let notice = document.create_element("div").ok()?;
    notice.set_id("crash");
    notice.set_class_name("crash");
    notice.set_attribute("role", "alertdialog").ok()?;
    notice
        .set_attribute("aria-labelledby", "crash-title")
        .ok()?;
    let title = document.create_element("h2").ok()?;
    title.set_id("crash-title");
    title.set_text_content(Some("aioscope stopped working · aioscope 出错了"));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(
        "Something went wrong inside aioscope (not in your program). Your program is saved: \
         reload the page to go on. · aioscope 内部出错（不是你的程序的问题）。你的程序已保存：\
         重新加载页面即可继续。",
    ));
    let details = document.create_element("pre").ok()?;
    details.set_class_name("crash__detail");
    details.set_text_content(Some(detail));
    // The click is handled by static/boot.js, not by wasm: the module
    // stops after this hook.
    let button = document.create_element("button").ok()?;
    button.set_attribute("type", "button").ok()?;
    button.set_attribute("data-action", "reload").ok()?;
    button.set_text_content(Some("Reload · 重新加载"));
    for child in [&title, &text, &details, &button] {
        notice.append_child(child).ok()?;
    }
    body.append_child(&notice).ok()?;
    if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
        let _ = b.focus();
    }
    Some(())
}
