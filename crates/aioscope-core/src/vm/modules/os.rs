//! `_os`: the fixed process `os` describes (see `os.py`): its id, its
//! directory, its CPUs, and the program file its file system starts with
//! (`_fs.py`).

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

/// `_program()`: the working directory, and the program's file name and
/// source (the one file the run's file system starts with).
fn program(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Tuple(Rc::from(vec![
        Value::str(CWD),
        Value::Str(vm.main_file.clone()),
        Value::Str(vm.main_source.clone()),
    ])))
}

/// The native `_os` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_os");
    m.set("getpid", native("getpid", getpid));
    m.set("getppid", native("getppid", getppid));
    m.set("getcwd", native("getcwd", getcwd));
    m.set("cpu_count", native("cpu_count", cpu_count));
    m.set("_program", native("_program", program));
    Ok(m)
}
