//! The `sys` module, with the values of the CPython 3.11.7 that the
//! corpus was recorded with (on Linux), fixed so that a run is the same
//! everywhere: `version`, `version_info`, `platform`, `executable`,
//! `path`. `argv` is `[the program's file name]`; the streams write to
//! the run's stdout and stderr, stamped with the virtual clock.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::builtins::{arity, int_arg, native};
use crate::vm::dict::Dict;
use crate::vm::methods::def;
use crate::vm::types::new_class;
use crate::vm::value::{Args, Attrs, Class, ClassKind, Module, NativeObject, PyResult, Value};
use crate::vm::Vm;

/// `sys.version` of the reference interpreter.
pub const VERSION: &str = "3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]";
/// `sys.hexversion` of 3.11.7 final.
pub const HEXVERSION: i64 = 0x030B07F0;
/// `sys.executable` (Debian's layout, as the corpus prints library paths).
pub const EXECUTABLE: &str = "/usr/bin/python3";
/// The directory the program runs in (`os.getcwd()`, `sys.path[0]`).
pub const CWD: &str = "/home/user";

/// Which standard stream.
#[derive(Clone, Copy, PartialEq, Eq)]
enum StreamKind {
    In,
    Out,
    Err,
}

/// `sys.stdin`, `sys.stdout`, `sys.stderr`: writes go to the run's output,
/// stamped with the virtual clock; the program has no input.
pub struct Stream {
    kind: StreamKind,
    class: Rc<Class>,
}

impl Stream {
    fn name(&self) -> &'static str {
        match self.kind {
            StreamKind::In => "<stdin>",
            StreamKind::Out => "<stdout>",
            StreamKind::Err => "<stderr>",
        }
    }
}

impl NativeObject for Stream {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "TextIOWrapper"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        let mode = if self.kind == StreamKind::In {
            "r"
        } else {
            "w"
        };
        Ok(format!(
            "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
            self.name(),
            mode
        ))
    }
    fn get_attr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "name" => Some(Ok(Value::str(self.name()))),
            "mode" => Some(Ok(Value::str(if self.kind == StreamKind::In {
                "r"
            } else {
                "w"
            }))),
            "encoding" => Some(Ok(Value::str("utf-8"))),
            "errors" => Some(Ok(Value::str(if self.kind == StreamKind::Err {
                "backslashreplace"
            } else {
                "strict"
            }))),
            "closed" | "line_buffering" => Some(Ok(Value::Bool(false))),
            _ => None,
        }
    }
}

fn stream_of<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Stream> {
    match args.pos.first().and_then(|v| v.downcast::<Stream>()) {
        Some(s) => Ok(s),
        None => Err(vm.new_error("TypeError", "a stream method needs its stream")),
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kind = stream_of(vm, &args)?.kind;
    let text = match args.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(vm.new_error(
                "TypeError",
                &format!("write() argument must be str, not {}", other.type_name()),
            ))
        }
        None => {
            return Err(vm.new_error("TypeError", "write() takes exactly one argument (0 given)"))
        }
    };
    match kind {
        StreamKind::Out => vm.write_stdout(&text),
        StreamKind::Err => vm.write_stderr(&text),
        StreamKind::In => return Err(vm.new_error("OSError", "not writable")),
    }
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lines = args.pos.get(1).cloned().unwrap_or(Value::None);
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    for line in vm.collect(&lines)? {
        stream_write(vm, Args::new(vec![this.clone(), line]))?;
    }
    Ok(Value::None)
}

fn stream_flush(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn stream_false(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn stream_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(stream_of(vm, &args)?.kind != StreamKind::In))
}

fn stream_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(stream_of(vm, &args)?.kind == StreamKind::In))
}

fn stream_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(match stream_of(vm, &args)?.kind {
        StreamKind::In => 0,
        StreamKind::Out => 1,
        StreamKind::Err => 2,
    }))
}

fn stream_read(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.new_error(
        "NotImplementedError",
        "reading from stdin is not supported yet",
    ))
}

/// `sys.exit([arg])`: raises `SystemExit(arg)`; the top level prints a
/// message that is not an int (see `run`).
fn sys_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        let msg = format!("exit expected at most 1 argument, got {}", args.pos.len());
        return Err(vm.new_error("TypeError", &msg));
    }
    Err(vm.new_error_args("SystemExit", args.pos))
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.limits.frames as i64))
}

fn sys_get_int_max_str_digits(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.int_max_str_digits as i64))
}

fn sys_set_int_max_str_digits(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let n = match args
        .take_kw("maxdigits")
        .or_else(|| args.pos.first().cloned())
    {
        Some(v) => int_arg(vm, &v)?,
        None => {
            return Err(vm.new_error(
                "TypeError",
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
    };
    if n != 0 && n < 640 {
        return Err(vm.new_error("ValueError", "maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

/// Frames are on the heap, so a high limit costs no native stack; it is
/// capped to keep a runaway recursion's memory bounded.
const MAX_RECURSION_LIMIT: i64 = 100_000;

fn sys_setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "setrecursionlimit")?;
    let n = match &args.pos[0] {
        Value::Float(_) => {
            return Err(vm.new_error(
                "TypeError",
                "'float' object cannot be interpreted as an integer",
            ))
        }
        v => int_arg(vm, v)?,
    };
    if n < 1 {
        return Err(vm.new_error(
            "ValueError",
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.frame_depth as i64;
    if n <= depth {
        let msg = format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n, depth
        );
        return Err(vm.new_error("RecursionError", &msg));
    }
    vm.limits.frames = n.min(MAX_RECURSION_LIMIT) as u32;
    Ok(Value::None)
}

fn sys_intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "intern")?;
    match &args.pos[0] {
        v @ Value::Str(_) => Ok(v.clone()),
        other => {
            let msg = format!("intern() argument must be str, not {}", other.type_name());
            Err(vm.new_error("TypeError", &msg))
        }
    }
}

fn sys_utf8(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

fn sys_switchinterval(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(0.005))
}

/// `sys.exc_info()`: the exception being handled where it is called.
fn sys_exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(match vm.handled_exception() {
        Some(e) => {
            let class = Value::Class(vm.types.class_of(vm, &e));
            let tb = vm.traceback_of(&e);
            Value::tuple(vec![class, e, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// `sys.exception()` (3.11): the exception being handled, or None.
fn sys_exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.handled_exception().unwrap_or(Value::None))
}

/// `sys.implementation`: a namespace as CPython's.
struct Implementation {
    version: Value,
    class: Rc<Class>,
}

impl NativeObject for Implementation {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "SimpleNamespace"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let v = vm.repr(&self.version)?;
        Ok(format!(
            "namespace(name='cpython', cache_tag='cpython-311', version={}, hexversion={}, _multiarch='x86_64-linux-gnu')",
            v, HEXVERSION
        ))
    }
    fn get_attr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "name" => Value::str("cpython"),
            "cache_tag" => Value::str("cpython-311"),
            "version" => self.version.clone(),
            "hexversion" => Value::Int(HEXVERSION),
            "_multiarch" => Value::str("x86_64-linux-gnu"),
            _ => return None,
        }))
    }
}

fn builtin_class(vm: &Vm, name: &str, module: &str) -> Rc<Class> {
    let ids = std::cell::Cell::new(vm.next_id());
    new_class(
        &ids,
        name,
        module,
        vec![],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .expect("no bases")
}

/// The `sys` module.
pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("sys");
    let class = builtin_class(vm, "TextIOWrapper", "_io");
    def(&class, "write", stream_write);
    def(&class, "writelines", stream_writelines);
    def(&class, "flush", stream_flush);
    def(&class, "isatty", stream_false);
    def(&class, "writable", stream_writable);
    def(&class, "readable", stream_readable);
    def(&class, "seekable", stream_false);
    def(&class, "fileno", stream_fileno);
    def(&class, "read", stream_read);
    def(&class, "readline", stream_read);
    def(&class, "readlines", stream_read);
    for (name, kind) in [
        ("stdin", StreamKind::In),
        ("stdout", StreamKind::Out),
        ("stderr", StreamKind::Err),
    ] {
        let s = Value::Object(Rc::new(Stream {
            kind,
            class: class.clone(),
        }));
        m.set(name, s.clone());
        m.set(&format!("__{}__", name), s);
    }
    let main = Value::Str(vm.main_file.clone());
    m.set("argv", Value::list(vec![main]));
    m.set(
        "orig_argv",
        Value::list(vec![
            Value::str("python3"),
            Value::Str(vm.main_file.clone()),
        ]),
    );
    m.set("version", Value::str(VERSION));
    m.set("hexversion", Value::Int(HEXVERSION));
    m.set("api_version", Value::Int(1013));
    let vi = super::structseq::class(
        vm,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        5,
    )?;
    let version_info = super::structseq::instance(
        &vi,
        vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ],
        vec![],
        vm.next_id(),
    );
    m.set("version_info", version_info.clone());
    let fi = super::structseq::class(
        vm,
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        11,
    )?;
    let float_info = super::structseq::instance(
        &fi,
        vec![
            Value::Float(f64::MAX),
            Value::Int(1024),
            Value::Int(308),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(-1021),
            Value::Int(-307),
            Value::Int(15),
            Value::Int(53),
            Value::Float(f64::EPSILON),
            Value::Int(2),
            Value::Int(1),
        ],
        vec![],
        vm.next_id(),
    );
    m.set("float_info", float_info);
    let ns_class = builtin_class(vm, "SimpleNamespace", "types");
    m.set(
        "implementation",
        Value::Object(Rc::new(Implementation {
            version: version_info,
            class: ns_class,
        })),
    );
    m.set("platform", Value::str("linux"));
    m.set("byteorder", Value::str("little"));
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("maxunicode", Value::Int(0x10FFFF));
    m.set("executable", Value::str(EXECUTABLE));
    m.set("_base_executable", Value::str(EXECUTABLE));
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        m.set(name, Value::str("/usr"));
    }
    m.set(
        "path",
        Value::list(
            [
                CWD,
                "/usr/lib/python311.zip",
                "/usr/lib/python3.11",
                "/usr/lib/python3.11/lib-dynload",
            ]
            .iter()
            .map(|p| Value::str(p))
            .collect(),
        ),
    );
    m.set(
        "builtin_module_names",
        Value::tuple(
            ["builtins", "sys", "time", "itertools", "_collections"]
                .iter()
                .map(|p| Value::str(p))
                .collect(),
        ),
    );
    let mut modules = Dict::new();
    let mut loaded: Vec<(Rc<str>, Rc<Module>)> = vm
        .modules
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    loaded.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, module) in std::iter::once(("builtins".into(), vm.builtins.clone()))
        .chain(std::iter::once(("sys".into(), m.clone())))
        .chain(loaded)
    {
        let k = vm.key(Value::Str(name))?;
        modules.insert(k, Value::Module(module));
    }
    m.set(
        "modules",
        Value::Dict(crate::vm::heap::tracked(RefCell::new(modules))),
    );
    let funcs: &[(&str, crate::vm::value::NativeImpl)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("intern", sys_intern),
        ("getdefaultencoding", sys_utf8),
        ("getfilesystemencoding", sys_utf8),
        ("getswitchinterval", sys_switchinterval),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
    ];
    for (name, f) in funcs {
        m.set(name, native(name, *f));
    }
    Ok(m)
}

/// Records a newly imported module in `sys.modules`, once `sys` exists.
pub fn note_import(vm: &mut Vm, name: &str, module: &Rc<Module>) {
    let Some(Value::Dict(d)) = vm.modules.get("sys").and_then(|s| s.get("modules")) else {
        return;
    };
    if let Ok(k) = vm.key(Value::str(name)) {
        d.borrow_mut().insert(k, Value::Module(module.clone()));
    }
}
