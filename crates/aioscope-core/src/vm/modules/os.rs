//! `_os`: the fixed process `os` describes (see `os.py`): its id, its
//! directory, its CPUs, and which paths exist (the program's own file and
//! the directories above it).

use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

use super::sys::CWD;

/// `os.getpid()`.
pub const PID: i64 = 4242;
/// `os.cpu_count()`, as the corpus oracle fixes it.
pub const CPU_COUNT: i64 = 8;

fn getpid(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(PID))
}

fn getppid(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(PID - 1))
}

fn getcwd(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::str(CWD))
}

fn cpu_count(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(CPU_COUNT))
}

/// `_kind(abspath)`: 'file', 'dir' or None.
fn kind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Str(p)) = args.pos.first() else {
        return Ok(Value::None);
    };
    let program = format!("{}/{}", CWD, vm.main_file);
    Ok(if **p == *program {
        Value::str("file")
    } else if **p == *"/"
        || (CWD.starts_with(&**p) && (CWD.len() == p.len() || CWD[p.len()..].starts_with('/')))
    {
        Value::str("dir")
    } else {
        Value::None
    })
}

/// The native `_os` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_os");
    m.set("getpid", native("getpid", getpid));
    m.set("getppid", native("getppid", getppid));
    m.set("getcwd", native("getcwd", getcwd));
    m.set("cpu_count", native("cpu_count", cpu_count));
    m.set("_kind", native("_kind", kind));
    Ok(m)
}
