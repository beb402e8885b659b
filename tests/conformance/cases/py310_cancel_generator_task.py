# Cancelling a task that runs a generator-based coroutine: CancelledError
# is thrown in at its yield from, through the chain, and can be caught.
import asyncio


@asyncio.coroutine
def worker(name):
    try:
        while True:
            print(name, 'working')
            yield from asyncio.sleep(0.4)
    except asyncio.CancelledError:
        print(name, 'cancelled, cleaning up')
        yield from asyncio.sleep(0.1)
        print(name, 'cleaned up')
        raise


@asyncio.coroutine
def stubborn():
    try:
        yield from asyncio.sleep(10)
    except asyncio.CancelledError:
        print('stubborn refuses')
    return 'kept going'


@asyncio.coroutine
def supervisor():
    w = asyncio.ensure_future(worker('w1'))
    s = asyncio.ensure_future(stubborn())
    yield from asyncio.sleep(1.0)
    print('cancel w1:', w.cancel())
    print('cancel stubborn:', s.cancel())
    print(w)
    try:
        yield from w
    except asyncio.CancelledError:
        print('w1 is cancelled:', w.cancelled())
    print((yield from s), s.cancelled())
    print(w, s)


loop = asyncio.get_event_loop()
loop.run_until_complete(supervisor())
loop.close()
