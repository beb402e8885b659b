# keyboard_interrupt_in_task.py -- KeyboardInterrupt and SystemExit are
# not ordinary task failures: a coroutine that raises one stops the whole
# event loop at once.  The traceback then shows the loop's own machinery
# between asyncio.run() and the coroutine: run_forever(), _run_once() and
# the handle that ran the task's step.  On the way out, asyncio.run()
# still cancels the other tasks.
import asyncio


async def ticker():
    try:
        for i in range(10):
            print('tick', i)
            await asyncio.sleep(0.1)
    finally:
        print('ticker cleaned up')


async def main():
    asyncio.create_task(ticker())
    await asyncio.sleep(0.25)
    print('pressing Ctrl-C')
    raise KeyboardInterrupt


asyncio.run(main())
