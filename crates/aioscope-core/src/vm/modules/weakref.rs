//! `_weakref`: real weak references. Objects are reference counted, so a
//! `weakref.ref` holds a Rust `Weak` and its referent dies when its last
//! strong reference goes, as in CPython.
//!
//! What cannot be exact is when a callback runs: CPython calls it the
//! moment the count reaches zero, here the interpreter notices deaths at
//! `del` statements, when a function returns, at each iteration of the
//! event loop, at `gc.collect()` and at any use of `weakref` (only while
//! some reference has a callback, so the check costs nothing otherwise).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::vm::builtins::native;
use crate::vm::methods::def;
use crate::vm::repr::fake_address;
use crate::vm::set::Set;
use crate::vm::types::new_class;
use crate::vm::value::{
    Args, Attrs, Class, ClassKind, Coroutine, Function, Instance, Module, NativeObject, PyErr,
    PyResult, Value,
};
use crate::vm::Vm;

/// What a weak reference points to.
enum Target {
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Class(Weak<Class>),
    Object(Weak<dyn NativeObject>),
    Coroutine(Weak<Coroutine>),
    Module(Weak<Module>),
    Set(Weak<RefCell<Set>>),
    FrozenSet(Weak<RefCell<Set>>),
}

impl Target {
    fn of(v: &Value) -> Option<(Target, usize)> {
        Some(match v {
            Value::Instance(i) => (Target::Instance(Rc::downgrade(i)), Rc::as_ptr(i) as usize),
            Value::Function(f) => (Target::Function(Rc::downgrade(f)), Rc::as_ptr(f) as usize),
            Value::Class(c) => (Target::Class(Rc::downgrade(c)), Rc::as_ptr(c) as usize),
            Value::Object(o) => (
                Target::Object(Rc::downgrade(o)),
                Rc::as_ptr(o) as *const u8 as usize,
            ),
            Value::Coroutine(c) => (Target::Coroutine(Rc::downgrade(c)), Rc::as_ptr(c) as usize),
            Value::Module(m) => (Target::Module(Rc::downgrade(m)), Rc::as_ptr(m) as usize),
            Value::Set(s) => (Target::Set(Rc::downgrade(s)), Rc::as_ptr(s) as usize),
            Value::FrozenSet(s) => (Target::FrozenSet(Rc::downgrade(s)), Rc::as_ptr(s) as usize),
            _ => return None,
        })
    }

    fn upgrade(&self) -> Option<Value> {
        match self {
            Target::Instance(w) => w.upgrade().map(Value::Instance),
            Target::Function(w) => w.upgrade().map(Value::Function),
            Target::Class(w) => w.upgrade().map(Value::Class),
            Target::Object(w) => w.upgrade().map(Value::Object),
            Target::Coroutine(w) => w.upgrade().map(Value::Coroutine),
            Target::Module(w) => w.upgrade().map(Value::Module),
            Target::Set(w) => w.upgrade().map(Value::Set),
            Target::FrozenSet(w) => w.upgrade().map(Value::FrozenSet),
        }
    }

    fn alive(&self) -> bool {
        match self {
            Target::Instance(w) => w.strong_count() > 0,
            Target::Function(w) => w.strong_count() > 0,
            Target::Class(w) => w.strong_count() > 0,
            Target::Object(w) => w.strong_count() > 0,
            Target::Coroutine(w) => w.strong_count() > 0,
            Target::Module(w) => w.strong_count() > 0,
            Target::Set(w) | Target::FrozenSet(w) => w.strong_count() > 0,
        }
    }
}

/// A `weakref.ref`. Invariant: `callback` is taken when it is called,
/// so a callback runs at most once.
pub struct WeakRefObj {
    target: Target,
    addr: usize,
    /// The referent's type name and identity, for the repr.
    type_name: Rc<str>,
    target_id: u64,
    callback: RefCell<Option<Value>>,
    hash: Cell<Option<i64>>,
    id: u64,
    class: Rc<Class>,
}

impl NativeObject for WeakRefObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// The callback may hold the reference itself.
    fn clear_references(&self) {
        crate::vm::heap::empty(&self.callback);
    }
    fn class_name(&self) -> &str {
        "weakref"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(if self.target.alive() {
            format!(
                "<weakref at {}; to '{}' at {}>",
                fake_address(self.id),
                self.type_name,
                fake_address(self.target_id)
            )
        } else {
            format!("<weakref at {}; dead>", fake_address(self.id))
        })
    }
    fn get_attr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__callback__" => Some(Ok(self.callback.borrow().clone().unwrap_or(Value::None))),
            _ => None,
        }
    }
}

/// Every live weak reference, in creation order, and how many of them
/// still have a callback to run.
#[derive(Default)]
pub struct Registry {
    refs: Vec<Weak<WeakRefObj>>,
    with_callbacks: usize,
    class: Option<Rc<Class>>,
}

/// An object's identity number, as its repr shows it.
fn identity(v: &Value) -> u64 {
    crate::vm::hash::identity_of(v).unwrap_or(0)
}

fn ref_class(vm: &mut Vm) -> Rc<Class> {
    if let Some(c) = &vm.weakrefs.class {
        return c.clone();
    }
    let ids = Cell::new(vm.next_id());
    let c = new_class(
        &ids,
        "ReferenceType",
        "weakref",
        vec![],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .expect("no bases");
    def(&c, "__new__", ref_new);
    def(&c, "__call__", ref_call);
    def(&c, "__eq__", ref_eq);
    def(&c, "__ne__", ref_ne);
    def(&c, "__hash__", ref_hash);
    vm.weakrefs.class = Some(c.clone());
    c
}

impl Registry {
    /// Whether some weak reference has a callback still to run.
    #[inline]
    pub fn watching(&self) -> bool {
        self.with_callbacks != 0
    }
}

impl Vm {
    /// Runs the callbacks of weak references whose referent has died
    /// since the last look (most recently made first, as CPython).
    pub fn poll_weakrefs(&mut self) -> PyResult<()> {
        if self.weakrefs.with_callbacks == 0 {
            return Ok(());
        }
        let mut due: Vec<(Value, Value)> = Vec::new();
        let reg = &mut self.weakrefs;
        reg.refs.retain(|w| match w.upgrade() {
            None => false,
            Some(r) => {
                if r.target.alive() {
                    return true;
                }
                if let Some(cb) = r.callback.borrow_mut().take() {
                    due.push((cb, Value::Object(r.clone())));
                }
                false
            }
        });
        self.weakrefs.with_callbacks = self
            .weakrefs
            .refs
            .iter()
            .filter(|w| w.upgrade().is_some_and(|r| r.callback.borrow().is_some()))
            .count();
        for (cb, r) in due.into_iter().rev() {
            if let Err(PyErr::Exception(e)) = self.call(&cb, Args::new(vec![r])) {
                let what = self.repr(&cb).unwrap_or_default();
                let tb = self.format_traceback(&e);
                self.write_stderr(&format!("Exception ignored in: {}\n{}", what, tb));
            }
        }
        Ok(())
    }
}

fn ref_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.get(1).cloned().unwrap_or(Value::None);
    let callback = match args.pos.get(2) {
        Some(Value::None) | None => None,
        Some(cb) => Some(cb.clone()),
    };
    make_ref(vm, &obj, callback)
}

/// `weakref.ref(obj, callback=None)`: a callback-less reference to an
/// object that already has one is that same reference, as in CPython.
fn make_ref(vm: &mut Vm, obj: &Value, callback: Option<Value>) -> PyResult<Value> {
    vm.poll_weakrefs()?;
    let Some((target, addr)) = Target::of(obj) else {
        let msg = format!(
            "cannot create weak reference to '{}' object",
            obj.type_name()
        );
        return Err(vm.new_error("TypeError", &msg));
    };
    if callback.is_none() {
        let existing = vm.weakrefs.refs.iter().find_map(|w| {
            w.upgrade()
                .filter(|r| r.addr == addr && r.target.alive() && r.callback.borrow().is_none())
        });
        if let Some(r) = existing {
            return Ok(Value::Object(r));
        }
    }
    let class = ref_class(vm);
    let type_name = vm.types.class_of(vm, obj).name.clone();
    let has_callback = callback.is_some();
    let r = Rc::new(WeakRefObj {
        target,
        addr,
        type_name,
        target_id: identity(obj),
        callback: RefCell::new(callback),
        hash: Cell::new(None),
        id: vm.next_id(),
        class,
    });
    vm.weakrefs.refs.push(Rc::downgrade(&r));
    let object: Rc<dyn NativeObject> = r.clone();
    crate::vm::heap::track_native(&object);
    if has_callback {
        vm.weakrefs.with_callbacks += 1;
    }
    Ok(Value::Object(r))
}

fn this_ref(vm: &mut Vm, args: &Args) -> PyResult<Rc<WeakRefObj>> {
    if let Some(Value::Object(o)) = args.pos.first() {
        let any: Rc<dyn Any> = o.clone();
        if let Ok(r) = any.downcast::<WeakRefObj>() {
            return Ok(r);
        }
    }
    Err(vm.new_error("TypeError", "a weakref method needs its reference"))
}

/// `r()`: the referent, or None once it died.
fn ref_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this_ref(vm, &args)?;
    Ok(r.target.upgrade().unwrap_or(Value::None))
}

fn refs_equal(vm: &mut Vm, args: &Args) -> PyResult<Option<bool>> {
    let r = this_ref(vm, args)?;
    let Some(other) = args.pos.get(1).and_then(|v| v.downcast::<WeakRefObj>()) else {
        return Ok(None);
    };
    match (r.target.upgrade(), other.target.upgrade()) {
        (Some(a), Some(b)) => Ok(Some(vm.eq(&a, &b)?)),
        _ => Ok(Some(std::ptr::eq(Rc::as_ptr(&r), other))),
    }
}

fn ref_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match refs_equal(vm, &args)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}

fn ref_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match refs_equal(vm, &args)? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

/// `hash(r)`: the referent's hash, kept after it dies.
fn ref_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this_ref(vm, &args)?;
    if let Some(h) = r.hash.get() {
        return Ok(Value::Int(h));
    }
    let Some(obj) = r.target.upgrade() else {
        return Err(vm.new_error("TypeError", "weak object has gone away"));
    };
    let hash = vm.builtins.get("hash").unwrap_or(Value::None);
    let h = match vm.call(&hash, Args::new(vec![obj]))? {
        Value::Int(h) => h,
        _ => 0,
    };
    r.hash.set(Some(h));
    Ok(Value::Int(h))
}

fn getweakrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    let Some((_, addr)) = Target::of(&obj) else {
        return Ok(Value::Int(0));
    };
    let n = vm
        .weakrefs
        .refs
        .iter()
        .filter_map(|w| w.upgrade())
        .filter(|r| r.addr == addr && r.target.alive())
        .count();
    Ok(Value::Int(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    let Some((_, addr)) = Target::of(&obj) else {
        return Ok(Value::list(vec![]));
    };
    let refs: Vec<Value> = vm
        .weakrefs
        .refs
        .iter()
        .filter_map(|w| w.upgrade())
        .filter(|r| r.addr == addr && r.target.alive())
        .map(|r| Value::Object(r) as Value)
        .collect();
    Ok(Value::list(refs))
}

/// `_poll()`: what `gc.collect()` does here, run due callbacks.
fn poll(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.poll_weakrefs()?;
    Ok(Value::Int(0))
}

/// The native `_weakref` module.
pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_weakref");
    m.set("ref", Value::Class(ref_class(vm)));
    m.set(
        "getweakrefcount",
        native("getweakrefcount", getweakrefcount),
    );
    m.set("getweakrefs", native("getweakrefs", getweakrefs));
    m.set("_poll", native("_poll", poll));
    Ok(m)
}
