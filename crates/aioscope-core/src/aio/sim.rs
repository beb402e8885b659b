//! Running a whole program under the simulated asyncio and recording it.

use crate::trace::{Exit, Recorder, Trace};
use crate::vm::{Halt, RunError, Value, Vm};

use super::host::aio;

/// Options of a run.
#[derive(Clone, Debug)]
pub struct Options {
    /// Record executed lines (for line stepping); costs time.
    pub lines: bool,
    /// Instruction budget for the whole run.
    pub instructions: u64,
    /// Loop iterations, virtual seconds and tasks allowed.
    pub guards: super::host::Guards,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lines: true,
            instructions: crate::vm::Limits::default().instructions,
            guards: super::host::Guards::default(),
        }
    }
}

/// A fresh interpreter with asyncio installed.
pub fn new_vm() -> Vm {
    let mut vm = Vm::new();
    super::install(&mut vm);
    vm
}

/// Runs `source` (shown as `filename`) to the end and returns its trace.
/// Never panics on user input: syntax errors, exceptions and runaway
/// programs all end the trace with an error exit.
pub fn run_program(source: &str, filename: &str, options: &Options) -> Trace {
    run_program_recorded(source, filename, options, Recorder::new(filename))
}

/// [`run_program`] with a recorder set up by the caller (one that reports
/// each frame as it is recorded, say).
pub fn run_program_recorded(
    source: &str,
    filename: &str,
    options: &Options,
    recorder: Recorder,
) -> Trace {
    let mut vm = new_vm();
    vm.trace_lines = options.lines;
    vm.limits.instructions = options.instructions;
    let host = aio(&vm);
    host.guards.set(options.guards);
    host.set_observer(Box::new(recorder));
    let mut result = vm.run_main(source, filename);
    if result.is_ok() {
        // Like threading._shutdown: wait for the non-daemon threads.
        if let Err(e) = host.join_all(&mut vm) {
            result = Err(match e {
                crate::vm::PyErr::Exception(v) => RunError::Exception(v),
                crate::vm::PyErr::Halt(h) => RunError::Halt(h),
                crate::vm::PyErr::Suspend(_) => {
                    RunError::Halt(Halt::Internal("the main thread suspended".into()))
                }
            });
        }
    }
    let exit = match result {
        Ok(()) => Exit::Ok,
        Err(RunError::Syntax(e)) => {
            vm.write_stderr(&e.render(filename, source));
            vm.write_stderr("\n");
            Exit::Error(format!("{}: {}", e.type_name(), e.message()))
        }
        Err(RunError::Exception(e)) => {
            if vm.is_instance_of(&e, "SystemExit") {
                let code = e.exc().and_then(|d| d.borrow().args.first().cloned());
                match code {
                    None | Some(Value::None) | Some(Value::Int(0)) => Exit::Ok,
                    Some(_) => Exit::Error(vm.exception_summary(&e)),
                }
            } else {
                let tb = vm.format_traceback(&e);
                vm.write_stderr(&tb);
                Exit::Error(vm.exception_summary(&e))
            }
        }
        Err(RunError::Halt(h)) => Exit::Error(match &h {
            Halt::Guard(m) => m.clone(),
            other => other.to_string(),
        }),
    };
    let observer = host.take_observer();
    let recorder: Box<Recorder> = match observer.into_any().downcast::<Recorder>() {
        Ok(r) => r,
        Err(_) => Box::new(Recorder::new(filename)),
    };
    recorder.finish(&mut vm, &host, exit)
}
