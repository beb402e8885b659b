# semaphore_waiters.py -- a Semaphore(2) with five workers: two hold it,
# three wait in FIFO order; each release wakes the first waiter.
import asyncio


async def worker(n, sem):
    print(n, 'wants the semaphore, locked:', sem.locked())
    async with sem:
        print(n, 'got it')
        await asyncio.sleep(0.3 + n * 0.1)
        print(n, 'releases it')


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(n, sem) for n in range(5)))
    print('all done, locked:', sem.locked())


asyncio.run(main())
