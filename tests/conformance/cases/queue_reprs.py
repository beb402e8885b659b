import asyncio
async def m():
    q = asyncio.PriorityQueue(3)
    await q.put((2, 'x')); await q.put((1, 'y'))
    print(str(q)); print(repr(q).startswith('<PriorityQueue at 0x'))
    l = asyncio.LifoQueue(); print(str(l)); q.get_nowait(); print(q); q.task_done(); print(q)
    async def getter():
        return await l.get()
    t = asyncio.create_task(getter()); await asyncio.sleep(0); print(l)
    l.put_nowait('z'); print(await t, l, isinstance(l, asyncio.Queue))
asyncio.run(m())
