# ctrl_c_asyncio_run.py -- Ctrl+C under asyncio.run() (at t=2.5).  In 3.11
# asyncio.run() installs its own SIGINT handler: the first Ctrl+C cancels
# the main task, which unwinds through its awaits (finally blocks run,
# gather cancels its children), and asyncio.run() then raises
# KeyboardInterrupt.
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
    print('handler installed by asyncio.run:',
          signal.getsignal(signal.SIGINT) is not signal.default_int_handler)
    try:
        await asyncio.gather(worker('a', 1), worker('b', 0.75))
    except asyncio.CancelledError:
        print(f'{time.time():.2f} main cancelled,',
              'cancelling() =', asyncio.current_task().cancelling())
        raise
    finally:
        print('main finally')


try:
    asyncio.run(main())
except KeyboardInterrupt as e:
    print(f'{time.time():.2f} asyncio.run raised', repr(e))
print('handler restored:',
      signal.getsignal(signal.SIGINT) is signal.default_int_handler)
