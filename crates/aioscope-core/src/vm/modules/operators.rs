//! `_operator`: the operators as built-in functions, so `operator.add` is
//! what CPython's is (`<built-in function add>`, no Python frame of its
//! own in a traceback) and runs the interpreter's own operator code.

use std::rc::Rc;

use crate::lang::ast::{BinOp, CmpOp, UnaryOp};
use crate::vm::builtins::native;
use crate::vm::value::{Args, Module, NativeImpl, PyResult, Value};
use crate::vm::Vm;

/// The `N` positional arguments of `name`, with CPython's two wordings
/// (one-argument functions are METH_O in CPython).
fn operands<const N: usize>(vm: &mut Vm, args: Args, name: &str) -> PyResult<[Value; N]> {
    if !args.kw.is_empty() {
        let msg = format!("_operator.{}() takes no keyword arguments", name);
        return Err(vm.new_error("TypeError", &msg));
    }
    let given = args.pos.len();
    <[Value; N]>::try_from(args.pos).map_err(|_| {
        let msg = if N == 1 {
            format!(
                "_operator.{}() takes exactly one argument ({} given)",
                name, given
            )
        } else {
            format!("{} expected {} arguments, got {}", name, N, given)
        };
        vm.new_error("TypeError", &msg)
    })
}

macro_rules! binary {
    ($($fn_name:ident, $py:literal, $op:expr, $inplace:literal;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let [a, b] = operands::<2>(vm, args, $py)?;
                if $inplace {
                    vm.inplace($op, &a, &b)
                } else {
                    vm.binary($op, &a, &b)
                }
            }
        )*
        const BINARY: &[(&str, NativeImpl)] = &[$(($py, $fn_name)),*];
    };
}

binary! {
    add, "add", BinOp::Add, false;
    sub, "sub", BinOp::Sub, false;
    mul, "mul", BinOp::Mult, false;
    matmul, "matmul", BinOp::MatMult, false;
    truediv, "truediv", BinOp::Div, false;
    floordiv, "floordiv", BinOp::FloorDiv, false;
    mod_, "mod", BinOp::Mod, false;
    pow, "pow", BinOp::Pow, false;
    lshift, "lshift", BinOp::LShift, false;
    rshift, "rshift", BinOp::RShift, false;
    and_, "and_", BinOp::BitAnd, false;
    or_, "or_", BinOp::BitOr, false;
    xor, "xor", BinOp::BitXor, false;
    iadd, "iadd", BinOp::Add, true;
    isub, "isub", BinOp::Sub, true;
    imul, "imul", BinOp::Mult, true;
    imatmul, "imatmul", BinOp::MatMult, true;
    itruediv, "itruediv", BinOp::Div, true;
    ifloordiv, "ifloordiv", BinOp::FloorDiv, true;
    imod, "imod", BinOp::Mod, true;
    ipow, "ipow", BinOp::Pow, true;
    ilshift, "ilshift", BinOp::LShift, true;
    irshift, "irshift", BinOp::RShift, true;
    iand, "iand", BinOp::BitAnd, true;
    ior, "ior", BinOp::BitOr, true;
    ixor, "ixor", BinOp::BitXor, true;
}

macro_rules! compare {
    ($($fn_name:ident, $py:literal, $op:expr;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let [a, b] = operands::<2>(vm, args, $py)?;
                vm.rich_compare($op, &a, &b)
            }
        )*
        const COMPARE: &[(&str, NativeImpl)] = &[$(($py, $fn_name)),*];
    };
}

compare! {
    lt, "lt", CmpOp::Lt;
    le, "le", CmpOp::LtE;
    eq, "eq", CmpOp::Eq;
    ne, "ne", CmpOp::NotEq;
    gt, "gt", CmpOp::Gt;
    ge, "ge", CmpOp::GtE;
}

macro_rules! unary {
    ($($fn_name:ident, $py:literal, $op:expr;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let [a] = operands::<1>(vm, args, $py)?;
                vm.unary($op, &a)
            }
        )*
        const UNARY: &[(&str, NativeImpl)] = &[$(($py, $fn_name)),*];
    };
}

unary! {
    neg, "neg", UnaryOp::USub;
    pos, "pos", UnaryOp::UAdd;
    inv, "inv", UnaryOp::Invert;
    invert, "invert", UnaryOp::Invert;
    not_, "not_", UnaryOp::Not;
}

fn truth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a] = operands::<1>(vm, args, "truth")?;
    Ok(Value::Bool(vm.truthy(&a)?))
}

fn is_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = operands::<2>(vm, args, "is_")?;
    Ok(Value::Bool(a.is(&b)))
}

fn is_not(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = operands::<2>(vm, args, "is_not")?;
    Ok(Value::Bool(!a.is(&b)))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = operands::<2>(vm, args, "contains")?;
    Ok(Value::Bool(vm.contains(&a, &b)?))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = operands::<2>(vm, args, "getitem")?;
    vm.get_item(&a, &b)
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b, c] = operands::<3>(vm, args, "setitem")?;
    vm.set_item(&a, b, c)?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = operands::<2>(vm, args, "delitem")?;
    vm.del_item(&a, &b)?;
    Ok(Value::None)
}

/// The `_operator` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_operator");
    let others: &[(&str, NativeImpl)] = &[
        ("truth", truth),
        ("is_", is_),
        ("is_not", is_not),
        ("contains", contains),
        ("getitem", getitem),
        ("setitem", setitem),
        ("delitem", delitem),
    ];
    for (name, f) in BINARY.iter().chain(COMPARE).chain(UNARY).chain(others) {
        m.set(name, native(name, *f));
    }
    Ok(m)
}
