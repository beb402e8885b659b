//! Delivering a signal to the running program, as if the user pressed
//! Ctrl+C (SIGINT) or something sent it: the host calls [`deliver`]
//! between two steps. The handlers live where the program put them
//! (`signal.signal`, `loop.add_signal_handler`, see the `signal` module
//! and `asyncio.py`): a Python handler runs at once, a loop's handler in
//! the loop's next iteration, and SIGINT's default raises
//! `KeyboardInterrupt` (returned as the error, for the caller to raise
//! where the program is).

use crate::vm::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// Delivers signal `signum` to the program running in `vm`.
pub fn deliver(vm: &mut Vm, signum: i64) -> PyResult<()> {
    let signal = vm.import("signal")?;
    let deliver = vm.get_attr(&Value::Module(signal), "_deliver")?;
    vm.call(&deliver, Args::new(vec![Value::Int(signum)]))?;
    Ok(())
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
             def on_usr1(signum, frame):\n    print('handler', signum, signum.name, frame)\n\
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
