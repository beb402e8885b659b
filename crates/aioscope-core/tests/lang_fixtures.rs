//! Runs every `tests/lang/NAME.py` and compares its stdout with
//! `NAME.out`, which CPython 3.11 printed for the same file
//! (`python3 NAME.py > NAME.out`). One file per language feature.

use std::path::Path;

use aioscope_core::aio::sim::new_vm;
use aioscope_core::vm::RunError;

fn run(source: &str, filename: &str) -> String {
    let mut vm = new_vm();
    let result = vm.run_main(source, filename);
    let mut out: String = vm.stdout.iter().map(|r| r.text.as_str()).collect();
    match result {
        Ok(()) => {}
        Err(RunError::Exception(e)) => out.push_str(&vm.format_traceback(&e)),
        Err(RunError::Syntax(e)) => out.push_str(&e.render(filename, source)),
        Err(RunError::Halt(h)) => out.push_str(&h.to_string()),
    }
    out
}

#[test]
fn every_fixture_prints_what_cpython_printed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/lang exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no fixtures in {}", dir.display());
    let mut failures = Vec::new();
    for py in &names {
        let source = std::fs::read_to_string(py).expect("readable fixture");
        let expected =
            std::fs::read_to_string(py.with_extension("out")).expect("NAME.out beside NAME.py");
        let name = py.file_name().unwrap().to_string_lossy().into_owned();
        let got = run(&source, &name);
        if got != expected {
            failures.push(format!(
                "--- {}\nexpected:\n{}\ngot:\n{}",
                name, expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
