//! The simulated HTTP libraries (`net`, `aiohttp`, `httpx`, `requests`,
//! `yarl`) and `_internet`, the virtual internet they share; and
//! `aiofiles`, with which their downloaders save what they fetch.
//!
//! They are Python, and there is one copy of each: the files of the
//! conformance corpus (`tests/conformance/`), which the corpus oracle runs
//! under CPython. The simulator compiles the same text under the same
//! file names, so tracebacks and loop states name the same frames.

use super::host::aio;
use super::world::{to_python, World};
use crate::vm::builtins::native;
use crate::vm::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

/// One exchange the virtual internet answered: what the trace records so
/// the page can show the hosts and URLs a program used.
#[derive(Clone, Debug, PartialEq)]
pub struct Exchange {
    /// `GET`, `POST`...
    pub method: String,
    /// The URL asked for.
    pub url: String,
    /// Its host as the world names it (`flags.test`, `localhost:8001`).
    pub host: String,
    /// The answer's status (when it did not fail).
    pub status: Option<u16>,
    /// The failure instead (`refused`, `reset`, `dns`, `timeout`).
    pub failure: Option<String>,
    /// Seconds from the request to the whole answer (or the failure).
    pub seconds: f64,
}

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
    library!("_streams", "_streams.py"),
    library!("aiohttp", "aiohttp/__init__.py"),
    library!("aiohttp.client_exceptions", "aiohttp/client_exceptions.py"),
    library!("aiohttp.http_exceptions", "aiohttp/http_exceptions.py"),
    library!("aiohttp.web", "aiohttp/web.py"),
    library!("httpx", "httpx/__init__.py"),
    library!("requests", "requests/__init__.py"),
    library!("requests.exceptions", "requests/exceptions.py"),
    library!("aiofiles", "aiofiles/__init__.py"),
    library!("aiofiles.os", "aiofiles/os.py"),
    library!("aiofiles.ospath", "aiofiles/ospath.py"),
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
    module.set("note", native("note", note));
    vm.modules.insert("_world".into(), module);
}

/// `_world.note(method, url, host, status, failure, seconds)`: the
/// virtual internet answered an exchange (see `_internet.exchange`).
fn note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let text = |v: Option<&Value>| match v {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    let failure = match args.pos.get(4) {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let exchange = Exchange {
        method: text(args.pos.first()),
        url: text(args.pos.get(1)),
        host: text(args.pos.get(2)),
        status: match (args.pos.get(3), &failure) {
            (Some(Value::Int(n)), None) => u16::try_from(*n).ok(),
            _ => None,
        },
        failure,
        seconds: match args.pos.get(5) {
            Some(Value::Float(x)) => *x,
            Some(Value::Int(n)) => *n as f64,
            _ => 0.0,
        },
    };
    aio(vm).observe(|o| o.exchange(&exchange));
    Ok(Value::None)
}
