import asyncio


async def work():
    await asyncio.sleep(0.1)
    return 1


async def main():
    task = asyncio.create_task(work())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(type(task), type(fut))
    print(type(task).__name__, type(fut).__name__, type(task).__module__, type(fut).__module__, type(task).__qualname__)
    print(asyncio.Task, asyncio.Future, asyncio.Task is type(task), asyncio.Future is type(fut))
    print(isinstance(task, asyncio.Future), isinstance(task, asyncio.Task), isinstance(fut, asyncio.Task))
    print(asyncio.CancelledError, asyncio.TimeoutError, asyncio.InvalidStateError)
    print(asyncio.CancelledError.__name__, asyncio.CancelledError.__module__, asyncio.CancelledError.__qualname__)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError as e:
        print(type(e), type(e).__name__, repr(e), type(e).__module__)
    fut.cancel()
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print(type(e), repr(e))
    c = asyncio.sleep(0)
    print(type(asyncio.get_running_loop()).__name__, type(c).__name__)
    await c
    h = loop.call_later(1, print)
    print(type(h), type(loop.call_soon(print)))
    h.cancel()
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError as e:
        print(type(e), type(e).__name__)
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(type(e), type(e).__name__)
    print(type(asyncio.Event()), type(asyncio.Lock()), type(asyncio.Semaphore()))
    print(asyncio.Lock.__module__, asyncio.Queue.__module__, asyncio.Event.__qualname__)


asyncio.run(main())
