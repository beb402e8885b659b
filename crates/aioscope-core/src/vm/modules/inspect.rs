//! `_inspect`: what `inspect.py` and `types.py` need to read from the
//! interpreter: a function's code (parameters, defaults, flags, where it
//! was defined), the built-in types, and the program's source blocks.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::lexer::tokenize;
use crate::lang::token::{Keyword, Op, TokenKind};
use crate::vm::builtins::native;
use crate::vm::dict::Dict;
use crate::vm::methods::def;
use crate::vm::value::{Args, CoroKind, Module, PyErr, PyResult, Value};
use crate::vm::Vm;

/// `_code(f)`: for a Python function, `(name, qualname, filename,
/// firstlineno, argcount, posonlyargcount, kwonlyargcount, varargs,
/// varkeywords, parameter names, defaults, kwdefaults, is_coroutine,
/// is_generator)`; None for anything else.
fn code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Function(f)) = args.pos.first() else {
        return Ok(Value::None);
    };
    let c = &f.code;
    let nparams = c.argcount as usize
        + c.kwonlycount as usize
        + usize::from(c.flags.varargs)
        + usize::from(c.flags.varkeywords);
    let names: Vec<Value> = c
        .varnames
        .iter()
        .take(nparams)
        .map(|n| Value::Str(n.clone()))
        .collect();
    let mut kwdefaults = Dict::new();
    for (k, v) in &f.kwdefaults {
        let key = vm.key(Value::Str(k.clone()))?;
        kwdefaults.insert(key, v.clone());
    }
    let name = f.name.borrow().clone();
    let qualname = f.qualname.borrow().clone();
    Ok(Value::tuple(vec![
        Value::Str(name),
        Value::Str(qualname),
        Value::Str(c.filename.clone()),
        Value::Int(c.first_line as i64),
        Value::Int(c.argcount as i64),
        Value::Int(c.posonlycount as i64),
        Value::Int(c.kwonlycount as i64),
        Value::Bool(c.flags.varargs),
        Value::Bool(c.flags.varkeywords),
        Value::tuple(names),
        Value::tuple(f.defaults.clone()),
        Value::Dict(crate::vm::heap::tracked(RefCell::new(kwdefaults))),
        Value::Bool(c.flags.coroutine),
        Value::Bool(c.flags.generator),
    ]))
}

/// `_types()`: the built-in classes `types` names.
fn types(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let t = &vm.types;
    let pairs = vec![
        ("function", t.function.clone()),
        ("builtin_function", t.builtin_function.clone()),
        ("method", t.method.clone()),
        ("module", t.module.clone()),
        ("coroutine", t.coroutine.clone()),
        ("generator", t.generator.clone()),
        ("async_generator", t.async_generator.clone()),
        ("none", t.none.clone()),
        ("traceback", t.traceback.clone()),
        ("other", t.other.clone()),
    ];
    def(&t.module, "__new__", module_new);
    let mut d = Dict::new();
    for (k, v) in pairs {
        let key = vm.key(Value::str(k))?;
        d.insert(key, Value::Class(v));
    }
    Ok(Value::Dict(crate::vm::heap::tracked(RefCell::new(d))))
}

/// `types.ModuleType(name, doc=None)`.
fn module_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let doc = args.take_kw("doc").or_else(|| args.pos.get(2).cloned());
    let name = match args.take_kw("name").or_else(|| args.pos.get(1).cloned()) {
        Some(Value::Str(s)) => s,
        Some(other) => {
            let msg = format!(
                "module.__init__() argument 'name' must be str, not {}",
                other.type_name()
            );
            return Err(vm.new_error("TypeError", &msg));
        }
        None => {
            return Err(vm.new_error(
                "TypeError",
                "module.__init__() missing required argument 'name' (pos 1)",
            ))
        }
    };
    let m = Module::new(&name);
    m.set("__doc__", doc.unwrap_or(Value::None));
    Ok(Value::Module(m))
}

/// `_isawaitable(x)`: a coroutine, or an object `await` accepts.
fn isawaitable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(x) = args.pos.first() else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(match x {
        Value::Coroutine(c) => c.kind == CoroKind::Coroutine,
        Value::Object(o) => {
            let o = o.clone();
            o.poll_await(vm).is_some() || o.class(vm).lookup("__await__").is_some()
        }
        Value::Instance(i) => i.class.lookup("__await__").is_some(),
        _ => false,
    }))
}

/// The lines of the block that starts at `line` of `source`: a `def` or
/// `class` with its decorators and body, else the logical line there (a
/// lambda), found with the tokenizer as CPython's `inspect.getblock` does.
pub fn block_lines(source: &str, line: u32) -> Option<(u32, u32)> {
    let lexed = tokenize(source);
    let tokens = &lexed.tokens;
    let start = tokens.iter().position(|t| t.span.line >= line)?;
    let first_line = tokens[start].span.line;
    let mut i = start;
    let mut saw_def = false;
    let decorator = matches!(tokens[start].kind, TokenKind::Op(Op::At));
    // The header: up to the end of the logical line holding `def`/`class`
    // (the tokenizer emits no newline inside brackets).
    while i < tokens.len() {
        let t = &tokens[i];
        match t.kind {
            TokenKind::Keyword(Keyword::Def | Keyword::Class) => saw_def = true,
            TokenKind::Newline if saw_def => break,
            // Decorator lines come before the `def`; anything else (a
            // lambda) is its logical line.
            TokenKind::Newline if !decorator => return Some((first_line, t.span.line)),
            TokenKind::EndMarker | TokenKind::Error => return Some((first_line, t.span.line)),
            _ => {}
        }
        i += 1;
    }
    let header_end = tokens.get(i)?.span.line;
    if !matches!(tokens.get(i + 1).map(|t| t.kind), Some(TokenKind::Indent)) {
        return Some((first_line, header_end));
    }
    let mut level = 0i32;
    let mut last = header_end;
    for t in &tokens[i + 1..] {
        match t.kind {
            TokenKind::Indent => level += 1,
            TokenKind::Dedent => {
                level -= 1;
                if level == 0 {
                    break;
                }
            }
            TokenKind::Newline => last = t.span.line,
            TokenKind::EndMarker => break,
            _ => last = last.max(t.span.end_line),
        }
    }
    Some((first_line, last))
}

/// `_block(filename, line)`: the source lines of the block starting at
/// `line` of the program (None for another file).
fn block(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Str(file)), Some(Value::Int(line))) = (args.pos.first(), args.pos.get(1))
    else {
        return Ok(Value::None);
    };
    if **file != *vm.main_file || *line < 1 {
        return Ok(Value::None);
    }
    let source = vm.main_source.clone();
    let Some((from, to)) = block_lines(&source, *line as u32) else {
        return Ok(Value::None);
    };
    let lines: Vec<Value> = source
        .split_inclusive('\n')
        .skip(from as usize - 1)
        .take((to - from + 1) as usize)
        .map(|l| {
            if l.ends_with('\n') {
                Value::str(l)
            } else {
                Value::str(&format!("{}\n", l))
            }
        })
        .collect();
    Ok(Value::tuple(vec![
        Value::list(lines),
        Value::Int(from as i64),
    ]))
}

/// `_source(filename)`: all the program's lines (None for another file).
fn source(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Str(file)) = args.pos.first() else {
        return Ok(Value::None);
    };
    if **file != *vm.main_file {
        return Ok(Value::None);
    }
    let source = vm.main_source.clone();
    Ok(Value::list(
        source.split_inclusive('\n').map(Value::str).collect(),
    ))
}

/// `_stack()`: `(filename, line, function)` of each frame of the running
/// fiber, outermost first; the last is the caller's.
fn stack(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::Suspend(Rc::new(crate::vm::interp::StackRequest)))
}

/// `_format_exception(exc)`: the traceback CPython prints for `exc`.
fn format_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match args.pos.first() {
        None | Some(Value::None) => Value::str("NoneType: None\n"),
        Some(exc) => {
            let exc = exc.clone();
            Value::str(&vm.format_traceback(&exc))
        }
    })
}

/// The native `_inspect` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_inspect");
    m.set("_code", native("_code", code));
    m.set("_types", native("_types", types));
    m.set("_isawaitable", native("_isawaitable", isawaitable));
    m.set("_block", native("_block", block));
    m.set("_source", native("_source", source));
    m.set("_stack", native("_stack", stack));
    m.set(
        "_format_exception",
        native("_format_exception", format_exception),
    );
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::block_lines;

    #[test]
    fn a_block_is_a_definition_with_its_decorators_and_body() {
        let src = "x = 1\n@deco\ndef f(a,\n      b):\n    return (a +\n  b)\n\n# after\ny = 2\n";
        assert_eq!(block_lines(src, 2), Some((2, 6)));
        assert_eq!(block_lines(src, 1), Some((1, 1)));
    }

    #[test]
    fn a_one_line_definition_and_a_lambda_are_their_line() {
        let src = "def f(): return 1\ng = lambda x: (x +\n  1)\nclass C:\n    def m(self):\n        pass\n    z = 3\n";
        assert_eq!(block_lines(src, 1), Some((1, 1)));
        assert_eq!(block_lines(src, 2), Some((2, 3)));
        assert_eq!(block_lines(src, 4), Some((4, 7)));
        assert_eq!(block_lines(src, 5), Some((5, 6)));
    }
}
