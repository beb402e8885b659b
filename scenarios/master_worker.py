# Master and workers: the master puts jobs on an asyncio.Queue, two
# workers take them off, and queue.join() waits until all are done.
import asyncio


async def worker(name, queue):
    while True:
        job = await queue.get()
        print(name, 'starts job', job)
        await asyncio.sleep(job)
        print(name, 'finished job', job)
        queue.task_done()


async def master():
    queue = asyncio.Queue()
    for job in (0.3, 0.1, 0.2, 0.1):
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(n, queue), name=n)
               for n in ('worker-A', 'worker-B')]
    await queue.join()  # every job marked done
    for w in workers:
        w.cancel()  # they loop forever: stop them
    await asyncio.gather(*workers, return_exceptions=True)
    print('all jobs done')


asyncio.run(master())
