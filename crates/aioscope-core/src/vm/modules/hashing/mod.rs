//! `hashlib`: md5, sha1, sha256 and sha512 objects as CPython's
//! (`update`, `digest`, `hexdigest`, `copy`, `name`, sizes), and
//! `hashlib.new`.

pub mod digest;

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::methods::def;
use crate::vm::types::new_class;
use crate::vm::value::{Args, Attrs, Class, ClassKind, Module, NativeObject, PyResult, Value};
use crate::vm::Vm;

use digest::{Algorithm, Hasher};

/// A hash object: the running state of one algorithm.
pub struct HashObject {
    hasher: RefCell<Hasher>,
    class: Rc<Class>,
}

impl NativeObject for HashObject {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "HASH"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        Ok(format!(
            "<{} _hashlib.HASH object @ {:#x}>",
            self.hasher.borrow().algorithm().name(),
            0x7f00_0000_0000u64 + vm.next_id() * 16
        ))
    }
    fn get_attr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let alg = self.hasher.borrow().algorithm();
        match name {
            "name" => Some(Ok(Value::str(alg.name()))),
            "digest_size" => Some(Ok(Value::Int(alg.digest_size() as i64))),
            "block_size" => Some(Ok(Value::Int(alg.block_size() as i64))),
            _ => None,
        }
    }
}

fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a HashObject> {
    match args.pos.first().and_then(|v| v.downcast::<HashObject>()) {
        Some(h) => Ok(h),
        None => Err(vm.new_error("TypeError", "a HASH method needs its hash object")),
    }
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Rc<[u8]>> {
    match v {
        Value::Bytes(b) => Ok(b.clone()),
        Value::Str(_) => Err(vm.new_error("TypeError", "Strings must be encoded before hashing")),
        other => Err(vm.new_error(
            "TypeError",
            &format!(
                "object supporting the buffer API required, not '{}'",
                other.type_name()
            ),
        )),
    }
}

fn hash_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args)?;
    let Some(v) = args.pos.get(1) else {
        return Err(vm.new_error(
            "TypeError",
            "HASH.update() takes exactly one argument (0 given)",
        ));
    };
    let data = data_arg(vm, v)?;
    h.hasher.borrow_mut().update(&data);
    Ok(Value::None)
}

fn hash_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args)?;
    Ok(Value::Bytes(h.hasher.borrow().finish().into()))
}

fn hash_hexdigest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args)?;
    let hex: String = h
        .hasher
        .borrow()
        .finish()
        .iter()
        .map(|b| format!("{:02x}", b))
        .collect();
    Ok(Value::str(&hex))
}

fn hash_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args)?;
    Ok(Value::Object(Rc::new(HashObject {
        hasher: RefCell::new(h.hasher.borrow().clone()),
        class: h.class.clone(),
    })))
}

/// Makes a hash object of `alg` fed with the optional first argument (or
/// `data=`/`string=`).
fn make(vm: &mut Vm, alg: Algorithm, mut args: Args, skip: usize) -> PyResult<Value> {
    let data = args
        .take_kw("data")
        .or_else(|| args.take_kw("string"))
        .or_else(|| args.pos.get(skip).cloned());
    args.take_kw("usedforsecurity");
    let mut hasher = Hasher::new(alg);
    if let Some(v) = data {
        let bytes = data_arg(vm, &v)?;
        hasher.update(&bytes);
    }
    let class = match vm.modules.get("hashlib").and_then(|m| m.get("HASH")) {
        Some(Value::Class(c)) => c,
        _ => return Err(vm.new_error("TypeError", "hashlib is not initialised")),
    };
    Ok(Value::Object(Rc::new(HashObject {
        hasher: RefCell::new(hasher),
        class,
    })))
}

fn new_md5(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, Algorithm::Md5, args, 0)
}

fn new_sha1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, Algorithm::Sha1, args, 0)
}

fn new_sha256(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, Algorithm::Sha256, args, 0)
}

fn new_sha512(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, Algorithm::Sha512, args, 0)
}

/// `hashlib.new(name, data=b'')`.
fn new_named(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            let msg = format!(
                "new() argument 'name' must be str, not {}",
                other.type_name()
            );
            return Err(vm.new_error("TypeError", &msg));
        }
        None => {
            return Err(vm.new_error(
                "TypeError",
                "new() missing required argument 'name' (pos 1)",
            ))
        }
    };
    match Algorithm::by_name(&name) {
        Some(alg) => make(vm, alg, args, 1),
        None if digest_known_elsewhere(&name) => {
            let msg = format!("hashlib.new('{}') is not supported yet", name);
            Err(vm.new_error("NotImplementedError", &msg))
        }
        None => Err(vm.new_error("ValueError", &format!("unsupported hash type {}", name))),
    }
}

/// Algorithms CPython has that the simulator does not implement.
fn digest_known_elsewhere(name: &str) -> bool {
    matches!(
        name,
        "sha224"
            | "sha384"
            | "blake2b"
            | "blake2s"
            | "sha3_224"
            | "sha3_256"
            | "sha3_384"
            | "sha3_512"
            | "shake_128"
            | "shake_256"
    )
}

/// The `hashlib` module.
pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("hashlib");
    let ids = Cell::new(vm.next_id());
    let class = new_class(
        &ids,
        "HASH",
        "_hashlib",
        vec![],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .ok_or_else(|| vm.new_error("TypeError", "cannot build _hashlib.HASH"))?;
    def(&class, "update", hash_update);
    def(&class, "digest", hash_digest);
    def(&class, "hexdigest", hash_hexdigest);
    def(&class, "copy", hash_copy);
    m.set("HASH", Value::Class(class));
    m.set("md5", native("openssl_md5", new_md5));
    m.set("sha1", native("openssl_sha1", new_sha1));
    m.set("sha256", native("openssl_sha256", new_sha256));
    m.set("sha512", native("openssl_sha512", new_sha512));
    m.set("new", native("new", new_named));
    let algorithms = Value::list(
        [
            Algorithm::Md5,
            Algorithm::Sha1,
            Algorithm::Sha256,
            Algorithm::Sha512,
        ]
        .iter()
        .map(|alg| Value::str(alg.name()))
        .collect(),
    );
    let names = crate::vm::containers::set_value(vm.new_set(Some(&algorithms))?);
    m.set("algorithms_available", names.clone());
    m.set("algorithms_guaranteed", names);
    Ok(m)
}
