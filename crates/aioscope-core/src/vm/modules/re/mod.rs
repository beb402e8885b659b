//! `_re`: the regular-expression engine behind `re.py`. Python's `re` is
//! a backtracking matcher, so this is one too (the `regex` crate's
//! automata differ in which match they pick): the pattern compiles to a
//! small instruction program run with an explicit backtracking stack (no
//! recursion on the input), and every step counts against the VM's
//! instruction budget so a pathological pattern ends the run cleanly.

pub mod parse;

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use crate::vm::builtins::native;
use crate::vm::methods::def;
use crate::vm::types::new_class;
use crate::vm::value::{
    Args, Attrs, Class, ClassKind, Halt, Module, NativeObject, PyErr, PyResult, Value,
};
use crate::vm::Vm;

use parse::{Anchor, Category, ClassItem, Node};

/// One instruction of a compiled pattern.
#[derive(Clone, Debug)]
enum Inst {
    Char(char),
    Any,
    Class(usize),
    Category(Category, bool),
    Assert(Anchor),
    /// Try the first target; on failure the second.
    Split(usize, usize),
    Jmp(usize),
    /// Set a slot (capture boundary or loop mark) to the position.
    Save(usize),
    /// After a loop body: if it matched empty, leave the loop (to the
    /// target) instead of looping again.
    EmptyCheck(usize, usize),
    Backref(usize),
    /// A lookaround: its program runs from `start` to a `Match`.
    Look {
        start: usize,
        next: usize,
        behind: Option<usize>,
        positive: bool,
    },
    Match,
}

/// A compiled pattern.
///
/// Invariant: every jump target is an index into `insts`; slots `0..2 *
/// (groups + 1)` are capture boundaries, the rest loop marks.
pub struct Program {
    insts: Vec<Inst>,
    classes: Vec<(Vec<ClassItem>, bool)>,
    slots: usize,
    groups: usize,
    flags: u32,
    class: Rc<Class>,
}

struct Compiler {
    insts: Vec<Inst>,
    classes: Vec<(Vec<ClassItem>, bool)>,
    slots: usize,
}

impl Compiler {
    fn emit(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    fn node(&mut self, node: &Node) -> Result<(), String> {
        if self.insts.len() > 200_000 {
            return Err("the pattern is too large".into());
        }
        match node {
            Node::Empty => {}
            Node::Char(c) => {
                self.emit(Inst::Char(*c));
            }
            Node::Any => {
                self.emit(Inst::Any);
            }
            Node::Class(items, neg) => {
                self.classes.push((items.clone(), *neg));
                self.emit(Inst::Class(self.classes.len() - 1));
            }
            Node::Category(c, neg) => {
                self.emit(Inst::Category(*c, *neg));
            }
            Node::Anchor(a) => {
                self.emit(Inst::Assert(*a));
            }
            Node::Concat(items) => {
                for i in items {
                    self.node(i)?;
                }
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (k, alt) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.emit(Inst::Split(0, 0));
                        self.node(alt)?;
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.insts.len();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.node(alt)?;
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Group(n, inner) => {
                self.emit(Inst::Save(2 * n));
                self.node(inner)?;
                self.emit(Inst::Save(2 * n + 1));
            }
            Node::Backref(n) => {
                self.emit(Inst::Backref(*n));
            }
            Node::Look(inner, behind, positive) => {
                let at = self.emit(Inst::Jmp(0));
                let start = self.insts.len();
                self.node(inner)?;
                self.emit(Inst::Match);
                let next = self.insts.len();
                let width = if *behind { parse::width(inner) } else { None };
                self.insts[at] = Inst::Look {
                    start,
                    next,
                    behind: width,
                    positive: *positive,
                };
                // The Look instruction replaced the jump: execution
                // continues at `next` after the lookaround succeeds.
            }
            Node::Repeat(inner, min, max, greedy) => {
                for _ in 0..*min {
                    self.node(inner)?;
                }
                match max {
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.emit(Inst::Split(0, 0)));
                            self.node(inner)?;
                        }
                        let end = self.insts.len();
                        for s in splits {
                            self.insts[s] = if *greedy {
                                Inst::Split(s + 1, end)
                            } else {
                                Inst::Split(end, s + 1)
                            };
                        }
                    }
                    None => {
                        let mark = self.slots;
                        self.slots += 1;
                        let split = self.emit(Inst::Split(0, 0));
                        self.emit(Inst::Save(mark));
                        self.node(inner)?;
                        let check = self.emit(Inst::EmptyCheck(mark, 0));
                        self.emit(Inst::Jmp(split));
                        let end = self.insts.len();
                        self.insts[check] = Inst::EmptyCheck(mark, end);
                        self.insts[split] = if *greedy {
                            Inst::Split(split + 1, end)
                        } else {
                            Inst::Split(end, split + 1)
                        };
                    }
                }
            }
        }
        Ok(())
    }
}

impl NativeObject for Program {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "Program"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok("<_re.Program>".into())
    }
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || c == '_'
    }
}

fn in_category(cat: Category, c: char, ascii: bool) -> bool {
    match cat {
        Category::Digit => {
            if ascii {
                c.is_ascii_digit()
            } else {
                c.is_ascii_digit()
                    || (!c.is_ascii()
                        && c.is_numeric()
                        && c.to_digit(10).is_none()
                        && is_decimal(c))
            }
        }
        Category::Word => is_word(c, ascii),
        Category::Space => {
            if ascii {
                matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
            } else {
                c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
            }
        }
    }
}

/// Unicode decimal digits outside ASCII (category Nd): the blocks of ten
/// that start at a zero.
fn is_decimal(c: char) -> bool {
    const ZEROS: &[u32] = &[
        0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
        0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10,
    ];
    let v = c as u32;
    ZEROS.iter().any(|z| (*z..*z + 10).contains(&v))
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

impl Program {
    fn class_matches(&self, idx: usize, c: char) -> bool {
        let Some((items, negated)) = self.classes.get(idx) else {
            return false;
        };
        let icase = self.flags & parse::IGNORECASE != 0;
        let ascii = self.flags & parse::ASCII != 0;
        let test = |c: char| {
            items.iter().any(|it| match it {
                ClassItem::Char(x) => *x == c,
                ClassItem::Range(a, b) => (*a..=*b).contains(&c),
                ClassItem::Category(cat, neg) => in_category(*cat, c, ascii) != *neg,
            })
        };
        let mut hit = test(c);
        if !hit && icase {
            hit = test(fold(c)) || c.to_uppercase().next().is_some_and(test);
        }
        hit != *negated
    }

    /// Runs the program from `pc` at `pos`; on success the end position.
    /// `slots` holds the captures (updated on success).
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        vm: &mut Vm,
        text: &[char],
        end: usize,
        pc: usize,
        pos: usize,
        slots: &mut [isize],
        must_end: Option<usize>,
        reject_empty_at: Option<usize>,
        depth: u32,
    ) -> PyResult<Option<usize>> {
        if depth > 100 {
            return Err(vm.new_error(
                "RecursionError",
                "maximum recursion depth exceeded in a regular expression",
            ));
        }
        let icase = self.flags & parse::IGNORECASE != 0;
        let ascii = self.flags & parse::ASCII != 0;
        let multiline = self.flags & parse::MULTILINE != 0;
        let dotall = self.flags & parse::DOTALL != 0;
        // Backtrack points: (pc, pos, undo-log length).
        let mut stack: Vec<(usize, usize, usize)> = vec![(pc, pos, 0)];
        let mut undo: Vec<(usize, isize)> = Vec::new();
        let mut steps: u64 = 0;
        'threads: while let Some((mut pc, mut pos, undo_len)) = stack.pop() {
            while undo.len() > undo_len {
                if let Some((slot, old)) = undo.pop() {
                    slots[slot] = old;
                }
            }
            loop {
                steps += 1;
                if steps & 0x3ff == 0 {
                    vm.executed += 0x400;
                    if vm.executed > vm.limits.instructions {
                        return Err(PyErr::Halt(Halt::InstructionBudget(vm.limits.instructions)));
                    }
                }
                let Some(inst) = self.insts.get(pc) else {
                    continue 'threads;
                };
                match inst {
                    Inst::Char(c) => match text.get(pos).filter(|_| pos < end) {
                        Some(t) if *t == *c || (icase && fold(*t) == fold(*c)) => {
                            pos += 1;
                            pc += 1;
                        }
                        _ => continue 'threads,
                    },
                    Inst::Any => match text.get(pos).filter(|_| pos < end) {
                        Some(t) if dotall || *t != '\n' => {
                            pos += 1;
                            pc += 1;
                        }
                        _ => continue 'threads,
                    },
                    Inst::Class(idx) => match text.get(pos).filter(|_| pos < end) {
                        Some(t) if self.class_matches(*idx, *t) => {
                            pos += 1;
                            pc += 1;
                        }
                        _ => continue 'threads,
                    },
                    Inst::Category(cat, neg) => match text.get(pos).filter(|_| pos < end) {
                        Some(t) if in_category(*cat, *t, ascii) != *neg => {
                            pos += 1;
                            pc += 1;
                        }
                        _ => continue 'threads,
                    },
                    Inst::Assert(a) => {
                        let before = if pos > 0 {
                            text.get(pos - 1).copied()
                        } else {
                            None
                        };
                        let after = if pos < end {
                            text.get(pos).copied()
                        } else {
                            None
                        };
                        let ok = match a {
                            Anchor::Start => pos == 0 || (multiline && before == Some('\n')),
                            Anchor::End => {
                                pos == end
                                    || (pos + 1 == end && after == Some('\n'))
                                    || (multiline && after == Some('\n'))
                            }
                            Anchor::StringStart => pos == 0,
                            Anchor::StringEnd => pos == end,
                            Anchor::WordBoundary | Anchor::NotWordBoundary => {
                                let w1 = before.is_some_and(|c| is_word(c, ascii));
                                let w2 = after.is_some_and(|c| is_word(c, ascii));
                                (w1 != w2) == (*a == Anchor::WordBoundary)
                            }
                        };
                        if !ok {
                            continue 'threads;
                        }
                        pc += 1;
                    }
                    Inst::Split(a, b) => {
                        stack.push((*b, pos, undo.len()));
                        pc = *a;
                    }
                    Inst::Jmp(a) => pc = *a,
                    Inst::Save(slot) => {
                        if let Some(s) = slots.get_mut(*slot) {
                            undo.push((*slot, *s));
                            *s = pos as isize;
                        }
                        pc += 1;
                    }
                    Inst::EmptyCheck(mark, exit) => {
                        if slots.get(*mark).copied() == Some(pos as isize) {
                            pc = *exit;
                        } else {
                            pc += 1;
                        }
                    }
                    Inst::Backref(n) => {
                        let (s, e) = (slots[2 * n], slots[2 * n + 1]);
                        if s < 0 || e < 0 {
                            continue 'threads;
                        }
                        let len = (e - s) as usize;
                        if pos + len > end {
                            continue 'threads;
                        }
                        let same = (0..len).all(|k| {
                            let (x, y) = (text[s as usize + k], text[pos + k]);
                            x == y || (icase && fold(x) == fold(y))
                        });
                        if !same {
                            continue 'threads;
                        }
                        pos += len;
                        pc += 1;
                    }
                    Inst::Look {
                        start,
                        next,
                        behind,
                        positive,
                    } => {
                        let (from, target) = match behind {
                            Some(w) => {
                                if pos < *w {
                                    if *positive {
                                        continue 'threads;
                                    }
                                    pc = *next;
                                    continue;
                                }
                                (pos - w, Some(pos))
                            }
                            None => (pos, None),
                        };
                        let mut trial = slots.to_vec();
                        let found = self.run(
                            vm,
                            text,
                            end,
                            *start,
                            from,
                            &mut trial,
                            target,
                            None,
                            depth + 1,
                        )?;
                        if found.is_some() != *positive {
                            continue 'threads;
                        }
                        if *positive {
                            for (k, v) in trial.into_iter().enumerate() {
                                if slots[k] != v {
                                    undo.push((k, slots[k]));
                                    slots[k] = v;
                                }
                            }
                        }
                        pc = *next;
                    }
                    Inst::Match => {
                        if must_end.is_some_and(|t| t != pos) {
                            continue 'threads;
                        }
                        // After an empty match, the next may not be empty
                        // at the same place (CPython's must-advance rule).
                        if reject_empty_at == Some(pos) && slots.first() == Some(&(pos as isize)) {
                            continue 'threads;
                        }
                        vm.executed += steps & 0x3ff;
                        return Ok(Some(pos));
                    }
                }
            }
        }
        vm.executed += steps & 0x3ff;
        Ok(None)
    }
}

/// `compile(pattern, flags)`: `(True, program, groups, names, flags)` or
/// `(False, message, position)`.
fn re_compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Str(pattern)), Some(Value::Int(flags))) = (args.pos.first(), args.pos.get(1))
    else {
        return Err(vm.new_error("TypeError", "compile() needs a str pattern and int flags"));
    };
    let parsed = match parse::parse(pattern, *flags as u32) {
        Ok(p) => p,
        Err(e) => {
            if e.msg.ends_with("is not supported yet") {
                return Err(vm.new_error("NotImplementedError", &e.msg));
            }
            // CPython names no position for a variable-width lookbehind.
            let pos = if e.msg.starts_with("look-behind") {
                Value::None
            } else {
                Value::Int(e.pos as i64)
            };
            return Ok(Value::tuple(vec![
                Value::Bool(false),
                Value::str(&e.msg),
                pos,
            ]));
        }
    };
    let mut c = Compiler {
        insts: Vec::new(),
        classes: Vec::new(),
        slots: 2 * (parsed.groups + 1),
    };
    c.emit(Inst::Save(0));
    if let Err(msg) = c.node(&parsed.node) {
        return Err(vm.new_error("NotImplementedError", &msg));
    }
    c.emit(Inst::Save(1));
    c.emit(Inst::Match);
    let class = match vm.modules.get("_re").and_then(|m| m.get("Program")) {
        Some(Value::Class(k)) => k,
        _ => return Err(vm.new_error("TypeError", "_re is not initialised")),
    };
    let program = Program {
        insts: c.insts,
        classes: c.classes,
        slots: c.slots,
        groups: parsed.groups,
        flags: parsed.flags,
        class,
    };
    let names = Value::list(
        parsed
            .names
            .iter()
            .map(|(n, g)| Value::tuple(vec![Value::str(n), Value::Int(*g as i64)]))
            .collect(),
    );
    Ok(Value::tuple(vec![
        Value::Bool(true),
        Value::Object(Rc::new(program)),
        Value::Int(parsed.groups as i64),
        names,
        Value::Int(parsed.flags as i64),
    ]))
}

/// `Program.exec(string, pos, endpos, mode)`: mode 0 matches at `pos`, 1
/// searches from it, 2 must match up to `endpos`. Returns the capture
/// boundaries (`-1` for unset) or None.
fn program_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(program) = args.pos.first().and_then(|v| v.downcast::<Program>()) else {
        return Err(vm.new_error("TypeError", "exec() needs a program"));
    };
    let (
        Some(Value::Str(s)),
        Some(Value::Int(pos)),
        Some(Value::Int(endpos)),
        Some(Value::Int(mode)),
    ) = (
        args.pos.get(1),
        args.pos.get(2),
        args.pos.get(3),
        args.pos.get(4),
    )
    else {
        return Err(vm.new_error("TypeError", "exec(string, pos, endpos, mode)"));
    };
    let text: Vec<char> = s.chars().collect();
    let end = (*endpos).clamp(0, text.len() as i64) as usize;
    let mut start = (*pos).clamp(0, text.len() as i64) as usize;
    let groups = program.slots;
    let reject = match args.pos.get(5) {
        Some(Value::Int(r)) if *r >= 0 => Some(*r as usize),
        _ => None,
    };
    loop {
        if start > end {
            return Ok(Value::None);
        }
        let mut slots = vec![-1isize; groups];
        let must_end = (*mode == 2).then_some(end);
        if program
            .run(vm, &text, end, 0, start, &mut slots, must_end, reject, 0)?
            .is_some()
        {
            return Ok(match_value(&text, &slots, program.groups));
        }
        if *mode != 1 {
            return Ok(Value::None);
        }
        start += 1;
    }
}

/// A match for Python: the capture boundaries (`-1` unset) and each
/// group's text (None unset), so Python never slices the string by
/// character index (linear in the position).
fn match_value(text: &[char], slots: &[isize], groups: usize) -> Value {
    let spans: Vec<Value> = slots[..2 * (groups + 1)]
        .iter()
        .map(|v| Value::Int(*v as i64))
        .collect();
    let texts: Vec<Value> = (0..=groups)
        .map(|g| {
            let (s, e) = (slots[2 * g], slots[2 * g + 1]);
            if s < 0 || e < s {
                Value::None
            } else {
                let t: String = text[s as usize..e as usize].iter().collect();
                Value::str(&t)
            }
        })
        .collect();
    Value::tuple(vec![Value::tuple(spans), Value::tuple(texts)])
}

/// `Program.exec_all(string, pos, endpos)`: the capture boundaries of
/// every match `finditer` would give, found in one pass over the string
/// (CPython's rule: after an empty match the next may not be empty at the
/// same place).
fn program_exec_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(program) = args.pos.first().and_then(|v| v.downcast::<Program>()) else {
        return Err(vm.new_error("TypeError", "exec_all() needs a program"));
    };
    let (Some(Value::Str(s)), Some(Value::Int(pos)), Some(Value::Int(endpos))) =
        (args.pos.get(1), args.pos.get(2), args.pos.get(3))
    else {
        return Err(vm.new_error("TypeError", "exec_all(string, pos, endpos)"));
    };
    let text: Vec<char> = s.chars().collect();
    let end = (*endpos).clamp(0, text.len() as i64) as usize;
    let mut at = (*pos).clamp(0, text.len() as i64) as usize;
    let mut reject = None;
    let mut found = Vec::new();
    let mut last_end = at;
    'search: while at <= end {
        let mut start = at;
        loop {
            if start > end {
                break 'search;
            }
            let mut slots = vec![-1isize; program.slots];
            if program
                .run(vm, &text, end, 0, start, &mut slots, None, reject, 0)?
                .is_some()
            {
                let (s0, e0) = (slots[0].max(0) as usize, slots[1].max(0) as usize);
                reject = (s0 == e0).then_some(e0);
                at = e0;
                let mut m = match_value(&text, &slots, program.groups);
                // The text since the previous match, for sub() and split().
                if let Value::Tuple(parts) = &m {
                    let gap: String = text[last_end.min(s0)..s0].iter().collect();
                    let mut parts = parts.to_vec();
                    parts.push(Value::str(&gap));
                    m = Value::tuple(parts);
                }
                last_end = e0;
                found.push(m);
                break;
            }
            start += 1;
        }
    }
    Ok(Value::list(found))
}

/// The `_re` module.
pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_re");
    let ids = Cell::new(vm.next_id());
    let class = new_class(
        &ids,
        "Program",
        "_re",
        vec![],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .ok_or_else(|| vm.new_error("TypeError", "cannot build _re.Program"))?;
    def(&class, "exec", program_exec);
    def(&class, "exec_all", program_exec_all);
    m.set("Program", Value::Class(class));
    m.set("compile", native("compile", re_compile));
    Ok(m)
}
