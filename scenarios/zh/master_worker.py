# 主从模式：主协程把作业放进 asyncio.Queue，两个工作协程
# 从中取出作业，queue.join() 一直等到全部作业完成。
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
    await queue.join()  # 每个作业都已标记为完成
    for w in workers:
        w.cancel()  # 它们是无限循环，要主动停止
    await asyncio.gather(*workers, return_exceptions=True)
    print('all jobs done')


asyncio.run(master())
