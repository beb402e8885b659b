# semaphore_waiter_cancelled.py -- a Semaphore(1) with four waiters; one
# waiter is cancelled while it waits, another is cancelled just after the
# release picked it: the permit passes on to the next waiter in line.
import asyncio
import time


async def user(name, sem, hold):
    print(name, 'waits, locked:', sem.locked())
    try:
        async with sem:
            print(name, 'holds the semaphore at {:.1f}'.format(time.monotonic()))
            await asyncio.sleep(hold)
            print(name, 'releases at {:.1f}'.format(time.monotonic()))
    except asyncio.CancelledError:
        print(name, 'cancelled at {:.1f}'.format(time.monotonic()))
        raise


async def main():
    sem = asyncio.Semaphore(1)
    tasks = {}
    for name in ('a', 'b', 'c', 'd', 'e'):
        tasks[name] = asyncio.create_task(user(name, sem, 0.5), name=name)
    await asyncio.sleep(0.2)
    tasks['c'].cancel()
    await asyncio.sleep(0.3)
    # a's release at 0.5 has just woken b: cancel it before it runs
    tasks['b'].cancel()
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    print('all finished at {:.1f}, locked: {}'.format(time.monotonic(), sem.locked()))


asyncio.run(main())
