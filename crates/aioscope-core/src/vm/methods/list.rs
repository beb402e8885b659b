//! The methods of `list` (and `tuple`'s `index` and `count`), with the
//! fallible stable sort behind `list.sort` and `sorted()`.

use super::args::{check_arity, descriptor_error, this_list};
use crate::vm::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// Stable merge sort with a fallible comparator (`less(a, b)`): Python's
/// `sorted` must never panic, whatever a user's `__lt__` does.
pub fn merge_sort<T: Clone>(
    items: Vec<T>,
    less: &mut dyn FnMut(&T, &T) -> PyResult<bool>,
) -> PyResult<Vec<T>> {
    let n = items.len();
    if n <= 1 {
        return Ok(items);
    }
    let mut src = items;
    let mut width = 1;
    while width < n {
        let mut dst: Vec<T> = Vec::with_capacity(n);
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                // Take from the right only when strictly less: stability.
                if less(&src[j], &src[i])? {
                    dst.push(src[j].clone());
                    j += 1;
                } else {
                    dst.push(src[i].clone());
                    i += 1;
                }
            }
            dst.extend_from_slice(&src[i..mid]);
            dst.extend_from_slice(&src[j..end]);
            start = end;
        }
        src = dst;
        width *= 2;
    }
    Ok(src)
}

pub(super) fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "list.append")?;
    let l = this_list(vm, &args, "append")?;
    l.borrow_mut().push(args.pos[1].clone());
    Ok(Value::None)
}

pub(super) fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "list.extend")?;
    let l = this_list(vm, &args, "extend")?;
    let items = vm.collect(&args.pos[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

pub(super) fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 1, "pop")?;
    let l = this_list(vm, &args, "pop")?;
    let len = l.borrow().len();
    if len == 0 {
        return Err(vm.new_error("IndexError", "pop from empty list"));
    }
    let i = match args.pos.get(1) {
        Some(Value::BigInt(_)) => {
            return Err(vm.new_error(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            ))
        }
        Some(k) => vm.index_of(k, len, "pop")?,
        None => len - 1,
    };
    let v = l.borrow_mut().remove(i);
    Ok(v)
}

pub(super) fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 2, 2, "insert")?;
    let l = this_list(vm, &args, "insert")?;
    let len = l.borrow().len() as i64;
    let i = match &args.pos[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(vm.new_error(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            ))
        }
        _ => return Err(vm.new_error("TypeError", "an integer is required")),
    };
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(i as usize, args.pos[2].clone());
    Ok(Value::None)
}

pub(super) fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "list.remove")?;
    let l = this_list(vm, &args, "remove")?;
    // Identity first, without copying the list: waiter lists of thousands
    // of futures are searched this way on every wake-up.
    let found = l.borrow().iter().position(|x| x.is(&args.pos[1]));
    if let Some(i) = found {
        l.borrow_mut().remove(i);
        return Ok(Value::None);
    }
    let items = l.borrow().clone();
    for (i, it) in items.iter().enumerate() {
        if vm.eq(it, &args.pos[1])? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.new_error("ValueError", "list.remove(x): x not in list"))
}

pub(super) fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = match args.pos.first() {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        other => return Err(descriptor_error(vm, "index", "list", other)),
    };
    let Some(x) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "index expected at least 1 argument, got 0"));
    };
    // `index(x, start, end)`: bounds as slice bounds.
    let len = items.len() as i64;
    let bound = |v: Option<&Value>, default: i64| match v {
        Some(Value::Int(i)) if *i < 0 => (*i + len).max(0),
        Some(Value::Int(i)) => (*i).min(len),
        Some(Value::Bool(b)) => i64::from(*b).min(len),
        _ => default,
    };
    let start = bound(args.pos.get(2), 0) as usize;
    let end = bound(args.pos.get(3), len) as usize;
    for (i, it) in items.iter().enumerate().take(end).skip(start) {
        if vm.eq(it, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let what = if matches!(args.pos[0], Value::Tuple(_)) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        let r = vm.repr(x)?;
        format!("{} is not in list", r)
    };
    Err(vm.new_error("ValueError", &what))
}

pub(super) fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = match args.pos.first() {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        other => return Err(descriptor_error(vm, "count", "list", other)),
    };
    let Some(x) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "count() takes exactly one argument (0 given)"));
    };
    let mut n = 0;
    for it in items.iter() {
        if vm.eq(it, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// Sorts values by an optional key function, as `sorted()` and
/// `list.sort()` do.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keyed: Vec<(Value, Value)> = match &key {
        Some(k) if !matches!(k, Value::None) => {
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let kv = vm.call(k, Args::new(vec![it.clone()]))?;
                out.push((kv, it));
            }
            out
        }
        _ => items.into_iter().map(|v| (v.clone(), v)).collect(),
    };
    let mut keyed = keyed;
    // As CPython: reverse, sort stably ascending, reverse again, so equal
    // items keep their original order.
    if reverse {
        keyed.reverse();
    }
    let mut less = |a: &(Value, Value), b: &(Value, Value)| vm.less(&a.0, &b.0);
    let sorted = merge_sort(keyed, &mut less)?;
    let mut out: Vec<Value> = sorted.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

pub(super) fn list_sort(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key");
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    check_arity(vm, &args, 0, 0, "sort")?;
    let l = this_list(vm, &args, "sort")?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let sorted = sort_values(vm, items, key, reverse);
    match sorted {
        Ok(s) => {
            *l.borrow_mut() = s;
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

pub(super) fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args, "reverse")?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

pub(super) fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args, "clear")?;
    l.borrow_mut().clear();
    Ok(Value::None)
}

pub(super) fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args, "copy")?;
    let items = l.borrow().clone();
    Ok(Value::list(items))
}
