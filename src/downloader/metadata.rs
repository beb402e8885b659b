//! Reads `metadata.json` (`{"name": "China", "cc": "CN"}`) without a JSON
//! crate and without panicking on anything a server might send: empty
//! bodies, HTML error pages, truncated or deeply nested JSON.
//!
//! A full JSON value parser, small because only strings are kept; the
//! rest is checked and skipped.

/// The fields the downloader uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metadata {
    /// The country's name.
    pub name: String,
    /// Its code, if the file says.
    pub cc: Option<String>,
}

/// Parses a metadata body for country `cc`; the error is worded for the
/// user.
pub fn parse(body: &str, cc: &str) -> Result<Metadata, String> {
    if body.trim().is_empty() {
        return Err("empty body".into());
    }
    let mut p = Parser {
        s: body.as_bytes(),
        i: 0,
        depth: 0,
    };
    p.ws();
    if p.peek() != Some(b'{') {
        return Err("not a JSON object".into());
    }
    let fields = p.object()?;
    p.ws();
    if p.i != p.s.len() {
        return Err(format!("unexpected text after the object at byte {}", p.i));
    }
    let get = |key: &str| {
        fields
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.clone())
    };
    let name = get("name").ok_or("no \"name\" string")?;
    if name.trim().is_empty() {
        return Err("\"name\" is empty".into());
    }
    let file_cc = get("cc");
    if let Some(file_cc) = &file_cc {
        if !file_cc.eq_ignore_ascii_case(cc) {
            return Err(format!("it describes {file_cc}, not {cc}"));
        }
    }
    Ok(Metadata { name, cc: file_cc })
}

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), String> {
        self.ws();
        if self.peek() == Some(b) {
            self.i += 1;
            Ok(())
        } else {
            Err(self.unexpected(&format!("'{}'", b as char)))
        }
    }

    fn unexpected(&self, wanted: &str) -> String {
        match self.peek() {
            None => format!("truncated JSON (wanted {wanted})"),
            Some(_) => format!("invalid JSON at byte {} (wanted {wanted})", self.i),
        }
    }

    /// An object's members; string values are kept, others become `None`.
    fn object(&mut self) -> Result<Vec<(String, Option<String>)>, String> {
        self.enter()?;
        self.expect(b'{')?;
        let mut out = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            self.depth -= 1;
            return Ok(out);
        }
        loop {
            self.ws();
            let key = self.string()?;
            self.expect(b':')?;
            let value = self.value()?;
            out.push((key, value));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(out);
                }
                _ => return Err(self.unexpected("',' or '}'")),
            }
        }
    }

    fn array(&mut self) -> Result<(), String> {
        self.enter()?;
        self.expect(b'[')?;
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            self.value()?;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                _ => return Err(self.unexpected("',' or ']'")),
            }
        }
    }

    fn enter(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err("JSON nested too deeply".into())
        } else {
            Ok(())
        }
    }

    /// Any value; `Some` for a string.
    fn value(&mut self) -> Result<Option<String>, String> {
        self.ws();
        match self.peek() {
            Some(b'"') => self.string().map(Some),
            Some(b'{') => self.object().map(|_| None),
            Some(b'[') => self.array().map(|_| None),
            Some(b't') => self.word("true"),
            Some(b'f') => self.word("false"),
            Some(b'n') => self.word("null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.unexpected("a value")),
        }
    }

    fn word(&mut self, w: &str) -> Result<Option<String>, String> {
        if self.s[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Ok(None)
        } else {
            Err(self.unexpected(w))
        }
    }

    fn number(&mut self) -> Result<Option<String>, String> {
        let start = self.i;
        while matches!(
            self.peek(),
            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        ) {
            self.i += 1;
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(None),
            _ => Err(format!("invalid number at byte {start}")),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        if self.peek() != Some(b'"') {
            return Err(self.unexpected("a string"));
        }
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err("truncated JSON (unterminated string)".into());
            };
            self.i += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err("truncated JSON (unterminated string)".into());
                    };
                    self.i += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let c = self.unicode_escape()?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                        _ => return Err(format!("invalid escape at byte {}", self.i - 1)),
                    }
                }
                0..=0x1f => {
                    return Err(format!(
                        "control character in a string at byte {}",
                        self.i - 1
                    ))
                }
                _ => out.push(b),
            }
        }
        String::from_utf8(out).map_err(|_| "a string is not UTF-8".to_string())
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| format!("invalid \\u escape at byte {}", self.i))?;
        self.i += 4;
        Ok(digits)
    }

    fn unicode_escape(&mut self) -> Result<char, String> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi) {
            // A surrogate pair: \uD83C\uDDE8 and so on.
            if self.s.get(self.i..self.i + 2) == Some(b"\\u") {
                self.i += 2;
                let lo = self.hex4()?;
                if (0xDC00..0xE000).contains(&lo) {
                    let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                    return char::from_u32(c).ok_or_else(|| "invalid \\u escape".into());
                }
            }
            return Err("unpaired surrogate in a \\u escape".into());
        }
        char::from_u32(hi).ok_or_else(|| "invalid \\u escape".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_files_the_script_writes() {
        let m = parse("{\"name\": \"China\", \"cc\": \"CN\"}\n", "CN").unwrap();
        assert_eq!(m.name, "China");
        assert_eq!(m.cc.as_deref(), Some("CN"));
        let m = parse(
            r#" { "extra": [1, -2.5e3, true, null, {"x": []}], "name": "C\u00f4te d\u2019Ivoire \ud83c\udde8\ud83c\uddee" } "#,
            "ci",
        )
        .unwrap();
        assert_eq!(m.name, "Côte d\u{2019}Ivoire 🇨🇮");
        assert_eq!(m.cc, None);
    }

    #[test]
    fn explains_what_is_wrong() {
        let err = |body: &str| parse(body, "CN").unwrap_err();
        assert_eq!(err(""), "empty body");
        assert_eq!(err("  \n"), "empty body");
        assert_eq!(err("<!doctype html><p>Not Found"), "not a JSON object");
        assert_eq!(err("[\"China\"]"), "not a JSON object");
        assert!(err("{\"name\": \"Chi").contains("truncated"));
        assert!(err("{\"name\": \"China\",}").contains("invalid JSON"));
        assert!(err("{\"name\": \"China\"} trailing").contains("after the object"));
        assert_eq!(err("{\"name\": 3}"), "no \"name\" string");
        assert_eq!(err("{\"name\": \"  \"}"), "\"name\" is empty");
        assert_eq!(
            err("{\"name\": \"India\", \"cc\": \"IN\"}"),
            "it describes IN, not CN"
        );
        assert!(err("{\"name\": \"a\\qb\"}").contains("escape"));
        assert!(err("{\"name\": \"\\ud800\"}").contains("surrogate"));
        assert!(err("{\"n\": 1e999}").contains("number"));
        assert!(err(&format!("{{\"a\":{}", "[".repeat(10_000))).contains("deeply"));
    }

    #[test]
    fn never_panics_on_prefixes_of_a_valid_body() {
        let body = r#"{"name": "São Tomé", "cc": "ST", "list": [1, {"a": "\u00e9"}]}"#;
        for end in 0..=body.len() {
            if let Some(prefix) = body.get(..end) {
                let _ = parse(prefix, "ST");
            }
        }
        for b in body.bytes() {
            let mutated = body.replace(b as char, "\\");
            let _ = parse(&mutated, "ST");
        }
    }
}
