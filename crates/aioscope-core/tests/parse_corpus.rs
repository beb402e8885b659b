//! Every program of the conformance corpus (and the `net` module they
//! import) parses and compiles, except those CPython itself rejects with a
//! `SyntaxError` (their transcript says so), which must fail to parse here
//! too; and mutations of them never make the parser panic.
//!
//! The corpus is the repository's `tests/conformance`. A missing corpus
//! fails the tests rather than letting them pass on nothing.

use std::path::PathBuf;

use aioscope_core::lang::ast::{Module, Span, Stmt};
use aioscope_core::lang::compiler::compile;
use aioscope_core::lang::parser::parse;

fn corpus_dir() -> PathBuf {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/conformance"
    ));
    assert!(
        dir.join("cases").is_dir(),
        "conformance corpus not found at {}",
        dir.display()
    );
    dir
}

/// `(file name, source)` of `cases/*.py` and `net.py`.
fn corpus() -> Vec<(String, String)> {
    let dir = corpus_dir();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("cases"))
        .expect("cannot list the corpus cases")
        .map(|e| e.expect("cannot read a corpus entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    paths.push(dir.join("net.py"));
    paths
        .into_iter()
        .map(|p| {
            let src = std::fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("cannot read {}: {}", p.display(), e));
            (p.file_name().unwrap().to_string_lossy().into_owned(), src)
        })
        .collect()
}

fn check_span(name: &str, lines: u32, s: Span) {
    assert!(
        s.line >= 1 && s.line <= s.end_line && s.end_line <= lines && s.col >= 1,
        "{}: bad span {:?}",
        name,
        s
    );
}

fn check_body(name: &str, lines: u32, body: &[Stmt]) {
    for st in body {
        check_span(name, lines, st.span);
    }
}

/// Whether CPython refuses to compile the case `name`: its expected
/// transcript ends with a `SyntaxError` exit.
fn rejected_by_cpython(name: &str) -> bool {
    let expected = corpus_dir()
        .join("cases")
        .join(name.replace(".py", ".expected.jsonl"));
    std::fs::read_to_string(expected).is_ok_and(|t| {
        t.lines()
            .any(|l| l.contains("\"exit\"") && l.contains("\"exc\": \"SyntaxError"))
    })
}

#[test]
fn every_corpus_program_parses() {
    let files = corpus();
    assert!(files.len() > 10, "only {} corpus files found", files.len());
    for (name, src) in &files {
        if rejected_by_cpython(name) {
            assert!(
                parse(src).is_err(),
                "{}: CPython rejects it, we parse it",
                name
            );
            continue;
        }
        let module: Module = parse(src).unwrap_or_else(|e| panic!("{}: {}", name, e));
        assert!(!module.body.is_empty(), "{}: no statements", name);
        check_body(name, src.lines().count() as u32, &module.body);
    }
}

#[test]
fn every_corpus_program_compiles() {
    for (name, src) in &corpus() {
        if rejected_by_cpython(name) {
            continue;
        }
        let module = parse(src).unwrap_or_else(|e| panic!("{}: {}", name, e));
        let code = compile(&module, name).unwrap_or_else(|e| panic!("{}: {}", name, e));
        assert!(!code.instrs.is_empty(), "{}: no code", name);
    }
}

/// A deterministic xorshift generator (no crates needed).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "=", ".", "\n", "    ", "\t", "\\", "#", "'", "\"",
    "'''", "f'{", "}", "if", "else", "for", "in", "not", "lambda", "await", "async", "def",
    "return", "yield", "*", "**", "-", "1", "0x", "x", "é", ":=", "@", ";",
];

/// Deletes, duplicates or swaps a range of characters, or inserts a
/// fragment (always at character boundaries).
fn mutate(rng: &mut XorShift, src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let n = chars.len();
    if n == 0 {
        return String::new();
    }
    let i = rng.below(n);
    let j = (i + 1 + rng.below(12)).min(n);
    let mut out: Vec<char> = Vec::with_capacity(n + 16);
    match rng.below(4) {
        0 => {
            out.extend(&chars[..i]);
            out.extend(&chars[j..]);
        }
        1 => {
            out.extend(&chars[..j]);
            out.extend(&chars[i..]);
        }
        2 => {
            let k = rng.below(n);
            let (a, b) = if k < i { (k, i) } else { (i, k) };
            out.extend(&chars[..a]);
            out.extend(&chars[b..]);
            out.extend(&chars[a..b]);
        }
        _ => {
            out.extend(&chars[..i]);
            out.extend(FRAGMENTS[rng.below(FRAGMENTS.len())].chars());
            out.extend(&chars[i..]);
        }
    }
    out.into_iter().collect()
}

#[test]
fn mutated_corpus_programs_never_panic() {
    let files = corpus();
    let mut rng = XorShift(0x5851_f42d_4c95_7f2d);
    for round in 0..10_000 {
        let (name, src) = &files[rng.below(files.len())];
        // A window of the program keeps each parse small.
        let lines: Vec<&str> = src.lines().collect();
        let from = rng.below(lines.len());
        let to = (from + 5 + rng.below(40)).min(lines.len());
        let mut text = lines[from..to].join("\n");
        for _ in 0..1 + rng.below(3) {
            text = mutate(&mut rng, &text);
        }
        match parse(&text) {
            Ok(module) => check_body(name, text.lines().count().max(1) as u32, &module.body),
            Err(e) => assert!(
                e.line >= 1 && e.line as usize <= text.lines().count() + 1,
                "round {} ({}): error {:?} off the text {:?}",
                round,
                name,
                e,
                text
            ),
        }
    }
}
