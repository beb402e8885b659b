//! The interpreter's side of `warnings` (the module itself is Python,
//! `modules/warnings.py`): where a warning is issued from (the caller
//! `stacklevel` frames up, or the place an object died), its source line,
//! the patterns of `filterwarnings`, and the warning CPython issues when
//! a coroutine that never started dies.

use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::finalizers::Site;
use crate::vm::interp::CallSite;
use crate::vm::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

/// A place a warning names: file, line, module and source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The file shown.
    pub filename: String,
    /// The line.
    pub lineno: u32,
    /// The module's `__name__` (its registry, and what filters match).
    pub module: String,
    /// The source line, when known.
    pub line: Option<String>,
}

impl Place {
    /// No Python code runs (the interpreter finalizing): `sys:1`.
    pub fn sys() -> Place {
        Place {
            filename: "sys".into(),
            lineno: 1,
            module: "sys".into(),
            line: None,
        }
    }
}

/// The module name CPython gives the code of a library file: its dotted
/// path.
fn module_of(file: &str) -> String {
    let rel = file
        .strip_prefix(crate::vm::traceback::STDLIB_DIR)
        .unwrap_or(file);
    let rel = rel.strip_suffix(".py").unwrap_or(rel);
    let rel = rel.strip_suffix("/__init__").unwrap_or(rel);
    rel.replace('/', ".")
}

impl Vm {
    /// Where the Python code at `site` is, as a warning names it: the
    /// library's lines as the CPython frame they stand for; an unmarked
    /// library line (CPython's C code) as the nearest caller that is
    /// shown.
    pub fn place_of_code(&self, code: &Rc<crate::lang::bytecode::Code>, pc: u32) -> Option<Place> {
        let entry = crate::vm::value::TracebackEntry::Code {
            code: code.clone(),
            pc,
            locals: None,
        };
        let summary = self.summary_of(&entry)?;
        let source = self.sources.get(&*code.filename);
        let module = match source {
            Some(s) if s.library_dir.is_none() => s.module.to_string(),
            _ => module_of(&summary.file),
        };
        Some(Place {
            module,
            filename: summary.file.to_string(),
            lineno: summary.line,
            line: summary.text.map(|t| t.to_string()),
        })
    }

    /// The place of `site`.
    pub fn place_of_site(&self, site: &Site) -> Place {
        match site {
            Site::Frame { code, pc } => self
                .place_of_code(code, *pc)
                .or_else(|| self.caller_place(1))
                .unwrap_or_else(Place::sys),
            Site::Native(f) => Place {
                filename: f.file.into(),
                lineno: f.line,
                module: module_of(f.file),
                line: Some(f.text.into()),
            },
            Site::Exit => Place::sys(),
        }
    }

    /// The place of the frame `level` calls up from the running one
    /// (1: its caller), skipping frames CPython runs in C.
    pub fn caller_place(&self, level: usize) -> Option<Place> {
        let sites: Vec<&CallSite> = self.call_sites.iter().rev().collect();
        let mut seen = 0;
        for s in sites {
            if let Some(p) = self.place_of_code(&s.code, s.pc) {
                seen += 1;
                if seen == level.max(1) {
                    return Some(p);
                }
            }
        }
        None
    }

    /// Issues `RuntimeWarning: coroutine 'NAME' was never awaited` at
    /// `site`, through `warnings` (its filters and registries).
    pub fn warn_never_awaited(&mut self, qualname: &str, site: &Site) {
        let place = self.place_of_site(site);
        let message = format!("coroutine '{}' was never awaited", qualname);
        self.warn_at(&message, "RuntimeWarning", &place, true);
    }

    /// Issues a warning of the built-in category `category` at `place`
    /// through the `warnings` module; a warning turned into an error is
    /// reported as CPython reports an exception it cannot raise.
    pub fn warn_at(&mut self, message: &str, category: &str, place: &Place, with_source: bool) {
        let Ok(warnings) = self.import("warnings") else {
            return;
        };
        let Ok(f) = self.get_attr(&Value::Module(warnings), "_warn_at") else {
            return;
        };
        self.note_program_warning(&place.filename, place.lineno);
        let class = Value::Class(self.types.exc(category));
        let line = match &place.line {
            Some(l) => Value::str(l),
            None => Value::None,
        };
        let source = if with_source {
            Value::Bool(true)
        } else {
            Value::None
        };
        let args = vec![
            Value::str(message),
            class,
            Value::str(&place.filename),
            Value::Int(place.lineno as i64),
            Value::str(&place.module),
            line,
            source,
        ];
        if let Err(crate::vm::PyErr::Exception(e)) = self.call(&f, Args::new(args)) {
            let tb = self.format_exception(&e, crate::vm::traceback::Style::Interpreter);
            self.write_stderr(&tb);
        }
    }
}

/// `_warnings._caller(stacklevel)`: `(filename, lineno, module, line)` of
/// the frame that called the Python function calling this, `stacklevel`
/// frames up; `sys:1` past the outermost.
fn caller(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let level = match args.pos.first() {
        Some(Value::Int(n)) => (*n).max(1) as usize,
        Some(Value::Bool(b)) => (*b as usize).max(1),
        _ => 1,
    };
    let place = vm.caller_place(level).unwrap_or_else(Place::sys);
    vm.note_program_warning(&place.filename, place.lineno);
    Ok(Value::tuple(vec![
        Value::str(&place.filename),
        Value::Int(place.lineno as i64),
        Value::str(&place.module),
        match place.line {
            Some(l) => Value::str(&l),
            None => Value::None,
        },
    ]))
}

/// `_warnings._getline(filename, lineno)`: the source line, or `''`.
fn getline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Str(f)), Some(Value::Int(n))) = (args.pos.first(), args.pos.get(1)) else {
        return Ok(Value::str(""));
    };
    let line = u32::try_from(*n)
        .ok()
        .and_then(|n| vm.source_line(f, n))
        .map(|l| l.to_string())
        .unwrap_or_default();
    Ok(Value::str(&line))
}

/// `_warnings._tracemalloc_hint()`: whether a warning about an object
/// adds "Enable tracemalloc to get the object allocation traceback" (not
/// while the interpreter finalizes: CPython cannot import tracemalloc
/// then).
fn tracemalloc_hint(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(!vm.finalizing))
}

/// `_warnings._match(pattern, text, ignorecase)`: whether the regular
/// expression `pattern` matches at the start of `text`.
fn match_fn(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Str(p)), Some(Value::Str(t))) = (args.pos.first(), args.pos.get(1)) else {
        return Ok(Value::Bool(false));
    };
    let ignore_case = matches!(args.pos.get(2), Some(Value::Bool(true)));
    Ok(Value::Bool(pattern::matches_start(p, t, ignore_case)))
}

/// The native `_warnings` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_warnings");
    m.set("_caller", native("_caller", caller));
    m.set("_getline", native("_getline", getline));
    m.set(
        "_tracemalloc_hint",
        native("_tracemalloc_hint", tracemalloc_hint),
    );
    m.set("_match", native("_match", match_fn));
    Ok(m)
}

/// The part of Python's regular expressions warning filters use: literal
/// characters, `.`, classes `[a-z]` (negated with `^`), the escapes
/// `\d \w \s` (and any escaped character), the quantifiers `* + ?`,
/// `$` and `\Z`. Matching is anchored at the start, as `re.match`.
mod pattern {
    #[derive(Clone, Debug)]
    enum Atom {
        Char(char),
        Any,
        Class(Vec<(char, char)>, bool),
        Digit,
        Word,
        Space,
        End,
        EndStrict,
    }

    #[derive(Clone, Debug)]
    struct Piece {
        atom: Atom,
        min: usize,
        max: usize,
    }

    fn parse(p: &str) -> Vec<Piece> {
        let chars: Vec<char> = p.chars().collect();
        let mut out: Vec<Piece> = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            let atom = match c {
                '.' => Atom::Any,
                '$' if i == chars.len() => Atom::End,
                '^' if out.is_empty() && i == 1 => continue,
                '\\' if i < chars.len() => {
                    let e = chars[i];
                    i += 1;
                    match e {
                        'd' => Atom::Digit,
                        'w' => Atom::Word,
                        's' => Atom::Space,
                        'Z' => Atom::EndStrict,
                        'n' => Atom::Char('\n'),
                        't' => Atom::Char('\t'),
                        other => Atom::Char(other),
                    }
                }
                '[' => {
                    let mut negate = false;
                    if chars.get(i) == Some(&'^') {
                        negate = true;
                        i += 1;
                    }
                    let mut ranges = Vec::new();
                    let mut first = true;
                    while i < chars.len() && (chars[i] != ']' || first) {
                        first = false;
                        let mut lo = chars[i];
                        if lo == '\\' && i + 1 < chars.len() {
                            i += 1;
                            lo = chars[i];
                        }
                        i += 1;
                        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|c| *c != ']')
                        {
                            let hi = chars[i + 1];
                            ranges.push((lo, hi));
                            i += 2;
                        } else {
                            ranges.push((lo, lo));
                        }
                    }
                    i += 1;
                    Atom::Class(ranges, negate)
                }
                other => Atom::Char(other),
            };
            let (min, max) = match chars.get(i) {
                Some('*') => {
                    i += 1;
                    (0, usize::MAX)
                }
                Some('+') => {
                    i += 1;
                    (1, usize::MAX)
                }
                Some('?') => {
                    i += 1;
                    (0, 1)
                }
                _ => (1, 1),
            };
            out.push(Piece { atom, min, max });
        }
        out
    }

    fn fold(c: char, ignore_case: bool) -> char {
        if ignore_case {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        }
    }

    fn one(atom: &Atom, c: char, ignore_case: bool) -> bool {
        match atom {
            Atom::Char(a) => fold(*a, ignore_case) == fold(c, ignore_case),
            Atom::Any => c != '\n',
            Atom::Class(ranges, negate) => {
                let c2 = fold(c, ignore_case);
                let hit = ranges.iter().any(|(lo, hi)| {
                    (*lo..=*hi).contains(&c)
                        || (ignore_case && (fold(*lo, true)..=fold(*hi, true)).contains(&c2))
                });
                hit != *negate
            }
            Atom::Digit => c.is_ascii_digit(),
            Atom::Word => c.is_alphanumeric() || c == '_',
            Atom::Space => c.is_whitespace(),
            Atom::End | Atom::EndStrict => false,
        }
    }

    fn at(pieces: &[Piece], text: &[char], ignore_case: bool, budget: &mut u32) -> bool {
        *budget = budget.saturating_sub(1);
        if *budget == 0 {
            return false;
        }
        let Some((p, rest)) = pieces.split_first() else {
            return true;
        };
        match p.atom {
            Atom::End => {
                return (text.is_empty() || text == ['\n']) && at(rest, &[], ignore_case, budget)
            }
            Atom::EndStrict => return text.is_empty() && at(rest, &[], ignore_case, budget),
            _ => {}
        }
        let mut n = 0;
        while n < p.max && n < text.len() && one(&p.atom, text[n], ignore_case) {
            n += 1;
        }
        loop {
            if n >= p.min && at(rest, &text[n..], ignore_case, budget) {
                return true;
            }
            if n == 0 || n <= p.min {
                return false;
            }
            n -= 1;
        }
    }

    /// Whether `pattern` matches a prefix of `text`.
    pub fn matches_start(pattern: &str, text: &str, ignore_case: bool) -> bool {
        let pieces = parse(pattern);
        let text: Vec<char> = text.chars().collect();
        let mut budget = 100_000;
        at(&pieces, &text, ignore_case, &mut budget)
    }

    #[cfg(test)]
    mod tests {
        use super::matches_start;

        #[test]
        fn patterns_match_at_the_start_as_re_match() {
            assert!(matches_start("deprecated", "Deprecated call", true));
            assert!(!matches_start("deprecated", "Deprecated call", false));
            assert!(matches_start(".*call", "a call here", false));
            assert!(matches_start("a[0-9]+b$", "a123b", false));
            assert!(!matches_start("a[0-9]+b$", "a123bc", false));
            assert!(matches_start("x\\.y", "x.y", false));
            assert!(!matches_start("x\\.y", "xzy", false));
        }
    }
}
