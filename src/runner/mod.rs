//! Runs the user's program off the page thread, so that a program that
//! runs long or forever never freezes the page and can be stopped.
//!
//! The worker is the app's own wasm module started a second time inside a
//! Web Worker (`static/worker.js` imports the same hashed JS and wasm
//! files the page loaded, so nothing is downloaded twice). There
//! [`crate::start`] finds no window and calls [`worker::serve`] instead of
//! mounting the app. The worker records the run and sends the trace in
//! pieces ([`aioscope_core::trace::stream`]) while it records, so the page
//! shows progress, and keeps every frame received when the user stops.
//!
//! Built-in scenarios are small and known to end quickly: they still run on
//! the page thread, which keeps the first frame fast.

pub mod client;
pub mod protocol;
pub mod worker;

pub use client::{Progress, RunEvent, Runner};
