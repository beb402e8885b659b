//! CPython's "struct sequences": tuples whose items also have names
//! (`time.struct_time`, `sys.version_info`). They are namedtuple classes
//! with the three `n_*_fields` class attributes CPython gives them, which
//! is also what makes their repr name the module (`time.struct_time(...)`).
//! Fields past the sequence ones (`tm_zone`, `tm_gmtoff`) are attributes
//! only, as in CPython.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::methods::def;
use crate::vm::value::{Args, Attrs, Class, Instance, Payload, PyResult, Value};
use crate::vm::Vm;

/// A struct-sequence class `module.name` with `fields`, the first
/// `visible` of which are its items.
pub fn class(
    vm: &mut Vm,
    module: &str,
    name: &str,
    fields: &[&str],
    visible: usize,
) -> PyResult<Rc<Class>> {
    let visible = visible.min(fields.len());
    let field_names = Value::tuple(fields[..visible].iter().map(|f| Value::str(f)).collect());
    let args = Args {
        pos: vec![Value::str(name), field_names],
        kw: vec![("module".into(), Value::str(module))],
    };
    let nt = vm.call(&native("namedtuple", super::stdlib::namedtuple), args)?;
    let Value::Class(class) = nt else {
        return Err(vm.new_error("TypeError", "struct sequence: namedtuple gave no class"));
    };
    {
        let mut a = class.attrs.borrow_mut();
        a.set("n_sequence_fields".into(), Value::Int(visible as i64));
        a.set("n_fields".into(), Value::Int(fields.len() as i64));
        a.set("n_unnamed_fields".into(), Value::Int(0));
        a.set(
            "_extra_fields".into(),
            Value::tuple(fields[visible..].iter().map(|f| Value::str(f)).collect()),
        );
    }
    def(&class, "__new__", structseq_new);
    Ok(class)
}

/// An instance of a struct-sequence class from its items (and the values
/// of its attribute-only fields).
pub fn instance(class: &Rc<Class>, items: Vec<Value>, extra: Vec<(&str, Value)>, id: u64) -> Value {
    let mut attrs = Attrs::default();
    for (k, v) in extra {
        attrs.set(k.into(), v);
    }
    Value::Instance(crate::vm::heap::tracked(Instance {
        class: class.clone(),
        attrs: RefCell::new(attrs),
        payload: Payload::Tuple(items.into()),
        id,
        dict: RefCell::new(None),
    }))
}

fn int_attr(class: &Class, name: &str) -> usize {
    match class.lookup(name) {
        Some(Value::Int(n)) if n >= 0 => n as usize,
        _ => 0,
    }
}

/// `cls(sequence)`: CPython's structseq constructor (a sequence of at
/// least the visible fields and at most all of them).
fn structseq_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let dict = args.take_kw("dict");
    let seq = args.take_kw("sequence");
    let Some(Value::Class(class)) = args.pos.first().cloned() else {
        return Err(vm.new_error("TypeError", "structseq.__new__ needs a class"));
    };
    let qual = format!("{}.{}", class.module, class.name);
    let seq = match seq.or_else(|| args.pos.get(1).cloned()) {
        Some(s) => s,
        None => {
            let msg = format!(
                "{}() missing required argument 'sequence' (pos 1)",
                class.name
            );
            return Err(vm.new_error("TypeError", &msg));
        }
    };
    if !matches!(
        seq,
        Value::Tuple(_) | Value::List(_) | Value::Instance(_) | Value::Range(_) | Value::Str(_)
    ) {
        return Err(vm.new_error("TypeError", "constructor requires a sequence"));
    }
    let items = vm.collect(&seq)?;
    let visible = int_attr(&class, "n_sequence_fields");
    let total = int_attr(&class, "n_fields");
    let n = items.len();
    if n < visible {
        let msg = if visible == total {
            format!(
                "{}() takes a {}-sequence ({}-sequence given)",
                qual, visible, n
            )
        } else {
            format!(
                "{}() takes an at least {}-sequence ({}-sequence given)",
                qual, visible, n
            )
        };
        return Err(vm.new_error("TypeError", &msg));
    }
    if n > total {
        let msg = if visible == total {
            format!(
                "{}() takes a {}-sequence ({}-sequence given)",
                qual, visible, n
            )
        } else {
            format!(
                "{}() takes an at most {}-sequence ({}-sequence given)",
                qual, total, n
            )
        };
        return Err(vm.new_error("TypeError", &msg));
    }
    let extra_names: Vec<Rc<str>> = match class.lookup("_extra_fields") {
        Some(Value::Tuple(t)) => t
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut attrs = Attrs::default();
    for (i, name) in extra_names.iter().enumerate() {
        let v = match items.get(visible + i) {
            Some(v) => v.clone(),
            None => match &dict {
                Some(d @ Value::Dict(_)) => {
                    let get = vm.get_attr(d, "get")?;
                    vm.call(&get, Args::new(vec![Value::Str(name.clone())]))?
                }
                _ => Value::None,
            },
        };
        attrs.set(name.clone(), v);
    }
    let items: Vec<Value> = items.into_iter().take(visible).collect();
    Ok(Value::Instance(crate::vm::heap::tracked(Instance {
        class,
        attrs: RefCell::new(attrs),
        payload: Payload::Tuple(items.into()),
        id: vm.next_id(),
        dict: RefCell::new(None),
    })))
}
