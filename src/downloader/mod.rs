//! The real flag downloader: the tutorial's `flags` programs run for real
//! on the browser's own event loop, beside the simulator's prediction of
//! the same run.
//!
//! The browser's loop is asyncio's cousin: Rust futures driven by
//! `wasm-bindgen-futures` are resumed by the same loop that runs timers and
//! paints. So the lessons carry over exactly: requests overlap while their
//! tasks wait, a semaphore bounds how many are out at once, and a
//! synchronous busy loop freezes everything (the spinner stops).
//!
//! Pure logic, testable natively (`cargo test`), is kept apart from the
//! browser glue:
//! - `semaphore`, `cancel`: the two synchronisation pieces;
//! - `model`: each flag's state machine, its outcome, the counts;
//! - `run`: the downloader over abstract network and clock traits;
//! - `metadata`: a panic-free reader for `metadata.json`;
//! - `predict`: the simulator's program for the same parameters, run on
//!   the page's virtual internet, and its timeline read back from the
//!   trace;
//! - `fake`: a scripted network and a manual clock, for tests only (the
//!   browser tests include the same file; the app's build has none of it).
//!
//! The browser side: `web` (fetch with `AbortController`,
//! `performance.now()`, gloo timers) and `panel` / `timeline` (the Yew
//! components). [`DownloaderPanel`] is the one component to mount.

pub mod cancel;
#[cfg(test)]
pub mod fake;
pub mod metadata;
pub mod model;
mod panel;
pub mod predict;
pub mod replay;
pub mod run;
pub mod semaphore;
mod spinner;
#[cfg(test)]
mod testing;
mod timeline;
pub mod web;

pub use panel::DownloaderPanel;

/// The tutorial's 20 countries, most populous first, as `static/flags/`
/// has them.
pub const COUNTRIES: [&str; 20] = [
    "CN", "IN", "US", "ID", "BR", "PK", "NG", "BD", "RU", "JP", "MX", "PH", "VN", "ET", "EG", "DE",
    "IR", "TR", "CD", "FR",
];
