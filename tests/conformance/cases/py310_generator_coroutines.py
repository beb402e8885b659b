# Generator-based coroutines as Python 3.4-3.7 tutorials wrote them, run as
# CPython 3.10 runs them: @asyncio.coroutine, yield from a coroutine, a
# future, another generator coroutine, and an async def awaiting one.
import asyncio


@asyncio.coroutine
def compute(x, y):
    print('Compute %s + %s ...' % (x, y))
    yield from asyncio.sleep(1.0)
    return x + y


@asyncio.coroutine
def print_sum(x, y):
    result = yield from compute(x, y)
    print('%s + %s = %s' % (x, y, result))
    return result


@asyncio.coroutine
def wait_future(fut):
    print('waiting for', fut)
    value = yield from fut
    print('future gave', value)
    return value


def not_decorated():
    yield from asyncio.sleep(0.5)
    return 'plain generator'


@asyncio.coroutine
def not_a_generator(n):
    return asyncio.sleep(0.25, n * 2)


async def modern(fut):
    got = await print_sum(3, 4)
    got2 = await wait_future(fut)
    return got + got2


loop = asyncio.get_event_loop()
fut = loop.create_future()
loop.call_later(1.5, fut.set_result, 10)
task = loop.create_task(modern(fut))
other = asyncio.ensure_future(not_decorated())
third = asyncio.ensure_future(not_a_generator(21))
third.add_done_callback(lambda t: print("third done", t.result()))
print(task)
print(other)
print(third.done())
print(loop.run_until_complete(task))
print(loop.run_until_complete(other))
print(loop.run_until_complete(third))
print(other, third)
print(asyncio.iscoroutine(not_decorated()), asyncio.iscoroutine(print_sum(1, 2)))
loop.close()
