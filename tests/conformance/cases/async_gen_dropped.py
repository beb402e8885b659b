# async_gen_dropped.py -- an async generator nothing refers to any more is
# closed by the event loop (its finalizer hook schedules aclose() as a
# task): after `del`, after its name is rebound, and when an exception
# leaves the `async for` iterating it.
import asyncio


async def ticks(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print(f'{name} closed at {asyncio.get_running_loop().time():.1f}')


async def main():
    g = ticks('deleted', 5)
    print('first', await g.__anext__())
    del g
    await asyncio.sleep(0.5)

    g = ticks('rebound', 5)
    print('first', await g.__anext__())
    g = ticks('second', 2)
    await asyncio.sleep(0.5)
    print('second gives', [i async for i in g])

    try:
        async for i in ticks('raised through', 5):
            print('got', i)
            raise ValueError('stop early')
    except ValueError as e:
        print('caught', e)
    await asyncio.sleep(0.5)
    print('done')


asyncio.run(main())
