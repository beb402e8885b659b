//! The aioscope web app: a Yew front end over `aioscope-core`.
//!
//! `app` holds the root component; `components` the pieces it is built from.
//! Everything here is UI; the interpreter and the event loop live in the core
//! crate, which has no web dependency.

mod app;
mod components;

pub use app::App;

/// Mounts [`App`] on the document body. Called by `main` when the wasm
/// module starts.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
