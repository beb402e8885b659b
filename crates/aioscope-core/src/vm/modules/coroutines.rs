//! `_coroutines`: what `types.coroutine` and 3.10's `asyncio.coroutine`
//! need from the interpreter: a generator function whose generators are
//! old-style coroutines (CPython's `CO_ITERABLE_COROUTINE` flag).

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::bytecode::Code;
use crate::vm::builtins::native;
use crate::vm::value::{Args, Function, Module, PyResult, Value};
use crate::vm::Vm;

/// `iterable(func)`: `func` itself if its generators already are
/// coroutines, else a copy of it whose body carries the flag (our code
/// objects are immutable, so the copy stands for CPython's in-place
/// `__code__` change; the decorator's result is all a program sees).
fn iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Function(f)) = args.pos.first() else {
        return Err(vm.new_error("TypeError", "iterable() needs a generator function"));
    };
    if !f.code.flags.generator || f.code.flags.coroutine {
        return Err(vm.new_error("TypeError", "iterable() needs a generator function"));
    }
    if f.code.flags.iterable_coroutine {
        return Ok(Value::Function(f.clone()));
    }
    let mut code: Code = (*f.code).clone();
    code.flags.iterable_coroutine = true;
    Ok(Value::Function(crate::vm::heap::tracked(Function {
        code: Rc::new(code),
        globals: f.globals.clone(),
        defaults: f.defaults.clone(),
        kwdefaults: f.kwdefaults.clone(),
        closure: f.closure.clone(),
        name: RefCell::new(f.name.borrow().clone()),
        qualname: RefCell::new(f.qualname.borrow().clone()),
        attrs: RefCell::new(f.attrs.borrow().clone()),
        id: vm.next_id(),
    })))
}

/// `isgeneratorfunction(func)` and `iscoroutinefunction(func)` for
/// Python functions (the library's decorator chooses by them).
fn kind(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::str(match args.pos.first() {
        Some(Value::Function(f)) => match (f.code.flags.coroutine, f.code.flags.generator) {
            (true, true) => "async generator",
            (true, false) => "coroutine",
            (false, true) if f.code.flags.iterable_coroutine => "iterable coroutine",
            (false, true) => "generator",
            (false, false) => "function",
        },
        _ => "other",
    }))
}

/// The `_coroutines` module; `python_minor` tells the library which
/// CPython it stands for.
pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_coroutines");
    m.set("python_minor", Value::Int(vm.python.minor()));
    m.set("iterable", native("iterable", iterable));
    m.set("kind", native("kind", kind));
    Ok(m)
}
