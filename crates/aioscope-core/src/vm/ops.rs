//! Operators: arithmetic, comparison, truthiness and membership with
//! Python's semantics (floor division, modulo sign, int/float mixing) and
//! CPython's error messages.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::lang::ast::{BinOp, CmpOp, UnaryOp};

use super::bigint::{self, Int, Sign};
use super::containers::{any_set, frozenset_value, set_value, SetRef};
use super::keys::fast_eq;
use super::set::Set;
use super::value::{Args, PyResult, Value};
use super::Vm;

/// The symbol CPython prints for an operator in error messages.
pub fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::MatMult => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mult => ("__mul__", "__rmul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
    }
}

/// The in-place dunder of an operator (`__iadd__` for `+=`).
pub fn inplace_dunder(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mult => "__imul__",
        BinOp::MatMult => "__imatmul__",
        BinOp::Div => "__itruediv__",
        BinOp::FloorDiv => "__ifloordiv__",
        BinOp::Mod => "__imod__",
        BinOp::Pow => "__ipow__",
        BinOp::LShift => "__ilshift__",
        BinOp::RShift => "__irshift__",
        BinOp::BitOr => "__ior__",
        BinOp::BitXor => "__ixor__",
        BinOp::BitAnd => "__iand__",
    }
}

/// A numeric operand: an int of either size, or a float.
enum Num<'a> {
    I(Int<'a>),
    F(f64),
}

fn num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::I(Int::Small(*i))),
        Value::Bool(b) => Some(Num::I(Int::Small(*b as i64))),
        Value::BigInt(b) => Some(Num::I(Int::Big(b))),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

/// Three-way comparison of two ints of either size (a big int never
/// equals a small one).
pub fn int_cmp(a: Int<'_>, b: Int<'_>) -> Ordering {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => x.cmp(&y),
        (Int::Big(x), Int::Big(y)) => x.cmp(y),
        (Int::Small(_), Int::Big(y)) => {
            if y.sign() == Sign::Minus {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Int::Big(x), Int::Small(_)) => {
            if x.sign() == Sign::Minus {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
    }
}

/// Three-way comparison of two numbers, exact across ints and floats;
/// `None` when a NaN is involved.
fn num_cmp(a: &Num<'_>, b: &Num<'_>) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(int_cmp(*x, *y)),
        (Num::I(x), Num::F(y)) => bigint::cmp_float(*x, *y),
        (Num::F(x), Num::I(y)) => bigint::cmp_float(*y, *x).map(Ordering::reverse),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
    }
}

/// Python's float modulo: the result has the sign of the divisor.
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((m < 0.0) != (b < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

/// Python's float floor division.
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = float_mod(a, b);
    let d = (a - m) / b;
    if d == 0.0 {
        0.0f64.copysign(a / b)
    } else {
        let f = d.floor();
        if d - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    }
}

fn repeat<T: Clone>(items: &[T], n: i64) -> Vec<T> {
    if n <= 0 {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(items.len() * n as usize);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    out
}

impl Vm {
    fn check_repeat(&mut self, len: usize, n: i64) -> PyResult<()> {
        if n > 0 && (len as u128) * (n as u128) > 50_000_000 {
            return Err(self.new_error("MemoryError", "the repeated sequence would be too large"));
        }
        Ok(())
    }

    /// `operator.index(v)`: an int of any size (a subclass's int, a bool as
    /// an int), or what a class's `__index__` returns; CPython's
    /// `TypeError` otherwise.
    pub fn index_value(&mut self, v: &Value) -> PyResult<Value> {
        match v.unwrapped() {
            Value::Int(_) | Value::BigInt(_) => return Ok(v.unwrapped().clone()),
            Value::Bool(b) => return Ok(Value::Int(*b as i64)),
            _ => {}
        }
        match self.user_dunder(v, "__index__")? {
            Some(m) => {
                let r = self.call(&m, Args::default())?;
                match r.unwrapped() {
                    Value::Int(_) | Value::BigInt(_) => Ok(r.unwrapped().clone()),
                    Value::Bool(b) => Ok(Value::Int(*b as i64)),
                    _ => Err(self.new_error(
                        "TypeError",
                        &format!("__index__ returned non-int (type {})", r.type_name()),
                    )),
                }
            }
            None => Err(self.new_error(
                "TypeError",
                &format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                ),
            )),
        }
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.borrow().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(i) => {
                if let super::value::Payload::Tuple(t) = &i.payload {
                    return Ok(!t.is_empty());
                }
                if let Some(m) = self.user_dunder(v, "__bool__")? {
                    let r = self.call(&m, Args::default())?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(self.new_error(
                            "TypeError",
                            &format!(
                                "__bool__ should return bool, returned {}",
                                other.type_name()
                            ),
                        )),
                    };
                }
                if self.user_dunder(v, "__len__")?.is_some() {
                    return Ok(self.len(v)? != 0);
                }
                if let super::value::Payload::Builtin(inner) = &i.payload {
                    let inner = inner.clone();
                    return self.truthy(&inner);
                }
                true
            }
            Value::Object(o) => o.truthy(),
            _ => true,
        })
    }

    /// `a op b`.
    pub fn binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return self.numeric(op, x, y);
        }
        match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                return Ok(Value::Str(s.into()));
            }
            (BinOp::Add, Value::Str(_), other) if !is_user(other) => {
                return Err(self.new_error(
                    "TypeError",
                    &format!(
                        "can only concatenate str (not \"{}\") to str",
                        other.type_name()
                    ),
                ))
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                return Ok(Value::list(v));
            }
            (BinOp::Add, Value::List(_), other) if !is_user(other) => {
                return Err(self.new_error(
                    "TypeError",
                    &format!(
                        "can only concatenate list (not \"{}\") to list",
                        other.type_name()
                    ),
                ))
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                return Ok(Value::Tuple(v.into()));
            }
            (BinOp::Add, Value::Tuple(_), other) if !is_user(other) => {
                return Err(self.new_error(
                    "TypeError",
                    &format!(
                        "can only concatenate tuple (not \"{}\") to tuple",
                        other.type_name()
                    ),
                ))
            }
            (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                return Ok(Value::Bytes(v.into()));
            }
            (
                BinOp::Mult,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                Value::BigInt(_),
            )
            | (
                BinOp::Mult,
                Value::BigInt(_),
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
            ) => {
                return Err(self.new_error(
                    "OverflowError",
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
            (BinOp::Mult, Value::Str(s), n) | (BinOp::Mult, n, Value::Str(s))
                if matches!(n, Value::Int(_) | Value::Bool(_)) =>
            {
                let n = match n {
                    Value::Int(i) => *i,
                    Value::Bool(b) => *b as i64,
                    _ => 0,
                };
                self.check_repeat(s.len(), n)?;
                return Ok(Value::Str(s.repeat(n.max(0) as usize).into()));
            }
            (BinOp::Mult, Value::List(l), Value::Int(n))
            | (BinOp::Mult, Value::Int(n), Value::List(l)) => {
                self.check_repeat(l.borrow().len(), *n)?;
                return Ok(Value::list(repeat(&l.borrow(), *n)));
            }
            (BinOp::Mult, Value::Tuple(t), Value::Int(n))
            | (BinOp::Mult, Value::Int(n), Value::Tuple(t)) => {
                self.check_repeat(t.len(), *n)?;
                return Ok(Value::Tuple(repeat(t, *n).into()));
            }
            (BinOp::Mult, Value::Bytes(t), Value::Int(n))
            | (BinOp::Mult, Value::Int(n), Value::Bytes(t)) => {
                self.check_repeat(t.len(), *n)?;
                return Ok(Value::Bytes(repeat(t, *n).into()));
            }
            (BinOp::Mod, Value::Str(fmt), args) => {
                return Ok(Value::Str(self.percent_format(fmt, args)?.into()));
            }
            (BinOp::Mod, Value::Bytes(fmt), args) => {
                return self.bytes_percent_format(fmt, args);
            }
            (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
                let d = crate::vm::heap::tracked(RefCell::new(x.borrow().clone()));
                let entries: Vec<_> = y.borrow().entries().cloned().collect();
                for e in entries {
                    let k = super::keys::Key {
                        hash: e.hash,
                        value: e.key,
                    };
                    self.dict_set(&d, k, e.value)?;
                }
                return Ok(Value::Dict(d));
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Value::Set(x) | Value::FrozenSet(x),
                Value::Set(_) | Value::FrozenSet(_),
            ) => {
                let result = self.set_operator(op, x, b)?;
                return Ok(if let Value::FrozenSet(_) = a {
                    frozenset_value(result)
                } else {
                    set_value(result)
                });
            }
            _ => {}
        }
        self.binary_objects(op, a, b)
    }

    /// `a op b` when an operand is an instance, a library object or a
    /// class: `a`'s method, `b`'s reflected one (first when `b`'s class
    /// derives from `a`'s and overrides it; never for two operands of one
    /// class), then the built-in values of built-in subclasses.
    fn binary_objects(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (name, rname) = dunder(op);
        let ta = self.types.class_of(self, a);
        let tb = self.types.class_of(self, b);
        let same = Rc::ptr_eq(&ta, &tb);
        let lhs = self.protocol_method(a, name)?;
        let rhs = if same {
            None
        } else {
            self.protocol_method(b, rname)?
        };
        let rhs_first = rhs.is_some()
            && tb.is_subclass(&ta)
            && match (ta.lookup(rname), tb.lookup(rname)) {
                (Some(x), Some(y)) => !x.is(&y),
                _ => true,
            };
        if rhs_first {
            if let Some(m) = &rhs {
                let r = self.call(m, Args::new(vec![a.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(m) = lhs {
            let r = self.call(&m, Args::new(vec![b.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !rhs_first {
            if let Some(m) = rhs {
                let r = self.call(&m, Args::new(vec![a.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        // `int | None` in annotations: a union of types.
        if op == BinOp::BitOr && (matches!(a, Value::Class(_)) || matches!(b, Value::Class(_))) {
            let forms = self.import("_typeforms")?;
            let union = self.get_attr(&Value::Module(forms), "union")?;
            let r = self.call(&union, Args::new(vec![a.clone(), b.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let (pa, pb) = (a.unwrapped().clone(), b.unwrapped().clone());
        if (!pa.is(a) || !pb.is(b)) && !is_user(&pa) && !is_user(&pb) {
            match self.binary(op, &pa, &pb) {
                Err(super::value::PyErr::Exception(e))
                    if self.is_instance_of(&e, "TypeError")
                        && self
                            .to_str(&e)
                            .is_ok_and(|m| m.starts_with("unsupported operand")) => {}
                other => return other,
            }
        }
        // A sequence repeats by an object's __index__.
        if op == BinOp::Mult {
            let seq = |v: &Value| {
                matches!(
                    v,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                )
            };
            let pair = match (seq(a), seq(b)) {
                (true, false) => Some((a, b)),
                (false, true) => Some((b, a)),
                _ => None,
            };
            if let Some((s, n)) = pair {
                if self.user_dunder(n, "__index__")?.is_some() {
                    let k = self.index_value(n)?;
                    return self.binary(op, s, &k);
                }
            }
        }
        let msg = match (op, a, b) {
            (BinOp::Add, Value::Str(_) | Value::List(_) | Value::Tuple(_), _) => format!(
                "can only concatenate {} (not \"{}\") to {}",
                a.type_name(),
                b.type_name(),
                a.type_name()
            ),
            (BinOp::Mult, Value::Str(_) | Value::List(_) | Value::Tuple(_), other)
            | (BinOp::Mult, other, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => format!(
                "can't multiply sequence by non-int of type '{}'",
                other.type_name()
            ),
            _ => format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                op_symbol(op),
                a.type_name(),
                b.type_name()
            ),
        };
        Err(self.new_error("TypeError", &msg))
    }

    fn numeric(&mut self, op: BinOp, a: Num, b: Num) -> PyResult<Value> {
        match (a, b) {
            (Num::I(Int::Small(x)), Num::I(Int::Small(y))) => self.int_op(op, x, y),
            (Num::I(x), Num::I(y)) => bigint::binary(op, x, y).map_err(|e| self.int_error(e)),
            (Num::I(x), Num::F(y)) => {
                let x = bigint::int_to_f64(x).map_err(|e| self.int_error(e))?;
                self.float_op(op, x, y)
            }
            (Num::F(x), Num::I(y)) => {
                let y = bigint::int_to_f64(y).map_err(|e| self.int_error(e))?;
                self.float_op(op, x, y)
            }
            (Num::F(x), Num::F(y)) => self.float_op(op, x, y),
        }
    }

    fn int_op(&mut self, op: BinOp, x: i64, y: i64) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mult => x.checked_mul(y),
            BinOp::Div => {
                if y == 0 {
                    return Err(self.new_error("ZeroDivisionError", "division by zero"));
                }
                // Exact operands give a correctly rounded quotient.
                const EXACT: u64 = 1 << 53;
                if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
                    return Ok(Value::Float(x as f64 / y as f64));
                }
                None
            }
            BinOp::FloorDiv | BinOp::Mod => {
                if y == 0 {
                    let msg = if op == BinOp::Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    };
                    return Err(self.new_error("ZeroDivisionError", msg));
                }
                let (Some(q), Some(m)) = (x.checked_div(y), x.checked_rem(y)) else {
                    return bigint::binary(op, Int::Small(x), Int::Small(y))
                        .map_err(|e| self.int_error(e));
                };
                let (q, m) = if m != 0 && ((m < 0) != (y < 0)) {
                    (q - 1, m + y)
                } else {
                    (q, m)
                };
                Some(if op == BinOp::Mod { m } else { q })
            }
            BinOp::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(self.new_error(
                            "ZeroDivisionError",
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    return Ok(Value::Float((x as f64).powf(y as f64)));
                }
                match u32::try_from(y) {
                    Ok(e) => x.checked_pow(e),
                    Err(_) => None,
                }
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(self.new_error("ValueError", "negative shift count"));
                }
                if y >= 64 {
                    if x == 0 {
                        Some(0)
                    } else {
                        None
                    }
                } else {
                    let r = x.checked_shl(y as u32);
                    r.filter(|r| (r >> y) == x)
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(self.new_error("ValueError", "negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            BinOp::BitOr => Some(x | y),
            BinOp::BitXor => Some(x ^ y),
            BinOp::BitAnd => Some(x & y),
            BinOp::MatMult => {
                return Err(self.new_error(
                    "TypeError",
                    "unsupported operand type(s) for @: 'int' and 'int'",
                ))
            }
        };
        match r {
            Some(v) => Ok(Value::Int(v)),
            // Beyond 64 bits (or a division needing exact rounding).
            None => bigint::binary(op, Int::Small(x), Int::Small(y)).map_err(|e| self.int_error(e)),
        }
    }

    fn float_op(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(self.new_error("ZeroDivisionError", "float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.new_error("ZeroDivisionError", "float floor division by zero"));
                }
                float_floordiv(x, y)
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.new_error("ZeroDivisionError", "float modulo"));
                }
                float_mod(x, y)
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.new_error(
                        "ZeroDivisionError",
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                x.powf(y)
            }
            other => {
                return Err(self.new_error(
                    "TypeError",
                    &format!(
                        "unsupported operand type(s) for {}: 'float' and 'float'",
                        op_symbol(other)
                    ),
                ))
            }
        };
        Ok(Value::Float(r))
    }

    /// `-a`, `+a`, `~a`.
    pub fn unary(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        match (op, a) {
            (UnaryOp::USub, Value::Int(i)) => Ok(bigint::negate(Int::Small(*i))),
            (UnaryOp::USub, Value::BigInt(b)) => Ok(bigint::negate(Int::Big(b))),
            (UnaryOp::UAdd, Value::BigInt(_)) => Ok(a.clone()),
            (UnaryOp::Invert, Value::BigInt(b)) => Ok(bigint::invert(Int::Big(b))),
            (UnaryOp::USub, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
            (UnaryOp::USub, Value::Float(f)) => Ok(Value::Float(-f)),
            (UnaryOp::UAdd, Value::Int(_) | Value::Float(_)) => Ok(a.clone()),
            (UnaryOp::UAdd, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
            (UnaryOp::Not, v) => Ok(Value::Bool(!self.truthy(v)?)),
            (op, Value::Instance(_)) => {
                let name = match op {
                    UnaryOp::USub => "__neg__",
                    UnaryOp::UAdd => "__pos__",
                    _ => "__invert__",
                };
                if let Some(m) = self.user_dunder(a, name)? {
                    return self.call(&m, Args::default());
                }
                match a.builtin_payload() {
                    Some(inner) => {
                        let inner = inner.clone();
                        self.unary(op, &inner)
                    }
                    None => Err(self.bad_unary(op, a)),
                }
            }
            (op, a) => Err(self.bad_unary(op, a)),
        }
    }

    fn bad_unary(&mut self, op: UnaryOp, a: &Value) -> super::value::PyErr {
        let sym = match op {
            UnaryOp::USub => "unary -",
            UnaryOp::UAdd => "unary +",
            UnaryOp::Invert => "unary ~",
            UnaryOp::Not => "not",
        };
        self.new_error(
            "TypeError",
            &format!("bad operand type for {}: '{}'", sym, a.type_name()),
        )
    }

    /// `a == b` as a Rust bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // A namedtuple compares as the tuple it is.
        if let (Some(x), Some(y)) = (as_tuple(a), as_tuple(b)) {
            if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
                return self.seq_eq(&x, &y);
            }
        }
        if a.is(b) {
            // Identity implies equality except for NaN.
            if let Value::Float(f) = a {
                return Ok(!f.is_nan());
            }
            return Ok(true);
        }
        match (a, b) {
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&x, &y)
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_eq(x, y),
            (Value::Dict(x), Value::Dict(y)) => {
                if x.borrow().len() != y.borrow().len() {
                    return Ok(false);
                }
                let entries: Vec<_> = x.borrow().entries().cloned().collect();
                let y = y.clone();
                for e in entries {
                    let key = super::keys::Key {
                        hash: e.hash,
                        value: e.key,
                    };
                    match self.dict_get(&y, &key)? {
                        Some(w) => {
                            if !self.eq(&e.value, &w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) => {
                let (x, y) = (x.clone(), y.clone());
                self.set_equal(&x, &y)
            }
            (Value::Instance(i), _) | (_, Value::Instance(i))
                if !matches!(i.payload, super::value::Payload::Tuple(_)) =>
            {
                let r = self.rich_compare(CmpOp::Eq, a, b)?;
                self.truthy(&r)
            }
            (Value::Object(_), _) | (_, Value::Object(_)) => {
                let r = self.rich_compare(CmpOp::Eq, a, b)?;
                self.truthy(&r)
            }
            (Value::Instance(x), Value::Instance(y)) => match (&x.payload, &y.payload) {
                (super::value::Payload::Tuple(p), super::value::Payload::Tuple(q)) => {
                    let (p, q) = (p.clone(), q.clone());
                    self.seq_eq(&p, &q)
                }
                _ => Ok(false),
            },
            (Value::Range(x), Value::Range(y)) => {
                let (lx, ly) = (x.len_exact(), y.len_exact());
                Ok(lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step))))
            }
            _ => Ok(fast_eq(a, b).unwrap_or(false)),
        }
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Three-way comparison for ordering; `None` when the types do not
    /// order.
    fn order(&mut self, a: &Value, b: &Value) -> PyResult<Option<Ordering>> {
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return Ok(num_cmp(&x, &y));
        }
        if let (Some(x), Some(y)) = (as_tuple(a), as_tuple(b)) {
            return self.seq_order(&x, &y);
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(Some(x.cmp(y))),
            (Value::Bytes(x), Value::Bytes(y)) => Ok(Some(x.cmp(y))),
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_order(&x.clone(), &y.clone()),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_order(&x, &y)
            }
            _ => Ok(None),
        }
    }

    /// Orders two tuples or two lists as CPython does: the first items that
    /// differ decide, compared with the same operator (so instances use
    /// their own `__lt__`, `__le__`, ... or fail in CPython's words);
    /// `None` for anything that is not such a pair.
    fn sequence_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        // Items are compared on a snapshot: a comparison may change a list.
        let (x, y): (Rc<[Value]>, Rc<[Value]>) = match (a, b) {
            (Value::Tuple(x), Value::Tuple(y)) => (x.clone(), y.clone()),
            (Value::List(x), Value::List(y)) => {
                (x.borrow().as_slice().into(), y.borrow().as_slice().into())
            }
            _ => return Ok(None),
        };
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return self.rich_compare(op, p, q).map(Some);
            }
        }
        let o = x.len().cmp(&y.len());
        Ok(Some(Value::Bool(match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::LtE => o != Ordering::Greater,
            CmpOp::Gt => o == Ordering::Greater,
            _ => o != Ordering::Less,
        })))
    }

    fn seq_order(&mut self, x: &[Value], y: &[Value]) -> PyResult<Option<Ordering>> {
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return match self.order(p, q)? {
                    Some(o) => Ok(Some(o)),
                    None => Err(self.unorderable("<", p, q)),
                };
            }
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    fn unorderable(&mut self, sym: &str, a: &Value, b: &Value) -> super::value::PyErr {
        self.new_error(
            "TypeError",
            &format!(
                "'{}' not supported between instances of '{}' and '{}'",
                sym,
                a.type_name(),
                b.type_name()
            ),
        )
    }

    /// `a op b` for `== != < <= > >=`, with user dunders.
    pub fn rich_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if is_user(a) || is_user(b) {
            return self.compare_objects(op, a, b);
        }
        let sym = cmp_names(op).2;
        match op {
            CmpOp::Eq => Ok(Value::Bool(self.eq(a, b)?)),
            CmpOp::NotEq => Ok(Value::Bool(!self.eq(a, b)?)),
            _ => {
                if let (Some(x), Some(_)) = (any_set(a), any_set(b)) {
                    let x = x.clone();
                    let (lx, ly) = (x.borrow().len(), any_set(b).map_or(0, |y| y.borrow().len()));
                    let r = match op {
                        CmpOp::LtE => self.set_issubset(&x, b)?,
                        CmpOp::Lt => lx < ly && self.set_issubset(&x, b)?,
                        CmpOp::GtE => self.set_issuperset(&x, b)?,
                        _ => lx > ly && self.set_issuperset(&x, b)?,
                    };
                    return Ok(Value::Bool(r));
                }
                if let Some(r) = self.sequence_compare(op, a, b)? {
                    return Ok(r);
                }
                let ord = self.order(a, b)?;
                match ord {
                    Some(o) => Ok(Value::Bool(match op {
                        CmpOp::Lt => o == Ordering::Less,
                        CmpOp::LtE => o != Ordering::Greater,
                        CmpOp::Gt => o == Ordering::Greater,
                        _ => o != Ordering::Less,
                    })),
                    None => {
                        // NaN compares false with everything.
                        if num(a).is_some() && num(b).is_some() {
                            return Ok(Value::Bool(false));
                        }
                        Err(self.unorderable(sym, a, b))
                    }
                }
            }
        }
    }

    /// One side's comparison method applied, or `NotImplemented` when its
    /// class has none; `!=` without `__ne__` inverts `__eq__`, as
    /// `object.__ne__` does.
    fn call_compare(&mut self, v: &Value, name: &str, other: &Value) -> PyResult<Value> {
        if let Some(m) = self.protocol_method(v, name)? {
            return self.call(&m, Args::new(vec![other.clone()]));
        }
        if name == "__ne__" {
            if let Some(m) = self.protocol_method(v, "__eq__")? {
                let r = self.call(&m, Args::new(vec![other.clone()]))?;
                if matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
                return Ok(Value::Bool(!self.truthy(&r)?));
            }
        }
        Ok(Value::NotImplemented)
    }

    /// Comparisons with an instance or library object on either side: the
    /// right operand's reflected method first when its class derives from
    /// the left's, then the left's, then the reflected one; then the
    /// built-in values of built-in subclasses; then identity for `==` and
    /// `!=`, CPython's `TypeError` for orderings.
    fn compare_objects(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (name, reflected, sym) = cmp_names(op);
        let ta = self.types.class_of(self, a);
        let tb = self.types.class_of(self, b);
        let reverse_first = !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta);
        if reverse_first {
            let r = self.call_compare(b, reflected, a)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let r = self.call_compare(a, name, b)?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        if !reverse_first {
            let r = self.call_compare(b, reflected, a)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let (pa, pb) = (a.unwrapped().clone(), b.unwrapped().clone());
        if (!pa.is(a) || !pb.is(b)) && !is_user(&pa) && !is_user(&pb) {
            return self.rich_compare(op, &pa, &pb);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.unorderable(sym, a, b)),
        }
    }

    /// `a < b` as a Rust bool (sorting, `min`, `max`).
    pub fn less(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let r = self.rich_compare(CmpOp::Lt, a, b)?;
        self.truthy(&r)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                other => Err(self.new_error(
                    "TypeError",
                    &format!(
                        "'in <string>' requires string as left operand, not {}",
                        other.type_name()
                    ),
                )),
            },
            Value::Bytes(b) => match item {
                Value::Bytes(sub) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                }
                Value::Int(i) => Ok(b.iter().any(|x| *x as i64 == *i)),
                _ => Err(self.new_error("TypeError", "a bytes-like object is required")),
            },
            Value::List(l) => {
                if l.borrow().iter().any(|x| x.is(item)) {
                    return Ok(true);
                }
                let items = l.borrow().clone();
                for x in items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => {
                let k = self.key(item.clone())?;
                self.dict_contains(d, &k)
            }
            Value::Set(s) | Value::FrozenSet(s) => {
                let k = self.set_lookup_key(item)?;
                self.set_contains(s, &k)
            }
            Value::Range(r) => match item {
                Value::Int(_) | Value::Bool(_) => {
                    let i = match item {
                        Value::Int(i) => *i as i128,
                        _ => matches!(item, Value::Bool(true)) as i128,
                    };
                    // In 128 bits: `i - start` and `-step` overflow 64 at
                    // the extremes.
                    let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
                    Ok(if step > 0 {
                        i >= start && i < stop && (i - start) % step == 0
                    } else {
                        i <= start && i > stop && (start - i) % (-step) == 0
                    })
                }
                _ => Ok(false),
            },
            Value::Instance(_) | Value::Object(_) | Value::Class(_) => {
                if let Some(m) = self.protocol_method(container, "__contains__")? {
                    let r = self.call(&m, Args::new(vec![item.clone()]))?;
                    return self.truthy(&r);
                }
                if let Some(inner) = container.builtin_payload() {
                    let inner = inner.clone();
                    return self.contains(&inner, item);
                }
                let items = self.collect(container)?;
                for x in items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other => {
                if matches!(other, Value::Iterator(_) | Value::Coroutine(_)) {
                    let items = self.collect(other)?;
                    for x in items.iter() {
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Err(self.new_error(
                    "TypeError",
                    &format!("argument of type '{}' is not iterable", other.type_name()),
                ))
            }
        }
    }
}

/// Whether comparisons and operators on `v` go through methods: an
/// instance of a Python class (a namedtuple compares as its tuple) or a
/// library object.
fn is_user(v: &Value) -> bool {
    match v {
        Value::Instance(i) => !matches!(i.payload, super::value::Payload::Tuple(_)),
        Value::Object(_) => true,
        _ => false,
    }
}

/// The method, the reflected method and the symbol of a comparison.
fn cmp_names(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__", "=="),
        CmpOp::NotEq => ("__ne__", "__ne__", "!="),
        CmpOp::Lt => ("__lt__", "__gt__", "<"),
        CmpOp::LtE => ("__le__", "__ge__", "<="),
        CmpOp::Gt => ("__gt__", "__lt__", ">"),
        CmpOp::GtE => ("__ge__", "__le__", ">="),
        _ => ("", "", ""),
    }
}

/// The items of a tuple or namedtuple.
fn as_tuple(v: &Value) -> Option<Rc<[Value]>> {
    match v {
        Value::Tuple(t) => Some(t.clone()),
        Value::Instance(i) => match &i.payload {
            super::value::Payload::Tuple(t) => Some(t.clone()),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// `a | b`, `a & b`, `a - b`, `a ^ b` for a set `a` and a set or
    /// frozenset `b` (`set_or`, `set_and`, `set_sub`, `set_xor`).
    fn set_operator(&mut self, op: BinOp, a: &SetRef, b: &Value) -> PyResult<Set> {
        match op {
            BinOp::BitOr => {
                let result = crate::vm::heap::tracked(RefCell::new(self.set_copy(a)?));
                if !any_set(b).is_some_and(|o| Rc::ptr_eq(o, a)) {
                    self.set_update(&result, b)?;
                }
                let r = result.borrow().clone();
                Ok(r)
            }
            BinOp::BitAnd => self.set_intersection(a, b),
            BinOp::Sub => self.set_difference(a, b),
            _ => self.set_symmetric_difference(a, b),
        }
    }

    /// `a |= b` and friends on a set: in place (`set_ior`, `set_iand`,
    /// `set_isub`, `set_ixor`); `None` when `b` is not a set.
    pub fn set_inplace(&mut self, op: BinOp, a: &SetRef, b: &Value) -> PyResult<Option<()>> {
        if any_set(b).is_none() {
            return Ok(None);
        }
        match op {
            BinOp::BitOr => self.set_update(a, b)?,
            BinOp::BitAnd => {
                let r = self.set_intersection(a, b)?;
                a.borrow_mut().replace_body(r);
            }
            BinOp::Sub => self.set_difference_update(a, b)?,
            BinOp::BitXor => self.set_symmetric_difference_update(a, b)?,
            _ => return Ok(None),
        }
        Ok(Some(()))
    }
}
