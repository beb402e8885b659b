# policy_loops_per_thread.py -- each thread has its own event loop in the
# policy: a new thread has none (get_event_loop raises, naming the thread),
# sets one it made with new_event_loop, and runs it with run_until_complete
# (its waits let the main thread run) while the main thread's loop stays
# its own. One loop runs at a time.
import asyncio
import threading
import time


async def job(n):
    await asyncio.sleep(0.5 * n)
    print(f'{time.time():.2f} job {n} in {threading.current_thread().name}')
    return n * 10


def worker(n):
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        print('worker:', e)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    print(f'worker {n} has its loop:', asyncio.get_event_loop() is loop)
    try:
        print(f'worker {n} result', loop.run_until_complete(job(n)))
        print(f'worker {n} gathers',
              loop.run_until_complete(asyncio.gather(job(1), job(2))))
    finally:
        loop.close()


main_loop = asyncio.new_event_loop()
asyncio.set_event_loop(main_loop)
for n in (1, 2):
    t = threading.Thread(target=worker, args=(n,), name=f'loop-{n}')
    t.start()
    time.sleep(0.2)
    print(f'{time.time():.2f} main thread runs meanwhile')
    t.join()
print(f'{time.time():.2f} main loop kept:',
      asyncio.get_event_loop() is main_loop)
print(main_loop.run_until_complete(job(0)))
main_loop.close()
