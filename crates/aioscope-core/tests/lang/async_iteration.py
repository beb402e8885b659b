import asyncio


class Countdown:
    """An asynchronous iterator written as a class."""

    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.01)
        self.n -= 1
        return self.n


async def squares(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.01)
            yield i * i
    finally:
        print('squares finished')


async def failing():
    yield 1
    raise ValueError('boom')


async def ticks():
    i = 0
    while True:
        await asyncio.sleep(0.01)
        yield i
        i += 1


async def consumer():
    try:
        async for t in ticks():
            print('tick', t)
    except asyncio.CancelledError:
        print('consumer cancelled')
        raise


async def main():
    async for i in Countdown(3):
        print('count', i)
    else:
        print('else ran')
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        print('got', i)
    async for v in squares(3):
        print('square', v)
    print(sorted({x async for x in squares(4) if x}))
    print({x: x + 1 async for x in squares(2)})
    print([[y for y in range(x)] async for x in squares(3)])
    print([await asyncio.sleep(0.01, x) for x in range(3)])
    try:
        async for x in failing():
            print('failing gave', x)
    except ValueError as e:
        print('caught', e)
    task = asyncio.create_task(consumer())
    await asyncio.sleep(0.035)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('main saw the cancel')
    g = squares(1)
    print(type(g).__name__, asyncio.iscoroutine(g))
    async for x in g:
        print('first pass', x)
    async for x in g:
        print('second pass', x)
    for bad in ([1, 2], g):
        try:
            if isinstance(bad, list):
                async for x in bad:
                    pass
            else:
                await bad
        except TypeError as e:
            print('TypeError:', e)
    try:
        for x in squares(1):
            pass
    except TypeError as e:
        print('TypeError:', e)


asyncio.run(main())
