//! Parser tests: the shape of the tree for each construct (as compact
//! S-expressions, so each test is one line), spans, CPython's error
//! messages and positions (each checked against CPython 3.11), and
//! robustness on hostile input.

use super::*;
use crate::lang::error::SyntaxErrorKind;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn module(src: &str) -> Module {
    parse(src).unwrap_or_else(|e| panic!("{:?} failed to parse: {}", src, e))
}

/// The statements of `src`, one S-expression each, joined with `; `.
fn stmts(src: &str) -> String {
    let m = module(src);
    m.body.iter().map(st).collect::<Vec<_>>().join("; ")
}

/// The expression statement `src`, as an S-expression.
fn ex(src: &str) -> String {
    expr_of(src).map_or_else(|| panic!("{:?} is not an expression", src), |e| sx(&e))
}

fn expr_of(src: &str) -> Option<Expr> {
    match module(src).body.into_iter().next()?.kind {
        StmtKind::Expr(e) => Some(e),
        _ => None,
    }
}

/// `(message, line, col)` of the `SyntaxError` for `src`.
fn err(src: &str) -> (String, u32, u32) {
    let e = parse(src).expect_err(src);
    assert_eq!(e.kind, SyntaxErrorKind::Syntax, "{:?}: {:?}", src, e);
    (e.msg, e.line, e.col)
}

/// The same for an `IndentationError` (or `TabError`).
fn indent_err(src: &str) -> (String, u32, u32) {
    let e = parse(src).expect_err(src);
    assert_eq!(e.kind, SyntaxErrorKind::Indentation, "{:?}: {:?}", src, e);
    (e.msg, e.line, e.col)
}

/// The feature named by the "not supported yet" error for `src`.
fn unsupported(src: &str) -> (String, u32, u32) {
    let e = parse(src).expect_err(src);
    assert_eq!(e.kind, SyntaxErrorKind::Unsupported, "{:?}: {:?}", src, e);
    (e.msg, e.line, e.col)
}

/// `line:col-end_line:end_col`.
fn span(s: Span) -> String {
    format!("{}:{}-{}:{}", s.line, s.col, s.end_line, s.end_col)
}

fn list(es: &[Expr]) -> String {
    es.iter().map(sx).collect::<Vec<_>>().join(" ")
}

fn block(ss: &[Stmt]) -> String {
    format!("[{}]", ss.iter().map(st).collect::<Vec<_>>().join("; "))
}

fn opt(e: &Option<Expr>) -> String {
    e.as_ref().map_or("_".into(), sx)
}

fn optb(e: &Option<Box<Expr>>) -> String {
    e.as_deref().map_or("_".into(), sx)
}

fn keywords(ks: &[Keyword]) -> String {
    ks.iter()
        .map(|k| match &k.arg {
            Some(a) => format!(" {}={}", a, sx(&k.value)),
            None => format!(" **{}", sx(&k.value)),
        })
        .collect()
}

fn gens(gs: &[Comprehension]) -> String {
    gs.iter()
        .map(|g| {
            let ifs: String = g.ifs.iter().map(|c| format!(" if {}", sx(c))).collect();
            let kw = if g.is_async { "async for" } else { "for" };
            format!(" ({} {} in {}{})", kw, sx(&g.target), sx(&g.iter), ifs)
        })
        .collect()
}

fn params(p: &Params) -> String {
    let mut out = Vec::new();
    let one = |q: &Param| {
        let mut s = q.name.to_string();
        if let Some(a) = &q.annotation {
            s += &format!(":{}", sx(a));
        }
        if let Some(d) = &q.default {
            s += &format!("={}", sx(d));
        }
        s
    };
    for (i, a) in p.args.iter().enumerate() {
        out.push(one(a));
        if i + 1 == p.posonly {
            out.push("/".into());
        }
    }
    match &p.vararg {
        Some(v) => out.push(format!("*{}", one(v))),
        None if !p.kwonly.is_empty() => out.push("*".into()),
        None => {}
    }
    out.extend(p.kwonly.iter().map(one));
    if let Some(k) = &p.kwarg {
        out.push(format!("**{}", one(k)));
    }
    format!("({})", out.join(" "))
}

fn parts(ps: &[FStringPart]) -> String {
    ps.iter()
        .map(|p| match p {
            FStringPart::Literal(s) => format!(" {:?}", s),
            FStringPart::Field {
                value,
                conversion,
                format_spec,
                debug_text,
            } => {
                let mut s = String::from(" {");
                if let Some(t) = debug_text {
                    s += &format!("{:?}=", t);
                }
                s += &sx(value);
                if let Some(c) = conversion {
                    s += &format!("!{}", c);
                }
                if let Some(spec) = format_spec {
                    s += &format!(":{}", parts(spec).trim_start());
                }
                s + "}"
            }
        })
        .collect()
}

/// An expression as an S-expression.
fn sx(e: &Expr) -> String {
    use ExprKind::*;
    match &e.kind {
        Name(n) => n.to_string(),
        Constant(c) => match c {
            super::Constant::None => "None".into(),
            super::Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            super::Constant::Int(i) => i.to_string(),
            super::Constant::BigInt(i) => i.to_string(),
            super::Constant::Float(f) => format!("{:?}", f),
            super::Constant::Str(s) => format!("{:?}", s),
            super::Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
            super::Constant::Ellipsis => "...".into(),
        },
        JoinedStr(ps) => format!("(f{})", parts(ps)),
        List(xs) => format!("[{}]", list(xs)),
        Tuple(xs) => format!("(tuple {})", list(xs)),
        Set(xs) => format!("{{{}}}", list(xs)),
        Dict(entries) => {
            let es: Vec<String> = entries
                .iter()
                .map(|(k, v)| match k {
                    Some(k) => format!("{}:{}", sx(k), sx(v)),
                    None => format!("**{}", sx(v)),
                })
                .collect();
            format!("{{{}}}", es.join(" "))
        }
        Attribute { value, attr } => format!("(. {} {})", sx(value), attr),
        Subscript { value, index } => format!("([] {} {})", sx(value), sx(index)),
        Slice { lower, upper, step } => {
            format!("(: {} {} {})", optb(lower), optb(upper), optb(step))
        }
        Call {
            func,
            args,
            keywords: ks,
        } => {
            let a: String = args.iter().map(|a| format!(" {}", sx(a))).collect();
            format!("(call {}{}{})", sx(func), a, keywords(ks))
        }
        BinOp { left, op, right } => format!("({:?} {} {})", op, sx(left), sx(right)),
        UnaryOp { op, operand } => format!("({:?} {})", op, sx(operand)),
        BoolOp { op, values } => format!("({:?} {})", op, list(values)),
        Compare {
            left,
            ops,
            comparators,
        } => {
            let rest: String = ops
                .iter()
                .zip(comparators)
                .map(|(o, c)| format!(" {:?} {}", o, sx(c)))
                .collect();
            format!("(cmp {}{})", sx(left), rest)
        }
        IfExp { test, body, orelse } => {
            format!("(if {} {} {})", sx(test), sx(body), sx(orelse))
        }
        Lambda { params: p, body } => format!("(lambda {} {})", params(p), sx(body)),
        Await(v) => format!("(await {})", sx(v)),
        Yield(v) => format!("(yield {})", optb(v)),
        YieldFrom(v) => format!("(yield-from {})", sx(v)),
        Starred(v) => format!("*{}", sx(v)),
        ListComp { elt, generators } => format!("(listcomp {}{})", sx(elt), gens(generators)),
        SetComp { elt, generators } => format!("(setcomp {}{})", sx(elt), gens(generators)),
        GeneratorExp { elt, generators } => format!("(genexp {}{})", sx(elt), gens(generators)),
        DictComp {
            key,
            value,
            generators,
        } => format!("(dictcomp {}:{}{})", sx(key), sx(value), gens(generators)),
        NamedExpr { target, value } => format!("(:= {} {})", target, sx(value)),
    }
}

/// A statement as an S-expression.
/// A pattern as an S-expression.
fn pat(p: &Pattern) -> String {
    let pats = |ps: &[Pattern]| ps.iter().map(pat).collect::<Vec<_>>().join(" ");
    match &p.kind {
        PatternKind::Value(e) => format!("(value {})", sx(e)),
        PatternKind::Singleton(c) => format!("(is {:?})", c),
        PatternKind::Sequence(items) => format!("[{}]", pats(items)),
        PatternKind::Mapping {
            keys,
            patterns,
            rest,
        } => {
            let items: Vec<String> = keys
                .iter()
                .zip(patterns)
                .map(|(k, v)| format!("{}: {}", sx(k), pat(v)))
                .collect();
            let rest = rest.as_ref().map_or(String::new(), |r| format!(" **{}", r));
            format!("{{{}{}}}", items.join(", "), rest)
        }
        PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        } => {
            let kws: String = kwd_attrs
                .iter()
                .zip(kwd_patterns)
                .map(|(a, p)| format!(" {}={}", a, pat(p)))
                .collect();
            format!("({} {}{})", sx(cls), pats(patterns), kws)
        }
        PatternKind::Star(name) => format!("*{}", name.as_deref().unwrap_or("_")),
        PatternKind::As { pattern, name } => match (pattern, name) {
            (None, None) => "_".into(),
            (None, Some(n)) => n.to_string(),
            (Some(p), n) => format!("(as {} {})", pat(p), n.as_deref().unwrap_or("_")),
        },
        PatternKind::Or(alts) => format!("(| {})", pats(alts)),
    }
}

fn st(s: &Stmt) -> String {
    use StmtKind::*;
    match &s.kind {
        Expr(e) => sx(e),
        Assign { targets, value } => format!("(= {} {})", list(targets), sx(value)),
        AugAssign { target, op, value } => format!("({:?}= {} {})", op, sx(target), sx(value)),
        AnnAssign {
            target,
            annotation,
            value,
        } => format!("(: {} {} {})", sx(target), sx(annotation), opt(value)),
        FunctionDef(d) => {
            let decorators: String = d
                .decorators
                .iter()
                .map(|x| format!("@{} ", sx(x)))
                .collect();
            let returns = d
                .returns
                .as_ref()
                .map_or(String::new(), |r| format!(" -> {}", sx(r)));
            let kw = if d.is_async { "async def" } else { "def" };
            format!(
                "({}{} {} {}{} {})",
                decorators,
                kw,
                d.name,
                params(&d.params),
                returns,
                block(&d.body)
            )
        }
        ClassDef(c) => {
            let decorators: String = c
                .decorators
                .iter()
                .map(|x| format!("@{} ", sx(x)))
                .collect();
            let bases: String = c.bases.iter().map(|b| format!(" {}", sx(b))).collect();
            format!(
                "({}class {}{}{} {})",
                decorators,
                c.name,
                bases,
                keywords(&c.keywords),
                block(&c.body)
            )
        }
        Return(v) => format!("(return {})", opt(v)),
        If { test, body, orelse } => format!("(if {} {} {})", sx(test), block(body), block(orelse)),
        While { test, body, orelse } => {
            format!("(while {} {} {})", sx(test), block(body), block(orelse))
        }
        For {
            target,
            iter,
            body,
            orelse,
            is_async,
        } => format!(
            "({} {} {} {} {})",
            if *is_async { "async-for" } else { "for" },
            sx(target),
            sx(iter),
            block(body),
            block(orelse)
        ),
        Break => "break".into(),
        Continue => "continue".into(),
        Pass => "pass".into(),
        Raise { exc, cause } => format!("(raise {} {})", opt(exc), opt(cause)),
        Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let hs: String = handlers
                .iter()
                .map(|h| {
                    let name = h.name.as_deref().unwrap_or("_");
                    let kw = if h.is_star { "except*" } else { "except" };
                    format!(" ({} {} {} {})", kw, opt(&h.typ), name, block(&h.body))
                })
                .collect();
            format!(
                "(try {}{} {} {})",
                block(body),
                hs,
                block(orelse),
                block(finalbody)
            )
        }
        With {
            items,
            body,
            is_async,
        } => {
            let its: String = items
                .iter()
                .map(|i| format!(" ({} {})", sx(&i.context_expr), opt(&i.optional_vars)))
                .collect();
            let kw = if *is_async { "async-with" } else { "with" };
            format!("({}{} {})", kw, its, block(body))
        }
        Import(names) => format!("(import{})", aliases(names)),
        ImportFrom {
            module,
            names,
            level,
        } => format!(
            "(from {}{}{})",
            ".".repeat(*level as usize),
            module,
            aliases(names)
        ),
        Global(ns) => format!("(global {})", ns.join(" ")),
        Nonlocal(ns) => format!("(nonlocal {})", ns.join(" ")),
        Delete(ts) => format!("(del {})", list(ts)),
        Assert { test, msg } => format!("(assert {} {})", sx(test), opt(msg)),
        Match { subject, cases } => {
            let cs: String = cases
                .iter()
                .map(|c| {
                    format!(
                        " (case {} {} {})",
                        pat(&c.pattern),
                        opt(&c.guard),
                        block(&c.body)
                    )
                })
                .collect();
            format!("(match {}{})", sx(subject), cs)
        }
    }
}

fn aliases(names: &[Alias]) -> String {
    names
        .iter()
        .map(|a| match &a.asname {
            Some(asname) => format!(" {} as {}", a.name, asname),
            None => format!(" {}", a.name),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

#[test]
fn atoms() {
    assert_eq!(ex("x"), "x");
    assert_eq!(ex("42"), "42");
    assert_eq!(ex("1_000_000"), "1000000");
    assert_eq!(ex("0x_ff"), "255");
    assert_eq!(ex("0o17"), "15");
    assert_eq!(ex("0b101"), "5");
    assert_eq!(ex("1.5"), "1.5");
    assert_eq!(ex(".5"), "0.5");
    assert_eq!(ex("1e-3"), "0.001");
    assert_eq!(ex("1_000.0"), "1000.0");
    assert_eq!(ex("None"), "None");
    assert_eq!(ex("True"), "True");
    assert_eq!(ex("False"), "False");
    assert_eq!(ex("..."), "...");
}

#[test]
fn precedence_and_associativity() {
    assert_eq!(ex("a + b * c"), "(Add a (Mult b c))");
    assert_eq!(ex("a - b - c"), "(Sub (Sub a b) c)");
    assert_eq!(ex("a ** b ** c"), "(Pow a (Pow b c))");
    assert_eq!(ex("-2 ** 2"), "(USub (Pow 2 2))");
    assert_eq!(ex("2 ** -1"), "(Pow 2 (USub 1))");
    assert_eq!(ex("-a * b"), "(Mult (USub a) b)");
    assert_eq!(ex("~a ** b"), "(Invert (Pow a b))");
    assert_eq!(ex("a | b ^ c & d"), "(BitOr a (BitXor b (BitAnd c d)))");
    assert_eq!(ex("a << b + c"), "(LShift a (Add b c))");
    assert_eq!(
        ex("a @ b // c % d / e"),
        "(Div (Mod (FloorDiv (MatMult a b) c) d) e)"
    );
    assert_eq!(ex("(a + b) * c"), "(Mult (Add a b) c)");
    assert_eq!(ex("await a ** 2"), "(Pow (await a) 2)");
}

#[test]
fn unary_minus_on_a_literal_stays_an_operation() {
    assert_eq!(ex("-1"), "(USub 1)");
    assert_eq!(ex("+-1"), "(UAdd (USub 1))");
}

#[test]
fn boolean_operators_flatten() {
    assert_eq!(ex("a or b or c"), "(Or a b c)");
    assert_eq!(ex("a and b or c and d"), "(Or (And a b) (And c d))");
    assert_eq!(ex("not a and not b"), "(And (Not a) (Not b))");
    assert_eq!(ex("not a == b"), "(Not (cmp a Eq b))");
}

#[test]
fn comparisons_chain() {
    assert_eq!(ex("a < b <= c"), "(cmp a Lt b LtE c)");
    assert_eq!(
        ex("a == b != c > d >= e"),
        "(cmp a Eq b NotEq c Gt d GtE e)"
    );
    assert_eq!(ex("a in b not in c"), "(cmp a In b NotIn c)");
    assert_eq!(ex("a is b is not c"), "(cmp a Is b IsNot c)");
    assert_eq!(ex("a | b < c"), "(cmp (BitOr a b) Lt c)");
}

#[test]
fn conditional_expressions_and_lambdas() {
    assert_eq!(ex("a if b else c"), "(if b a c)");
    assert_eq!(ex("a if b else c if d else e"), "(if b a (if d c e))");
    assert_eq!(ex("lambda: 0"), "(lambda () 0)");
    assert_eq!(ex("lambda x, y=1: x"), "(lambda (x y=1) x)");
    assert_eq!(
        ex("lambda a, /, b, *c, d, e=2, **f: 0"),
        "(lambda (a / b *c d e=2 **f) 0)"
    );
    assert_eq!(ex("lambda *, k: k"), "(lambda (* k) k)");
    assert_eq!(ex("lambda: a if b else c"), "(lambda () (if b a c))");
}

#[test]
fn calls() {
    assert_eq!(ex("f()"), "(call f)");
    assert_eq!(ex("f(a, b)"), "(call f a b)");
    assert_eq!(ex("f(a, k=1)"), "(call f a k=1)");
    assert_eq!(ex("f(*args, **kw)"), "(call f *args **kw)");
    assert_eq!(
        ex("f(a, *b, c=1, *d, **e, g=2)"),
        "(call f a *b *d c=1 **e g=2)"
    );
    assert_eq!(ex("f(*a if b else c)"), "(call f *(if b a c))");
    assert_eq!(ex("f(x := 1)"), "(call f (:= x 1))");
    assert_eq!(ex("f(a,)"), "(call f a)");
    assert_eq!(ex("f(x for x in y)"), "(call f (genexp x (for x in y)))");
    assert_eq!(ex("f(a)(b)"), "(call (call f a) b)");
}

#[test]
fn attributes_and_subscripts() {
    assert_eq!(ex("a.b.c"), "(. (. a b) c)");
    assert_eq!(ex("a[1]"), "([] a 1)");
    assert_eq!(ex("a[1:2]"), "([] a (: 1 2 _))");
    assert_eq!(ex("a[::2]"), "([] a (: _ _ 2))");
    assert_eq!(ex("a[:]"), "([] a (: _ _ _))");
    assert_eq!(ex("a[1:]"), "([] a (: 1 _ _))");
    assert_eq!(ex("a[1, 2]"), "([] a (tuple 1 2))");
    assert_eq!(ex("a[1:2, ::3]"), "([] a (tuple (: 1 2 _) (: _ _ 3)))");
    assert_eq!(ex("a[1,]"), "([] a (tuple 1))");
    assert_eq!(ex("a[*b]"), "([] a (tuple *b))");
    assert_eq!(ex("a.b[c](d).e"), "(. (call ([] (. a b) c) d) e)");
}

#[test]
fn displays() {
    assert_eq!(ex("()"), "(tuple )");
    assert_eq!(ex("(a,)"), "(tuple a)");
    assert_eq!(ex("(a)"), "a");
    assert_eq!(ex("a, b"), "(tuple a b)");
    assert_eq!(ex("a, *b"), "(tuple a *b)");
    assert_eq!(ex("[]"), "[]");
    assert_eq!(ex("[a, *b, c,]"), "[a *b c]");
    assert_eq!(ex("{}"), "{}");
    assert_eq!(ex("{a: 1, **m, 'b': 2}"), "{a:1 **m \"b\":2}");
    assert_eq!(ex("{**m}"), "{**m}");
    assert_eq!(ex("{a, *b}"), "{a *b}");
}

#[test]
fn comprehensions() {
    assert_eq!(ex("[x for x in y]"), "(listcomp x (for x in y))");
    assert_eq!(
        ex("[x * y for x in a if x if x > 1 for y in b]"),
        "(listcomp (Mult x y) (for x in a if x if (cmp x Gt 1)) (for y in b))"
    );
    assert_eq!(ex("{x for x in y}"), "(setcomp x (for x in y))");
    assert_eq!(
        ex("{k: v for k, v in d}"),
        "(dictcomp k:v (for (tuple k v) in d))"
    );
    assert_eq!(ex("(x for x in y)"), "(genexp x (for x in y))");
    assert_eq!(
        ex("[x async for x in y]"),
        "(listcomp x (async for x in y))"
    );
    assert_eq!(
        ex("[x for x in a or b]"),
        "(listcomp x (for x in (Or a b)))"
    );
    assert_eq!(
        ex("[y for x in z if (y := f(x))]"),
        "(listcomp y (for x in z if (:= y (call f x))))"
    );
}

#[test]
fn walrus_yield_await_starred() {
    assert_eq!(ex("(x := 1)"), "(:= x 1)");
    assert_eq!(ex("[y := 1, 2]"), "[(:= y 1) 2]");
    assert_eq!(ex("await f()"), "(await (call f))");
    assert_eq!(ex("yield"), "(yield _)");
    assert_eq!(ex("yield a, b"), "(yield (tuple a b))");
    assert_eq!(ex("yield from g()"), "(yield-from (call g))");
    assert_eq!(ex("(yield)"), "(yield _)");
    assert_eq!(ex("*a, b"), "(tuple *a b)");
}

#[test]
fn strings() {
    assert_eq!(ex("'a' \"b\" '''c'''"), "\"abc\"");
    assert_eq!(
        ex(r"'\n\t\\\'\x41\u00e9\U0001F600\101\0'"),
        "\"\\n\\t\\\\'Aé😀A\\0\""
    );
    assert_eq!(ex(r"r'\n'"), "\"\\\\n\"");
    assert_eq!(ex(r"'\q'"), "\"\\\\q\"");
    assert_eq!(ex("'a\\\nb'"), "\"ab\"");
    assert_eq!(ex("'''a\nb'''"), "\"a\\nb\"");
    assert_eq!(ex("b'a\\x00' B'b'"), "b\"a\\0b\"");
    assert_eq!(ex("rb'\\n'"), "b\"\\\\n\"");
    assert_eq!(ex("u'x'"), "\"x\"");
}

#[test]
fn f_strings() {
    assert_eq!(ex("f'a{b}c'"), "(f \"a\" {b} \"c\")");
    assert_eq!(ex("f'{a!r}'"), "(f {a!r})");
    assert_eq!(ex("f'{a:>10}'"), "(f {a:\">10\"})");
    assert_eq!(ex("f'{a:{w}.{p}f}'"), "(f {a:{w} \".\" {p} \"f\"})");
    assert_eq!(ex("f'{{x}}'"), "(f \"{x}\")");
    assert_eq!(ex("f'{a=}'"), "(f {\"a=\"=a})");
    assert_eq!(ex("f'{a = !s:>4}'"), "(f {\"a = \"=a!s:\">4\"})");
    assert_eq!(ex("f'{a:}'"), "(f {a:})");
    assert_eq!(ex("'x' f'{a}' 'y'"), "(f \"x\" {a} \"y\")");
    assert_eq!(ex("f''"), "(f)");
    assert_eq!(ex("f'{a==b}'"), "(f {(cmp a Eq b)})");
    assert_eq!(ex("f'{a, b}'"), "(f {(tuple a b)})");
    assert_eq!(ex("f'{\"x\" if a else y}'"), "(f {(if a \"x\" y)})");
    assert_eq!(ex("f'{f\"{a}\"}'"), "(f {(f {a})})");
    assert_eq!(ex("rf'\\{a}'"), "(f \"\\\\\" {a})");
    assert_eq!(ex("f'''{\na\n+ b}'''"), "(f {(Add a b)})");
}

#[test]
fn f_string_fields_have_real_positions() {
    let e = expr_of("x(f'ab{cd + e}', f'''\n{ g }''')").unwrap();
    let ExprKind::Call { args, .. } = &e.kind else {
        panic!()
    };
    let ExprKind::JoinedStr(ps) = &args[0].kind else {
        panic!()
    };
    let FStringPart::Field { value, .. } = &ps[1] else {
        panic!()
    };
    assert_eq!(span(value.span), "1:8-1:14");
    let ExprKind::JoinedStr(ps) = &args[1].kind else {
        panic!()
    };
    let FStringPart::Field { value, .. } = &ps[1] else {
        panic!()
    };
    assert_eq!(span(value.span), "2:3-2:4");
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

#[test]
fn assignments() {
    assert_eq!(stmts("a = 1"), "(= a 1)");
    assert_eq!(stmts("a = b = 1"), "(= a b 1)");
    assert_eq!(stmts("a, b = b, a"), "(= (tuple a b) (tuple b a))");
    assert_eq!(stmts("x, *rest = y"), "(= (tuple x *rest) y)");
    assert_eq!(stmts("[a, (b, c)] = d"), "(= [a (tuple b c)] d)");
    assert_eq!(stmts("a.b[c] = d"), "(= ([] (. a b) c) d)");
    assert_eq!(stmts("x = yield y"), "(= x (yield y))");
    assert_eq!(stmts("x = *a, *b"), "(= x (tuple *a *b))");
}

#[test]
fn augmented_assignment_for_every_operator() {
    assert_eq!(
        stmts("x += 1; x -= 1; x *= 1; x @= 1; x /= 1; x //= 1; x %= 1"),
        "(Add= x 1); (Sub= x 1); (Mult= x 1); (MatMult= x 1); (Div= x 1); \
         (FloorDiv= x 1); (Mod= x 1)"
    );
    assert_eq!(
        stmts("x **= 1; x <<= 1; x >>= 1; x |= 1; x ^= 1; x &= 1"),
        "(Pow= x 1); (LShift= x 1); (RShift= x 1); (BitOr= x 1); (BitXor= x 1); (BitAnd= x 1)"
    );
    assert_eq!(stmts("a.b[0] += f()"), "(Add= ([] (. a b) 0) (call f))");
}

#[test]
fn annotated_assignment() {
    assert_eq!(stmts("x: int"), "(: x int _)");
    assert_eq!(stmts("x: int = 5"), "(: x int 5)");
    assert_eq!(stmts("a.b: 'T' = c"), "(: (. a b) \"T\" c)");
    assert_eq!(stmts("(x): int = 1"), "(: x int 1)");
}

#[test]
fn functions() {
    assert_eq!(stmts("def f(): pass"), "(def f () [pass])");
    assert_eq!(
        stmts("def f(a, b=1, *args, c, d=2, **kw): return a"),
        "(def f (a b=1 *args c d=2 **kw) [(return a)])"
    );
    assert_eq!(stmts("def f(a, /, b): pass"), "(def f (a / b) [pass])");
    assert_eq!(stmts("def f(*, k): pass"), "(def f (* k) [pass])");
    assert_eq!(
        stmts("def f(a: int, *b: str, **c: 'x') -> bool: pass"),
        "(def f (a:int *b:str **c:\"x\") -> bool [pass])"
    );
    assert_eq!(
        stmts("async def f():\n    await g()\n    return"),
        "(async def f () [(await (call g)); (return _)])"
    );
    assert_eq!(
        stmts("@a\n@b.c(1)\ndef f(): pass"),
        "(@a @(call (. b c) 1) def f () [pass])"
    );
}

#[test]
fn decorated_functions_record_their_first_line() {
    let m = module("x = 1\n\n@dec\n\n@other\ndef f():\n    pass\ndef g(): pass\n");
    let StmtKind::FunctionDef(f) = &m.body[1].kind else {
        panic!()
    };
    assert_eq!((f.first_line, f.span.line), (3, 6));
    assert_eq!(m.body[1].span, f.span);
    let StmtKind::FunctionDef(g) = &m.body[2].kind else {
        panic!()
    };
    assert_eq!(g.first_line, 8);
}

#[test]
fn classes() {
    assert_eq!(stmts("class A: pass"), "(class A [pass])");
    assert_eq!(stmts("class A(): pass"), "(class A [pass])");
    assert_eq!(
        stmts("class A(B, *c, metaclass=M, **kw):\n    x = 1\n    def f(self): pass"),
        "(class A B *c metaclass=M **kw [(= x 1); (def f (self) [pass])])"
    );
    assert_eq!(stmts("@d\nclass A: pass"), "(@d class A [pass])");
}

#[test]
fn control_flow() {
    assert_eq!(stmts("if a: b"), "(if a [b] [])");
    assert_eq!(
        stmts("if a:\n  b\nelif c:\n  d\nelif e:\n  f\nelse:\n  g"),
        "(if a [b] [(if c [d] [(if e [f] [g])])])"
    );
    assert_eq!(
        stmts("while x:\n  break\nelse:\n  continue"),
        "(while x [break] [continue])"
    );
    assert_eq!(
        stmts("for i, (a, b) in x:\n  pass\nelse:\n  pass"),
        "(for (tuple i (tuple a b)) x [pass] [pass])"
    );
    assert_eq!(stmts("for x, in y: pass"), "(for (tuple x) y [pass] [])");
    assert_eq!(
        stmts("for *a, b in c, d: pass"),
        "(for (tuple *a b) (tuple c d) [pass] [])"
    );
    assert_eq!(
        stmts("async def f():\n  async for x in y: pass"),
        "(async def f () [(async-for x y [pass] [])])"
    );
    assert_eq!(
        stmts("if (n := 10) > 5: pass"),
        "(if (cmp (:= n 10) Gt 5) [pass] [])"
    );
}

#[test]
fn return_raise_pass_del_assert_global() {
    assert_eq!(
        stmts("def f():\n  return\ndef g():\n  return 1, 2"),
        "(def f () [(return _)]); (def g () [(return (tuple 1 2))])"
    );
    assert_eq!(
        stmts("raise\nraise E\nraise E('x') from None"),
        "(raise _ _); (raise E _); (raise (call E \"x\") None)"
    );
    assert_eq!(stmts("pass"), "pass");
    assert_eq!(stmts("del a, b[0], c.d,"), "(del a ([] b 0) (. c d))");
    assert_eq!(stmts("del (a, b)"), "(del (tuple a b))");
    assert_eq!(stmts("assert x"), "(assert x _)");
    assert_eq!(stmts("assert x, 'm'"), "(assert x \"m\")");
    assert_eq!(stmts("global a, b"), "(global a b)");
    assert_eq!(stmts("def f():\n  nonlocal a"), "(def f () [(nonlocal a)])");
}

#[test]
fn try_statements() {
    assert_eq!(
        stmts("try:\n  a\nexcept:\n  b"),
        "(try [a] (except _ _ [b]) [] [])"
    );
    assert_eq!(
        stmts("try:\n  a\nexcept E:\n  b\nexcept (A, B) as e:\n  c\nelse:\n  d\nfinally:\n  f"),
        "(try [a] (except E _ [b]) (except (tuple A B) e [c]) [d] [f])"
    );
    assert_eq!(stmts("try:\n  a\nfinally:\n  b"), "(try [a] [] [b])");
}

#[test]
fn with_statements() {
    assert_eq!(stmts("with a: pass"), "(with (a _) [pass])");
    assert_eq!(
        stmts("with a as b, c as (d, e): pass"),
        "(with (a b) (c (tuple d e)) [pass])"
    );
    assert_eq!(
        stmts("with (a as b, c as d,): pass"),
        "(with (a b) (c d) [pass])"
    );
    assert_eq!(stmts("with (a, b): pass"), "(with (a _) (b _) [pass])");
    assert_eq!(
        stmts("with (a, b) as c: pass"),
        "(with ((tuple a b) c) [pass])"
    );
    assert_eq!(
        stmts("with (a) as b, (c): pass"),
        "(with (a b) (c _) [pass])"
    );
    assert_eq!(
        stmts("async def f():\n  async with a as b: pass"),
        "(async def f () [(async-with (a b) [pass])])"
    );
}

#[test]
fn imports() {
    assert_eq!(stmts("import a.b.c as d, e"), "(import a.b.c as d e)");
    assert_eq!(stmts("from x.y import a as b, c"), "(from x.y a as b c)");
    assert_eq!(stmts("from x import (a,\n  b,)"), "(from x a b)");
    assert_eq!(stmts("from x import *"), "(from x *)");
    assert_eq!(stmts("from . import x"), "(from . x)");
    assert_eq!(stmts("from ...a import b"), "(from ...a b)");
    assert_eq!(stmts("from .... import b"), "(from .... b)");
}

#[test]
fn simple_statements_share_lines() {
    assert_eq!(stmts("a = 1; b = 2;"), "(= a 1); (= b 2)");
    assert_eq!(stmts("if x: a; b"), "(if x [a; b] [])");
    assert_eq!(stmts("\n\n# comment\n\nx\n\n"), "x");
    assert_eq!(stmts(""), "");
    assert_eq!(
        stmts("x = (1,\n  2) + \\\n  3"),
        "(= x (Add (tuple 1 2) 3))"
    );
    assert_eq!(stmts("if x:\n\tpass\n\tpass"), "(if x [pass; pass] [])");
    assert_eq!(stmts("x = 1\r\ny = 2\r\n"), "(= x 1); (= y 2)");
}

#[test]
fn except_star_handlers_and_their_errors() {
    assert_eq!(
        stmts("try:\n pass\nexcept* E as e:\n pass\nexcept *(A, B):\n pass\n"),
        "(try [pass] (except* E e [pass]) (except* (tuple A B) _ [pass]) [] [])"
    );
    assert_eq!(
        err("try:\n    pass\nexcept*:\n    pass\n"),
        ("expected one or more exception types".into(), 3, 8)
    );
    assert_eq!(
        err("try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n"),
        (
            "cannot have both 'except' and 'except*' on the same 'try'".into(),
            5,
            1
        )
    );
    assert_eq!(
        err("try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n"),
        (
            "cannot have both 'except' and 'except*' on the same 'try'".into(),
            5,
            1
        )
    );
    assert_eq!(
        err("try:\n    pass\nexcept:\n    pass\nexcept TypeError:\n    pass\n"),
        ("default 'except:' must be last".into(), 3, 1)
    );
}

#[test]
fn soft_keywords_are_names_unless_a_match_statement() {
    assert_eq!(
        stmts("match = 1\nmatch.x\nmatch(x)\nmatch[x]: int\ncase = _"),
        "(= match 1); (. match x); (call match x); (: ([] match x) int _); (= case _)"
    );
    assert_eq!(
        stmts("x = 1\nmatch x:\n    case 1: pass\n"),
        "(= x 1); (match x (case (value 1) _ [pass]))"
    );
}

#[test]
fn match_statements_parse_every_kind_of_pattern() {
    let src = "match p:\n    case [1, *rest] | (2, _): pass\n    case {'k': v, **others}: pass\n    case Point(0, y=-1.5) as pt if pt: pass\n    case Color.RED | None | 'a' 'b': pass\n    case a, *_: pass\n    case (x): pass\n";
    assert_eq!(
        stmts(src),
        "(match p (case (| [(value 1) *rest] [(value 2) _]) _ [pass]) \
         (case {\"k\": v **others} _ [pass]) \
         (case (as (Point (value 0) y=(value -1.5)) pt) pt [pass]) \
         (case (| (value (. Color RED)) (is None) (value \"ab\")) _ [pass]) \
         (case [a *_] _ [pass]) (case x _ [pass]))"
    );
    assert_eq!(
        stmts("match a, *b:\n    case _: pass\n"),
        "(match (tuple a *b) (case _ _ [pass]))"
    );
}

#[test]
fn match_statement_syntax_errors_read_as_cpythons() {
    assert_eq!(
        err("match x:\n    case x as _: pass\n"),
        ("cannot use '_' as a target".into(), 2, 15)
    );
    assert_eq!(
        err("match x:\n    case 1 as 2: pass\n"),
        ("invalid pattern target".into(), 2, 15)
    );
    assert_eq!(
        err("match x:\n    case C(a=1, 2): pass\n"),
        ("positional patterns follow keyword patterns".into(), 2, 17)
    );
    assert_eq!(
        err("match x:\n    case f\"{y}\": pass\n"),
        (
            "patterns may only match literals and attribute lookups".into(),
            2,
            10
        )
    );
    assert_eq!(
        err("match x:\n    case 1 + 2: pass\n"),
        ("imaginary number required in complex literal".into(), 2, 14)
    );
    assert_eq!(
        err("match x\n    case 1: pass\n"),
        ("expected ':'".into(), 1, 8)
    );
    assert_eq!(
        indent_err("match x:\ncase 1: pass\n"),
        (
            "expected an indented block after 'match' statement on line 1".into(),
            2,
            1
        )
    );
    assert_eq!(
        indent_err("match x:\n    case 1:\n    pass\n"),
        (
            "expected an indented block after 'case' statement on line 2".into(),
            3,
            5
        )
    );
    assert_eq!(err("match x:\n    pass\n"), ("invalid syntax".into(), 2, 5));
}

// ---------------------------------------------------------------------------
// Spans
// ---------------------------------------------------------------------------

#[test]
fn expression_spans_cover_the_source_text() {
    let m = module("x = f(a, b)  # c\ny = (a) + b\nz = [1,\n  2]\n");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(span(value.span), "1:5-1:12");
    assert_eq!(span(m.body[0].span), "1:1-1:12");
    let StmtKind::Assign { value, .. } = &m.body[1].kind else {
        panic!()
    };
    // The sum starts at the parenthesis; the group keeps its inner span.
    assert_eq!(span(value.span), "2:5-2:12");
    let ExprKind::BinOp { left, .. } = &value.kind else {
        panic!()
    };
    assert_eq!(span(left.span), "2:6-2:7");
    let StmtKind::Assign { value, .. } = &m.body[2].kind else {
        panic!()
    };
    assert_eq!(span(value.span), "3:5-4:5");
}

#[test]
fn spans_count_characters_not_bytes() {
    let m = module("s = 'héllo' + t\n");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::BinOp { right, .. } = &value.kind else {
        panic!()
    };
    assert_eq!(span(right.span), "1:15-1:16");
}

#[test]
fn compound_statements_span_their_header() {
    let m = module("if x == 1:\n    pass\nelif y:\n    pass\nfor a in b:  # c\n    pass\n");
    assert_eq!(span(m.body[0].span), "1:1-1:11");
    let StmtKind::If { orelse, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(span(orelse[0].span), "3:1-3:8");
    assert_eq!(span(m.body[1].span), "5:1-5:12");
    let m = module("try:\n  pass\nexcept (A,\n  B) as e:\n  pass\n");
    let StmtKind::Try { handlers, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(span(m.body[0].span), "1:1-1:5");
    assert_eq!(span(handlers[0].span), "3:1-4:11");
}

#[test]
fn call_spans_run_from_the_callee_to_the_closing_parenthesis() {
    let e = expr_of("obj.method(\n  1)[0]").unwrap();
    let ExprKind::Subscript { value, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(span(value.span), "1:1-2:5");
    assert_eq!(span(e.span), "1:1-2:8");
    // A lone generator argument takes the call's parentheses.
    let e = expr_of("f(x for x in y)").unwrap();
    let ExprKind::Call { args, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(span(args[0].span), "1:2-1:16");
}

#[test]
fn keyword_param_and_alias_spans() {
    let m = module("f(a, k=v)\ndef g(x, y=1): pass\nimport a.b as c\n");
    let StmtKind::Expr(Expr {
        kind: ExprKind::Call { keywords, .. },
        ..
    }) = &m.body[0].kind
    else {
        panic!()
    };
    assert_eq!(span(keywords[0].span), "1:6-1:9");
    let StmtKind::FunctionDef(d) = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(span(d.params.args[1].span), "2:10-2:11");
    let StmtKind::Import(names) = &m.body[2].kind else {
        panic!()
    };
    assert_eq!(span(names[0].span), "3:8-3:16");
}

// ---------------------------------------------------------------------------
// Errors (each expected value is CPython 3.11's `msg`, `lineno`, `offset`)
// ---------------------------------------------------------------------------

#[test]
fn error_messages_and_positions_match_cpython() {
    assert_eq!(
        err("print('hello'\n"),
        ("'(' was never closed".into(), 1, 6)
    );
    assert_eq!(err("(((\n"), ("'(' was never closed".into(), 1, 3));
    assert_eq!(
        err("x = 1\ny = (\nz = 3\n"),
        ("'(' was never closed".into(), 2, 5)
    );
    assert_eq!(
        err("x = (]\n"),
        (
            "closing parenthesis ']' does not match opening parenthesis '('".into(),
            1,
            6
        )
    );
    assert_eq!(err("x = 1\n)\n"), ("unmatched ')'".into(), 2, 1));
    assert_eq!(
        err("s = 'abc\n"),
        (
            "unterminated string literal (detected at line 1)".into(),
            1,
            5
        )
    );
    assert_eq!(
        err("x = '''abc\n\ndef"),
        (
            "unterminated triple-quoted string literal (detected at line 3)".into(),
            1,
            5
        )
    );
}

/// The table generated from CPython 3.11 (`ast.parse`, then `e.msg`,
/// `e.lineno`, `e.offset`) for the mistakes the parser words specially.
#[test]
fn cpython_error_table() {
    let check = |got: (String, u32, u32), want: (&str, u32, u32), name: &str| {
        assert_eq!((got.0.as_str(), got.1, got.2), want, "{}", name);
    };
    let cases: &[(&str, &str, u32, u32, bool)] = &CPYTHON_ERRORS;
    for &(src, msg, line, col, indentation) in cases {
        let got = if indentation {
            indent_err(src)
        } else {
            err(src)
        };
        check(got, (msg, line, col), src);
    }
}

/// `(source, message, line, column, is an IndentationError)`.
const CPYTHON_ERRORS: [(&str, &str, u32, u32, bool); 116] = [
    // unclosed_paren
    ("print('hello'\n", "'(' was never closed", 1, 6, false),
    // unclosed_at_eof_reports_innermost
    ("(((\n", "'(' was never closed", 1, 3, false),
    // unclosed_then_later_line
    ("x = 1\ny = (\nz = 3\n", "'(' was never closed", 2, 5, false),
    // mismatched_paren
    ("x = (]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, false),
    // mismatched_paren_other_line
    ("x = (\n1,\n2]\n", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 3, 2, false),
    // stray_closer
    ("x = 1\n)\n", "unmatched ')'", 2, 1, false),
    // unterminated_string
    ("s = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5, false),
    // unterminated_string_with_prefix
    ("s = rb'abc\n", "unterminated string literal (detected at line 1)", 1, 5, false),
    // unterminated_triple_quoted
    ("x = '''abc\n\ndef", "unterminated triple-quoted string literal (detected at line 3)", 1, 5, false),
    // unexpected_indent
    ("x = 1\n    y = 2\n", "unexpected indent", 2, 4, true),
    // unexpected_indent_first_line
    ("  x = 1\n", "unexpected indent", 1, 2, true),
    // unindent_mismatch
    ("if x:\n    a\n  bcd = 4\n", "unindent does not match any outer indentation level", 3, 10, true),
    // tab_error
    ("if x:\n\ty = 1\n        z = 2\n", "inconsistent use of tabs and spaces in indentation", 3, 1, true),
    // missing_block_if
    ("if x:\npass\n", "expected an indented block after 'if' statement on line 1", 2, 1, true),
    // missing_block_at_eof
    ("if x:\n", "expected an indented block after 'if' statement on line 1", 1, 6, true),
    // missing_block_def
    ("def f():\n\n", "expected an indented block after function definition on line 1", 2, 1, true),
    // missing_block_class
    ("class A:\nx\n", "expected an indented block after class definition on line 1", 2, 1, true),
    // missing_block_for_else
    ("for x in y:\n  pass\nelse:\nz\n", "expected an indented block after 'else' statement on line 3", 4, 1, true),
    // missing_block_nested_dedent
    ("def f():\n    for x in y:\nprint(x)\n", "expected an indented block after 'for' statement on line 2", 3, 0, true),
    // missing_block_except
    ("try:\n pass\nexcept E as e:\nz\n", "expected an indented block after 'except' statement on line 3", 4, 1, true),
    // missing_block_with
    ("async with a:\nz\n", "expected an indented block after 'with' statement on line 1", 2, 1, true),
    // assign_to_call
    ("f() = 1\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, false),
    // assign_to_literal
    ("1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, false),
    // assign_to_call_in_tuple
    ("x, f() = 1\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4, false),
    // assign_to_call_chained
    ("x = f() = 3\n", "cannot assign to function call", 1, 5, false),
    // assign_to_comparison
    ("a < b = 1\n", "cannot assign to comparison", 1, 1, false),
    // assign_to_none
    ("None = 1\n", "cannot assign to None", 1, 1, false),
    // assign_to_literal_in_tuple
    ("(a, 1) = 2\n", "cannot assign to literal", 1, 5, false),
    // assign_eq_hint_name
    ("f(), x = 1\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6, false),
    // assign_to_yield
    ("x = yield = 3\n", "assignment to yield expression not possible", 1, 5, false),
    // aug_assign_to_call
    ("f() += 1\n", "'function call' is an illegal expression for augmented assignment", 1, 1, false),
    // aug_assign_to_tuple
    ("(a, b) += 1\n", "'tuple' is an illegal expression for augmented assignment", 1, 1, false),
    // annotate_tuple
    ("a, b: int\n", "only single target (not tuple) can be annotated", 1, 1, false),
    // annotate_list
    ("[a]: int\n", "only single target (not list) can be annotated", 1, 1, false),
    // annotate_call
    ("f(): int\n", "illegal target for annotation", 1, 1, false),
    // for_target_call
    ("for f() in x: pass\n", "cannot assign to function call", 1, 5, false),
    // comprehension_target_call
    ("[x for f() in y]\n", "cannot assign to function call", 1, 8, false),
    // with_target_call
    ("with a as f(): pass\n", "cannot assign to function call", 1, 11, false),
    // delete_call
    ("del f()\n", "cannot delete function call", 1, 5, false),
    // delete_literal
    ("del 1\n", "cannot delete literal", 1, 5, false),
    // walrus_on_attribute
    ("(a.b := 1)\n", "cannot use assignment expressions with attribute", 1, 2, false),
    // walrus_statement
    ("x := 1\n", "invalid syntax", 1, 3, false),
    // if_assign_instead_of_eq
    ("if x = 1: pass\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, false),
    // expected_colon_if
    ("if x\n  pass\n", "expected ':'", 1, 5, false),
    // expected_colon_def
    ("def f()\n pass\n", "expected ':'", 1, 8, false),
    // expected_colon_forced_try
    ("try pass\n", "expected ':'", 1, 5, false),
    // invalid_syntax_missing_colon_same_line
    ("while x pass\n", "invalid syntax", 1, 9, false),
    // expected_paren_def
    ("def f:\n pass\n", "expected '('", 1, 6, false),
    // expected_except_or_finally
    ("try:\n pass\nx = 1\n", "expected 'except' or 'finally' block", 3, 1, false),
    // expected_except_or_finally_at_eof
    ("try:\n pass\n", "expected 'except' or 'finally' block", 2, 6, false),
    // multiple_exception_types
    ("try:\n pass\nexcept A, B:\n pass\n", "multiple exception types must be parenthesized", 3, 8, false),
    // forgot_comma_list
    ("x = [1 2]\n", "invalid syntax. Perhaps you forgot a comma?", 1, 6, false),
    // forgot_comma_call
    ("f(a b)\n", "invalid syntax. Perhaps you forgot a comma?", 1, 3, false),
    // forgot_comma_dict
    ("x = {1: 2 3: 4}\n", "invalid syntax. Perhaps you forgot a comma?", 1, 9, false),
    // no_comma_hint_outside_brackets
    ("x = 1 2\n", "invalid syntax", 1, 7, false),
    // no_comma_hint_after_soft_keyword_prefix
    ("f(m g)\n", "invalid syntax", 1, 5, false),
    // dict_missing_colon
    ("x = {1: 2, 3}\n", "':' expected after dictionary key", 1, 12, false),
    // missing_parentheses_print
    ("print 'x'\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, false),
    // positional_after_keyword
    ("f(a=1, b)\n", "positional argument follows keyword argument", 1, 9, false),
    // positional_after_unpacking
    ("f(**a, b)\n", "positional argument follows keyword argument unpacking", 1, 9, false),
    // unpacking_after_kwargs
    ("f(**a, *b)\n", "iterable argument unpacking follows keyword argument unpacking", 1, 8, false),
    // genexp_must_be_parenthesized
    ("f(x for x in y, 1)\n", "Generator expression must be parenthesized", 1, 3, false),
    // keyword_expression
    ("f(a.b=1)\n", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, false),
    // keyword_true
    ("f(True=1)\n", "cannot assign to True", 1, 3, false),
    // starred_group
    ("(*a)\n", "cannot use starred expression here", 1, 2, false),
    // unpacking_in_comprehension
    ("[*a for a in b]\n", "iterable unpacking cannot be used in comprehension", 1, 2, false),
    ("f(*a for a in b)\n", "iterable unpacking cannot be used in comprehension", 1, 3, false),
    ("f(x, *a for a in b)\n", "Generator expression must be parenthesized", 1, 6, false),
    ("{x := 1: 2}\n", "invalid syntax", 1, 4, false),
    // comprehension_target_parens
    ("[a, b for a in c]\n", "did you forget parentheses around the comprehension target?", 1, 2, false),
    // starred_dict_value
    ("x = {a: *b}\n", "cannot use a starred expression in a dictionary value", 1, 9, false),
    // expected_else
    ("x = a if b\n", "expected 'else' after 'if' expression", 1, 5, false),
    // non_default_after_default
    ("def f(a=1, b): pass\n", "non-default argument follows default argument", 1, 12, false),
    // bare_star
    ("def f(*, **k): pass\n", "named arguments must follow bare *", 1, 7, false),
    // slash_twice
    ("def f(a, /, b, /): pass\n", "/ may appear only once", 1, 16, false),
    // star_twice
    ("def f(*a, *b): pass\n", "* argument may appear only once", 1, 11, false),
    // vararg_default
    ("def f(*a=1): pass\n", "var-positional argument cannot have default value", 1, 9, false),
    // kwarg_default
    ("def f(**k=1): pass\n", "var-keyword argument cannot have default value", 1, 10, false),
    // after_kwarg
    ("def f(**k, a): pass\n", "arguments cannot follow var-keyword argument", 1, 12, false),
    // parenthesized_params
    ("def f(a, (b, c)): pass\n", "Function parameters cannot be parenthesized", 1, 10, false),
    // missing_default
    ("def f(x=): pass\n", "expected default value expression", 1, 8, false),
    // lambda_non_default
    ("lambda a=1, b: 0\n", "non-default argument follows default argument", 1, 13, false),
    // trailing_comma_import
    ("from x import a,\n", "trailing comma not allowed without surrounding parentheses", 1, 17, false),
    // invalid_decimal
    ("x = 1abc\n", "invalid decimal literal", 1, 5, false),
    // invalid_hex
    ("x = 0x\n", "invalid hexadecimal literal", 1, 6, false),
    // leading_zeros
    ("x = 012\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, false),
    // invalid_octal_digit
    ("x = 0o19\n", "invalid digit '9' in octal literal", 1, 8, false),
    // invalid_underscore
    ("x = 1__0\n", "invalid decimal literal", 1, 6, false),
    // invalid_exponent
    ("x = 1e+\n", "invalid decimal literal", 1, 7, false),
    // invalid_imaginary
    ("x = 1jk\n", "invalid imaginary literal", 1, 6, false),
    // invalid_character
    ("x = \u{20ac}\n", "invalid character '\u{20ac}' (U+20AC)", 1, 5, false),
    // non_printable_character
    ("x = \u{a0}\n", "invalid non-printable character U+00A0", 1, 5, false),
    // dollar
    ("a $ b\n", "invalid syntax", 1, 3, false),
    // continuation_garbage
    ("x = 1 \\ 2\n", "unexpected character after line continuation character", 1, 8, false),
    // continuation_at_eof
    ("x = 1 \\", "unexpected EOF while parsing", 1, 8, false),
    // bytes_non_ascii
    ("x = b'\u{e9}'\n", "bytes can only contain ASCII literal characters", 1, 5, false),
    // mix_bytes
    ("x = b'a' 'b'\n", "cannot mix bytes and nonbytes literals", 1, 13, false),
    // truncated_x_escape
    ("x = '\\x4'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10, false),
    // truncated_u_escape_after_non_ascii
    ("x = '\u{e9}\\u12'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-13: truncated \\uXXXX escape", 1, 12, false),
    // bytes_bad_escape
    ("x = b'\\x4'\n", "(value error) invalid \\x escape at position 0", 1, 11, false),
    // fstring_empty
    ("x = f'{}'\n", "f-string: empty expression not allowed", 1, 10, false),
    // fstring_single_brace
    ("x = f'}'\n", "f-string: single '}' is not allowed", 1, 9, false),
    // fstring_bad_conversion
    ("x = f'{a!x}'\n", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13, false),
    // fstring_expecting_brace
    ("x = f'{a'\n", "f-string: expecting '}'", 1, 10, false),
    // fstring_backslash
    ("x = f'{\\n}'\n", "f-string expression part cannot include a backslash", 1, 12, false),
    // fstring_hash
    ("x = f'{#}'\n", "f-string expression part cannot include '#'", 1, 11, false),
    // fstring_nested_too_deeply
    ("x = f'{a:{b:{c}}}'\n", "f-string: expressions nested too deeply", 1, 19, false),
    // fstring_unmatched
    ("x = f'{a)}'\n", "f-string: unmatched ')'", 1, 12, false),
    // fstring_conversion_space
    ("x = f'{a!r }'\n", "f-string: expecting '}'", 1, 14, false),
    // else_alone
    ("else: pass\n", "invalid syntax", 1, 1, false),
    // generic_at_eof_col_zero
    ("@dec\n", "invalid syntax", 1, 0, false),
    // comment_newline_position
    ("async#x\n", "invalid syntax", 1, 6, false),
    // legacy_print_in_call
    ("f(print x)\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 3, false),
    // not_after_comparison
    ("a == not b\n", "invalid syntax", 1, 6, false),
    // not_without_in
    ("a not b\n", "invalid syntax", 1, 7, false),
    // name_string_hint
    ("f(a 'b' c)\n", "invalid syntax. Perhaps you forgot a comma?", 1, 5, false),
];

#[test]
fn unsupported_features_are_reported_where_they_are() {
    assert_eq!(unsupported("x = 1j\n"), ("complex numbers".into(), 1, 5));
    assert_eq!(
        unsupported("x = '\\N{DASH}'\n"),
        ("\\N{...} escapes".into(), 1, 5)
    );
    // Only if the parser gets there: an earlier syntax error wins.
    assert_eq!(
        err("x = (\ny = 1j\n"),
        ("'(' was never closed".into(), 1, 5)
    );
}

#[test]
fn a_later_tokenizer_error_wins_over_a_parser_error() {
    assert_eq!(
        err("f() = 1\ns = 'abc\n"),
        (
            "unterminated string literal (detected at line 2)".into(),
            2,
            5
        )
    );
    // ... but not over an unexpected indent, nor does an inconsistent
    // dedent that the parser never reaches.
    assert_eq!(
        indent_err("  x = 1\ns = 'abc\n"),
        ("unexpected indent".into(), 1, 2)
    );
    assert_eq!(
        err("else: pass\nif x:\n    a\n  b\n"),
        ("invalid syntax".into(), 1, 1)
    );
}

// ---------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let too_deep = |src: &str| {
        let e = parse(src).expect_err("too deep");
        assert!(
            e.msg == TOO_DEEP || e.msg.contains("too many") || e.msg.contains("never closed"),
            "{:?}",
            e
        );
    };
    too_deep(&"(".repeat(100_000));
    too_deep(&("-".repeat(100_000) + "1"));
    too_deep(&"[".repeat(5000));
    too_deep(&("not ".repeat(10_000) + "x"));
    too_deep(&("lambda:".repeat(10_000) + "1"));
    too_deep(&("x".to_string() + &"**x".repeat(10_000)));
    too_deep(&("x".to_string() + &" if x else x".repeat(10_000)));
    too_deep(&("1".to_string() + &"+1".repeat(100_000)));
    too_deep(&("x".to_string() + &"[0]".repeat(100_000)));
    too_deep(&("x".to_string() + &".a".repeat(100_000)));
    too_deep(&("f(".repeat(1000) + &")".repeat(1000)));
    too_deep(&("{1:".repeat(1000) + "1" + &"}".repeat(1000)));
    too_deep(&("(x for x in ".repeat(1000) + "y" + &")".repeat(1000)));
    let mut ifs = String::new();
    for i in 0..500 {
        ifs.push_str(&" ".repeat(i));
        ifs.push_str("if x:\n");
    }
    too_deep(&ifs);
    too_deep(&("if x: pass\n".to_string() + &"elif x: pass\n".repeat(5000)));
}

#[test]
fn the_deepest_accepted_nesting_parses() {
    let src = "(".repeat(198) + "1" + &")".repeat(198);
    assert_eq!(ex(&src), "1");
    let mut blocks = String::new();
    for i in 0..98 {
        blocks.push_str(&" ".repeat(i));
        blocks.push_str("if x:\n");
    }
    blocks.push_str(&" ".repeat(98));
    blocks.push_str(&("[".repeat(150) + &"]".repeat(150)));
    blocks.push('\n');
    assert!(parse(&blocks).is_ok());
}

/// A small deterministic xorshift generator, so the fuzz tests need no
/// crates and always test the same inputs.
pub(crate) struct XorShift(pub(crate) u64);

impl XorShift {
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Python-ish fragments random sources are made of.
pub(crate) const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "...",
    "=",
    "==",
    ":=",
    "->",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    "<",
    ">=",
    "!=",
    "!",
    "$",
    "?",
    "`",
    "\\",
    "\\\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "    ",
    " ",
    "  ",
    "#c\n",
    "x",
    "_",
    "é",
    "€",
    "\u{a0}",
    "\0",
    "0",
    "1",
    "1.5",
    "1e",
    "0x",
    "0o8",
    "1_",
    "1j",
    "12345678901234567890",
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "'s'",
    "b'x'",
    "f'",
    "f'{",
    "}",
    "f'{x!r:>{w}}'",
    "f'{x=}'",
    "rb'\\x'",
    "'\\x4'",
    "'\\N{DASH}'",
    "if",
    "elif",
    "else",
    "for",
    "in",
    "while",
    "def",
    "class",
    "return",
    "yield",
    "await",
    "async",
    "lambda",
    "not",
    "and",
    "or",
    "is",
    "try",
    "except",
    "except*",
    "finally",
    "with",
    "as",
    "import",
    "from",
    "del",
    "global",
    "nonlocal",
    "pass",
    "break",
    "continue",
    "raise",
    "assert",
    "None",
    "True",
    "match",
    "case",
];

/// Programs the fuzz tests mutate.
const SEEDS: &[&str] = &[
    "import asyncio\n\nasync def main(n=1, *a, k, **kw):\n    for i in range(n):\n        \
     await asyncio.sleep(0.1)\n        print(f'{i!r:>4} at {loop.time():.2f}')\n    \
     return [x * 2 for x in a if x]\n\nasyncio.run(main())\n",
    "class A(B, metaclass=M):\n    @property\n    def x(self) -> int:\n        try:\n            \
     return self._x\n        except (KeyError, ValueError) as e:\n            raise E('x') from e\n        \
     finally:\n            pass\n",
    "d = {'a': 1, **m}\ns = {1, 2}\nt = (a, *b)\nwith open(p) as f, g as (h, i):\n    \
     x, *y = z = f.read()[1:-1:2]\nwhile not done and x is not None:\n    x += 1 if y else -1\n\
     lambda q=1: (yield q)\n",
];

/// Mutates `src` at character boundaries: deletes, duplicates or swaps a
/// range, or inserts a fragment.
pub(crate) fn mutate(rng: &mut XorShift, src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let n = chars.len();
    if n == 0 {
        return FRAGMENTS[rng.below(FRAGMENTS.len())].to_string();
    }
    let i = rng.below(n);
    let j = (i + 1 + rng.below(8)).min(n);
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
            out.extend(&chars[b..(b + (j - i)).min(n)]);
            out.extend(&chars[a..b]);
            out.extend(chars.get((b + (j - i)).min(n)..).unwrap_or(&[]));
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
fn random_token_soup_never_panics() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..5000 {
        let mut src = String::new();
        for _ in 0..rng.below(40) {
            src.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            if rng.below(3) == 0 {
                src.push(' ');
            }
        }
        let _ = parse(&src);
    }
}

#[test]
fn mutated_programs_never_panic() {
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    for _ in 0..5000 {
        let mut src = SEEDS[rng.below(SEEDS.len())].to_string();
        for _ in 0..1 + rng.below(3) {
            src = mutate(&mut rng, &src);
        }
        if let Err(e) = parse(&src) {
            // Whatever the error, it has a position on a real line.
            assert!(e.line >= 1, "{:?} for {:?}", e, src);
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = XorShift(0xdead_beef_cafe_f00d);
    for _ in 0..3000 {
        let bytes: Vec<u8> = (0..rng.below(60)).map(|_| rng.next() as u8).collect();
        let src = String::from_utf8_lossy(&bytes);
        let _ = parse(&src);
    }
}
