//! Language tests: each runs a snippet and compares stdout with what
//! CPython 3.11 prints for it (expectations taken from real runs).

use super::{RunError, Vm};

fn run(src: &str) -> String {
    let mut vm = Vm::new();
    match vm.run_main(src, "t.py") {
        Ok(()) => {}
        Err(RunError::Exception(e)) => {
            let s = vm.exception_summary(&e);
            vm.write_stdout(&format!("!{}\n", s));
        }
        Err(RunError::Syntax(e)) => vm.write_stdout(&format!("!{}\n", e)),
        Err(RunError::Halt(h)) => vm.write_stdout(&format!("!halt {}\n", h)),
    }
    vm.stdout.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn prints_arithmetic_like_python() {
    assert_eq!(
        run("print(1 + 2, 7 / 2, 7 // 2, -7 // 2, -7 % 3, 2 ** 10, 0.1 + 0.2)"),
        "3 3.5 3 -4 2 1024 0.30000000000000004\n"
    );
}
