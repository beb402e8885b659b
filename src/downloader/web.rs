//! The browser side of the downloader: `fetch` with an `AbortController`
//! per request, `performance.now()`, gloo timers, `navigator.onLine`.
//!
//! The rule the runner relies on: dropping a request future aborts the
//! fetch. Each request owns an [`AbortOnDrop`] guard, moved from the fetch
//! future into the response and then into the body read; whichever holds it
//! when the runner lets go aborts the request, so a timeout or a cancel
//! leaves nothing in flight. Every promise is awaited through a `JsFuture`,
//! which attaches both handlers, so an aborted fetch's rejection is always
//! handled (no "unhandled promise rejection" in the console).

use futures::future::LocalBoxFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCache, RequestInit};

use super::model::Failure;
use super::run::{Clock, Response, Transport};

/// `performance.now()`, or 0 where there is none.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Whether the browser believes it is online (`navigator.onLine`). True
/// outside a window, so nothing is refused by mistake.
pub fn is_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// Spins for `ms` milliseconds without yielding: the loop can run nothing
/// else meanwhile, no timer, no fetch callback, no paint. The browser's
/// `time.sleep()`.
pub fn block_for(ms: f64) -> f64 {
    let start = now();
    let mut spins: u64 = 0;
    while now() - start < ms {
        spins = spins.wrapping_add(1);
    }
    // Returned so the loop is observably used.
    std::hint::black_box(spins);
    now() - start
}

/// The browser's clock and timers.
#[derive(Clone, Copy, Debug, Default)]
pub struct WebClock;

impl Clock for WebClock {
    fn now(&self) -> f64 {
        now()
    }

    fn sleep(&self, ms: u32) -> LocalBoxFuture<'static, ()> {
        Box::pin(gloo_timers::future::TimeoutFuture::new(ms))
    }
}

/// Aborts its controller when dropped, unless the request finished.
struct AbortOnDrop {
    controller: AbortController,
    finished: bool,
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if !self.finished {
            self.controller.abort();
        }
    }
}

/// `fetch`, uncached: each run really goes to the network (the HTTP cache
/// would answer from memory and the lesson would vanish).
#[derive(Clone, Copy, Debug, Default)]
pub struct WebTransport;

/// Turns a rejected fetch into a failure the user can read.
fn network_failure(err: &JsValue) -> Failure {
    if !is_online() {
        return Failure::Offline;
    }
    let message = js_sys::Reflect::get(err, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "the request failed".into());
    Failure::Network(message)
}

impl Transport for WebTransport {
    fn get(&self, url: &str) -> LocalBoxFuture<'static, Result<Box<dyn Response>, Failure>> {
        let url = url.to_string();
        Box::pin(async move {
            if !is_online() {
                return Err(Failure::Offline);
            }
            let window = web_sys::window().ok_or(Failure::Network("no window".into()))?;
            let controller = AbortController::new().map_err(|e| network_failure(&e))?;
            let init = RequestInit::new();
            init.set_method("GET");
            init.set_cache(RequestCache::NoStore);
            init.set_signal(Some(&controller.signal()));
            let mut guard = AbortOnDrop {
                controller,
                finished: false,
            };
            let promise = window.fetch_with_str_and_init(&url, &init);
            let value = JsFuture::from(promise)
                .await
                .map_err(|e| network_failure(&e))?;
            let response: web_sys::Response = value
                .dyn_into()
                .map_err(|_| Failure::Network("fetch returned no response".into()))?;
            let status = response.status();
            if !(200..300).contains(&status) {
                // An error status is the whole answer; the small body left
                // unread is no request in flight.
                guard.finished = true;
            }
            Ok(Box::new(WebResponse {
                response,
                status,
                guard,
            }) as Box<dyn Response>)
        })
    }
}

struct WebResponse {
    response: web_sys::Response,
    status: u16,
    guard: AbortOnDrop,
}

impl Response for WebResponse {
    fn status(&self) -> u16 {
        self.status
    }

    fn text(self: Box<Self>) -> LocalBoxFuture<'static, Result<String, Failure>> {
        Box::pin(async move {
            let WebResponse {
                response,
                mut guard,
                ..
            } = *self;
            let promise = response.text().map_err(|e| network_failure(&e))?;
            let value = JsFuture::from(promise)
                .await
                .map_err(|e| network_failure(&e))?;
            guard.finished = true;
            // A body that is not text (it always is, for text()) reads as
            // empty, which the runner reports as an empty response.
            Ok(value.as_string().unwrap_or_default())
        })
    }
}
