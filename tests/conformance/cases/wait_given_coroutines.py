# asyncio.wait refuses coroutines since 3.11: the traceback passes through
# the library's line that raises.
import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n


async def main():
    done, pending = await asyncio.wait([job(1), job(2)])
    print(len(done), len(pending))


asyncio.run(main())
