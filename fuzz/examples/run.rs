//! Runs a program as the fuzz target does and prints its stdout, stderr
//! and how it ended, to compare with `python3 FILE` when writing a
//! regression fixture: `cargo run --example run -- FILE`.
use aioscope_core::run::run;

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(&path).expect("a readable file");
    let trace = run(
        &String::from_utf8_lossy(&bytes),
        "fuzz.py",
        &aioscope_fuzz::options(),
    );
    print!("{}", trace.stdout);
    eprint!("{}", trace.stderr);
    eprintln!("--- {} frames; exit: {}", trace.len(), trace.exit.summary());
}
