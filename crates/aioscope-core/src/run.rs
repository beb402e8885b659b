//! The core's one door: check a program, run it, get its [`Trace`].
//!
//! Everything outside the core (the CLI, the page, its Web Worker, the
//! benchmarks) goes through this module and reads the result through
//! [`crate::trace`]; nothing outside needs `lang`, `vm` or `aio`. This is
//! also the one place that assembles the layers: it is above `trace`, so
//! the layers below never import upwards.

use crate::aio;
use crate::aio::host::aio as host_of;
use crate::trace::{Exit, Limit, Recorder, Trace, TracebackFrame, Uncaught};
use crate::vm::traceback::Style;
pub use crate::vm::PythonVersion;
use crate::vm::{Halt, PyErr, RunError, Value, Vm};

pub use crate::aio::host::Guards;
pub use crate::aio::world::{Answer, Base, Body, Failure, Host, Json, World, WorldError};
pub use crate::lang::{SyntaxError, SyntaxErrorKind};
pub use crate::trace::FrameHook;

/// How a run may go: what it records and the limits that end a runaway.
#[derive(Clone, Debug)]
pub struct Options {
    /// Record each executed line (for line stepping); costs time.
    pub lines: bool,
    /// Record variables for the debugger: each task's coroutines' in its
    /// views, and (with `lines`) the variables of the frame starting each
    /// line of the program, up to a budget; costs time.
    pub locals: bool,
    /// Instructions the whole run may execute.
    pub instructions: u64,
    /// Loop iterations, virtual seconds and tasks allowed.
    pub guards: Guards,
    /// The virtual internet the HTTP libraries (`aiohttp`, `httpx`,
    /// `requests`) reach; `None` is the default world. Build one from JSON
    /// text with [`World::from_json`].
    pub world: Option<World>,
    /// The CPython the program runs as (3.11 unless asked).
    pub python: PythonVersion,
    /// Ctrl+C pressed at this virtual time: SIGINT's handler runs where
    /// the main thread waits then (the event loop's wait for its next
    /// timer, a `time.sleep`, the end waiting for threads), as in CPython;
    /// the default raises `KeyboardInterrupt`. `None`: never pressed.
    pub interrupt_at: Option<f64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lines: true,
            locals: false,
            instructions: crate::vm::Limits::default().instructions,
            guards: Guards::default(),
            world: None,
            python: PythonVersion::default(),
            interrupt_at: None,
        }
    }
}

/// Whether `source` compiles: its first syntax error, worded and placed
/// as CPython's, if not. Cheap next to a run (no module is imported).
pub fn check(source: &str, file: &str) -> Result<(), SyntaxError> {
    crate::lang::compiler::compile_source(source, file).map(|_| ())
}

/// Runs `source` (shown as `file`) to its end and returns its trace.
///
/// Never panics on user input: a syntax error, an uncaught exception or a
/// runaway program all end the trace with the matching [`Exit`].
pub fn run(source: &str, file: &str, options: &Options) -> Trace {
    run_recorded(source, file, options, None)
}

/// [`run`], calling `hook` with the trace so far after each frame (a run
/// in a Web Worker sends its progress from there).
pub fn run_with_hook(source: &str, file: &str, options: &Options, hook: FrameHook) -> Trace {
    run_recorded(source, file, options, Some(hook))
}

fn run_recorded(source: &str, file: &str, options: &Options, hook: Option<FrameHook>) -> Trace {
    // Declared first, so dropped last: once the interpreter is gone, the
    // reference cycles among what the run made are broken and freed.
    let _heap = crate::vm::heap::RunHeap::begin();
    let mut vm = Vm::new();
    vm.python = options.python;
    aio::install(&mut vm);
    aio::internet::set_world(&mut vm, options.world.as_ref());
    vm.trace_lines = options.lines;
    if options.locals {
        vm.debug = Some(Box::new(crate::vm::debug::LineRecording::new(file)));
    }
    vm.limits.instructions = options.instructions;
    let host = host_of(&vm);
    host.guards.set(options.guards);
    host.interrupt_at
        .set(options.interrupt_at.filter(|t| t.is_finite() && *t >= 0.0));
    let recorder = match hook {
        Some(h) => Recorder::new(file).on_frame(h),
        None => Recorder::new(file),
    };
    host.set_observer(Box::new(recorder));
    let mut result = vm.run_main(source, file);
    if result.is_ok() {
        // As threading._shutdown does: wait for the non-daemon threads;
        // then the atexit functions run.
        if let Err(e) = host.join_all(&mut vm).and_then(|_| at_exit(&mut vm)) {
            result = Err(match e {
                PyErr::Exception(v) => RunError::Exception(v),
                PyErr::Halt(h) => RunError::Halt(h),
                PyErr::Suspend(_) => {
                    RunError::Halt(Halt::Internal("the main thread suspended".into()))
                }
            });
        }
    }
    // What the interpreter's finalization lets go of: the exception that
    // ended the program (its traceback keeps frames alive until then).
    let mut uncaught = None;
    let mut finalize = true;
    let exit = match result {
        Ok(()) => Exit::Finished,
        Err(RunError::Syntax(e)) => {
            vm.note_program_frame(file, e.line, None);
            let printed = format!("{}\n", e.render(file, source));
            vm.write_stderr(&printed);
            // str() of a SyntaxError names the place; an unsupported
            // feature's message already does.
            let message = match e.kind {
                SyntaxErrorKind::Unsupported => e.message(),
                _ => format!("{} ({}, line {})", e.message(), file, e.line),
            };
            Exit::Exception(Uncaught {
                type_name: e.type_name().to_string(),
                message,
                line: Some(e.line),
                traceback: Vec::new(),
                status: 1,
                printed,
            })
        }
        Err(RunError::Exception(e)) => {
            let exit = exception_exit(&mut vm, &e, file);
            uncaught = Some(e);
            exit
        }
        Err(RunError::Halt(h)) => {
            // A guard stopped the program: it ends there (as the corpus
            // oracle's process does), nothing is finalized.
            finalize = false;
            halt_exit(h)
        }
    };
    let mut recorder: Box<Recorder> = match host.take_observer().into_any().downcast::<Recorder>() {
        Ok(r) => r,
        Err(_) => Box::new(Recorder::new(file)),
    };
    recorder.program_ended(&mut vm, &host);
    if finalize {
        // As CPython's interpreter finalizes: what dies now reports at
        // `sys:1`, at the final time, in the trace's last frame.
        vm.release_uncaught(uncaught);
        aio::errors::collect_at_exit(&mut vm);
        vm.release_main_globals();
    }
    recorder.finish(&mut vm, &host, exit)
}

/// What the interpreter does at exit after joining the threads: weak
/// references notice the last deaths, then the `atexit` functions run
/// (weakref.finalize's among them).
fn at_exit(vm: &mut Vm) -> Result<(), PyErr> {
    vm.poll_weakrefs()?;
    if let Some(run) = vm
        .modules
        .get("atexit")
        .and_then(|m| m.get("_run_exitfuncs"))
    {
        vm.call(&run, crate::vm::Args::default())?;
    }
    Ok(())
}

/// How an exception that escaped the program ends the run, and what the
/// interpreter prints for it: the traceback, or for `SystemExit` its code
/// when that is not an integer (`sys.exit("bye")` prints `bye`); a code of
/// 0 or `None` is a normal end, as in CPython.
fn exception_exit(vm: &mut Vm, e: &Value, file: &str) -> Exit {
    let mut status = 1;
    let mut printed = String::new();
    if vm.is_instance_of(e, "SystemExit") {
        let args = e.exc().map(|d| d.borrow().args.clone()).unwrap_or_default();
        let code = match args.len() {
            0 => Value::None,
            1 => args[0].clone(),
            _ => Value::tuple(args),
        };
        match &code {
            Value::None | Value::Int(0) | Value::Bool(false) => return Exit::Finished,
            // A status the process can have (CPython truncates to the
            // platform's int; anything outside a byte wraps the same way).
            Value::Int(n) => status = *n as i32,
            Value::Bool(b) => status = *b as i32,
            other => {
                let text = vm
                    .to_str(other)
                    .unwrap_or_else(|_| "<exception str() failed>".into());
                printed = format!("{}\n", text);
                vm.write_stderr(&printed);
            }
        }
    } else {
        if vm.is_instance_of(e, "KeyboardInterrupt") {
            status = 130;
        }
        printed = vm.format_exception(e, Style::Interpreter);
        vm.write_stderr(&printed);
    }
    let type_name = vm.types.class_of(vm, e).name.to_string();
    // str() of a user exception may run Python and fail.
    let message = vm
        .to_str(e)
        .unwrap_or_else(|_| "<exception str() failed>".into());
    let traceback: Vec<TracebackFrame> = vm
        .frame_summaries(e)
        .into_iter()
        .map(|f| TracebackFrame {
            file: f.file.to_string(),
            line: f.line,
            function: f.name.to_string(),
        })
        .collect();
    let line = traceback
        .iter()
        .rev()
        .find(|f| f.file == file)
        .map(|f| f.line);
    Exit::Exception(Uncaught {
        type_name,
        message,
        line,
        traceback,
        status,
        printed,
    })
}

fn halt_exit(h: Halt) -> Exit {
    match h {
        Halt::InstructionBudget(n) => Exit::Limit(Limit::Instructions(n)),
        Halt::Iterations(n) => Exit::Limit(Limit::Iterations(n)),
        Halt::VirtualTime(s) => Exit::Limit(Limit::VirtualTime(s)),
        Halt::TooMany(what, n) => Exit::Limit(Limit::TooMany {
            what: what.to_string(),
            limit: n as u64,
        }),
        Halt::Deadlock(d) => Exit::Deadlock(d),
        Halt::Stopped => Exit::Stopped { frames: 0 },
        Halt::Internal(msg) => Exit::Internal(msg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_in_the_options_answers_the_http_libraries() {
        let world = World::from_json(
            r#"{"base": "empty",
                "hosts": {"api.test": {"latency": 0.5}},
                "urls": {"http://api.test/x": {"json": {"a": 1}, "delay": 0.25}}}"#,
        )
        .expect("a valid world");
        let src = "import requests, time\n\
                   r = requests.get('http://api.test/x')\n\
                   print(r.json(), time.time())\n\
                   try:\n    requests.get('http://other.test/')\n\
                   except requests.ConnectionError as e:\n    print(type(e).__name__)\n";
        let options = Options {
            world: Some(world),
            ..Options::default()
        };
        let t = run(src, "main.py", &options);
        assert_eq!(t.stdout, "{'a': 1} 0.75\nConnectionError\n");
        // Without a world, the default one answers any URL.
        let src = "import requests\nprint(requests.get('http://api.test/x').status_code)\n";
        let t = run(src, "main.py", &Options::default());
        assert_eq!(t.stdout, "200\n");
    }

    #[test]
    fn a_program_that_ends_normally_is_finished() {
        let t = run("print('hi')\n", "main.py", &Options::default());
        assert_eq!(t.exit, Exit::Finished);
        assert_eq!(t.stdout, "hi\n");
    }

    #[test]
    fn an_uncaught_exception_carries_its_type_message_and_user_line() {
        let src = "def f():\n    return 1 / 0\n\nf()\n";
        let t = run(src, "main.py", &Options::default());
        let Exit::Exception(u) = &t.exit else {
            panic!("{:?}", t.exit)
        };
        assert_eq!(u.type_name, "ZeroDivisionError");
        assert_eq!(u.message, "division by zero");
        assert_eq!(u.line, Some(2));
        let lines: Vec<(u32, &str)> = u
            .traceback
            .iter()
            .map(|f| (f.line, f.function.as_str()))
            .collect();
        assert_eq!(lines, vec![(4, "<module>"), (2, "f")]);
        assert_eq!(t.exit.summary(), "ZeroDivisionError: division by zero");
    }

    #[test]
    fn sys_exit_with_zero_is_a_normal_end_and_with_a_code_is_not() {
        let ok = run("import sys\nsys.exit(0)\n", "main.py", &Options::default());
        assert_eq!(ok.exit, Exit::Finished);
        let three = run("import sys\nsys.exit(3)\n", "main.py", &Options::default());
        assert_eq!(three.exit.summary(), "SystemExit: 3");
        assert_eq!(three.exit.status(), 3);
        assert_eq!(ok.exit.status(), 0);
        let failed = run("1 / 0\n", "main.py", &Options::default());
        assert_eq!(failed.exit.status(), 1);
    }

    #[test]
    fn a_syntax_error_is_an_exception_exit_at_its_line() {
        let t = run("x = (\n", "main.py", &Options::default());
        let Exit::Exception(u) = &t.exit else {
            panic!("{:?}", t.exit)
        };
        assert_eq!(u.type_name, "SyntaxError");
        assert_eq!(u.line, Some(1));
        assert!(check("x = (\n", "main.py").is_err());
        assert!(check("x = 1\n", "main.py").is_ok());
    }

    #[test]
    fn the_instruction_budget_is_a_limit_exit() {
        let options = Options {
            instructions: 10_000,
            ..Options::default()
        };
        let t = run("while True:\n    pass\n", "main.py", &options);
        assert_eq!(t.exit, Exit::Limit(Limit::Instructions(10_000)));
        assert!(t.exit.summary().starts_with("Timeout: stopped after 10000"));
    }

    #[test]
    fn a_loop_with_nothing_to_do_is_a_deadlock() {
        let src = "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n";
        let t = run(src, "main.py", &Options::default());
        assert_eq!(t.exit, Exit::Deadlock(crate::trace::Deadlock::Loop));
    }
}
