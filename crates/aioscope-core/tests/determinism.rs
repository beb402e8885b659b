//! The same program gives the same transcript and a byte-identical event
//! trace, run after run, natively (and in the browser: `browser.rs`
//! checks the same fingerprint).

mod common;

#[test]
fn the_shared_program_prints_what_cpython_prints() {
    let (transcript, _, _) = common::run();
    assert_eq!(transcript, common::TRANSCRIPT);
}

#[test]
fn the_event_trace_is_identical_run_after_run_and_matches_the_browser() {
    let (_, first, len) = common::run();
    let (_, second, _) = common::run();
    assert_eq!(first, second);
    assert!(len > 1000, "the trace has content");
    println!("fingerprint {first:#018x}");
    assert_eq!(first, common::EVENTS_FINGERPRINT);
}
