//! The template language of `str.format` and `str.format_map`: literal
//! text with `{{`/`}}` escapes and replacement fields
//! `{name.attr[key]!conv:spec}`.
//!
//! CPython reads a template lazily: each field is looked up, converted and
//! formatted before the rest of the template is parsed, so an error later in
//! the string surfaces only after earlier fields were evaluated (a missing
//! argument is reported before a stray `{` further on). [`Template`] hands
//! out one piece at a time for that reason, and [`FieldName`] parses a
//! field's name as the interpreter walks it.

use super::FormatError;

/// One step of a template: literal text, then at most one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The text before the field, escapes resolved.
    pub literal: String,
    /// The replacement field that follows the text, if any.
    pub field: Option<Field<'a>>,
}

/// A replacement field as written: name, conversion and format spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    /// Everything before `!` or `:` (`0`, `name.attr[key]`, or empty).
    pub name: &'a str,
    /// The character after `!`, unchecked (the caller rejects unknown ones
    /// once the field's object is found, as CPython does).
    pub conversion: Option<char>,
    /// The text after `:`, which may hold nested fields.
    pub spec: &'a str,
    /// Whether `spec` contains a `{` and must itself be formatted first.
    pub spec_has_fields: bool,
}

/// Iterates over a template's pieces, reporting a malformed field when it
/// is reached.
pub struct Template<'a> {
    rest: &'a str,
    failed: bool,
}

impl<'a> Template<'a> {
    /// The pieces of `text`, a `str.format` template.
    pub fn new(text: &'a str) -> Template<'a> {
        Template {
            rest: text,
            failed: false,
        }
    }

    fn next_piece(&mut self) -> Result<Piece<'a>, FormatError> {
        let mut literal = String::new();
        loop {
            let Some(at) = self.rest.find(['{', '}']) else {
                literal.push_str(self.rest);
                self.rest = "";
                return Ok(Piece {
                    literal,
                    field: None,
                });
            };
            literal.push_str(&self.rest[..at]);
            let brace = &self.rest[at..at + 1];
            let after = &self.rest[at + 1..];
            if after.starts_with(brace) {
                // `{{` or `}}`: one literal brace. CPython ends the piece
                // here; joining the text is the same output.
                literal.push_str(brace);
                self.rest = &after[1..];
                continue;
            }
            if brace == "}" {
                return Err(FormatError::value(
                    "Single '}' encountered in format string",
                ));
            }
            if after.is_empty() {
                return Err(FormatError::value(
                    "Single '{' encountered in format string",
                ));
            }
            let (field, rest) = parse_field(after)?;
            self.rest = rest;
            return Ok(Piece {
                literal,
                field: Some(field),
            });
        }
    }
}

impl<'a> Iterator for Template<'a> {
    type Item = Result<Piece<'a>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.rest.is_empty() {
            return None;
        }
        let r = self.next_piece();
        self.failed = r.is_err();
        Some(r)
    }
}

/// Parses the field that starts `s` (just after its `{`), returning it and
/// the template after its closing `}`.
fn parse_field(s: &str) -> Result<(Field<'_>, &str), FormatError> {
    // The name runs to `!`, `:` or `}`; a `[...]` inside it may hold any of
    // those (`{0[:]}` indexes with ':').
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut stop = None;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => return Err(FormatError::value("unexpected '{' in field name")),
            b'[' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b']' {
                    i += 1;
                }
                continue;
            }
            c @ (b'}' | b':' | b'!') => {
                stop = Some(c);
                break;
            }
            _ => i += 1,
        }
    }
    let name = &s[..i.min(s.len())];
    let mut field = Field {
        name,
        conversion: None,
        spec: "",
        spec_has_fields: false,
    };
    let mut rest = match stop {
        Some(b'}') => return Ok((field, &s[i + 1..])),
        Some(_) => &s[i..],
        None => {
            return Err(FormatError::value("expected '}' before end of string"));
        }
    };
    if let Some(after) = rest.strip_prefix('!') {
        let mut chars = after.chars();
        let Some(conv) = chars.next() else {
            return Err(FormatError::value(
                "end of string while looking for conversion specifier",
            ));
        };
        field.conversion = Some(conv);
        rest = chars.as_str();
        match rest.chars().next() {
            Some('}') => return Ok((field, &rest[1..])),
            Some(':') => {}
            Some(_) => {
                return Err(FormatError::value(
                    "expected ':' after conversion specifier",
                ))
            }
            // `{0!r` ends the string: reported as an unclosed spec.
            None => return Err(FormatError::value("unmatched '{' in format spec")),
        }
    }
    let spec_start = &rest[1..];
    let mut depth = 1;
    for (at, c) in spec_start.char_indices() {
        match c {
            '{' => {
                field.spec_has_fields = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = &spec_start[..at];
                    return Ok((field, &spec_start[at + 1..]));
                }
            }
            _ => {}
        }
    }
    Err(FormatError::value("unmatched '{' in format spec"))
}

/// The object a field name starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldStart<'a> {
    /// `{}`: the next positional argument.
    Auto,
    /// `{3}`: a positional argument by number.
    Index(usize),
    /// `{name}`: a keyword argument.
    Key(&'a str),
}

/// One `.attr` or `[key]` step after the first part of a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accessor<'a> {
    /// `.name`: an attribute.
    Attr(&'a str),
    /// `[3]`: an all-digit key is an int.
    Index(usize),
    /// `[name]`: any other key is a str.
    Key(&'a str),
}

/// A field name being walked: its start, then its accessors one by one.
pub struct FieldName<'a> {
    /// The argument the name starts from.
    pub start: FieldStart<'a>,
    rest: &'a str,
}

/// An all-digit string's value; `None` when it holds anything else.
fn decimal(s: &str) -> Result<Option<usize>, FormatError> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let mut n: usize = 0;
    for b in s.bytes() {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(usize::from(b - b'0')))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

impl<'a> FieldName<'a> {
    /// Splits a field name into its start and the accessors after it
    /// (read with [`FieldName::next_accessor`]).
    pub fn parse(name: &'a str) -> Result<FieldName<'a>, FormatError> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, rest) = name.split_at(split);
        let start = if first.is_empty() {
            FieldStart::Auto
        } else {
            match decimal(first)? {
                Some(n) => FieldStart::Index(n),
                None => FieldStart::Key(first),
            }
        };
        Ok(FieldName { start, rest })
    }

    /// The next accessor, or `None` at the end of the name.
    pub fn next_accessor(&mut self) -> Result<Option<Accessor<'a>>, FormatError> {
        let rest = self.rest;
        let accessor = if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            self.rest = &r[end..];
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(FormatError::value("Empty attribute in format string"));
            }
            Accessor::Attr(attr)
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(FormatError::value("Missing ']' in format string"));
            };
            self.rest = &r[end + 1..];
            let key = &r[..end];
            if key.is_empty() {
                return Err(FormatError::value("Empty attribute in format string"));
            }
            match decimal(key)? {
                Some(n) => Accessor::Index(n),
                None => Accessor::Key(key),
            }
        } else if rest.is_empty() {
            return Ok(None);
        } else {
            return Err(FormatError::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        };
        Ok(Some(accessor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<Result<Piece<'_>, FormatError>> {
        Template::new(s).collect()
    }

    fn field(name: &str, conversion: Option<char>, spec: &str) -> Option<Field<'static>> {
        let name: &'static str = Box::leak(name.to_string().into_boxed_str());
        let spec: &'static str = Box::leak(spec.to_string().into_boxed_str());
        Some(Field {
            name,
            conversion,
            spec,
            spec_has_fields: spec.contains('{'),
        })
    }

    #[test]
    fn a_template_splits_into_text_and_fields() {
        assert_eq!(
            pieces("a{{b}}{0!r:>{w}}c{}"),
            vec![
                Ok(Piece {
                    literal: "a{b}".into(),
                    field: field("0", Some('r'), ">{w}"),
                }),
                Ok(Piece {
                    literal: "c".into(),
                    field: field("", None, ""),
                }),
            ]
        );
        assert_eq!(
            pieces("{0[:}]}")[0].as_ref().map(|p| p.field.clone()),
            Ok(field("0[:}]", None, ""))
        );
    }

    #[test]
    fn malformed_templates_fail_in_cpythons_words_when_reached() {
        let err = |s: &str| {
            pieces(s)
                .into_iter()
                .find_map(|p| p.err())
                .map(|e| e.message)
        };
        assert_eq!(
            err("{0}{"),
            Some("Single '{' encountered in format string".into())
        );
        assert_eq!(
            err("x}"),
            Some("Single '}' encountered in format string".into())
        );
        assert_eq!(err("{0"), Some("expected '}' before end of string".into()));
        assert_eq!(err("{:"), Some("unmatched '{' in format spec".into()));
        assert_eq!(
            err("{!"),
            Some("end of string while looking for conversion specifier".into())
        );
        assert_eq!(
            err("{!rx}"),
            Some("expected ':' after conversion specifier".into())
        );
        assert_eq!(err("{a{b}"), Some("unexpected '{' in field name".into()));
        assert_eq!(pieces("{0}{").len(), 2);
    }

    #[test]
    fn field_names_walk_attributes_and_keys() {
        let mut n = FieldName::parse("x.real[0][k]").unwrap();
        assert_eq!(n.start, FieldStart::Key("x"));
        assert_eq!(n.next_accessor(), Ok(Some(Accessor::Attr("real"))));
        assert_eq!(n.next_accessor(), Ok(Some(Accessor::Index(0))));
        assert_eq!(n.next_accessor(), Ok(Some(Accessor::Key("k"))));
        assert_eq!(n.next_accessor(), Ok(None));
        assert_eq!(FieldName::parse("12").unwrap().start, FieldStart::Index(12));
        assert_eq!(FieldName::parse("[1]").unwrap().start, FieldStart::Auto);
        let msg = |name: &str| {
            let mut n = FieldName::parse(name).unwrap();
            loop {
                match n.next_accessor() {
                    Ok(Some(_)) => continue,
                    Ok(None) => return String::new(),
                    Err(e) => return e.message,
                }
            }
        };
        assert_eq!(msg("0."), "Empty attribute in format string");
        assert_eq!(msg("0[]"), "Empty attribute in format string");
        assert_eq!(msg("0[1"), "Missing ']' in format string");
        assert_eq!(
            msg("0[1]x"),
            "Only '.' or '[' may follow ']' in format field specifier"
        );
        assert!(FieldName::parse("99999999999999999999").is_err());
    }
}
