//! The built-in classes (types and exceptions) and class construction with
//! Python's C3 method resolution order.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use super::value::{Attrs, Class, ClassKind, Value};

/// The built-in classes the interpreter refers to directly.
pub struct Types {
    /// `object`.
    pub object: Rc<Class>,
    /// `type`.
    pub type_: Rc<Class>,
    /// `NoneType`.
    pub none: Rc<Class>,
    /// `bool`.
    pub bool_: Rc<Class>,
    /// `int`.
    pub int: Rc<Class>,
    /// `float`.
    pub float: Rc<Class>,
    /// `str`.
    pub str_: Rc<Class>,
    /// `bytes`.
    pub bytes: Rc<Class>,
    /// `tuple`.
    pub tuple: Rc<Class>,
    /// `list`.
    pub list: Rc<Class>,
    /// `dict`.
    pub dict: Rc<Class>,
    /// `set`.
    pub set: Rc<Class>,
    /// `frozenset`.
    pub frozenset: Rc<Class>,
    /// `dict_keys`, the class of `d.keys()`.
    pub dict_keys: Rc<Class>,
    /// `dict_values`.
    pub dict_values: Rc<Class>,
    /// `dict_items`.
    pub dict_items: Rc<Class>,
    /// `function`.
    pub function: Rc<Class>,
    /// `builtin_function_or_method`.
    pub builtin_function: Rc<Class>,
    /// `method`.
    pub method: Rc<Class>,
    /// `module`.
    pub module: Rc<Class>,
    /// `coroutine`.
    pub coroutine: Rc<Class>,
    /// `generator`.
    pub generator: Rc<Class>,
    /// `async_generator`.
    pub async_generator: Rc<Class>,
    /// `range`.
    pub range: Rc<Class>,
    /// `slice`.
    pub slice: Rc<Class>,
    /// Built-in iterators share one class.
    pub iterator: Rc<Class>,
    /// Other internal objects (`cell`, `ellipsis`).
    pub other: Rc<Class>,
    /// `property`.
    pub property: Rc<Class>,
    /// `classmethod`.
    pub classmethod: Rc<Class>,
    /// `staticmethod`.
    pub staticmethod: Rc<Class>,
    /// `member_descriptor`: the slots of `__slots__`.
    pub member_descriptor: Rc<Class>,
    /// `super`.
    pub super_: Rc<Class>,
    /// `traceback`: what `e.__traceback__` holds.
    pub traceback: Rc<Class>,
    /// Exception classes by name (`BaseException`, `ValueError`, ...).
    pub exceptions: HashMap<&'static str, Rc<Class>>,
}

/// Computes the C3 linearisation of a class with these bases (excluding the
/// class itself); `None` when no consistent order exists.
pub fn c3_mro(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut v = vec![b.clone()];
            v.extend(b.mro.iter().cloned());
            v
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t.iter().skip(1).any(|c| Rc::ptr_eq(c, head)));
            if !in_tail {
                chosen = Some(head.clone());
                break;
            }
        }
        let head = chosen?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

/// Builds a class object. Bases must be non-empty except for `object`.
pub fn new_class(
    ids: &Cell<u64>,
    name: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    kind: ClassKind,
    attrs: Attrs,
) -> Option<Rc<Class>> {
    build_class(ids, name, module, bases, kind, attrs).map(crate::vm::heap::tracked)
}

/// [`new_class`] before it is shared (and tracked, after which `Rc::get_mut`
/// no longer reaches it), for a class that needs more set up.
fn build_class(
    ids: &Cell<u64>,
    name: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    kind: ClassKind,
    attrs: Attrs,
) -> Option<Class> {
    let mro = c3_mro(&bases)?;
    let id = ids.get();
    ids.set(id + 1);
    Some(Class::new(
        name.into(),
        name.into(),
        module.into(),
        bases,
        mro,
        attrs,
        kind,
        id,
    ))
}

/// The built-in exception hierarchy of CPython 3.11 that the subset uses:
/// (name, base).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("BaseExceptionGroup", "BaseException"),
    ("Exception", "BaseException"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("MemoryError", "Exception"),
    ("AttributeError", "Exception"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("TimeoutError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("FileExistsError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("EOFError", "Exception"),
    ("BufferError", "Exception"),
    ("SystemError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("ReferenceError", "Exception"),
];

impl Types {
    /// Creates the built-in classes. Methods are added later by
    /// `methods::install`.
    pub fn new(ids: &Cell<u64>) -> Types {
        let mut object = build_class(
            ids,
            "object",
            "builtins",
            vec![],
            ClassKind::Plain,
            Attrs::default(),
        )
        .expect("object has no bases");
        // `object()` itself has no `__dict__`.
        object.slots = Some(Rc::from(Vec::new()));
        let object = crate::vm::heap::tracked(object);
        let builtin = |name: &str| {
            new_class(
                ids,
                name,
                "builtins",
                vec![object.clone()],
                ClassKind::Builtin,
                Attrs::default(),
            )
            .expect("single base")
        };
        let int = builtin("int");
        let bool_ = new_class(
            ids,
            "bool",
            "builtins",
            vec![int.clone()],
            ClassKind::Builtin,
            Attrs::default(),
        )
        .expect("single base");
        let mut exceptions: HashMap<&'static str, Rc<Class>> = HashMap::new();
        for (name, base) in EXCEPTIONS {
            let mut bases = vec![];
            if base.is_empty() {
                bases.push(object.clone());
            } else {
                bases.push(exceptions[base].clone());
            }
            if *name == "ExceptionGroup" {
                bases.push(exceptions["Exception"].clone());
            }
            let kind = ClassKind::Exception;
            let class = new_class(ids, name, "builtins", bases, kind, Attrs::default())
                .expect("the built-in hierarchy is consistent");
            exceptions.insert(name, class);
        }
        Types {
            type_: builtin("type"),
            none: builtin("NoneType"),
            bool_,
            float: builtin("float"),
            str_: builtin("str"),
            bytes: builtin("bytes"),
            tuple: builtin("tuple"),
            list: builtin("list"),
            dict: builtin("dict"),
            set: builtin("set"),
            frozenset: builtin("frozenset"),
            dict_keys: builtin("dict_keys"),
            dict_values: builtin("dict_values"),
            dict_items: builtin("dict_items"),
            function: builtin("function"),
            builtin_function: builtin("builtin_function_or_method"),
            method: builtin("method"),
            module: builtin("module"),
            coroutine: builtin("coroutine"),
            generator: builtin("generator"),
            async_generator: builtin("async_generator"),
            range: builtin("range"),
            slice: builtin("slice"),
            iterator: builtin("iterator"),
            other: builtin("object"),
            property: builtin("property"),
            classmethod: builtin("classmethod"),
            staticmethod: builtin("staticmethod"),
            member_descriptor: builtin("member_descriptor"),
            traceback: builtin("traceback"),
            // Its lookups are its own: nothing of `object` may answer first.
            super_: new_class(
                ids,
                "super",
                "builtins",
                vec![],
                ClassKind::Builtin,
                Attrs::default(),
            )
            .expect("no bases"),
            int,
            exceptions,
            object,
        }
    }

    /// The exception class `name`; panics only on a typo in Rust code,
    /// which tests catch.
    pub fn exc(&self, name: &str) -> Rc<Class> {
        self.exceptions
            .get(name)
            .cloned()
            .unwrap_or_else(|| self.exceptions["Exception"].clone())
    }

    /// The class of a value (`type(x)`).
    pub fn class_of(&self, vm: &super::Vm, v: &Value) -> Rc<Class> {
        match v {
            Value::None => self.none.clone(),
            Value::Bool(_) => self.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => self.int.clone(),
            Value::Float(_) => self.float.clone(),
            Value::Str(_) => self.str_.clone(),
            Value::Bytes(_) => self.bytes.clone(),
            Value::Tuple(_) => self.tuple.clone(),
            Value::List(_) => self.list.clone(),
            Value::Dict(_) => self.dict.clone(),
            Value::Set(_) => self.set.clone(),
            Value::FrozenSet(_) => self.frozenset.clone(),
            Value::Function(_) => self.function.clone(),
            Value::Native(_) => self.builtin_function.clone(),
            Value::BoundMethod(_) => self.method.clone(),
            Value::Class(c) => c.meta.clone().unwrap_or_else(|| self.type_.clone()),
            Value::Instance(i) => i.class.clone(),
            Value::Module(_) => self.module.clone(),
            Value::Coroutine(c) => match c.kind {
                super::value::CoroKind::Coroutine => self.coroutine.clone(),
                super::value::CoroKind::Generator => self.generator.clone(),
                super::value::CoroKind::AsyncGenerator => self.async_generator.clone(),
            },
            Value::Iterator(_) => self.iterator.clone(),
            Value::Range(_) => self.range.clone(),
            Value::Slice(_) => self.slice.clone(),
            Value::Object(o) => o.class(vm),
            Value::Cell(_) | Value::Ellipsis | Value::NotImplemented => self.other.clone(),
        }
    }
}
