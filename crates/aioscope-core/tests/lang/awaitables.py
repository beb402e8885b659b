# Objects a program awaits, written as classes: __await__ through a
# coroutine's __await__(), a generator waiting on a future, a bare yield;
# async context managers and async iterators; the errors CPython gives.
import asyncio


class Delayed:
    def __init__(self, delay, value):
        self.delay, self.value = delay, value

    def __await__(self):
        return self._run().__await__()

    async def _run(self):
        await asyncio.sleep(self.delay)
        return self.value


class FutureWrap:
    def __init__(self):
        self.fut = asyncio.get_running_loop().create_future()

    def __await__(self):
        result = yield from self.fut
        return f'wrapped {result}'


class Bare:
    def __await__(self):
        print('bare step 1')
        yield
        print('bare step 2')
        return 'bare done'


class Conn:
    async def __aenter__(self):
        print('open')
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, *exc):
        print('close', exc[0])
        await asyncio.sleep(0.1)
        return False


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0.1)
        return self.n


class BadAwait:
    def __await__(self):
        return 3


class CoroAwait:
    def __await__(self):
        return asyncio.sleep(0)


class NotAsync:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass

    def __iter__(self):
        return iter([])


async def main():
    print(await Delayed(0.5, 'late'))
    fw = FutureWrap()
    asyncio.get_running_loop().call_later(0.2, fw.fut.set_result, 42)
    print(await fw)
    print(await Bare())
    async with Conn() as c:
        print('inside', type(c).__name__)
    async for i in Ticker(3):
        print('tick', i)
    print(await asyncio.gather(Delayed(0.1, 'a'), Delayed(0.05, 'b')))
    print(await asyncio.ensure_future(Delayed(0.1, 'ensured')))
    print(await asyncio.wait_for(Delayed(0.1, 'waited'), 1))
    print([x async for x in Ticker(2)])
    for bad in (lambda: BadAwait(), lambda: 3, lambda: CoroAwait()):
        try:
            await bad()
        except TypeError as e:
            print('TypeError:', e)
    try:
        async with NotAsync():
            pass
    except TypeError as e:
        print('TypeError:', e)
    try:
        async for _ in NotAsync():
            pass
    except TypeError as e:
        print('TypeError:', e)


asyncio.run(main())
