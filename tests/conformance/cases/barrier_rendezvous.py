# asyncio.Barrier (3.11): workers meet at a barrier, pass it together, wait
# again on the reused barrier, then one is reset and one aborted.
import asyncio


def state(barrier):
    text = repr(barrier)
    return text[:text.index(" object")] + " " + text[text.index("["):]


async def worker(name, barrier, delay):
    await asyncio.sleep(delay)
    print(f"{name} arrives: {barrier.n_waiting}/{barrier.parties} waiting")
    index = await barrier.wait()
    print(f"{name} passes with index {index}")
    await asyncio.sleep(delay / 2)
    async with barrier as second:
        print(f"{name} passes again with index {second}")


async def reset_waiter(barrier):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("reset:", type(e).__name__, e, state(barrier))


async def main():
    barrier = asyncio.Barrier(3)
    print(state(barrier))
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    workers = [asyncio.create_task(worker(f"w{i}", barrier, 0.1 * i), name=f"w{i}")
               for i in range(1, 4)]
    await asyncio.sleep(0.15)
    print(state(barrier))
    await asyncio.gather(*workers)
    print(state(barrier))

    waiter = asyncio.create_task(reset_waiter(barrier), name="reset_waiter")
    await asyncio.sleep(0.05)
    print(state(barrier))
    await barrier.reset()
    print(state(barrier))
    await waiter
    print(state(barrier))

    waiters = [asyncio.create_task(barrier.wait(), name=f"a{i}") for i in range(2)]
    await asyncio.sleep(0.05)
    await barrier.abort()
    print(state(barrier), barrier.broken, barrier.n_waiting)
    for result in await asyncio.gather(*waiters, return_exceptions=True):
        print(repr(result))
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("after abort:", repr(e))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)
    print(issubclass(asyncio.BrokenBarrierError, RuntimeError),
          asyncio.BrokenBarrierError.__module__)
    await barrier.reset()
    print(state(barrier))
    last = asyncio.Barrier(2)
    stuck = asyncio.create_task(last.wait(), name="stuck")
    await asyncio.sleep(0.01)
    await last.abort()
    await stuck


asyncio.run(main())
