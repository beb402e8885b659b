import asyncio


def shape(obj):
    """A repr without its address, which differs run to run."""
    r = repr(obj)
    return r[:r.find(' at ')] + r[r.find(' ['):]


async def consumer(cond, name, items):
    async with cond:
        while not items:
            print(name, 'waits')
            await cond.wait()
        print(name, 'took', items.pop(0))


async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(cond, f'c{i}', items)) for i in range(3)]
    await asyncio.sleep(0.01)
    print(shape(cond))
    async with cond:
        items.append('a')
        cond.notify()
        print(shape(cond))
    await asyncio.sleep(0.01)
    async with cond:
        items.extend(['b', 'c'])
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(shape(cond), shape(asyncio.Lock()), shape(asyncio.Semaphore(2)))
    try:
        cond.notify()
    except RuntimeError as e:
        print('RuntimeError:', e)
    try:
        await cond.wait_for(lambda: items == ['z'])
    except RuntimeError as e:
        print('RuntimeError:', e)

    async def late():
        async with cond:
            await cond.wait_for(lambda: len(items) > 0)
            print('late saw', items)

    t = asyncio.create_task(late())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('late cancelled, lock held:', cond.locked())
    shared = asyncio.Lock()
    cond2 = asyncio.Condition(shared)
    async with shared:
        print('shared lock:', cond2.locked())


asyncio.run(main())
