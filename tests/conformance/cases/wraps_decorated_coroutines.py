# A timing decorator made with functools.wraps: the task prints under the
# wrapped name, while its frames are the wrapper's (CPython names a frame by
# its code).
import asyncio
import functools
import time

def timed(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return await func(*args, **kwargs)
        finally:
            print(f'{func.__name__} took {time.perf_counter() - t0:.2f}s')
    return wrapper

@timed
async def fetch(n):
    await asyncio.sleep(n)
    return n

async def main():
    t = asyncio.create_task(fetch(1))
    await asyncio.sleep(0)
    print(t)
    print(await asyncio.gather(t, fetch(0.5)))

asyncio.run(main())
