import asyncio

async def main():
    lifo = asyncio.LifoQueue()
    prio = asyncio.PriorityQueue()
    for i, item in enumerate([(3, 'c'), (1, 'a'), (2, 'b')]):
        await lifo.put(i)
        await prio.put(item)
    print([lifo.get_nowait() for _ in range(3)])
    print([prio.get_nowait() for _ in range(3)])
    q = asyncio.Queue(maxsize=1)
    await q.put(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print('full')
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('empty')

asyncio.run(main())
