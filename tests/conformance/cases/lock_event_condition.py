# lock_event_condition.py -- a Lock serialising two writers, an Event
# releasing several waiters at once, a Condition notifying one consumer
# at a time.
import asyncio


async def writer(name, lock, log):
    async with lock:
        log.append(name + ' in')
        await asyncio.sleep(0.1)
        log.append(name + ' out')


async def waiter(name, event):
    print(name, 'waits for the event')
    await event.wait()
    print(name, 'sees the event set')


async def consumer(name, cond, items):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, 'takes', items.pop(0))


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(writer('a', lock, log), writer('b', lock, log))
    print(log)

    event = asyncio.Event()
    waiters = [asyncio.create_task(waiter('w%d' % i, event)) for i in range(3)]
    await asyncio.sleep(0.2)
    event.set()
    await asyncio.gather(*waiters)

    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer('c%d' % i, cond, items)) for i in range(2)]
    await asyncio.sleep(0)
    for n in range(2):
        async with cond:
            items.append(n)
            cond.notify()
        await asyncio.sleep(0.1)
    await asyncio.gather(*consumers)


asyncio.run(main())
