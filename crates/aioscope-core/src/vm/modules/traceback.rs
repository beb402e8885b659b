//! `_traceback`: the interpreter's traceback printer for `traceback.py`,
//! so that `traceback.print_exc()` and friends print exactly what an
//! uncaught exception or `logging.exception` prints, from one formatter.
//!
//! Frames cross into Python as 7-tuples `(filename, lineno, name, line,
//! end_lineno, colno, end_colno)`: `line` as written (indentation kept),
//! the columns in UTF-8 bytes as CPython's `FrameSummary` holds them.

use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::tb_object::TracebackObj;
use crate::vm::traceback::{
    byte_of, chars_of, format_stack_chunks, limit_frames, FrameSummary, PrintOptions, Style,
};
use crate::vm::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

/// `limit` as given: `None`, or an int.
fn limit_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok(Some(*n)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(other) => {
            let msg = format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            );
            Err(vm.new_error("TypeError", &msg))
        }
    }
}

/// The frames a traceback argument stands for: its own from its link
/// inward, none for `None`.
fn tb_frames(vm: &mut Vm, tb: Option<&Value>) -> PyResult<Vec<FrameSummary>> {
    match tb {
        None | Some(Value::None) => Ok(Vec::new()),
        Some(v) => match v.downcast::<TracebackObj>() {
            Some(t) => Ok(t.frames_from_here()),
            None => {
                let msg = format!("'{}' object has no attribute 'tb_frame'", v.type_name());
                Err(vm.new_error("AttributeError", &msg))
            }
        },
    }
}

fn strs(items: Vec<String>) -> Value {
    Value::list(items.iter().map(|s| Value::str(s)).collect())
}

/// `_format(value, tb, limit, chain)`: the pieces of the printout of
/// `value` with `tb` as its frames.
fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let value = args.pos.first().cloned().unwrap_or(Value::None);
    if matches!(value, Value::None) {
        return Ok(strs(vec!["NoneType: None\n".into()]));
    }
    let chain = match args.pos.get(3) {
        Some(c) => vm.truthy(c)?,
        None => true,
    };
    let options = PrintOptions {
        top_frames: Some(tb_frames(vm, args.pos.get(1))?),
        limit: limit_arg(vm, args.pos.get(2))?,
        chain,
    };
    Ok(strs(vm.format_exception_chunks(
        &value,
        Style::Module,
        &options,
    )))
}

/// `_only(value)`: the last lines of the printout, each note line apart.
fn only(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let value = args.pos.first().cloned().unwrap_or(Value::None);
    if matches!(value, Value::None) {
        return Ok(strs(vec!["NoneType: None\n".into()]));
    }
    Ok(strs(vm.format_exception_only_parts(&value, Style::Module)))
}

fn frame_tuple(f: &FrameSummary) -> Value {
    let text = f.text.as_deref();
    let col = |c: Option<u32>| match (c, text) {
        (Some(c), Some(t)) => Value::Int(byte_of(t, c as usize) as i64),
        _ => Value::None,
    };
    Value::tuple(vec![
        Value::Str(f.file.clone()),
        Value::Int(f.line as i64),
        Value::Str(f.name.clone()),
        text.map_or(Value::None, Value::str),
        Value::Int(f.end_line as i64),
        col(f.col),
        col(f.end_col),
    ])
}

/// `_frames(tb, limit)`: the frames of a traceback as tuples.
fn frames(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let frames = tb_frames(vm, args.pos.first())?;
    let limit = limit_arg(vm, args.pos.get(1))?;
    Ok(Value::list(
        limit_frames(frames, limit)
            .iter()
            .map(frame_tuple)
            .collect(),
    ))
}

/// A frame tuple back into a summary (`None` for a malformed one).
fn from_tuple(v: &Value) -> Option<FrameSummary> {
    let Value::Tuple(t) = v else { return None };
    let [file, line, name, text, end_line, col, end_col] = &t[..] else {
        return None;
    };
    let number = |v: &Value| match v {
        Value::Int(n) => u32::try_from(*n).ok(),
        _ => None,
    };
    let text: Option<Rc<str>> = match text {
        Value::Str(s) => Some(s.clone()),
        _ => None,
    };
    let char_col = |v: &Value| Some(chars_of(text.as_deref()?, number(v)? as usize) as u32);
    let line = number(line).unwrap_or(0);
    Some(FrameSummary {
        file: match file {
            Value::Str(s) => s.clone(),
            _ => return None,
        },
        line,
        name: match name {
            Value::Str(s) => s.clone(),
            _ => return None,
        },
        end_line: number(end_line).unwrap_or(line),
        col: char_col(col),
        end_col: char_col(end_col),
        text,
    })
}

/// `_format_frames(tuples)`: `StackSummary.format()`.
fn format_frames(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = match args.pos.first() {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    };
    let mut frames = Vec::with_capacity(items.len());
    for item in &items {
        match from_tuple(item) {
            Some(f) => frames.push(f),
            None => return Err(vm.new_error("TypeError", "malformed frame summary")),
        }
    }
    for f in &frames {
        vm.note_program_frame(&f.file, f.line, Some(&f.name));
    }
    Ok(strs(format_stack_chunks(&frames, Style::Module)))
}

/// `_line(filename, lineno)`: the source line as written, or `None`
/// (what `linecache.getline` finds for the files a run has).
fn line(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Str(file)), Some(Value::Int(n))) = (args.pos.first(), args.pos.get(1)) else {
        return Ok(Value::None);
    };
    let Ok(n) = u32::try_from(*n) else {
        return Ok(Value::None);
    };
    Ok(vm.source_line(file, n).map_or(Value::None, Value::str))
}

/// `_user_frames(stack)`: of `_inspect._stack()`'s frames, those of the
/// program as tuples (the library written in Python is CPython's C code
/// or hidden frames, which a stack printout does not show).
fn user_frames(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = match args.pos.first() {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for item in &items {
        let Value::Tuple(t) = item else { continue };
        let [Value::Str(file), Value::Int(n), Value::Str(name)] = &t[..] else {
            continue;
        };
        if vm.is_library_file(file) {
            continue;
        }
        let n = u32::try_from(*n).unwrap_or(0);
        out.push(frame_tuple(&FrameSummary {
            file: file.clone(),
            line: n,
            name: name.clone(),
            text: vm.source_line(file, n).map(Rc::from),
            end_line: n,
            col: None,
            end_col: None,
        }));
    }
    Ok(Value::list(out))
}

/// The native `_traceback` module.
pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_traceback");
    m.set("_format", native("_format", format));
    m.set("_only", native("_only", only));
    m.set("_frames", native("_frames", frames));
    m.set("_format_frames", native("_format_frames", format_frames));
    m.set("_line", native("_line", line));
    m.set("_user_frames", native("_user_frames", user_frames));
    Ok(m)
}
