# ctrl_c_loop_thread.py -- the tutorials' "event loop in another thread":
# a thread runs loop.run_forever(), the main thread hands it a callback
# (call_soon_threadsafe) and coroutines (run_coroutine_threadsafe), sleeps
# a while (the loop's thread runs meanwhile), then ends.  The program's end waits for the thread, which never ends; Ctrl+C
# (at t=7) interrupts that wait: CPython reports the KeyboardInterrupt as
# ignored in threading's shutdown and the program ends.
import asyncio
import threading
import time


def start_loop(loop):
    asyncio.set_event_loop(loop)
    loop.run_forever()


async def do_some_work(x):
    print(f'{time.time():.1f} Waiting {x}')
    await asyncio.sleep(x)
    print(f'{time.time():.1f} Done after {x}s')
    return x * 10


def more_work(x):
    print(f'{time.time():.1f} More work {x}')


new_loop = asyncio.new_event_loop()
t = threading.Thread(target=start_loop, args=(new_loop,))
t.start()
new_loop.call_soon_threadsafe(more_work, 1)
f1 = asyncio.run_coroutine_threadsafe(do_some_work(4), new_loop)
f2 = asyncio.run_coroutine_threadsafe(do_some_work(2), new_loop)
print(type(f1).__module__, type(f1).__name__, f1.done())
f1.add_done_callback(lambda f: print(f'{time.time():.1f} f1 ->', f.result()))
time.sleep(0.5)
print(f'{time.time():.1f} main thread ends')
