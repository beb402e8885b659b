//! The whole pipeline: bytes → (lossy UTF-8) source → lexer → parser →
//! compiler → VM and simulated asyncio loop → trace, then every view of
//! the trace the page reads. Any panic is a bug: the app must never panic
//! on user input.
//!
//! The custom mutator keeps most inputs valid Python (see
//! `aioscope_fuzz::mutate`), so that mutations reach the VM and the event
//! loop, not only the parser; a quarter of the time it uses libFuzzer's
//! own byte mutations instead.

#![no_main]

use libfuzzer_sys::{fuzz_crossover, fuzz_mutator, fuzz_target, fuzzer_mutate};

use aioscope_fuzz::mutate::{self, Rng};

fuzz_target!(|data: &[u8]| {
    aioscope_fuzz::execute(data);
});

/// Writes `text` into `data` if it fits in `max_size`; its new size.
fn put(data: &mut [u8], max_size: usize, text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > max_size || bytes.len() > data.len() {
        return None;
    }
    data[..bytes.len()].copy_from_slice(bytes);
    Some(bytes.len())
}

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng::new(seed);
    if rng.chance(1, 4) {
        return fuzzer_mutate(data, size, max_size);
    }
    let src = String::from_utf8_lossy(&data[..size]).into_owned();
    match mutate::mutate_many(&src, &mut rng).and_then(|t| put(data, max_size, &t)) {
        Some(n) => n,
        None => fuzzer_mutate(data, size, max_size),
    }
});

fuzz_crossover!(|data1: &[u8], data2: &[u8], out: &mut [u8], seed: u32| {
    let mut rng = Rng::new(seed);
    let a = String::from_utf8_lossy(data1);
    let b = String::from_utf8_lossy(data2);
    let max = out.len();
    match mutate::crossover(&a, &b, &mut rng).and_then(|t| put(out, max, &t)) {
        Some(n) => n,
        None => {
            // Half of one, then half of the other, as bytes.
            let n = (data1.len() / 2).min(max);
            out[..n].copy_from_slice(&data1[..n]);
            let m = (data2.len() - data2.len() / 2).min(max - n);
            out[n..n + m].copy_from_slice(&data2[data2.len() / 2..data2.len() / 2 + m]);
            n + m
        }
    }
});
