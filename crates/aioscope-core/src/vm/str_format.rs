//! `str.format` and `str.format_map`: each replacement field of the
//! template (parsed by `pyfmt::fields`) is looked up in the arguments,
//! walked through its attributes and keys, converted and formatted, in
//! template order, with CPython's errors where they arise.

use std::rc::Rc;

use super::pyfmt::fields::{Accessor, FieldName, FieldStart, Template};
use super::pyfmt::FormatError;
use super::value::{PyResult, Value};
use super::Vm;

/// Where a template's fields find their values.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// `str.format(*args, **kwargs)`.
    Call {
        args: &'a [Value],
        kw: &'a [(Rc<str>, Value)],
    },
    /// `str.format_map(mapping)`: names only, looked up with `mapping[name]`.
    Mapping(&'a Value),
}

/// `{}` fields number themselves; once a template used either automatic
/// or explicit numbering (nested specs included), mixing in the other is
/// an error.
#[derive(Default)]
struct Numbering {
    auto: Option<bool>,
    next: usize,
}

/// How deep specs may nest fields: `{0:{1}}` is fine, `{0:{1:{2}}}` is not.
const SPEC_DEPTH: u32 = 2;

impl Vm {
    /// `fmt.format(*args, **kwargs)`.
    pub fn str_format(
        &mut self,
        fmt: &str,
        args: &[Value],
        kw: &[(Rc<str>, Value)],
    ) -> PyResult<String> {
        let mut numbering = Numbering::default();
        self.render_template(fmt, Source::Call { args, kw }, SPEC_DEPTH, &mut numbering)
    }

    /// `fmt.format_map(mapping)`.
    pub fn str_format_map(&mut self, fmt: &str, mapping: &Value) -> PyResult<String> {
        let mut numbering = Numbering::default();
        self.render_template(fmt, Source::Mapping(mapping), SPEC_DEPTH, &mut numbering)
    }

    fn render_template(
        &mut self,
        fmt: &str,
        source: Source<'_>,
        depth: u32,
        numbering: &mut Numbering,
    ) -> PyResult<String> {
        if depth == 0 {
            return Err(self.new_error("ValueError", "Max string recursion exceeded"));
        }
        let mut out = String::new();
        for piece in Template::new(fmt) {
            let piece = piece.map_err(|e| self.format_error(e))?;
            out.push_str(&piece.literal);
            let Some(field) = piece.field else {
                continue;
            };
            let value = self.field_value(field.name, source, numbering)?;
            let value = match field.conversion {
                None => value,
                Some('r') => Value::str(&self.repr(&value)?),
                Some('s') => Value::str(&self.to_str(&value)?),
                Some('a') => Value::str(&self.ascii(&value)?),
                Some(c) => {
                    let shown = if (c as u32) > 32 && (c as u32) < 127 {
                        c.to_string()
                    } else {
                        format!("\\x{:x}", c as u32)
                    };
                    return Err(self.new_error(
                        "ValueError",
                        &format!("Unknown conversion specifier {}", shown),
                    ));
                }
            };
            let spec = if field.spec_has_fields {
                self.render_template(field.spec, source, depth - 1, numbering)?
            } else {
                field.spec.to_string()
            };
            out.push_str(&self.format(&value, &spec)?);
        }
        Ok(out)
    }

    /// The object a field's name designates.
    fn field_value(
        &mut self,
        name: &str,
        source: Source<'_>,
        numbering: &mut Numbering,
    ) -> PyResult<Value> {
        let mut name = FieldName::parse(name).map_err(|e| self.format_error(e))?;
        let mut value = match name.start {
            FieldStart::Key(k) => match source {
                Source::Call { kw, .. } => match kw.iter().find(|(n, _)| &**n == k) {
                    Some((_, v)) => v.clone(),
                    None => return Err(self.new_error_args("KeyError", vec![Value::str(k)])),
                },
                Source::Mapping(m) => self.get_item(m, &Value::str(k))?,
            },
            FieldStart::Auto | FieldStart::Index(_) => {
                let auto = name.start == FieldStart::Auto;
                match numbering.auto {
                    Some(true) if !auto => {
                        return Err(self.new_error(
                            "ValueError",
                            "cannot switch from automatic field numbering to manual field specification",
                        ))
                    }
                    Some(false) if auto => {
                        return Err(self.new_error(
                            "ValueError",
                            "cannot switch from manual field specification to automatic field numbering",
                        ))
                    }
                    _ => numbering.auto = Some(auto),
                }
                let i = match name.start {
                    FieldStart::Index(n) => n,
                    _ => {
                        numbering.next += 1;
                        numbering.next - 1
                    }
                };
                let Source::Call { args, .. } = source else {
                    return Err(
                        self.new_error("ValueError", "Format string contains positional fields")
                    );
                };
                match args.get(i) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(self.new_error(
                            "IndexError",
                            &format!(
                                "Replacement index {} out of range for positional args tuple",
                                i
                            ),
                        ))
                    }
                }
            }
        };
        while let Some(step) = name.next_accessor().map_err(|e| self.format_error(e))? {
            value = match step {
                Accessor::Attr(a) => self.get_attr(&value, a)?,
                Accessor::Index(i) => {
                    let i = i64::try_from(i).unwrap_or(i64::MAX);
                    self.get_item(&value, &Value::Int(i))?
                }
                Accessor::Key(k) => self.get_item(&value, &Value::str(k))?,
            };
        }
        Ok(value)
    }

    fn format_error(&mut self, e: FormatError) -> super::value::PyErr {
        self.new_error(e.type_name, &e.message)
    }
}
