//! `repr()`, `str()`, `format()`, `%`-formatting and `str.format`, worded
//! exactly as CPython prints them.

use std::rc::Rc;

use super::bigint::{self, Int};
use super::pyfmt::{self, PercentArg, PercentCount, PercentPiece};
use super::value::{Args, ClassKind, Payload, PyResult, Value};
use super::Vm;

/// The fake memory address shown for an object identity: deterministic,
/// and shaped like the addresses CPython prints.
pub fn fake_address(id: u64) -> String {
    format!("0x7f{:010x}", 0x1000_0000u64 + id * 0x40)
}

/// `repr` of a str, with CPython's choice of quotes and escapes.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if is_unprintable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{:02x}", n));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    out.push_str(&format!("\\U{:08x}", n));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Characters `str.isprintable()` rejects beyond the ASCII controls: the
/// C1 controls, separators other than the space, and unassigned-looking
/// private/surrogate ranges.
fn is_unprintable(c: char) -> bool {
    let n = c as u32;
    (0x80..0xa0).contains(&n)
        || n == 0xad
        || (0x2028..=0x202f).contains(&n) && n != 0x202f
        || (0x200b..=0x200f).contains(&n)
        || (0x2060..=0x206f).contains(&n)
        || n == 0xfeff
        || (0xe000..=0xf8ff).contains(&n)
        || n == 0x3000
        || n == 0xa0
        || n == 0x1680
        || (0x2000..=0x200a).contains(&n)
        || n == 0x205f
}

/// `repr` of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote as char);
    out
}

impl Vm {
    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if self.native_depth > self.limits.native_depth {
            return Err(self.new_error(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => (if *b { "True" } else { "False" }).into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => self.int_text(Int::Big(b))?,
            Value::Float(f) => pyfmt::float_repr(*f),
            Value::Str(s) => str_repr(s),
            Value::Bytes(b) => bytes_repr(b),
            Value::Tuple(t) if t.is_empty() => "()".into(),
            Value::Tuple(t) => {
                let t = t.clone();
                let items =
                    self.repr_nested(t.as_ptr() as usize, "(...)", |vm| vm.repr_items(&t))?;
                match (items, t.len()) {
                    (Ok(items), 1) => format!("({},)", items),
                    (Ok(items), _) => format!("({})", items),
                    (Err(again), _) => again,
                }
            }
            Value::List(l) => {
                let items = l.borrow().clone();
                match self.repr_nested(Rc::as_ptr(l) as usize, "[...]", |vm| {
                    vm.native_depth += 1;
                    let r = vm.repr_items(&items);
                    vm.native_depth -= 1;
                    r
                })? {
                    Ok(r) => format!("[{}]", r),
                    Err(again) => again,
                }
            }
            Value::Dict(d) if self.repr_active.contains(&(Rc::as_ptr(d) as usize)) => {
                "{...}".into()
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let key = Rc::as_ptr(d) as usize;
                self.repr_active.push(key);
                self.native_depth += 1;
                let mut parts = Ok(Vec::with_capacity(items.len()));
                for (k, v) in items {
                    let k = self.repr(&k);
                    let v = self.repr(&v);
                    match (k, v, &mut parts) {
                        (Ok(k), Ok(v), Ok(parts)) => parts.push(format!("{}: {}", k, v)),
                        (Err(e), _, _) | (_, Err(e), _) => {
                            parts = Err(e);
                            break;
                        }
                        _ => {}
                    }
                }
                self.native_depth -= 1;
                self.repr_leave(key);
                format!("{{{}}}", parts?.join(", "))
            }
            Value::Set(d) | Value::FrozenSet(d) => {
                let frozen = matches!(v, Value::FrozenSet(_));
                let items: Vec<Value> = d.borrow().keys().cloned().collect();
                let name = if frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    format!("{}()", name)
                } else {
                    let again = format!("{}(...)", name);
                    match self.repr_nested(Rc::as_ptr(d) as usize, &again, |vm| {
                        vm.native_depth += 1;
                        let r = vm.repr_items(&items);
                        vm.native_depth -= 1;
                        r
                    })? {
                        Ok(r) if frozen => format!("frozenset({{{}}})", r),
                        Ok(r) => format!("{{{}}}", r),
                        Err(again) => again,
                    }
                }
            }
            Value::Function(f) => format!(
                "<function {} at {}>",
                f.qualname.borrow(),
                fake_address(f.id)
            ),
            Value::Native(n) => match &n.bound {
                Some(b) if !matches!(b, Value::Module(_)) => {
                    let owner = self.repr(b)?;
                    format!("<built-in method {} of {}>", n.name, owner)
                }
                _ => format!("<built-in function {}>", n.name),
            },
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    Value::Native(n) => n.qualname.to_string(),
                    other => other.type_name().to_string(),
                };
                let this = self.repr(&m.this)?;
                format!("<bound method {} of {}>", fname, this)
            }
            Value::Class(c)
                if c.meta.is_some() && self.protocol_method(v, "__repr__")?.is_some() =>
            {
                let m = self.protocol_method(v, "__repr__")?.unwrap_or(Value::None);
                let r = self.call(&m, Args::default())?;
                return match r.unwrapped() {
                    Value::Str(s) => Ok(s.to_string()),
                    _ => Err(self.new_error(
                        "TypeError",
                        &format!("__repr__ returned non-string (type {})", r.type_name()),
                    )),
                };
            }
            Value::Class(c) => {
                if c.module.as_ref() == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Instance(_) => return self.instance_repr(v),
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::Coroutine(c) => format!(
                "<{} object {} at {}>",
                c.kind.word(),
                c.qualname,
                fake_address(c.id)
            ),
            Value::Iterator(it) => format!(
                "<{} object at {}>",
                it.borrow().type_name(),
                fake_address(Rc::as_ptr(it) as *const u8 as usize as u64 % 100_000)
            ),
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let s = s.clone();
                format!(
                    "slice({}, {}, {})",
                    self.repr(&s[0])?,
                    self.repr(&s[1])?,
                    self.repr(&s[2])?
                )
            }
            Value::Cell(_) => "<cell>".into(),
            Value::Object(o) => {
                let o = o.clone();
                return o.repr(self);
            }
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
        })
    }

    /// The repr `inner` builds for the container at `key`, as `Ok`; or,
    /// when that container's repr is already being built further out
    /// (it contains itself), `again` (`[...]`) as `Err`, without calling
    /// `inner`.
    pub(crate) fn repr_nested(
        &mut self,
        key: usize,
        again: &str,
        inner: impl FnOnce(&mut Vm) -> PyResult<String>,
    ) -> PyResult<Result<String, String>> {
        if self.repr_active.contains(&key) {
            return Ok(Err(again.to_string()));
        }
        self.repr_active.push(key);
        let r = inner(self);
        self.repr_leave(key);
        r.map(Ok)
    }

    fn repr_leave(&mut self, key: usize) {
        if let Some(i) = self.repr_active.iter().rposition(|k| *k == key) {
            self.repr_active.remove(i);
        }
    }

    fn repr_items(&mut self, items: &[Value]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for it in items {
            parts.push(self.repr(it)?);
        }
        Ok(parts.join(", "))
    }

    fn instance_repr(&mut self, v: &Value) -> PyResult<String> {
        let Value::Instance(inst) = v else {
            return self.repr(v);
        };
        if let Some(m) = self.user_dunder(v, "__repr__")? {
            self.native_depth += 1;
            let r = self.call(&m, Args::default());
            self.native_depth -= 1;
            let r = r?;
            return match r.unwrapped() {
                Value::Str(s) => Ok(s.to_string()),
                _ => Err(self.new_error(
                    "TypeError",
                    &format!("__repr__ returned non-string (type {})", r.type_name()),
                )),
            };
        }
        match inst.class.kind {
            ClassKind::Exception => {
                let args = v.exc().map(|d| d.borrow().args.clone()).unwrap_or_default();
                let args = self.shown_exception_args(&inst.class, args);
                let inner = self.repr_items(&args)?;
                Ok(format!("{}({})", inst.class.name, inner))
            }
            ClassKind::NamedTuple => {
                let fields = match inst.class.lookup("_fields") {
                    Some(Value::Tuple(f)) => f,
                    _ => Rc::from(Vec::new()),
                };
                let items = match &inst.payload {
                    Payload::Tuple(t) => t.clone(),
                    _ => Rc::from(Vec::new()),
                };
                let mut parts = Vec::new();
                for (f, it) in fields.iter().zip(items.iter()) {
                    let name = match f {
                        Value::Str(s) => s.to_string(),
                        _ => "?".into(),
                    };
                    parts.push(format!("{}={}", name, self.repr(it)?));
                }
                // A struct sequence (time.struct_time) names its module.
                if inst.class.lookup("n_sequence_fields").is_some() {
                    let (m, n) = (&inst.class.module, &inst.class.name);
                    return Ok(format!("{}.{}({})", m, n, parts.join(", ")));
                }
                Ok(format!("{}({})", inst.class.name, parts.join(", ")))
            }
            _ => match &inst.payload {
                Payload::ClassMethod(f) => Ok(format!("<classmethod({})>", self.repr(f)?)),
                Payload::StaticMethod(f) => Ok(format!("<staticmethod({})>", self.repr(f)?)),
                Payload::Slot(name, owner) => {
                    Ok(format!("<member '{}' of '{}' objects>", name, owner))
                }
                Payload::Builtin(inner) => {
                    let inner = inner.clone();
                    self.repr(&inner)
                }
                _ if inst.class.module.as_ref() == "builtins" => Ok(format!(
                    "<{} object at {}>",
                    inst.class.qualname,
                    fake_address(inst.id)
                )),
                _ => Ok(format!(
                    "<{}.{} object at {}>",
                    inst.class.module,
                    inst.class.qualname,
                    fake_address(inst.id)
                )),
            },
        }
    }

    /// `ascii(v)`: the repr with every non-ASCII character escaped.
    pub fn ascii(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        if r.is_ascii() {
            return Ok(r);
        }
        let mut out = String::with_capacity(r.len() + 8);
        for c in r.chars() {
            let n = c as u32;
            match n {
                0..=0x7f => out.push(c),
                0x80..=0xff => out.push_str(&format!("\\x{:02x}", n)),
                0x100..=0xffff => out.push_str(&format!("\\u{:04x}", n)),
                _ => out.push_str(&format!("\\U{:08x}", n)),
            }
        }
        Ok(out)
    }

    /// A repr that never runs Python code: for the debugger, which must not
    /// change what the program does (a user `__repr__` could print).
    /// Containers are cut at `depth` levels and 6 items, long scalars at 60
    /// characters. What needs no Python is written as `repr()` writes it;
    /// an instance whose class has a `__repr__` written in Python shows
    /// `object.__repr__`'s `<module.Class object at 0x…>` instead.
    pub fn safe_repr(&mut self, v: &Value, depth: u32) -> String {
        const ITEMS: usize = 6;
        match v {
            Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Ellipsis
            | Value::NotImplemented
            | Value::Module(_)
            | Value::Coroutine(_)
            | Value::Function(_) => {
                // A long string's repr is cut anyway: escape only its start.
                let r = match v {
                    Value::Str(s) if s.len() > 240 => {
                        let end = (0..=240)
                            .rev()
                            .find(|i| s.is_char_boundary(*i))
                            .unwrap_or(0);
                        str_repr(s.get(..end).unwrap_or_default())
                    }
                    // An int past the limit on digits raises.
                    _ => match self.repr(v) {
                        Ok(r) => r,
                        Err(_) => format!("<{} too large to show>", v.type_name()),
                    },
                };
                if r.chars().count() > 60 {
                    let cut: String = r.chars().take(57).collect();
                    format!("{}...", cut)
                } else {
                    r
                }
            }
            Value::List(l) => {
                if depth == 0 {
                    return "[...]".into();
                }
                let (n, items): (usize, Vec<Value>) = {
                    let l = l.borrow();
                    (l.len(), l.iter().take(ITEMS).cloned().collect())
                };
                let parts: Vec<String> =
                    items.iter().map(|x| self.safe_repr(x, depth - 1)).collect();
                let more = if n > ITEMS { ", ..." } else { "" };
                format!("[{}{}]", parts.join(", "), more)
            }
            Value::Tuple(t) => {
                if depth == 0 {
                    return "(...)".into();
                }
                let parts: Vec<String> = t
                    .iter()
                    .take(ITEMS)
                    .map(|x| self.safe_repr(x, depth - 1))
                    .collect();
                let comma = if t.len() == 1 { "," } else { "" };
                let more = if t.len() > ITEMS { ", ..." } else { "" };
                format!("({}{}{})", parts.join(", "), comma, more)
            }
            Value::Dict(d) => {
                let (n, items): (usize, Vec<(Value, Value)>) = {
                    let d = d.borrow();
                    let items = d
                        .iter()
                        .take(ITEMS)
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    (d.len(), items)
                };
                if n == 0 {
                    return "{}".into();
                }
                if depth == 0 {
                    return "{...}".into();
                }
                let parts: Vec<String> = items
                    .iter()
                    .map(|(k, v)| {
                        format!(
                            "{}: {}",
                            self.safe_repr(k, depth - 1),
                            self.safe_repr(v, depth - 1)
                        )
                    })
                    .collect();
                let more = if n > ITEMS { ", ..." } else { "" };
                format!("{{{}{}}}", parts.join(", "), more)
            }
            Value::Set(d) => {
                let (n, items): (usize, Vec<Value>) = {
                    let d = d.borrow();
                    (d.len(), d.keys().take(ITEMS).cloned().collect())
                };
                if n == 0 {
                    return "set()".into();
                }
                if depth == 0 {
                    return "{...}".into();
                }
                let parts: Vec<String> =
                    items.iter().map(|x| self.safe_repr(x, depth - 1)).collect();
                let more = if n > ITEMS { ", ..." } else { "" };
                format!("{{{}{}}}", parts.join(", "), more)
            }
            // Not `repr()`: a metaclass's `__repr__` is user code.
            Value::Class(c) if c.module.as_ref() == "builtins" => {
                format!("<class '{}'>", c.qualname)
            }
            Value::Class(c) => format!("<class '{}.{}'>", c.module, c.qualname),
            Value::Instance(inst) => {
                // A built-in's subclass shows its built-in value.
                if let Payload::Builtin(inner) = &inst.payload {
                    let inner = inner.clone();
                    return self.safe_repr(&inner, depth);
                }
                if let Some(d) = v.exc() {
                    let args = d.borrow().args.clone();
                    let parts: Vec<String> = args
                        .iter()
                        .map(|x| self.safe_repr(x, depth.saturating_sub(1)))
                        .collect();
                    return format!("{}({})", inst.class.name, parts.join(", "));
                }
                let name = inst.attrs.borrow().get("_name_").cloned();
                let value = inst.attrs.borrow().get("_value_").cloned();
                if let (Some(Value::Str(n)), Some(val)) = (name, value) {
                    return format!("<{}.{}: {}>", inst.class.name, n, self.safe_repr(&val, 0));
                }
                if let Payload::Tuple(items) = &inst.payload {
                    let fields = match inst.class.lookup("_fields") {
                        Some(Value::Tuple(f)) => f,
                        _ => Rc::from(Vec::new()),
                    };
                    let parts: Vec<String> = items
                        .iter()
                        .enumerate()
                        .map(|(i, x)| {
                            let r = self.safe_repr(x, depth.saturating_sub(1));
                            match fields.get(i) {
                                Some(Value::Str(f)) => format!("{}={}", f, r),
                                _ => r,
                            }
                        })
                        .collect();
                    return format!("{}({})", inst.class.name, parts.join(", "));
                }
                format!(
                    "<{}.{} object at {}>",
                    inst.class.module,
                    inst.class.qualname,
                    fake_address(inst.id)
                )
            }
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    Value::Native(n) => n.qualname.to_string(),
                    other => other.type_name().to_string(),
                };
                let this = self.safe_repr(&m.this, 0);
                format!("<bound method {} of {}>", fname, this)
            }
            Value::Native(n) => format!("<built-in function {}>", n.name),
            Value::Object(o) => match o.label() {
                Some(l) => l,
                None => format!("<{}>", o.class_name()),
            },
            other => format!("<{}>", other.type_name()),
        }
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(inst) => {
                if let Some(m) = self.user_dunder(v, "__str__")? {
                    self.native_depth += 1;
                    let r = self.call(&m, Args::default());
                    self.native_depth -= 1;
                    let r = r?;
                    return match r.unwrapped() {
                        Value::Str(s) => Ok(s.to_string()),
                        _ => Err(self.new_error(
                            "TypeError",
                            &format!("__str__ returned non-string (type {})", r.type_name()),
                        )),
                    };
                }
                // Of the built-in types only str has its own __str__; the
                // others' is object's, which is the repr.
                if let Payload::Builtin(inner @ Value::Str(_)) = &inst.payload {
                    let inner = inner.clone();
                    return self.to_str(&inner);
                }
                match inst.class.kind {
                    ClassKind::Exception => self.exception_str(v),
                    _ => self.repr(v),
                }
            }
            Value::Class(c) if c.meta.is_some() => match self.protocol_method(v, "__str__")? {
                Some(m) => {
                    let r = self.call(&m, Args::default())?;
                    match r.unwrapped() {
                        Value::Str(s) => Ok(s.to_string()),
                        _ => Err(self.new_error(
                            "TypeError",
                            &format!("__str__ returned non-string (type {})", r.type_name()),
                        )),
                    }
                }
                None => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let r = match v {
            Value::Str(s) => pyfmt::format_str(s, spec),
            Value::Bool(b) => pyfmt::format_bool(*b, spec),
            Value::Int(i) => pyfmt::format_int(*i, spec),
            Value::BigInt(b) => pyfmt::format_bigint(Int::Big(b), spec, self.int_max_str_digits),
            Value::Float(f) => pyfmt::format_float(*f, spec),
            Value::Instance(inst) => {
                if let Some(m) = self.user_dunder(v, "__format__")? {
                    let r = self.call(&m, Args::new(vec![Value::str(spec)]))?;
                    return match r.unwrapped() {
                        Value::Str(s) => Ok(s.to_string()),
                        _ => Err(self.new_error(
                            "TypeError",
                            &format!("__format__ must return a str, not {}", r.type_name()),
                        )),
                    };
                }
                if let Payload::Builtin(
                    inner @ (Value::Int(_)
                    | Value::BigInt(_)
                    | Value::Float(_)
                    | Value::Str(_)
                    | Value::Bool(_)),
                ) = &inst.payload
                {
                    if !spec.is_empty() {
                        let inner = inner.clone();
                        return self.format(&inner, spec);
                    }
                }
                if spec.is_empty() {
                    return self.to_str(v);
                }
                return Err(self.bad_format(v));
            }
            other => {
                if spec.is_empty() {
                    return self.to_str(other);
                }
                return Err(self.bad_format(other));
            }
        };
        r.map_err(|e| self.new_error(e.type_name, &e.message))
    }

    fn bad_format(&mut self, v: &Value) -> super::value::PyErr {
        self.new_error(
            "TypeError",
            &format!(
                "unsupported format string passed to {}.__format__",
                v.type_name()
            ),
        )
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> PyResult<String> {
        self.percent_format_as(fmt, args, false)
    }

    /// `bytes % args`: formatted as text whose characters are the bytes
    /// (Latin-1), with `%s`/`%b` taking bytes and `%r` giving `ascii()`.
    pub fn bytes_percent_format(&mut self, fmt: &[u8], args: &Value) -> PyResult<Value> {
        let text: String = fmt.iter().map(|&b| char::from(b)).collect();
        let out = self.percent_format_as(&text, args, true)?;
        let bytes: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
        Ok(Value::Bytes(bytes.into()))
    }

    fn percent_format_as(&mut self, fmt: &str, args: &Value, bytes: bool) -> PyResult<String> {
        let pieces = if bytes {
            pyfmt::parse_percent_bytes(fmt)
        } else {
            pyfmt::parse_percent(fmt)
        }
        .map_err(|e| self.new_error(e.type_name, &e.message))?;
        let mapping = match args {
            Value::Dict(_) => Some(args.clone()),
            _ => None,
        };
        let items: Vec<Value> = match args {
            Value::Tuple(t) => t.to_vec(),
            _ => vec![args.clone()],
        };
        let mut next = 0usize;
        let mut out = String::new();
        let mut take = |vm: &mut Vm| -> PyResult<Value> {
            if next < items.len() {
                next += 1;
                Ok(items[next - 1].clone())
            } else {
                Err(vm.new_error("TypeError", "not enough arguments for format string"))
            }
        };
        for piece in pieces {
            let spec = match piece {
                PercentPiece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                // `%b` is `%s` of bytes.
                PercentPiece::Spec(mut spec) => {
                    if spec.conversion == 'b' {
                        spec.conversion = 's';
                    }
                    spec
                }
            };
            let mut count = |vm: &mut Vm, c: Option<PercentCount>| -> PyResult<Option<usize>> {
                match c {
                    None => Ok(None),
                    Some(PercentCount::Fixed(n)) => Ok(Some(n)),
                    Some(PercentCount::FromArgs) => match take(vm)? {
                        Value::Int(i) => Ok(Some(i.max(0) as usize)),
                        _ => Err(vm.new_error("TypeError", "* wants int")),
                    },
                }
            };
            let width = count(self, spec.width)?;
            let precision = count(self, spec.precision)?;
            let arg = match (&spec.key, &mapping) {
                // A bytes format's keys are bytes.
                (Some(k), Some(m)) if bytes => {
                    let key: Vec<u8> = k.chars().map(|c| c as u32 as u8).collect();
                    self.get_item(m, &Value::Bytes(key.into()))?
                }
                (Some(k), Some(m)) => self.get_item(m, &Value::str(k))?,
                (Some(_), None) => {
                    return Err(self.new_error("TypeError", "format requires a mapping"))
                }
                (None, _) => take(self)?,
            };
            let conv = spec.conversion;
            // A subclass of int or float formats as its number.
            let arg = match (conv, arg.builtin_payload()) {
                ('s' | 'r' | 'a', _) | (_, None) => arg,
                (_, Some(inner)) => inner.clone(),
            };
            let s;
            let big;
            let parg = match conv {
                's' if bytes => match &arg {
                    Value::Bytes(b) => {
                        s = b.iter().map(|&c| char::from(c)).collect::<String>();
                        PercentArg::Str(&s)
                    }
                    other => {
                        return Err(self.new_error(
                            "TypeError",
                            &format!(
                                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                                other.type_name()
                            ),
                        ))
                    }
                },
                'r' | 'a' if bytes => {
                    s = self.ascii(&arg)?;
                    PercentArg::Str(&s)
                }
                'c' if bytes => match &arg {
                    Value::Int(i) if (0..256).contains(i) => {
                        s = char::from(*i as u8).to_string();
                        PercentArg::Str(&s)
                    }
                    Value::Int(_) => {
                        return Err(self.new_error("OverflowError", "%c arg not in range(256)"))
                    }
                    Value::Bytes(b) if b.len() == 1 => {
                        s = char::from(b[0]).to_string();
                        PercentArg::Str(&s)
                    }
                    _ => {
                        return Err(self.new_error(
                            "TypeError",
                            "%c requires an integer in range(256) or a single byte",
                        ))
                    }
                },
                's' => {
                    s = self.to_str(&arg)?;
                    PercentArg::Str(&s)
                }
                'r' => {
                    s = self.repr(&arg)?;
                    PercentArg::Str(&s)
                }
                'a' => {
                    s = self.ascii(&arg)?;
                    PercentArg::Str(&s)
                }
                'd' | 'i' | 'u' => match arg {
                    Value::Int(i) => PercentArg::Int(i),
                    Value::Bool(b) => PercentArg::Int(b as i64),
                    Value::BigInt(ref b) => {
                        self.int_text(Int::Big(b))?;
                        big = b.clone();
                        PercentArg::BigInt(&big)
                    }
                    Value::Float(f) => PercentArg::Float(f),
                    ref other => {
                        return Err(self.new_error(
                            "TypeError",
                            &format!(
                                "%{} format: a real number is required, not {}",
                                conv,
                                other.type_name()
                            ),
                        ))
                    }
                },
                'x' | 'X' | 'o' | 'c' => match arg {
                    Value::Int(i) => PercentArg::Int(i),
                    Value::Bool(b) => PercentArg::Int(b as i64),
                    Value::BigInt(ref b) => {
                        big = b.clone();
                        PercentArg::BigInt(&big)
                    }
                    Value::Str(ref c) if conv == 'c' && c.chars().count() == 1 => {
                        s = c.to_string();
                        PercentArg::Str(&s)
                    }
                    ref other => {
                        return Err(self.new_error(
                            "TypeError",
                            &format!(
                                "%{} format: an integer is required, not {}",
                                conv,
                                other.type_name()
                            ),
                        ))
                    }
                },
                _ => match arg {
                    Value::Int(i) => PercentArg::Float(i as f64),
                    Value::BigInt(ref b) => {
                        PercentArg::Float(bigint::to_f64(b).map_err(|e| self.int_error(e))?)
                    }
                    Value::Bool(b) => PercentArg::Float(b as i64 as f64),
                    Value::Float(f) => PercentArg::Float(f),
                    ref other => {
                        return Err(self.new_error(
                            "TypeError",
                            &format!("must be real number, not {}", other.type_name()),
                        ))
                    }
                },
            };
            let piece = pyfmt::apply_percent(&spec, width, precision, parg)
                .map_err(|e| self.new_error(e.type_name, &e.message))?;
            out.push_str(&piece);
        }
        if mapping.is_none() && next < items.len() {
            let what = if bytes { "bytes" } else { "string" };
            return Err(self.new_error(
                "TypeError",
                &format!("not all arguments converted during {} formatting", what),
            ));
        }
        Ok(out)
    }
}
