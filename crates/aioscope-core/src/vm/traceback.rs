//! Tracebacks as CPython 3.11 prints them: each frame's file, line and
//! function, its source line, and the carets under the part that failed
//! (`^^^^` under a call, `~~^~~` under a binary operation, `~^^^^^` under
//! a subscript, none when they would cover the whole line); chained
//! exceptions; exception groups drawn as boxes; `[Previous line repeated
//! N more times]`.
//!
//! Two printers exist in CPython and differ in small ways: the
//! interpreter's own (an uncaught exception, a thread's) keeps trailing
//! whitespace on the source line and offers "Did you mean" suggestions;
//! the `traceback` module's (what `logging` and asyncio's messages use)
//! strips the line and offers none. [`Style`] picks one.
//!
//! Frames of the library written in Python (`asyncio.py`) are shown as the
//! CPython frame they stand for when their line carries a `# cpython:
//! FILE:LINE` mark (see [`Vm::frame_summaries`]); unmarked library frames
//! are CPython's C code and are not shown. Native code that stands for a
//! Python frame of CPython's adds a [`NativeFrame`].

use std::collections::HashSet;
use std::rc::Rc;

use crate::lang::ast::{ExprKind, StmtKind};
use crate::vm::value::{ClassKind, TracebackEntry, Value};
use crate::vm::{PythonVersion, Vm};

/// A frame of CPython's library that native code stands for, with the
/// source line CPython shows for it.
#[derive(Debug, PartialEq, Eq)]
pub struct NativeFrame {
    /// The path CPython prints (`/usr/lib/python3.11/asyncio/events.py`).
    pub file: &'static str,
    /// The line.
    pub line: u32,
    /// The function.
    pub name: &'static str,
    /// The source line, without its indentation.
    pub text: &'static str,
    /// The columns of the failing part within `text`, when CPython shows
    /// carets (`None`: the part is the whole line).
    pub cols: Option<(u32, u32)>,
}

/// Which of CPython's two traceback printers to follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// The interpreter's (`sys.excepthook`, uncaught exceptions, threads):
    /// suggestions, trailing whitespace kept.
    Interpreter,
    /// The `traceback` module's (`logging`, asyncio's messages,
    /// `traceback.print_exc()`).
    Module,
}

/// One frame as a traceback shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameSummary {
    /// The file shown.
    pub file: Rc<str>,
    /// The line.
    pub line: u32,
    /// The function.
    pub name: Rc<str>,
    /// The source line as written (indentation kept, no newline), when
    /// known.
    pub text: Option<Rc<str>>,
    /// The last line of the failing part.
    pub end_line: u32,
    /// Its first column (characters from 0 in `text`), when known.
    pub col: Option<u32>,
    /// The column after its last character, when known.
    pub end_col: Option<u32>,
}

/// A source file a traceback can quote.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The text.
    pub text: Rc<str>,
    /// For the library written in Python: the directory its `# cpython:`
    /// marks are relative to; `None` for a file shown as it is (the user's
    /// program, the corpus libraries the oracle loads from the same file).
    pub library_dir: Option<&'static str>,
    /// The name of the module whose code it is (`__main__` for the
    /// program), for warnings' registries and filters.
    pub module: Rc<str>,
}

/// Where CPython's library lives on the Debian install the corpus names.
pub const STDLIB_DIR: &str = "/usr/lib/python3.11/";

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";
/// Frames repeated more than this are summarised.
const RECURSIVE_CUTOFF: usize = 3;
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Where CPython 3.11 on Debian keeps module `name`, as the `(...)` of
/// an `ImportError` names it: `None` for a module built into the
/// interpreter ("unknown location").
pub fn module_file(name: &str) -> Option<String> {
    const BUILT_IN: &[&str] = &[
        "sys",
        "time",
        "itertools",
        "builtins",
        "_collections",
        "_thread",
        "_io",
        "gc",
        "marshal",
        "posix",
        "errno",
        "_weakref",
        "_abc",
        "_signal",
        "_stat",
        "atexit",
        "_functools",
        "_operator",
        "_string",
        "_sre",
        "_codecs",
        "_locale",
        "pwd",
        "_tracemalloc",
        "faulthandler",
        "_warnings",
        "_imp",
        "_symtable",
        "xxsubtype",
        "_aio",
    ];
    const EXTENSIONS: &[&str] = &[
        "math",
        "cmath",
        "array",
        "zlib",
        "unicodedata",
        "select",
        "binascii",
        "_random",
        "_struct",
        "_datetime",
        "_decimal",
        "_contextvars",
        "_asyncio",
        "_heapq",
        "_bisect",
        "_json",
        "_socket",
        "_pickle",
        "_statistics",
        "_queue",
        "_csv",
        "_hashlib",
        "_md5",
        "_sha1",
        "_sha256",
        "_sha512",
        "_blake2",
        "_posixsubprocess",
        "fcntl",
        "mmap",
        "termios",
        "resource",
        "grp",
        "_uuid",
        "_zoneinfo",
    ];
    const PACKAGES: &[&str] = &[
        "asyncio",
        "collections",
        "json",
        "logging",
        "re",
        "concurrent",
        "concurrent.futures",
        "urllib",
        "email",
        "sqlite3",
        "importlib",
        "unittest",
        "xml",
        "http",
        "ctypes",
        "curses",
        "dbm",
        "encodings",
        "html",
        "multiprocessing",
        "tkinter",
        "venv",
        "wsgiref",
        "zoneinfo",
        "tomllib",
    ];
    if name == "net" {
        return Some("net.py".into());
    }
    if BUILT_IN.contains(&name) {
        return None;
    }
    if EXTENSIONS.contains(&name) {
        return Some(format!(
            "{}lib-dynload/{}.cpython-311-x86_64-linux-gnu.so",
            STDLIB_DIR, name
        ));
    }
    let path = name.replace('.', "/");
    if PACKAGES.contains(&name) {
        Some(format!("{}{}/__init__.py", STDLIB_DIR, path))
    } else {
        Some(format!("{}{}.py", STDLIB_DIR, path))
    }
}

/// Line `n` (from 1) of `text`, as `linecache` reads it (no newline).
pub fn nth_line(text: &str, n: u32) -> Option<&str> {
    let line = text.split('\n').nth((n as usize).checked_sub(1)?)?;
    if line.is_empty() && text.ends_with('\n') && text.split('\n').count() == n as usize {
        // The empty piece after the final newline is no line.
        return None;
    }
    Some(line.strip_suffix('\r').unwrap_or(line))
}

/// The full path of a `# cpython:` mark's file (relative to `dir` unless
/// absolute).
fn library_path(dir: &str, file: &str) -> Rc<str> {
    if file.starts_with('/') {
        file.into()
    } else {
        format!("{}{}", dir, file).into()
    }
}

/// Splits a library line into the statement shown and the CPython place
/// its `# cpython: FILE:LINE` mark names.
fn library_mark(line: &str) -> Option<(&str, &str, u32)> {
    let at = line.find("# cpython: ")?;
    let mark = line[at + "# cpython: ".len()..].trim();
    let (file, number) = mark.rsplit_once(':')?;
    let number: u32 = number.trim().parse().ok()?;
    Some((line[..at].trim_end(), file, number))
}

impl Vm {
    /// Registers a source file tracebacks and warnings can quote.
    pub fn add_source(
        &mut self,
        filename: &str,
        text: Rc<str>,
        library_dir: Option<&'static str>,
        module: &str,
    ) {
        self.sources.insert(
            filename.into(),
            SourceFile {
                text,
                library_dir,
                module: module.into(),
            },
        );
    }

    /// Whether `filename` is of the library written in Python (whose
    /// frames stand for CPython's C code unless marked).
    pub fn is_library_file(&self, filename: &str) -> bool {
        self.sources
            .get(filename)
            .is_some_and(|s| s.library_dir.is_some())
    }

    /// Line `line` of `filename`, as written (no newline), if known.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<&str> {
        nth_line(&self.sources.get(filename)?.text, line)
    }

    /// Where CPython shows line `line` of `filename`: the program's own
    /// files as they are; a line of the library written in Python as the
    /// CPython file and line its `# cpython:` mark names, or `None` when it
    /// has no mark (it stands for C code, or for nothing CPython has).
    pub fn cpython_place(&self, filename: &str, line: u32) -> Option<(Rc<str>, u32)> {
        let Some(source) = self.sources.get(filename) else {
            return Some((filename.into(), line));
        };
        let Some(dir) = source.library_dir else {
            return Some((filename.into(), line));
        };
        let (_, file, line) = library_mark(nth_line(&source.text, line)?)?;
        Some((library_path(dir, file), line))
    }

    /// The frames of `exc`'s traceback that CPython would show, outermost
    /// first.
    pub fn frame_summaries(&self, exc: &Value) -> Vec<FrameSummary> {
        let Some(data) = exc.exc() else {
            return Vec::new();
        };
        let entries = data.borrow().traceback.clone();
        entries
            .iter()
            .rev()
            .filter_map(|e| self.summary_of(e))
            .collect()
    }

    /// How one traceback entry shows, or `None` for a frame CPython runs in
    /// C (an unmarked line of the library), in the CPython the run stands
    /// for.
    pub fn summary_of(&self, entry: &TracebackEntry) -> Option<FrameSummary> {
        let summary = self.summary_311(entry)?;
        match self.python {
            PythonVersion::V3_11 => Some(summary),
            PythonVersion::V3_10 => super::py310::frame(summary),
        }
    }

    /// How one traceback entry shows in CPython 3.11.
    fn summary_311(&self, entry: &TracebackEntry) -> Option<FrameSummary> {
        match entry {
            TracebackEntry::Native(f, _) => {
                let (col, end_col) = match f.cols {
                    Some((c, e)) => (Some(c), Some(e)),
                    None => (Some(0), Some(f.text.chars().count() as u32)),
                };
                Some(FrameSummary {
                    file: f.file.into(),
                    line: f.line,
                    name: f.name.into(),
                    text: Some(f.text.into()),
                    end_line: f.line,
                    col,
                    end_col,
                })
            }
            TracebackEntry::Code { code, pc, .. } => {
                let pos = code.position_at(*pc as usize);
                let source = self.sources.get(&*code.filename);
                let text = source.and_then(|s| nth_line(&s.text, pos.line));
                match source.and_then(|s| s.library_dir) {
                    Some(dir) => {
                        let (shown, file, line) = library_mark(text?)?;
                        Some(FrameSummary {
                            file: library_path(dir, file),
                            line,
                            name: code.name.clone(),
                            text: Some(shown.into()),
                            end_line: line + (pos.end_line - pos.line),
                            col: pos.col,
                            end_col: pos.end_col,
                        })
                    }
                    None => Some(FrameSummary {
                        file: code.filename.clone(),
                        line: pos.line,
                        name: code.name.clone(),
                        text: text.map(Rc::from),
                        end_line: pos.end_line,
                        col: pos.col,
                        end_col: pos.end_col,
                    }),
                }
            }
        }
    }

    /// `exc` with its traceback, chained causes and contexts, as the
    /// `traceback` module prints it (`logging`, asyncio's messages).
    pub fn format_traceback(&mut self, exc: &Value) -> String {
        self.format_exception(exc, Style::Module)
    }

    /// `exc` with its traceback, chained causes and contexts, exception
    /// groups, as CPython's printer `style` prints it.
    pub fn format_exception(&mut self, exc: &Value, style: Style) -> String {
        self.format_exception_chunks(exc, style, &PrintOptions::default())
            .concat()
    }

    /// The same text in the pieces CPython's `TracebackException.format()`
    /// yields (a header, one frame, one line of the exception...), which
    /// `traceback.format_exception` returns as a list.
    pub fn format_exception_chunks(
        &mut self,
        exc: &Value,
        style: Style,
        options: &PrintOptions,
    ) -> Vec<String> {
        let mut p = Printer {
            style,
            out: Vec::new(),
            seen: HashSet::new(),
            depth: 0,
            need_close: false,
            options,
            top: identity(exc),
        };
        p.exception(self, exc);
        p.out
    }

    /// The last line(s) of a traceback: `Type: message` (with notes, and
    /// a suggestion in the interpreter's style).
    pub fn format_exception_only(&mut self, exc: &Value, style: Style) -> String {
        self.format_exception_only_parts(exc, style).concat()
    }

    /// The same, as `traceback.format_exception_only` lists it: the
    /// `Type: message` part, then each line of the notes.
    pub fn format_exception_only_parts(&mut self, exc: &Value, style: Style) -> Vec<String> {
        let class = self.types.class_of(self, exc);
        let mut name = class.qualname.to_string();
        if !matches!(&*class.module, "__main__" | "builtins") {
            name = format!("{}.{}", class.module, name);
        }
        let msg = match self.to_str(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".into(),
        };
        let mut first = if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        };
        if style == Style::Interpreter {
            if let Some(s) = self.suggestion_for(exc) {
                first.push_str(&format!(". Did you mean: '{}'?", s));
            }
        }
        first.push('\n');
        let mut out = vec![first];
        if let Value::Instance(i) = exc {
            let notes = i.attrs.borrow().get("__notes__").cloned();
            match notes {
                Some(Value::List(l)) => {
                    let items = l.borrow().clone();
                    for n in items {
                        let text = match &n {
                            Value::Str(s) => s.to_string(),
                            other => self
                                .to_str(other)
                                .unwrap_or_else(|_| "<note str() failed>".into()),
                        };
                        for line in text.split('\n') {
                            out.push(format!("{}\n", line));
                        }
                    }
                }
                Some(Value::None) | None => {}
                Some(other) => {
                    let r = self
                        .repr(&other)
                        .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                    out.push(r);
                }
            }
        }
        out
    }
}

/// What the `traceback` module's callers choose about a printout.
#[derive(Clone, Debug)]
pub struct PrintOptions {
    /// The frames shown for the outermost exception when they are not its
    /// own (`format_exception(type, value, tb)` with another or no `tb`).
    pub top_frames: Option<Vec<FrameSummary>>,
    /// `limit`: the first N frames of each traceback, or the last -N.
    pub limit: Option<i64>,
    /// Whether causes and contexts are printed before the exception.
    pub chain: bool,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            top_frames: None,
            limit: None,
            chain: true,
        }
    }
}

/// The first `limit` frames, or the last `-limit` (CPython's `limit`).
pub fn limit_frames(mut frames: Vec<FrameSummary>, limit: Option<i64>) -> Vec<FrameSummary> {
    match limit {
        None => frames,
        Some(n) if n >= 0 => {
            frames.truncate(n as usize);
            frames
        }
        Some(n) => {
            let keep = n.unsigned_abs() as usize;
            let skip = frames.len().saturating_sub(keep);
            frames.split_off(skip)
        }
    }
}

/// The printing state: CPython's `_ExceptionPrintContext`.
struct Printer<'a> {
    style: Style,
    out: Vec<String>,
    seen: HashSet<usize>,
    depth: usize,
    need_close: bool,
    options: &'a PrintOptions,
    /// The exception asked for (its frames may be `options.top_frames`).
    top: usize,
}

/// Identity of an exception, for the set of those already printed.
fn identity(v: &Value) -> usize {
    match v {
        Value::Instance(i) => Rc::as_ptr(i) as *const u8 as usize,
        _ => 0,
    }
}

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Writes `text`, every line indented (and margined inside a group).
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        let mut chunk = String::new();
        for line in text.split_inclusive('\n') {
            chunk.push_str(&prefix);
            chunk.push_str(line);
        }
        self.out.push(chunk);
    }

    /// An exception after the chain that led to it.
    fn exception(&mut self, vm: &mut Vm, exc: &Value) {
        self.seen.insert(identity(exc));
        if let (Some(data), true) = (exc.exc(), self.options.chain) {
            let (cause, context, suppress) = {
                let d = data.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            };
            if let Some(c) = cause {
                if !self.seen.contains(&identity(&c)) {
                    self.exception(vm, &c);
                    self.emit(CAUSE_MESSAGE, '|');
                }
            } else if let (Some(c), false) = (context, suppress) {
                if !self.seen.contains(&identity(&c)) {
                    self.exception(vm, &c);
                    self.emit(CONTEXT_MESSAGE, '|');
                }
            }
        }
        self.one(vm, exc);
    }

    fn one(&mut self, vm: &mut Vm, exc: &Value) {
        let top = identity(exc) == self.top;
        let frames = match (&self.options.top_frames, top) {
            (Some(frames), true) => frames.clone(),
            _ => vm.frame_summaries(exc),
        };
        let frames = limit_frames(frames, self.options.limit);
        for f in &frames {
            vm.note_program_frame(&f.file, f.line, Some(&f.name));
        }
        let members = group_members(vm, exc);
        let Some(members) = members else {
            if !frames.is_empty() {
                self.emit("Traceback (most recent call last):\n", '|');
                for frame in format_stack_chunks(&frames, self.style) {
                    self.emit(&frame, '|');
                }
            }
            for part in vm.format_exception_only_parts(exc, self.style) {
                self.emit(&part, '|');
            }
            return;
        };
        if self.depth > MAX_GROUP_DEPTH {
            self.emit(
                &format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH),
                '|',
            );
            return;
        }
        let toplevel = self.depth == 0;
        if toplevel {
            self.depth += 1;
        }
        if !frames.is_empty() {
            self.emit(
                "Exception Group Traceback (most recent call last):\n",
                if toplevel { '+' } else { '|' },
            );
            for frame in format_stack_chunks(&frames, self.style) {
                self.emit(&frame, '|');
            }
        }
        for part in vm.format_exception_only_parts(exc, self.style) {
            self.emit(&part, '|');
        }
        let count = members.len();
        let n = if count <= MAX_GROUP_WIDTH {
            count
        } else {
            MAX_GROUP_WIDTH + 1
        };
        self.need_close = false;
        for (i, member) in members
            .iter()
            .chain(std::iter::repeat(&Value::None))
            .take(n)
            .enumerate()
        {
            let last = i == n - 1;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let head = format!(
                "{}{}+---------------- {} ----------------\n",
                self.indent(),
                if i == 0 { "+-" } else { "  " },
                title
            );
            self.out.push(head);
            self.depth += 1;
            if !truncated {
                self.exception(vm, member);
            } else {
                let remaining = count - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                self.emit(
                    &format!("and {} more exception{}\n", remaining, plural),
                    '|',
                );
            }
            if last && self.need_close {
                let close = format!("{}+------------------------------------\n", self.indent());
                self.out.push(close);
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if toplevel {
            self.depth = 0;
        }
    }
}

/// The sub-exceptions of an exception group (`None` for anything else).
fn group_members(vm: &Vm, exc: &Value) -> Option<Vec<Value>> {
    if !vm.is_instance_of(exc, "BaseExceptionGroup") {
        return None;
    }
    let data = exc.exc()?;
    let members = match data.borrow().args.get(1) {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    Some(members)
}

/// The frames of a traceback, repeated runs of one frame and line
/// summarised after three.
pub fn format_stack(frames: &[FrameSummary], style: Style) -> String {
    format_stack_chunks(frames, style).concat()
}

/// The same, one string per frame and per summary line, as
/// `StackSummary.format()` lists them.
pub fn format_stack_chunks(frames: &[FrameSummary], style: Style) -> Vec<String> {
    let mut out = Vec::new();
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0usize;
    let repeated = |out: &mut Vec<String>, count: usize| {
        if count > RECURSIVE_CUTOFF {
            let more = count - RECURSIVE_CUTOFF;
            out.push(format!(
                "  [Previous line repeated {} more time{}]\n",
                more,
                if more > 1 { "s" } else { "" }
            ));
        }
    };
    for f in frames {
        let key = (&*f.file, f.line, &*f.name);
        if last != Some(key) {
            repeated(&mut out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        out.push(format_frame(f, style));
    }
    repeated(&mut out, count);
    out
}

/// How many columns a terminal gives the first `chars` characters of
/// `text`: East Asian wide and full-width characters take two.
fn display_width(text: &str, chars: usize) -> usize {
    if text.is_ascii() {
        return chars;
    }
    text.chars()
        .take(chars)
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

/// Whether Unicode 14's East Asian Width of `c` is Wide or Fullwidth.
fn is_wide(c: char) -> bool {
    let c = c as u32;
    if c < 0x1100 {
        return false;
    }
    WIDE.binary_search_by(|&(lo, hi)| {
        if hi < c {
            std::cmp::Ordering::Less
        } else if lo > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

/// Whitespace as Python's `str.isspace` sees it.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// One frame: `File "...", line N, in f`, its source line and carets.
pub fn format_frame(f: &FrameSummary, style: Style) -> String {
    let mut row = format!("  File \"{}\", line {}, in {}\n", f.file, f.line, f.name);
    let Some(original) = f.text.as_deref() else {
        return row;
    };
    // The line as the printer shows it, and how many characters of the
    // line before it its column counts start from.
    let (shown, stripped_len, lead) = match style {
        Style::Module => {
            let shown = original.trim_matches(is_py_space);
            // CPython counts the newline and any trailing space here,
            // so carets under a line with trailing spaces shift left.
            let lead = original.chars().count() + 1 - shown.chars().count();
            (shown, shown.chars().count(), lead)
        }
        Style::Interpreter => {
            let shown = original.trim_start_matches([' ', '\t', '\x0c']);
            let lead = original.chars().count() - shown.chars().count() + 1;
            (shown, shown.chars().count(), lead)
        }
    };
    if shown.is_empty() {
        return row;
    }
    row.push_str("    ");
    row.push_str(shown);
    row.push('\n');
    let (Some(col), Some(end_col)) = (f.col, f.end_col) else {
        return row;
    };
    let chars: Vec<char> = original.chars().collect();
    let start = (col as usize).min(chars.len());
    let mut end = (end_col as usize).min(chars.len());
    let segment: String = chars[start..end.max(start)].iter().collect();
    let mut anchors = None;
    if f.line == f.end_line {
        anchors = caret_anchors(&segment);
    } else {
        end = match style {
            Style::Module => original.trim_end_matches(is_py_space).chars().count(),
            Style::Interpreter => chars.len(),
        };
    }
    let gap = anchors.map_or(0, |(l, r): (usize, usize)| r.saturating_sub(l));
    if end.saturating_sub(start) < stripped_len || gap > 0 {
        let dp_start = display_width(original, start) + 1;
        let dp_end = display_width(original, end) + 1;
        row.push_str("    ");
        row.push_str(&" ".repeat(dp_start.saturating_sub(lead)));
        match anchors {
            Some((left, right)) => {
                let dl = display_width(&segment, left);
                let dr = display_width(&segment, right);
                row.push_str(&"~".repeat(dl));
                row.push_str(&"^".repeat(dr.saturating_sub(dl)));
                row.push_str(&"~".repeat((dp_end - dp_start).saturating_sub(dr)));
            }
            None => row.push_str(&"^".repeat(dp_end.saturating_sub(dp_start))),
        }
        row.push('\n');
    }
    row
}

/// The byte offset of character `chars` in `s` (its length past the end).
pub fn byte_of(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
}

/// How many characters the first `bytes` bytes of `s` decode to, a cut
/// sequence counting as one (Python's `decode(errors="replace")`).
pub fn chars_of(s: &str, bytes: usize) -> usize {
    let mut n = 0;
    for (b, c) in s.char_indices() {
        if b >= bytes {
            break;
        }
        n += 1;
        let _ = c;
    }
    n
}

/// Where the primary part of a failing binary operation or subscript is,
/// within the segment of source it spans: CPython parses the segment on
/// its own and puts `^` under the operator or the brackets, `~` under the
/// rest. `None` when the segment is anything else.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let module = crate::lang::parser::parse(segment).ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(e) = &module.body[0].kind else {
        return None;
    };
    // Spans count characters from 1; CPython's AST counts bytes from 0.
    let byte_col = |line: u32, col: u32| -> usize {
        if line != 1 {
            return usize::MAX;
        }
        byte_of(segment, col.saturating_sub(1) as usize)
    };
    let chars: Vec<char> = segment.chars().collect();
    match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            let left_end = byte_col(left.span.end_line, left.span.end_col);
            let right_start = byte_col(right.span.line, right.span.col);
            if left_end == usize::MAX || right_start == usize::MAX {
                return None;
            }
            let op_start = chars_of(segment, left_end);
            let op_end = chars_of(segment, right_start);
            let op: Vec<char> = chars.get(op_start..op_end.max(op_start))?.to_vec();
            let offset = op.iter().take_while(|c| is_py_space(**c)).count();
            // As CPython: a byte offset plus a character count.
            let mut left_anchor = left_end + offset;
            let mut right_anchor = left_anchor + 1;
            if offset + 1 < op.len() && !is_py_space(op[offset + 1]) {
                right_anchor += 1;
            }
            while left_anchor < chars.len()
                && (is_py_space(chars[left_anchor]) || matches!(chars[left_anchor], ')' | '#'))
            {
                left_anchor += 1;
                right_anchor += 1;
            }
            Some((
                chars_of(segment, left_anchor),
                chars_of(segment, right_anchor),
            ))
        }
        ExprKind::Subscript { value, index } => {
            let value_end = byte_col(value.span.end_line, value.span.end_col);
            let index_end = byte_col(index.span.end_line, index.span.end_col);
            if value_end == usize::MAX || index_end == usize::MAX {
                return None;
            }
            let mut left = chars_of(segment, value_end);
            let mut right = chars_of(segment, index_end + 1);
            while left < chars.len() && chars[left] != '[' {
                left += 1;
            }
            while right < chars.len() && chars[right] != ']' {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

impl Vm {
    /// The suggestion CPython's interpreter appends to a `NameError`,
    /// `AttributeError` or `ImportError`, if any.
    pub fn suggestion_for(&mut self, exc: &Value) -> Option<String> {
        let Value::Instance(inst) = exc else {
            return None;
        };
        if inst.class.kind != ClassKind::Exception {
            return None;
        }
        if let Some(s) = exc.exc().and_then(|d| d.borrow().suggestion.clone()) {
            return Some(s.to_string());
        }
        if self.is_instance_of(exc, "AttributeError") {
            let (name, obj) = {
                let a = inst.attrs.borrow();
                (a.get("name").cloned(), a.get("obj").cloned())
            };
            let (Some(Value::Str(name)), Some(obj)) = (name, obj) else {
                return None;
            };
            let candidates = self.attribute_names(&obj);
            return super::suggestions::closest(&candidates, &name);
        }
        None
    }
}

/// Unicode 14's East Asian Wide and Fullwidth characters, as ranges
/// (unassigned code points between two wide ones count as wide).
const WIDE: &[(u32, u32)] = &[
    (0x1100, 0x115F),
    (0x231A, 0x231B),
    (0x2329, 0x232A),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2E80, 0x303E),
    (0x3041, 0x3247),
    (0x3250, 0x4DBF),
    (0x4E00, 0xA4C6),
    (0xA960, 0xA97C),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAD9),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6B),
    (0xFF01, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x16FE0, 0x1B2FB),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F200, 0x1F320),
    (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E),
    (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6DF),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC),
    (0x1F7E0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FAF6),
    (0x20000, 0x3134A),
];
