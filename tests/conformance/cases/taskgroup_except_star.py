# taskgroup_except_star.py -- the Python 3.11 way to handle a TaskGroup's
# failures: except* takes the matching part of the ExceptionGroup, each
# handler runs once for its part, and what no handler takes goes on.
import asyncio


class FetchError(Exception):
    pass


async def fetch(name, delay, error=None):
    await asyncio.sleep(delay)
    if error is not None:
        raise error
    print(f'{name} fetched at {asyncio.get_running_loop().time()}')
    return name.upper()


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            ok = tg.create_task(fetch('users', 0.1))
            tg.create_task(fetch('orders', 0.3, FetchError('orders: 503')))
            tg.create_task(fetch('stock', 0.3, ValueError('stock: bad JSON')))
            tg.create_task(fetch('slow', 2))
    except* FetchError as eg:
        for e in eg.exceptions:
            print('fetch failed:', e)
    except* ValueError as eg:
        print('bad data:', [str(e) for e in eg.exceptions])
    print('users result:', ok.result())

    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fetch('a', 0.1, KeyError('a')))
                tg.create_task(fetch('b', 0.1, FetchError('b')))
        except* FetchError:
            print('handled the FetchError only')
    except ExceptionGroup as eg:
        print('left over:', repr(eg))


asyncio.run(main())
