//! Execution frames. A frame is plain data (code, position, value stack,
//! variables, block stack), so a coroutine can keep its frame while
//! suspended and the debugger can read where every task is.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::bytecode::Code;

use super::value::{Attrs, CellRef, Coroutine, Module, Value};

/// A `try` handler on the block stack.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    /// Where to jump with the exception.
    pub handler: u32,
    /// Stack height to cut back to.
    pub level: u32,
    /// How many exceptions were being handled when the block was pushed.
    pub handling: u32,
}

/// What happens to a frame's return value in its caller.
#[derive(Clone, Debug)]
pub enum OnReturn {
    /// Pushed onto the caller's stack.
    Push,
    /// `__init__` of a new instance: the value must be `None`; the instance
    /// is pushed instead.
    Init(Value),
    /// Discarded.
    Discard,
}

/// One activation of a code object.
pub struct Frame {
    /// The code being run.
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub pc: usize,
    /// The value stack.
    pub stack: Vec<Value>,
    /// Fast locals (`None` when unbound).
    pub locals: Vec<Option<Value>>,
    /// Own cells then free cells, in `code.cellnames` order.
    pub cells: Vec<CellRef>,
    /// The module whose globals this frame reads.
    pub globals: Rc<Module>,
    /// The namespace of a class body (`None` for functions and modules).
    pub namespace: Option<Rc<RefCell<Attrs>>>,
    /// The `try` handlers in effect.
    pub blocks: Vec<Block>,
    /// Exceptions being handled (innermost last), for `raise` and
    /// `__context__`.
    pub handling: Vec<Value>,
    /// The coroutine or generator this frame belongs to.
    pub owner: Option<Rc<Coroutine>>,
    /// What the caller does with the return value.
    pub on_return: OnReturn,
    /// On resumption, the result of the `await` comes from this future
    /// rather than from the sent value.
    pub awaited: Option<Value>,
    /// The line last reported to the tracer.
    pub last_line: u32,
    /// While lines are recorded with their variables ([`super::Vm::debug`]):
    /// the index of this frame's current line hit among the program's,
    /// plus one (0: none, or a frame of another file).
    pub hit: u32,
    /// The same of the frame that called or awaited this one, when it
    /// entered (0: none known).
    pub caller_hit: u32,
    /// Where the frame's variables go when it ends while a traceback
    /// refers to it (CPython's frame object, which then owns them): made
    /// by the first traceback entry for this frame, shared by all.
    pub kept: Option<Rc<RefCell<crate::vm::value::FrameLocals>>>,
}

impl Frame {
    /// The line of the instruction about to run (or that just ran, when the
    /// frame is suspended after it).
    pub fn current_line(&self) -> u32 {
        if self.pc == 0 {
            self.code.first_line
        } else {
            self.code.line_at(self.pc - 1)
        }
    }

    /// A fresh frame for `code` with empty variables.
    pub fn new(code: Rc<Code>, globals: Rc<Module>) -> Frame {
        let nlocals = code.varnames.len();
        let ncells = code.cellnames.len();
        Frame {
            pc: 0,
            stack: Vec::with_capacity(8),
            locals: vec![None; nlocals],
            cells: (0..ncells)
                .map(|_| crate::vm::heap::tracked(RefCell::new(None)))
                .collect(),
            globals,
            namespace: None,
            blocks: Vec::new(),
            handling: Vec::new(),
            owner: None,
            on_return: OnReturn::Push,
            awaited: None,
            last_line: 0,
            hit: 0,
            caller_hit: 0,
            kept: None,
            code,
        }
    }
}
