# py310_unbound_names.py -- as Python 3.10: a local read before it is
# assigned, and a free variable read before the enclosing function assigns
# it, raise with 3.10's wording (3.11 says "cannot access ..."). The
# tutorials' as_completed example names its coroutine function `task` and
# then uses `task` as a loop variable in the same function.
import asyncio


async def task(x):
    await asyncio.sleep(x)
    return x


async def main():
    def later():
        return value
    try:
        later()
    except NameError as e:
        print('NameError:', e)
    value = 1
    first = task(1)
    for task in asyncio.as_completed([first]):
        print(await task)


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
