# Classes a program awaits: an object whose __await__ waits on a future
# the loop completes later, one that delegates to a coroutine, a bare
# yield; an async context manager and an async iterator written as
# classes; an ABC of workers; gather and ensure_future over awaitables.
import asyncio
from abc import ABC, abstractmethod


class Signal:
    """Awaiting it waits until someone calls fire()."""

    def __init__(self):
        self._fut = asyncio.get_running_loop().create_future()

    def fire(self, value):
        if not self._fut.done():
            self._fut.set_result(value)

    def __await__(self):
        value = yield from self._fut
        return f'signal:{value}'


class Delayed:
    def __init__(self, delay, value):
        self.delay = delay
        self.value = value

    def __await__(self):
        return self._wait().__await__()

    async def _wait(self):
        await asyncio.sleep(self.delay)
        return self.value


class Nudge:
    def __await__(self):
        yield
        return 'nudged'


class Session:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(self.name, 'opening')
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print(self.name, 'closed', exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


class Ticks:
    def __init__(self, n, every):
        self.n = n
        self.every = every

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(self.every)
        return self.n


class Worker(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    async def handle(self, item):
        ...

    async def run(self, items):
        results = []
        for item in items:
            results.append(await self.handle(item))
        return self.name, results


class Slow(Worker):
    async def handle(self, item):
        await asyncio.sleep(0.2)
        return item * 10


class Fast(Worker):
    async def handle(self, item):
        await asyncio.sleep(0.05)
        return -item


async def main():
    loop = asyncio.get_running_loop()
    sig = Signal()
    loop.call_later(0.3, sig.fire, 'go')
    print(await sig, loop.time())
    print(await Delayed(0.2, 'late'), await Nudge(), loop.time())
    async with Session('db') as s:
        print('using', s.name, loop.time())
    async with Session('cache'):
        raise KeyError('swallowed')
    async for n in Ticks(3, 0.1):
        print('tick', n, loop.time())
    try:
        Worker('abstract')
    except TypeError as e:
        print(e)
    print(await asyncio.gather(Slow('slow').run([1, 2]), Fast('fast').run([1, 2, 3]), Delayed(0.1, 'd')))
    task = asyncio.ensure_future(Delayed(0.1, 'ensured'))
    print(await task, loop.time())
    print(await asyncio.wait_for(Delayed(0.1, 'in time'), 1))


asyncio.run(main())
