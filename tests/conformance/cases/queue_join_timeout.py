# queue_join_timeout.py -- producers and consumers on a bounded Queue,
# join() waiting for task_done(), and asyncio.timeout() around a get()
# that would wait forever.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print('put', i, 'size', q.qsize())


async def consumer(q, name):
    while True:
        item = await q.get()
        await asyncio.sleep(0.2)
        print(name, 'handled', item)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(q, 'c%d' % i)) for i in range(2)]
    await producer(q, 5)
    await q.join()
    print('joined')
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    try:
        async with asyncio.timeout(0.5):
            await q.get()
    except TimeoutError:
        print('get() timed out on an empty queue')


asyncio.run(main())
