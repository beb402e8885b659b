# future_exception_never_retrieved.py -- plain futures log too: a Future
# given an exception that nobody reads says "Future exception was never
# retrieved" when it goes away, and a gather() that nobody awaits reports
# its own future (a _GatheringFuture) the same way.
import asyncio


async def fail():
    await asyncio.sleep(0.1)
    raise OSError('disk full')


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(LookupError('no such key'))
    print('future done:', fut.done())
    fut = None
    group = asyncio.gather(fail())
    await asyncio.sleep(0.3)
    print('gather done:', group.done())
    group = None
    print('end of main')


asyncio.run(main())
