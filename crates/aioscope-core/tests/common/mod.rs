//! A program and the fingerprint of its event trace, shared by the native
//! and the browser tests: the same program must give the same trace
//! byte for byte on every platform.

use aioscope_core::run::{run as run_core, Options};
use aioscope_core::trace::export;

/// A program touching tasks, timers, a semaphore, gather and cancellation.
pub const PROGRAM: &str = "\
import asyncio

async def worker(name, sem, delay):
    async with sem:
        print(name, 'in', asyncio.get_running_loop().time())
        await asyncio.sleep(delay)
    return name.upper()

async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('sleeper cancelled')
        raise

async def main():
    sem = asyncio.Semaphore(2)
    s = asyncio.create_task(sleeper())
    names = await asyncio.gather(*[worker(n, sem, 0.1 * (i + 1)) for i, n in enumerate('abcd')])
    s.cancel()
    await asyncio.sleep(0)
    print(names, s.cancelled())

asyncio.run(main())
";

/// What the program prints (checked against CPython 3.11's oracle).
pub const TRANSCRIPT: &str = "\
{\"t\": 0.0, \"out\": \"a in 0.0\\nb in 0.0\\n\"}
{\"t\": 0.1, \"out\": \"c in 0.1\\n\"}
{\"t\": 0.2, \"out\": \"d in 0.2\\n\"}
{\"t\": 0.6, \"out\": \"sleeper cancelled\\n['A', 'B', 'C', 'D'] True\\n\"}
{\"t\": 0.6, \"exit\": \"ok\"}
";

/// The fingerprint of the event trace (`fnv1a` of `events_jsonl`), the
/// same natively and in every browser.
pub const EVENTS_FINGERPRINT: u64 = 0xecc6_d1d6_98c8_3758;

/// 64-bit FNV-1a: a fingerprint that needs no crate.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The transcript and the fingerprint of the full event trace.
pub fn run() -> (String, u64, usize) {
    let trace = run_core(PROGRAM, "main.py", &Options::default());
    let events = export::events_jsonl(&trace);
    let events = renumbered(&without_library_lines(&without_sentences(&events)));
    (trace.transcript(), fnv1a(events.as_bytes()), events.len())
}

/// The events with object numbers (`<Future #208>`) renumbered in order of
/// first appearance: the numbers count every object the interpreter made,
/// so a new built-in class shifts them all without changing the run.
fn renumbered(events: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(events.len());
    let mut rest = events;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            let n = &rest[..digits];
            let k = match seen.iter().position(|s| *s == n) {
                Some(k) => k,
                None => {
                    seen.push(n);
                    seen.len() - 1
                }
            };
            out.push_str(&k.to_string());
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

/// The events without their sentences: they are made from the rest of each
/// event (so they add nothing to a comparison of two targets), and their
/// wording changes often.
fn without_sentences(events: &str) -> String {
    events
        .lines()
        .map(|l| match l.find(", \"explanation\": ") {
            Some(i) => format!("{}}}\n", &l[..i]),
            None => format!("{}\n", l),
        })
        .collect()
}

/// The events with the line numbers of library frames (`["sleep", 90,
/// false]`) left out: they move whenever `asyncio.py` is edited, which says
/// nothing about whether two targets record the same run.
fn without_library_lines(events: &str) -> String {
    let mut out = String::with_capacity(events.len());
    let mut rest = events;
    while let Some(end) = rest.find(", false]") {
        let head = &rest[..end];
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let cut = end - digits;
        if digits > 0 && head[..cut].ends_with(", ") {
            out.push_str(&rest[..cut]);
            out.push('0');
        } else {
            out.push_str(head);
        }
        out.push_str(", false]");
        rest = &rest[end + ", false]".len()..];
    }
    out.push_str(rest);
    out
}
