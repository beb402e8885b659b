//! The fuzz crate's library: what one execution does, and a
//! structure-aware mutator that keeps most mutated inputs valid Python so
//! that they get past the parser into the compiler, the VM and the
//! simulated asyncio loop.
//!
//! Mutations come in three layers, on the source text:
//! - tokens (from the core's own lexer): insert, delete, replace,
//!   duplicate or swap tokens, with a dictionary of Python and asyncio
//!   words;
//! - statements (from the core's parser, by their spans): delete,
//!   duplicate, move, replace with a statement from a seed program
//!   (re-indented), or wrap in `try`, `for`, `async with`, an `async def`
//!   that is then run, ...;
//! - expressions (by their spans): replace with an expression from a seed
//!   program or with an interesting literal, wrap (`await x`,
//!   `create_task(x)`, `x[0]`, ...), or swap two of them.
//!
//! The fuzz target adds libFuzzer's own byte mutations on top.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Mutex, OnceLock};

use aioscope_core::lang::ast::{Expr, ExprKind, FStringPart, Params, Span, Stmt, StmtKind};
use aioscope_core::lang::lexer::tokenize;
use aioscope_core::lang::parser::parse;
use aioscope_core::lang::token::TokenKind;
use aioscope_core::run::{run_with_hook, Guards, Options};
use aioscope_core::trace::{DeltaWriter, Trace};

pub mod mutate;

/// The limits of one fuzz execution: small, so that each input runs in
/// milliseconds; a run that hits them ends with `Exit::Limit`, which is a
/// normal end.
pub fn options() -> Options {
    Options {
        lines: true,
        instructions: 200_000,
        guards: Guards {
            max_iterations: 2_000,
            max_time: 100.0,
            max_tasks: 500,
        },
        ..Options::default()
    }
}

/// One execution: the bytes as (lossy) UTF-8 source, run to the end while
/// the trace is streamed in pieces as the Web Worker sends it, then every
/// view of the trace that the page reads.
pub fn execute(data: &[u8]) {
    match worker() {
        Some(w) => {
            let (jobs, done) = &*w.lock().unwrap_or_else(|p| p.into_inner());
            jobs.send(data.to_vec()).expect("the worker thread runs");
            // A panic or stack overflow there aborts the whole process,
            // which libFuzzer reports as a crash.
            done.recv().expect("the worker thread answers");
        }
        None => execute_here(data),
    }
}

type Worker = Mutex<(Sender<Vec<u8>>, Receiver<()>)>;

/// With `AIOSCOPE_FUZZ_STACK_KB` set, inputs run on one long-lived thread
/// with that much stack: the page's Web Worker runs the core in
/// WebAssembly, whose stack is 1 MiB by default, far less than a native
/// main thread's 8 MiB. (One thread for all inputs, as a thread per input
/// would also redo the per-thread caches each time.)
fn worker() -> Option<&'static Worker> {
    static WORKER: OnceLock<Option<Worker>> = OnceLock::new();
    WORKER
        .get_or_init(|| {
            let kb: usize = std::env::var("AIOSCOPE_FUZZ_STACK_KB").ok()?.parse().ok()?;
            let (jobs, inbox) = channel::<Vec<u8>>();
            let (finished, done) = channel();
            std::thread::Builder::new()
                .name("fuzz-worker".into())
                .stack_size(kb * 1024)
                .spawn(move || {
                    guard_stack_overflow();
                    for data in inbox {
                        execute_here(&data);
                        let _ = finished.send(());
                    }
                })
                .expect("a thread");
            Some(Mutex::new((jobs, done)))
        })
        .as_ref()
}

/// Makes a stack overflow on this thread abort the process, so that
/// libFuzzer reports it as a crash and saves the input. (libFuzzer's own
/// SIGSEGV handler would run on the exhausted stack and die silently;
/// Rust's guard-page handler is not installed, as libFuzzer owns `main`.)
/// The handler runs on an alternate signal stack and calls `abort`,
/// whose SIGABRT libFuzzer handles.
fn guard_stack_overflow() {
    extern "C" fn on_segv(_: libc::c_int, _: *mut libc::siginfo_t, _: *mut libc::c_void) {
        let msg = b"\nfuzz-worker: SIGSEGV, most likely a stack overflow\n";
        // SAFETY: write and abort are async-signal-safe.
        unsafe {
            libc::write(2, msg.as_ptr().cast(), msg.len());
            libc::abort();
        }
    }
    const ALT: usize = 256 * 1024;
    // SAFETY: a fresh private mapping becomes this thread's alternate
    // signal stack for the thread's whole life (it is never unmapped), and
    // the handler installed only calls async-signal-safe functions.
    unsafe {
        let mem = libc::mmap(
            std::ptr::null_mut(),
            ALT,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        assert!(mem != libc::MAP_FAILED, "an alternate signal stack");
        let stack = libc::stack_t {
            ss_sp: mem,
            ss_flags: 0,
            ss_size: ALT,
        };
        libc::sigaltstack(&stack, std::ptr::null_mut());
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_segv as *const () as usize;
        action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGSEGV, &action, std::ptr::null_mut());
    }
}

fn execute_here(data: &[u8]) {
    let source = String::from_utf8_lossy(data);
    // A piece every 1 to 8 frames, chosen by the input.
    let hash = data
        .iter()
        .fold(0u32, |h, b| h.wrapping_mul(31) ^ *b as u32);
    let every = 1 + hash % 8;
    // Line recording on (the page) or off (the CLI and the tests), chosen
    // by the input too: the VM takes other paths without it.
    // The debugger's variables (the page records them) likewise.
    let options = Options {
        lines: hash & 0x100 == 0,
        locals: hash & 0x300 == 0,
        ..options()
    };
    let writer = Rc::new(RefCell::new(DeltaWriter::new()));
    let received = Rc::new(RefCell::new(Trace::empty("fuzz.py")));
    let hook = {
        let (writer, received) = (writer.clone(), received.clone());
        let mut frames = 0u32;
        Box::new(move |trace: &Trace| {
            frames += 1;
            if frames.is_multiple_of(every) {
                let piece = writer.borrow_mut().delta(trace);
                let mut r = received.borrow_mut();
                r.apply(piece)
                    .expect("a piece applies to the pieces before it");
                // The page shows the trace so far while it grows.
                read_views(&r, r.len().saturating_sub(3) as u32);
            }
        })
    };
    let trace = run_with_hook(&source, "fuzz.py", &options, hook);
    let last = writer.borrow_mut().finish(&trace);
    let mut received = received.borrow_mut();
    received
        .apply(last)
        .expect("the last piece applies to the pieces before it");
    same_trace(&received, &trace);
    read_trace(&trace);
}

/// The streamed trace must be the trace. NaN times
/// (`asyncio.sleep(float('nan'))`) are never ==: compare the printed
/// forms then.
fn same_trace(got: &Trace, want: &Trace) {
    if got != want {
        assert_eq!(
            format!("{got:?}"),
            format!("{want:?}"),
            "the streamed trace differs from the trace"
        );
    }
}

/// What the page reads of frames `from..` of a trace (and one past the
/// end, which must be harmless).
fn read_views(trace: &Trace, from: u32) {
    for at in from..trace.len() as u32 + 1 {
        read_frame(trace, at);
    }
}

/// What the page reads of frame `at`.
fn read_frame(trace: &Trace, at: u32) {
    let _ = trace.explanation(at);
    let _ = trace.ready_at(at);
    let _ = trace.timers_at(at);
    let _ = trace.sync_at(at);
    let _ = trace.stdout_at(at);
    let _ = trace.lines_at(at);
    let _ = trace.warnings_at(at).count();
    for task in 0..trace.tasks.len().min(50) as u32 {
        let _ = trace.task_at(task, at);
    }
}

/// Reads the trace as the page does: each frame's explanation, queues,
/// tasks, sync objects, output and lines; the exports; and the stream the
/// Web Worker sends it in, which must rebuild the same trace.
pub fn read_trace(trace: &Trace) {
    assert!(!trace.frames.is_empty(), "a run made no frame");
    let n = trace.len() as u32;
    // Every frame when there are few, else a spread of them.
    let step = (n / 300).max(1);
    let mut at = 0;
    while at < n {
        read_frame(trace, at);
        at += step;
    }
    read_frame(trace, n);
    let _ = trace.exit.summary();
    let _ = trace.transcript();
    let _ = aioscope_core::trace::export::events_jsonl(trace);
    let _ = aioscope_core::trace::export::perfetto(trace);
    // The debugger's reading of the lines.
    let index = aioscope_core::trace::LocalsIndex::new(trace);
    let hits = trace.lines.len() as u32;
    let mut hit = 0;
    while hit < hits {
        let _ = (index.step_over(trace, hit), index.step_out(trace, hit));
        let _ = (index.after(trace, hit), index.chain(trace, hit).len());
        hit += (hits / 300).max(1);
    }

    let mut writer = DeltaWriter::new();
    let delta = writer.finish(trace);
    let mut rebuilt = Trace::empty(&trace.filename);
    rebuilt
        .apply(delta)
        .expect("a finished trace's one delta applies to an empty trace");
    same_trace(&rebuilt, trace);
}

// ---------------------------------------------------------------------------
// Source text and spans
// ---------------------------------------------------------------------------

/// Byte offsets of line starts, to turn a span's (line, column) into byte
/// offsets. Columns count characters from 1.
pub struct Lines<'a> {
    pub src: &'a str,
    pub starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(src: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        Lines { src, starts }
    }

    /// Number of lines (a final line without newline counts).
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of line `line` (1-based), newline included.
    pub fn line_range(&self, line: u32) -> Option<(usize, usize)> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).copied().unwrap_or(self.src.len());
        Some((start, end))
    }

    /// Byte offset of (line, col).
    pub fn offset(&self, line: u32, col: u32) -> Option<usize> {
        let (start, end) = self.line_range(line)?;
        let text = &self.src[start..end];
        let skip = (col as usize).checked_sub(1)?;
        let mut it = text.char_indices();
        for _ in 0..skip {
            it.next()?;
        }
        Some(start + it.next().map(|(i, _)| i).unwrap_or(text.len()))
    }

    /// Byte range of a span.
    pub fn span(&self, s: Span) -> Option<(usize, usize)> {
        let a = self.offset(s.line, s.col)?;
        let b = self.offset(s.end_line, s.end_col)?;
        (a < b).then_some((a, b))
    }

    /// The leading whitespace of line `line`.
    pub fn indent(&self, line: u32) -> &'a str {
        match self.line_range(line) {
            Some((a, b)) => {
                let t = &self.src[a..b];
                let n = t.len() - t.trim_start_matches([' ', '\t']).len();
                &t[..n]
            }
            None => "",
        }
    }
}

/// A statement as whole lines: from its first line (decorators included)
/// to the last line of its body.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub first: u32,
    pub last: u32,
}

/// What a parse of a program offers to mutate.
#[derive(Default, Debug)]
pub struct Shape {
    /// Statements, each as whole lines.
    pub blocks: Vec<Block>,
    /// Expressions, by span.
    pub exprs: Vec<Span>,
}

/// Collects the statements and expressions of a program.
pub fn shape(src: &str) -> Option<Shape> {
    let module = parse(src).ok()?;
    let lines = Lines::new(src);
    let mut out = Shape::default();
    for s in &module.body {
        stmt_shape(s, &lines, &mut out);
    }
    Some(out)
}

/// Walks a statement; returns its last line.
fn stmt_shape(s: &Stmt, lines: &Lines, out: &mut Shape) -> u32 {
    let mut first = s.span.line;
    let mut last = s.span.end_line.max(s.span.line);
    let body = |stmts: &[Stmt], out: &mut Shape, last: &mut u32| {
        for c in stmts {
            *last = (*last).max(stmt_shape(c, lines, out));
        }
    };
    let slot = out.blocks.len();
    match &s.kind {
        StmtKind::Expr(e) => expr_shape(e, out),
        StmtKind::Assign { targets, value } => {
            for t in targets {
                expr_shape(t, out);
            }
            expr_shape(value, out);
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr_shape(target, out);
            expr_shape(value, out);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            expr_shape(target, out);
            expr_shape(annotation, out);
            if let Some(v) = value {
                expr_shape(v, out);
            }
        }
        StmtKind::FunctionDef(f) => {
            first = first.min(f.first_line);
            for d in &f.decorators {
                first = first.min(d.span.line);
                expr_shape(d, out);
            }
            params_shape(&f.params, out);
            if let Some(r) = &f.returns {
                expr_shape(r, out);
            }
            body(&f.body, out, &mut last);
        }
        StmtKind::ClassDef(c) => {
            for d in &c.decorators {
                first = first.min(d.span.line);
                expr_shape(d, out);
            }
            for b in &c.bases {
                expr_shape(b, out);
            }
            for k in &c.keywords {
                expr_shape(&k.value, out);
            }
            body(&c.body, out, &mut last);
        }
        StmtKind::Return(v) => {
            if let Some(v) = v {
                expr_shape(v, out);
            }
        }
        StmtKind::If {
            test,
            body: b,
            orelse,
        }
        | StmtKind::While {
            test,
            body: b,
            orelse,
        } => {
            expr_shape(test, out);
            body(b, out, &mut last);
            body(orelse, out, &mut last);
        }
        StmtKind::For {
            target,
            iter,
            body: b,
            orelse,
            ..
        } => {
            expr_shape(target, out);
            expr_shape(iter, out);
            body(b, out, &mut last);
            body(orelse, out, &mut last);
        }
        StmtKind::Raise { exc, cause } => {
            for e in [exc, cause].into_iter().flatten() {
                expr_shape(e, out);
            }
        }
        StmtKind::Try {
            body: b,
            handlers,
            orelse,
            finalbody,
        } => {
            body(b, out, &mut last);
            for h in handlers {
                if let Some(t) = &h.typ {
                    expr_shape(t, out);
                }
                last = last.max(h.span.end_line);
                body(&h.body, out, &mut last);
            }
            body(orelse, out, &mut last);
            body(finalbody, out, &mut last);
        }
        StmtKind::With { items, body: b, .. } => {
            for i in items {
                expr_shape(&i.context_expr, out);
                if let Some(v) = &i.optional_vars {
                    expr_shape(v, out);
                }
            }
            body(b, out, &mut last);
        }
        StmtKind::Delete(targets) => {
            for t in targets {
                expr_shape(t, out);
            }
        }
        StmtKind::Assert { test, msg } => {
            expr_shape(test, out);
            if let Some(m) = msg {
                expr_shape(m, out);
            }
        }
        StmtKind::Match { subject, cases } => {
            expr_shape(subject, out);
            for case in cases {
                if let Some(g) = &case.guard {
                    expr_shape(g, out);
                }
                last = last.max(case.span.end_line);
                body(&case.body, out, &mut last);
            }
        }
        StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_) => {}
    }
    // An `elif` is an `If` in its parent's `orelse` that starts on the
    // `elif` line: not a statement of its own in the text.
    let elif = lines
        .line_range(s.span.line)
        .map(|(a, b)| lines.src[a..b].trim_start().starts_with("elif"))
        .unwrap_or(true);
    if !elif && first >= 1 && last >= first {
        out.blocks.insert(slot, Block { first, last });
    }
    last
}

fn params_shape(p: &Params, out: &mut Shape) {
    for q in p
        .args
        .iter()
        .chain(p.vararg.iter())
        .chain(p.kwonly.iter())
        .chain(p.kwarg.iter())
    {
        if let Some(d) = &q.default {
            expr_shape(d, out);
        }
        if let Some(a) = &q.annotation {
            expr_shape(a, out);
        }
    }
}

fn fstring_shape(parts: &[FStringPart], out: &mut Shape) {
    for p in parts {
        if let FStringPart::Field {
            value, format_spec, ..
        } = p
        {
            expr_shape(value, out);
            if let Some(spec) = format_spec {
                fstring_shape(spec, out);
            }
        }
    }
}

fn expr_shape(e: &Expr, out: &mut Shape) {
    out.exprs.push(e.span);
    let comps = |gens: &[aioscope_core::lang::ast::Comprehension], out: &mut Shape| {
        for g in gens {
            expr_shape(&g.target, out);
            expr_shape(&g.iter, out);
            for i in &g.ifs {
                expr_shape(i, out);
            }
        }
    };
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
        ExprKind::JoinedStr(parts) => fstring_shape(parts, out),
        ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) => {
            for x in v {
                expr_shape(x, out);
            }
        }
        ExprKind::Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    expr_shape(k, out);
                }
                expr_shape(v, out);
            }
        }
        ExprKind::Attribute { value, .. } => expr_shape(value, out),
        ExprKind::Subscript { value, index } => {
            expr_shape(value, out);
            expr_shape(index, out);
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                expr_shape(x, out);
            }
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr_shape(func, out);
            for a in args {
                expr_shape(a, out);
            }
            for k in keywords {
                expr_shape(&k.value, out);
            }
        }
        ExprKind::BinOp { left, right, .. } => {
            expr_shape(left, out);
            expr_shape(right, out);
        }
        ExprKind::UnaryOp { operand, .. } => expr_shape(operand, out),
        ExprKind::BoolOp { values, .. } => {
            for v in values {
                expr_shape(v, out);
            }
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            expr_shape(left, out);
            for c in comparators {
                expr_shape(c, out);
            }
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr_shape(test, out);
            expr_shape(body, out);
            expr_shape(orelse, out);
        }
        ExprKind::Lambda { params, body } => {
            params_shape(params, out);
            expr_shape(body, out);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => expr_shape(v, out),
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                expr_shape(v, out);
            }
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            expr_shape(elt, out);
            comps(generators, out);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            expr_shape(key, out);
            expr_shape(value, out);
            comps(generators, out);
        }
        ExprKind::NamedExpr { value, .. } => expr_shape(value, out),
    }
}

/// Byte ranges of the tokens of `src` that have text.
pub fn token_ranges(src: &str) -> Vec<(usize, usize, bool)> {
    tokenize(src)
        .tokens
        .iter()
        .filter(|t| {
            !matches!(
                t.kind,
                TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker | TokenKind::Error
            ) && t.end > t.start
        })
        .filter(|t| (t.end as usize) <= src.len() && src.is_char_boundary(t.start as usize))
        .filter(|t| src.is_char_boundary(t.end as usize))
        .map(|t| {
            let number = matches!(
                t.kind,
                TokenKind::Int(_) | TokenKind::Float(_) | TokenKind::BigInt
            );
            (t.start as usize, t.end as usize, number)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The seed pool: statements and expressions from the seed programs
// ---------------------------------------------------------------------------

/// Pieces of the seed programs to splice into inputs.
#[derive(Default)]
pub struct Pool {
    /// Whole statements, dedented to column 0, newline-terminated.
    pub stmts: Vec<String>,
    /// Expressions on one line.
    pub exprs: Vec<String>,
}

/// The folders seed programs are read from: `AIOSCOPE_FUZZ_SEEDS`
/// (separated by `:`) or the repository's test programs and scenarios.
pub fn seed_dirs() -> Vec<std::path::PathBuf> {
    if let Ok(v) = std::env::var("AIOSCOPE_FUZZ_SEEDS") {
        return v.split(':').map(Into::into).collect();
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    [
        "tests/conformance/cases",
        "crates/aioscope-core/tests/lang",
        "crates/aioscope-core/tests/regressions",
        "scenarios",
    ]
    .iter()
    .map(|d| root.join(d))
    .collect()
}

/// The seed programs' sources, sorted by path.
pub fn seed_sources() -> Vec<String> {
    let mut paths = Vec::new();
    for d in seed_dirs() {
        if let Ok(rd) = std::fs::read_dir(&d) {
            paths.extend(
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "py")),
            );
        }
    }
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The pool, built once from the seed programs.
pub fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let mut pool = Pool::default();
        for src in seed_sources() {
            harvest(&src, &mut pool);
        }
        pool
    })
}

/// Adds the statements and expressions of `src` to `pool`.
pub fn harvest(src: &str, pool: &mut Pool) {
    let Some(shape) = shape(src) else { return };
    let lines = Lines::new(src);
    for b in &shape.blocks {
        if b.last - b.first < 40 {
            if let Some(text) = block_text(&lines, *b) {
                let indent = lines.indent(b.first);
                pool.stmts.push(reindent(text, indent, ""));
            }
        }
    }
    for e in &shape.exprs {
        if e.line == e.end_line {
            if let Some((a, b)) = lines.span(*e) {
                if b - a <= 160 {
                    pool.exprs.push(src[a..b].to_string());
                }
            }
        }
    }
}

/// The text of a block's lines, newline-terminated.
pub fn block_text<'a>(lines: &Lines<'a>, b: Block) -> Option<&'a str> {
    let (a, _) = lines.line_range(b.first)?;
    let (_, z) = lines.line_range(b.last)?;
    Some(&lines.src[a..z])
}

/// Moves `text` from indentation `from` to `to`: each line that starts
/// with `from` has it replaced by `to`; other non-blank lines get `to`
/// in front. Always ends with a newline.
pub fn reindent(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            out.push_str(line);
            continue;
        }
        out.push_str(to);
        out.push_str(line.strip_prefix(from).unwrap_or(line));
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
