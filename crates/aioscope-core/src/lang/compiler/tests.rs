//! Errors found after parsing (scope analysis and compilation), each
//! message and position checked against CPython 3.11.

use crate::lang::compiler::compile_source;
use crate::lang::error::SyntaxErrorKind;

/// `(message, line, col)` of the `SyntaxError` compiling `src` gives.
fn err(src: &str) -> (String, u32, u32) {
    let e = compile_source(src, "t.py").expect_err(src);
    assert_eq!(e.kind, SyntaxErrorKind::Syntax, "{:?}: {:?}", src, e);
    (e.msg, e.line, e.col)
}

fn compiles(src: &str) {
    if let Err(e) = compile_source(src, "t.py") {
        panic!("{:?} does not compile: {}", src, e);
    }
}

#[test]
fn assignment_expressions_refuse_what_cpython_refuses() {
    assert_eq!(
        err("[(y := 1) for y in range(3)]\n"),
        (
            "assignment expression cannot rebind comprehension iteration variable 'y'".into(),
            1,
            3
        )
    );
    assert_eq!(
        err("class A:\n    [(z := 1) for x in range(3)]\n"),
        (
            "assignment expression within a comprehension cannot be used in a class body".into(),
            2,
            7
        )
    );
    assert_eq!(
        err("[i for i in range(3) if (j := i) for j in range(2)]\n"),
        (
            "comprehension inner loop cannot rebind assignment expression target 'j'".into(),
            1,
            38
        )
    );
    assert_eq!(
        err("[x for x in (y := [1, 2])]\n"),
        (
            "assignment expression cannot be used in a comprehension iterable expression".into(),
            1,
            14
        )
    );
    assert_eq!(
        err("[[y for y in (z := [1])] for x in [1]]\n"),
        (
            "assignment expression cannot be used in a comprehension iterable expression".into(),
            1,
            15
        )
    );
    assert_eq!(
        err("def f():\n    [[(x := 1) for y in range(2)] for x in range(2)]\n"),
        (
            "assignment expression cannot rebind comprehension iteration variable 'x'".into(),
            2,
            8
        )
    );
    assert_eq!(
        err("[x for x in [1] if [(x := 2) for _ in [1]]]\n"),
        (
            "assignment expression cannot rebind comprehension iteration variable 'x'".into(),
            1,
            22
        )
    );
    // A lambda is its own scope: its walrus rebinds nothing outside.
    compiles("[(lambda: (x := 1)) for x in range(2)]\n");
}

#[test]
fn starred_expressions_and_keywords_fail_as_in_cpython() {
    assert_eq!(
        err("a, *b, *c = range(5)\n"),
        ("multiple starred expressions in assignment".into(), 1, 1)
    );
    assert_eq!(
        err("f(*a, x=1, x=2)\n"),
        ("keyword argument repeated: x".into(), 1, 12)
    );
}

#[test]
fn an_except_star_handler_cannot_be_left_by_break_continue_or_return() {
    const MSG: &str = "'break', 'continue' and 'return' cannot appear in an except* block";
    assert_eq!(
        err("for x in []:\n    try:\n        pass\n    except* ValueError:\n        break\n"),
        (MSG.into(), 5, 9)
    );
    assert_eq!(
        err("for x in []:\n    try:\n        pass\n    except* ValueError:\n        continue\n"),
        (MSG.into(), 5, 9)
    );
    // CPython points at the returned value.
    assert_eq!(
        err("def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n"),
        (MSG.into(), 5, 16)
    );
    // A loop or a function inside the handler is fine.
    compiles(
        "try:\n    pass\nexcept* ValueError:\n    for x in []:\n        break\n    def f():\n        return 1\n",
    );
    compiles("def f():\n    try:\n        pass\n    except* ValueError:\n        pass\n    finally:\n        return 1\n");
}

#[test]
fn match_patterns_that_bind_wrongly_fail_as_in_cpython() {
    let m = |case: &str| format!("match x:\n    {}\n    case 2: pass\n", case);
    assert_eq!(
        err(&m("case y: pass")),
        (
            "name capture 'y' makes remaining patterns unreachable".into(),
            2,
            10
        )
    );
    assert_eq!(
        err(&m("case _: pass")),
        (
            "wildcard makes remaining patterns unreachable".into(),
            2,
            10
        )
    );
    assert_eq!(
        err(&m("case (y): pass")),
        (
            "name capture 'y' makes remaining patterns unreachable".into(),
            2,
            11
        )
    );
    // A guard makes a capture refutable.
    compiles(&m("case y if y: pass"));
    assert_eq!(
        err("match x:\n    case a | b: pass\n"),
        (
            "name capture 'a' makes remaining patterns unreachable".into(),
            2,
            10
        )
    );
    assert_eq!(
        err("match x:\n    case 1 | a: pass\n").0,
        "alternative patterns bind different names"
    );
    assert_eq!(
        err("match x:\n    case [a, a]: pass\n"),
        ("multiple assignments to name 'a' in pattern".into(), 2, 14)
    );
    assert_eq!(
        err("match x:\n    case [*a, *b]: pass\n"),
        ("multiple starred names in sequence pattern".into(), 2, 10)
    );
    assert_eq!(
        err("match x:\n    case {1: a, 1: b}: pass\n"),
        ("mapping pattern checks duplicate key (1)".into(), 2, 10)
    );
    assert_eq!(
        err("match x:\n    case {'a': 1, 'a': 2}: pass\n").0,
        "mapping pattern checks duplicate key ('a')"
    );
    assert_eq!(
        err("match x:\n    case C(a=1, a=2): pass\n"),
        ("attribute name repeated in class pattern: a".into(), 2, 19)
    );
    compiles("match x:\n    case (a, b) | (b, a): pass\n");
}

#[test]
fn global_and_nonlocal_declarations_fail_as_in_cpython() {
    assert_eq!(
        err("def f():\n    x = 1\n    global x\n").0,
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(
        err("def f():\n    print(x)\n    global x\n").0,
        "name 'x' is used prior to global declaration"
    );
    assert_eq!(
        err("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n").0,
        "name 'x' is assigned to before nonlocal declaration"
    );
    assert_eq!(
        err("def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x\n").0,
        "name 'x' is nonlocal and global"
    );
    assert_eq!(
        err("def f():\n    x: int = 1\n    global x\n").0,
        "annotated name 'x' can't be global"
    );
    assert_eq!(
        err("def f():\n    global x\n    x: int = 1\n").0,
        "annotated name 'x' can't be global"
    );
    assert_eq!(
        err("def f():\n    continue\n"),
        ("'continue' not properly in loop".into(), 2, 5)
    );
    assert_eq!(err("break\n"), ("'break' outside loop".into(), 1, 1));
}

#[test]
fn future_statements_fail_as_in_cpython() {
    let late = "from __future__ imports must occur at the beginning of the file";
    assert_eq!(
        err("x = 1\nfrom __future__ import annotations\n"),
        (late.into(), 2, 1)
    );
    assert_eq!(
        err("def f():\n    from __future__ import annotations\n"),
        (late.into(), 2, 5)
    );
    assert_eq!(
        err("'''doc'''\nfrom __future__ import braces\n"),
        ("not a chance".into(), 2, 1)
    );
    assert_eq!(
        err("from __future__ import annotations, nope\n"),
        ("future feature nope is not defined".into(), 1, 1)
    );
    compiles("'''doc'''\nfrom __future__ import annotations\nfrom __future__ import division\nx: Undefined = 1\n");
}
