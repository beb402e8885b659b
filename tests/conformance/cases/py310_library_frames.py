# 3.10 mode: errors raised inside asyncio's own Python code show its
# frames at CPython 3.10.13's lines (a BoundedSemaphore released once too
# often, through a helper task awaited with wait_for).
import asyncio


async def release_twice(sem):
    await asyncio.sleep(0.1)
    sem.release()


async def main():
    sem = asyncio.BoundedSemaphore(1)
    async with sem:
        print("held", sem.locked())
    await asyncio.wait_for(release_twice(sem), timeout=1)


asyncio.run(main())
