# sys_exit_message.py -- sys.exit() with a message ends the program with
# status 1 and prints the message on stderr (no traceback).  Called inside
# a coroutine, the SystemExit goes through the task and out of
# asyncio.run(), which still cancels the other tasks on the way.
import asyncio
import sys


async def watchdog():
    try:
        await asyncio.sleep(10)
    finally:
        print('watchdog stopped')


async def main():
    asyncio.create_task(watchdog())
    for step in range(5):
        await asyncio.sleep(0.1)
        print('step', step)
        if step == 2:
            sys.exit(f'giving up at step {step}')


asyncio.run(main())
