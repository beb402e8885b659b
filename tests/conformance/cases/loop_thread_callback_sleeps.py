# loop_thread_callback_sleeps.py -- a loop running forever in its own
# thread; the main thread hands it a callback that blocks it with
# time.sleep (the loop's thread alone stops: the main thread runs on) and
# coroutines through run_coroutine_threadsafe, then stops it.
import asyncio
import threading
import time


def blocking_callback(label):
    print(f'{time.time():.2f} {label} starts in', threading.current_thread().name)
    time.sleep(1)
    print(f'{time.time():.2f} {label} ends')


async def work(n):
    await asyncio.sleep(n)
    print(f'{time.time():.2f} work({n}) done')
    return n


loop = asyncio.new_event_loop()
thread = threading.Thread(target=loop.run_forever, name='loop-thread')
thread.start()

loop.call_soon_threadsafe(blocking_callback, 'callback')
future = asyncio.run_coroutine_threadsafe(work(0.5), loop)
print(f'{time.time():.2f} main submitted')
time.sleep(0.25)
print(f'{time.time():.2f} main still runs, future done: {future.done()}')
result = future.result()
print(f'{time.time():.2f} result', result)
result = asyncio.run_coroutine_threadsafe(work(0.25), loop).result()
print(f'{time.time():.2f} result', result)
loop.call_soon_threadsafe(loop.stop)
thread.join()
print(f'{time.time():.2f} loop running: {loop.is_running()}')
loop.close()
