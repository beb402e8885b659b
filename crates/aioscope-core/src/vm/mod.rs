//! The interpreter: values, frames and a resumable bytecode loop.
//!
//! Python code runs on a *fiber*: a stack of frames that the loop in
//! [`interp`] executes without Rust recursion for Python-to-Python calls.
//! A fiber stops when its bottom frame returns or raises, or when its top
//! frame suspends (an `await` on a pending future, a `yield`, or a native
//! function asking the driver to block the thread). Coroutine frames go
//! back into their coroutine objects when the fiber suspends, so a task is
//! nothing but a coroutine object and can be inspected while paused.

pub mod bigint;
pub mod builtins;
pub mod call;
pub mod classdef;
pub mod codecs;
pub mod containers;
pub mod debug;
pub mod dict;
pub mod encoding;
pub mod exceptions;
pub mod finalizers;
pub mod frame;
pub mod hash;
pub mod heap;
pub mod interp;
pub mod iter;
pub mod keys;
pub mod links;
pub mod matching;
pub mod methods;
pub mod modules;
pub mod namespace;
pub mod ops;
pub mod py310;
pub mod pyfmt;
pub mod report;
pub mod repr;
pub mod set;
pub mod str_format;
pub mod subclass;
pub mod suggestions;
pub mod tb_object;
pub mod traceback;
pub mod types;
pub mod value;
pub mod views;
pub mod warnings;

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::lang::bytecode::Code;
use crate::lang::compiler;
use crate::lang::SyntaxError;

pub use types::Types;
pub use value::{Args, Halt, PyErr, PyResult, Value};

use value::{Attrs, ClassKind, Instance, Module, Payload};

/// Which output stream a write went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Stream {
    /// `sys.stdout`.
    Out,
    /// `sys.stderr`: tracebacks, warnings, asyncio's and `logging`'s messages.
    Err,
}

/// Text written to one stream, stamped with the virtual clock at the write.
/// Consecutive writes to the same stream while the clock has not moved
/// form one record, as the corpus oracle groups them.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OutRecord {
    /// Virtual time of the write.
    pub t: f64,
    /// The stream written to.
    pub stream: Stream,
    /// The text.
    pub text: String,
}

/// A line that started executing, for line stepping and highlighting.
#[derive(Clone, Debug)]
pub struct LineEvent {
    /// The code running.
    pub code: Rc<Code>,
    /// The line.
    pub line: u32,
}

/// Services the layer above the interpreter provides: how blocking calls
/// behave and who owns the clock. Without a host, `time.sleep` simply
/// advances the clock.
pub trait Host {
    /// `time.sleep(seconds)` on the running thread.
    fn sleep(&self, vm: &mut Vm, seconds: f64) -> PyResult<()>;
    /// The program dropped a suspended async generator (CPython's
    /// finalizer hook): an event loop closes it with `aclose()`.
    fn async_generator_dropped(&self, _vm: &mut Vm, _agen: Value) -> PyResult<()> {
        Ok(())
    }
    /// The layer's own state, for its native functions to downcast.
    fn as_any(&self) -> &dyn Any;
    /// The same, as a shared pointer.
    fn into_any(self: Rc<Self>) -> Rc<dyn Any>;
}

/// Limits that keep a user's program from running away with the page.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Instructions a whole run may execute.
    pub instructions: u64,
    /// Python frames alive at once (`RecursionError` past it).
    pub frames: u32,
    /// Nested native→Python calls (each costs Rust stack).
    pub native_depth: u32,
    /// Line events kept between two drains: past it, only the latest
    /// replaces the last kept, so an endless loop inside one step cannot
    /// fill memory with line hits.
    pub line_events: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            instructions: 50_000_000,
            frames: 1000,
            native_depth: 48,
            line_events: 20_000,
        }
    }
}

/// Which CPython a program runs as. 3.11 is the standard; 3.10 runs the
/// old tutorials' programs (`@asyncio.coroutine` still exists there).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PythonVersion {
    /// CPython 3.10.13.
    V3_10,
    /// CPython 3.11.7.
    #[default]
    V3_11,
}

impl PythonVersion {
    /// The minor version number (`sys.version_info[1]`).
    pub fn minor(self) -> i64 {
        match self {
            PythonVersion::V3_10 => 10,
            PythonVersion::V3_11 => 11,
        }
    }

    /// `"3.10"` or `"3.11"` to version (as `--python` takes it).
    pub fn parse(text: &str) -> Option<PythonVersion> {
        match text {
            "3.10" => Some(PythonVersion::V3_10),
            "3.11" => Some(PythonVersion::V3_11),
            _ => None,
        }
    }

    /// `"3.10"` or `"3.11"`.
    pub fn label(self) -> &'static str {
        match self {
            PythonVersion::V3_10 => "3.10",
            PythonVersion::V3_11 => "3.11",
        }
    }
}

/// A native module constructor.
pub type ModuleInit = fn(&mut Vm) -> PyResult<Rc<Module>>;

/// The interpreter state: built-in types, loaded modules, output, clock.
pub struct Vm {
    /// The built-in classes.
    pub types: Types,
    /// The `builtins` module.
    pub builtins: Rc<Module>,
    /// Modules imported so far, by name.
    pub modules: HashMap<Rc<str>, Rc<Module>>,
    native_modules: HashMap<&'static str, ModuleInit>,
    /// Modules written in Python: name → (file name, source). The file
    /// name is what code objects, tracebacks and `__file__` show.
    source_modules: HashMap<&'static str, (&'static str, &'static str)>,
    /// Everything written to stdout and stderr, in write order.
    pub output: Vec<OutRecord>,
    /// The program's lines that tracebacks in `output` name.
    pub links: links::Links,
    /// Source files tracebacks and warnings can quote, by the file name
    /// their code objects carry.
    pub sources: HashMap<Rc<str>, traceback::SourceFile>,
    /// Where CPython keeps the library modules written in Python here
    /// (their `# cpython:` marks are relative to it), by module name;
    /// [`traceback::STDLIB_DIR`] when not set.
    pub library_dirs: HashMap<&'static str, &'static str>,
    /// The virtual clock, in seconds.
    pub clock: f64,
    /// Limits in force.
    pub limits: Limits,
    /// Instructions executed so far.
    pub executed: u64,
    /// Python frames currently alive on all fibers.
    pub(crate) frame_depth: u32,
    /// The call sites of the frames below the running one, outermost
    /// first, across nested runs (see [`interp::CallSite`]).
    pub call_sites: Vec<interp::CallSite>,
    /// What objects that died left to do (see [`finalizers`]).
    pub finalizers: Rc<finalizers::Finalizers>,
    /// Coroutines that died without starting, with the line that created
    /// them (while `trace_lines`), for the trace's warnings.
    pub unawaited: Vec<(Rc<str>, u32)>,
    /// The program has ended and the interpreter is finalizing.
    pub finalizing: bool,
    /// The exception being unwound was re-raised (`raise` alone, the end
    /// of a `finally`): the frame re-raising it adds no traceback entry.
    pub(crate) reraising: bool,
    /// Nested native→Python calls currently active.
    pub(crate) native_depth: u32,
    /// The containers whose `repr()` is being built, by address: one met
    /// again inside itself shows as `[...]`, as CPython's `Py_ReprEnter`.
    pub(crate) repr_active: Vec<usize>,
    next_id: Cell<u64>,
    /// Record [`LineEvent`]s into `lines`.
    pub trace_lines: bool,
    /// The CPython whose behaviour the program gets where versions differ.
    pub python: PythonVersion,
    /// Line events since the host last drained them.
    pub lines: Vec<LineEvent>,
    /// The variables of the frames running the program's lines, recorded
    /// while set (with `trace_lines`); see [`debug`].
    pub debug: Option<Box<debug::LineRecording>>,
    /// The layer above, if any.
    pub host: Option<Rc<dyn Host>>,
    /// Async generators iterated at least once (CPython's first-iteration
    /// hook), for the loop to close at shutdown.
    pub async_generators: Vec<std::rc::Weak<value::Coroutine>>,
    /// The line that started executing last (kept while `trace_lines`).
    pub last_line: u32,
    /// Coroutine objects created, with the line that created them, for the
    /// "never awaited" warning (kept while `trace_lines`).
    pub created_coroutines: Vec<(std::rc::Weak<value::Coroutine>, u32)>,
    /// The program's file name (`sys.argv[0]`, `__main__.__file__`).
    pub main_file: Rc<str>,
    /// The program's source, for `inspect.getsource`.
    pub main_source: Rc<str>,
    /// The exception the caller of the native function running now is
    /// handling (its frame's innermost; frames inherit their caller's).
    pub(crate) exc_hint: Option<Value>,
    /// The running thread's current `contextvars` context (None: an empty
    /// one not made yet).
    pub context: Option<Rc<modules::contextvars::ContextObj>>,
    /// A program used `contextvars`: from then on the loop gives each task
    /// and callback its own copy of the context.
    pub contextvars_used: bool,
    /// The classes of `_contextvars`, once imported.
    pub(crate) contextvars_classes: Option<Rc<dyn Any>>,
    /// The live weak references, for their callbacks.
    pub weakrefs: modules::weakref::Registry,
    /// `sys.get_int_max_str_digits()`: the most decimal digits `int()`
    /// reads and `str()` writes (0: no limit).
    pub int_max_str_digits: usize,
    /// Set (with the line) at the first draw from a random generator the
    /// program never seeded, for the trace to warn about; taken by it.
    pub unseeded_random: Option<u32>,
    /// Whether that first unseeded draw happened already (warn once).
    pub unseeded_random_noted: bool,
    /// Keep [`Vm::call_site`] (an event loop is in debug mode).
    pub track_call_sites: bool,
    /// The Python frame that made the latest call (its code and line),
    /// while `track_call_sites`: where asyncio's debug mode says an object
    /// was created.
    pub call_site: Option<(Rc<Code>, u32)>,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    /// A fresh interpreter with the built-ins and the standard library
    /// modules of the subset registered (not yet imported).
    pub fn new() -> Vm {
        let next_id = Cell::new(1);
        let types = Types::new(&next_id);
        let builtins = Module::new("builtins");
        let mut vm = Vm {
            types,
            builtins,
            modules: HashMap::new(),
            native_modules: HashMap::new(),
            source_modules: HashMap::new(),
            output: Vec::new(),
            links: Default::default(),
            sources: HashMap::new(),
            library_dirs: HashMap::new(),
            clock: 0.0,
            limits: Limits::default(),
            executed: 0,
            frame_depth: 0,
            reraising: false,
            finalizers: Rc::new(finalizers::Finalizers::default()),
            finalizing: false,
            unawaited: Vec::new(),
            call_sites: Vec::new(),
            native_depth: 0,
            repr_active: Vec::new(),
            next_id,
            trace_lines: false,
            python: PythonVersion::default(),
            lines: Vec::new(),
            debug: None,
            host: None,
            async_generators: Vec::new(),
            last_line: 0,
            created_coroutines: Vec::new(),
            main_file: "main.py".into(),
            main_source: "".into(),
            exc_hint: None,
            context: None,
            contextvars_used: false,
            contextvars_classes: None,
            weakrefs: Default::default(),
            int_max_str_digits: bigint::DEFAULT_MAX_STR_DIGITS,
            unseeded_random: None,
            unseeded_random_noted: false,
            track_call_sites: false,
            call_site: None,
        };
        builtins::install(&mut vm);
        methods::install(&mut vm);
        subclass::install(&mut vm);
        modules::register_all(&mut vm);
        vm
    }

    /// A fresh identity number (for `at 0x…` reprs and hashing by identity;
    /// sequential so runs are reproducible).
    pub fn next_id(&self) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
    }

    /// Registers a module implemented in Rust, imported on first use.
    pub fn register_native_module(&mut self, name: &'static str, init: ModuleInit) {
        self.native_modules.insert(name, init);
    }

    /// Registers a module written in Python, compiled on first import
    /// under the file name `<name>`.
    pub fn register_source_module(&mut self, name: &'static str, source: &'static str) {
        self.source_modules.insert(name, ("", source));
    }

    /// Registers a module written in Python whose code shows the file name
    /// `filename` (in tracebacks, `__file__`), as the corpus oracle loads
    /// the same file; a dotted `name` is a submodule of its package.
    pub fn register_source_file(
        &mut self,
        name: &'static str,
        filename: &'static str,
        source: &'static str,
    ) {
        self.source_modules.insert(name, (filename, source));
    }

    /// The source of a module registered with
    /// [`Vm::register_source_file`], by its file name (for the source lines
    /// of tracebacks).
    pub fn library_source(&self, filename: &str) -> Option<&'static str> {
        self.source_modules
            .values()
            .find(|(f, _)| !f.is_empty() && *f == filename)
            .map(|(_, s)| *s)
    }

    /// Appends text to stdout at the current virtual time.
    pub fn write_stdout(&mut self, text: &str) {
        self.write(Stream::Out, text);
    }

    /// Appends text to stderr at the current virtual time: the one door
    /// for tracebacks, warnings, `logging` and asyncio's messages.
    pub fn write_stderr(&mut self, text: &str) {
        self.write(Stream::Err, text);
    }

    /// Appends text to `stream` at the current virtual time.
    pub fn write(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        let from = match self.output.last_mut() {
            Some(last) if last.t == self.clock && last.stream == stream => {
                let from = last.text.len();
                last.text.push_str(text);
                from
            }
            _ => {
                self.output.push(OutRecord {
                    t: self.clock,
                    stream,
                    text: text.to_string(),
                });
                0
            }
        };
        self.scan_links(from);
    }

    /// Everything written to `stream` so far.
    pub fn written(&self, stream: Stream) -> String {
        self.output
            .iter()
            .filter(|r| r.stream == stream)
            .map(|r| r.text.as_str())
            .collect()
    }

    /// The names CPython's `__main__` starts with, in its order (what
    /// `globals()` and `dir()` show): no package, spec or cache, an empty
    /// `__annotations__`, the builtins, and the program's path as it was
    /// given (the corpus runs programs by their bare file name).
    fn main_module_names(&mut self, module: &Rc<Module>, filename: &str) {
        module.set("__package__", Value::None);
        // The loader takes no identity numbers from the run's sequence:
        // they decide the order of sets of tasks, as addresses do in CPython.
        let loader = types::new_class(
            &Cell::new(0),
            "SourceFileLoader",
            "_frozen_importlib_external",
            vec![self.types.object.clone()],
            ClassKind::Plain,
            Attrs::default(),
        );
        if let Some(loader) = loader {
            let instance = Instance::new(loader, Payload::None, 0);
            module.set("__loader__", Value::Instance(heap::tracked(instance)));
        }
        module.set("__spec__", Value::None);
        let annotations = heap::tracked(RefCell::new(dict::Dict::new()));
        module.set("__annotations__", Value::Dict(annotations));
        module.set("__builtins__", Value::Module(self.builtins.clone()));
        module.set("__file__", Value::str(filename));
        module.set("__cached__", Value::None);
    }

    /// Compiles `source` as module `__main__` and runs it to the end (or to
    /// the first uncaught exception).
    pub fn run_main(&mut self, source: &str, filename: &str) -> Result<(), RunError> {
        self.add_source(filename, source.into(), None, "__main__");
        self.main_file = filename.into();
        self.main_source = source.into();
        let dialect = compiler::Dialect {
            decorators_at_definition: self.python == PythonVersion::V3_10,
        };
        let code =
            compiler::compile_source_as(source, filename, dialect).map_err(RunError::Syntax)?;
        let module = Module::new("__main__");
        self.main_module_names(&module, filename);
        self.modules.insert("__main__".into(), module.clone());
        match self.run_code(code, module) {
            Ok(_) => Ok(()),
            Err(PyErr::Exception(e)) => Err(RunError::Exception(e)),
            Err(PyErr::Halt(h)) => Err(RunError::Halt(h)),
            Err(PyErr::Suspend(_)) => Err(RunError::Halt(Halt::Internal(
                "the main program suspended outside a driver".into(),
            ))),
        }
    }

    /// Whether `name` is a module that is loaded or can be loaded.
    pub fn knows_module(&self, name: &str) -> bool {
        self.modules.contains_key(name)
            || self.native_modules.contains_key(name)
            || self.source_modules.contains_key(name)
    }

    /// Imports a module by dotted name, loading it on first use.
    pub fn import(&mut self, name: &str) -> PyResult<Rc<Module>> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let m = self.load_module(name)?;
        modules::sys::note_import(self, name, &m);
        // A submodule becomes an attribute of its package (`import
        // concurrent.futures` then reads `concurrent.futures`).
        if let Some((parent, leaf)) = name.rsplit_once('.') {
            if let Some(p) = self.modules.get(parent) {
                p.set(leaf, Value::Module(m.clone()));
            }
        }
        Ok(m)
    }

    fn load_module(&mut self, name: &str) -> PyResult<Rc<Module>> {
        if name == "builtins" {
            let m = self.builtins.clone();
            self.modules.insert(name.into(), m.clone());
            return Ok(m);
        }
        if let Some(init) = self.native_modules.get(name).copied() {
            let m = init(self)?;
            self.modules.insert(name.into(), m.clone());
            return Ok(m);
        }
        if let Some((&name, &(filename, source))) = self.source_modules.get_key_value(name) {
            let code = compiled_module(name, filename, source).map_err(|e| {
                self.new_error(
                    "SyntaxError",
                    &format!("in built-in module {}: {}", name, e),
                )
            })?;
            // A module compiled as `<name>` is our own library: its lines
            // show as the CPython lines they mark. One compiled under a file
            // name is the very file the oracle runs, shown as it is.
            let dir = filename.is_empty().then(|| {
                self.library_dirs
                    .get(name)
                    .copied()
                    .unwrap_or(traceback::STDLIB_DIR)
            });
            self.add_source(&code.filename.clone(), source.into(), dir, name);
            let module = Module::new(name);
            if !filename.is_empty() {
                module.set("__file__", Value::str(filename));
            }
            self.modules.insert(name.into(), module.clone());
            if let Err(e) = self.run_code(code, module.clone()) {
                self.modules.remove(name);
                return Err(e);
            }
            // A submodule becomes an attribute of its package, as CPython's
            // import system does (`aiohttp.client_exceptions.ClientError`).
            if let Some((parent, leaf)) = name.rsplit_once('.') {
                if let Some(p) = self.modules.get(parent) {
                    p.set(leaf, Value::Module(module.clone()));
                }
            }
            return Ok(module);
        }
        // A module its package sets as an attribute (`os.path`).
        if let Some((parent, leaf)) = name.rsplit_once('.') {
            if let Some(Value::Module(m)) = self.modules.get(parent).and_then(|p| p.get(leaf)) {
                self.modules.insert(name.into(), m.clone());
                return Ok(m);
            }
        }
        // A standard-library module the simulator does not have yet.
        let root = name.split('.').next().unwrap_or(name);
        if modules::stdlib_names::is_stdlib_module(root) {
            return Err(self.new_error(
                "NotImplementedError",
                &format!("module '{}' is not supported yet", name),
            ));
        }
        Err(self.new_error(
            "ModuleNotFoundError",
            &format!("No module named '{}'", name),
        ))
    }

    /// The exception being handled where the running native function was
    /// called from (`sys.exc_info()`), if any.
    pub fn handled_exception(&self) -> Option<Value> {
        self.exc_hint.clone()
    }

    /// Raises an int operation's error.
    pub fn int_error(&mut self, e: bigint::IntError) -> PyErr {
        if e.message.is_empty() {
            return self.new_error_args(e.type_name, vec![]);
        }
        self.new_error(e.type_name, &e.message)
    }

    /// `str()` of an int, with CPython's limit on decimal digits.
    pub fn int_text(&mut self, v: bigint::Int<'_>) -> PyResult<String> {
        bigint::to_decimal(v, self.int_max_str_digits).map_err(|e| self.int_error(e))
    }
}

/// Why a whole program stopped with an error.
#[derive(Debug)]
pub enum RunError {
    /// The source does not compile.
    Syntax(SyntaxError),
    /// An exception escaped the program.
    Exception(Value),
    /// The run was halted (budget, limits, stop).
    Halt(Halt),
}

thread_local! {
    /// Built-in modules compiled on this thread, by name and source. Their
    /// code never changes and is immutable once built, so every run (each
    /// scenario, each prediction, each side-by-side pair) can share one
    /// compilation instead of lexing, parsing and compiling asyncio.py again.
    static COMPILED: std::cell::RefCell<HashMap<(&'static str, usize), Rc<Code>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// The code of built-in module `name`, compiled once per thread (under
/// `filename`, or `<name>` when it is empty).
fn compiled_module(
    name: &'static str,
    filename: &'static str,
    source: &'static str,
) -> Result<Rc<Code>, SyntaxError> {
    // Keyed by the source's address too: a test may register another
    // source under a built-in's name.
    let key = (name, source.as_ptr() as usize);
    if let Some(code) = COMPILED.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(code);
    }
    let code = if filename.is_empty() {
        compiler::compile_source(source, &format!("<{}>", name))?
    } else {
        compiler::compile_source(source, filename)?
    };
    COMPILED.with(|c| c.borrow_mut().insert(key, code.clone()));
    Ok(code)
}

#[cfg(test)]
mod tests;
