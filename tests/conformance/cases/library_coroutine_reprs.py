# Tasks wrapping the library's own coroutines print where CPython's library
# has them suspended (or defined, once done).
import asyncio


async def main():
    q = asyncio.Queue()
    ev = asyncio.Event()
    lock = asyncio.Lock()
    await lock.acquire()
    tasks = [
        asyncio.ensure_future(asyncio.sleep(1, "slept")),
        asyncio.create_task(asyncio.wait_for(ev.wait(), 5)),
        asyncio.create_task(q.get()),
        asyncio.create_task(lock.acquire()),
        asyncio.create_task(asyncio.to_thread(sum, [1, 2])),
    ]
    for t in tasks:
        print(t)
    await asyncio.sleep(0)
    for t in tasks:
        print(t)
    await asyncio.sleep(0.5)
    q.put_nowait("item")
    ev.set()
    lock.release()
    await asyncio.sleep(2)
    for t in tasks:
        print(t)


asyncio.run(main())
