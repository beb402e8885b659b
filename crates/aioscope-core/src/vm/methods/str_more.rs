//! The less common methods of `str`: `rpartition`, `removeprefix`,
//! `removesuffix`, `swapcase`, `casefold`, `expandtabs`, `istitle`,
//! `isdecimal`, `isnumeric`, `isprintable`, `maketrans` and `translate`.

use std::cell::RefCell;

use super::args::{str_arg, this_str};
use crate::vm::dict::Dict;
use crate::vm::value::{Args, PyErr, PyResult, Value};
use crate::vm::Vm;

pub(super) fn str_rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "rpartition")?;
    let sep = str_arg(vm, &args, 1, "rpartition")?;
    if sep.is_empty() {
        return Err(vm.new_error("ValueError", "empty separator"));
    }
    Ok(match s.rfind(&*sep) {
        Some(b) => Value::tuple(vec![
            Value::str(&s[..b]),
            Value::Str(sep.clone()),
            Value::str(&s[b + sep.len()..]),
        ]),
        None => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s.clone())]),
    })
}

pub(super) fn str_removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "removeprefix")?;
    let p = str_arg(vm, &args, 1, "removeprefix")?;
    Ok(match s.strip_prefix(&*p) {
        Some(rest) => Value::str(rest),
        None => Value::Str(s),
    })
}

pub(super) fn str_removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "removesuffix")?;
    let p = str_arg(vm, &args, 1, "removesuffix")?;
    Ok(match s.strip_suffix(&*p) {
        Some(rest) if !p.is_empty() => Value::str(rest),
        _ => Value::Str(s),
    })
}

pub(super) fn str_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "swapcase")?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(Value::str(&out))
}

pub(super) fn str_casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "casefold")?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    Ok(Value::str(&out))
}

pub(super) fn str_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "expandtabs")?;
    let by_name = args
        .kw
        .iter()
        .find(|(k, _)| &**k == "tabsize")
        .map(|(_, v)| v);
    let size = match args.pos.get(1).or(by_name) {
        None => 8,
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        Some(other) => {
            let msg = format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            );
            return Err(vm.new_error("TypeError", &msg));
        }
    };
    let mut out = String::with_capacity(s.len());
    let mut column = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - column % size;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    column += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(Value::str(&out))
}

pub(super) fn str_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "istitle")?;
    let (mut cased, mut previous_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() {
            if previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

fn all_chars(vm: &mut Vm, args: &Args, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

/// Decimal digits: those with a digit value in some script (`'٣'`), not
/// superscripts or fractions.
fn is_decimal(c: char) -> bool {
    c.is_ascii_digit()
        || (!c.is_ascii()
            && c.is_numeric()
            && !matches!(
                c,
                '²' | '³' | '¹' | '¼' | '½' | '¾' | '\u{2070}'..='\u{2189}'
            ))
}

pub(super) fn str_isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, &args, "isdecimal", is_decimal)
}

pub(super) fn str_isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, &args, "isnumeric", char::is_numeric)
}

pub(super) fn str_isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "isprintable")?;
    Ok(Value::Bool(s.chars().all(|c| {
        c == ' ' || !(c.is_control() || c.is_whitespace() || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}'))
    })))
}

fn one_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// `str.maketrans(x[, y[, z]])`, a static method: the table `translate`
/// reads (code points to code points, strings or None).
pub(super) fn str_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut table = Dict::new();
    match (args.pos.first(), args.pos.get(1), args.pos.get(2)) {
        (Some(Value::Dict(d)), None, None) => {
            let pairs: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in pairs {
                let key = match &k {
                    Value::Int(_) => k.clone(),
                    Value::Str(s) => match one_char(s) {
                        Some(c) => Value::Int(c as i64),
                        None => {
                            return Err(vm.new_error(
                                "ValueError",
                                "string keys in translate table must be of length 1",
                            ))
                        }
                    },
                    _ => {
                        return Err(vm.new_error(
                            "TypeError",
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
                let key = vm.key(key)?;
                table.insert(key, v);
            }
        }
        (Some(Value::Str(x)), Some(Value::Str(y)), z) => {
            if x.chars().count() != y.chars().count() {
                return Err(vm.new_error(
                    "ValueError",
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.chars().zip(y.chars()) {
                let key = vm.key(Value::Int(a as i64))?;
                table.insert(key, Value::Int(b as i64));
            }
            match z {
                None => {}
                Some(Value::Str(z)) => {
                    for c in z.chars() {
                        let key = vm.key(Value::Int(c as i64))?;
                        table.insert(key, Value::None);
                    }
                }
                Some(other) => {
                    let msg = format!(
                        "maketrans() argument 3 must be str, not {}",
                        other.type_name()
                    );
                    return Err(vm.new_error("TypeError", &msg));
                }
            }
        }
        (Some(_), None, None) => {
            return Err(vm.new_error(
                "TypeError",
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        (Some(_), Some(_), _) => {
            return Err(vm.new_error("TypeError", "maketrans() argument 2 must be str, not int"))
        }
        _ => {
            return Err(vm.new_error(
                "TypeError",
                "maketrans() takes at least 1 argument (0 given)",
            ))
        }
    }
    Ok(Value::Dict(crate::vm::heap::tracked(RefCell::new(table))))
}

pub(super) fn str_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "translate")?;
    let Some(table) = args.pos.get(1).cloned() else {
        return Err(vm.new_error(
            "TypeError",
            "str.translate() takes exactly one argument (0 given)",
        ));
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match vm.get_item(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(m) => out.push(m),
                None => {
                    return Err(
                        vm.new_error("ValueError", "character mapping must be in range(0x110000)")
                    )
                }
            },
            Ok(Value::Str(t)) => out.push_str(&t),
            Ok(_) => {
                return Err(vm.new_error(
                    "TypeError",
                    "character mapping must return integer, None or str",
                ))
            }
            Err(PyErr::Exception(e)) if vm.is_instance_of(&e, "LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(&out))
}
