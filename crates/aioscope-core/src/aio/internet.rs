//! The simulated HTTP libraries (`net`, `aiohttp`, `httpx`, `requests`,
//! `yarl`) and `_internet`, the virtual internet they share.
//!
//! They are Python, and there is one copy of each: the files of the
//! conformance corpus (`tests/conformance/`), which the corpus oracle runs
//! under CPython. The simulator compiles the same text under the same
//! file names, so tracebacks and loop states name the same frames.

use super::world::{to_python, World};
use crate::vm::value::{Module, Value};
use crate::vm::Vm;

macro_rules! library {
    ($name:literal, $file:literal) => {
        (
            $name,
            $file,
            include_str!(concat!("../../../../tests/conformance/", $file)),
        )
    };
}

/// (module, file name, source) of every library module.
const LIBRARIES: &[(&str, &str, &str)] = &[
    library!("net", "net.py"),
    library!("_internet", "_internet.py"),
    library!("yarl", "yarl.py"),
    library!("aiohttp", "aiohttp/__init__.py"),
    library!("aiohttp.client_exceptions", "aiohttp/client_exceptions.py"),
    library!("aiohttp.http_exceptions", "aiohttp/http_exceptions.py"),
    library!("aiohttp.web", "aiohttp/web.py"),
    library!("httpx", "httpx/__init__.py"),
    library!("requests", "requests/__init__.py"),
    library!("requests.exceptions", "requests/exceptions.py"),
];

/// Registers the libraries (imported on first use) and the default world.
pub fn install(vm: &mut Vm) {
    for (name, file, source) in LIBRARIES {
        vm.register_source_file(name, file, source);
    }
    set_world(vm, None);
}

/// Gives the virtual internet its world (`None`: the default world), as
/// the module `_world` whose `spec` `_internet.py` reads. Call it before
/// the program runs.
pub fn set_world(vm: &mut Vm, world: Option<&World>) {
    let module = Module::new("_world");
    let spec = world.map_or(Value::None, |w| to_python(&w.to_json()));
    module.set("spec", spec);
    vm.modules.insert("_world".into(), module);
}
