# Generators: yield from any iterable (with send/throw delegation and
# return values), generator expressions, asynchronous generator
# expressions, and when dropped async generators are closed.
import asyncio
import itertools


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], (3,), range(4, 6), "ab", {7: 0}, iter([8]), (x for x in [9]))))


def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner's result"


def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3


g = outer()
print(next(g), g.send("a"), g.send("b"))


def inner_catches():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", e)
        yield 99


def delegates():
    yield from inner_catches()


g = delegates()
print(next(g))
print(g.throw(ValueError("boom")))
g.close()


def returns_42():
    yield 1
    return 42


def takes_result():
    v = yield from returns_42()
    yield v


print(list(takes_result()))
it = returns_42()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)


def from_exhausted():
    g = returns_42()
    list(g)
    r = yield from g
    yield r


print(list(from_exhausted()))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("liftoff")
        self.n -= 1
        return self.n


def from_countdown():
    r = yield from Countdown(3)
    print("yield from an iterator gives its StopIteration value:", r)


print(list(from_countdown()))


def from_list():
    yield from [1, 2]


gs = from_list()
next(gs)
attempt("send to a list iterator:", lambda: gs.send(5))
gt = from_list()
next(gt)
attempt("throw into a list iterator:", lambda: gt.throw(KeyError("k")))


def counter():
    n = 0
    while True:
        n += 1
        received = yield n
        if received == "stop":
            return n


c = counter()
print(next(c), next(c), c.send(None))
try:
    c.send("stop")
except StopIteration as e:
    print("stopped with", e.value)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(itertools.islice(fib(), 10)))


def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


cg = closing()
next(cg)
cg.close()
print(hasattr(cg, "__next__"), iter(cg) is cg)


# Generator expressions: lazy, their own scope, first iterable eager.
def genexp_scope():
    x = 10
    g = (x + i for i in range(3))
    x = 20
    return list(g)


print(genexp_scope())


def lazy():
    def source():
        print("source starts")
        yield 1

    g = (v * 2 for v in source())
    print("created")
    return list(g)


print(lazy())
attempt("first iterable is evaluated at once:", lambda: (x for x in 5))
gg = (i for i in range(3))
print(next(gg), list(gg), list(gg))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc"]))
print(type(gg).__name__)


# Asynchronous generator expressions and dropped async generators.
async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print("ticker closed", n)


async def double(x):
    await asyncio.sleep(0.01)
    return x * 2


async def main():
    squares = (i * i async for i in ticker(3))
    print(type(squares).__name__)
    print([s async for s in squares])
    evens = (i async for i in ticker(10) if i % 2 == 0)
    async for e in evens:
        print("even", e)
        if e >= 4:
            break
    print("after break: evens still refers to it")
    await asyncio.sleep(0)
    print("--- del")
    g = ticker(5)
    print(await g.__anext__())
    del g
    print("deleted")
    await asyncio.sleep(0)
    print("--- rebinding")
    g = ticker(6)
    print(await g.__anext__())
    g = None
    print("rebound")
    await asyncio.sleep(0)
    print("--- an exception leaves the loop")
    try:
        async for v in ticker(7):
            print("got", v)
            raise ValueError("stop")
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0)
    print("--- a generator expression that awaits")
    gen = (await double(x) for x in range(3))
    print(type(gen).__name__)
    async for v in gen:
        print("doubled", v)
    print("--- nested")
    print([x async for x in (y + 1 async for y in ticker(2))])


asyncio.run(main())


# send/throw/close corner cases.
def attempt2(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def gen():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "caught"
    finally:
        print("gen finally")
g = gen()
attempt2(lambda: g.send(1))
print(next(g))
attempt2(lambda: g.throw(ValueError))
attempt2(lambda: g.throw(KeyError("k")))
attempt2(lambda: next(g))
def stubborn():
    try:
        yield 1
    finally:
        yield 2
s = stubborn(); next(s)
attempt2(lambda: s.close())
def reentrant():
    yield next(r)
r = reentrant()
attempt2(lambda: next(r))
def closed_early():
    yield 1
c = closed_early()
c.close()
attempt2(lambda: next(c))
print(c.gi_running if hasattr(c, "gi_running") else False)
def counts():
    for i in range(3):
        x = yield i
        if x: print("got", x)
cg = counts()
print([cg.send(None), cg.send("a"), cg.send("b")])
attempt2(lambda: cg.send("c"))
def g2():
    v = yield
    return v * 2
gg = g2(); next(gg)
try:
    gg.send(21)
except StopIteration as e:
    print("returned", e.value)
attempt2(lambda: gg.throw(RuntimeError("after close")))
def gen_exc():
    raise StopIteration("inside")
    yield
attempt2(lambda: list(gen_exc()))
import itertools
def take(n, it): return list(itertools.islice(it, n))
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, naturals()), take(3, (x * x for x in naturals())))
print(list(zip(naturals(), "abc")), dict(enumerate("xy")), list(map(lambda a, b: a + b, [1, 2], [10, 20])))
