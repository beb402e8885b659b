//! The `builtins` module: functions and the constructors of built-in types.

use std::cell::RefCell;
use std::rc::Rc;

use super::bigint::{self, Int, Sign};
use super::containers::{frozenset_value, set_value};
use super::dict::Dict;
use super::encoding;
use super::methods::{def, sort_values};
use super::namespace::NamespaceRequest;
use super::value::{Args, Class, Iter, NativeFn, NativeImpl, PyResult, Range, Value};
use super::Vm;

/// A native function value (not bound).
pub fn native(name: &str, func: NativeImpl) -> Value {
    Value::Native(Rc::new(NativeFn {
        name: name.into(),
        qualname: name.into(),
        func,
        bound: None,
        data: None,
    }))
}

/// Raises `TypeError` unless the argument count is within `min..=max`.
pub fn arity(vm: &mut Vm, args: &Args, min: usize, max: usize, name: &str) -> PyResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        let msg = if min == max {
            format!(
                "{}() takes exactly {} argument{} ({} given)",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else if n < min {
            format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else {
            format!(
                "{} expected at most {} argument{}, got {}",
                name,
                max,
                if max == 1 { "" } else { "s" },
                n
            )
        };
        return Err(vm.new_error("TypeError", &msg));
    }
    Ok(())
}

/// Raises `TypeError` for keyword arguments a function does not take.
pub fn no_kwargs(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if let Some((k, _)) = args.kw.first() {
        return Err(vm.new_error(
            "TypeError",
            &format!("{}() got an unexpected keyword argument '{}'", name, k),
        ));
    }
    Ok(())
}

/// An int argument that must fit a C `Py_ssize_t`, or CPython's
/// `TypeError` (not an int) or `OverflowError` (too large).
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v.unwrapped() {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(vm.new_error(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
        Value::Instance(_) => match vm.index_value(v)? {
            Value::Int(i) => Ok(i),
            _ => Err(vm.new_error(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            )),
        },
        other => Err(vm.new_error(
            "TypeError",
            &format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ),
        )),
    }
}

/// An index argument (`PyNumber_AsSsize_t`): a too large int is
/// `OverflowError: cannot fit 'int' into an index-sized integer`.
pub fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(_) => Err(vm.new_error(
            "OverflowError",
            "cannot fit 'int' into an index-sized integer",
        )),
        other => int_arg(vm, other),
    }
}

/// A float argument (ints convert), or CPython's `TypeError`.
pub fn float_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<f64> {
    match v.unwrapped() {
        Value::Int(i) => Ok(*i as f64),
        Value::BigInt(b) => bigint::to_f64(b).map_err(|e| vm.int_error(e)),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        other => Err(vm.new_error(
            "TypeError",
            &format!("{} must be a real number, not {}", what, other.type_name()),
        )),
    }
}

fn print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep");
    let end = args.take_kw("end");
    let file = args.take_kw("file");
    let flush = args.take_kw("flush");
    if let Some((name, _)) = args.kw.first() {
        let msg = format!("'{}' is an invalid keyword argument for print()", name);
        return Err(vm.new_error("TypeError", &msg));
    }
    let sep = match sep {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(vm.new_error(
                "TypeError",
                &format!("sep must be None or a string, not {}", other.type_name()),
            ))
        }
    };
    let end = match end {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(vm.new_error(
                "TypeError",
                &format!("end must be None or a string, not {}", other.type_name()),
            ))
        }
    };
    // As CPython, each piece is written on its own: what came before an
    // argument whose str() fails is out already, and a file's write() sees
    // the pieces.
    let write = match file {
        None | Some(Value::None) => None,
        Some(f) => Some((vm.get_attr(&f, "write")?, f)),
    };
    let emit = |vm: &mut Vm, text: String| -> PyResult<()> {
        match &write {
            None => {
                vm.write_stdout(&text);
                Ok(())
            }
            Some((w, _)) => vm
                .call(w, Args::new(vec![Value::Str(text.into())]))
                .map(|_| ()),
        }
    };
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            emit(vm, sep.clone())?;
        }
        let text = vm.to_str(a)?;
        emit(vm, text)?;
    }
    emit(vm, end)?;
    if let (Some(flush), Some((_, f))) = (flush, &write) {
        if vm.truthy(&flush)? {
            let flush = vm.get_attr(f, "flush")?;
            vm.call(&flush, Args::default())?;
        }
    }
    Ok(Value::None)
}

fn ascii_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "ascii")?;
    Ok(Value::Str(vm.ascii(&args.pos[0])?.into()))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "len")?;
    Ok(Value::Int(vm.len(&args.pos[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "repr")?;
    Ok(Value::Str(vm.repr(&args.pos[0])?.into()))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 2, "format")?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        _ => "".into(),
    };
    Ok(Value::Str(vm.format(&args.pos[0], &spec)?.into()))
}

fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a: Vec<Value> = args.pos[1..].to_vec();
    if a.is_empty() || a.len() > 3 {
        return Err(vm.new_error(
            "TypeError",
            &format!("range expected at least 1 argument, got {}", a.len()),
        ));
    }
    let mut n = Vec::new();
    for v in &a {
        n.push(int_arg(vm, v)?);
    }
    let (start, stop, step) = match n.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        _ => (n[0], n[1], n[2]),
    };
    if step == 0 {
        return Err(vm.new_error("ValueError", "range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

/// `slice(stop)`, `slice(start, stop[, step])`.
fn slice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a: Vec<Value> = args.pos[1..].to_vec();
    let parts = match a.len() {
        1 => [Value::None, a[0].clone(), Value::None],
        2 => [a[0].clone(), a[1].clone(), Value::None],
        3 => [a[0].clone(), a[1].clone(), a[2].clone()],
        n => {
            let msg = if n == 0 {
                "slice expected at least 1 argument, got 0".to_string()
            } else {
                format!("slice expected at most 3 arguments, got {}", n)
            };
            return Err(vm.new_error("TypeError", &msg));
        }
    };
    Ok(Value::Slice(Rc::new(parts)))
}

fn iter_value(it: Iter) -> Value {
    Value::Iterator(crate::vm::heap::tracked(RefCell::new(it)))
}

fn enumerate(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    let items = &args.pos[1..];
    if items.is_empty() {
        return Err(vm.new_error(
            "TypeError",
            "enumerate() missing required argument 'iterable' (pos 1)",
        ));
    }
    let it = vm.iter(&items[0])?;
    let start = match start.or_else(|| items.get(1).cloned()) {
        Some(v) => vm.index_value(&v)?,
        None => Value::Int(0),
    };
    Ok(iter_value(Iter::Enumerate(it, start)))
}

fn zip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut its = Vec::new();
    for a in &args.pos[1..] {
        its.push(vm.iter(a)?);
    }
    Ok(iter_value(Iter::Zip(its)))
}

fn map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() < 3 {
        return Err(vm.new_error("TypeError", "map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &args.pos[2..] {
        its.push(vm.iter(a)?);
    }
    Ok(iter_value(Iter::Map(args.pos[1].clone(), its)))
}

fn filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 3 {
        return Err(vm.new_error("TypeError", "filter expected 2 arguments"));
    }
    let it = vm.iter(&args.pos[2])?;
    Ok(iter_value(Iter::Filter(args.pos[1].clone(), it)))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "reversed")?;
    let v = &args.pos[1];
    if let Value::Dict(d) = v {
        return Ok(iter_value(Iter::Dict {
            dict: d.clone(),
            pos: usize::MAX,
            used: d.borrow().len(),
            left: d.borrow().len(),
            kind: super::value::DictPart::Keys,
            reversed: true,
        }));
    }
    if let Value::Instance(_) | Value::Object(_) = v {
        if let Some(m) = vm.lookup_method(v, "__reversed__")? {
            return vm.call(&m, Args::new(vec![v.clone()]));
        }
    }
    if matches!(v, Value::Set(_) | Value::FrozenSet(_) | Value::Iterator(_)) {
        return Err(vm.new_error(
            "TypeError",
            &format!("'{}' object is not reversible", v.type_name()),
        ));
    }
    let items = vm.collect(v)?;
    let n = items.len();
    Ok(iter_value(Iter::Reversed(items.into(), n)))
}

fn sorted(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key");
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    no_kwargs(vm, &args, "sorted")?;
    arity(vm, &args, 1, 1, "sorted")?;
    let items = vm.collect(&args.pos[0])?;
    Ok(Value::list(sort_values(vm, items, key, reverse)?))
}

fn sum(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    arity(vm, &args, 1, 2, "sum")?;
    let mut acc = start
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(vm.new_error(
            "TypeError",
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = vm.iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary(crate::lang::ast::BinOp::Add, &acc, &x)?;
    }
    Ok(acc)
}

fn min_max(vm: &mut Vm, mut args: Args, name: &str, want_less: bool) -> PyResult<Value> {
    let key = args.take_kw("key");
    let default = args.take_kw("default");
    no_kwargs(vm, &args, name)?;
    let items = match args.pos.len() {
        0 => {
            return Err(vm.new_error(
                "TypeError",
                &format!("{} expected at least 1 argument, got 0", name),
            ))
        }
        1 => vm.collect(&args.pos[0])?,
        _ => args.pos.clone(),
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.new_error(
                "ValueError",
                &format!("{}() arg is an empty sequence", name),
            )),
        };
    }
    let key = key.filter(|k| !matches!(k, Value::None));
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, Args::new(vec![best.clone()]))?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, Args::new(vec![it.clone()]))?,
            None => it.clone(),
        };
        let better = if want_less {
            vm.less(&k, &best_key)?
        } else {
            vm.less(&best_key, &k)?
        };
        if better {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", true)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", false)
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "abs")?;
    if let Some(m) = vm.user_dunder(&args.pos[0], "__abs__")? {
        return vm.call(&m, Args::default());
    }
    match args.pos[0].unwrapped() {
        Value::Int(i) => Ok(bigint::abs(Int::Small(*i))),
        Value::BigInt(b) => Ok(bigint::abs(Int::Big(b))),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => Err(vm.new_error(
            "TypeError",
            &format!("bad operand type for abs(): '{}'", other.type_name()),
        )),
    }
}

/// `round(x, ndigits)`, also `float.__round__`.
pub(crate) fn round(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let nd = args.take_kw("ndigits");
    arity(vm, &args, 1, 2, "round")?;
    let nd = nd.or_else(|| args.pos.get(1).cloned());
    if let Some(m) = vm.user_dunder(&args.pos[0], "__round__")? {
        return vm.call(&m, Args::new(nd.into_iter().collect()));
    }
    let nd = match nd {
        None | Some(Value::None) => None,
        Some(Value::BigInt(b)) => Some(if b.sign() == Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        Some(n) => Some(int_arg(vm, &n)?),
    };
    let x = args.pos[0].unwrapped().clone();
    match (&x, nd) {
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => {
            Ok(bigint::int_of(&x).map_or(Value::Int(0), |i| match i {
                Int::Small(i) => Value::Int(i),
                Int::Big(_) => x.clone(),
            }))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Some(n)) => {
            let i = bigint::int_of(&x).unwrap_or(Int::Small(0));
            if n >= 0 {
                return Ok(match i {
                    Int::Small(i) => Value::Int(i),
                    Int::Big(_) => x.clone(),
                });
            }
            bigint::round_neg(i, n).map_err(|e| vm.int_error(e))
        }
        (Value::Float(f), None) => {
            bigint::from_f64(f.round_ties_even()).map_err(|e| vm.int_error(e))
        }
        (Value::Float(f), Some(n)) => {
            if !f.is_finite() || n > 330 {
                return Ok(Value::Float(*f));
            }
            if n < -330 {
                return Ok(Value::Float(0.0f64.copysign(*f)));
            }
            if n < 0 {
                let p = 10f64.powi((-n) as i32);
                return Ok(Value::Float((f / p).round_ties_even() * p));
            }
            let s = format!("{:.*}", n as usize, f);
            Ok(Value::Float(s.parse().unwrap_or(*f)))
        }
        (other, _) => Err(vm.new_error(
            "TypeError",
            &format!("type {} doesn't define __round__ method", other.type_name()),
        )),
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "divmod")?;
    use crate::lang::ast::BinOp;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        if let Some(m) = vm.user_dunder(a, "__divmod__")? {
            let r = vm.call(&m, Args::new(vec![b.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(m) = vm.user_dunder(b, "__rdivmod__")? {
            let r = vm.call(&m, Args::new(vec![a.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if a.builtin_payload().is_none() && b.builtin_payload().is_none() {
            return Err(vm.new_error(
                "TypeError",
                &format!(
                    "unsupported operand type(s) for divmod(): '{}' and '{}'",
                    a.type_name(),
                    b.type_name()
                ),
            ));
        }
    }
    let q = vm.binary(BinOp::FloorDiv, &args.pos[0], &args.pos[1])?;
    let r = vm.binary(BinOp::Mod, &args.pos[0], &args.pos[1])?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 3, "pow")?;
    use crate::lang::ast::BinOp;
    if let Some(m) = args.pos.get(2).filter(|m| !matches!(m, Value::None)) {
        let ints = (
            bigint::int_of(&args.pos[0]),
            bigint::int_of(&args.pos[1]),
            bigint::int_of(m),
        );
        let (Some(b), Some(e), Some(m)) = ints else {
            let all_numbers = [&args.pos[0], &args.pos[1], m].iter().all(|v| {
                matches!(
                    v,
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
                )
            });
            if all_numbers {
                return Err(vm.new_error(
                    "TypeError",
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            }
            return Err(vm.new_error(
                "TypeError",
                &format!(
                    "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                    args.pos[0].type_name(),
                    args.pos[1].type_name(),
                    m.type_name()
                ),
            ));
        };
        return bigint::pow_mod(&b.big(), &e.big(), &m.big()).map_err(|e| vm.int_error(e));
    }
    vm.binary(BinOp::Pow, &args.pos[0], &args.pos[1])
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "isinstance")?;
    Ok(Value::Bool(vm.isinstance(&args.pos[0], &args.pos[1])?))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "issubclass")?;
    Ok(Value::Bool(vm.issubclass(&args.pos[0], &args.pos[1])?))
}

/// `"UnionType"` for `int | None`, `"GenericAlias"` for `list[int]`.
fn typeform(v: &Value) -> Option<&str> {
    match v {
        Value::Instance(i) if &*i.class.module == "types" => Some(&i.class.name),
        _ => None,
    }
}

impl Vm {
    /// `isinstance(obj, spec)`: a class (asking its metaclass's
    /// `__instancecheck__` when it has one, as ABCs do) or a tuple of them.
    pub fn isinstance(&mut self, obj: &Value, spec: &Value) -> PyResult<bool> {
        match spec {
            Value::Class(c) => {
                let class = self.types.class_of(self, obj);
                if Rc::ptr_eq(&class, c) {
                    return Ok(true);
                }
                if let Some(meta) = &c.meta {
                    if meta.has(Class::CHECKS) {
                        if let Some(hook) = meta.lookup("__instancecheck__") {
                            let f = self.bind_to(spec, &meta.clone(), hook)?;
                            let r = self.call(&f, Args::new(vec![obj.clone()]))?;
                            return self.truthy(&r);
                        }
                    }
                }
                Ok(Rc::ptr_eq(c, &self.types.object) || class.is_subclass(c))
            }
            Value::Tuple(items) => {
                for it in items.iter() {
                    if self.isinstance(obj, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other if typeform(other) == Some("UnionType") => {
                let args = self.get_attr(other, "__args__")?;
                self.isinstance(obj, &args)
            }
            other if typeform(other) == Some("GenericAlias") => Err(self.new_error(
                "TypeError",
                "isinstance() argument 2 cannot be a parameterized generic",
            )),
            other => match self.user_dunder(other, "__instancecheck__")? {
                Some(hook) => {
                    let r = self.call(&hook, Args::new(vec![obj.clone()]))?;
                    self.truthy(&r)
                }
                None => Err(self.new_error(
                    "TypeError",
                    "isinstance() arg 2 must be a type, a tuple of types, or a union",
                )),
            },
        }
    }

    /// `issubclass(sub, spec)`, with `__subclasscheck__`.
    pub fn issubclass(&mut self, sub: &Value, spec: &Value) -> PyResult<bool> {
        match spec {
            Value::Class(c) => {
                if let Some(meta) = &c.meta {
                    if meta.has(Class::CHECKS) {
                        if let Some(hook) = meta.lookup("__subclasscheck__") {
                            let f = self.bind_to(spec, &meta.clone(), hook)?;
                            let r = self.call(&f, Args::new(vec![sub.clone()]))?;
                            return self.truthy(&r);
                        }
                    }
                }
                match sub {
                    Value::Class(s) => Ok(Rc::ptr_eq(c, &self.types.object) || s.is_subclass(c)),
                    _ => Err(self.new_error("TypeError", "issubclass() arg 1 must be a class")),
                }
            }
            Value::Tuple(items) => {
                for it in items.iter() {
                    if self.issubclass(sub, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other if typeform(other) == Some("UnionType") => {
                let args = self.get_attr(other, "__args__")?;
                self.issubclass(sub, &args)
            }
            other if typeform(other) == Some("GenericAlias") => Err(self.new_error(
                "TypeError",
                "issubclass() argument 2 cannot be a parameterized generic",
            )),
            other => match self.user_dunder(other, "__subclasscheck__")? {
                Some(hook) => {
                    let r = self.call(&hook, Args::new(vec![sub.clone()]))?;
                    self.truthy(&r)
                }
                None => {
                    if !matches!(sub, Value::Class(_)) {
                        return Err(
                            self.new_error("TypeError", "issubclass() arg 1 must be a class")
                        );
                    }
                    Err(self.new_error(
                        "TypeError",
                        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                    ))
                }
            },
        }
    }
}

pub(crate) fn str_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let object = take_source(vm, &mut args, "object", "str")?;
    // `str(b, encoding, errors)`: with either given, the object is decoded.
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let named = encoding::bind(vm, &args, 1, "str")?;
        return match object.as_ref().map(Value::unwrapped) {
            None => Ok(Value::str("")),
            Some(Value::Bytes(b)) => {
                let b = b.clone();
                encoding::decode(vm, &b, &named)
            }
            Some(Value::Str(_)) => Err(vm.new_error("TypeError", "decoding str is not supported")),
            Some(other) => {
                let msg = format!(
                    "decoding to str: need a bytes-like object, {} found",
                    other.type_name()
                );
                Err(vm.new_error("TypeError", &msg))
            }
        };
    }
    match object {
        None => Ok(Value::str("")),
        Some(v) => Ok(Value::Str(vm.to_str(&v)?.into())),
    }
}

/// The first argument of `str()`/`bytes()` (by position or by its keyword
/// `name`), taken out of `args`; what remains are `encoding` and `errors`
/// after the class.
fn take_source(vm: &mut Vm, args: &mut Args, name: &str, callee: &str) -> PyResult<Option<Value>> {
    if args.pos.len() > 4 {
        let msg = format!(
            "{}() takes at most 3 arguments ({} given)",
            callee,
            args.pos.len() - 1
        );
        return Err(vm.new_error("TypeError", &msg));
    }
    let by_name = args.take_kw(name);
    if args.pos.len() > 1 {
        if by_name.is_some() {
            let msg = format!(
                "argument for {}() given by name ('{}') and position (1)",
                callee, name
            );
            return Err(vm.new_error("TypeError", &msg));
        }
        return Ok(Some(args.pos.remove(1)));
    }
    Ok(by_name)
}

/// `int(text, base)` for str and bytes arguments, with CPython's errors.
pub(crate) fn int_from_text(
    vm: &mut Vm,
    text: &str,
    original: &Value,
    base: i64,
) -> PyResult<Value> {
    match bigint::parse(text, base as u32, vm.int_max_str_digits) {
        Ok(v) => Ok(v),
        Err(bigint::ParseError::TooManyDigits(n)) => Err(vm.new_error(
            "ValueError",
            &format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                vm.int_max_str_digits, n
            ),
        )),
        Err(bigint::ParseError::Invalid) => {
            let shown = vm.repr(original)?;
            let shown: String = shown.chars().take(200).collect();
            Err(vm.new_error(
                "ValueError",
                &format!("invalid literal for int() with base {}: {}", base, shown),
            ))
        }
    }
}

pub(crate) fn int_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let base_kw = args.take_kw("base");
    no_kwargs(vm, &args, "int")?;
    let a = &args.pos[1..];
    if a.len() > 2 {
        return Err(vm.new_error(
            "TypeError",
            &format!("int() takes at most 2 arguments ({} given)", a.len()),
        ));
    }
    let base = base_kw.or_else(|| a.get(1).cloned());
    let Some(x) = a.first() else {
        if base.is_some() {
            return Err(vm.new_error("TypeError", "int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let b = match base {
            Value::BigInt(_) => -1,
            other => int_arg(vm, &other)?,
        };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.new_error("ValueError", "int() base must be >= 2 and <= 36, or 0"));
        }
        return match x {
            Value::Str(s) => int_from_text(vm, s, x, b),
            Value::Bytes(bytes) => {
                let text = String::from_utf8_lossy(bytes).into_owned();
                int_from_text(vm, &text, x, b)
            }
            _ => Err(vm.new_error(
                "TypeError",
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => bigint::from_f64(*f).map_err(|e| vm.int_error(e)),
        Value::Str(s) => int_from_text(vm, s, x, 10),
        Value::Bytes(bytes) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            int_from_text(vm, &text, x, 10)
        }
        Value::Instance(_) | Value::Object(_) => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(m) = vm.lookup_method(x, name)? {
                    let r = vm.call(&m, Args::new(vec![x.clone()]))?;
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => Err(vm.new_error(
                            "TypeError",
                            &format!("{} returned non-int (type {})", name, other.type_name()),
                        )),
                    };
                }
            }
            Err(vm.new_error(
                "TypeError",
                &format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    x.type_name()
                ),
            ))
        }
        other => Err(vm.new_error(
            "TypeError",
            &format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.type_name()
            ),
        )),
    }
}

pub(crate) fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.get(1) {
        None => Ok(Value::Float(0.0)),
        Some(Value::Float(f)) => Ok(Value::Float(*f)),
        Some(Value::Int(i)) => Ok(Value::Float(*i as f64)),
        Some(Value::BigInt(b)) => Ok(Value::Float(
            bigint::to_f64(b).map_err(|e| vm.int_error(e))?,
        )),
        Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
        Some(Value::Str(s)) => {
            let t = s.trim().to_ascii_lowercase().replace('_', "");
            let v = match t.as_str() {
                "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
                "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                "nan" | "+nan" | "-nan" => Some(f64::NAN),
                _ => {
                    if t.chars().all(|c| c.is_ascii_digit() || "+-.e".contains(c)) && !t.is_empty()
                    {
                        t.parse::<f64>().ok()
                    } else {
                        None
                    }
                }
            };
            match v {
                Some(v) => Ok(Value::Float(v)),
                None => Err(vm.new_error(
                    "ValueError",
                    &format!(
                        "could not convert string to float: {}",
                        super::repr::str_repr(s)
                    ),
                )),
            }
        }
        Some(other) => Err(vm.new_error(
            "TypeError",
            &format!(
                "float() argument must be a string or a real number, not '{}'",
                other.type_name()
            ),
        )),
    }
}

fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.get(1) {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

pub(crate) fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.get(1) {
        None => Ok(Value::list(vec![])),
        Some(v) => Ok(Value::list(vm.collect(v)?)),
    }
}

pub(crate) fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.get(1) {
        None => Ok(Value::tuple(vec![])),
        Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
        Some(v) => Ok(Value::tuple(vm.collect(v)?)),
    }
}

pub(crate) fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = Value::Dict(crate::vm::heap::tracked(RefCell::new(Dict::new())));
    let update = vm.get_attr(&d, "update")?;
    let mut a = args;
    a.pos.remove(0);
    vm.call(&update, a)?;
    Ok(d)
}

pub(crate) fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(vm, &args, "set")?;
    if args.pos.len() > 2 {
        return Err(vm.new_error(
            "TypeError",
            &format!(
                "set expected at most 1 argument, got {}",
                args.pos.len() - 1
            ),
        ));
    }
    Ok(set_value(vm.new_set(args.pos.get(1))?))
}

pub(crate) fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(vm, &args, "frozenset")?;
    if args.pos.len() > 2 {
        return Err(vm.new_error(
            "TypeError",
            &format!(
                "frozenset expected at most 1 argument, got {}",
                args.pos.len() - 1
            ),
        ));
    }
    // frozenset(f) is f itself.
    if let Some(v @ Value::FrozenSet(_)) = args.pos.get(1) {
        return Ok(v.clone());
    }
    Ok(frozenset_value(vm.new_set(args.pos.get(1))?))
}

pub(crate) fn bytes_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let source = take_source(vm, &mut args, "source", "bytes")?;
    let named = encoding::bind(vm, &args, 1, "bytes")?;
    let source = match (source, &named.encoding) {
        (Some(v), Some(_)) => match v.unwrapped() {
            Value::Str(s) => {
                let s = s.clone();
                return encoding::encode(vm, &s, &named);
            }
            _ => return Err(vm.new_error("TypeError", "encoding without a string argument")),
        },
        (Some(v), None) if matches!(v.unwrapped(), Value::Str(_)) => {
            return Err(vm.new_error("TypeError", "string argument without an encoding"))
        }
        (_, None) if named.errors.is_some() => {
            return Err(vm.new_error("TypeError", "errors without a string argument"))
        }
        (source, _) => source,
    };
    match source.as_ref() {
        None => Ok(Value::Bytes(Rc::from(Vec::new()))),
        Some(Value::Bytes(b)) => Ok(Value::Bytes(b.clone())),
        Some(Value::Int(n)) if *n >= 0 && *n < 100_000_000 => {
            Ok(Value::Bytes(vec![0u8; *n as usize].into()))
        }
        Some(n @ Value::BigInt(_)) => {
            index_arg(vm, n)?;
            Ok(Value::None)
        }
        Some(v) => {
            let items = vm.collect(v)?;
            let mut out = Vec::new();
            for it in items {
                match it {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    _ => return Err(vm.new_error("ValueError", "bytes must be in range(0, 256)")),
                }
            }
            Ok(Value::Bytes(out.into()))
        }
    }
}

fn iter_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 2, "iter")?;
    if let Some(sentinel) = args.pos.get(1) {
        let f = args.pos[0].clone();
        if !is_callable(vm, &f)? {
            return Err(vm.new_error("TypeError", "iter(v, w): v must be callable"));
        }
        return Ok(iter_value(Iter::Call(f, sentinel.clone())));
    }
    vm.iter(&args.pos[0])
}

fn next_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 2, "next")?;
    // A generator's StopIteration carries what it returned.
    if let (Value::Coroutine(c), None) = (&args.pos[0], args.pos.get(1)) {
        if c.kind == crate::vm::value::CoroKind::Generator {
            let f = vm.get_attr(&args.pos[0], "__next__")?;
            return vm.call(&f, Args::default());
        }
    }
    match vm.next(&args.pos[0])? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_error_args("StopIteration", vec![])),
        },
    }
}

/// `aiter(obj)`: `obj.__aiter__()`, which must give an async iterator.
fn aiter_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "aiter")?;
    let obj = args.pos[0].clone();
    let Some(m) = vm.lookup_method(&obj, "__aiter__")? else {
        let msg = format!("'{}' object is not an async iterable", obj.type_name());
        return Err(vm.new_error("TypeError", &msg));
    };
    let it = vm.call(&m, Args::new(vec![obj]))?;
    if vm.lookup_method(&it, "__anext__")?.is_none() {
        let msg = format!(
            "aiter() returned not an async iterator of type '{}'",
            it.type_name()
        );
        return Err(vm.new_error("TypeError", &msg));
    }
    Ok(it)
}

/// `anext(it[, default])`: the awaitable of `it.__anext__()`; with a
/// default, one that gives the default instead of `StopAsyncIteration`
/// (a small coroutine of `_anext`).
fn anext_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 2, "anext")?;
    let it = args.pos[0].clone();
    let Some(m) = vm.lookup_method(&it, "__anext__")? else {
        let msg = format!("'{}' object is not an async iterator", it.type_name());
        return Err(vm.new_error("TypeError", &msg));
    };
    let awaitable = vm.call(&m, Args::new(vec![it]))?;
    let Some(default) = args.pos.get(1).cloned() else {
        return Ok(awaitable);
    };
    let helper = vm.import("_anext")?;
    let f = vm.get_attr(&Value::Module(helper), "anext_awaitable")?;
    vm.call(&f, Args::new(vec![awaitable, default]))
}

fn any_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "any")?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "all")?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn getattr_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 3, "getattr")?;
    let name = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        other => {
            let msg = format!("attribute name must be string, not '{}'", other.type_name());
            return Err(vm.new_error("TypeError", &msg));
        }
    };
    match vm.get_attr(&args.pos[0], &name) {
        Ok(v) => Ok(v),
        Err(super::value::PyErr::Exception(e))
            if args.pos.len() == 3 && vm.is_instance_of(&e, "AttributeError") =>
        {
            Ok(args.pos[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn hasattr_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "hasattr")?;
    let name = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        other => {
            let msg = format!("attribute name must be string, not '{}'", other.type_name());
            return Err(vm.new_error("TypeError", &msg));
        }
    };
    match vm.get_attr(&args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(super::value::PyErr::Exception(e)) if vm.is_instance_of(&e, "AttributeError") => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

fn setattr_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 3, 3, "setattr")?;
    let name = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        other => {
            let msg = format!("attribute name must be string, not '{}'", other.type_name());
            return Err(vm.new_error("TypeError", &msg));
        }
    };
    vm.set_attr(&args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "delattr")?;
    let name = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        other => {
            return Err(vm.new_error(
                "TypeError",
                &format!("attribute name must be string, not '{}'", other.type_name()),
            ))
        }
    };
    vm.del_attr(&args.pos[0], &name)?;
    Ok(Value::None)
}

fn callable_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "callable")?;
    Ok(Value::Bool(is_callable(vm, &args.pos[0])?))
}

fn is_callable(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::Function(_) | Value::Native(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Object(_) => vm.lookup_method(v, "__call__")?.is_some(),
        _ => false,
    })
}

fn id_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "id")?;
    Ok(Value::Int(vm.id_of(&args.pos[0])))
}

fn hash_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "hash")?;
    Ok(Value::Int(vm.hash(&args.pos[0])?))
}

fn chr_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "chr")?;
    if let Value::BigInt(_) = args.pos[0] {
        return Err(vm.new_error("OverflowError", "Python int too large to convert to C int"));
    }
    let i = int_arg(vm, &args.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::Str(c.to_string().into())),
        None => Err(vm.new_error("ValueError", "chr() arg not in range(0x110000)")),
    }
}

fn ord_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 1, 1, "ord")?;
    match &args.pos[0] {
        Value::Str(s) if s.chars().count() == 1 => {
            Ok(Value::Int(s.chars().next().map(|c| c as i64).unwrap_or(0)))
        }
        Value::Str(s) => Err(vm.new_error(
            "TypeError",
            &format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            ),
        )),
        other => Err(vm.new_error(
            "TypeError",
            &format!(
                "ord() expected string of length 1, but {} found",
                other.type_name()
            ),
        )),
    }
}

fn radix(vm: &mut Vm, args: Args, name: &str, prefix: &str, base: u32) -> PyResult<Value> {
    arity(vm, &args, 1, 1, name)?;
    let v = vm.index_value(&args.pos[0])?;
    let (negative, digits) = bigint::to_radix(bigint::int_of(&v).unwrap_or(Int::Small(0)), base);
    let sign = if negative { "-" } else { "" };
    Ok(Value::Str(format!("{}{}{}", sign, prefix, digits).into()))
}

fn hex_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", "0x", 16)
}

fn oct_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", "0o", 8)
}

fn bin_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", "0b", 2)
}

/// `exit([code])` and `quit([code])`, as the site module's: `SystemExit`.
fn exit_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = args.pos.first().cloned().unwrap_or(Value::None);
    Err(vm.new_error_args("SystemExit", vec![code]))
}

fn unsupported_input(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.new_error(
        "NotImplementedError",
        "input() is not supported yet: programs here cannot read from the keyboard",
    ))
}

/// Built-ins written in Python, and the module each is in: loaded the
/// first time a program names one, so other runs do not pay for them.
const LAZY_BUILTINS: &[(&str, &str)] =
    &[("bytearray", "_bytearray"), ("memoryview", "_memoryview")];

impl Vm {
    /// A built-in of [`LAZY_BUILTINS`], loaded into `builtins` now; `None`
    /// for any other name.
    pub fn lazy_builtin(&mut self, name: &str) -> PyResult<Option<Value>> {
        let Some((_, module)) = LAZY_BUILTINS.iter().find(|(n, _)| *n == name) else {
            return Ok(None);
        };
        let value = self.import(module)?.get(name);
        if let Some(v) = &value {
            self.builtins.set(name, v.clone());
        }
        Ok(value)
    }
}

/// Built-ins not written yet: refused rather than faked.
fn unsupported_namespace(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let _ = args;
    Err(vm.new_error(
        "NotImplementedError",
        &format!("{}() is not supported yet", name),
    ))
}

/// CPython's errors for arguments to a built-in taking at most `max`
/// positional arguments and no keywords (`globals`, `dir`, `vars`...).
fn few_args(vm: &mut Vm, args: &Args, max: usize, name: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        let msg = format!("{}() takes no keyword arguments", name);
        return Err(vm.new_error("TypeError", &msg));
    }
    if max == 0 && !args.pos.is_empty() {
        let msg = format!("{}() takes no arguments ({} given)", name, args.pos.len());
        return Err(vm.new_error("TypeError", &msg));
    }
    arity(vm, args, 0, max, name)
}

fn globals_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    few_args(vm, &args, 0, "globals")?;
    NamespaceRequest::Globals.ask()
}

fn locals_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    few_args(vm, &args, 0, "locals")?;
    NamespaceRequest::Locals.ask()
}

/// `dir()`: the caller's names; `dir(obj)` is not written yet.
fn dir_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    few_args(vm, &args, 1, "dir")?;
    if args.pos.is_empty() {
        return NamespaceRequest::Dir.ask();
    }
    unsupported_namespace(vm, args, "dir(object)")
}

/// `eval()`, `exec()` and `compile()` would need the caller's namespaces
/// and a compiler at run time; refused rather than run in the wrong one.
fn eval_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unsupported_namespace(vm, args, "eval")
}

fn exec_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unsupported_namespace(vm, args, "exec")
}

fn compile_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unsupported_namespace(vm, args, "compile")
}

/// `vars(obj)`: its `__dict__`; `vars()` would be `locals()`.
fn vars_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    few_args(vm, &args, 1, "vars")?;
    let Some(obj) = args.pos.first() else {
        return NamespaceRequest::Locals.ask();
    };
    match vm.get_attr(obj, "__dict__") {
        Ok(d) => Ok(d),
        Err(super::value::PyErr::Exception(e)) if vm.is_instance_of(&e, "AttributeError") => {
            Err(vm.new_error("TypeError", "vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

/// `__import__(name, globals, locals, fromlist, level)`: the statement
/// `import` as a function; the package itself unless `fromlist` names
/// something, then the named module. Relative imports need a package,
/// which a program run here never is.
fn import_fn(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    const PARAMS: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    let mut slots: [Option<Value>; 5] = Default::default();
    if args.pos.len() > 5 {
        let msg = format!(
            "__import__() takes at most 5 arguments ({} given)",
            args.pos.len()
        );
        return Err(vm.new_error("TypeError", &msg));
    }
    for (slot, v) in slots.iter_mut().zip(args.pos.drain(..)) {
        *slot = Some(v);
    }
    for (key, v) in std::mem::take(&mut args.kw) {
        let Some(at) = PARAMS.iter().position(|p| **p == *key) else {
            let msg = format!("'{}' is an invalid keyword argument for __import__()", key);
            return Err(vm.new_error("TypeError", &msg));
        };
        if slots[at].is_some() {
            let msg = format!(
                "argument for __import__() given by name ('{}') and position ({})",
                key,
                at + 1
            );
            return Err(vm.new_error("TypeError", &msg));
        }
        slots[at] = Some(v);
    }
    let [name, globals, _locals, fromlist, level] = slots;
    let name = match name.as_ref().map(Value::unwrapped) {
        Some(Value::Str(s)) => s.clone(),
        Some(_) => return Err(vm.new_error("TypeError", "module name must be a string")),
        None => {
            let msg = "__import__() missing required argument 'name' (pos 1)";
            return Err(vm.new_error("TypeError", msg));
        }
    };
    let level = match level {
        Some(v) => index_arg(vm, &v)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.new_error("ValueError", "level must be >= 0"));
    }
    if level > 0 {
        if matches!(globals, None | Some(Value::None)) {
            return Err(vm.new_error("KeyError", "'__name__' not in globals"));
        }
        let msg = "attempted relative import with no known parent package";
        return Err(vm.new_error("ImportError", msg));
    }
    if name.is_empty() {
        return Err(vm.new_error("ValueError", "Empty module name"));
    }
    let leaf = match &fromlist {
        None | Some(Value::None) => false,
        Some(v) => vm.truthy(v)?,
    };
    let mut top = None;
    let mut path = String::new();
    let mut last = None;
    for part in name.split('.') {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(part);
        let m = vm.import(&path)?;
        top.get_or_insert_with(|| m.clone());
        last = Some(m);
    }
    match if leaf { last } else { top } {
        Some(m) => Ok(Value::Module(m)),
        None => Err(vm.new_error("ValueError", "Empty module name")),
    }
}

/// `open()`: `io.open`, over the run's in-memory file system (`_fs.py`).
fn open_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let io = vm.import("io")?;
    let open = io
        .get("open")
        .ok_or_else(|| vm.new_error("ImportError", "cannot import name 'open' from 'io'"))?;
    vm.call(&open, args)
}

/// Fills the `builtins` module.
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    def(&t.range, "__new__", range_new);
    def(&t.slice, "__new__", slice_new);
    def(&t.str_, "__new__", str_new);
    def(&t.int, "__new__", int_new);
    def(&t.float, "__new__", float_new);
    def(&t.bool_, "__new__", bool_new);
    def(&t.list, "__new__", list_new);
    def(&t.tuple, "__new__", tuple_new);
    def(&t.dict, "__new__", dict_new);
    def(&t.set, "__new__", set_new);
    def(&t.frozenset, "__new__", frozenset_new);
    def(&t.bytes, "__new__", bytes_new);
    let classes: Vec<(&str, Rc<Class>)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("float", t.float.clone()),
        ("str", t.str_.clone()),
        ("bool", t.bool_.clone()),
        ("bytes", t.bytes.clone()),
        ("list", t.list.clone()),
        ("tuple", t.tuple.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("range", t.range.clone()),
        ("slice", t.slice.clone()),
        ("super", t.super_.clone()),
        ("property", t.property.clone()),
        ("classmethod", t.classmethod.clone()),
        ("staticmethod", t.staticmethod.clone()),
    ];
    let exceptions: Vec<(&'static str, Rc<Class>)> =
        t.exceptions.iter().map(|(k, v)| (*k, v.clone())).collect();
    let b = vm.builtins.clone();
    for (name, c) in classes {
        b.set(name, Value::Class(c));
    }
    for (name, c) in exceptions {
        b.set(name, Value::Class(c));
    }
    b.set("EnvironmentError", b.get("OSError").unwrap_or(Value::None));
    b.set("IOError", b.get("OSError").unwrap_or(Value::None));
    let funcs: &[(&str, NativeImpl)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii_fn),
        ("format", format),
        ("enumerate", enumerate_shim),
        ("zip", zip_shim),
        ("map", map_shim),
        ("filter", filter_shim),
        ("reversed", reversed_shim),
        ("sorted", sorted),
        ("sum", sum),
        ("min", min),
        ("max", max),
        ("abs", abs),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter_fn),
        ("next", next_fn),
        ("aiter", aiter_fn),
        ("anext", anext_fn),
        ("any", any_fn),
        ("all", all_fn),
        ("getattr", getattr_fn),
        ("hasattr", hasattr_fn),
        ("setattr", setattr_fn),
        ("delattr", delattr_fn),
        ("callable", callable_fn),
        ("id", id_fn),
        ("hash", hash_fn),
        ("chr", chr_fn),
        ("ord", ord_fn),
        ("hex", hex_fn),
        ("oct", oct_fn),
        ("bin", bin_fn),
        ("exit", exit_fn),
        ("quit", exit_fn),
        ("input", unsupported_input),
        ("open", open_fn),
        ("globals", globals_fn),
        ("locals", locals_fn),
        ("dir", dir_fn),
        ("eval", eval_fn),
        ("exec", exec_fn),
        ("compile", compile_fn),
        ("vars", vars_fn),
        ("__import__", import_fn),
    ];
    for (name, f) in funcs {
        b.set(name, native(name, *f));
    }
    b.set("None", Value::None);
    b.set("True", Value::Bool(true));
    b.set("False", Value::Bool(false));
    b.set("Ellipsis", Value::Ellipsis);
    b.set("NotImplemented", Value::NotImplemented);
    b.set("__debug__", Value::Bool(true));
    b.set("__name__", Value::str("builtins"));
}

// enumerate/zip/map/filter/reversed are classes in CPython; as functions
// here they take no class argument, so shift the arguments.
fn with_dummy(args: Args) -> Args {
    let mut a = args;
    a.pos.insert(0, Value::None);
    a
}

fn enumerate_shim(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enumerate(vm, with_dummy(args))
}

fn zip_shim(vm: &mut Vm, args: Args) -> PyResult<Value> {
    zip(vm, with_dummy(args))
}

fn map_shim(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map(vm, with_dummy(args))
}

fn filter_shim(vm: &mut Vm, args: Args) -> PyResult<Value> {
    filter(vm, with_dummy(args))
}

fn reversed_shim(vm: &mut Vm, args: Args) -> PyResult<Value> {
    reversed(vm, with_dummy(args))
}
