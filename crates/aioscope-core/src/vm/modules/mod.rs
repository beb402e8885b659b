//! The standard library modules of the subset. Small pieces are native;
//! the rest is Python source compiled on first import.

pub mod contextvars;
pub mod enum_;
pub mod inspect;
pub mod os;
pub mod stdlib;
pub mod structseq;
pub mod sys;
pub mod time;
pub mod weakref;

use super::Vm;

/// Registers every standard module with the interpreter (imported lazily).
pub fn register_all(vm: &mut Vm) {
    vm.register_native_module("sys", sys::module);
    vm.register_native_module("_time", time::module);
    vm.register_native_module("_os", os::module);
    vm.register_native_module("_inspect", inspect::module);
    vm.register_native_module("_contextvars", contextvars::module);
    vm.register_native_module("_weakref", weakref::module);
    vm.register_native_module("itertools", stdlib::itertools);
    vm.register_native_module("_collections", stdlib::collections_native);
    vm.register_native_module("enum", enum_::module);
    vm.register_source_module("functools", include_str!("functools.py"));
    vm.register_source_module("collections", include_str!("collections.py"));
    vm.register_source_module("typing", include_str!("typing.py"));
    vm.register_source_module("contextlib", include_str!("contextlib.py"));
    vm.register_source_module("dataclasses", include_str!("dataclasses.py"));
    vm.register_source_module("time", include_str!("time.py"));
    vm.register_source_module("os", include_str!("os.py"));
    vm.register_source_module("posixpath", include_str!("posixpath.py"));
    vm.register_source_module("inspect", include_str!("inspect.py"));
    vm.register_source_module("types", include_str!("types.py"));
    vm.register_source_module("contextvars", include_str!("contextvars.py"));
    vm.register_source_module("logging", include_str!("logging.py"));
    vm.register_source_module("weakref", include_str!("weakref.py"));
    vm.register_source_module("gc", include_str!("gc.py"));
    vm.register_source_module("atexit", include_str!("atexit.py"));
    vm.register_source_module("signal", include_str!("signal.py"));
    vm.register_source_module("datetime", include_str!("datetime.py"));
}
