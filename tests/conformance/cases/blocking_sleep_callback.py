# blocking_sleep_callback.py -- time.sleep() in a plain call_later callback
# freezes the loop like one in a coroutine: the ticker's timers fall due
# meanwhile and run late.
import asyncio
import time

def heavy():
    print('heavy starts', time.monotonic())
    time.sleep(0.4)
    print('heavy ends', time.monotonic())

async def ticker():
    for i in range(4):
        print('tick', i, round(time.monotonic(), 2))
        await asyncio.sleep(0.15)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, heavy)
    await ticker()
    time.sleep(0.1)
    await asyncio.sleep(0)
    print('end', round(time.monotonic(), 2))

asyncio.run(main())
