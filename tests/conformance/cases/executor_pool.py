# More blocking jobs than the default executor has workers (12 with 8
# CPUs): the first twelve start at once in asyncio_0..asyncio_11, the rest
# wait in the queue for the first workers that come free, which are
# reused, not replaced. to_thread uses the same pool; a ticker shows the
# loop stays free meanwhile.
import asyncio
import threading
import time


def blocking(job, seconds):
    name = threading.current_thread().name
    time.sleep(seconds)
    return f'job {job:2d} in {name} done at {time.monotonic():.1f}'


async def ticker():
    for i in range(6):
        print(f'tick {i} at {asyncio.get_running_loop().time():.1f}')
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    tick = asyncio.create_task(ticker())
    futures = [loop.run_in_executor(None, blocking, job, 1 + job % 3 * 0.5)
               for job in range(15)]
    for line in await asyncio.gather(*futures):
        print(line)
    print(await asyncio.to_thread(blocking, 15, 0.25))
    print(threading.active_count(), 'threads alive')
    await tick


asyncio.run(main())
print(threading.active_count(), 'thread alive after asyncio.run')
