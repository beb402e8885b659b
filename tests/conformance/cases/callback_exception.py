# callback_exception.py -- a plain callback scheduled with call_soon() or
# call_later() raises.  The loop catches it, logs "Exception in callback"
# with the handle and the traceback (which starts in asyncio's
# Handle._run), and keeps running the other callbacks and tasks.
import asyncio


def average(values):
    return sum(values) / len(values)


def report(name, values):
    print(f'{name}: {average(values):.1f}')


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(report, 'morning', [3, 4, 5])
    loop.call_soon(report, 'night', [])
    loop.call_later(0.2, report, 'evening', [1, 2])
    await asyncio.sleep(0.5)
    print('the loop kept going')


asyncio.run(main())
