# shield_and_wait_for.py -- wait_for() cancels what it waits for when the
# timeout expires, unless it is shielded: then the inner task goes on.
import asyncio


async def slow(name, d):
    try:
        await asyncio.sleep(d)
        print(name, 'finished')
        return name
    except asyncio.CancelledError:
        print(name, 'was cancelled')
        raise


async def main():
    try:
        await asyncio.wait_for(slow('plain', 1), timeout=0.3)
    except asyncio.TimeoutError:
        print('plain timed out')
    inner = asyncio.create_task(slow('shielded', 1))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.3)
    except TimeoutError:
        print('shielded timed out, inner done?', inner.done())
    print('inner result', await inner)


asyncio.run(main())
