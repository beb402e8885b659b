# A 3.7-era tutorial's timeout, run as CPython 3.10 runs it: asyncio has its
# own TimeoutError class there (not the built-in one), and the cancelled
# coroutine's CancelledError is the context of a new one, so the uncaught
# timeout's traceback shows three exceptions.
import asyncio


async def slow_operation(name, seconds):
    print(name, 'starts')
    await asyncio.sleep(seconds)
    return name


async def main():
    try:
        await asyncio.wait_for(slow_operation('first', 5), timeout=1)
    except asyncio.TimeoutError as e:
        print('timed out:', type(e), repr(e))
        print('is the built-in TimeoutError:', isinstance(e, TimeoutError))
    print(await asyncio.wait_for(slow_operation('second', 0.5), timeout=1))
    await asyncio.wait_for(slow_operation('third', 5), timeout=1.5)


loop = asyncio.get_event_loop()
loop.run_until_complete(main())
