# py310_ctrl_c_asyncio_run.py -- Ctrl+C under asyncio.run() in Python 3.10
# (at t=2.5): no handler of its own there, so KeyboardInterrupt comes
# straight out of the loop's wait; asyncio.run() then cancels what is left
# (the main task and the gather's child) and runs the loop until they are
# done before the KeyboardInterrupt goes on.  One child only: 3.10 cancels
# the tasks left in the order of a set of tasks, which follows addresses.
import asyncio
import signal
import time


async def worker(name, delay):
    try:
        while True:
            await asyncio.sleep(delay)
            print(f'{time.time():.2f} {name} tick')
    finally:
        print(f'{time.time():.2f} {name} cleans up')


async def main():
    print('default handler:',
          signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    try:
        await asyncio.gather(worker('a', 0.75))
    except asyncio.CancelledError:
        print(f'{time.time():.2f} main cancelled')
        raise
    finally:
        print('main finally')


try:
    asyncio.run(main())
except KeyboardInterrupt as e:
    print(f'{time.time():.2f} asyncio.run raised', repr(e))
