//! The building blocks of the page, one component per file.

pub mod header;
pub mod placeholder;
