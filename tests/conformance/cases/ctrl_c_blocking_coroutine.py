# ctrl_c_blocking_coroutine.py -- Ctrl+C (at t=1.5) while a coroutine
# blocks the whole loop in time.sleep().  asyncio.run()'s SIGINT handler
# runs in the middle of the sleep: it only cancels the main task (and
# returns, so the sleep goes on to its end).  The cancellation lands when
# the main task's coroutine next gives the loop control; here it finishes
# first, so the task ends cancelled all the same, and asyncio.run()
# cancels the ticker on its way out and raises KeyboardInterrupt.
import asyncio
import time


async def ticker():
    try:
        while True:
            print(f'{time.time():.2f} tick')
            await asyncio.sleep(0.5)
    finally:
        print(f'{time.time():.2f} ticker stops')


async def blocker():
    await asyncio.sleep(1)
    print(f'{time.time():.2f} blocking the loop for 2 s')
    time.sleep(2)
    print(f'{time.time():.2f} the sleep went on to its end')


async def main():
    t = asyncio.create_task(ticker())
    try:
        await blocker()
    finally:
        print(f'{time.time():.2f} main finally, ticker done:', t.done())


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print(f'{time.time():.2f} KeyboardInterrupt out of asyncio.run')
