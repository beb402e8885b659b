//! The worker's side: receives jobs, records them and sends the trace in
//! pieces as it goes.

use std::cell::RefCell;
use std::rc::Rc;

use aioscope_core::run::{check, run_with_hook, Options, PythonVersion};
use aioscope_core::trace::{DeltaWriter, Trace};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::protocol::{decode, encode, Job, Refusal, ToPage};

/// Milliseconds between two pieces: often enough for the progress to look
/// live, seldom enough that sending costs little next to recording.
const PIECE_MS: f64 = 100.0;
/// Frames between two looks at the clock.
const FRAMES_PER_CLOCK_LOOK: u32 = 16;

/// Starts serving jobs if this is a dedicated worker; `false` otherwise
/// (then the caller is the page).
pub fn serve() -> bool {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return false;
    };
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&e.data()).to_vec();
        match decode::<Job>(&bytes) {
            Ok(job) => run(&replies, &job),
            Err(err) => send(&replies, &ToPage::Refused(err.to_string())),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its handler: it is never replaced.
    on_message.forget();
    send(&scope, &ToPage::Ready);
    true
}

fn send(scope: &DedicatedWorkerGlobalScope, message: &ToPage) {
    let bytes = js_sys::Uint8Array::from(&encode(message)[..]);
    // The buffer is handed over, not copied.
    let transfer = js_sys::Array::of1(&bytes.buffer());
    let _ = scope.post_message_with_transfer(&bytes, &transfer);
}

/// Checks `job` (here, not on the page: compiling grows with the
/// program), then records it, sending a piece every [`PIECE_MS`] and the
/// last one when the program ends.
fn run(scope: &DedicatedWorkerGlobalScope, job: &Job) {
    if let Err(e) = check(&job.source, &job.filename) {
        let refusal = Refusal {
            kind: e.type_name().to_string(),
            line: e.line,
            col: e.col,
            message: e.message(),
        };
        send(scope, &ToPage::Syntax(refusal));
        return;
    }
    let writer = Rc::new(RefCell::new(DeltaWriter::new()));
    let hook = {
        let (writer, scope) = (writer.clone(), scope.clone());
        let mut frames = 0u32;
        let mut last = js_sys::Date::now();
        Box::new(move |trace: &Trace| {
            frames += 1;
            if !frames.is_multiple_of(FRAMES_PER_CLOCK_LOOK) {
                return;
            }
            let now = js_sys::Date::now();
            if now - last >= PIECE_MS {
                last = now;
                let piece = writer.borrow_mut().delta(trace);
                send(&scope, &ToPage::Piece(Box::new(piece)));
            }
        })
    };
    let options = Options {
        lines: true,
        locals: true,
        instructions: job.instructions,
        world: job.world.clone(),
        python: match job.python {
            10 => PythonVersion::V3_10,
            _ => PythonVersion::V3_11,
        },
        interrupt_at: job.interrupt_at,
        ..Options::default()
    };
    let trace = run_with_hook(&job.source, &job.filename, &options, hook);
    let last = writer.borrow_mut().finish(&trace);
    send(scope, &ToPage::Piece(Box::new(last)));
}
