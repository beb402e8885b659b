//! Delivering a signal to the running program, as if the user pressed
//! Ctrl+C (SIGINT) or something sent it: the host calls [`deliver`]
//! between two steps. The handlers live where the program put them
//! (`signal.signal`, `loop.add_signal_handler`, see the `signal` module
//! and `asyncio.py`): a Python handler runs at once, a loop's handler in
//! the loop's next iteration, and SIGINT's default raises
//! `KeyboardInterrupt` (returned as the error, for the caller to raise
//! where the program is).
//!
//! Ctrl+C at a chosen virtual time (`run::Options::interrupt_at`) arrives
//! where a real one finds the program: in the main thread's wait (the
//! event loop waiting in its selector for its next timer, or for ever; a
//! `time.sleep`; the program's end waiting for its threads), as the
//! corpus oracle delivers it.

use crate::vm::value::{Args, Halt, PyErr, PyResult, Value};
use crate::vm::Vm;

use super::host::AioHost;
use super::threads::Wait;

/// SIGINT, the signal Ctrl+C sends.
pub const SIGINT: i64 = 2;

/// Delivers signal `signum` to the program running in `vm`.
pub fn deliver(vm: &mut Vm, signum: i64) -> PyResult<()> {
    let signal = vm.import("signal")?;
    let deliver = vm.get_attr(&Value::Module(signal), "_deliver")?;
    vm.call(&deliver, Args::new(vec![Value::Int(signum)]))?;
    Ok(())
}

impl AioHost {
    /// The time of a Ctrl+C not yet delivered, if the main thread's wait
    /// until `end` would reach it.
    pub fn interrupt_due(&self, end: f64) -> Option<f64> {
        match self.interrupt_at.get() {
            Some(at) if end >= at && self.current_thread.get() == 0 => Some(at),
            _ => None,
        }
    }

    /// The event loop's wait (for its next timer, or for ever),
    /// cut short by Ctrl+C: other threads run until its time (one may hand
    /// the loop work first, and then the wait ends without it), then the
    /// SIGINT handler runs in the wait.
    pub fn wait_for_interrupt(&self, vm: &mut Vm) -> PyResult<()> {
        let Some(at) = self.interrupt_at.get() else {
            return Ok(());
        };
        let from = vm.clock;
        if self.has_other_threads() {
            self.run_others_until(
                vm,
                &Wait {
                    until: Some(at),
                    loop_ready: true,
                    ..Default::default()
                },
            )?;
            if self.ready_len() > 0 && vm.clock < at {
                return Ok(());
            }
        }
        self.press_ctrl_c(vm, from)
    }

    /// Ctrl+C now (the clock moves on to its time if it is ahead): the
    /// SIGINT handler runs, and what it raises is raised where the program
    /// waits. The trace gets a frame for it from `from`.
    pub fn press_ctrl_c(&self, vm: &mut Vm, from: f64) -> PyResult<()> {
        let Some(at) = self.interrupt_at.take() else {
            return Ok(());
        };
        if at > self.guards.get().max_time {
            return Err(PyErr::Halt(Halt::VirtualTime(self.guards.get().max_time)));
        }
        if at > vm.clock {
            vm.clock = at;
        }
        let result = deliver(vm, SIGINT);
        self.observe(|o| o.interrupted(vm, from));
        result
    }

    /// Whether a thread waiting inline above the main thread (a loop
    /// running in it, waiting for its next timer or for ever) must give
    /// the turn back: the main thread waits for the threads at the
    /// program's end with Ctrl+C pending, and nothing (`next`: the earliest
    /// another thread could go on, `mine`: this one's timeout) comes
    /// before it. The main thread goes first on a tie, as the first
    /// thread. The clock moves on to the Ctrl+C.
    pub fn interrupt_unwinds(&self, vm: &mut Vm, next: Option<f64>, mine: Option<f64>) -> bool {
        if !self.joining_interrupted.get() {
            return false;
        }
        let Some(at) = self.interrupt_at.get() else {
            return false;
        };
        let next = match (next, mine) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if next.is_some_and(|n| n < at) {
            return false;
        }
        if at > vm.clock {
            let from = vm.clock;
            self.observe(|o| o.clock_jump(vm, from, at));
            vm.clock = at;
        }
        true
    }

    /// At the program's end, the wait for thread `id` (as
    /// `threading._shutdown`'s), with Ctrl+C pending: the handler runs in
    /// it at its time. A `KeyboardInterrupt` there is printed as ignored
    /// and the program ends with its threads still running; `Ok(true)`
    /// says so.
    pub fn join_interrupted(&self, vm: &mut Vm, id: usize) -> PyResult<bool> {
        let Some(at) = self.interrupt_due(f64::INFINITY) else {
            return Ok(false);
        };
        self.joining_interrupted.set(true);
        let waited = self.run_others_until(
            vm,
            &Wait {
                until: Some(at),
                thread: Some(id),
                ..Default::default()
            },
        );
        self.joining_interrupted.set(false);
        match waited {
            // A thread waiting inline (a loop running in it) gave the turn
            // back for the Ctrl+C: the program ends with it unfinished.
            Err(PyErr::Halt(Halt::Stopped)) => {}
            other => {
                other?;
                if self.threads.borrow()[id].state == super::threads::ThreadState::Finished {
                    return Ok(false);
                }
            }
        }
        let from = vm.clock;
        match self.press_ctrl_c(vm, from) {
            Err(PyErr::Exception(e)) if vm.is_instance_of(&e, "KeyboardInterrupt") => {
                let file = format!("/usr/lib/python3.{}/threading.py", vm.python.minor());
                let line = if vm.python.minor() == 10 { 1567 } else { 1590 };
                vm.write_stderr(&format!(
                    "Exception ignored in: <module 'threading' from '{file}'>\n\
                     Traceback (most recent call last):\n  \
                     File \"{file}\", line {line}, in _shutdown\n    \
                     lock.acquire()\n\
                     KeyboardInterrupt: \n"
                ));
                Ok(true)
            }
            Err(e) => Err(e),
            Ok(()) => Ok(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::deliver;
    use crate::vm::value::PyErr;
    use crate::vm::{Stream, Vm};

    fn vm_after(source: &str) -> Vm {
        let mut vm = Vm::new();
        crate::aio::install(&mut vm);
        if vm.run_main(source, "main.py").is_err() {
            panic!("the program failed: {}", vm.written(Stream::Err));
        }
        vm
    }

    fn stdout(vm: &Vm) -> String {
        vm.written(Stream::Out)
    }

    #[test]
    fn a_delivered_signal_runs_its_python_handler_at_once() {
        let mut vm = vm_after(
            "import signal\n\
             def on_usr1(signum, frame):\n    print('handler', repr(signum), signal.Signals(signum).name, frame)\n\
             print(signal.signal(signal.SIGUSR1, on_usr1))\n",
        );
        deliver(&mut vm, 10).expect("delivered");
        assert_eq!(stdout(&vm), "0\nhandler 10 SIGUSR1 None\n");
    }

    #[test]
    fn sigint_without_a_handler_raises_keyboard_interrupt() {
        let mut vm = vm_after("import signal\n");
        match deliver(&mut vm, 2) {
            Err(PyErr::Exception(e)) => assert!(vm.is_instance_of(&e, "KeyboardInterrupt")),
            _ => panic!("SIGINT's default handler raises KeyboardInterrupt"),
        }
        let mut vm = vm_after("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n");
        assert!(
            deliver(&mut vm, 2).is_ok(),
            "an ignored signal does nothing"
        );
    }

    #[test]
    fn a_loop_signal_handler_runs_after_the_loop_reads_its_self_pipe() {
        // As CPython: the next select queues the self-pipe's reader, which
        // queues the handler, which runs an iteration later.
        let vm = vm_after(
            "import asyncio, signal\n\
             async def main():\n\
             \x20   loop = asyncio.get_running_loop()\n\
             \x20   loop.add_signal_handler(signal.SIGTERM, print, 'got', 'SIGTERM')\n\
             \x20   signal.raise_signal(signal.SIGTERM)\n\
             \x20   print('raised')\n\
             \x20   await asyncio.sleep(0)\n\
             \x20   print('after sleep 0')\n\
             \x20   await asyncio.sleep(0)\n\
             \x20   print('removed', loop.remove_signal_handler(signal.SIGTERM),\n\
             \x20         loop.remove_signal_handler(signal.SIGTERM),\n\
             \x20         signal.getsignal(signal.SIGTERM))\n\
             asyncio.run(main())\n",
        );
        assert_eq!(
            stdout(&vm),
            "raised\nafter sleep 0\nremoved True False 0\ngot SIGTERM\n"
        );
    }

    #[test]
    fn add_signal_handler_refuses_what_cpython_refuses() {
        let vm = vm_after(
            "import asyncio, signal\n\
             async def coro():\n    pass\n\
             async def main():\n\
             \x20   loop = asyncio.get_running_loop()\n\
             \x20   for sig, cb in [(signal.SIGKILL, print), (999, print), ('x', print), (2, coro)]:\n\
             \x20       try:\n\
             \x20           loop.add_signal_handler(sig, cb)\n\
             \x20       except (RuntimeError, ValueError, TypeError) as e:\n\
             \x20           print(type(e).__name__, e)\n\
             asyncio.run(main())\n",
        );
        assert_eq!(
            stdout(&vm),
            "RuntimeError sig 9 cannot be caught\n\
             ValueError invalid signal number 999\n\
             TypeError sig must be an int, not 'x'\n\
             TypeError coroutines cannot be used with add_signal_handler()\n"
        );
    }
}
