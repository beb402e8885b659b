//! The methods of `bytes` that work as `str`'s do: each runs `str`'s own
//! method on the bytes read as characters (ASCII stays ASCII; the other
//! bytes, and the control bytes `str` counts as whitespace, become private
//! characters no case, digit or whitespace rule touches, so only ASCII
//! letters change case and only ASCII whitespace splits, as for bytes) and
//! turns the characters in the result back into bytes. Also `hex` and
//! `fromhex`.

use std::rc::Rc;

use super::args::descriptor_error;
use crate::vm::value::{Args, PyErr, PyResult, Value};
use crate::vm::Vm;

const PRIVATE: u32 = 0xE000;

fn to_chars(b: &[u8]) -> String {
    b.iter()
        .map(|&x| match x {
            0x1c..=0x1f | 0x80..=0xff => char::from_u32(PRIVATE + x as u32).unwrap_or('\u{fffd}'),
            _ => x as char,
        })
        .collect()
}

fn to_bytes(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            let n = c as u32;
            if (PRIVATE..PRIVATE + 0x100).contains(&n) {
                (n - PRIVATE) as u8
            } else {
                n as u8
            }
        })
        .collect()
}

/// An argument as `str`'s method takes it: bytes (and lists or tuples of
/// them) as characters.
fn arg_in(v: &Value) -> Value {
    match v.unwrapped() {
        Value::Bytes(b) => Value::str(&to_chars(b)),
        Value::Tuple(items) => Value::tuple(items.iter().map(arg_in).collect()),
        Value::List(items) => {
            let items: Vec<Value> = items.borrow().iter().map(arg_in).collect();
            Value::list(items)
        }
        other => other.clone(),
    }
}

/// A result back as bytes.
fn result_out(v: Value) -> Value {
    match v {
        Value::Str(s) => Value::Bytes(to_bytes(&s).into()),
        Value::Tuple(items) => Value::tuple(items.iter().cloned().map(result_out).collect()),
        Value::List(items) => {
            let items: Vec<Value> = items.borrow().iter().cloned().map(result_out).collect();
            Value::list(items)
        }
        other => other,
    }
}

fn via_str(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let this = match args.pos.first().map(Value::unwrapped) {
        Some(Value::Bytes(b)) => b.clone(),
        other => return Err(descriptor_error(vm, name, "bytes", other)),
    };
    let method = match vm.types.str_.lookup(name) {
        Some(Value::Native(f)) => f,
        _ => return Err(vm.no_attr(&Value::Bytes(this), name)),
    };
    let mut a = Args::new(
        std::iter::once(Value::str(&to_chars(&this)))
            .chain(args.pos[1..].iter().map(arg_in))
            .collect(),
    );
    a.kw = args
        .kw
        .iter()
        .map(|(k, v)| (k.clone(), arg_in(v)))
        .collect();
    match (method.func)(vm, a) {
        Ok(r) => Ok(result_out(r)),
        // bytes words it its own way.
        Err(PyErr::Exception(e))
            if vm.exception_str(&e).ok().as_deref() == Some("substring not found") =>
        {
            Err(vm.new_error("ValueError", "subsection not found"))
        }
        Err(e) => Err(e),
    }
}

macro_rules! like_str {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> { via_str(vm, args, $name) })*
        /// The methods that run as `str`'s.
        pub(super) const LIKE_STR: &[(&str, crate::vm::value::NativeImpl)] = &[$(($name, $f)),*];
    };
}

like_str! {
    capitalize => "capitalize", center => "center", count => "count",
    endswith => "endswith", expandtabs => "expandtabs", find => "find", index => "index",
    isalnum => "isalnum", isalpha => "isalpha", isascii => "isascii", isdigit => "isdigit",
    islower => "islower", isspace => "isspace", istitle => "istitle", isupper => "isupper",
    join => "join", ljust => "ljust", lower => "lower", lstrip => "lstrip",
    partition => "partition", removeprefix => "removeprefix", removesuffix => "removesuffix",
    replace => "replace", rfind => "rfind", rindex => "rindex", rjust => "rjust",
    rpartition => "rpartition", rsplit => "rsplit", rstrip => "rstrip", split => "split",
    splitlines => "splitlines", startswith => "startswith", strip => "strip",
    swapcase => "swapcase", title => "title", upper => "upper", zfill => "zfill",
}

/// `b.hex([sep[, bytes_per_sep]])`.
pub(super) fn bytes_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = match args.pos.first().map(Value::unwrapped) {
        Some(Value::Bytes(b)) => b.clone(),
        other => return Err(descriptor_error(vm, "hex", "bytes", other)),
    };
    let named = |n: &str| {
        args.kw
            .iter()
            .find(|(k, _)| &**k == n)
            .map(|(_, v)| v.clone())
    };
    let sep = args.pos.get(1).cloned().or_else(|| named("sep"));
    let per = args.pos.get(2).cloned().or_else(|| named("bytes_per_sep"));
    let digits: Vec<String> = b.iter().map(|x| format!("{:02x}", x)).collect();
    let sep = match sep {
        None => return Ok(Value::str(&digits.concat())),
        Some(Value::Str(s)) if s.chars().count() == 1 => s.to_string(),
        Some(Value::Bytes(s)) if s.len() == 1 => (s[0] as char).to_string(),
        Some(_) => return Err(vm.new_error("ValueError", "sep must be length 1.")),
    };
    let per = match per {
        None => 1,
        Some(Value::Int(n)) => n,
        Some(_) => return Err(vm.new_error("TypeError", "an integer is required")),
    };
    if per == 0 || digits.is_empty() {
        return Ok(Value::str(&digits.concat()));
    }
    let size = per.unsigned_abs() as usize;
    // A positive count groups from the right, a negative one from the left.
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let mut end = digits.len();
        while end > 0 {
            let start = end.saturating_sub(size);
            groups.push(digits[start..end].concat());
            end = start;
        }
        groups.reverse();
    } else {
        for chunk in digits.chunks(size) {
            groups.push(chunk.concat());
        }
    }
    Ok(Value::str(&groups.join(&sep)))
}

/// `bytes.fromhex(string)`: pairs of hex digits, whitespace between them.
pub(super) fn bytes_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Called on the class (`bytes.fromhex(s)`) or an instance.
    let s = match args.pos.iter().rev().find(|v| matches!(v, Value::Str(_))) {
        Some(Value::Str(s)) => s.clone(),
        _ => {
            let got: Rc<str> = args
                .pos
                .last()
                .map(|v| v.type_name())
                .unwrap_or_else(|| "nothing".into());
            let msg = format!("fromhex() argument must be str, not {}", got);
            return Err(vm.new_error("TypeError", &msg));
        }
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => return Err(fromhex_error(vm, i)),
            (Some(_), None) => return Err(fromhex_error(vm, i + 1)),
        }
        i += 2;
    }
    Ok(Value::Bytes(Rc::from(out)))
}

fn fromhex_error(vm: &mut Vm, at: usize) -> crate::vm::value::PyErr {
    let msg = format!(
        "non-hexadecimal number found in fromhex() arg at position {}",
        at
    );
    vm.new_error("ValueError", &msg)
}
