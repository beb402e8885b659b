# wait_timeout.py -- asyncio.wait(timeout=...) returns when the timeout
# expires, with the tasks that finished and those still pending; it does
# not cancel the pending ones.
import asyncio


async def job(n):
    await asyncio.sleep(n * 0.4)
    return n


async def main():
    tasks = [asyncio.create_task(job(n), name='job-%d' % n) for n in range(1, 5)]
    done, pending = await asyncio.wait(tasks, timeout=1.0)
    print('done:', sorted(t.result() for t in done))
    print('pending:', sorted(t.get_name() for t in pending))
    for t in tasks:
        print(t.get_name(), 'done' if t.done() else 'pending')
    done, pending = await asyncio.wait(pending, timeout=0.5,
                                       return_when=asyncio.FIRST_COMPLETED)
    print('then done:', sorted(t.result() for t in done))
    print('still pending:', len(pending))
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
