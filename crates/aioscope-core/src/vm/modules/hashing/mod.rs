//! `hashlib`'s algorithms and the module itself.

pub mod digest;
