//! The standard library modules of the subset. Small pieces are native;
//! the rest is Python source compiled on first import.

pub mod base64;
pub mod contextvars;
pub mod copying;
pub mod coroutines;
pub mod hashing;
pub mod inspect;
pub mod json;
pub mod math;
pub mod os;
pub mod random;
pub mod re;
pub mod stdlib;
pub mod stdlib_names;
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
    vm.register_native_module("_collections", stdlib::collections_native);
    vm.register_native_module("math", math::module);
    vm.register_native_module("hashlib", hashing::module);
    vm.register_native_module("_re", re::module);
    vm.register_native_module("_copy", copying::module);
    vm.register_native_module("_coroutines", coroutines::module);
    vm.register_source_module("copy", include_str!("copy.py"));
    vm.register_source_module("textwrap", include_str!("textwrap.py"));
    vm.register_source_module("http", include_str!("http.py"));
    vm.register_source_module("argparse", include_str!("argparse.py"));
    vm.register_source_module("statistics", include_str!("statistics.py"));
    vm.register_source_module("pprint", include_str!("pprint.py"));
    vm.register_source_module("re", include_str!("re.py"));
    vm.register_native_module("_base64", base64::module);
    vm.register_source_module("base64", include_str!("base64.py"));
    vm.register_native_module("_json", json::module);
    vm.register_source_module("json", include_str!("json.py"));
    vm.register_source_module("io", include_str!("io.py"));
    vm.register_source_module("heapq", include_str!("heapq.py"));
    vm.register_source_module("bisect", include_str!("bisect.py"));
    vm.register_source_module("operator", include_str!("operator.py"));
    vm.register_source_module("string", include_str!("string.py"));
    vm.register_source_module("itertools", include_str!("itertools.py"));
    vm.register_native_module("_random", random::module);
    vm.register_source_module("random", include_str!("random.py"));
    vm.register_source_module("functools", include_str!("functools.py"));
    vm.register_source_module("collections", include_str!("collections.py"));
    vm.register_source_module("typing", include_str!("typing.py"));
    vm.register_source_module("contextlib", include_str!("contextlib.py"));
    vm.register_source_module("dataclasses", include_str!("dataclasses.py"));
    vm.register_source_module("_typeforms", include_str!("_typeforms.py"));
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
    vm.register_source_module("_anext", include_str!("_anext.py"));
    vm.register_source_module("__future__", include_str!("__future__.py"));
    vm.register_source_module("abc", include_str!("abc.py"));
    vm.register_source_module("enum", include_str!("enum.py"));
}
