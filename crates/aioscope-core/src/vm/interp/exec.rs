//! The instruction dispatch: `exec` runs one frame's bytecode until the
//! frame calls, returns, yields or raises, with the small helpers it uses
//! on every instruction (operand stack, constants, name lookup, compare
//! and in-place operators). It is one `match` in one function so the hot
//! loop stays as the optimiser sees it; cold instructions call out to the
//! other files of `interp`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::ast::{BinOp, CmpOp, UnaryOp};
use crate::lang::bytecode::{Code, Const, Instr};
use crate::vm::call::Invoked;
use crate::vm::dict::Dict;
use crate::vm::frame::{Block, Frame};
use crate::vm::set::Set;
use crate::vm::value::{Args, AwaitPoll, CoroKind, CoroState, Function, PyErr, PyResult, Value};
use crate::vm::{Halt, LineEvent, PythonVersion, Vm};

use super::Flow;

/// Marks "no `self`" in the slot `LoadMethod` fills: a cell can never be a
/// method receiver, because Python code cannot reach cell objects.
fn no_self() -> Value {
    Value::Cell(crate::vm::heap::tracked(RefCell::new(None)))
}

fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(b) => Value::BigInt(b.clone()),
        Const::Float(f) => Value::Float(*f),
        Const::Str(s) => Value::Str(s.clone()),
        Const::Bytes(b) => Value::Bytes(b.clone()),
        Const::Ellipsis => Value::Ellipsis,
        Const::Tuple(items) => Value::Tuple(items.iter().map(const_value).collect()),
        Const::FrozenSet(items) => frozen_const(items),
        Const::Code(_) | Const::Names(_) => Value::None,
    }
}

/// A frozenset constant as CPython's compiler leaves it: the items added
/// in order (`PyFrozenSet_New` of the folded tuple), then, when the
/// constants are merged, a new frozenset of that one's elements in its
/// iteration order. Constants hash without running Python and compare in
/// Rust (`FastEq` cannot fail).
fn frozen_const(items: &[Const]) -> Value {
    use crate::vm::keys::FastEq;
    use crate::vm::set::Set;
    let mut first = Set::new();
    for c in items {
        let v = const_value(c);
        if let Some(h) = const_hash(&v) {
            let _ = first.add(h, v, &mut FastEq);
        }
    }
    let mut merged = Set::new();
    for (h, k) in first.entries() {
        let _ = merged.add(h, k.clone(), &mut FastEq);
    }
    crate::vm::containers::frozenset_value(merged)
}

/// The hash of a constant (numbers, strings, bytes, None, tuples of them).
fn const_hash(v: &Value) -> Option<i64> {
    use crate::vm::hash;
    Some(match v {
        Value::Str(s) => hash::str(s),
        Value::Bytes(b) => hash::bytes(b),
        Value::None => hash::NONE,
        Value::Ellipsis => hash::ELLIPSIS,
        Value::Tuple(items) => {
            let hashes: Option<Vec<i64>> = items.iter().map(const_hash).collect();
            hash::tuple(&hashes?)
        }
        other => hash::number(other)?,
    })
}

impl Vm {
    fn unbound_local(&mut self, name: &str) -> PyErr {
        let msg = match self.python {
            PythonVersion::V3_10 => {
                format!("local variable '{}' referenced before assignment", name)
            }
            PythonVersion::V3_11 => format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name
            ),
        };
        self.new_error("UnboundLocalError", &msg)
    }

    /// Reading or deleting an empty cell: the body's own variable is an
    /// unbound local, one it captures is a free variable.
    #[cold]
    #[inline(never)]
    fn unbound_cell(&mut self, code: &Code, i: u32) -> PyErr {
        let name: Rc<str> = code
            .cellnames
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| "".into());
        if i < code.ncellvars {
            return self.unbound_local(&name);
        }
        let msg = match self.python {
            PythonVersion::V3_10 => format!(
                "free variable '{}' referenced before assignment in enclosing scope",
                name
            ),
            PythonVersion::V3_11 => format!(
                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                name
            ),
        };
        self.new_error("NameError", &msg)
    }

    /// `NameError` for `name` in `frame`, with `.name` and the name
    /// CPython's interpreter would suggest in its place (found now, from
    /// the frame's variable names, its globals and the built-ins).
    fn name_error(&mut self, frame: &Frame, name: &str) -> PyErr {
        let e = self.new_exception(
            "NameError",
            vec![Value::str(&format!("name '{}' is not defined", name))],
        );
        if let Value::Instance(i) = &e {
            let locals: Vec<String> = frame.code.varnames.iter().map(|n| n.to_string()).collect();
            let suggestion = self.name_suggestion(name, &locals, &frame.globals);
            i.attrs.borrow_mut().set("name".into(), Value::str(name));
            if let Some(d) = e.exc() {
                d.borrow_mut().suggestion = suggestion.map(Rc::from);
            }
        }
        PyErr::Exception(e)
    }

    fn load_global(&mut self, frame: &Frame, name: &str) -> PyResult<Value> {
        if let Some(v) = frame.globals.get(name) {
            return Ok(v);
        }
        if let Some(v) = self.builtins.get(name) {
            return Ok(v);
        }
        if let Some(v) = self.lazy_builtin(name)? {
            return Ok(v);
        }
        Err(self.name_error(frame, name))
    }

    /// The instruction loop for one frame.
    pub(super) fn exec(&mut self, frame: &mut Frame) -> PyResult<Flow> {
        let code = frame.code.clone();
        let instrs = &code.instrs[..];
        loop {
            let pc = frame.pc;
            let Some(&instr) = instrs.get(pc) else {
                return Err(PyErr::Halt(Halt::Internal(
                    "ran off the end of the code".into(),
                )));
            };
            frame.pc = pc + 1;
            self.executed += 1;
            if self.executed > self.limits.instructions {
                return Err(PyErr::Halt(Halt::InstructionBudget(
                    self.limits.instructions,
                )));
            }
            if self.trace_lines {
                let line = code.lines[pc];
                if line != frame.last_line {
                    frame.last_line = line;
                    self.last_line = line;
                    if self.debug.is_some() {
                        self.line_started(frame);
                    }
                    let ev = LineEvent {
                        code: code.clone(),
                        line,
                    };
                    // A step that loops for millions of lines keeps its first
                    // ones and its latest, not all of them.
                    let full = self.lines.len() >= self.limits.line_events;
                    match self.lines.last_mut() {
                        Some(last) if full => *last = ev,
                        _ => self.lines.push(ev),
                    }
                }
            }
            match instr {
                Instr::Nop => {}
                Instr::Pop => {
                    // Leaving an `async for` early drops its iterator.
                    if let Some(v) = frame.stack.pop() {
                        self.dropping(&v)?;
                    }
                    self.settle(frame);
                }
                Instr::Dup => {
                    let v = top(frame)?.clone();
                    frame.stack.push(v);
                }
                Instr::Dup2 => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(underflow());
                    }
                    let a = frame.stack[n - 2].clone();
                    let b = frame.stack[n - 1].clone();
                    frame.stack.push(a);
                    frame.stack.push(b);
                }
                Instr::Rot2 => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(underflow());
                    }
                    frame.stack.swap(n - 1, n - 2);
                }
                Instr::Rot3 => {
                    let n = frame.stack.len();
                    if n < 3 {
                        return Err(underflow());
                    }
                    let v = frame.stack.pop().expect("checked");
                    frame.stack.insert(n - 3, v);
                }
                Instr::RotN(k) => {
                    let n = frame.stack.len();
                    let k = k as usize;
                    if k == 0 || n < k {
                        return Err(underflow());
                    }
                    let v = pop(frame)?;
                    frame.stack.insert(n - k, v);
                }
                Instr::LoadConst(i) => frame.stack.push(const_value(&code.consts[i as usize])),
                Instr::LoadFast(i) => match &frame.locals[i as usize] {
                    Some(v) => frame.stack.push(v.clone()),
                    None => return Err(self.unbound_local(&code.varnames[i as usize])),
                },
                Instr::StoreFast(i) => {
                    let v = pop(frame)?;
                    let old = frame.locals[i as usize].replace(v);
                    // Rebinding may drop the last reference to an async
                    // generator (`dropping` looks only at coroutines).
                    if let Some(old @ Value::Coroutine(_)) = &old {
                        self.dropping(old)?;
                    }
                    drop(old);
                    self.settle(frame);
                }
                Instr::DeleteFast(i) => {
                    match frame.locals[i as usize].take() {
                        Some(old) => self.dropping(&old)?,
                        None => return Err(self.unbound_local(&code.varnames[i as usize])),
                    }
                    self.settle(frame);
                    self.after_drop()?;
                }
                Instr::LoadDeref(i) => {
                    let v = frame.cells[i as usize].borrow().clone();
                    match v {
                        Some(v) => frame.stack.push(v),
                        None => return Err(self.unbound_cell(&code, i)),
                    }
                }
                Instr::StoreDeref(i) => {
                    let v = pop(frame)?;
                    let old = frame.cells[i as usize].borrow_mut().replace(v);
                    if let Some(old @ Value::Coroutine(_)) = &old {
                        self.dropping(old)?;
                    }
                    drop(old);
                    self.settle(frame);
                }
                Instr::DeleteDeref(i) => {
                    let old = frame.cells[i as usize].borrow_mut().take();
                    match &old {
                        Some(old) => self.dropping(old)?,
                        None => return Err(self.unbound_cell(&code, i)),
                    }
                    drop(old);
                    self.settle(frame);
                }
                Instr::LoadClosure(i) => {
                    frame
                        .stack
                        .push(Value::Cell(frame.cells[i as usize].clone()));
                }
                Instr::LoadClassDeref(i) => {
                    let name = code.cellnames[i as usize].clone();
                    let from_ns = frame
                        .namespace
                        .as_ref()
                        .and_then(|ns| ns.borrow().get(&name).cloned());
                    let v = match from_ns {
                        Some(v) => Some(v),
                        None => frame.cells[i as usize].borrow().clone(),
                    };
                    match v {
                        Some(v) => frame.stack.push(v),
                        None => return Err(self.name_error(frame, &name)),
                    }
                }
                Instr::LoadGlobal(i) => {
                    let v = self.load_global(frame, &code.names[i as usize])?;
                    frame.stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let v = pop(frame)?;
                    let name = code.names[i as usize].clone();
                    let old = frame.globals.replace(name, v);
                    if let Some(old @ Value::Coroutine(_)) = &old {
                        self.dropping(old)?;
                    }
                    drop(old);
                    self.settle(frame);
                    self.after_drop()?;
                }
                Instr::DeleteGlobal(i) => {
                    let name = &code.names[i as usize];
                    let old = frame.globals.take(name);
                    match old {
                        Some(old) => self.dropping(&old)?,
                        None => return Err(self.name_error(frame, name)),
                    }
                    self.settle(frame);
                    self.after_drop()?;
                }
                Instr::LoadName(i) => {
                    let name = &code.names[i as usize];
                    let local = frame
                        .namespace
                        .as_ref()
                        .and_then(|ns| ns.borrow().get(name).cloned());
                    let v = match local {
                        Some(v) => v,
                        None => self.load_global(frame, name)?,
                    };
                    frame.stack.push(v);
                }
                Instr::StoreName(i) => {
                    let v = pop(frame)?;
                    let name = code.names[i as usize].clone();
                    let old = match &frame.namespace {
                        Some(ns) => ns.borrow_mut().replace(name, v),
                        None => frame.globals.replace(name, v),
                    };
                    if let Some(old @ Value::Coroutine(_)) = &old {
                        self.dropping(old)?;
                    }
                    drop(old);
                    self.settle(frame);
                    self.after_drop()?;
                }
                Instr::DeleteName(i) => {
                    let name = &code.names[i as usize];
                    let old = match &frame.namespace {
                        Some(ns) => ns.borrow_mut().take(name),
                        None => frame.globals.take(name),
                    };
                    match old {
                        Some(old) => self.dropping(&old)?,
                        None => return Err(self.name_error(frame, name)),
                    }
                    self.settle(frame);
                    self.after_drop()?;
                }
                Instr::LoadAttr(i) => {
                    let obj = pop(frame)?;
                    let v = self.get_attr(&obj, &code.names[i as usize])?;
                    frame.stack.push(v);
                }
                Instr::StoreAttr(i) => {
                    let obj = pop(frame)?;
                    let v = pop(frame)?;
                    self.set_attr(&obj, &code.names[i as usize], v)?;
                    drop(obj);
                    self.settle(frame);
                }
                Instr::DeleteAttr(i) => {
                    let obj = pop(frame)?;
                    self.del_attr(&obj, &code.names[i as usize])?;
                    drop(obj);
                    self.settle(frame);
                    self.after_drop()?;
                }
                Instr::LoadMethod(i) => {
                    let obj = pop(frame)?;
                    match self.lookup_method(&obj, &code.names[i as usize])? {
                        Some(func) => {
                            frame.stack.push(func);
                            frame.stack.push(obj);
                        }
                        None => {
                            let attr = self.get_attr(&obj, &code.names[i as usize])?;
                            frame.stack.push(attr);
                            frame.stack.push(no_self());
                        }
                    }
                }
                Instr::CallMethod(argc) => {
                    let n = frame.stack.len();
                    let argc = argc as usize;
                    if n < argc + 2 {
                        return Err(underflow());
                    }
                    let this = frame.stack[n - argc - 1].clone();
                    let mut args: Vec<Value>;
                    if let Value::Cell(_) = this {
                        args = frame.stack.split_off(n - argc);
                        frame.stack.pop();
                    } else {
                        args = Vec::with_capacity(argc + 1);
                        args.extend(frame.stack.drain(n - argc - 1..));
                    }
                    let func = pop(frame)?;
                    if args.len() > 255 {
                        args.shrink_to_fit();
                    }
                    // A coroutine's frame notes its line before calling out, so
                    // a task's repr made during the call says where it runs.
                    if let Some(owner) = &frame.owner {
                        owner.last_line.set(code.lines[pc]);
                    }
                    self.hint_handling(frame);
                    let invoked = self.invoke(func, Args::new(args));
                    self.end_hint();
                    match invoked? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::Subscr => {
                    let key = pop(frame)?;
                    let obj = pop(frame)?;
                    let v = self.get_item(&obj, &key)?;
                    frame.stack.push(v);
                }
                Instr::StoreSubscr => {
                    let key = pop(frame)?;
                    let obj = pop(frame)?;
                    let v = pop(frame)?;
                    self.set_item(&obj, key, v)?;
                    drop(obj);
                    self.settle(frame);
                }
                Instr::DeleteSubscr => {
                    let key = pop(frame)?;
                    let obj = pop(frame)?;
                    self.del_item(&obj, &key)?;
                    drop((obj, key));
                    self.settle(frame);
                    self.after_drop()?;
                }
                Instr::Binary(op) => {
                    let b = pop(frame)?;
                    let a = pop(frame)?;
                    let v = self.binary(op, &a, &b)?;
                    frame.stack.push(v);
                }
                Instr::Inplace(op) => {
                    let b = pop(frame)?;
                    let a = pop(frame)?;
                    let v = self.inplace(op, &a, &b)?;
                    frame.stack.push(v);
                }
                Instr::Unary(op) => {
                    let a = pop(frame)?;
                    let v = match op {
                        UnaryOp::Not => Value::Bool(!self.truthy(&a)?),
                        other => self.unary(other, &a)?,
                    };
                    frame.stack.push(v);
                }
                Instr::Compare(op) => {
                    let b = pop(frame)?;
                    let a = pop(frame)?;
                    let v = self.compare(op, &a, &b)?;
                    frame.stack.push(v);
                }
                Instr::Jump(t) => frame.pc = t as usize,
                Instr::PopJumpIfFalse(t) => {
                    let v = pop(frame)?;
                    if !self.truthy(&v)? {
                        frame.pc = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = pop(frame)?;
                    if self.truthy(&v)? {
                        frame.pc = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    if !self.truthy(top(frame)?)? {
                        frame.pc = t as usize;
                    } else {
                        frame.stack.pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    if self.truthy(top(frame)?)? {
                        frame.pc = t as usize;
                    } else {
                        frame.stack.pop();
                    }
                }
                Instr::GetIter => {
                    let v = pop(frame)?;
                    let it = self.iter(&v)?;
                    frame.stack.push(it);
                }
                Instr::GetYieldFromIter => {
                    let v = pop(frame)?;
                    let it = self.yield_from_iter(v, code.flags.iterable_coroutine)?;
                    frame.stack.push(it);
                }
                Instr::ForIter(t) => {
                    let it = top(frame)?.clone();
                    match self.next(&it)? {
                        Some(v) => frame.stack.push(v),
                        None => {
                            frame.stack.pop();
                            frame.pc = t as usize;
                        }
                    }
                }
                Instr::BuildTuple(n) => {
                    let items = take_n(frame, n)?;
                    frame.stack.push(Value::Tuple(items.into()));
                }
                Instr::BuildList(n) => {
                    let items = take_n(frame, n)?;
                    frame.stack.push(Value::list(items));
                }
                Instr::BuildSet(n) => {
                    let items = take_n(frame, n)?;
                    let s = crate::vm::heap::tracked(RefCell::new(Set::new()));
                    for it in items {
                        let k = self.key(it)?;
                        self.set_add(&s, k)?;
                    }
                    frame.stack.push(Value::Set(s));
                }
                Instr::BuildMap(n) => {
                    let items = take_n(frame, n * 2)?;
                    let d = crate::vm::heap::tracked(RefCell::new(Dict::new()));
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        let k = self.key(k)?;
                        self.dict_set(&d, k, v)?;
                    }
                    frame.stack.push(Value::Dict(d));
                }
                Instr::BuildSlice(n) => {
                    let items = take_n(frame, n)?;
                    let mut it = items.into_iter();
                    let a = it.next().unwrap_or(Value::None);
                    let b = it.next().unwrap_or(Value::None);
                    let c = it.next().unwrap_or(Value::None);
                    frame.stack.push(Value::Slice(Rc::new([a, b, c])));
                }
                Instr::BuildString(n) => {
                    let items = take_n(frame, n)?;
                    let mut s = String::new();
                    for it in items {
                        if let Value::Str(p) = it {
                            s.push_str(&p);
                        }
                    }
                    frame.stack.push(Value::Str(s.into()));
                }
                Instr::ListAppend(i) => {
                    let v = pop(frame)?;
                    let target = peek(frame, i)?;
                    match target {
                        Value::List(l) => l.borrow_mut().push(v),
                        _ => return Err(internal("ListAppend on a non-list")),
                    }
                }
                Instr::ListExtend(i) => {
                    let v = pop(frame)?;
                    let into_list = matches!(peek(frame, i)?, Value::List(_));
                    if into_list && !self.is_iterable(&v)? {
                        let msg =
                            format!("Value after * must be an iterable, not {}", v.type_name());
                        return Err(self.new_error("TypeError", &msg));
                    }
                    let target = peek(frame, i)?.clone();
                    match target {
                        Value::List(l) => {
                            let items = self.collect(&v)?;
                            l.borrow_mut().extend(items)
                        }
                        // `{*a, *b}`: CPython's SET_UPDATE.
                        Value::Set(s) => self.set_update(&s, &v)?,
                        _ => return Err(internal("ListExtend on a non-list")),
                    }
                }
                Instr::SetAdd(i) => {
                    let v = pop(frame)?;
                    let k = self.key(v)?;
                    match peek(frame, i)?.clone() {
                        Value::Set(s) => {
                            self.set_add(&s, k)?;
                        }
                        _ => return Err(internal("SetAdd on a non-set")),
                    }
                }
                Instr::MapAdd(i) => {
                    let v = pop(frame)?;
                    let k = pop(frame)?;
                    let k = self.key(k)?;
                    match peek(frame, i)?.clone() {
                        Value::Dict(d) => self.dict_set(&d, k, v)?,
                        _ => return Err(internal("MapAdd on a non-dict")),
                    }
                }
                Instr::DictUpdate(i) => {
                    let m = pop(frame)?;
                    let pairs = self.mapping_items(&m)?;
                    let target = peek(frame, i)?.clone();
                    match target {
                        Value::Dict(d) => {
                            for (k, v) in pairs {
                                let k = self.key(k)?;
                                self.dict_set(&d, k, v)?;
                            }
                        }
                        _ => return Err(internal("DictUpdate on a non-dict")),
                    }
                }
                Instr::DictMerge(i) => {
                    let m = pop(frame)?;
                    let into = peek(frame, i)?.clone();
                    let func = peek(frame, i + 2)?.clone();
                    self.merge_kwargs(&func, &into, &m)?;
                }
                Instr::ListToTuple => {
                    let v = pop(frame)?;
                    match v {
                        Value::List(l) => {
                            let items = std::mem::take(&mut *l.borrow_mut());
                            frame.stack.push(Value::Tuple(items.into()));
                        }
                        _ => return Err(internal("ListToTuple on a non-list")),
                    }
                }
                Instr::UnpackSequence(n) => {
                    let v = pop(frame)?;
                    let items = self.unpack(&v, n as usize)?;
                    frame.stack.extend(items.into_iter().rev());
                }
                Instr::UnpackEx { before, after } => {
                    let v = pop(frame)?;
                    if !self.is_iterable(&v)? {
                        let msg = format!("cannot unpack non-iterable {} object", v.type_name());
                        return Err(self.new_error("TypeError", &msg));
                    }
                    let mut items = self.collect(&v)?;
                    let (b, a) = (before as usize, after as usize);
                    if items.len() < b + a {
                        return Err(self.new_error(
                            "ValueError",
                            &format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                b + a,
                                items.len()
                            ),
                        ));
                    }
                    let tail = items.split_off(items.len() - a);
                    let middle = items.split_off(b);
                    for v in tail.into_iter().rev() {
                        frame.stack.push(v);
                    }
                    frame.stack.push(Value::list(middle));
                    for v in items.into_iter().rev() {
                        frame.stack.push(v);
                    }
                }
                Instr::FormatValue { conversion, spec } => {
                    let spec = if spec {
                        match pop(frame)? {
                            Value::Str(s) => s,
                            _ => return Err(internal("format spec is not a str")),
                        }
                    } else {
                        "".into()
                    };
                    let v = pop(frame)?;
                    let v = match conversion {
                        b's' => Value::Str(self.to_str(&v)?.into()),
                        b'r' => Value::Str(self.repr(&v)?.into()),
                        b'a' => Value::Str(self.ascii(&v)?.into()),
                        _ => v,
                    };
                    let s = self.format(&v, &spec)?;
                    frame.stack.push(Value::Str(s.into()));
                }
                Instr::Call(argc) => {
                    let args = take_n(frame, argc)?;
                    let func = pop(frame)?;
                    // A coroutine's frame notes its line before calling out, so
                    // a task's repr made during the call says where it runs.
                    if let Some(owner) = &frame.owner {
                        owner.last_line.set(code.lines[pc]);
                    }
                    self.hint_handling(frame);
                    let invoked = self.invoke(func, Args::new(args));
                    self.end_hint();
                    match invoked? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::CallKw { argc, names } => {
                    let Const::Names(names) = &code.consts[names as usize] else {
                        return Err(internal("CallKw without names"));
                    };
                    let mut values = take_n(frame, argc)?;
                    let kwvalues = values.split_off(values.len() - names.len());
                    let func = pop(frame)?;
                    let kw = names.iter().cloned().zip(kwvalues).collect();
                    // A coroutine's frame notes its line before calling out, so
                    // a task's repr made during the call says where it runs.
                    if let Some(owner) = &frame.owner {
                        owner.last_line.set(code.lines[pc]);
                    }
                    self.hint_handling(frame);
                    let invoked = self.invoke(func, Args { pos: values, kw });
                    self.end_hint();
                    match invoked? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::CallEx { kwargs } => {
                    let kw = if kwargs {
                        let m = pop(frame)?;
                        let mut kw = Vec::new();
                        for (k, v) in self.mapping_items(&m)? {
                            match k {
                                Value::Str(s) => kw.push((s, v)),
                                _ => {
                                    return Err(
                                        self.new_error("TypeError", "keywords must be strings")
                                    )
                                }
                            }
                        }
                        kw
                    } else {
                        Vec::new()
                    };
                    let pos = pop(frame)?;
                    let func = pop(frame)?;
                    let pos = self.star_args(&func, pos)?;
                    if let Some(owner) = &frame.owner {
                        owner.last_line.set(code.lines[pc]);
                    }
                    self.hint_handling(frame);
                    let invoked = self.invoke(func, Args { pos, kw });
                    self.end_hint();
                    match invoked? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::MakeFunction {
                    code: ci,
                    defaults,
                    kwdefaults,
                    annotations,
                    closure,
                } => {
                    let Const::Code(fcode) = &code.consts[ci as usize] else {
                        return Err(internal("MakeFunction without code"));
                    };
                    let closure = if closure {
                        match pop(frame)? {
                            Value::Tuple(cells) => cells
                                .iter()
                                .filter_map(|c| match c {
                                    Value::Cell(c) => Some(c.clone()),
                                    _ => None,
                                })
                                .collect(),
                            _ => return Err(internal("closure is not a tuple")),
                        }
                    } else {
                        Vec::new()
                    };
                    let annotations = if annotations { Some(pop(frame)?) } else { None };
                    let kwdefaults = if kwdefaults {
                        match pop(frame)? {
                            Value::Dict(d) => d
                                .borrow()
                                .iter()
                                .filter_map(|(k, v)| match k {
                                    Value::Str(s) => Some((s.clone(), v.clone())),
                                    _ => None,
                                })
                                .collect(),
                            _ => return Err(internal("kwdefaults is not a dict")),
                        }
                    } else {
                        Vec::new()
                    };
                    let defaults = if defaults {
                        match pop(frame)? {
                            Value::Tuple(t) => t.to_vec(),
                            _ => return Err(internal("defaults is not a tuple")),
                        }
                    } else {
                        Vec::new()
                    };
                    let f = Function {
                        code: fcode.clone(),
                        globals: frame.globals.clone(),
                        defaults,
                        kwdefaults,
                        closure,
                        name: RefCell::new(fcode.name.clone()),
                        qualname: RefCell::new(fcode.qualname.clone()),
                        attrs: RefCell::new(Default::default()),
                        id: self.next_id(),
                    };
                    if let Some(a) = annotations {
                        f.attrs.borrow_mut().set("__annotations__".into(), a);
                    }
                    frame
                        .stack
                        .push(Value::Function(crate::vm::heap::tracked(f)));
                }
                Instr::BuildClass { name, kwargs } => {
                    let kw = if kwargs { Some(pop(frame)?) } else { None };
                    let bases = pop(frame)?;
                    let body = pop(frame)?;
                    let Const::Str(name) = &code.consts[name as usize] else {
                        return Err(internal("class name is not a str"));
                    };
                    let class = self.build_class(name.clone(), body, bases, kw)?;
                    frame.stack.push(class);
                }
                Instr::Return => {
                    let v = pop(frame)?;
                    return Ok(Flow::Return(v));
                }
                Instr::YieldValue => {
                    let v = pop(frame)?;
                    if code.flags.coroutine {
                        return Ok(Flow::AsyncYield(v));
                    }
                    return Ok(Flow::Yield(v));
                }
                Instr::GetAwaitable => {
                    let v = pop(frame)?;
                    let aw = self.get_awaitable(v)?;
                    frame.stack.push(aw);
                }
                Instr::Await => {
                    let aw = pop(frame)?;
                    match &aw {
                        Value::Coroutine(c) if c.kind == CoroKind::AsyncGenerator => {
                            match self.agen_settle(c)? {
                                Some(done) => frame.stack.push(done),
                                None => return Ok(Flow::Delegate(c.clone())),
                            }
                        }
                        Value::Coroutine(c) => return Ok(Flow::Delegate(c.clone())),
                        Value::Object(_) => {
                            if let Some(flow) = self.await_object(frame, aw)? {
                                return Ok(flow);
                            }
                        }
                        _ => return Err(internal("awaiting a non-awaitable value")),
                    }
                }
                Instr::YieldFrom => {
                    let sent = pop(frame)?;
                    let it = pop(frame)?;
                    match &it {
                        // A generator, or the iterator a coroutine's
                        // __await__() gives (the coroutine itself here).
                        Value::Coroutine(c) if c.kind != CoroKind::AsyncGenerator => {
                            if c.state.get() == CoroState::Closed {
                                // An exhausted generator returns None at once.
                                frame.stack.push(Value::None);
                            } else {
                                return Ok(Flow::Delegate(c.clone()));
                            }
                        }
                        Value::Iterator(_) if matches!(sent, Value::None) => {
                            match self.next(&it)? {
                                Some(v) => {
                                    frame.stack.push(it);
                                    frame.pc = pc;
                                    return Ok(Flow::Yield(v));
                                }
                                None => frame.stack.push(Value::None),
                            }
                        }
                        // `yield from future` in an awaitable's __await__.
                        Value::Object(o) if o.poll_await(self).is_some() => {
                            if let Some(flow) = self.await_object(frame, it.clone())? {
                                return Ok(flow);
                            }
                        }
                        _ => {
                            // `__next__()` or `send(v)`; the StopIteration's
                            // value is what `yield from` gives.
                            let step = if matches!(sent, Value::None) {
                                self.special_method(&it, "__next__", "the iterator protocol")
                                    .and_then(|f| self.call(&f, Args::default()))
                            } else {
                                self.get_attr(&it, "send")
                                    .and_then(|f| self.call(&f, Args::new(vec![sent])))
                            };
                            match step {
                                Ok(v) => {
                                    frame.stack.push(it);
                                    frame.pc = pc;
                                    return Ok(Flow::Yield(v));
                                }
                                Err(PyErr::Exception(e))
                                    if self.is_instance_of(&e, "StopIteration") =>
                                {
                                    let value = e
                                        .exc()
                                        .and_then(|d| d.borrow().args.first().cloned())
                                        .unwrap_or(Value::None);
                                    frame.stack.push(value);
                                }
                                Err(e) => return Err(e),
                            }
                        }
                    }
                }
                Instr::GetAIter => {
                    let v = pop(frame)?;
                    let it = self.async_iter(v)?;
                    frame.stack.push(it);
                }
                Instr::GetANext => {
                    let it = top(frame)?.clone();
                    let next = self.async_next(&it)?;
                    frame.stack.push(next);
                }
                Instr::EndAsyncFor => {
                    let exc = pop(frame)?;
                    if !self.is_instance_of(&exc, "StopAsyncIteration") {
                        return Err(PyErr::Exception(exc));
                    }
                    pop(frame)?;
                }
                Instr::SetupExcept(handler) => {
                    frame.blocks.push(Block {
                        handler,
                        level: frame.stack.len() as u32,
                        handling: frame.handling.len() as u32,
                    });
                }
                Instr::PopBlock => {
                    frame.blocks.pop();
                }
                Instr::PushExcInfo => {
                    let e = top(frame)?.clone();
                    frame.handling.push(e);
                }
                Instr::PopExcept => {
                    frame.handling.pop();
                }
                Instr::JumpIfNotExcMatch(t) => {
                    let class = pop(frame)?;
                    let exc = top(frame)?.clone();
                    if !self.exception_matches(&exc, &class)? {
                        frame.pc = t as usize;
                    }
                }
                Instr::MatchSequence => {
                    let yes = self.match_is_sequence(top(frame)?);
                    frame.stack.push(Value::Bool(yes));
                }
                Instr::MatchMapping => {
                    let yes = self.match_is_mapping(top(frame)?);
                    frame.stack.push(Value::Bool(yes));
                }
                Instr::GetLen => {
                    let v = top(frame)?.clone();
                    let n = self.len(&v)?;
                    frame.stack.push(Value::Int(n as i64));
                }
                Instr::MatchKeys => {
                    let keys = top(frame)?.clone();
                    let subject = peek(frame, 2)?.clone();
                    let values = self.match_keys(&subject, &keys)?;
                    frame.stack.push(values);
                }
                Instr::MappingRest => {
                    let keys = pop(frame)?;
                    let subject = pop(frame)?;
                    let rest = self.mapping_rest(&subject, &keys)?;
                    frame.stack.push(rest);
                }
                Instr::MatchClass(nargs) => {
                    let names = pop(frame)?;
                    let cls = pop(frame)?;
                    let subject = pop(frame)?;
                    let attrs = self.match_class(&subject, &cls, &names, nargs as usize)?;
                    frame.stack.push(attrs);
                }
                Instr::ExcStarMatch(t) => {
                    let types = pop(frame)?;
                    let rest = peek(frame, 2)?.clone();
                    match self.except_star_match(&rest, &types)? {
                        Some((matched, left)) => {
                            let n = frame.stack.len();
                            frame.stack[n - 2] = left;
                            frame.stack.push(matched);
                        }
                        None => frame.pc = t as usize,
                    }
                }
                Instr::ExcStarReraise => {
                    let raised = pop(frame)?;
                    let rest = pop(frame)?;
                    let orig = pop(frame)?;
                    let mut raised = match raised {
                        Value::List(l) => std::mem::take(&mut *l.borrow_mut()),
                        _ => return Err(internal("except* without its list")),
                    };
                    raised.push(rest);
                    if let Some(exc) = self.except_star_result(&orig, raised)? {
                        // Re-raised as it is: not chained to what was being
                        // handled, and no entry for this frame (CPython's
                        // RERAISE).
                        frame.handling.push(exc.clone());
                        self.reraising = true;
                        return Err(PyErr::Exception(exc));
                    }
                }
                Instr::Raise(kind) => {
                    return Err(self.raise_instr(frame, kind)?);
                }
                Instr::Reraise => {
                    let exc = pop(frame)?;
                    self.reraising = true;
                    return Err(PyErr::Exception(exc));
                }
                Instr::BeforeWith => {
                    let mgr = pop(frame)?;
                    let exit =
                        self.special_method(&mgr, "__exit__", "the context manager protocol")?;
                    let enter =
                        self.special_method(&mgr, "__enter__", "the context manager protocol")?;
                    frame.stack.push(exit);
                    let r = self.call(&enter, Args::default())?;
                    frame.stack.push(r);
                }
                Instr::BeforeAsyncWith => {
                    let mgr = pop(frame)?;
                    let exit = self.special_method(
                        &mgr,
                        "__aexit__",
                        "the asynchronous context manager protocol",
                    )?;
                    let enter = self.special_method(
                        &mgr,
                        "__aenter__",
                        "the asynchronous context manager protocol",
                    )?;
                    frame.stack.push(exit);
                    match self.invoke(enter, Args::default())? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::CallExitNone => {
                    let exit = pop(frame)?;
                    let args = Args::new(vec![Value::None, Value::None, Value::None]);
                    match self.invoke(exit, args)? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::WithExceptStart => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(underflow());
                    }
                    let exc = frame.stack[n - 1].clone();
                    let exit = frame.stack[n - 2].clone();
                    let class = Value::Class(self.types.class_of(self, &exc));
                    let args = Args::new(vec![class, exc, Value::None]);
                    match self.invoke(exit, args)? {
                        Invoked::Value(v) => frame.stack.push(v),
                        Invoked::Frame(f) => return Ok(Flow::Call(f)),
                    }
                }
                Instr::ImportName { name, leaf } => {
                    let full = code.names[name as usize].clone();
                    let mut module = None;
                    let mut path = String::new();
                    for (i, part) in full.split('.').enumerate() {
                        if i > 0 {
                            path.push('.');
                        }
                        path.push_str(part);
                        let m = self.import(&path)?;
                        if module.is_none() || leaf {
                            module = Some(m);
                        }
                    }
                    match module {
                        Some(m) => frame.stack.push(Value::Module(m)),
                        None => return Err(internal("empty module name")),
                    }
                }
                Instr::ImportFrom(i) => {
                    let module = top(frame)?.clone();
                    let name = &code.names[i as usize];
                    let submodule = match &module {
                        Value::Module(m) => Some(format!("{}.{}", m.name, name)),
                        _ => None,
                    };
                    let v = match self.get_attr(&module, name) {
                        Ok(v) => v,
                        // `from package import submodule` imports it.
                        Err(PyErr::Exception(_))
                            if submodule.as_deref().is_some_and(|s| self.knows_module(s)) =>
                        {
                            let sub = submodule.unwrap_or_default();
                            Value::Module(self.import(&sub)?)
                        }
                        Err(PyErr::Exception(_)) => {
                            let mname = match &module {
                                Value::Module(m) => m.name.clone(),
                                _ => "?".into(),
                            };
                            // The module's own file, else where CPython keeps
                            // the module ours stands for.
                            let file = match &module {
                                Value::Module(m) => match m.get("__file__") {
                                    Some(Value::Str(f)) => Some(f.to_string()),
                                    _ => None,
                                },
                                _ => None,
                            };
                            let place = file
                                .or_else(|| crate::vm::traceback::module_file(&mname))
                                .unwrap_or_else(|| "unknown location".into());
                            return Err(self.new_error(
                                "ImportError",
                                &format!(
                                    "cannot import name '{}' from '{}' ({})",
                                    name, mname, place
                                ),
                            ));
                        }
                        Err(e) => return Err(e),
                    };
                    frame.stack.push(v);
                }
                Instr::ImportStar => {
                    let module = pop(frame)?;
                    if let Value::Module(m) = module {
                        let entries: Vec<_> = m
                            .items()
                            .into_iter()
                            .filter(|(k, _)| !k.starts_with('_'))
                            .collect();
                        for (k, v) in entries {
                            match &frame.namespace {
                                Some(ns) => ns.borrow_mut().set(k, v),
                                None => drop(frame.globals.replace(k, v)),
                            }
                        }
                    }
                }
                Instr::LoadAssertionError => {
                    frame
                        .stack
                        .push(Value::Class(self.types.exc("AssertionError")));
                }
            }
        }
    }

    /// `await` (or `yield from`) of a library object such as a future:
    /// its result at once when done, otherwise the flow that suspends the
    /// frame on it.
    fn await_object(&mut self, frame: &mut Frame, aw: Value) -> PyResult<Option<Flow>> {
        let Value::Object(o) = &aw else {
            return Err(internal("awaiting a non-awaitable value"));
        };
        match o.poll_await(self) {
            Some(AwaitPoll::Ready(r)) => {
                frame.stack.push(r?);
                Ok(None)
            }
            Some(AwaitPoll::Pending) => {
                frame.awaited = Some(aw.clone());
                if let Some(owner) = &frame.owner {
                    *owner.awaiting.borrow_mut() = Some(aw.clone());
                }
                Ok(Some(Flow::Yield(aw)))
            }
            Some(AwaitPoll::YieldOnce) => {
                frame.awaited = None;
                if let Some(owner) = &frame.owner {
                    *owner.awaiting.borrow_mut() = None;
                }
                Ok(Some(Flow::Yield(Value::None)))
            }
            None => Err(internal("awaiting a non-awaitable object")),
        }
    }

    /// Binary operators that need no Python: kept here so `Compare` of
    /// identity stays in the loop.
    fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => Ok(Value::Bool(!a.is(b))),
            CmpOp::In => Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => Ok(Value::Bool(!self.contains(b, a)?)),
            other => self.rich_compare(other, a, b),
        }
    }

    pub(crate) fn inplace(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (BinOp::Add, Value::List(l)) = (op, a) {
            let items = self.collect(b)?;
            l.borrow_mut().extend(items);
            return Ok(a.clone());
        }
        if let Value::Set(s) = a {
            if self.set_inplace(op, s, b)?.is_some() {
                return Ok(a.clone());
            }
        }
        if let (BinOp::BitOr, Value::Dict(d), Value::Dict(_)) = (op, a, b) {
            let pairs = self.mapping_items(b)?;
            for (k, v) in pairs {
                let k = self.key(k)?;
                self.dict_set(d, k, v)?;
            }
            return Ok(a.clone());
        }
        if let Value::Instance(_) = a {
            let name = crate::vm::ops::inplace_dunder(op);
            if let Some(m) = self.user_dunder(a, name)? {
                let r = self.call(&m, Args::new(vec![b.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            // A list's subclass grows in place, and stays itself.
            if let (BinOp::Add, Some(Value::List(l))) = (op, a.builtin_payload()) {
                if self.user_dunder(a, "__add__")?.is_none() {
                    let items = self.collect(b)?;
                    l.borrow_mut().extend(items);
                    return Ok(a.clone());
                }
            }
        }
        self.binary(op, a, b)
    }

    /// A reference went away: weak references with a callback get to see
    /// whether their object died (nothing to do while there are none).
    #[inline]
    fn after_drop(&mut self) -> PyResult<()> {
        if self.weakrefs.watching() {
            self.poll_weakrefs()
        } else {
            Ok(())
        }
    }

    /// Forgets the exception [`Self::hint_handling`] told the native
    /// function that just returned about: the hint must not keep it alive
    /// after its handler ends (CPython frees it there, and what it holds
    /// dies with it: a coroutine never awaited warns at that line).
    #[inline]
    fn end_hint(&mut self) {
        if self.exc_hint.is_some() {
            self.exc_hint = None;
        }
    }

    /// Tells a native function about to be called which exception its
    /// caller is handling (`sys.exc_info()`); cheap when none is.
    #[inline]
    fn hint_handling(&mut self, frame: &Frame) {
        if !frame.handling.is_empty() || self.exc_hint.is_some() {
            self.exc_hint = frame.handling.last().cloned();
        }
        if self.track_call_sites {
            let line = frame.code.lines.get(frame.pc.wrapping_sub(1)).copied();
            self.call_site = Some((frame.code.clone(), line.unwrap_or(0)));
        }
    }
}

fn underflow() -> PyErr {
    internal("value stack underflow")
}

pub(super) fn internal(msg: &str) -> PyErr {
    PyErr::Halt(Halt::Internal(msg.into()))
}

#[inline]
pub(super) fn pop(frame: &mut Frame) -> PyResult<Value> {
    frame.stack.pop().ok_or_else(underflow)
}

#[inline]
fn top(frame: &Frame) -> PyResult<&Value> {
    frame.stack.last().ok_or_else(underflow)
}

/// The item `i` places from the top after popping (CPython's `PEEK(i)`).
#[inline]
fn peek(frame: &Frame, i: u32) -> PyResult<&Value> {
    let n = frame.stack.len();
    let i = i as usize;
    if i == 0 || i > n {
        return Err(underflow());
    }
    Ok(&frame.stack[n - i])
}

#[inline]
fn take_n(frame: &mut Frame, n: u32) -> PyResult<Vec<Value>> {
    let n = n as usize;
    let len = frame.stack.len();
    if len < n {
        return Err(underflow());
    }
    Ok(frame.stack.split_off(len - n))
}
