# async_gen_pipeline.py -- an async generator producing ticks, consumed
# with async for and an async comprehension, with aclose() at the end.
import asyncio


async def ticks(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print('ticks closed')


async def main():
    async for t in ticks(3, 0.1):
        print('tick', t)
    evens = [t async for t in ticks(6, 0.05) if t % 2 == 0]
    print(evens)
    gen = ticks(10, 0.1)
    print(await gen.__anext__())
    await gen.aclose()


asyncio.run(main())
