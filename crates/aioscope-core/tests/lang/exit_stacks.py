import asyncio
import contextlib

class Res:
    def __init__(self, name, log):
        self.name, self.log = name, log
    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.name} {et.__name__ if et else None}")
        return self.name == "quiet" and et is not None

class ARes:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print("open", self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0.01)
        print("close", self.name, et.__name__ if et else None)

log = []
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(Res(n, log)) for n in ("a", "b")]
    stack.callback(log.append, "callback ran")
    print(names)
print(log)
log = []
with contextlib.ExitStack() as stack:
    stack.enter_context(Res("quiet", log))
    stack.enter_context(Res("loud", log))
    raise KeyError("boom")
print("suppressed:", log)
log = []
try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(Res("x", log))
        raise ValueError("kept")
except ValueError as e:
    print("propagated", repr(e), log)
stack = contextlib.ExitStack()
stack.callback(print, "closed by close()")
moved = stack.pop_all()
stack.close()
moved.close()
try:
    contextlib.ExitStack().enter_context(object())
except TypeError as e:
    print(e)

@contextlib.asynccontextmanager
async def session(n):
    print("session", n, "start")
    yield n * 10
    print("session", n, "end")

async def main():
    async with contextlib.AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(ARes(f"conn{i}")) for i in range(3)]
        vals = [await stack.enter_async_context(session(i)) for i in range(2)]
        stack.push_async_callback(asyncio.sleep, 0)
        stack.callback(print, "sync callback")
        print("using", [c.name for c in conns], vals)
    try:
        async with contextlib.AsyncExitStack() as stack:
            await stack.enter_async_context(ARes("failing"))
            raise RuntimeError("inside")
    except RuntimeError as e:
        print("caught", e)

asyncio.run(main())
