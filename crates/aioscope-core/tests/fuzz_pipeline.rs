//! Property: no source text makes the lexer, parser, compiler or VM panic.
//! Programs from the corpus and the fixtures are mutated at random and run
//! with a small instruction budget; each must end with a trace (ok or an
//! error exit), never a panic or a hang.
//!
//! A bounded run is part of `make test`; for a long run:
//! `AIOSCOPE_FUZZ_ITERS=100000 cargo test --release -p aioscope-core --test fuzz_pipeline`.

use std::path::PathBuf;

use aioscope_core::run::{run, Options};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "await ",
    "async ",
    "def ",
    "(",
    ")",
    ":",
    "\n",
    "    ",
    "yield ",
    "return ",
    "raise ",
    "try:",
    "except:",
    "finally:",
    "lambda: ",
    "*",
    "**",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "asyncio.sleep(0)",
    "asyncio.create_task(",
    "while True:",
    "for x in ",
    "if ",
    "else:",
    "None",
    "0",
    "1e308",
    "-",
    "'s'",
    "f'{x}'",
    "b'x'",
    "print(",
    "class C:",
    "import asyncio\n",
    "global x\n",
    "del ",
    "with ",
    "async with ",
    "not ",
    " and ",
    " or ",
    "==",
    "=",
    "+=",
    "%",
    "//",
    "1/0",
    "\\",
];

fn seeds() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("tests/lang")];
    dirs.push(root.join("../../tests/conformance/cases"));
    let mut out = Vec::new();
    for d in dirs {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|x| x == "py") {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    out.push(s);
                }
            }
        }
    }
    out
}

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut chars: Vec<char> = src.chars().collect();
    for _ in 0..1 + rng.below(4) {
        match rng.below(4) {
            0 if !chars.is_empty() => {
                let a = rng.below(chars.len());
                let b = (a + rng.below(40)).min(chars.len());
                chars.drain(a..b);
            }
            1 if !chars.is_empty() => {
                let a = rng.below(chars.len());
                let b = (a + rng.below(80)).min(chars.len());
                let piece: Vec<char> = chars[a..b].to_vec();
                let at = rng.below(chars.len());
                chars.splice(at..at, piece);
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let at = rng.below(chars.len() + 1);
                chars.splice(at..at, t.chars());
            }
            _ if !chars.is_empty() => {
                let a = rng.below(chars.len());
                chars[a] = char::from_u32(32 + rng.below(95) as u32).unwrap_or(' ');
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_programs_never_panic_the_pipeline() {
    let seeds = seeds();
    assert!(!seeds.is_empty(), "no seed programs found");
    let iters: usize = std::env::var("AIOSCOPE_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    // As the page runs them: lines and the debugger's variables recorded.
    let options = Options {
        lines: true,
        locals: true,
        instructions: 20_000,
        ..Options::default()
    };
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..iters {
        let seed = &seeds[rng.below(seeds.len())];
        let program = mutate(&mut rng, seed);
        let trace = run(&program, "fuzz.py", &options);
        assert!(!trace.frames.is_empty(), "iteration {i}: an empty trace");
        let index = aioscope_core::trace::LocalsIndex::new(&trace);
        for hit in 0..trace.lines.len().min(200) as u32 {
            let _ = (index.step_over(&trace, hit), index.step_out(&trace, hit));
            let _ = (index.after(&trace, hit), index.chain(&trace, hit).len());
        }
    }
}

#[test]
fn random_token_soup_never_panics_the_pipeline() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let options = Options {
        lines: false,
        instructions: 5_000,
        ..Options::default()
    };
    for _ in 0..300 {
        let n = 1 + rng.below(40);
        let program: String = (0..n).map(|_| TOKENS[rng.below(TOKENS.len())]).collect();
        let _ = run(&program, "soup.py", &options);
    }
}
