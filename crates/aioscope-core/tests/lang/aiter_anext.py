# aiter() and anext(): the built-ins behind async for, on async generators
# and on classes of one's own, with a default and CPython's errors.
import asyncio


async def count(n):
    for i in range(n):
        yield i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class NotAnIterator:
    def __aiter__(self):
        return 42


async def main():
    g = count(2)
    print(aiter(g) is g)
    print(await anext(g), await anext(g), await anext(g, 'end'))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    c = aiter(Countdown(2))
    print(await anext(c), await anext(c), await anext(c, None))
    print([x async for x in Countdown(3)])
    for bad in [1, [1], 'abc']:
        try:
            aiter(bad)
        except TypeError as e:
            print(e)
        try:
            anext(bad)
        except TypeError as e:
            print(e)
    try:
        aiter(NotAnIterator())
    except TypeError as e:
        print(e)
    for args in [(), (g, 1, 2)]:
        try:
            anext(*args)
        except TypeError as e:
            print(e)


asyncio.run(main())
