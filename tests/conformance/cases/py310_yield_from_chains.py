# A chain of generator coroutines delegating with yield from, three deep,
# running side by side with tasks; exceptions travel back up the chain.
import asyncio


@asyncio.coroutine
def leaf(name, delay):
    print(name, 'leaf sleeps', delay)
    yield from asyncio.sleep(delay)
    if name == 'bad':
        raise ValueError('leaf of ' + name + ' failed')
    return name.upper()


@asyncio.coroutine
def middle(name, delay):
    first = yield from leaf(name, delay)
    second = yield from leaf(name, delay / 2)
    return first + '/' + second


@asyncio.coroutine
def top(name, delay):
    try:
        result = yield from middle(name, delay)
    except ValueError as e:
        print('top caught', repr(e))
        return 'recovered'
    print(name, 'done at', round(asyncio.get_event_loop().time() - start, 3))
    return result


@asyncio.coroutine
def yields_bare(fut):
    # yield, not yield from: 3.10 refuses it in a task.
    value = yield fut
    return value


@asyncio.coroutine
def main():
    tasks = [asyncio.ensure_future(top(n, d)) for n, d in
             [('a', 1.0), ('bad', 0.5), ('c', 0.2)]]
    for t in tasks:
        print(t)
    done, pending = yield from asyncio.wait(tasks)
    print(len(done), len(pending))
    results = yield from asyncio.gather(*tasks)
    print(results)
    bare = loop.create_future()
    loop.call_soon(bare.set_result, 'ok')
    try:
        yield from asyncio.ensure_future(yields_bare(bare))
    except RuntimeError as e:
        print('RuntimeError:', str(e)[:60])
    return 'main done'


loop = asyncio.get_event_loop()
start = loop.time()
print(loop.run_until_complete(main()))
loop.close()
