# Programs tag their tasks and futures with attributes of their own
# (CPython's tasks and futures have an instance dict, but no __dict__).
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1 * n)
    return n * 10


async def main():
    tasks = []
    for n in range(3):
        t = asyncio.create_task(fetch(n), name=f"fetch-{n}")
        t.url = f"https://example.com/{n}"
        t.retries = 0
        tasks.append(t)
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), t.url, t.result())
    for t in pending:
        t.retries += 1
        print("pending", t.url, t.retries)
    await asyncio.gather(*pending)

    t = tasks[0]
    del t.url
    print(hasattr(t, "url"), getattr(t, "retries"))
    for bad in (lambda: t.missing, lambda: vars(t), lambda: t.__dict__):
        try:
            bad()
        except (AttributeError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        del t.url
    except AttributeError as e:
        print("del:", e)
    t.done = lambda: "shadowed"
    print(t.done())
    try:
        t._loop = None
    except AttributeError as e:
        print(e)

    fut = asyncio.get_running_loop().create_future()
    fut.owner = t
    print(fut.owner is t)
    try:
        fut.nothing
    except AttributeError as e:
        print(e)
    fut.set_result(None)


asyncio.run(main())
