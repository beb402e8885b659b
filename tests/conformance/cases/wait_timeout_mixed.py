# wait_timeout_mixed.py -- asyncio.wait() with a timeout and
# FIRST_EXCEPTION: the failure ends the wait early; a second wait with a
# timeout returns with the stragglers still pending, which are then
# cancelled and awaited.
import asyncio
import time


async def step(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, 'cancelled at {:.2f}'.format(time.monotonic()))
        raise
    if fail:
        raise RuntimeError(name)
    return name


async def main():
    tasks = [asyncio.create_task(step('t%d' % i, d, fail=(i == 2)), name='t%d' % i)
             for i, d in enumerate((0.3, 2.0, 0.5, 1.0, 3.0))]
    done, pending = await asyncio.wait(tasks, timeout=2.5,
                                       return_when=asyncio.FIRST_EXCEPTION)
    print('first wait ends at {:.2f}'.format(time.monotonic()))
    print('done:', sorted(t.get_name() for t in done))
    print('pending:', sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, timeout=0.7)
    print('second wait ends at {:.2f}'.format(time.monotonic()))
    print('done:', sorted(t.get_name() for t in done))
    for t in tasks:
        if not t.done():
            t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for t, r in zip(tasks, results):
        print(t.get_name(), type(r).__name__, r if isinstance(r, str) else '')


asyncio.run(main())
