# globals(), locals(), vars() and dir() without arguments, as programs that
# look names up, list their variables or register handlers by name use them.
print(dir())
import asyncio

RATE = 2


def scale(x):
    return x * RATE


print(sorted(k for k in globals() if not k.startswith("__")))
print(globals()["RATE"], globals()["scale"](3))

# Writes through globals() are the module's.
globals()["RATE"] = 10
print(RATE, scale(3))
globals().update(ADDED="yes")
print(ADDED)
del globals()["ADDED"]
print("ADDED" in globals(), "ADDED" in dir())
print(locals() is globals(), vars() is globals())


def handler_a():
    return "a"


def handler_b():
    return "b"


for name in ("a", "b"):
    print(globals()[f"handler_{name}"]())


def outer(a, d=4):
    b = 1

    def inner():
        e = 5
        print(sorted(locals().items()))
        return a + b

    c = 2
    print(list(locals()))
    print(inner())
    print(dir())
    snapshot = locals()
    snapshot["c"] = 99
    print(c, vars()["c"])


outer(3)


class Config:
    host = "localhost"
    port = 8080
    names = dir()
    print(sorted(k for k in locals() if not k.startswith("__")))


print(Config.names)


async def worker(n, delay):
    started = asyncio.get_running_loop().time()
    await asyncio.sleep(delay)
    done = True
    print(f"worker {n}:", {k: v for k, v in locals().items() if k != "started"})
    return dir()


async def main():
    results = await asyncio.gather(worker(1, 0.2), worker(2, 0.1))
    print(results)
    print(dir())


asyncio.run(main())
print([n for n in dir() if not n.startswith("__")])

for call in (
    lambda: globals(1),
    lambda: locals(x=1),
    lambda: dir(1, 2),
    lambda: vars(1, 2),
    lambda: vars(x=1),
):
    try:
        call()
    except TypeError as e:
        print(e)
