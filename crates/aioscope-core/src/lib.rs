//! The pure core of aioscope: no web dependency, deterministic, builds
//! natively and for `wasm32-unknown-unknown`.
//!
//! Layers, each depending only on the ones before it:
//! `lang` (source → AST → bytecode) → `vm` (objects and the resumable
//! interpreter) → `aio` (the asyncio event loop) → `trace` (frames the UI
//! navigates).
#![warn(missing_docs)]

pub mod aio;
pub mod lang;
pub mod trace;
pub mod vm;
