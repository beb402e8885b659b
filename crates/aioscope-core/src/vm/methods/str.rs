//! The methods of `str`.

use super::args::{arg, check_arity, str_arg, strip_chars, this_str};
use crate::vm::value::{Args, PyResult, Value};
use crate::vm::Vm;

pub(super) fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "format")?;
    let r = vm.str_format(&s, &args.pos[1..], &args.kw)?;
    Ok(Value::Str(r.into()))
}

pub(super) fn str_format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "str.format_map")?;
    let s = this_str(vm, &args, "format_map")?;
    let mapping = arg(&args, 1).cloned().unwrap_or(Value::None);
    let r = vm.str_format_map(&s, &mapping)?;
    Ok(Value::Str(r.into()))
}

pub(super) fn str_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "str.lower")?;
    let s = this_str(vm, &args, "lower")?;
    Ok(Value::Str(s.to_lowercase().into()))
}

pub(super) fn str_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 0, 0, "str.upper")?;
    let s = this_str(vm, &args, "upper")?;
    Ok(Value::Str(s.to_uppercase().into()))
}

pub(super) fn str_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "title")?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = true;
        } else {
            out.push(c);
            prev_cased = false;
        }
    }
    Ok(Value::Str(out.into()))
}

pub(super) fn str_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "capitalize")?;
    let mut chars = s.chars();
    let out: String = match chars.next() {
        Some(f) => f
            .to_uppercase()
            .chain(chars.flat_map(|c| c.to_lowercase()))
            .collect(),
        None => String::new(),
    };
    Ok(Value::Str(out.into()))
}

pub(super) fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 2, 3, "replace")?;
    let s = this_str(vm, &args, "replace")?;
    let old = str_arg(vm, &args, 1, "replace")?;
    let new = str_arg(vm, &args, 2, "replace")?;
    let count = match arg(&args, 3) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    let r = match count {
        Some(n) => s.replacen(&*old, &new, n),
        None => s.replace(&*old, &new),
    };
    Ok(Value::Str(r.into()))
}

pub(super) fn str_split(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep_kw = args.take_kw("sep");
    let max_kw = args.take_kw("maxsplit");
    let s = this_str(vm, &args, "split")?;
    let sep = sep_kw
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None);
    let maxsplit = match max_kw.or_else(|| args.pos.get(2).cloned()) {
        Some(Value::Int(n)) if n >= 0 => Some(n as usize),
        _ => None,
    };
    let parts: Vec<Value> = match sep {
        Value::None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if maxsplit.is_some_and(|m| out.len() >= m) {
                    out.push(Value::str(rest.trim_end()));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start();
            }
            out
        }
        Value::Str(sep) => {
            if sep.is_empty() {
                return Err(vm.new_error("ValueError", "empty separator"));
            }
            match maxsplit {
                Some(m) => s.splitn(m + 1, &*sep).map(Value::str).collect(),
                None => s.split(&*sep).map(Value::str).collect(),
            }
        }
        other => {
            return Err(vm.new_error(
                "TypeError",
                &format!("must be str or None, not {}", other.type_name()),
            ))
        }
    };
    Ok(Value::list(parts))
}

pub(super) fn str_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let original = args.clone();
    let mut args = args;
    let sep_kw = args.take_kw("sep");
    let max_kw = args.take_kw("maxsplit");
    let s = this_str(vm, &args, "rsplit")?;
    let sep = sep_kw.or_else(|| args.pos.get(1).cloned());
    let maxsplit = match max_kw.or_else(|| args.pos.get(2).cloned()) {
        Some(Value::Int(n)) if n >= 0 => Some(n as usize),
        _ => None,
    };
    match (sep, maxsplit) {
        (Some(Value::Str(sep)), Some(m)) if !sep.is_empty() => {
            let mut parts: Vec<Value> = s.rsplitn(m + 1, &*sep).map(Value::str).collect();
            parts.reverse();
            Ok(Value::list(parts))
        }
        // Whitespace from the right: what is left keeps its leading blanks.
        (None | Some(Value::None), Some(m)) => {
            let mut parts = Vec::new();
            let mut rest = s.trim_end();
            while parts.len() < m {
                match rest.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
                    Some((i, c)) => {
                        parts.push(Value::str(&rest[i + c.len_utf8()..]));
                        rest = rest[..i].trim_end();
                    }
                    None => break,
                }
            }
            if !rest.is_empty() {
                parts.push(Value::str(rest));
            }
            parts.reverse();
            Ok(Value::list(parts))
        }
        _ => str_split(vm, original),
    }
}

/// Python's line boundaries: `\r\n` is one, and so are `\r`, `\v`, `\f`,
/// the file/group/record separators, NEL and the Unicode line and paragraph
/// separators (Rust's `lines()` knows only `\n` and `\r\n`).
pub(super) fn str_splitlines(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let keep_kw = args.take_kw("keepends");
    let s = this_str(vm, &args, "splitlines")?;
    let keep = match keep_kw.or_else(|| args.pos.get(1).cloned()) {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = chars.peek() {
                chars.next();
                end += 1;
            }
        }
        lines.push(Value::str(if keep { &s[start..end] } else { &s[start..i] }));
        start = end;
    }
    if start < s.len() {
        lines.push(Value::str(&s[start..]));
    }
    Ok(Value::list(lines))
}

pub(super) fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, &args, 1, 1, "str.join")?;
    let s = this_str(vm, &args, "join")?;
    let items = vm.collect(&args.pos[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&s);
        }
        match it.unwrapped() {
            Value::Str(p) => out.push_str(p),
            _ => {
                let other = it;
                return Err(vm.new_error(
                    "TypeError",
                    &format!(
                        "sequence item {}: expected str instance, {} found",
                        i,
                        other.type_name()
                    ),
                ));
            }
        }
    }
    Ok(Value::Str(out.into()))
}

pub(super) fn str_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "strip")?;
    let r = match strip_chars(&args) {
        Some(cs) => s.trim_matches(|c| cs.contains(&c)).to_string(),
        None => s.trim().to_string(),
    };
    Ok(Value::Str(r.into()))
}

pub(super) fn str_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "lstrip")?;
    let r = match strip_chars(&args) {
        Some(cs) => s.trim_start_matches(|c| cs.contains(&c)).to_string(),
        None => s.trim_start().to_string(),
    };
    Ok(Value::Str(r.into()))
}

pub(super) fn str_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "rstrip")?;
    let r = match strip_chars(&args) {
        Some(cs) => s.trim_end_matches(|c| cs.contains(&c)).to_string(),
        None => s.trim_end().to_string(),
    };
    Ok(Value::Str(r.into()))
}

fn affix_test(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    test: fn(&str, &str) -> bool,
) -> PyResult<Value> {
    let whole = this_str(vm, args, name)?;
    let Some((bs, be, _)) = window(vm, &whole, args)? else {
        return Ok(Value::Bool(false));
    };
    let s = &whole[bs..be];
    match args.pos.get(1) {
        Some(Value::Str(p)) => Ok(Value::Bool(test(s, p))),
        Some(Value::Tuple(ps)) => Ok(Value::Bool(
            ps.iter().any(|p| matches!(p, Value::Str(p) if test(s, p))),
        )),
        other => {
            let t = other
                .map(|v| v.type_name())
                .unwrap_or_else(|| "nothing".into());
            Err(vm.new_error(
                "TypeError",
                &format!(
                    "{} first arg must be str or a tuple of str, not {}",
                    name, t
                ),
            ))
        }
    }
}

pub(super) fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_test(vm, &args, "startswith", |s, p| s.starts_with(p))
}

pub(super) fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_test(vm, &args, "endswith", |s, p| s.ends_with(p))
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

/// The `[start:end]` window of `s` that `find`, `count` and friends search
/// (slice rules on character indices): its byte range and the character
/// index it starts at, or `None` when `start` lies past the end.
fn window(vm: &mut Vm, s: &str, args: &Args) -> PyResult<Option<(usize, usize, i64)>> {
    let len = s.chars().count() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = crate::vm::builtins::int_arg(vm, v)?;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    let start = match args.pos.get(2) {
        Some(Value::Int(i)) if *i > len => return Ok(None),
        v => bound(vm, v, 0)?,
    };
    let end = bound(vm, args.pos.get(3), len)?;
    let byte = |c: i64| s.char_indices().nth(c as usize).map_or(s.len(), |(b, _)| b);
    let (bs, be) = (byte(start), byte(end.max(start)));
    Ok(Some((bs, be, start)))
}

fn search(vm: &mut Vm, args: &Args, name: &str, last: bool) -> PyResult<i64> {
    let s = this_str(vm, args, name)?;
    let sub = str_arg(vm, args, 1, name)?;
    let Some((bs, be, start)) = window(vm, &s, args)? else {
        return Ok(-1);
    };
    let hay = &s[bs..be];
    let found = if last {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    Ok(match found {
        Some(b) => start + char_index(hay, b),
        None => -1,
    })
}

pub(super) fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(search(vm, &args, "find", false)?))
}

pub(super) fn str_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(search(vm, &args, "rfind", true)?))
}

pub(super) fn str_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match search(vm, &args, "index", false)? {
        -1 => Err(vm.new_error("ValueError", "substring not found")),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn str_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match search(vm, &args, "rindex", true)? {
        -1 => Err(vm.new_error("ValueError", "substring not found")),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn str_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "count")?;
    let sub = str_arg(vm, &args, 1, "count")?;
    let Some((bs, be, _)) = window(vm, &s, &args)? else {
        return Ok(Value::Int(0));
    };
    let hay = &s[bs..be];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(&*sub).count()
    };
    Ok(Value::Int(n as i64))
}

pub(super) fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "encode")?;
    let named = crate::vm::encoding::bind(vm, &args, 1, "encode")?;
    crate::vm::encoding::encode(vm, &s, &named)
}

fn str_pred(vm: &mut Vm, args: &Args, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

pub(super) fn str_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_pred(vm, &args, "isdigit", |c| c.is_ascii_digit())
}

pub(super) fn str_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_pred(vm, &args, "isalpha", char::is_alphabetic)
}

pub(super) fn str_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_pred(vm, &args, "isalnum", char::is_alphanumeric)
}

pub(super) fn str_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_pred(vm, &args, "isspace", char::is_whitespace)
}

pub(super) fn str_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "isascii")?;
    Ok(Value::Bool(s.is_ascii()))
}

pub(super) fn str_isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "isidentifier")?;
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    };
    Ok(Value::Bool(ok))
}

pub(super) fn str_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "isupper")?;
    Ok(Value::Bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}

pub(super) fn str_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "islower")?;
    Ok(Value::Bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}

fn pad(vm: &mut Vm, args: &Args, name: &str, align: char) -> PyResult<Value> {
    let s = this_str(vm, args, name)?;
    let width = match args.pos.get(1) {
        Some(Value::Int(w)) => (*w).max(0) as usize,
        _ => return Err(vm.new_error("TypeError", &format!("{}() requires an int width", name))),
    };
    let fill = match args.pos.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(vm.new_error(
                "TypeError",
                "The fill character must be exactly one character long",
            ))
        }
        None => ' ',
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s));
    }
    if width > MAX_PAD {
        return Err(vm.new_error("MemoryError", ""));
    }
    let total = width - n;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's center puts the extra space on the right unless the
            // width is odd and the string even... it uses left = total/2 +
            // (total & width & 1).
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::Str(out.into()))
}

pub(super) fn str_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "ljust", '<')
}

pub(super) fn str_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "rjust", '>')
}

pub(super) fn str_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "center", '^')
}

/// Widest string center/ljust/rjust/zfill make (as `check_repeat` caps
/// repetition): past it, CPython's MemoryError rather than an aborting
/// allocation.
const MAX_PAD: usize = 50_000_000;

pub(super) fn str_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "zfill")?;
    let width = match args.pos.get(1) {
        Some(Value::Int(w)) => (*w).max(0) as usize,
        _ => 0,
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s));
    }
    if width > MAX_PAD {
        return Err(vm.new_error("MemoryError", ""));
    }
    let (sign, digits) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), &s[..]),
    };
    Ok(Value::Str(
        format!("{}{}{}", sign, "0".repeat(width - n), digits).into(),
    ))
}

pub(super) fn str_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args, "partition")?;
    let sep = str_arg(vm, &args, 1, "partition")?;
    Ok(match s.find(&*sep) {
        Some(b) => Value::tuple(vec![
            Value::str(&s[..b]),
            Value::Str(sep.clone()),
            Value::str(&s[b + sep.len()..]),
        ]),
        None => Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")]),
    })
}
