# 3.10 mode: asyncio.run (3.10 has no Runner), a task's exception nobody
# retrieved, and an error through gather ending the program; 3.10 prints
# no carets and has its library lines elsewhere.
import asyncio


async def fail(n):
    await asyncio.sleep(0.1 * n)
    raise ValueError(f"bad {n}")


async def main():
    t = asyncio.create_task(fail(1))
    await asyncio.sleep(0.2)
    print("task 1 done:", t.done())
    del t
    results = await asyncio.gather(fail(2), asyncio.sleep(1))
    print(results)


asyncio.run(main())
