//! `_contextvars`: context variables, as CPython's C module behaves.
//!
//! A [`ContextObj`] maps variables to values. Its map is shared by the
//! copies made from it (`copy_context`, each task's copy) until one of
//! them sets a variable, so copying is one `Rc` clone. The interpreter
//! keeps the running thread's current context in `Vm::context`, created
//! only when a program first uses the module (`Vm::contextvars_used`);
//! until then the loop captures no contexts at all, and a run that never
//! imports `contextvars` pays nothing.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::methods::def;
use crate::vm::repr::fake_address;
use crate::vm::types::new_class;
use crate::vm::value::{Args, Attrs, Class, ClassKind, Module, NativeObject, PyResult, Value};
use crate::vm::Vm;

/// Variables and their values, in the order they were first set.
type VarMap = Vec<(Rc<VarObj>, Value)>;

/// A `contextvars.Context`. Invariant: `entered` is true exactly while it
/// is some thread's current context through `run` (or a task's step).
pub struct ContextObj {
    vars: RefCell<Rc<VarMap>>,
    entered: Cell<bool>,
    id: u64,
    class: Rc<Class>,
}

/// A `contextvars.ContextVar`.
pub struct VarObj {
    name: Rc<str>,
    default: Option<Value>,
    id: u64,
    class: Rc<Class>,
}

/// A `contextvars.Token`: what `reset` needs to undo one `set`.
pub struct TokenObj {
    context: Rc<ContextObj>,
    var: Rc<VarObj>,
    old: Option<Value>,
    used: Cell<bool>,
    id: u64,
    class: Rc<Class>,
}

/// `Token.MISSING`.
struct Missing {
    class: Rc<Class>,
}

impl ContextObj {
    fn get(&self, var: &VarObj) -> Option<Value> {
        self.vars
            .borrow()
            .iter()
            .find(|(v, _)| v.id == var.id)
            .map(|(_, x)| x.clone())
    }

    fn set(&self, var: &Rc<VarObj>, value: Option<Value>) {
        let mut vars = self.vars.borrow_mut();
        let map = Rc::make_mut(&mut vars);
        let at = map.iter().position(|(v, _)| v.id == var.id);
        match (at, value) {
            (Some(i), Some(x)) => map[i].1 = x,
            (Some(i), None) => {
                map.remove(i);
            }
            (None, Some(x)) => map.push((var.clone(), x)),
            (None, None) => {}
        }
    }
}

impl NativeObject for ContextObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// A variable's value may hold the context itself.
    fn clear_references(&self) {
        crate::vm::heap::empty(&self.vars);
    }
    fn class_name(&self) -> &str {
        "Context"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!(
            "<_contextvars.Context object at {}>",
            fake_address(self.id)
        ))
    }
    fn truthy(&self) -> bool {
        !self.vars.borrow().is_empty()
    }
}

impl NativeObject for VarObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "ContextVar"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let name = vm.repr(&Value::Str(self.name.clone()))?;
        let default = match &self.default {
            Some(d) => format!(" default={}", vm.repr(d)?),
            None => String::new(),
        };
        Ok(format!(
            "<ContextVar name={}{} at {}>",
            name,
            default,
            fake_address(self.id)
        ))
    }
    fn get_attr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "name" => Some(Ok(Value::Str(self.name.clone()))),
            _ => None,
        }
    }
}

impl NativeObject for TokenObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "Token"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let var = self.var.repr(vm)?;
        Ok(format!(
            "<Token{} var={} at {}>",
            if self.used.get() { " used" } else { "" },
            var,
            fake_address(self.id)
        ))
    }
    fn get_attr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "var" => Some(Ok(Value::Object(self.var.clone()))),
            "old_value" => Some(Ok(match &self.old {
                Some(v) => v.clone(),
                None => missing(vm),
            })),
            _ => None,
        }
    }
}

impl NativeObject for Missing {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "Token.MISSING"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok("<Token.MISSING>".into())
    }
}

/// The classes of the module, made once per interpreter.
struct Classes {
    context: Rc<Class>,
    var: Rc<Class>,
    token: Rc<Class>,
    missing: Value,
}

/// The module's classes. They are made when `_contextvars` is first
/// imported, which comes before any context or variable can exist.
fn classes(vm: &Vm) -> Rc<Classes> {
    match vm
        .contextvars_classes
        .clone()
        .map(|c| c.downcast::<Classes>())
    {
        Some(Ok(c)) => c,
        _ => Rc::new(make_classes(vm)),
    }
}

fn make_classes(vm: &Vm) -> Classes {
    let ids = Cell::new(vm.next_id());
    let plain = |name: &str| {
        new_class(
            &ids,
            name,
            "_contextvars",
            vec![],
            ClassKind::Builtin,
            Attrs::default(),
        )
        .expect("no bases")
    };
    let context = plain("Context");
    let var = plain("ContextVar");
    let token = plain("Token");
    let missing_class = plain("Token.MISSING");
    let missing = Value::Object(Rc::new(Missing {
        class: missing_class,
    }));
    token
        .attrs
        .borrow_mut()
        .set("MISSING".into(), missing.clone());
    def(&context, "__new__", context_new);
    def(&context, "__getitem__", context_getitem);
    def(&context, "__contains__", context_contains);
    def(&context, "__len__", context_len);
    def(&context, "__iter__", context_iter);
    def(&context, "get", context_get);
    def(&context, "keys", context_keys);
    def(&context, "values", context_values);
    def(&context, "items", context_items);
    def(&context, "copy", context_copy);
    def(&var, "__new__", var_new);
    def(&var, "get", var_get);
    def(&var, "set", var_set);
    def(&var, "reset", var_reset);
    def(&token, "__new__", token_new);
    Classes {
        context,
        var,
        token,
        missing,
    }
}

fn missing(vm: &Vm) -> Value {
    classes(vm).missing.clone()
}

impl Vm {
    /// The running thread's current context, created empty on first use.
    pub fn current_context(&mut self) -> Rc<ContextObj> {
        if let Some(c) = &self.context {
            return c.clone();
        }
        let c = new_context(self, Rc::new(Vec::new()));
        self.context = Some(c.clone());
        c
    }

    /// `contextvars.copy_context()` for the loop: None while no program
    /// code has used context variables (then every context is empty).
    pub fn capture_context(&mut self) -> Option<Value> {
        if !self.contextvars_used {
            return None;
        }
        let vars = self.current_context().vars.borrow().clone();
        Some(Value::Object(new_context(self, vars)))
    }

    /// A fresh empty context (what a task or callback made before any
    /// variable existed would have copied).
    pub fn empty_context(&mut self) -> Value {
        Value::Object(new_context(self, Rc::new(Vec::new())))
    }

    /// Makes `ctx` the current context (CPython's `PyContext_Enter`);
    /// returns the previous one, for [`Vm::exit_context`].
    pub fn enter_context(&mut self, ctx: &Value) -> PyResult<Option<Rc<ContextObj>>> {
        let c = context_of(self, ctx)?;
        if c.entered.get() {
            let r = c.repr(self)?;
            let msg = format!("cannot enter context: {} is already entered", r);
            return Err(self.new_error("RuntimeError", &msg));
        }
        c.entered.set(true);
        Ok(self.context.replace(c))
    }

    /// Leaves the context entered last, restoring `previous`.
    pub fn exit_context(&mut self, previous: Option<Rc<ContextObj>>) {
        if let Some(c) = std::mem::replace(&mut self.context, previous) {
            c.entered.set(false);
        }
    }
}

fn new_context(vm: &Vm, vars: Rc<VarMap>) -> Rc<ContextObj> {
    let context = Rc::new(ContextObj {
        vars: RefCell::new(vars),
        entered: Cell::new(false),
        id: vm.next_id(),
        class: classes(vm).context.clone(),
    });
    let object: Rc<dyn NativeObject> = context.clone();
    crate::vm::heap::track_native(&object);
    context
}

fn context_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<ContextObj>> {
    if let Value::Object(o) = v {
        let any: Rc<dyn Any> = o.clone();
        if let Ok(c) = any.downcast::<ContextObj>() {
            return Ok(c);
        }
    }
    let msg = format!("an instance of Context was expected, got {}", v.type_name());
    Err(vm.new_error("TypeError", &msg))
}

fn var_of(v: &Value) -> Option<Rc<VarObj>> {
    if let Value::Object(o) = v {
        let any: Rc<dyn Any> = o.clone();
        return any.downcast::<VarObj>().ok();
    }
    None
}

fn this_var(vm: &mut Vm, args: &Args) -> PyResult<Rc<VarObj>> {
    match args.pos.first().and_then(var_of) {
        Some(v) => Ok(v),
        None => Err(vm.new_error("TypeError", "a ContextVar method needs its variable")),
    }
}

fn this_context(vm: &mut Vm, args: &Args) -> PyResult<Rc<ContextObj>> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    context_of(vm, &v)
}

fn key_var(vm: &mut Vm, args: &Args) -> PyResult<Rc<VarObj>> {
    let k = args.pos.get(1).cloned().unwrap_or(Value::None);
    match var_of(&k) {
        Some(v) => Ok(v),
        None => {
            let r = vm.repr(&k)?;
            let msg = format!("a ContextVar key was expected, got {}", r);
            Err(vm.new_error("TypeError", &msg))
        }
    }
}

// ----- ContextVar -------------------------------------------------------------

fn var_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let default = args.take_kw("default");
    let name = match args.take_kw("name").or_else(|| args.pos.get(1).cloned()) {
        Some(Value::Str(s)) => s,
        Some(_) => return Err(vm.new_error("TypeError", "context variable name must be a str")),
        None => {
            return Err(vm.new_error(
                "TypeError",
                "ContextVar() missing required argument 'name' (pos 1)",
            ))
        }
    };
    vm.contextvars_used = true;
    Ok(Value::Object(Rc::new(VarObj {
        name,
        default,
        id: vm.next_id(),
        class: classes(vm).var.clone(),
    })))
}

fn var_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let var = this_var(vm, &args)?;
    if let Some(v) = vm.current_context().get(&var) {
        return Ok(v);
    }
    if let Some(d) = args.pos.get(1) {
        return Ok(d.clone());
    }
    if let Some(d) = &var.default {
        return Ok(d.clone());
    }
    let e = vm.new_exception("LookupError", vec![Value::Object(var)]);
    Err(crate::vm::value::PyErr::Exception(e))
}

fn var_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let var = this_var(vm, &args)?;
    let Some(value) = args.pos.get(1).cloned() else {
        return Err(vm.new_error(
            "TypeError",
            "ContextVar.set() takes exactly one argument (0 given)",
        ));
    };
    let ctx = vm.current_context();
    let old = ctx.get(&var);
    ctx.set(&var, Some(value));
    Ok(Value::Object(Rc::new(TokenObj {
        context: ctx,
        var,
        old,
        used: Cell::new(false),
        id: vm.next_id(),
        class: classes(vm).token.clone(),
    })))
}

fn var_reset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let var = this_var(vm, &args)?;
    let token = args.pos.get(1).cloned().unwrap_or(Value::None);
    let Some(t) = token.downcast::<TokenObj>() else {
        let msg = format!("expected an instance of Token, got {}", vm.repr(&token)?);
        return Err(vm.new_error("TypeError", &msg));
    };
    if t.used.get() {
        let msg = format!("{} has already been used once", vm.repr(&token)?);
        return Err(vm.new_error("RuntimeError", &msg));
    }
    if t.var.id != var.id {
        let msg = format!("{} was created by a different ContextVar", vm.repr(&token)?);
        return Err(vm.new_error("ValueError", &msg));
    }
    let ctx = vm.current_context();
    if !Rc::ptr_eq(&ctx, &t.context) {
        let msg = format!("{} was created in a different Context", vm.repr(&token)?);
        return Err(vm.new_error("ValueError", &msg));
    }
    t.used.set(true);
    ctx.set(&var, t.old.clone());
    Ok(Value::None)
}

fn token_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.new_error("RuntimeError", "Tokens can only be created by ContextVars"))
}

// ----- Context ----------------------------------------------------------------

fn context_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.new_error("TypeError", "Context() does not accept any arguments"));
    }
    vm.contextvars_used = true;
    Ok(vm.empty_context())
}

fn context_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this_context(vm, &args)?;
    let var = key_var(vm, &args)?;
    match ctx.get(&var) {
        Some(v) => Ok(v),
        None => Err(vm.new_error_args("KeyError", vec![Value::Object(var)])),
    }
}

fn context_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this_context(vm, &args)?;
    let var = key_var(vm, &args)?;
    Ok(Value::Bool(ctx.get(&var).is_some()))
}

fn context_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this_context(vm, &args)?;
    let n = ctx.vars.borrow().len();
    Ok(Value::Int(n as i64))
}

fn context_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this_context(vm, &args)?;
    let var = key_var(vm, &args)?;
    Ok(ctx
        .get(&var)
        .unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn entries(vm: &mut Vm, args: &Args) -> PyResult<Rc<VarMap>> {
    let ctx = this_context(vm, args)?;
    let vars = ctx.vars.borrow().clone();
    Ok(vars)
}

fn context_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = entries(vm, &args)?;
    Ok(Value::list(
        e.iter().map(|(v, _)| Value::Object(v.clone())).collect(),
    ))
}

fn context_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let keys = context_keys(vm, args)?;
    vm.iter(&keys)
}

fn context_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = entries(vm, &args)?;
    Ok(Value::list(e.iter().map(|(_, x)| x.clone()).collect()))
}

fn context_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = entries(vm, &args)?;
    Ok(Value::list(
        e.iter()
            .map(|(v, x)| Value::tuple(vec![Value::Object(v.clone()), x.clone()]))
            .collect(),
    ))
}

fn context_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = this_context(vm, &args)?;
    let vars = ctx.vars.borrow().clone();
    Ok(Value::Object(new_context(vm, vars)))
}

// ----- module functions -------------------------------------------------------

fn copy_context(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.contextvars_used = true;
    let vars = vm.current_context().vars.borrow().clone();
    Ok(Value::Object(new_context(vm, vars)))
}

/// `_enter(ctx)`: `Context.run`'s first half (written in Python, so that
/// a thread blocking inside `run` suspends like any other).
fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ctx = args.pos.first().cloned().unwrap_or(Value::None);
    let previous = vm.enter_context(&ctx)?;
    Ok(match previous {
        Some(p) => Value::Object(p),
        None => Value::None,
    })
}

/// `_exit(previous)`: `Context.run`'s second half.
fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let previous = match args.pos.first() {
        Some(Value::None) | None => None,
        Some(v) => Some(context_of(vm, v)?),
    };
    vm.exit_context(previous);
    Ok(Value::None)
}

/// `_install_run(run)`: makes the Python function `run` the method
/// `Context.run` (the class is a built-in one, closed to programs).
fn install_run(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(f) = args.pos.first() {
        classes(vm)
            .context
            .attrs
            .borrow_mut()
            .set("run".into(), f.clone());
    }
    Ok(Value::None)
}

/// The native `_contextvars` module.
pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let c = Rc::new(make_classes(vm));
    let any: Rc<dyn Any> = c.clone();
    vm.contextvars_classes = Some(any);
    let m = Module::new("_contextvars");
    m.set("Context", Value::Class(c.context.clone()));
    m.set("ContextVar", Value::Class(c.var.clone()));
    m.set("Token", Value::Class(c.token.clone()));
    m.set("copy_context", native("copy_context", copy_context));
    m.set("_enter", native("_enter", enter));
    m.set("_exit", native("_exit", exit));
    m.set("_install_run", native("_install_run", install_run));
    Ok(m)
}
