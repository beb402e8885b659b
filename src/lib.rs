//! The aioscope web app: a Yew front end over `aioscope-core`.
//!
//! `app` holds the root component; `components` the panels it is built
//! from; `model` the stepping state and its reducer; `analysis` what is
//! derived from a trace once (breakpoint events, warnings, the timeline).
//! Everything here is UI; the interpreter and the event loop live in the
//! core crate, which has no web dependency.

pub mod analysis;
pub mod ansi;
mod app;
pub mod components;
mod crash;
mod dom;
pub mod downloader;
pub mod editing;
pub mod highlight;
pub mod i18n;
pub mod internet;
pub mod legacy;
pub mod link;
pub mod lz;
pub mod model;
pub mod modernise;
pub mod runner;
pub mod saved;
pub mod scenarios;
pub mod svg_export;
pub mod term;
pub mod util;

pub use app::{check_code, run_code, run_scenario, App};

/// Mounts [`App`] on the document body. Called by `main` when the wasm
/// module starts; inside the runner's Web Worker (the same module, started
/// again) it serves jobs instead.
pub fn start() {
    if runner::worker::serve() {
        return;
    }
    crash::install();
    yew::Renderer::<App>::new().render();
}
