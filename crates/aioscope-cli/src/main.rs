//! `aioscope`: the command-line face of the core.
//!
//! `aioscope trace FILE.py` prints the program's transcript in the format
//! of the conformance corpus (`t`/`out`/`exit` JSON lines), so that
//! `check.py` can compare it with CPython's.

use std::io::Write;
use std::process::ExitCode;

use aioscope_core::run::{run, Options, PythonVersion, World};

mod alloc;

/// The interpreter and the recorder allocate and free many small objects
/// (frames, values, task views); mimalloc does that markedly faster than
/// glibc's malloc (see the Performance section of the README).
#[global_allocator]
static ALLOCATOR: alloc::Mimalloc = alloc::Mimalloc;
use aioscope_core::trace::export;

const USAGE: &str = "\
usage: aioscope trace [--events | --perfetto | --states] [--lines | --locals] [--summary]
                      [--world WORLD.json] [--python 3.10] [--interrupt-at T] FILE.py

Runs a Python asyncio program on aioscope's simulated event loop.
  trace FILE.py             the transcript (corpus format: t/out/err/exit JSON lines)
  trace --events FILE.py    every frame of the trace as a JSON line
  trace --perfetto FILE.py  Chrome trace-event JSON (open in ui.perfetto.dev),
                            one track per task
  trace --states FILE.py    the transcript, then the loop's state before each
                            iteration (JSON lines as the corpus oracle's --states)
  --lines, --locals         also record each line, and with --locals the
                            variables of the debugger, as the web app does
                            (to measure their cost)
  --summary                 also one JSON line on stderr: frames, tasks, timer and
                            callback handles, stdout records (benchmarks count events)
  --world WORLD.json        the virtual internet that aiohttp, httpx and requests
                            reach (format: tests/conformance/README.md); without it,
                            the default world
  --python 3.10             run as CPython 3.10 (old generator-based coroutines with
                            @asyncio.coroutine); 3.11 is the default
  --interrupt-at T          press Ctrl+C at virtual time T (seconds): SIGINT's handler
                            runs where the program waits then, as in CPython
Guards (as the corpus oracle's): --max-iterations N (100000), --max-time S (10000),
--instructions N (500000000: about five seconds of a loop that never awaits)";

/// The instruction budget of a run unless `--instructions` says otherwise.
const DEFAULT_INSTRUCTIONS: u64 = 500_000_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("trace") => trace(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn trace(args: &[String]) -> ExitCode {
    let mut events = false;
    let mut perfetto = false;
    let mut summary = false;
    let mut states = false;
    let mut lines = false;
    let mut file = None;
    // A runaway program (a loop that never awaits) ends within about five
    // seconds; ordinary programs, even a 100,000-flag downloader, run far
    // fewer instructions. --instructions raises it.
    let mut options = Options {
        instructions: DEFAULT_INSTRUCTIONS,
        ..Options::default()
    };
    let mut args = args.iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--max-iterations" | "--instructions" => {
                let Some(v) = args
                    .next()
                    .and_then(|v| v.parse::<u64>().ok())
                    .filter(|v| *v > 0)
                else {
                    eprintln!("aioscope: {a} needs a positive whole number\n{USAGE}");
                    return ExitCode::from(2);
                };
                match a.as_str() {
                    "--max-iterations" => options.guards.max_iterations = v,
                    _ => options.instructions = v,
                }
            }
            "--max-time" => {
                let Some(v) = args
                    .next()
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|v| v.is_finite() && *v > 0.0)
                else {
                    eprintln!("aioscope: {a} needs a positive number of seconds\n{USAGE}");
                    return ExitCode::from(2);
                };
                options.guards.max_time = v;
            }
            "--world" => {
                let Some(path) = args.next() else {
                    eprintln!("aioscope: --world needs a file\n{USAGE}");
                    return ExitCode::from(2);
                };
                let world = std::fs::read_to_string(path)
                    .map_err(|e| e.to_string())
                    .and_then(|text| World::from_json(&text).map_err(|e| e.to_string()));
                match world {
                    Ok(w) => options.world = Some(w),
                    Err(e) => {
                        eprintln!("aioscope: {path}: {e}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--interrupt-at" => {
                let Some(v) = args
                    .next()
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|v| v.is_finite() && *v >= 0.0)
                else {
                    eprintln!("aioscope: --interrupt-at needs a time in seconds\n{USAGE}");
                    return ExitCode::from(2);
                };
                options.interrupt_at = Some(v);
            }
            "--python" => {
                let Some(v) = args.next().and_then(|v| PythonVersion::parse(v)) else {
                    eprintln!("aioscope: --python takes 3.10 or 3.11\n{USAGE}");
                    return ExitCode::from(2);
                };
                options.python = v;
            }
            "--events" => events = true,
            "--perfetto" => perfetto = true,
            "--summary" => summary = true,
            "--lines" => lines = true,
            "--locals" => {
                lines = true;
                options.locals = true;
            }
            "--states" => states = true,
            other if !other.starts_with("--") && file.is_none() => file = Some(other.to_string()),
            other => {
                eprintln!("aioscope: unknown option {other}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("aioscope: cannot read {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let filename = std::path::Path::new(&path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.clone());
    options.lines = lines || events || perfetto;
    let trace = run(&source, &filename, &options);
    let text = if events {
        export::events_jsonl(&trace)
    } else if perfetto {
        export::perfetto(&trace)
    } else if states {
        trace.transcript() + &export::states(&trace)
    } else {
        trace.transcript()
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    let mut stderr = std::io::stderr().lock();
    // The transcript carries stderr as its `err` records; the other
    // formats do not, so the program's stderr goes to ours.
    if events || perfetto {
        let _ = stderr.write_all(trace.stderr.as_bytes());
    }
    if summary {
        let _ = writeln!(
            stderr,
            "{{\"frames\": {}, \"tasks\": {}, \"handles\": {}, \"out_records\": {}}}",
            trace.len(),
            trace.tasks.len(),
            trace.handles.len(),
            trace
                .output
                .iter()
                .filter(|r| r.stream == aioscope_core::trace::Stream::Out)
                .count()
        );
    }
    // As CPython's process would end; 3 when a guard stopped the program.
    ExitCode::from(trace.exit.status().rem_euclid(256) as u8)
}
