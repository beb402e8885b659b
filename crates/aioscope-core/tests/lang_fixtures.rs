//! Runs every `tests/lang/NAME.py` (and `tests/regressions/NAME.py`) and
//! compares its stdout with
//! `NAME.out`, which CPython 3.11 printed for the same file
//! (`python3 NAME.py > NAME.out`), and its stderr with `NAME.err` when
//! that file exists (`2> NAME.err`). One file per language feature.

use std::path::Path;

use aioscope_core::run::{run, Options};

/// stdout and stderr of a run.
fn outputs(source: &str, filename: &str) -> (String, String) {
    let options = Options {
        lines: false,
        ..Options::default()
    };
    let trace = run(source, filename, &options);
    (trace.stdout, trace.stderr)
}

/// Runs every fixture of `tests/DIR` and reports those that differ.
fn check_dir(dir: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {}", dir.display(), e))
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
        let (got, got_err) = outputs(&source, &name);
        if got != expected {
            failures.push(format!(
                "--- {}\nexpected:\n{}\ngot:\n{}",
                name, expected, got
            ));
        }
        if let Ok(expected_err) = std::fs::read_to_string(py.with_extension("err")) {
            if got_err != expected_err {
                failures.push(format!(
                    "--- {} (stderr)\nexpected:\n{}\ngot:\n{}",
                    name, expected_err, got_err
                ));
            }
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

#[test]
fn every_fixture_prints_what_cpython_printed() {
    check_dir("lang");
}

/// Programs that once crashed the simulator (found by the fuzzer or by
/// hand), each written so that CPython's behaviour shows on stdout.
#[test]
fn every_former_crash_now_behaves_as_cpython() {
    check_dir("regressions");
}
