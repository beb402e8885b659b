//! The Python subset: tokens, syntax tree, parser, scope analysis, bytecode
//! and the compiler that produces it.

pub mod ast;
pub mod bytecode;
pub mod compiler;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod symtable;
pub mod token;

pub use error::{SyntaxError, SyntaxErrorKind};
