# loop_in_thread_submit.py -- an event loop running forever in a thread of
# its own while the main thread hands it work: call_soon_threadsafe for a
# callback, run_coroutine_threadsafe for coroutines (each gives back a
# concurrent.futures.Future), the main thread blocking on result(), a
# timeout on result(), cancelling a submitted coroutine, then stopping the
# loop from the main thread and joining its thread.
import asyncio
import concurrent.futures
import threading
import time


def start_loop(loop):
    asyncio.set_event_loop(loop)
    print(f'{time.time():.1f} loop thread starts:',
          threading.current_thread().name)
    loop.run_forever()
    print(f'{time.time():.1f} loop stopped in', threading.current_thread().name)


async def work(x):
    print(f'{time.time():.1f} work({x}) in', threading.current_thread().name)
    await asyncio.sleep(x)
    return f'work({x}) done'


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f'{time.time():.1f} slow cancelled')
        raise


def hello(who):
    print(f'{time.time():.1f} hello from', who, 'in',
          threading.current_thread().name)


loop = asyncio.new_event_loop()
t = threading.Thread(target=start_loop, args=(loop,), name='loop-thread')
t.start()
loop.call_soon_threadsafe(hello, 'main')
f1 = asyncio.run_coroutine_threadsafe(work(2), loop)
f2 = asyncio.run_coroutine_threadsafe(work(1), loop)
print(f'{time.time():.1f} submitted; f1 done:', f1.done())
r2 = f2.result()
print(f'{time.time():.1f} f2 ->', r2)
r1 = f1.result()
print(f'{time.time():.1f} f1 ->', r1)
f3 = asyncio.run_coroutine_threadsafe(slow(), loop)
try:
    f3.result(timeout=0.5)
except concurrent.futures.TimeoutError:
    print(f'{time.time():.1f} no result within 0.5 s; cancel ->', f3.cancel())
time.sleep(0.1)
print(f'{time.time():.1f} f3 cancelled:', f3.cancelled())
loop.call_soon_threadsafe(loop.stop)
t.join()
loop.close()
print(f'{time.time():.1f} main ends')
