//! Running a whole program under the simulated asyncio, producing the
//! corpus transcript (and the recorded events).

use crate::vm::{Halt, RunError, Vm};

use super::host::aio;
use super::trace::Event;

/// How a program ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Exit {
    /// Normally (or `SystemExit` with code 0/None).
    Ok,
    /// With an exception or a guard: `TypeName: message`.
    Error(String),
}

/// The result of a simulated run.
pub struct Run {
    /// stdout records: (virtual time, text).
    pub out: Vec<(f64, String)>,
    /// How it ended, and the clock then.
    pub exit: Exit,
    /// The clock at the end.
    pub end_time: f64,
    /// stderr (tracebacks, "Exception in callback").
    pub stderr: String,
    /// Recorded loop events (when recording was asked for).
    pub events: Vec<Event>,
}

/// Options of a run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Record the event trace.
    pub record: bool,
}

/// Runs `source` (shown as `filename`) to the end.
pub fn run_program(source: &str, filename: &str, options: &Options) -> Run {
    let mut vm = Vm::new();
    super::install(&mut vm);
    aio(&vm).recorder.borrow_mut().enabled = options.record;
    let result = vm.run_main(source, filename);
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
                    None | Some(crate::vm::Value::None) | Some(crate::vm::Value::Int(0)) => {
                        Exit::Ok
                    }
                    Some(_) => Exit::Error(vm.exception_summary(&e)),
                }
            } else {
                let tb = vm.format_traceback(&e);
                vm.write_stderr(&tb);
                Exit::Error(vm.exception_summary(&e))
            }
        }
        Err(RunError::Halt(h)) => {
            let msg = match &h {
                Halt::Guard(m) => m.clone(),
                other => other.to_string(),
            };
            Exit::Error(msg)
        }
    };
    let events = std::mem::take(&mut aio(&vm).recorder.borrow_mut().events);
    Run {
        out: vm.stdout.iter().map(|r| (r.t, r.text.clone())).collect(),
        exit,
        end_time: vm.clock,
        stderr: std::mem::take(&mut vm.stderr),
        events,
    }
}

impl Run {
    /// The transcript in the corpus format: `{"t": T, "out": TEXT}` lines
    /// (writes at the same clock value merged) and an exit record.
    pub fn transcript(&self) -> String {
        use super::json::{string, time};
        let mut out = String::new();
        for (t, text) in &self.out {
            out.push_str(&format!(
                "{{\"t\": {}, \"out\": {}}}\n",
                time(*t),
                string(text)
            ));
        }
        match &self.exit {
            Exit::Ok => out.push_str(&format!(
                "{{\"t\": {}, \"exit\": \"ok\"}}\n",
                time(self.end_time)
            )),
            Exit::Error(exc) => out.push_str(&format!(
                "{{\"t\": {}, \"exit\": \"error\", \"exc\": {}}}\n",
                time(self.end_time),
                string(exc)
            )),
        }
        out
    }
}
