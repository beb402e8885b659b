//! The building blocks of the page, one component per file.

pub mod chip;
pub mod code;
pub mod compare;
pub mod console;
pub mod controls;
pub mod editor;
pub mod guide;
pub mod header;
pub mod icons;
pub mod internet;
pub mod interrupt;
pub mod keys;
pub mod legacy;
pub mod queues;
pub mod stepper;
pub mod sync;
pub mod tasks;
pub mod timeline;
pub mod travel;
pub mod variables;
