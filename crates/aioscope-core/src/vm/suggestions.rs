//! "Did you mean: 'print'?": the name CPython 3.11's interpreter suggests
//! for a misspelt name, attribute or imported name.
//!
//! CPython picks, among the candidate names in order, the first one at
//! the smallest edit distance, where the distance counts bytes of UTF-8:
//! changing a character only in case costs 1, inserting, deleting or
//! changing one otherwise costs 2, and a candidate is only taken when no
//! more than about a third of the characters involved change. Lists of
//! 750 candidates or more, and names longer than 40 bytes, get no
//! suggestion.

use crate::vm::value::Value;
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted edit distance between `a` and `b`, or anything above
/// `max_cost` once it is sure to exceed it.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a = &a[..a.len() - suffix];
    b = &b[..b.len() - suffix];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place: row[i] is the cost from
    // the part of `b` seen so far to a[..i + 1].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut diagonal = bi * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (ai, &other) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(code, other);
            diagonal = row[ai];
            let insert_delete = result.min(diagonal) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate CPython would suggest for `name`, if any.
pub fn closest(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

impl Vm {
    /// The names `dir(obj)` lists, sorted: the instance's attributes and
    /// those of its class and bases (a module's globals, a class's own and
    /// inherited attributes).
    pub fn attribute_names(&mut self, obj: &Value) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        match obj {
            Value::Module(m) => {
                names.extend(m.items().iter().map(|(k, _)| k.to_string()));
            }
            Value::Class(c) => {
                for k in c.mro.iter() {
                    names.extend(k.attrs.borrow().iter().map(|(k, _)| k.to_string()));
                }
                names.extend(c.attrs.borrow().iter().map(|(k, _)| k.to_string()));
            }
            other => {
                if let Value::Instance(i) = other {
                    names.extend(i.attrs.borrow().iter().map(|(k, _)| k.to_string()));
                }
                let class = self.types.class_of(self, other);
                names.extend(class.attrs.borrow().iter().map(|(k, _)| k.to_string()));
                for k in class.mro.iter() {
                    names.extend(k.attrs.borrow().iter().map(|(k, _)| k.to_string()));
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// The suggestion for a `NameError` raised in a frame with these
    /// local names and globals: locals first, then globals, then
    /// built-ins, each in its own order.
    pub fn name_suggestion(
        &self,
        name: &str,
        locals: &[String],
        globals: &crate::vm::value::Module,
    ) -> Option<String> {
        if let Some(s) = closest(locals, name) {
            return Some(s);
        }
        let g: Vec<String> = globals.items().iter().map(|(k, _)| k.to_string()).collect();
        if let Some(s) = closest(&g, name) {
            return Some(s);
        }
        let b: Vec<String> = BUILTIN_NAMES.iter().map(|s| s.to_string()).collect();
        closest(&b, name)
    }
}

/// The names of CPython 3.11's `builtins` module, in its order (the
/// order decides between equally close names).
const BUILTIN_NAMES: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_misspelt_builtin_finds_its_name() {
        let c = names(&["input", "int", "print", "property", "range"]);
        assert_eq!(closest(&c, "prnt").as_deref(), Some("print"));
        assert_eq!(closest(&c, "Print").as_deref(), Some("print"));
        assert_eq!(closest(&c, "rnage").as_deref(), Some("range"));
    }

    #[test]
    fn nothing_is_suggested_when_too_much_differs() {
        let c = names(&["print", "range"]);
        assert_eq!(closest(&c, "xyz"), None);
        assert_eq!(closest(&c, "p"), None);
    }

    #[test]
    fn the_first_of_equally_close_names_wins() {
        let c = names(&["bar", "baz"]);
        assert_eq!(closest(&c, "ba"), Some("bar".into()));
    }

    #[test]
    fn case_changes_cost_less_than_other_changes() {
        assert_eq!(distance(b"abc", b"ABC", 100), 3);
        assert_eq!(distance(b"abc", b"abd", 100), 2);
        assert_eq!(distance(b"abc", b"abcd", 100), 2);
    }
}
