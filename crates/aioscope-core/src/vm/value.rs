//! Python values and the heap objects behind them.
//!
//! Immediate values (None, bools, ints, floats) live inline; everything
//! else is reference counted. Objects that Python can mutate sit behind a
//! `RefCell`; the interpreter never holds a borrow across a call into
//! Python code, so borrows cannot clash.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::{Rc, Weak};

use crate::lang::bytecode::Code;

use super::dict::Dict;
use super::frame::Frame;
use super::set::Set;
use super::Vm;

/// A Python value.
#[derive(Clone, Default)]
pub enum Value {
    /// `None`.
    #[default]
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` that fits in 64 bits: the fast path of all integer
    /// arithmetic.
    Int(i64),
    /// An `int` that does not fit in 64 bits (never one that does: see
    /// [`super::bigint`]).
    BigInt(Rc<super::bigint::BigInt>),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(Rc<str>),
    /// A `bytes`.
    Bytes(Rc<[u8]>),
    /// A `tuple`.
    Tuple(Rc<[Value]>),
    /// A `list`.
    List(Rc<RefCell<Vec<Value>>>),
    /// A `dict`.
    Dict(Rc<RefCell<Dict>>),
    /// A `set`.
    Set(Rc<RefCell<Set>>),
    /// A `frozenset` (never changed once built; a cell so that it shares
    /// the set code).
    FrozenSet(Rc<RefCell<Set>>),
    /// A function defined in Python.
    Function(Rc<Function>),
    /// A function implemented in Rust (builtins, library functions, methods
    /// of built-in types).
    Native(Rc<NativeFn>),
    /// A method bound to its instance.
    BoundMethod(Rc<BoundMethod>),
    /// A class (built-in types are classes too).
    Class(Rc<Class>),
    /// An instance of a class defined in Python (exceptions included).
    Instance(Rc<Instance>),
    /// A module.
    Module(Rc<Module>),
    /// A coroutine or generator object.
    Coroutine(Rc<Coroutine>),
    /// An iterator over a built-in container or a built-in iterator.
    Iterator(Rc<RefCell<Iter>>),
    /// A `range`.
    Range(Rc<Range>),
    /// A `slice`.
    Slice(Rc<[Value; 3]>),
    /// A closure cell (internal: only closures and frames hold these).
    Cell(CellRef),
    /// An object provided by a library layer (asyncio futures, tasks, the
    /// event loop, handles...).
    Object(Rc<dyn NativeObject>),
    /// `...`.
    Ellipsis,
    /// `NotImplemented`.
    NotImplemented,
}

/// A closure cell: a variable shared between a function and the functions
/// nested in it. `None` means unbound.
pub type CellRef = Rc<RefCell<Option<Value>>>;

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{}", i),
            Value::BigInt(i) => write!(f, "{}", i),
            Value::Float(x) => write!(f, "{}", super::pyfmt::float_repr(*x)),
            Value::Str(s) => write!(f, "{:?}", s),
            other => write!(f, "<{}>", other.type_name()),
        }
    }
}

impl Value {
    /// The Python type name, as `type(x).__name__` gives it.
    pub fn type_name(&self) -> Rc<str> {
        match self {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) | Value::BigInt(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::Bytes(_) => "bytes".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::List(_) => "list".into(),
            Value::Dict(_) => "dict".into(),
            Value::Set(_) => "set".into(),
            Value::FrozenSet(_) => "frozenset".into(),
            Value::Function(_) => "function".into(),
            Value::Native(_) => "builtin_function_or_method".into(),
            Value::BoundMethod(_) => "method".into(),
            Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.clone(),
            Value::Module(_) => "module".into(),
            Value::Coroutine(c) => c.kind.word().into(),
            Value::Iterator(it) => it.borrow().type_name().into(),
            Value::Range(_) => "range".into(),
            Value::Slice(_) => "slice".into(),
            Value::Cell(_) => "cell".into(),
            Value::Object(o) => o.class_name().into(),
            Value::Ellipsis => "ellipsis".into(),
            Value::NotImplemented => "NotImplementedType".into(),
        }
    }

    /// A str value.
    pub fn str(s: &str) -> Value {
        Value::Str(s.into())
    }

    /// A new list.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(super::heap::tracked(RefCell::new(items)))
    }

    /// A new tuple.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(items.into())
    }

    /// Whether two values are the same object (`is`).
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) | (FrozenSet(a), FrozenSet(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => Rc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Coroutine(a), Coroutine(b)) => Rc::ptr_eq(a, b),
            (Iterator(a), Iterator(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Object(a), Object(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// The native object behind this value, downcast to `T`.
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Object(o) => o.as_any().downcast_ref::<T>(),
            _ => Option::None,
        }
    }

    /// The built-in value an instance of a built-in type's subclass is
    /// (`class D(dict)`'s instances hold a dict).
    #[inline]
    pub fn builtin_payload(&self) -> Option<&Value> {
        match self {
            Value::Instance(i) => match &i.payload {
                Payload::Builtin(v) => Some(v),
                _ => Option::None,
            },
            _ => Option::None,
        }
    }

    /// The value itself, or the built-in value of a built-in's subclass
    /// instance (what a built-in method of the base works on).
    #[inline]
    pub fn unwrapped(&self) -> &Value {
        self.builtin_payload().unwrap_or(self)
    }

    /// The exception data if this is an exception instance.
    pub fn exc(&self) -> Option<&RefCell<ExcData>> {
        match self {
            Value::Instance(i) => match &i.payload {
                Payload::Exception(e) => Some(e),
                _ => Option::None,
            },
            _ => Option::None,
        }
    }
}

/// A function written in Python: code plus what it closed over.
pub struct Function {
    /// The compiled body.
    pub code: Rc<Code>,
    /// The module whose globals it reads.
    pub globals: Rc<Module>,
    /// Positional defaults (for the last parameters).
    pub defaults: Vec<Value>,
    /// Keyword-only defaults.
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    /// Cells captured from enclosing functions, in `code.cellnames` order
    /// after the function's own cells.
    pub closure: Vec<CellRef>,
    /// `__name__` (assignable).
    pub name: RefCell<Rc<str>>,
    /// `__qualname__`.
    pub qualname: RefCell<Rc<str>>,
    /// Extra attributes set on the function.
    pub attrs: RefCell<Attrs>,
    /// Identity number for reprs.
    pub id: u64,
}

/// How a native function is implemented.
pub type NativeImpl = fn(&mut Vm, Args) -> PyResult<Value>;

/// A function implemented in Rust.
pub struct NativeFn {
    /// Its `__name__`.
    pub name: Rc<str>,
    /// Its `__qualname__` (e.g. `list.append`).
    pub qualname: Rc<str>,
    /// The implementation.
    pub func: NativeImpl,
    /// A value bound as the first argument (bound built-in methods and
    /// functions that carry state, like `functools.partial` internals).
    pub bound: Option<Value>,
    /// Extra data a library may attach (e.g. the target of a wrapper).
    pub data: Option<Value>,
}

/// A method bound to the instance it was looked up on.
pub struct BoundMethod {
    /// The instance (`__self__`).
    pub this: Value,
    /// The function (`__func__`).
    pub func: Value,
}

/// Arguments of a call as a native function receives them.
#[derive(Default, Clone)]
pub struct Args {
    /// Positional arguments (the bound value first, if any).
    pub pos: Vec<Value>,
    /// Keyword arguments in call order.
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    /// Positional arguments only.
    pub fn new(pos: Vec<Value>) -> Self {
        Args {
            pos,
            kw: Vec::new(),
        }
    }

    /// Removes and returns the keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

/// Small ordered map from attribute names to values; instances and classes
/// have few attributes, so a vector beats hashing.
#[derive(Clone, Default)]
pub struct Attrs {
    entries: Vec<(Rc<str>, Value)>,
}

impl Attrs {
    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v)
    }

    /// Sets `name`, keeping the first insertion position.
    pub fn set(&mut self, name: Rc<str>, value: Value) {
        for (k, v) in self.entries.iter_mut() {
            if Rc::ptr_eq(k, &name) || **k == *name {
                *v = value;
                return;
            }
        }
        self.entries.push((name, value));
    }

    /// Sets `name` like [`Attrs::set`], giving back the value it replaces.
    pub fn replace(&mut self, name: Rc<str>, value: Value) -> Option<Value> {
        for (k, v) in self.entries.iter_mut() {
            if Rc::ptr_eq(k, &name) || **k == *name {
                return Some(std::mem::replace(v, value));
            }
        }
        self.entries.push((name, value));
        None
    }

    /// Removes `name`, giving back its value.
    pub fn take(&mut self, name: &str) -> Option<Value> {
        let i = self.entries.iter().position(|(k, _)| &**k == name)?;
        Some(self.entries.remove(i).1)
    }

    /// Removes `name`, returning whether it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        match self.entries.iter().position(|(k, _)| &**k == name) {
            Some(i) => {
                self.entries.remove(i);
                true
            }
            None => false,
        }
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &(Rc<str>, Value)> {
        self.entries.iter()
    }

    /// Removes and yields every entry, in insertion order.
    pub fn drain(&mut self) -> impl Iterator<Item = (Rc<str>, Value)> + '_ {
        self.entries.drain(..)
    }

    /// Whether `name` is present.
    #[inline]
    pub fn contains(&self, name: &str) -> bool {
        self.entries.iter().any(|(k, _)| &**k == name)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// What built-in behaviour a class's instances have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassKind {
    /// A built-in type whose instances are not [`Value::Instance`]s.
    Builtin,
    /// `object`, or a class defined in Python.
    Plain,
    /// `BaseException` and its subclasses.
    Exception,
    /// A `collections.namedtuple` class.
    NamedTuple,
}

/// A class. Built-in types are classes with [`ClassKind::Builtin`].
///
/// Invariant: `flags` summarises the attributes of the class and its MRO
/// (see [`Class::GETATTRIBUTE`] and the other bits); whoever changes the
/// attributes of a class refreshes the flags of it and of its subclasses
/// (`Vm::refresh_class_flags`), so attribute access can check one word
/// before taking the slow paths.
pub struct Class {
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// `__module__`.
    pub module: Rc<str>,
    /// Direct bases.
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, excluding the class itself.
    pub mro: Vec<Rc<Class>>,
    /// The class namespace.
    pub attrs: RefCell<Attrs>,
    /// What its instances are.
    pub kind: ClassKind,
    /// Identity number for reprs (`at 0x…`), deterministic per run.
    pub id: u64,
    /// The metaclass, when it is not `type`.
    pub meta: Option<Rc<Class>>,
    /// What attribute access and calls must look for (the `Class::*` bits).
    pub flags: Cell<u32>,
    /// The slot names of instances that have no `__dict__` (`__slots__`
    /// in the class and every base); `None` when instances have one.
    pub slots: Option<Rc<[Rc<str>]>>,
    /// The classes that name this one as a base, for `__subclasses__()`
    /// and for refreshing their flags when this one changes.
    pub subclasses: RefCell<Vec<Weak<Class>>>,
}

impl Class {
    /// A user `__getattribute__` is defined in the MRO.
    pub const GETATTRIBUTE: u32 = 1;
    /// A `__getattr__` is defined in the MRO.
    pub const GETATTR: u32 = 1 << 1;
    /// A user `__setattr__` is defined in the MRO.
    pub const SETATTR: u32 = 1 << 2;
    /// A user `__delattr__` is defined in the MRO.
    pub const DELATTR: u32 = 1 << 3;
    /// Some attribute in the MRO is a data descriptor (a property, a slot,
    /// an object whose class defines `__set__` or `__delete__`), so it
    /// takes precedence over the instance's own attributes.
    pub const DATA_DESCRIPTORS: u32 = 1 << 4;
    /// Instances are descriptors: the class defines `__get__`.
    pub const IS_GET_DESCRIPTOR: u32 = 1 << 5;
    /// Instances are data descriptors: `__set__` or `__delete__`.
    pub const IS_DATA_DESCRIPTOR: u32 = 1 << 6;
    /// A metaclass with a user `__call__`.
    pub const CALL: u32 = 1 << 7;
    /// A metaclass defining `__instancecheck__` or `__subclasscheck__`.
    pub const CHECKS: u32 = 1 << 8;
    /// `__abstractmethods__` is set and not empty: instantiating fails.
    pub const ABSTRACT: u32 = 1 << 9;
    /// The class or a base declares slots: instances keep their values.
    pub const HAS_SLOTS: u32 = 1 << 10;
    /// Attribute reads on instances cannot take the fast path.
    pub const SLOW_GET: u32 = Self::GETATTRIBUTE | Self::DATA_DESCRIPTORS;
    /// Attribute writes on instances cannot take the fast path.
    pub const SLOW_SET: u32 = Self::SETATTR | Self::DATA_DESCRIPTORS;

    /// A class with no metaclass, flags or slots yet.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        name: Rc<str>,
        qualname: Rc<str>,
        module: Rc<str>,
        bases: Vec<Rc<Class>>,
        mro: Vec<Rc<Class>>,
        attrs: Attrs,
        kind: ClassKind,
        id: u64,
    ) -> Class {
        Class {
            name,
            qualname,
            module,
            bases,
            mro,
            attrs: RefCell::new(attrs),
            kind,
            id,
            meta: None,
            flags: Cell::new(0),
            slots: None,
            subclasses: RefCell::new(Vec::new()),
        }
    }

    /// Looks `name` up on the class and its bases, in MRO order.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(v.clone());
        }
        for base in &self.mro {
            if let Some(v) = base.attrs.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Looks `name` up in MRO order, with the class that defines it.
    pub fn lookup_owner(self: &Rc<Class>, name: &str) -> Option<(Rc<Class>, Value)> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some((self.clone(), v.clone()));
        }
        for base in &self.mro {
            if let Some(v) = base.attrs.borrow().get(name) {
                return Some((base.clone(), v.clone()));
            }
        }
        None
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// Whether any of the `bits` is set.
    #[inline]
    pub fn has(&self, bits: u32) -> bool {
        self.flags.get() & bits != 0
    }
}

/// What an instance holds beyond its attributes.
pub enum Payload {
    /// Nothing.
    None,
    /// Exception state.
    Exception(RefCell<ExcData>),
    /// The items of a namedtuple.
    Tuple(Rc<[Value]>),
    /// An instance of a subclass of a built-in type (`class D(dict)`): the
    /// built-in value it is, which built-in operations work on.
    Builtin(Value),
    /// A `property`.
    Property(RefCell<PropertyData>),
    /// A `classmethod`: the function it binds to the class.
    ClassMethod(Value),
    /// A `staticmethod`: the function it returns unbound.
    StaticMethod(Value),
    /// A slot of `__slots__` (a `member_descriptor`): its name and the
    /// name of the class that declared it.
    Slot(Rc<str>, Rc<str>),
    /// The values of an instance's slots, apart from its `__dict__`.
    Slots(RefCell<Attrs>),
}

/// The accessors of a `property`.
#[derive(Clone, Default)]
pub struct PropertyData {
    /// The getter (`None` when there is none).
    pub fget: Value,
    /// The setter.
    pub fset: Value,
    /// The deleter.
    pub fdel: Value,
    /// `__doc__`.
    pub doc: Value,
    /// The name it was assigned to in a class body (`__set_name__`), for
    /// error messages.
    pub name: Option<Rc<str>>,
}

/// An instance of a class defined in Python (or of `object`, an exception
/// class, an enum...).
///
/// Invariant: once `dict` is `Some` (the program asked for `__dict__`),
/// the attributes live there and `attrs` stays empty.
pub struct Instance {
    /// Its class (`__class__`).
    pub class: Rc<Class>,
    /// Its attributes (`__dict__`), or its slots.
    pub attrs: RefCell<Attrs>,
    /// Built-in state.
    pub payload: Payload,
    /// Identity number for reprs.
    pub id: u64,
    /// The attributes as a dict the program holds (`obj.__dict__`,
    /// `vars(obj)`), shared so that writes through it are seen.
    pub dict: RefCell<Option<Rc<RefCell<Dict>>>>,
}

impl Instance {
    /// A new instance with no attributes.
    pub fn new(class: Rc<Class>, payload: Payload, id: u64) -> Instance {
        Instance {
            class,
            attrs: RefCell::new(Attrs::default()),
            payload,
            id,
            dict: RefCell::new(None),
        }
    }

    /// The attribute `name` of the instance itself.
    #[inline]
    pub fn get_own(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(v.clone());
        }
        match &*self.dict.borrow() {
            Some(d) => d.borrow().get_str(name).cloned(),
            None => None,
        }
    }

    /// Whether the instance itself has the attribute `name`.
    #[inline]
    pub fn has_own(&self, name: &str) -> bool {
        if self.attrs.borrow().contains(name) {
            return true;
        }
        match &*self.dict.borrow() {
            Some(d) => d.borrow().get_str(name).is_some(),
            None => false,
        }
    }

    /// Sets the attribute `name` of the instance itself.
    #[inline]
    pub fn set_own(&self, name: Rc<str>, value: Value) {
        match &*self.dict.borrow() {
            Some(d) => {
                d.borrow_mut().insert(super::keys::Key::str(name), value);
            }
            None => self.attrs.borrow_mut().set(name, value),
        }
    }

    /// Removes the attribute `name` of the instance itself, returning
    /// whether it was there.
    pub fn remove_own(&self, name: &str) -> bool {
        match &*self.dict.borrow() {
            Some(d) => d
                .borrow_mut()
                .remove(&super::keys::Key::str(name.into()))
                .is_some(),
            None => self.attrs.borrow_mut().remove(name),
        }
    }

    /// The instance's own attributes, in order.
    pub fn own_items(&self) -> Vec<(Value, Value)> {
        match &*self.dict.borrow() {
            Some(d) => d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            None => self
                .attrs
                .borrow()
                .iter()
                .map(|(k, v)| (Value::Str(k.clone()), v.clone()))
                .collect(),
        }
    }
}

/// One frame an exception passed through: a Python frame (its code and
/// the instruction it was at, whose line and columns the traceback shows),
/// or a frame of CPython's library that native code stands for.
#[derive(Clone, Debug)]
pub enum TracebackEntry {
    /// A frame of Python code.
    Code {
        /// The code it ran.
        code: Rc<crate::lang::bytecode::Code>,
        /// The instruction it was at.
        pc: u32,
        /// The variables of a frame the exception ended: as in CPython,
        /// the traceback keeps them alive as long as the exception lives.
        locals: Option<Rc<RefCell<FrameLocals>>>,
    },
    /// A frame CPython shows where our native code runs, with the
    /// arguments its frame holds: the traceback keeps them alive, as
    /// CPython's keeps that frame's variables (a coroutine handed to a
    /// loop that refused to run dies with the exception).
    Native(&'static crate::vm::traceback::NativeFrame, Rc<[Value]>),
}

/// The same entry: the same code at the same instruction, or the same
/// library frame (what `except*` compares to tell a part passed on as it is).
impl PartialEq for TracebackEntry {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Code { code: a, pc: p, .. }, Self::Code { code: b, pc: q, .. }) => {
                Rc::ptr_eq(a, b) && p == q
            }
            (Self::Native(a, _), Self::Native(b, _)) => std::ptr::eq(*a, *b),
            _ => false,
        }
    }
}

/// The variables of a frame that ended, kept by a traceback.
#[derive(Debug, Default)]
pub struct FrameLocals {
    /// Its fast locals.
    pub locals: Vec<Option<Value>>,
    /// Its cells.
    pub cells: Vec<CellRef>,
}

/// The state every exception carries.
#[derive(Clone, Default)]
pub struct ExcData {
    /// `args`.
    pub args: Vec<Value>,
    /// `__cause__` (`raise ... from cause`).
    pub cause: Option<Value>,
    /// `__context__`: the exception being handled when this one was raised.
    pub context: Option<Value>,
    /// `__suppress_context__`.
    pub suppress_context: bool,
    /// Frames the exception passed through, innermost first.
    pub traceback: Vec<TracebackEntry>,
    /// For a `NameError`: the name the interpreter suggests instead,
    /// found where it was raised (CPython looks at the frame's variables
    /// then).
    pub suggestion: Option<Rc<str>>,
}

/// A module: a name and its globals.
pub struct Module {
    /// `__name__`.
    pub name: Rc<str>,
    /// The globals, while no program holds them as a dict: attribute
    /// vectors are faster for the few names a module has.
    pub(super) names: RefCell<Attrs>,
    /// The globals once `globals()` or `module.__dict__` handed them out:
    /// from then on they live in that dict, so writes through it are the
    /// module's (CPython's globals are that dict).
    pub(super) dict: RefCell<Option<Rc<RefCell<Dict>>>>,
}

impl Module {
    /// A new empty module.
    pub fn new(name: &str) -> Rc<Module> {
        let m = super::heap::tracked(Module {
            name: name.into(),
            names: RefCell::new(Attrs::default()),
            dict: RefCell::new(None),
        });
        m.set("__name__", Value::Str(name.into()));
        m.set("__doc__", Value::None);
        m
    }

    /// Reads a global.
    #[inline]
    pub fn get(&self, name: &str) -> Option<Value> {
        match &*self.dict.borrow() {
            Some(d) => d.borrow().get_str(name).cloned(),
            None => self.names.borrow().get(name).cloned(),
        }
    }

    /// Sets a global.
    pub fn set(&self, name: &str, value: Value) {
        drop(self.replace(name.into(), value));
    }

    /// Sets a global, giving back the value it replaces (dropped by the
    /// caller when finalizers may run).
    pub fn replace(&self, name: Rc<str>, value: Value) -> Option<Value> {
        match &*self.dict.borrow() {
            Some(d) => {
                let key = super::keys::Key::str(name);
                let mut d = d.borrow_mut();
                let old = d.get(&key).cloned();
                d.insert(key, value);
                old
            }
            None => self.names.borrow_mut().replace(name, value),
        }
    }

    /// Removes a global, giving back its value.
    pub fn take(&self, name: &str) -> Option<Value> {
        match &*self.dict.borrow() {
            Some(d) => d.borrow_mut().remove(&super::keys::Key::str(name.into())),
            None => self.names.borrow_mut().take(name),
        }
    }

    /// The globals named by strings, in order.
    pub fn items(&self) -> Vec<(Rc<str>, Value)> {
        match &*self.dict.borrow() {
            Some(d) => d
                .borrow()
                .iter()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((s.clone(), v.clone())),
                    _ => None,
                })
                .collect(),
            None => self.names.borrow().iter().cloned().collect(),
        }
    }

    /// Empties the module, giving back its values in order.
    pub fn take_all(&self) -> Vec<Value> {
        match &*self.dict.borrow() {
            Some(d) => {
                let taken = std::mem::take(&mut *d.borrow_mut());
                taken.iter().map(|(_, v)| v.clone()).collect()
            }
            None => {
                let taken = std::mem::take(&mut *self.names.borrow_mut());
                taken.iter().map(|(_, v)| v.clone()).collect()
            }
        }
    }

    /// The globals as the dict a program holds (`globals()`,
    /// `module.__dict__`): made once, then the module's own storage.
    pub fn as_dict(&self) -> Rc<RefCell<Dict>> {
        if let Some(d) = &*self.dict.borrow() {
            return d.clone();
        }
        let mut d = Dict::new();
        for (k, v) in self.names.borrow_mut().drain() {
            d.insert(super::keys::Key::str(k), v);
        }
        let d = super::heap::tracked(RefCell::new(d));
        *self.dict.borrow_mut() = Some(d.clone());
        d
    }
}

/// Coroutine or generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoroKind {
    /// From `async def`.
    Coroutine,
    /// From a function containing `yield`.
    Generator,
    /// From an `async def` containing `yield`.
    AsyncGenerator,
}

impl CoroKind {
    /// Its type's name, as messages and reprs show it.
    pub fn word(self) -> &'static str {
        match self {
            CoroKind::Coroutine => "coroutine",
            CoroKind::Generator => "generator",
            CoroKind::AsyncGenerator => "async_generator",
        }
    }
}

/// The life of a coroutine: created, suspended, running, closed. Re-entry
/// is refused by checking for `Running` before taking the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoroState {
    /// Not started: the frame sits before its first instruction.
    Created,
    /// Paused at an `await` or `yield`.
    Suspended,
    /// Its frame is executing (taken out of the object).
    Running,
    /// Returned or raised; the frame is gone.
    Closed,
}

/// A coroutine or generator object. Invariant: `frame` is `Some` exactly
/// when the state is `Created` or `Suspended`; while `Running` the frame is
/// on an interpreter stack.
pub struct Coroutine {
    /// Coroutine or generator.
    pub kind: CoroKind,
    /// The body (for the name, qualname and `def` line in reprs).
    pub code: Rc<Code>,
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// Where it is in its life.
    pub state: Cell<CoroState>,
    /// The suspended frame.
    pub frame: RefCell<Option<Box<Frame>>>,
    /// What it waits on while suspended (`cr_await`): a coroutine it
    /// delegates to, a future, or `None` after a bare yield.
    pub awaiting: RefCell<Option<Value>>,
    /// The line it is paused on (kept after the frame leaves, for reprs).
    pub last_line: Cell<u32>,
    /// Identity number.
    pub id: u64,
    /// Whether anything ever started or closed it (for "never awaited").
    pub touched: Cell<bool>,
    /// An async generator's next operation, set by `__anext__()`,
    /// `asend()`, `athrow()` or `aclose()`, whose awaitable is the
    /// generator itself: awaiting it performs the operation.
    pub op: RefCell<Option<AgenOp>>,
    /// An async generator being closed: `GeneratorExit` was thrown in, so
    /// ending (or letting that exception out) completes the `aclose()`.
    pub closing: Cell<bool>,
    /// A coroutine handed out by its `__await__()` (CPython's
    /// `coroutine_wrapper`, which an awaitable class's `__await__` returns):
    /// `cr_await` chains stop before it, as the wrapper has no frame.
    pub wrapped: Cell<bool>,
    /// Where its death is reported (a coroutine dying before it started:
    /// "never awaited"); empty for generators.
    pub finalizers: std::rc::Weak<crate::vm::finalizers::Finalizers>,
    /// The line of the user's program that created it (0 when not
    /// tracing lines), for the trace's warning.
    pub created_line: u32,
}

impl Drop for Coroutine {
    /// A coroutine that never started warns as it dies, as CPython's
    /// (`RuntimeWarning: coroutine 'f' was never awaited`).
    fn drop(&mut self) {
        if self.kind != CoroKind::Coroutine || self.state.get() != CoroState::Created {
            return;
        }
        let Some(queue) = self.finalizers.upgrade() else {
            return;
        };
        let qualname = self.qualname.clone();
        let line = self.created_line;
        queue.push(Box::new(move |vm, site| {
            if line > 0 {
                vm.unawaited.push((qualname.clone(), line));
            }
            vm.warn_never_awaited(&qualname, site);
        }));
    }
}

/// What awaiting an async generator does next.
#[derive(Clone)]
pub enum AgenOp {
    /// `__anext__()` / `asend(v)`: run to the next `yield`.
    Send(Value),
    /// `athrow(e)`: raise `e` at the `yield`.
    Throw(Value),
    /// `aclose()`: raise `GeneratorExit` at the `yield`; done when it ends.
    Close,
}

/// A `range` object.
#[derive(Clone, Copy, Debug)]
pub struct Range {
    /// First value.
    pub start: i64,
    /// End (exclusive).
    pub stop: i64,
    /// Step (never 0).
    pub step: i64,
}

impl Range {
    /// Number of values, saturated at `i64::MAX`: a range from near
    /// `i64::MIN` to near `i64::MAX` holds more (CPython's `len()` raises
    /// `OverflowError` for it; see [`Range::len_exact`]).
    pub fn len(&self) -> i64 {
        self.len_exact().min(i64::MAX as i128) as i64
    }

    /// Number of values, which may exceed `i64::MAX`. Computed in 128
    /// bits: `stop - start` and `-step` overflow 64 bits at the extremes.
    pub fn len_exact(&self) -> i128 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    }

    /// Whether it yields nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Built-in iterators.
pub enum Iter {
    /// Over a list, by index (sees appends, like CPython).
    List(Rc<RefCell<Vec<Value>>>, usize),
    /// Over a `collections.deque`, by index.
    Deque(Rc<RefCell<std::collections::VecDeque<Value>>>, usize),
    /// Over a tuple.
    Tuple(Rc<[Value]>, usize),
    /// Over a str, by character.
    Str(Rc<str>, usize),
    /// Over bytes (yields ints).
    Bytes(Rc<[u8]>, usize),
    /// Over a range.
    Range {
        /// Next value.
        next: i64,
        /// Values left.
        left: i64,
        /// Step.
        step: i64,
    },
    /// Over a dict's keys, values or items, live, as CPython's dict
    /// iterators: a change of size is an error.
    Dict {
        /// The dict.
        dict: Rc<RefCell<Dict>>,
        /// The next entry position (from the end when `reversed`).
        pos: usize,
        /// The size when iteration started.
        used: usize,
        /// Items still to come, CPython's check that keys changed.
        left: usize,
        /// What it yields.
        kind: DictPart,
        /// `reversed(d)`.
        reversed: bool,
    },
    /// Over a set or frozenset, live, in table order.
    Set {
        /// The set.
        set: Rc<RefCell<Set>>,
        /// The next slot.
        pos: usize,
        /// The size when iteration started.
        used: usize,
    },
    /// `enumerate(it, start)`: the inner iterator and the next count (an
    /// int of any size).
    Enumerate(Value, Value),
    /// `zip(*its)`.
    Zip(Vec<Value>),
    /// `map(f, it)`.
    Map(Value, Vec<Value>),
    /// `filter(f, it)`.
    Filter(Value, Value),
    /// `reversed(seq)` over a snapshot.
    Reversed(Rc<[Value]>, usize),
    /// `itertools.cycle`: saved items and the source until exhausted.
    Cycle {
        /// The source iterator, until it is exhausted.
        source: Option<Value>,
        /// Items seen so far.
        saved: Vec<Value>,
        /// Position in `saved` once the source is exhausted.
        pos: usize,
    },
    /// `itertools.count(start, step)`.
    Count(i64, i64),
    /// `iter(func, sentinel)`: calls `func()` until it returns `sentinel`.
    Call(Value, Value),
    /// Over an object with `__getitem__` and no `__iter__`: items 0, 1,
    /// ... until `IndexError`.
    Sequence(Value, i64),
    /// `iter(callable, sentinel)` and iterators exhausted for good.
    Exhausted,
}

impl Iter {
    /// The Python type name of the iterator.
    pub fn type_name(&self) -> &'static str {
        match self {
            Iter::List(..) => "list_iterator",
            Iter::Deque(..) => "_collections._deque_iterator",
            Iter::Tuple(..) => "tuple_iterator",
            Iter::Str(..) => "str_ascii_iterator",
            Iter::Bytes(..) => "bytes_iterator",
            Iter::Range { .. } => "range_iterator",
            Iter::Dict { kind, reversed, .. } => match (kind, reversed) {
                (DictPart::Keys, false) => "dict_keyiterator",
                (DictPart::Values, false) => "dict_valueiterator",
                (DictPart::Items, false) => "dict_itemiterator",
                (DictPart::Keys, true) => "dict_reversekeyiterator",
                (DictPart::Values, true) => "dict_reversevalueiterator",
                (DictPart::Items, true) => "dict_reverseitemiterator",
            },
            Iter::Set { .. } => "set_iterator",
            Iter::Enumerate(..) => "enumerate",
            Iter::Zip(..) => "zip",
            Iter::Map(..) => "map",
            Iter::Filter(..) => "filter",
            Iter::Reversed(..) => "list_reverseiterator",
            Iter::Cycle { .. } => "itertools.cycle",
            Iter::Count(..) => "itertools.count",
            Iter::Call(..) => "callable_iterator",
            Iter::Sequence(..) | Iter::Exhausted => "iterator",
        }
    }
}

/// Which part of a dict's entries a view or iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    /// `d.keys()`.
    Keys,
    /// `d.values()`.
    Values,
    /// `d.items()`.
    Items,
}

/// How awaiting a native object goes.
pub enum AwaitPoll {
    /// Not done: the awaiting task suspends, yielding the object.
    Pending,
    /// Done: the `await` expression evaluates to this.
    Ready(PyResult<Value>),
    /// Suspend once without a future (`asyncio.sleep(0)`'s bare yield).
    YieldOnce,
}

/// Objects implemented by library layers (the asyncio loop's futures,
/// tasks and handles). Methods are native functions in the class's
/// attributes; this trait covers what the interpreter itself must ask.
pub trait NativeObject: Any {
    /// The object as `Any`, to downcast.
    fn as_any(&self) -> &dyn Any;
    /// The class name (`type(x).__name__`).
    fn class_name(&self) -> &str;
    /// The class, for `type()`, `isinstance` and method lookup.
    fn class(&self, vm: &Vm) -> Rc<Class>;
    /// `repr(x)`.
    fn repr(&self, vm: &mut Vm) -> PyResult<String>;
    /// Data attributes not found on the class; `None` means no such
    /// attribute.
    fn get_attr(&self, _vm: &mut Vm, _name: &str) -> Option<PyResult<Value>> {
        None
    }
    /// Sets a data attribute; `None` means it cannot be set.
    fn set_attr(&self, _vm: &mut Vm, _name: &str, _value: Value) -> Option<PyResult<()>> {
        None
    }
    /// An attribute the program set on the object itself (CPython's
    /// objects with an instance dict): it wins over the class's methods.
    fn own_attr(&self, _name: &str) -> Option<Value> {
        None
    }
    /// Deletes such an attribute: whether it was there.
    fn del_own_attr(&self, _name: &str) -> bool {
        false
    }
    /// How `await x` proceeds; `None` if the object is not awaitable.
    fn poll_await(&self, _vm: &mut Vm) -> Option<AwaitPoll> {
        None
    }
    /// Whether `poll_await` answers, asked without polling (`yield from`
    /// takes a future as it is, as CPython's future iterator yields it).
    fn is_awaitable(&self) -> bool {
        false
    }
    /// `bool(x)`.
    fn truthy(&self) -> bool {
        true
    }
    /// A short name for the debugger that runs no Python (e.g. a task's
    /// name).
    fn label(&self) -> Option<String> {
        None
    }
    /// Drops every value the object holds that Python code could have
    /// made refer back to it, when the run ends (see [`super::heap`]);
    /// objects that hold no such value keep the default, which does
    /// nothing. Runs no Python code.
    fn clear_references(&self) {}
    /// The identity number its repr shows (`at 0x…`), if it has one:
    /// hashing by identity and `id()` use it.
    fn identity(&self) -> Option<u64> {
        None
    }
}

/// Why Python code stopped other than by returning.
pub enum PyErr {
    /// A Python exception (an exception instance).
    Exception(Value),
    /// The run must stop: instruction budget, task limit or an internal
    /// limit. Python code cannot catch it.
    Halt(Halt),
    /// A native function asks the driver to suspend the calling thread
    /// (e.g. `time.sleep` in a thread, or `run_until_complete` on the main
    /// thread); carries the request for the driver.
    Suspend(Rc<dyn Any>),
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PyErr::Exception(v) => write!(f, "Exception({})", v.type_name()),
            PyErr::Halt(h) => write!(f, "Halt({:?})", h),
            PyErr::Suspend(_) => write!(f, "Suspend"),
        }
    }
}

/// Reasons a run stops that Python cannot catch.
#[derive(Clone, Debug, PartialEq)]
pub enum Halt {
    /// The instruction budget ran out (an endless loop that never awaits).
    InstructionBudget(u64),
    /// Too many tasks or threads were created.
    TooMany(&'static str, usize),
    /// Stopped by the driver (the user pressed stop).
    Stopped,
    /// More event loop iterations than the guard allows.
    Iterations(u64),
    /// The virtual clock would pass the guard's limit, in seconds.
    VirtualTime(f64),
    /// Nothing could ever run again: the loop had nothing ready and no
    /// timer, or every thread was blocked with nothing to wake it.
    Deadlock(Deadlock),
    /// An invariant of the interpreter broke; a bug, reported not panicked.
    Internal(String),
}

/// Who was left waiting forever.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Deadlock {
    /// The event loop: nothing ready and no timer scheduled.
    Loop,
    /// Every thread blocked and nothing can wake them.
    Threads,
}

impl fmt::Display for Halt {
    /// The `exc` text of the transcript: guards start with `Timeout:` and
    /// read as the corpus oracle's.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Halt::InstructionBudget(n) => write!(
                f,
                "Timeout: stopped after {} instructions without finishing (an endless loop that never awaits?)",
                n
            ),
            Halt::TooMany(what, n) => write!(f, "Timeout: more than {} {} were created", n, what),
            Halt::Stopped => write!(f, "Stopped by the user"),
            Halt::Iterations(n) => write!(f, "Timeout: more than {} event loop iterations", n),
            Halt::VirtualTime(s) => write!(f, "Timeout: virtual time would pass {} s", s),
            Halt::Deadlock(Deadlock::Loop) => write!(
                f,
                "Timeout: nothing is ready and no timer is scheduled; the loop would wait forever"
            ),
            Halt::Deadlock(Deadlock::Threads) => write!(
                f,
                "Timeout: every thread is blocked and nothing can wake them (deadlock)"
            ),
            Halt::Internal(msg) => write!(f, "internal error: {}", msg),
        }
    }
}

/// The result of anything that may raise.
pub type PyResult<T> = Result<T, PyErr>;
