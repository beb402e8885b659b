//! The codecs as Python code meets them: the `encoding`/`errors` arguments
//! of `str.encode`, `bytes.decode`, `str(b, ...)` and `bytes(s, ...)`, and
//! the codecs' failures raised as CPython's exceptions.

use std::rc::Rc;

use super::codecs::{self, CodecError, Handler, Lookup};
use super::value::{Args, PyErr, PyResult, Value};
use super::Vm;

/// The encoding and error handler a call names (CPython's defaults
/// `utf-8` and `strict`).
pub struct Named {
    /// `encoding=`, if given.
    pub encoding: Option<Rc<str>>,
    /// `errors=`, if given.
    pub errors: Option<Rc<str>>,
}

/// Binds `(encoding, errors)` from the arguments after the first `skip`
/// positionals, by position or keyword, with the messages of `name()`.
pub fn bind(vm: &mut Vm, args: &Args, skip: usize, name: &str) -> PyResult<Named> {
    let given = args.pos.len().saturating_sub(skip);
    if given > 2 {
        let msg = format!("{}() takes at most 2 arguments ({} given)", name, given);
        return Err(vm.new_error("TypeError", &msg));
    }
    let mut slots: [Option<Value>; 2] =
        [args.pos.get(skip).cloned(), args.pos.get(skip + 1).cloned()];
    for (key, value) in &args.kw {
        let at = match &**key {
            "encoding" => 0,
            "errors" => 1,
            other => {
                let msg = format!("'{}' is an invalid keyword argument for {}()", other, name);
                return Err(vm.new_error("TypeError", &msg));
            }
        };
        if slots[at].is_some() {
            let msg = format!(
                "argument for {}() given by name ('{}') and position ({})",
                name,
                key,
                at + 1
            );
            return Err(vm.new_error("TypeError", &msg));
        }
        slots[at] = Some(value.clone());
    }
    let [encoding, errors] = slots;
    Ok(Named {
        encoding: str_slot(vm, encoding, name, "encoding")?,
        errors: str_slot(vm, errors, name, "errors")?,
    })
}

fn str_slot(vm: &mut Vm, v: Option<Value>, name: &str, what: &str) -> PyResult<Option<Rc<str>>> {
    match v.as_ref().map(Value::unwrapped) {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(other) => {
            let msg = format!(
                "{}() argument '{}' must be str, not {}",
                name,
                what,
                other.type_name()
            );
            Err(vm.new_error("TypeError", &msg))
        }
    }
}

fn codec(vm: &mut Vm, named: &Named) -> PyResult<(codecs::Codec, Handler)> {
    let encoding = named.encoding.as_deref().unwrap_or("utf-8");
    let codec = match codecs::lookup(encoding) {
        Lookup::Found(c) => c,
        Lookup::Unsupported(norm) => {
            let msg = format!("the '{}' codec is not supported yet", norm);
            return Err(vm.new_error("NotImplementedError", &msg));
        }
        Lookup::Unknown => {
            let msg = format!("unknown encoding: {}", encoding);
            return Err(vm.new_error("LookupError", &msg));
        }
    };
    let handler = Handler::named(named.errors.as_deref().unwrap_or("strict"));
    Ok((codec, handler))
}

/// `text` encoded as `named` says.
pub fn encode(vm: &mut Vm, text: &Rc<str>, named: &Named) -> PyResult<Value> {
    let (codec, handler) = codec(vm, named)?;
    match codecs::encode(text, codec, &handler) {
        Ok(bytes) => Ok(Value::Bytes(bytes.into())),
        Err(e) => Err(raise(vm, e, "UnicodeEncodeError", Value::Str(text.clone()))),
    }
}

/// `bytes` decoded as `named` says.
pub fn decode(vm: &mut Vm, bytes: &Rc<[u8]>, named: &Named) -> PyResult<Value> {
    let (codec, handler) = codec(vm, named)?;
    match codecs::decode(bytes, codec, &handler) {
        Ok(text) => Ok(Value::str(&text)),
        Err(e) => Err(raise(
            vm,
            e,
            "UnicodeDecodeError",
            Value::Bytes(bytes.clone()),
        )),
    }
}

fn raise(vm: &mut Vm, e: CodecError, class: &str, object: Value) -> PyErr {
    match e {
        CodecError::Failed(f) => vm.new_error_args(
            class,
            vec![
                Value::str(f.encoding),
                object,
                Value::Int(f.start as i64),
                Value::Int(f.end as i64),
                Value::str(f.reason),
            ],
        ),
        CodecError::UnknownHandler(name) => {
            let msg = format!("unknown error handler name '{}'", name);
            vm.new_error("LookupError", &msg)
        }
        CodecError::WrongDirection(msg) => vm.new_error("TypeError", msg),
        CodecError::Unsupported(msg) => vm.new_error("NotImplementedError", msg),
    }
}

/// `str(exc)` of a `UnicodeEncodeError`/`UnicodeDecodeError` made with
/// CPython's five arguments: the codec, the character or bytes, where, why.
pub fn unicode_error_str(args: &[Value]) -> Option<String> {
    let [Value::Str(encoding), object, Value::Int(start), Value::Int(end), Value::Str(reason)] =
        args
    else {
        return None;
    };
    let (start, end) = (*start, *end);
    match object.unwrapped() {
        Value::Str(s) => {
            let one = (start >= 0 && end == start + 1)
                .then(|| s.chars().nth(start as usize))
                .flatten();
            Some(match one {
                Some(c) => format!(
                    "'{}' codec can't encode character '{}' in position {}: {}",
                    encoding,
                    codecs::escape_char(c),
                    start,
                    reason
                ),
                None => format!(
                    "'{}' codec can't encode characters in position {}-{}: {}",
                    encoding,
                    start,
                    end - 1,
                    reason
                ),
            })
        }
        Value::Bytes(b) => {
            let one = (start >= 0 && end == start + 1)
                .then(|| b.get(start as usize))
                .flatten();
            Some(match one {
                Some(byte) => format!(
                    "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                    encoding, byte, start, reason
                ),
                None => format!(
                    "'{}' codec can't decode bytes in position {}-{}: {}",
                    encoding,
                    start,
                    end - 1,
                    reason
                ),
            })
        }
        _ => None,
    }
}
