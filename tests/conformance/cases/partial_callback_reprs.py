# Handles and futures name a functools.partial callback by its function,
# its frozen positional and keyword arguments (keywords after positionals,
# long values shortened as reprlib does).
import asyncio
import functools


def report(label, count=0, *, unit="ms", note=None):
    print("report", label, count, unit, note)


async def main():
    loop = asyncio.get_running_loop()
    soon = loop.call_soon(functools.partial(report, "a", count=2, unit="s"))
    later = loop.call_later(0.5, functools.partial(report, "b", note="x" * 40))
    nested = functools.partial(functools.partial(report, "c"), unit="h")
    again = loop.call_soon(nested, 7)
    only_kw = loop.call_soon(functools.partial(report, label="d"))
    for handle in (soon, later, again, only_kw):
        print(handle)
    fut = loop.create_future()
    fut.add_done_callback(functools.partial(print, "done", sep="|", end="!\n"))
    fut.add_done_callback(functools.partial(report, count=[1, 2, 3]))
    print(fut)
    only_kw.cancel()
    print(only_kw)
    fut.set_result(None)
    await asyncio.sleep(1)


asyncio.run(main())
