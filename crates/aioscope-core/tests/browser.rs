//! The core runs on wasm32 in a real browser, not only natively.
//! Run with `wasm-pack test --headless --chrome crates/aioscope-core` (or `--firefox`).
#![cfg(target_arch = "wasm32")]

use aioscope_core::lang::parser::parse;
use wasm_bindgen_test::*;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

const PROGRAM: &str = "\
import asyncio

async def main():
    await asyncio.sleep(1)
    print('done')

asyncio.run(main())
";

#[wasm_bindgen_test]
fn parses_a_program_in_the_browser() {
    let module = parse(PROGRAM).expect("the program parses");
    assert_eq!(module.body.len(), 3, "import, def, call");
}

#[wasm_bindgen_test]
fn reports_a_syntax_error_with_its_position() {
    let err = parse("def main(:\n    pass\n").expect_err("a syntax error");
    assert_eq!(err.type_name(), "SyntaxError");
    assert_eq!(err.line, 1);
}

#[wasm_bindgen_test]
fn runs_a_program_with_the_same_output_as_natively() {
    let (transcript, _, _) = common::run();
    assert_eq!(transcript, common::TRANSCRIPT);
}

#[wasm_bindgen_test]
fn the_event_trace_has_the_same_fingerprint_as_natively() {
    let (_, fingerprint, _) = common::run();
    assert_eq!(fingerprint, common::EVENTS_FINGERPRINT);
}
