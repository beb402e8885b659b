import asyncio
from contextlib import asynccontextmanager, contextmanager, suppress, nullcontext, aclosing

@asynccontextmanager
async def connection(name):
    print('open', name)
    await asyncio.sleep(0.01)
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0.01)
        print('close', name)

@contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name
    except KeyError as e:
        print('handled', repr(e))
    print('</' + name + '>')

async def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print('numbers closed')

async def main():
    async with connection('db') as c:
        print('using', c)
    try:
        async with connection('cache') as c:
            raise ValueError('oops')
    except ValueError as e:
        print('propagated', e)
    with tag('b'):
        raise KeyError('k')
    with suppress(ZeroDivisionError):
        1 / 0
    async with nullcontext(5) as n:
        print('null', n)
    async with aclosing(numbers()) as g:
        async for x in g:
            if x == 2:
                break
    g = numbers()
    print(await g.__anext__(), await g.asend(None))
    try:
        await g.athrow(ValueError('thrown'))
    except ValueError as e:
        print('athrow raised', e)
    print(await g.aclose(), await numbers().aclose())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('exhausted')
    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print('RuntimeError:', e)
    print('end')

asyncio.run(main())
