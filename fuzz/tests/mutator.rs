//! The mutator's own checks: it changes programs, most of its children
//! still parse (so they reach the VM), and `python.dict` is in step with
//! its word list. `UPDATE_DICT=1 cargo test` rewrites `python.dict`.

use aioscope_core::lang::parser::parse;
use aioscope_fuzz::mutate::{crossover, dictionary, mutate_many, Rng};
use aioscope_fuzz::{execute, pool, seed_sources};

#[test]
fn the_dictionary_file_matches_the_word_list() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/python.dict");
    let want = dictionary();
    if std::env::var_os("UPDATE_DICT").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let got = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        got == want,
        "python.dict is stale: run UPDATE_DICT=1 cargo test"
    );
}

#[test]
fn the_pool_has_statements_and_expressions() {
    let p = pool();
    assert!(p.stmts.len() > 200, "{} statements", p.stmts.len());
    assert!(p.exprs.len() > 1000, "{} expressions", p.exprs.len());
}

#[test]
fn most_mutants_still_parse_and_all_run() {
    let seeds: Vec<String> = seed_sources()
        .into_iter()
        .filter(|s| parse(s).is_ok())
        .collect();
    assert!(seeds.len() > 30);
    let mut rng = Rng::new(7);
    let (mut parsed, mut changed, n) = (0, 0, 600);
    for i in 0..n {
        let a = &seeds[rng.below(seeds.len())];
        let child = if i % 5 == 0 {
            let b = &seeds[rng.below(seeds.len())];
            crossover(a, b, &mut rng)
        } else {
            mutate_many(a, &mut rng)
        };
        let Some(child) = child else { continue };
        if child != *a {
            changed += 1;
        }
        if parse(&child).is_ok() {
            parsed += 1;
        }
        if i % 20 == 0 {
            execute(child.as_bytes());
        }
    }
    eprintln!("{changed} of {n} changed, {parsed} parse");
    assert!(changed > n * 9 / 10, "{changed} of {n} changed");
    assert!(parsed > n / 3, "only {parsed} of {n} parse");
}
