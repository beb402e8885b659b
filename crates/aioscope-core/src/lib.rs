//! The pure core of aioscope: no web dependency, deterministic, builds
//! natively and for `wasm32-unknown-unknown`.
//!
//! Layers, each depending only on the ones before it:
//! `lang` (source → AST → bytecode) → `vm` (objects and the resumable
//! interpreter) → `aio` (the asyncio event loop) → `trace` (frames the UI
//! navigates) → `run` (the one door: check and run a program).
//!
//! Callers outside the core use [`run`] and [`trace`] only.
#![warn(missing_docs)]

pub mod aio;
pub mod lang;
pub mod run;
pub mod trace;
pub mod vm;
