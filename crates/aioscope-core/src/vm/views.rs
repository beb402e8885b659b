//! Dict views: `d.keys()`, `d.values()`, `d.items()`, live windows on the
//! dict (they see later changes), printed as `dict_keys([...])`, with
//! `len`, `in`, iteration, `reversed()`, and for keys and items the set
//! operators and comparisons, each computed as CPython's `dictobject.c`
//! computes it (so the resulting sets are laid out, and print, alike).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::builtins::arity;
use super::containers::{any_set, set_value, DictRef};
use super::dict::Dict;
use super::iter::dict_iter;
use super::keys::Key;
use super::methods::def;
use super::set::Set;
use super::value::{Args, Class, DictPart, Iter, NativeObject, PyResult, Value};
use super::Vm;

/// A view of a dict. Invariant: `class` is the class of `part`.
pub struct DictView {
    /// The dict seen.
    pub dict: DictRef,
    /// Which part of its entries.
    pub part: DictPart,
    class: Rc<Class>,
}

impl DictView {
    fn name(&self) -> &'static str {
        match self.part {
            DictPart::Keys => "dict_keys",
            DictPart::Values => "dict_values",
            DictPart::Items => "dict_items",
        }
    }

    /// Whether it is a keys or items view (set-like).
    fn set_like(&self) -> bool {
        self.part != DictPart::Values
    }
}

impl NativeObject for DictView {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        self.name()
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let items = view_items(&self.dict.borrow(), self.part);
        let list = vm.repr(&Value::list(items))?;
        Ok(format!("{}({})", self.name(), list))
    }
    fn truthy(&self) -> bool {
        !self.dict.borrow().is_empty()
    }
}

/// The items a view yields, in order.
fn view_items(d: &Dict, part: DictPart) -> Vec<Value> {
    d.iter()
        .map(|(k, v)| match part {
            DictPart::Keys => k.clone(),
            DictPart::Values => v.clone(),
            DictPart::Items => Value::tuple(vec![k.clone(), v.clone()]),
        })
        .collect()
}

/// A new view of `d`.
pub fn view(vm: &Vm, d: &DictRef, part: DictPart) -> Value {
    let class = match part {
        DictPart::Keys => vm.types.dict_keys.clone(),
        DictPart::Values => vm.types.dict_values.clone(),
        DictPart::Items => vm.types.dict_items.clone(),
    };
    Value::Object(Rc::new(DictView {
        dict: d.clone(),
        part,
        class,
    }))
}

/// The view behind a value.
fn as_view(v: &Value) -> Option<&DictView> {
    v.downcast::<DictView>()
}

/// The receiver of a view method.
fn this<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a DictView> {
    match args.pos.first().and_then(as_view) {
        Some(v) => Ok(v),
        None => {
            let got = args
                .pos
                .first()
                .map(|v| v.type_name())
                .unwrap_or_else(|| "nothing".into());
            Err(vm.new_error(
                "TypeError",
                &format!(
                    "descriptor '{}' for 'dict_keys' objects doesn't apply to a '{}' object",
                    name, got
                ),
            ))
        }
    }
}

/// `PyDictViewSet_Check`: a keys or items view.
fn is_set_view(v: &Value) -> bool {
    as_view(v).is_some_and(DictView::set_like)
}

/// Whether an item is in the view (`dictkeys_contains`,
/// `dictitems_contains`, a scan for values).
fn view_contains(vm: &mut Vm, view: &DictView, item: &Value) -> PyResult<bool> {
    let d = view.dict.clone();
    match view.part {
        DictPart::Keys => {
            let k = vm.key(item.clone())?;
            vm.dict_contains(&d, &k)
        }
        DictPart::Items => {
            let Value::Tuple(t) = item else {
                return Ok(false);
            };
            if t.len() != 2 {
                return Ok(false);
            }
            let k = vm.key(t[0].clone())?;
            match vm.dict_get(&d, &k)? {
                Some(found) => vm.eq(&found, &t[1]),
                None => Ok(false),
            }
        }
        DictPart::Values => {
            let values: Vec<Value> = d.borrow().values().cloned().collect();
            for v in values {
                if vm.eq(&v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `dictviews_to_set`: a keys view of a dict builds its set from the dict
/// itself (hashes reused), anything else by iteration.
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Rc<RefCell<Set>>> {
    let source = match as_view(v) {
        Some(view) if view.part == DictPart::Keys => Value::Dict(view.dict.clone()),
        _ => v.clone(),
    };
    Ok(crate::vm::heap::tracked(RefCell::new(
        vm.new_set(Some(&source))?,
    )))
}

fn into_value(s: Rc<RefCell<Set>>) -> Value {
    let set = s.borrow().clone();
    set_value(set)
}

fn len_of(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    vm.len(v)
}

fn views_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let view = this(vm, &args, "__len__")?;
    Ok(Value::Int(view.dict.borrow().len() as i64))
}

fn views_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let view = this(vm, &args, "__iter__")?;
    let it = dict_iter(&view.dict, view.part);
    Ok(Value::Iterator(crate::vm::heap::tracked(RefCell::new(it))))
}

fn views_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let view = this(vm, &args, "__reversed__")?;
    let n = view.dict.borrow().len();
    Ok(Value::Iterator(crate::vm::heap::tracked(RefCell::new(
        Iter::Dict {
            dict: view.dict.clone(),
            pos: usize::MAX,
            used: n,
            left: n,
            kind: view.part,
            reversed: true,
        },
    ))))
}

fn views_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "__contains__")?;
    let view = this(vm, &args, "__contains__")?;
    Ok(Value::Bool(view_contains(vm, view, &args.pos[1])?))
}

/// `all_contained_in(a, b)`: every item of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `dictview_richcompare` for `op` in `== != < <= > >=`.
fn compare(vm: &mut Vm, args: &Args, op: &str) -> PyResult<Value> {
    arity(vm, args, 2, 2, op)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if !is_set_view(a) || (any_set(b).is_none() && !is_set_view(b)) {
        return Ok(Value::NotImplemented);
    }
    let (la, lb) = (len_of(vm, a)?, len_of(vm, b)?);
    let ok = match op {
        "__eq__" | "__ne__" => {
            let same = la == lb && all_contained_in(vm, a, b)?;
            if op == "__eq__" {
                same
            } else {
                !same
            }
        }
        "__lt__" => la < lb && all_contained_in(vm, a, b)?,
        "__le__" => la <= lb && all_contained_in(vm, a, b)?,
        "__gt__" => la > lb && all_contained_in(vm, b, a)?,
        _ => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(Value::Bool(ok))
}

fn views_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__eq__")
}
fn views_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__ne__")
}
fn views_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__lt__")
}
fn views_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__le__")
}
fn views_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__gt__")
}
fn views_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__ge__")
}

/// `_PyDictView_Intersect(a, b)`, with `a` or `b` the view.
fn intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    // The view first.
    let (mut this, mut other) = if is_set_view(a) {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    let len_self = len_of(vm, &this)?;
    // A larger (or equal) set does the work with its own intersection.
    if let Value::Set(s) = &other {
        if len_self <= s.borrow().len() {
            let s = s.clone();
            return Ok(set_value(vm.set_intersection(&s, &this)?));
        }
    }
    if is_set_view(&other) && len_of(vm, &other)? > len_self {
        std::mem::swap(&mut this, &mut other);
    }
    let result = crate::vm::heap::tracked(RefCell::new(Set::new()));
    let Some(view) = as_view(&this) else {
        return Ok(into_value(result));
    };
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains(vm, view, &x)? {
            let k = vm.key(x)?;
            vm.set_add(&result, k)?;
        }
    }
    Ok(into_value(result))
}

fn views_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "__and__")?;
    intersect(vm, &args.pos[0], &args.pos[1])
}

fn views_rand(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "__rand__")?;
    intersect(vm, &args.pos[1], &args.pos[0])
}

/// `dictviews_or(left, right)`: a set of `left`, updated with `right`.
fn union(vm: &mut Vm, left: &Value, right: &Value) -> PyResult<Value> {
    let result = to_set(vm, left)?;
    vm.set_update(&result, right)?;
    Ok(into_value(result))
}

fn views_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "__or__")?;
    union(vm, &args.pos[0], &args.pos[1])
}

fn views_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "__ror__")?;
    union(vm, &args.pos[1], &args.pos[0])
}

/// `dictviews_sub(left, right)`.
fn difference(vm: &mut Vm, left: &Value, right: &Value) -> PyResult<Value> {
    let result = to_set(vm, left)?;
    vm.set_difference_update(&result, right)?;
    Ok(into_value(result))
}

fn views_sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "__sub__")?;
    difference(vm, &args.pos[0], &args.pos[1])
}

fn views_rsub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "__rsub__")?;
    difference(vm, &args.pos[1], &args.pos[0])
}

/// `dictviews_xor(left, right)`; two items views use `dictitems_xor`.
fn symmetric_difference(vm: &mut Vm, left: &Value, right: &Value) -> PyResult<Value> {
    if let (Some(l), Some(r)) = (as_view(left), as_view(right)) {
        if l.part == DictPart::Items && r.part == DictPart::Items {
            return items_xor(vm, &l.dict.clone(), &r.dict.clone());
        }
    }
    let result = to_set(vm, left)?;
    vm.set_symmetric_difference_update(&result, right)?;
    Ok(into_value(result))
}

/// `dictitems_xor`: the pairs of `d2` not equal in a copy of `d1` (equal
/// ones are removed from the copy), then the copy's remaining pairs.
fn items_xor(vm: &mut Vm, d1: &DictRef, d2: &DictRef) -> PyResult<Value> {
    let temp = crate::vm::heap::tracked(RefCell::new(d1.borrow().clone()));
    let result = crate::vm::heap::tracked(RefCell::new(Set::new()));
    let entries: Vec<_> = d2.borrow().entries().cloned().collect();
    for e in entries {
        let key = Key {
            hash: e.hash,
            value: e.key.clone(),
        };
        let to_delete = match vm.dict_get(&temp, &key)? {
            Some(v1) => vm.eq(&v1, &e.value)?,
            None => false,
        };
        if to_delete {
            vm.dict_remove(&temp, &key)?;
        } else {
            let pair = Value::tuple(vec![e.key, e.value]);
            let k = vm.key(pair)?;
            vm.set_add(&result, k)?;
        }
    }
    let remaining = view(vm, &temp, DictPart::Items);
    vm.set_update(&result, &remaining)?;
    Ok(into_value(result))
}

fn views_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "__xor__")?;
    symmetric_difference(vm, &args.pos[0], &args.pos[1])
}

fn views_rxor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "__rxor__")?;
    symmetric_difference(vm, &args.pos[1], &args.pos[0])
}

/// `dictviews_isdisjoint`.
fn views_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, 2, 2, "isdisjoint")?;
    let (mut this, mut other) = (args.pos[0].clone(), args.pos[1].clone());
    if this.is(&other) {
        return Ok(Value::Bool(len_of(vm, &this)? == 0));
    }
    if (any_set(&other).is_some() || is_set_view(&other))
        && len_of(vm, &other)? > len_of(vm, &this)?
    {
        std::mem::swap(&mut this, &mut other);
    }
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(&this, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Installs the views' methods into their classes.
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    for c in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        def(c, "__len__", views_len);
        def(c, "__iter__", views_iter);
        def(c, "__reversed__", views_reversed);
        def(c, "__contains__", views_contains);
    }
    for c in [&t.dict_keys, &t.dict_items] {
        def(c, "__eq__", views_eq);
        def(c, "__ne__", views_ne);
        def(c, "__lt__", views_lt);
        def(c, "__le__", views_le);
        def(c, "__gt__", views_gt);
        def(c, "__ge__", views_ge);
        def(c, "__and__", views_and);
        def(c, "__rand__", views_rand);
        def(c, "__or__", views_or);
        def(c, "__ror__", views_ror);
        def(c, "__sub__", views_sub);
        def(c, "__rsub__", views_rsub);
        def(c, "__xor__", views_xor);
        def(c, "__rxor__", views_rxor);
        def(c, "isdisjoint", views_isdisjoint);
        c.attrs.borrow_mut().set("__hash__".into(), Value::None);
    }
}
