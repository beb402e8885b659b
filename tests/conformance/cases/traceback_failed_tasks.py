# Workers fail at different times; the supervisor collects the failures
# with gather(return_exceptions=True) and prints each traceback, as a
# script that wants to go on after errors does. One worker logs its own
# failure with traceback.format_exc(); one failure goes to stderr.
import asyncio
import sys
import traceback


async def fetch(name, delay, fail):
    await asyncio.sleep(delay)
    if fail == "key":
        table = {"a": 1}
        return table[name]
    if fail == "div":
        return len(name) // (delay - delay)
    return f"{name} done"


async def careful(name):
    try:
        await fetch(name, 0.3, "div")
    except ZeroDivisionError:
        print(f"[{name}] caught at t={asyncio.get_running_loop().time():.1f}:")
        print(traceback.format_exc(), end="")
        return "recovered"


async def wrapped(name):
    try:
        return await fetch(name, 0.2, "key")
    except KeyError as e:
        raise RuntimeError(f"{name} failed") from e


async def main():
    results = await asyncio.gather(
        fetch("ok", 0.1, None),
        wrapped("w1"),
        careful("c1"),
        fetch("kx", 0.4, "key"),
        return_exceptions=True,
    )
    for r in results:
        if isinstance(r, BaseException):
            print("failure:", "".join(traceback.format_exception_only(r)), end="")
            traceback.print_exception(r, file=sys.stdout)
        else:
            print("result:", r)
    task = asyncio.create_task(fetch("late", 0.1, "div"))
    try:
        await task
    except ZeroDivisionError as e:
        print("tb lines:", len(traceback.format_tb(e.__traceback__)))
        traceback.print_exc()


asyncio.run(main())
