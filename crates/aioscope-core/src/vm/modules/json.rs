//! `_json`: the native half of `json` (as CPython's `_json`): escaping
//! strings for the encoder and scanning a document for the decoder, with
//! CPython's error messages and positions (in characters).

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::dict::Dict;
use crate::vm::value::{Args, Module, PyErr, PyResult, Value};
use crate::vm::Vm;

/// `"`-quoted JSON text for `s`; with `ascii`, every non-ASCII character
/// as `\uXXXX` (astral ones as a surrogate pair).
pub fn quote(s: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn encode_string(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ascii = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(Value::str(&quote(s, ascii))),
        _ => Err(vm.new_error("TypeError", "encode_string() needs a str")),
    }
}

/// What the scanner calls back and raises.
struct Hooks {
    object_hook: Option<Value>,
    object_pairs_hook: Option<Value>,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Option<Value>,
    strict: bool,
    error: Value,
    doc: Value,
}

/// A recursive-descent scanner over the document's characters.
struct Scanner<'a> {
    chars: &'a [char],
    hooks: &'a Hooks,
    depth: u32,
}

/// A scan failure: CPython's message at a character position, or a
/// Python exception from a hook.
enum Fail {
    At(&'static str, usize),
    Py(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Py(e)
    }
}

type Scan<T> = Result<T, Fail>;

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl Scanner<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.chars.len() && is_ws(self.chars[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        (i..).zip(word.chars()).all(|(j, c)| self.at(j) == Some(c))
    }

    fn value(&mut self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let Some(c) = self.at(i) else {
            return Err(Fail::At("Expecting value", i));
        };
        match c {
            '"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((Value::str(&s), end))
            }
            '{' => {
                self.enter(vm)?;
                let r = self.object(vm, i + 1);
                self.depth -= 1;
                r
            }
            '[' => {
                self.enter(vm)?;
                let r = self.array(vm, i + 1);
                self.depth -= 1;
                r
            }
            'n' if self.starts(i, "null") => Ok((Value::None, i + 4)),
            't' if self.starts(i, "true") => Ok((Value::Bool(true), i + 4)),
            'f' if self.starts(i, "false") => Ok((Value::Bool(false), i + 5)),
            'N' if self.starts(i, "NaN") => Ok((self.constant(vm, "NaN")?, i + 3)),
            'I' if self.starts(i, "Infinity") => Ok((self.constant(vm, "Infinity")?, i + 8)),
            '-' if self.starts(i, "-Infinity") => Ok((self.constant(vm, "-Infinity")?, i + 9)),
            '-' | '0'..='9' => self.number(vm, i),
            _ => Err(Fail::At("Expecting value", i)),
        }
    }

    fn enter(&mut self, vm: &mut Vm) -> Scan<()> {
        self.depth += 1;
        if self.depth > 900 {
            return Err(Fail::Py(vm.new_error(
                "RecursionError",
                "maximum recursion depth exceeded while decoding a JSON document",
            )));
        }
        Ok(())
    }

    fn constant(&self, vm: &mut Vm, name: &str) -> Scan<Value> {
        if let Some(hook) = &self.hooks.parse_constant {
            return Ok(vm.call(hook, Args::new(vec![Value::str(name)]))?);
        }
        Ok(Value::Float(match name {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            _ => f64::NEG_INFINITY,
        }))
    }

    fn number(&self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('0') => i += 1,
            Some('1'..='9') => {
                while matches!(self.at(i), Some('0'..='9')) {
                    i += 1;
                }
            }
            _ => return Err(Fail::At("Expecting value", start)),
        }
        let mut is_float = false;
        if self.at(i) == Some('.') && matches!(self.at(i + 1), Some('0'..='9')) {
            is_float = true;
            i += 1;
            while matches!(self.at(i), Some('0'..='9')) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some('e' | 'E')) {
            let mut j = i + 1;
            if matches!(self.at(j), Some('+' | '-')) {
                j += 1;
            }
            if matches!(self.at(j), Some('0'..='9')) {
                while matches!(self.at(j), Some('0'..='9')) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text: String = self.chars[start..i].iter().collect();
        let hook = if is_float {
            &self.hooks.parse_float
        } else {
            &self.hooks.parse_int
        };
        if let Some(hook) = hook {
            return Ok((vm.call(hook, Args::new(vec![Value::str(&text)]))?, i));
        }
        if is_float {
            let f: f64 = text.parse().unwrap_or(f64::NAN);
            return Ok((Value::Float(f), i));
        }
        match text.parse::<i64>() {
            Ok(n) => Ok((Value::Int(n), i)),
            // Beyond 64 bits: int(text), with its limit on digits.
            Err(_) => crate::vm::builtins::int_from_text(vm, &text, &Value::str(&text), 10)
                .map(|v| (v, i))
                .map_err(Fail::Py),
        }
    }

    /// The string whose opening quote is at `start - 1`; returns it and
    /// the index after its closing quote.
    fn string(&self, start: usize) -> Scan<(String, usize)> {
        let mut out = String::new();
        let mut i = start;
        loop {
            let Some(c) = self.at(i) else {
                return Err(Fail::At("Unterminated string starting at", start - 1));
            };
            match c {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    let Some(e) = self.at(i + 1) else {
                        return Err(Fail::At("Unterminated string starting at", start - 1));
                    };
                    i += 2;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hi = self
                                .hex4(i)
                                .ok_or(Fail::At("Invalid \\uXXXX escape", i - 1))?;
                            i += 4;
                            let mut code = hi;
                            if (0xd800..0xdc00).contains(&hi)
                                && self.at(i) == Some('\\')
                                && self.at(i + 1) == Some('u')
                            {
                                let lo = self
                                    .hex4(i + 2)
                                    .ok_or(Fail::At("Invalid \\uXXXX escape", i + 1))?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    code = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                                    i += 6;
                                }
                            }
                            match char::from_u32(code) {
                                Some(ch) => out.push(ch),
                                // A lone surrogate: Rust strings cannot hold it.
                                None => out.push('\u{fffd}'),
                            }
                        }
                        _ => return Err(Fail::At("Invalid \\escape", i - 2)),
                    }
                }
                c if (c as u32) < 0x20 && self.hooks.strict => {
                    return Err(Fail::At("Invalid control character at", i));
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let mut v = 0;
        for k in 0..4 {
            v = v * 16 + self.at(i + k)?.to_digit(16)?;
        }
        Some(v)
    }

    fn object(&mut self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) == Some('}') {
            return Ok((self.finish_object(vm, pairs)?, i + 1));
        }
        loop {
            if self.at(i) != Some('"') {
                return Err(Fail::At(
                    "Expecting property name enclosed in double quotes",
                    i,
                ));
            }
            let (key, end) = self.string(i + 1)?;
            i = self.skip_ws(end);
            if self.at(i) != Some(':') {
                return Err(Fail::At("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (value, end) = self.value(vm, i)?;
            pairs.push((Value::str(&key), value));
            i = self.skip_ws(end);
            match self.at(i) {
                Some('}') => return Ok((self.finish_object(vm, pairs)?, i + 1)),
                Some(',') => {}
                _ => return Err(Fail::At("Expecting ',' delimiter", i)),
            }
            i = self.skip_ws(i + 1);
        }
    }

    fn finish_object(&self, vm: &mut Vm, pairs: Vec<(Value, Value)>) -> Scan<Value> {
        if let Some(hook) = &self.hooks.object_pairs_hook {
            let list = Value::list(
                pairs
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect(),
            );
            return Ok(vm.call(hook, Args::new(vec![list]))?);
        }
        let mut d = Dict::default();
        for (k, v) in pairs {
            let key = vm.key(k)?;
            d.insert(key, v);
        }
        let d = Value::Dict(crate::vm::heap::tracked(RefCell::new(d)));
        if let Some(hook) = &self.hooks.object_hook {
            return Ok(vm.call(hook, Args::new(vec![d]))?);
        }
        Ok(d)
    }

    fn array(&mut self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) == Some(']') {
            return Ok((Value::list(items), i + 1));
        }
        loop {
            let (value, end) = self.value(vm, i)?;
            items.push(value);
            i = self.skip_ws(end);
            match self.at(i) {
                Some(']') => return Ok((Value::list(items), i + 1)),
                Some(',') => {}
                _ => return Err(Fail::At("Expecting ',' delimiter", i)),
            }
            i = self.skip_ws(i + 1);
        }
    }
}

fn hook_arg(args: &mut Args, name: &str) -> Option<Value> {
    args.take_kw(name).filter(|v| !matches!(v, Value::None))
}

/// `scan(doc, error_class, *, object_hook, object_pairs_hook, parse_float,
/// parse_int, parse_constant, strict)`: the whole document's value, or
/// `error_class(msg, doc, pos)` raised (CPython's `JSONDecodeError`).
fn scan(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let raw_start = match args.take_kw("raw_start") {
        Some(Value::Int(i)) => Some(i.max(0) as usize),
        _ => None,
    };
    let strict = match args.take_kw("strict") {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let hooks_partial = (
        hook_arg(&mut args, "object_hook"),
        hook_arg(&mut args, "object_pairs_hook"),
        hook_arg(&mut args, "parse_float"),
        hook_arg(&mut args, "parse_int"),
        hook_arg(&mut args, "parse_constant"),
    );
    let (Some(Value::Str(doc)), Some(error)) =
        (args.pos.first().cloned(), args.pos.get(1).cloned())
    else {
        return Err(vm.new_error("TypeError", "scan() needs a str and an error class"));
    };
    let hooks = Hooks {
        object_hook: hooks_partial.0,
        object_pairs_hook: hooks_partial.1,
        parse_float: hooks_partial.2,
        parse_int: hooks_partial.3,
        parse_constant: hooks_partial.4,
        strict,
        error,
        doc: Value::Str(doc.clone()),
    };
    let chars: Vec<char> = doc.chars().collect();
    let mut scanner = Scanner {
        chars: &chars,
        hooks: &hooks,
        depth: 0,
    };
    if let Some(start) = raw_start {
        return match scanner.value(vm, start) {
            Ok((v, end)) => Ok(Value::tuple(vec![v, Value::Int(end as i64)])),
            Err(Fail::Py(e)) => Err(e),
            Err(Fail::At(msg, pos)) => {
                let exc = vm.call(
                    &hooks.error,
                    Args::new(vec![
                        Value::str(msg),
                        hooks.doc.clone(),
                        Value::Int(pos as i64),
                    ]),
                )?;
                Err(PyErr::Exception(exc))
            }
        };
    }
    let start = scanner.skip_ws(0);
    let result = scanner.value(vm, start).and_then(|(v, end)| {
        let end = scanner.skip_ws(end);
        if end != chars.len() {
            return Err(Fail::At("Extra data", end));
        }
        Ok(v)
    });
    match result {
        Ok(v) => Ok(v),
        Err(Fail::Py(e)) => Err(e),
        Err(Fail::At(msg, pos)) => {
            let exc = vm.call(
                &hooks.error,
                Args::new(vec![
                    Value::str(msg),
                    hooks.doc.clone(),
                    Value::Int(pos as i64),
                ]),
            )?;
            Err(PyErr::Exception(exc))
        }
    }
}

/// The `_json` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_json");
    m.set("encode_string", native("encode_string", encode_string));
    m.set("scan", native("scan", scan));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn strings_are_escaped_as_cpythons_encoder_does() {
        assert_eq!(quote("a\"b\\c\n\u{1}", true), "\"a\\\"b\\\\c\\n\\u0001\"");
        assert_eq!(quote("é😀", true), "\"\\u00e9\\ud83d\\ude00\"");
        assert_eq!(quote("é😀\u{7f}", false), "\"é😀\u{7f}\"");
        assert_eq!(quote("\u{7f}", true), "\"\\u007f\"");
    }
}
