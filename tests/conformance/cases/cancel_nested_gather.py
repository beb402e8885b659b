# cancel_nested_gather.py -- a task awaits a helper that awaits a gather
# of two children, one of them deep in its own chain; cancelling the task
# reaches the gather, which cancels its children at their innermost
# awaits, and the helper's handler decides what the task returns.
import asyncio


async def leaf(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    except asyncio.CancelledError as e:
        print(name, 'got CancelledError', e.args)
        raise


async def branch(name):
    print(name, 'enters branch')
    result = await leaf(name + '.leaf', 5)
    return result


async def helper():
    try:
        return await asyncio.gather(branch('b1'), leaf('l2', 3))
    except asyncio.CancelledError:
        print('helper: gather cancelled')
        await asyncio.sleep(0.1)
        print('helper: cleaned up')
        raise


async def job():
    try:
        await helper()
    finally:
        print('job: finally')


async def main():
    task = asyncio.create_task(job(), name='job')
    await asyncio.sleep(0.4)
    task.cancel('stop now')
    try:
        await task
    except asyncio.CancelledError as e:
        print('main: job cancelled', e.args, task.cancelled())


asyncio.run(main())
