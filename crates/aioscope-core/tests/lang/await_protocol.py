# Objects with __await__ (as aiohttp's session.get() returns): awaited
# directly, used with async with, and handed to gather/wait_for, which
# wrap them in a task.
import asyncio


class Request:
    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, *exc):
        print('released', self._resp)


async def answer(x, delay):
    await asyncio.sleep(delay)
    return x * 2


async def main():
    print(await Request(answer(1, 0.1)))
    async with Request(answer(2, 0.1)) as r:
        print('inside', r)
    print(await asyncio.gather(Request(answer(3, 0.2)), Request(answer(4, 0.1))))
    print(await asyncio.wait_for(Request(answer(5, 0.1)), 1))
    try:
        await asyncio.wait_for(Request(answer(6, 2)), 0.5)
    except asyncio.TimeoutError:
        print('timed out')
    t = asyncio.ensure_future(Request(answer(7, 0.1)))
    print(type(t).__name__, await t)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print(e)
    coro = answer(8, 0)
    print(type(coro.__await__()).__name__ in ('coroutine', 'coroutine_wrapper'))
    coro.close()


asyncio.run(main())
