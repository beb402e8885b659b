import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def chain():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]


c = chain()
print(type(c).__name__, c.__qualname__)
print(asyncio.run(c))
try:
    asyncio.run(c)
except RuntimeError as e:
    print('RuntimeError:', e)


def gen():
    received = yield 1
    print('got', received)
    yield received * 2


g = gen()
print(next(g), g.send(21))
try:
    next(g)
except StopIteration:
    print('exhausted')


async def failing():
    raise ValueError('bad value')


async def main():
    try:
        await failing()
    except ValueError as e:
        print('caught', repr(e))
    t = asyncio.create_task(add(2, 3))
    print(await t, t.done(), t.result())
    results = await asyncio.gather(add(1, 1), failing(), return_exceptions=True)
    print(results)


asyncio.run(main())
