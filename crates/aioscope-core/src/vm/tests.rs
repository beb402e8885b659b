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
    vm.written(super::Stream::Out)
}

#[test]
fn prints_arithmetic_like_python() {
    assert_eq!(
        run("print(1 + 2, 7 / 2, 7 // 2, -7 // 2, -7 % 3, 2 ** 10, 0.1 + 0.2)"),
        "3 3.5 3 -4 2 1024 0.30000000000000004\n"
    );
}

#[test]
fn a_built_in_module_is_compiled_once_and_shared_by_later_runs() {
    const SRC: &str = "x = 1\n";
    const OTHER: &str = "x = 2\n";
    let first = super::compiled_module("shared_mod", "", SRC).unwrap();
    let again = super::compiled_module("shared_mod", "", SRC).unwrap();
    assert!(std::rc::Rc::ptr_eq(&first, &again));
    // Another source under the same name is its own module.
    let other = super::compiled_module("shared_mod", "", OTHER).unwrap();
    assert!(!std::rc::Rc::ptr_eq(&first, &other));
    // Each run still executes the module afresh: state does not leak.
    for _ in 0..2 {
        let mut vm = Vm::new();
        vm.register_source_module("shared_mod", "items = []\n");
        vm.run_main(
            "import shared_mod\nshared_mod.items.append(1)\nprint(shared_mod.items)",
            "t.py",
        )
        .unwrap();
        let out: String = vm.written(super::Stream::Out);
        assert_eq!(out, "[1]\n");
    }
}

#[test]
fn a_submodule_is_an_attribute_of_its_package_and_can_be_imported_from_it() {
    let mut vm = Vm::new();
    vm.register_source_file("pkg", "pkg/__init__.py", "from pkg.errors import Oops\n");
    vm.register_source_file(
        "pkg.errors",
        "pkg/errors.py",
        "class Oops(Exception):\n    pass\n",
    );
    vm.register_source_file("pkg.extra", "pkg/extra.py", "x = 42\n");
    vm.run_main(
        "import pkg\nprint(pkg.errors.Oops.__module__, pkg.Oops is pkg.errors.Oops)\n\
         from pkg import extra\nprint(extra.x, pkg.extra.__file__)\n\
         try:\n    from pkg import missing\nexcept ImportError as e:\n    print(e)\n",
        "t.py",
    )
    .unwrap();
    let out = vm.written(super::Stream::Out);
    assert_eq!(
        out,
        "pkg.errors True\n42 pkg/extra.py\ncannot import name 'missing' from 'pkg' (pkg/__init__.py)\n"
    );
    assert_eq!(vm.library_source("pkg/extra.py"), Some("x = 42\n"));
}
