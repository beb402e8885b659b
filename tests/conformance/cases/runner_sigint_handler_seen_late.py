# runner_sigint_handler_seen_late.py -- asyncio.run() replaces SIGINT's
# handler while the main coroutine runs (so Ctrl+C cancels the main task),
# and puts the default back when it returns.  The program looks only once
# it is running, after importing signal itself.
import asyncio


async def main():
    import signal
    handler = signal.getsignal(signal.SIGINT)
    print(type(handler).__name__, handler.func.__name__)
    print('main task:', handler.keywords['main_task'].get_name())
    print('default now?', handler is signal.default_int_handler)


asyncio.run(main())
import signal
print('default after?', signal.getsignal(signal.SIGINT) is signal.default_int_handler)
