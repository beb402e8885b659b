//! The world of the virtual internet: which hosts exist, how slow they
//! are, and what some URLs answer.
//!
//! The simulated HTTP libraries (`aiohttp`, `httpx`, `requests`, in
//! `tests/conformance/`) ask `_internet.py` for every answer; it reads the
//! world from the module `_world` (`spec`: the world as a JSON object, or
//! `None` for the default world). A world is given as JSON text (the
//! `--world FILE` of the CLI and of the corpus oracle, documented in
//! `tests/conformance/README.md`) or built as a typed [`World`] (a panel
//! editing hosts and URLs); [`World::to_json`] is what Python sees, the
//! same object CPython's `json.load` makes of the file.

use std::fmt;
use std::rc::Rc;

use crate::vm::dict::Dict;
use crate::vm::keys::Key;
use crate::vm::value::Value;

/// A JSON value, integers kept apart from floats as Python's `json` does.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Json {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number without fraction or exponent that fits 64 bits.
    Int(i64),
    /// Any other number.
    Float(f64),
    /// A string.
    Str(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, its keys in the order written (a repeated key keeps its
    /// first place and its last value, as a Python dict does).
    Object(Vec<(String, Json)>),
}

/// What the world is built on; see `_internet.py`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Base {
    /// The tutorials' flags sites, httpbin.org, jsonplaceholder, and a
    /// generated answer for any other URL.
    #[default]
    Default,
    /// Only the flags sites; other hosts do not resolve.
    Flags,
    /// Nothing but what the world declares.
    Empty,
}

impl Base {
    fn name(self) -> &'static str {
        match self {
            Base::Default => "default",
            Base::Flags => "flags",
            Base::Empty => "empty",
        }
    }
}

/// How a request fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Failure {
    /// Nothing listens: the connection is refused.
    Refused,
    /// The connection is reset while the response is awaited.
    Reset,
    /// The host name does not resolve.
    Dns,
    /// The connection never opens; the client's timeout ends the wait.
    Timeout,
}

impl Failure {
    /// The name the world file uses.
    pub fn name(self) -> &'static str {
        match self {
            Failure::Refused => "refused",
            Failure::Reset => "reset",
            Failure::Dns => "dns",
            Failure::Timeout => "timeout",
        }
    }

    fn from_name(name: &str) -> Option<Failure> {
        Some(match name {
            "refused" => Failure::Refused,
            "reset" => Failure::Reset,
            "dns" => Failure::Dns,
            "timeout" => Failure::Timeout,
            _ => return None,
        })
    }
}

/// A host's connection: every request to it takes `latency` seconds
/// before the answer's own delay; bodies arrive at `bandwidth` bytes per
/// second (instantly when `None`); `error` makes every request fail.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Host {
    /// Seconds to the first byte of any answer (the base world's when
    /// `None`).
    pub latency: Option<f64>,
    /// Bytes per second of bodies.
    pub bandwidth: Option<f64>,
    /// A failure of every request to the host.
    pub error: Option<Failure>,
}

/// A response body as the world declares it.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Body {
    /// None given: empty, or an error page for a status of 400 or more.
    #[default]
    Unset,
    /// This text (UTF-8; `text/plain` unless a content type is given).
    Text(String),
    /// This value as JSON (`application/json`).
    Json(Json),
    /// A generated page of this many bytes (`text/html`).
    Size(u64),
}

/// What one URL answers. Every field is optional: status 200, no extra
/// delay.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Answer {
    /// The status code (200 when `None`; 302 with a `redirect`).
    pub status: Option<u16>,
    /// The reason phrase (the status's standard one when `None`).
    pub reason: Option<String>,
    /// The body.
    pub body: Body,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// More response headers, in order.
    pub headers: Vec<(String, String)>,
    /// Seconds of server time, on top of the host's latency.
    pub delay: Option<f64>,
    /// A failure instead of an answer.
    pub error: Option<Failure>,
    /// A `Location` to redirect to.
    pub redirect: Option<String>,
}

/// The world of a run.
///
/// Invariant: host names are lowercase `host` or `host:port` (the port
/// only when not the scheme's default), each listed once; URLs are
/// listed once each. [`World::from_json`] checks it; a `World` built in
/// code should keep it (a later duplicate wins, as in the file).
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct World {
    /// What answers everything the world does not declare.
    pub base: Base,
    /// Hosts by name (`flags.test`, `localhost:8001`), in order.
    pub hosts: Vec<(String, Host)>,
    /// Answers by URL (`http://flags.test/flags/cn/cn.gif`), in order.
    /// They match ignoring the scheme, a default port, and an empty path
    /// against `/`.
    pub urls: Vec<(String, Answer)>,
}

/// Why a world file was rejected: where (a path like
/// `urls."http://x/".status`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorldError(pub String);

impl fmt::Display for WorldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WorldError {}

fn bad(path: &str, what: &str) -> WorldError {
    WorldError(format!("{path}: {what}"))
}

impl World {
    /// The world of a JSON text (see `tests/conformance/README.md`, "The
    /// virtual internet").
    pub fn from_json(text: &str) -> Result<World, WorldError> {
        let json = parse_json(text)?;
        World::from_value(&json)
    }

    /// The world of a parsed JSON value.
    pub fn from_value(json: &Json) -> Result<World, WorldError> {
        let Json::Object(fields) = json else {
            return Err(bad("the world", "expected a JSON object"));
        };
        let mut world = World::default();
        for (key, value) in fields {
            match key.as_str() {
                "base" => {
                    world.base = match value {
                        Json::Str(s) if s == "default" => Base::Default,
                        Json::Str(s) if s == "flags" => Base::Flags,
                        Json::Str(s) if s == "empty" => Base::Empty,
                        _ => {
                            return Err(bad("base", "expected \"default\", \"flags\" or \"empty\""))
                        }
                    }
                }
                "hosts" => {
                    let Json::Object(hosts) = value else {
                        return Err(bad("hosts", "expected an object of hosts"));
                    };
                    for (name, host) in hosts {
                        let path = format!("hosts.{}", quoted(name));
                        let host = parse_host(&path, host)?;
                        put(&mut world.hosts, name.to_ascii_lowercase(), host);
                    }
                }
                "urls" => {
                    let Json::Object(urls) = value else {
                        return Err(bad("urls", "expected an object of URLs"));
                    };
                    for (url, answer) in urls {
                        let path = format!("urls.{}", quoted(url));
                        let answer = parse_answer(&path, answer)?;
                        put(&mut world.urls, url.clone(), answer);
                    }
                }
                other => {
                    return Err(bad(
                        &quoted(other),
                        "unknown key (expected base, hosts or urls)",
                    ))
                }
            }
        }
        Ok(world)
    }

    /// The world as the JSON object Python reads (only the fields set).
    pub fn to_json(&self) -> Json {
        let mut top = vec![("base".to_string(), Json::Str(self.base.name().into()))];
        let hosts = self
            .hosts
            .iter()
            .map(|(name, h)| {
                let mut o = Vec::new();
                if let Some(l) = h.latency {
                    o.push(("latency".to_string(), Json::Float(l)));
                }
                if let Some(b) = h.bandwidth {
                    o.push(("bandwidth".to_string(), Json::Float(b)));
                }
                if let Some(e) = h.error {
                    o.push(("error".to_string(), Json::Str(e.name().into())));
                }
                (name.clone(), Json::Object(o))
            })
            .collect();
        top.push(("hosts".to_string(), Json::Object(hosts)));
        let urls = self
            .urls
            .iter()
            .map(|(url, a)| (url.clone(), answer_json(a)))
            .collect();
        top.push(("urls".to_string(), Json::Object(urls)));
        Json::Object(top)
    }

    /// The world as JSON text, one field per line (what `from_json` reads).
    pub fn to_json_text(&self) -> String {
        let mut out = String::new();
        write_json(&self.to_json(), 0, &mut out);
        out.push('\n');
        out
    }
}

fn put<T>(list: &mut Vec<(String, T)>, key: String, value: T) {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = value,
        None => list.push((key, value)),
    }
}

fn quoted(s: &str) -> String {
    let mut out = String::new();
    write_json(&Json::Str(s.to_string()), 0, &mut out);
    out
}

fn number(path: &str, v: &Json, what: &str) -> Result<f64, WorldError> {
    match v {
        Json::Int(i) if *i >= 0 => Ok(*i as f64),
        Json::Float(f) if f.is_finite() && *f >= 0.0 => Ok(*f),
        _ => Err(bad(path, what)),
    }
}

fn text(path: &str, v: &Json) -> Result<String, WorldError> {
    match v {
        Json::Str(s) => Ok(s.clone()),
        _ => Err(bad(path, "expected a string")),
    }
}

fn failure(path: &str, v: &Json) -> Result<Failure, WorldError> {
    match v {
        Json::Str(s) => Failure::from_name(s),
        _ => None,
    }
    .ok_or_else(|| {
        bad(
            path,
            "expected \"refused\", \"reset\", \"dns\" or \"timeout\"",
        )
    })
}

fn parse_host(path: &str, json: &Json) -> Result<Host, WorldError> {
    let Json::Object(fields) = json else {
        return Err(bad(path, "expected an object (latency, bandwidth, error)"));
    };
    let mut host = Host::default();
    for (key, v) in fields {
        let at = format!("{path}.{key}");
        match key.as_str() {
            "latency" => host.latency = Some(number(&at, v, "expected seconds (>= 0)")?),
            "bandwidth" => {
                let b = number(&at, v, "expected bytes per second (> 0)")?;
                if b <= 0.0 {
                    return Err(bad(&at, "expected bytes per second (> 0)"));
                }
                host.bandwidth = Some(b);
            }
            "error" => host.error = Some(failure(&at, v)?),
            _ => {
                return Err(bad(
                    &at,
                    "unknown key (expected latency, bandwidth or error)",
                ))
            }
        }
    }
    Ok(host)
}

fn parse_answer(path: &str, json: &Json) -> Result<Answer, WorldError> {
    let Json::Object(fields) = json else {
        return Err(bad(path, "expected an object (status, body, delay, ...)"));
    };
    let mut a = Answer::default();
    for (key, v) in fields {
        let at = format!("{path}.{key}");
        if matches!(key.as_str(), "body" | "json" | "size") && a.body != Body::Unset {
            return Err(bad(&at, "give only one of body, json and size"));
        }
        match key.as_str() {
            "status" => match v {
                Json::Int(s) if (100..=999).contains(s) => a.status = Some(*s as u16),
                _ => return Err(bad(&at, "expected a status code (100 to 999)")),
            },
            "reason" => a.reason = Some(text(&at, v)?),
            "body" => a.body = Body::Text(text(&at, v)?),
            "json" => a.body = Body::Json(v.clone()),
            "size" => match v {
                Json::Int(n) if *n >= 0 => a.body = Body::Size(*n as u64),
                _ => return Err(bad(&at, "expected a number of bytes")),
            },
            "content_type" => a.content_type = Some(text(&at, v)?),
            "headers" => {
                let Json::Object(headers) = v else {
                    return Err(bad(&at, "expected an object of strings"));
                };
                for (name, value) in headers {
                    let value = text(&format!("{at}.{}", quoted(name)), value)?;
                    a.headers.push((name.clone(), value));
                }
            }
            "delay" => a.delay = Some(number(&at, v, "expected seconds (>= 0)")?),
            "error" => a.error = Some(failure(&at, v)?),
            "redirect" => a.redirect = Some(text(&at, v)?),
            _ => {
                return Err(bad(
                    &at,
                    "unknown key (expected status, reason, body, json, size, \
                     content_type, headers, delay, error or redirect)",
                ))
            }
        }
    }
    Ok(a)
}

fn answer_json(a: &Answer) -> Json {
    let mut o = Vec::new();
    if let Some(s) = a.status {
        o.push(("status".to_string(), Json::Int(s as i64)));
    }
    if let Some(r) = &a.reason {
        o.push(("reason".to_string(), Json::Str(r.clone())));
    }
    match &a.body {
        Body::Unset => {}
        Body::Text(t) => o.push(("body".to_string(), Json::Str(t.clone()))),
        Body::Json(j) => o.push(("json".to_string(), j.clone())),
        Body::Size(n) => o.push(("size".to_string(), Json::Int(*n as i64))),
    }
    if let Some(c) = &a.content_type {
        o.push(("content_type".to_string(), Json::Str(c.clone())));
    }
    if !a.headers.is_empty() {
        let h = a
            .headers
            .iter()
            .map(|(k, v)| (k.clone(), Json::Str(v.clone())))
            .collect();
        o.push(("headers".to_string(), Json::Object(h)));
    }
    if let Some(d) = a.delay {
        o.push(("delay".to_string(), Json::Float(d)));
    }
    if let Some(e) = a.error {
        o.push(("error".to_string(), Json::Str(e.name().into())));
    }
    if let Some(r) = &a.redirect {
        o.push(("redirect".to_string(), Json::Str(r.clone())));
    }
    Json::Object(o)
}

/// A JSON value as the Python object `json.loads` makes of it.
pub fn to_python(json: &Json) -> Value {
    match json {
        Json::Null => Value::None,
        Json::Bool(b) => Value::Bool(*b),
        Json::Int(i) => Value::Int(*i),
        Json::Float(f) => Value::Float(*f),
        Json::Str(s) => Value::Str(Rc::from(s.as_str())),
        Json::Array(items) => Value::List(crate::vm::heap::tracked(std::cell::RefCell::new(
            items.iter().map(to_python).collect(),
        ))),
        Json::Object(fields) => {
            let mut d = Dict::new();
            for (k, v) in fields {
                d.insert(Key::str(Rc::from(k.as_str())), to_python(v));
            }
            Value::Dict(crate::vm::heap::tracked(std::cell::RefCell::new(d)))
        }
    }
}

// -- JSON text --------------------------------------------------------------

/// Parses JSON text (RFC 8259, plus Python's `NaN`/`Infinity`).
pub fn parse_json(text: &str) -> Result<Json, WorldError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.ws();
    if p.i != p.s.len() {
        return Err(p.error("extra data after the JSON value"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: u32,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> WorldError {
        let before = &self.text.as_bytes()[..self.i.min(self.s.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        WorldError(format!("line {line} column {col}: {what}"))
    }

    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn value(&mut self) -> Result<Json, WorldError> {
        self.ws();
        self.depth += 1;
        if self.depth > 200 {
            return Err(self.error("nested too deeply"));
        }
        let v = match self.peek() {
            None => Err(self.error("expecting a value")),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Json::Str),
            Some(_) => self.word(),
        };
        self.depth -= 1;
        v
    }

    fn object(&mut self) -> Result<Json, WorldError> {
        self.i += 1;
        let mut fields: Vec<(String, Json)> = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Json::Object(fields));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expecting a property name in double quotes"));
            }
            let key = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expecting ':'"));
            }
            self.i += 1;
            let v = self.value()?;
            put(&mut fields, key, v);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Json::Object(fields));
                }
                _ => return Err(self.error("expecting ',' or '}'")),
            }
        }
    }

    fn array(&mut self) -> Result<Json, WorldError> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expecting ',' or ']'")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, WorldError> {
        let digits = self
            .text
            .get(self.i..self.i + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid \\uXXXX escape"))?;
        self.i += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid \\uXXXX escape"))
    }

    fn string(&mut self) -> Result<String, WorldError> {
        let start = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let Some(b) = self.peek() else {
                self.i = start;
                return Err(self.error("unterminated string"));
            };
            match b {
                b'"' => {
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.i += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.error("unterminated string"));
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code)
                                && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let low = self.hex4()?;
                                if (0xDC00..0xE000).contains(&low) {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                                } else {
                                    self.i = save;
                                }
                            }
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => {
                            self.i -= 2;
                            return Err(self.error("invalid escape"));
                        }
                    }
                }
                0..=0x1F => return Err(self.error("invalid control character in a string")),
                _ => {
                    // Copy the whole UTF-8 character.
                    let rest = &self.text[self.i..];
                    let ch = rest.chars().next().unwrap_or('\u{FFFD}');
                    out.push(ch);
                    self.i += ch.len_utf8();
                }
            }
        }
    }

    fn word(&mut self) -> Result<Json, WorldError> {
        for (w, v) in [
            ("null", Json::Null),
            ("true", Json::Bool(true)),
            ("false", Json::Bool(false)),
            ("NaN", Json::Float(f64::NAN)),
            ("Infinity", Json::Float(f64::INFINITY)),
            ("-Infinity", Json::Float(f64::NEG_INFINITY)),
        ] {
            if self.s[self.i..].starts_with(w.as_bytes()) {
                self.i += w.len();
                return Ok(v);
            }
        }
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let digits = |p: &mut Parser| {
            let from = p.i;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.i += 1;
            }
            p.i - from
        };
        if digits(self) == 0 {
            self.i = start;
            return Err(self.error("expecting a value"));
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.i += 1;
            float = true;
            if digits(self) == 0 {
                return Err(self.error("expecting digits after '.'"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            float = true;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("expecting an exponent"));
            }
        }
        let token = &self.text[start..self.i];
        if !float {
            if let Ok(i) = token.parse::<i64>() {
                return Ok(Json::Int(i));
            }
        }
        token
            .parse::<f64>()
            .map(Json::Float)
            .map_err(|_| self.error("invalid number"))
    }
}

/// Writes `json` as `json.dumps(..., indent=2)` would (shortest floats).
fn write_json(json: &Json, indent: usize, out: &mut String) {
    match json {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(i) => out.push_str(&i.to_string()),
        Json::Float(f) => {
            if f.is_nan() {
                out.push_str("NaN")
            } else if f.is_infinite() {
                out.push_str(if *f > 0.0 { "Infinity" } else { "-Infinity" })
            } else {
                out.push_str(&crate::vm::pyfmt::float_repr(*f))
            }
        }
        Json::Str(s) => out.push_str(&crate::aio::json::string(s)),
        Json::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (n, item) in items.iter().enumerate() {
                out.push_str(if n == 0 { "\n" } else { ",\n" });
                out.push_str(&"  ".repeat(indent + 1));
                write_json(item, indent + 1, out);
            }
            out.push('\n');
            out.push_str(&"  ".repeat(indent));
            out.push(']');
        }
        Json::Object(fields) => {
            if fields.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (n, (k, v)) in fields.iter().enumerate() {
                out.push_str(if n == 0 { "\n" } else { ",\n" });
                out.push_str(&"  ".repeat(indent + 1));
                write_json(&Json::Str(k.clone()), 0, out);
                out.push_str(": ");
                write_json(v, indent + 1, out);
            }
            out.push('\n');
            out.push_str(&"  ".repeat(indent));
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_world_file_reads_into_typed_hosts_and_answers() {
        let w = World::from_json(
            r#"{"base": "flags",
                "hosts": {"Flags.Test": {"latency": 0.25, "error": "refused"}},
                "urls": {"http://api.test/users": {"status": 201, "json": [1, {"a": null}],
                                                   "headers": {"X-Id": "7"}, "delay": 1}}}"#,
        )
        .expect("a valid world");
        assert_eq!(w.base, Base::Flags);
        assert_eq!(
            w.hosts,
            vec![(
                "flags.test".to_string(),
                Host {
                    latency: Some(0.25),
                    bandwidth: None,
                    error: Some(Failure::Refused)
                }
            )]
        );
        let (url, a) = &w.urls[0];
        assert_eq!(url, "http://api.test/users");
        assert_eq!(a.status, Some(201));
        assert_eq!(a.delay, Some(1.0));
        assert_eq!(a.headers, vec![("X-Id".to_string(), "7".to_string())]);
        assert_eq!(
            a.body,
            Body::Json(Json::Array(vec![
                Json::Int(1),
                Json::Object(vec![("a".to_string(), Json::Null)])
            ]))
        );
    }

    #[test]
    fn a_world_survives_its_own_json_text() {
        let w = World::from_json(
            r#"{"urls": {"http://x.test/": {"body": "h\u00e9\n\"", "size_": 1}}}"#,
        );
        assert!(w.is_err(), "unknown keys are refused");
        let w = World::from_json(
            r#"{"hosts": {"x.test:8080": {"bandwidth": 1000}},
                "urls": {"http://x.test/a": {"body": "h\u00e9\n\"", "redirect": "/b"},
                         "http://x.test/b": {"size": 10, "error": "timeout"}}}"#,
        )
        .expect("valid");
        assert_eq!(World::from_json(&w.to_json_text()), Ok(w));
    }

    #[test]
    fn mistakes_in_a_world_file_say_where_they_are() {
        let err = |t: &str| World::from_json(t).expect_err("rejected").0;
        assert_eq!(
            err(r#"{"urls": {"http://a/": {"status": "404"}}}"#),
            "urls.\"http://a/\".status: expected a status code (100 to 999)"
        );
        assert_eq!(
            err(r#"{"hosts": {"a": {"error": "boom"}}}"#),
            "hosts.\"a\".error: expected \"refused\", \"reset\", \"dns\" or \"timeout\""
        );
        assert_eq!(
            err("{\n  \"base\": \"x\",\n}"),
            "line 3 column 1: expecting a property name in double quotes"
        );
        assert_eq!(err("[1, 2"), "line 1 column 6: expecting ',' or ']'");
        assert_eq!(
            err(r#"{"base": "mars"}"#),
            "base: expected \"default\", \"flags\" or \"empty\""
        );
    }

    #[test]
    fn json_numbers_stay_ints_unless_written_as_floats() {
        assert_eq!(
            parse_json("[1, -2, 1.5, 1e3, 99999999999999999999]"),
            Ok(Json::Array(vec![
                Json::Int(1),
                Json::Int(-2),
                Json::Float(1.5),
                Json::Float(1000.0),
                Json::Float(1e20),
            ]))
        );
    }
}
