# A coroutine object on the value stack when an exception unwinds the frame:
# CPython empties the stack while the frame is still current, so the
# "never awaited" warning names the line that raised.
import asyncio


async def work(n):
    await asyncio.sleep(n)


def build(n):
    return [work(n), 1 / n]


async def handled():
    try:
        pair = (work(1), {}["missing"])
    except KeyError as e:
        print("handled", repr(e))
    print("after the handler")


async def main():
    await handled()
    try:
        build(0)
    except ZeroDivisionError as e:
        print("caught", e)
    await asyncio.sleep(0.1)
    print("unhandled next")
    [work(2), int("x")]


asyncio.run(main())
