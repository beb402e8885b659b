# 等待多个任务的三种方式。gather 按传入的顺序返回结果；
# wait 返回已完成和未完成的两个任务集合；as_completed
# 按任务完成的先后顺序逐个给出它们。
import asyncio


async def work(seconds):
    await asyncio.sleep(seconds)
    return 'slept {}s'.format(seconds)


async def main():
    loop = asyncio.get_running_loop()

    results = await asyncio.gather(work(0.3), work(0.1), work(0.2))
    print('gather:', results, 'at', round(loop.time(), 2))

    tasks = [asyncio.create_task(work(s)) for s in (0.3, 0.1, 0.2)]
    done, pending = await asyncio.wait(tasks, timeout=0.25)
    print('wait: {} done, {} pending at {}'.format(
        len(done), len(pending), round(loop.time(), 2)))
    await asyncio.wait(pending)

    tasks = [asyncio.create_task(work(s)) for s in (0.3, 0.1, 0.2)]
    for next_done in asyncio.as_completed(tasks):
        print('as_completed:', await next_done, 'at', round(loop.time(), 2))


asyncio.run(main())
