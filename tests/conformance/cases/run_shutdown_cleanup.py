# run_shutdown_cleanup.py -- asyncio.run() cancels what main() left
# pending: here one task waiting deep in a chain of awaits (the others
# finished).  Its cleanup awaits, on the loop, before asyncio.run()
# returns; the loop's own shutdown steps follow.
import asyncio


async def deep(name):
    await asyncio.sleep(100)


async def chain(name):
    try:
        await deep(name)
    except asyncio.CancelledError:
        print(name, 'cancelled in chain, cleaning up for 0.2 s')
        await asyncio.sleep(0.2)
        print(name, 'cleanup done')
        raise


async def waiter(event):
    try:
        await event.wait()
    finally:
        print('waiter: finally, event set:', event.is_set())


async def ticker():
    n = 0
    while True:
        await asyncio.sleep(0.3)
        n += 1
        print('tick', n)


async def main():
    event = asyncio.Event()
    asyncio.create_task(chain('chain'), name='chain')
    w = asyncio.create_task(waiter(event), name='waiter')
    t = asyncio.create_task(ticker(), name='ticker')
    await asyncio.sleep(0.7)
    t.cancel()
    event.set()
    await w
    print('ticker cancelled:', t.cancelled())
    print('main returns')


asyncio.run(main())
print('run returned')
