# Tasks wrapping the library's own coroutines, printed as a 3.7-era
# tutorial prints them: in 3.10 their reprs name 3.10's asyncio files and
# lines (running at, and defined at once done).
import asyncio


async def main():
    queue = asyncio.Queue()
    lock = asyncio.Lock()
    event = asyncio.Event()
    await lock.acquire()
    waiting = [
        asyncio.ensure_future(asyncio.sleep(1)),
        asyncio.ensure_future(queue.get()),
        asyncio.ensure_future(lock.acquire()),
        asyncio.ensure_future(event.wait()),
        asyncio.ensure_future(asyncio.wait_for(asyncio.sleep(5), 3)),
    ]
    await asyncio.sleep(0)
    for task in waiting:
        print(task)
    queue.put_nowait("item")
    event.set()
    lock.release()
    await asyncio.sleep(0.5)
    for task in waiting:
        print(task.done(), task)
    for task in waiting:
        task.cancel()
    results = await asyncio.gather(*waiting, return_exceptions=True)
    print([type(r).__name__ for r in results])
    for task in waiting:
        print(task)


loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
