# Three ways to wait for several tasks. gather returns results in the
# order given; wait returns sets of done and pending tasks; as_completed
# yields them in the order they finish.
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
