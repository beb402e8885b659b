# async_gen_awaitables.py -- an async generator's __anext__(), asend() and
# aclose() awaitables driven by tasks of their own: wait_for() with a
# timeout (the cancellation closes the generator), ensure_future and
# create_task (the task's repr names the awaitable's type), gather over
# two generators (closed when main returns), and anext() with a default.
import asyncio


async def ticker(name, n, step=1.0):
    try:
        for i in range(n):
            await asyncio.sleep(step)
            yield f'{name}{i}'
    finally:
        print(f'{name} finally at {asyncio.get_running_loop().time():.1f}')


async def main():
    g = ticker('a', 3)
    print('in time:', await asyncio.wait_for(g.__anext__(), 5))
    try:
        await asyncio.wait_for(g.__anext__(), 0.5)
    except asyncio.TimeoutError:
        print('timed out; next gives', await anext(g, 'nothing'))

    h = ticker('b', 3)
    t = asyncio.ensure_future(h.asend(None))
    print(t)
    print('asend task:', await t)
    t = asyncio.create_task(h.aclose())
    print(t)
    print('aclose task:', await t, t)

    c, d = ticker('c', 2), ticker('d', 2, 0.5)
    print(await asyncio.gather(c.__anext__(), d.__anext__()))
    k = ticker('e', 1, 0.1)
    print(await anext(k), await anext(k, 'done'))
    try:
        await asyncio.wait_for(k.__anext__(), 1)
    except StopAsyncIteration:
        print('exhausted')


asyncio.run(main())
