# as_completed_timeout.py -- as_completed() yields awaitables in the order
# the tasks finish; with a timeout the next one raises TimeoutError, and
# the unfinished tasks go on running.
import asyncio
import time


async def fetch(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name + ' failed')
    return name


async def main():
    tasks = [
        asyncio.create_task(fetch('slow', 1.5), name='slow'),
        asyncio.create_task(fetch('quick', 0.2), name='quick'),
        asyncio.create_task(fetch('broken', 0.4, fail=True), name='broken'),
        asyncio.create_task(fetch('middle', 0.6), name='middle'),
    ]
    try:
        for fut in asyncio.as_completed(tasks, timeout=1.0):
            try:
                print('got', await fut, 'at {:.1f}'.format(time.monotonic()))
            except ValueError as e:
                print('error:', e, 'at {:.1f}'.format(time.monotonic()))
    except asyncio.TimeoutError:
        print('timed out at {:.1f}'.format(time.monotonic()))
    for t in tasks:
        print(t.get_name(), 'done' if t.done() else 'pending')
    print('slow returns', await tasks[0], 'at {:.1f}'.format(time.monotonic()))


asyncio.run(main())
