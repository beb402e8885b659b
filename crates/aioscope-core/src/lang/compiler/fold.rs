//! The constant folding of CPython's AST optimizer that decides how set
//! displays are built: a display of more than two constants is a frozenset
//! constant merged into a new set, and a set display iterated by `for` or
//! tested by `in` is the frozenset constant itself. The layout of the
//! resulting set, and so its printed order, depends on which (see
//! `vm/set.rs`).

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::lang::ast::{BinOp, Expr, ExprKind, UnaryOp};
use crate::lang::bytecode::Const;

use super::expressions::constant;

/// The constant `e` folds to, if it is one: a literal, a sign or `~` on a
/// numeric literal, or a tuple of constants.
pub(super) fn fold(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Constant(c) => Some(constant(c)),
        ExprKind::UnaryOp { op, operand } => {
            let ExprKind::Constant(c) = &operand.kind else {
                return fold_unary(*op, fold(operand)?);
            };
            fold_unary(*op, constant(c))
        }
        ExprKind::Tuple(items) => {
            let folded: Option<Vec<Const>> = items.iter().map(fold).collect();
            Some(Const::Tuple(folded?.into()))
        }
        ExprKind::BinOp { left, op, right } => fold_binary(*op, fold(left)?, fold(right)?),
        _ => None,
    }
}

/// The largest int, in bits, CPython's optimizer builds by `*`, `**` or
/// `<<`.
const MAX_INT_SIZE: u64 = 128;

fn as_big(c: &Const) -> Option<BigInt> {
    match c {
        Const::Int(i) => Some(BigInt::from(*i)),
        Const::BigInt(b) => Some((**b).clone()),
        Const::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

fn from_big(b: BigInt) -> Const {
    match i64::try_from(&b) {
        Ok(i) => Const::Int(i),
        Err(_) => Const::BigInt(Rc::new(b)),
    }
}

/// Folds an operator on two int constants as CPython's `safe_multiply`,
/// `safe_power` and `safe_lshift` allow; floats and other types are left
/// to run time.
fn fold_binary(op: BinOp, a: Const, b: Const) -> Option<Const> {
    let (x, y) = (as_big(&a)?, as_big(&b)?);
    let bits = |v: &BigInt| v.bits();
    Some(from_big(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => {
            if !x.is_zero() && !y.is_zero() && bits(&x) + bits(&y) > MAX_INT_SIZE {
                return None;
            }
            x * y
        }
        BinOp::Pow => {
            let e = y.to_u64()?;
            if !x.is_zero() && bits(&x).saturating_mul(e) > MAX_INT_SIZE {
                return None;
            }
            num_traits::Pow::pow(&x, u32::try_from(e).ok()?)
        }
        BinOp::LShift => {
            let n = y.to_u64()?;
            if !x.is_zero() && (n > MAX_INT_SIZE || bits(&x) > MAX_INT_SIZE - n) {
                return None;
            }
            x << n as usize
        }
        BinOp::RShift => {
            let n = y.to_u64()?;
            if n >= bits(&x) {
                BigInt::from(if x.is_negative() { -1 } else { 0 })
            } else {
                x >> n as usize
            }
        }
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::FloorDiv if !y.is_zero() => x.div_floor(&y),
        BinOp::Mod if !y.is_zero() => x.mod_floor(&y),
        _ => return None,
    }))
}

fn fold_unary(op: UnaryOp, c: Const) -> Option<Const> {
    Some(match (op, c) {
        (UnaryOp::USub, Const::Int(i)) => match i.checked_neg() {
            Some(n) => Const::Int(n),
            None => Const::BigInt(Rc::new(-num_bigint::BigInt::from(i))),
        },
        (UnaryOp::USub, Const::BigInt(b)) => {
            let n = -(*b).clone();
            match i64::try_from(&n) {
                Ok(i) => Const::Int(i),
                Err(_) => Const::BigInt(Rc::new(n)),
            }
        }
        (UnaryOp::USub, Const::Float(f)) => Const::Float(-f),
        (UnaryOp::USub, Const::Bool(b)) => Const::Int(-(b as i64)),
        (UnaryOp::UAdd, c @ (Const::Int(_) | Const::BigInt(_) | Const::Float(_))) => c,
        (UnaryOp::UAdd, Const::Bool(b)) => Const::Int(b as i64),
        (UnaryOp::Invert, Const::Int(i)) => Const::Int(!i),
        (UnaryOp::Invert, Const::Bool(b)) => Const::Int(!(b as i64)),
        _ => return None,
    })
}

/// The elements of a set display, all folded, if they are all constants.
pub(super) fn constant_set(items: &[Expr]) -> Option<Rc<[Const]>> {
    let folded: Option<Vec<Const>> = items.iter().map(fold).collect();
    folded.map(Into::into)
}

/// `fold_iter`: a set display of constants iterated or tested with `in`
/// becomes a frozenset constant.
pub(super) fn iterable_constant(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Set(items) => constant_set(items).map(Const::FrozenSet),
        _ => None,
    }
}
