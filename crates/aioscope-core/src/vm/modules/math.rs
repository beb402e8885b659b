//! The `math` module with CPython's results and errors: the C library's
//! functions (as CPython calls them), CPython's checks around them
//! (`math domain error`, `math range error`), and its exact algorithms
//! where it has its own (`fsum`, `isqrt`, `comb`, `isclose`).

use std::rc::Rc;

use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::lang::ast::BinOp;
use crate::vm::bigint::{self, BigInt};
use crate::vm::builtins::native;
use crate::vm::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

fn type_error(vm: &mut Vm, msg: String) -> crate::vm::value::PyErr {
    vm.new_error("TypeError", &msg)
}

/// A float argument: int, bool, float, or an object with `__float__` or
/// `__index__`.
fn real(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => bigint::to_f64(b).map_err(|e| vm.int_error(e)),
        Value::Instance(_) => {
            for name in ["__float__", "__index__"] {
                if let Some(f) = vm.lookup_method(v, name)? {
                    let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                    return real(vm, &r);
                }
            }
            Err(type_error(
                vm,
                format!("must be real number, not {}", v.type_name()),
            ))
        }
        other => Err(type_error(
            vm,
            format!("must be real number, not {}", other.type_name()),
        )),
    }
}

/// An integer argument (`__index__`), for the integer functions.
fn index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(_) => match vm.lookup_method(v, "__index__")? {
            Some(f) => {
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                index(vm, &r)
            }
            None => Err(type_error(
                vm,
                format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                ),
            )),
        },
        other => Err(type_error(
            vm,
            format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ),
        )),
    }
}

/// A result of about `bits` bits that is too large to build.
fn too_large(vm: &mut Vm, bits: u64) -> PyResult<()> {
    if bits > bigint::MAX_BITS {
        return Err(vm.int_error(bigint::IntError::memory()));
    }
    Ok(())
}

/// CPython's limit on the arguments it takes as a C long long.
fn at_most_llong(vm: &mut Vm, n: &BigInt, what: &str) -> PyResult<u64> {
    match n.to_i64() {
        Some(n) => Ok(n as u64),
        None => {
            let msg = format!("{} exceed {}", what, i64::MAX);
            Err(vm.new_error("OverflowError", &msg))
        }
    }
}

/// `lo * (lo + 1) * ... * (lo + count - 1)`, halves multiplied together
/// so the big multiplications are balanced.
fn product(lo: &BigInt, count: u64) -> BigInt {
    if count <= 16 {
        return (0..count).fold(BigInt::one(), |acc, i| acc * (lo + i));
    }
    let half = count / 2;
    product(lo, half) * product(&(lo + half), count - half)
}

fn domain(vm: &mut Vm) -> crate::vm::value::PyErr {
    vm.new_error("ValueError", "math domain error")
}

fn range(vm: &mut Vm) -> crate::vm::value::PyErr {
    vm.new_error("OverflowError", "math range error")
}

/// A float that is a whole number, as an int (`floor`, `ceil`, `trunc`).
fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    bigint::from_f64(f).map_err(|e| vm.int_error(e))
}

fn exact_args(vm: &mut Vm, args: &Args, n: usize, name: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(type_error(
            vm,
            format!("math.{}() takes no keyword arguments", name),
        ));
    }
    if args.pos.len() != n {
        let msg = if n == 1 {
            format!(
                "math.{}() takes exactly one argument ({} given)",
                name,
                args.pos.len()
            )
        } else {
            format!("{} expected {} arguments, got {}", name, n, args.pos.len())
        };
        return Err(type_error(vm, msg));
    }
    Ok(())
}

/// CPython's `math_1`: NaN from a non-NaN is a domain error, an infinity
/// from a finite argument a range (or domain) error.
fn checked1(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($name:ident, $pyname:expr, $f:expr, $overflows:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            exact_args(vm, &args, 1, $pyname)?;
            let x = real(vm, &args.pos[0])?;
            let f: fn(f64) -> f64 = $f;
            checked1(vm, x, f(x), $overflows)
        }
    };
}

unary!(
    m_sqrt,
    "sqrt",
    |x| if x < 0.0 { f64::NAN } else { x.sqrt() },
    false
);
unary!(m_exp, "exp", f64::exp, true);
unary!(m_exp2, "exp2", f64::exp2, true);
unary!(m_expm1, "expm1", f64::exp_m1, true);
unary!(
    m_sin,
    "sin",
    |x| if x.is_infinite() { f64::NAN } else { x.sin() },
    false
);
unary!(
    m_cos,
    "cos",
    |x| if x.is_infinite() { f64::NAN } else { x.cos() },
    false
);
unary!(
    m_tan,
    "tan",
    |x| if x.is_infinite() { f64::NAN } else { x.tan() },
    false
);
unary!(m_asin, "asin", f64::asin, false);
unary!(m_acos, "acos", f64::acos, false);
unary!(m_atan, "atan", f64::atan, false);
unary!(m_sinh, "sinh", f64::sinh, true);
unary!(m_cosh, "cosh", f64::cosh, true);
unary!(m_tanh, "tanh", f64::tanh, false);
unary!(m_asinh, "asinh", f64::asinh, false);
unary!(m_acosh, "acosh", f64::acosh, false);
unary!(
    m_atanh,
    "atanh",
    |x| if x.abs() >= 1.0 { f64::NAN } else { x.atanh() },
    false
);
unary!(m_fabs, "fabs", f64::abs, false);
unary!(m_cbrt, "cbrt", f64::cbrt, false);
unary!(m_erf, "erf", libm::erf, false);
unary!(m_erfc, "erfc", libm::erfc, false);
/// CPython's `loghelper`: ints of any size (a huge one through its
/// mantissa and exponent, `f(m) + f(2) * e`), floats through `math_1`.
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(n) = bigint::int_of(v) {
        if n.is_negative() || n.to_i64() == Some(0) {
            return Err(domain(vm));
        }
        if let bigint::Int::Big(b) = n {
            if bigint::to_f64(b).is_err() {
                let (m, e) = bigint::frexp(b);
                return Ok(f(m) + f(2.0) * e as f64);
            }
        }
    }
    let x = real(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn m_log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "log2")?;
    Ok(Value::Float(log_of(vm, &args.pos[0], f64::log2)?))
}

fn m_log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "log10")?;
    Ok(Value::Float(log_of(vm, &args.pos[0], f64::log10)?))
}
unary!(
    m_log1p,
    "log1p",
    |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() },
    false
);
unary!(
    m_degrees,
    "degrees",
    |x| x * (180.0 / std::f64::consts::PI),
    true
);
unary!(
    m_radians,
    "radians",
    |x| x * (std::f64::consts::PI / 180.0),
    true
);

fn m_gamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "gamma")?;
    let x = real(vm, &args.pos[0])?;
    if x.is_finite() && (x <= 0.0 && x == x.floor()) {
        return Err(domain(vm));
    }
    if x == f64::NEG_INFINITY {
        return Err(domain(vm));
    }
    checked1(vm, x, libm::tgamma(x), true)
}

fn m_lgamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "lgamma")?;
    let x = real(vm, &args.pos[0])?;
    if x.is_finite() && (x <= 0.0 && x == x.floor()) {
        return Err(domain(vm));
    }
    if x.is_infinite() {
        return Ok(Value::Float(f64::INFINITY));
    }
    checked1(vm, x, libm::lgamma(x), true)
}

fn m_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(type_error(vm, "math.log requires 1 to 2 arguments".into()));
    }
    let ln = |vm: &mut Vm, v: &Value| log_of(vm, v, f64::ln);
    let num = ln(vm, &args.pos[0])?;
    match args.pos.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = ln(vm, b)?;
            if den == 0.0 {
                return Err(vm.new_error("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn two_reals(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    exact_args(vm, args, 2, name)?;
    let a = real(vm, &args.pos[0])?;
    let b = real(vm, &args.pos[1])?;
    Ok((a, b))
}

fn m_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_reals(vm, &args, "pow")?;
    // C99's special cases, then CPython's error rules.
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else {
            x.powf(y)
        }
    } else {
        if x == 0.0 && y < 0.0 {
            return Err(domain(vm));
        }
        if x < 0.0 && y != y.floor() {
            return Err(domain(vm));
        }
        let r = x.powf(y);
        if r.is_infinite() {
            return Err(range(vm));
        }
        r
    };
    Ok(Value::Float(r))
}

fn m_fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_reals(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

fn m_remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_reals(vm, &args, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    Ok(Value::Float(libm::remainder(x, y)))
}

fn m_atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (y, x) = two_reals(vm, &args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn m_copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_reals(vm, &args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn m_nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_reals(vm, &args, "nextafter")?;
    Ok(Value::Float(libm::nextafter(x, y)))
}

fn m_ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "ulp")?;
    let x = real(vm, &args.pos[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let next = libm::nextafter(x, f64::INFINITY);
    if next.is_infinite() {
        let prev = libm::nextafter(x, 0.0);
        return Ok(Value::Float(x - prev));
    }
    Ok(Value::Float(next - x))
}

/// Sum of squares, scaled to avoid overflow, as a plain square root; the
/// Euclidean norm behind `hypot` and `dist`.
fn norm(values: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for &v in values {
        let a = v.abs();
        nan |= a.is_nan();
        if a > max {
            max = a;
        }
    }
    if max.is_infinite() {
        return f64::INFINITY;
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || values.len() <= 1 {
        return max;
    }
    accurate_norm(values, max)
}

/// CPython 3.11's `vector_norm`: scale by a power of two so the largest
/// value is near 1, sum the squares with their rounding errors kept
/// (Dekker's products), take the square root and correct it once.
fn accurate_norm(values: &[f64], max: f64) -> f64 {
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // Subnormal: scale up, then back.
        let scaled: Vec<f64> = values.iter().map(|v| v / f64::MIN_POSITIVE).collect();
        return f64::MIN_POSITIVE * accurate_norm(&scaled, max / f64::MIN_POSITIVE);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    for &v in values {
        let x = v.abs() * scale;
        let (hi, lo) = dl_mul(x, x);
        let (s_hi, s_lo) = fast_two_sum(csum, hi);
        csum = s_hi;
        frac1 += lo;
        frac2 += s_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (s_hi, s_lo) = fast_two_sum(csum, hi);
    csum = s_hi;
    frac1 += lo;
    frac2 += s_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `x * y` exactly as a sum of two floats.
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let hi = x * y;
    let lo = x.mul_add(y, -hi);
    (hi, lo)
}

/// `a + b` exactly as a sum of two floats, for `|a| >= |b|`.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let hi = a + b;
    let lo = (a - hi) + b;
    (hi, lo)
}

fn m_hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some((k, _)) = args.kw.first() {
        let _ = k;
        return Err(type_error(
            vm,
            "math.hypot() takes no keyword arguments".into(),
        ));
    }
    let mut values = Vec::with_capacity(args.pos.len());
    for v in &args.pos {
        values.push(real(vm, v)?);
    }
    Ok(Value::Float(norm(&values)))
}

fn m_dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 2, "dist")?;
    let mut points = Vec::new();
    for (i, v) in args.pos.iter().enumerate() {
        match v {
            Value::Tuple(_) | Value::List(_) => points.push(vm.collect(v)?),
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_) | Value::None => {
                let msg = format!("'{}' object is not iterable", v.type_name());
                return Err(type_error(vm, msg));
            }
            other => {
                let msg = format!(
                    "dist() argument {} must be tuple, not {}",
                    i + 1,
                    other.type_name()
                );
                return Err(type_error(vm, msg));
            }
        }
    }
    if points[0].len() != points[1].len() {
        return Err(vm.new_error(
            "ValueError",
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(points[0].len());
    for (p, q) in points[0].iter().zip(points[1].iter()) {
        let (p, q) = (real(vm, p)?, real(vm, q)?);
        diffs.push(p - q);
    }
    Ok(Value::Float(norm(&diffs)))
}

fn rounding(
    vm: &mut Vm,
    args: Args,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    exact_args(vm, &args, 1, name)?;
    match &args.pos[0] {
        Value::Int(_) | Value::BigInt(_) => Ok(args.pos[0].clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => float_to_int(vm, f(*x)),
        v => {
            if let Some(m) = vm.lookup_method(v, dunder)? {
                return vm.call(&m, Args::new(vec![v.clone()]));
            }
            if name == "trunc" {
                let msg = format!("type {} doesn't define __trunc__ method", v.type_name());
                return Err(type_error(vm, msg));
            }
            let x = real(vm, v)?;
            float_to_int(vm, f(x))
        }
    }
}

fn m_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "floor", "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "ceil", "__ceil__", f64::ceil)
}

fn m_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "trunc", "__trunc__", f64::trunc)
}

fn m_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "isfinite")?;
    Ok(Value::Bool(real(vm, &args.pos[0])?.is_finite()))
}

fn m_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "isinf")?;
    Ok(Value::Bool(real(vm, &args.pos[0])?.is_infinite()))
}

fn m_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "isnan")?;
    Ok(Value::Bool(real(vm, &args.pos[0])?.is_nan()))
}

fn m_isclose(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let rel = args.take_kw("rel_tol");
    let abs = args.take_kw("abs_tol");
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("isclose() got an unexpected keyword argument '{}'", k);
        return Err(type_error(vm, msg));
    }
    if args.pos.len() != 2 {
        let msg = if args.pos.len() > 2 {
            format!(
                "isclose() takes exactly 2 positional arguments ({} given)",
                args.pos.len()
            )
        } else {
            let missing = if args.pos.is_empty() { "a" } else { "b" };
            format!(
                "isclose() missing required argument '{}' (pos {})",
                missing,
                args.pos.len() + 1
            )
        };
        return Err(type_error(vm, msg));
    }
    let a = real(vm, &args.pos[0])?;
    let b = real(vm, &args.pos[1])?;
    let rel_tol = match rel {
        Some(v) => real(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(v) => real(vm, &v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.new_error("ValueError", "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    let close = (diff <= (rel_tol * b).abs()) || (diff <= (rel_tol * a).abs()) || (diff <= abs_tol);
    Ok(Value::Bool(close))
}

fn m_modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "modf")?;
    let x = real(vm, &args.pos[0])?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![
            Value::Float(0.0f64.copysign(x)),
            Value::Float(x),
        ]));
    }
    let int = x.trunc();
    Ok(Value::tuple(vec![
        Value::Float((x - int).copysign(x)),
        Value::Float(int),
    ]))
}

fn m_frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "frexp")?;
    let x = real(vm, &args.pos[0])?;
    let (m, e) = frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 2, "ldexp")?;
    let x = real(vm, &args.pos[0])?;
    let e = match &args.pos[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) if b.is_negative() => i64::MIN,
        Value::BigInt(_) => i64::MAX,
        _ => {
            return Err(type_error(
                vm,
                "Expected an int as second argument to ldexp.".into(),
            ));
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let e = e.clamp(-100_000, 100_000) as i32;
    let r = libm::ldexp(x, e);
    if r.is_infinite() {
        return Err(range(vm));
    }
    Ok(Value::Float(r))
}

fn factorial(vm: &mut Vm, n: &BigInt) -> PyResult<Value> {
    if n.is_negative() {
        return Err(vm.new_error("ValueError", "factorial() not defined for negative values"));
    }
    let n = at_most_llong(vm, n, "factorial() argument should not")?;
    too_large(vm, n.saturating_mul(64 - u64::from(n.leading_zeros())))?;
    Ok(bigint::int_value(product(&BigInt::one(), n)))
}

fn m_factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "factorial")?;
    let n = index(vm, &args.pos[0])?;
    factorial(vm, &n)
}

fn m_gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for v in &args.pos {
        let n = index(vm, v)?;
        g = g.gcd(&n);
    }
    Ok(bigint::int_value(g))
}

fn m_lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut l = BigInt::one();
    for v in &args.pos {
        let n = index(vm, v)?;
        if l.is_zero() || n.is_zero() {
            l = BigInt::zero();
            continue;
        }
        too_large(vm, l.bits() + n.bits())?;
        l = l.lcm(&n);
    }
    Ok(bigint::int_value(l))
}

fn nonneg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<BigInt> {
    let n = index(vm, v)?;
    if n.is_negative() {
        let msg = format!("{} must be a non-negative integer", what);
        return Err(vm.new_error("ValueError", &msg));
    }
    Ok(n)
}

/// `n * (n - 1) * ... * (n - k + 1)`, refused when it is too large.
fn falling(vm: &mut Vm, n: &BigInt, k: u64) -> PyResult<BigInt> {
    too_large(vm, k.saturating_mul(n.bits()))?;
    Ok(product(&(n - k + 1u32), k))
}

fn m_comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 2, "comb")?;
    let n = nonneg(vm, &args.pos[0], "n")?;
    let k = nonneg(vm, &args.pos[1], "k")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    let k = at_most_llong(vm, &k, "min(n - k, k) must not")?;
    let top = falling(vm, &n, k)?;
    Ok(bigint::int_value(top / product(&BigInt::one(), k)))
}

fn m_perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.is_empty() || args.pos.len() > 2 {
        let msg = format!(
            "perm expected at {} {} argument{}, got {}",
            if args.pos.is_empty() { "least" } else { "most" },
            if args.pos.is_empty() { 1 } else { 2 },
            if args.pos.is_empty() { "" } else { "s" },
            args.pos.len()
        );
        return Err(type_error(vm, msg));
    }
    let n = nonneg(vm, &args.pos[0], "n")?;
    let k = match args.pos.get(1) {
        None | Some(Value::None) => return factorial(vm, &n),
        Some(v) => nonneg(vm, v, "k")?,
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = at_most_llong(vm, &k, "k must not")?;
    Ok(bigint::int_value(falling(vm, &n, k)?))
}

fn m_isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "isqrt")?;
    let n = index(vm, &args.pos[0])?;
    if n.is_negative() {
        return Err(vm.new_error("ValueError", "isqrt() argument must be nonnegative"));
    }
    Ok(bigint::int_value(n.sqrt()))
}

fn m_prod(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("prod() got an unexpected keyword argument '{}'", k);
        return Err(type_error(vm, msg));
    }
    if args.pos.len() != 1 {
        let msg = format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        );
        return Err(type_error(vm, msg));
    }
    let it = vm.iter(&args.pos[0])?;
    let mut acc = start;
    while let Some(v) = vm.next(&it)? {
        acc = vm.binary(BinOp::Mult, &acc, &v)?;
    }
    Ok(acc)
}

/// `fsum`: Shewchuk's exactly rounded sum with partials, as CPython does
/// it (including its half-way correction and its handling of infinities).
fn m_fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact_args(vm, &args, 1, "fsum")?;
    let it = vm.iter(&args.pos[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    let mut overflowed = false;
    while let Some(v) = vm.next(&it)? {
        let mut x = real(vm, &v)?;
        let original = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite partial: an infinity or NaN in the input, or
                // an intermediate overflow.
                if original.is_finite() {
                    overflowed = true;
                } else {
                    if original.is_nan() {
                        special = f64::NAN;
                    }
                    inf_sum += original;
                    special += original;
                }
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.new_error("ValueError", "-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    if overflowed {
        return Err(vm.new_error("OverflowError", "intermediate overflow in fsum"));
    }
    let mut hi = 0.0f64;
    if let Some(mut n) = partials.len().checked_sub(0).filter(|n| *n > 0) {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

/// `math.frexp`: `v == m * 2**e` with `0.5 <= |m| < 1` (or `m == 0`).
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// The `math` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("math");
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    let functions: &[(&str, crate::vm::value::NativeImpl)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("fabs", m_fabs),
        ("cbrt", m_cbrt),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("gamma", m_gamma),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("pow", m_pow),
        ("fmod", m_fmod),
        ("remainder", m_remainder),
        ("copysign", m_copysign),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
        ("modf", m_modf),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("factorial", m_factorial),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("comb", m_comb),
        ("perm", m_perm),
        ("isqrt", m_isqrt),
        ("prod", m_prod),
        ("fsum", m_fsum),
    ];
    for (name, f) in functions {
        m.set(name, native(name, *f));
    }
    Ok(m)
}
