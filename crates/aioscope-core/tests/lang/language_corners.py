# Corners of the language that tutorials use: scopes, chained comparisons,
# decorators with arguments, try/finally ordering, with/async with with
# several items, loops with else, slices with steps, augmented assignment
# to subscripts and attributes, private names, identity of small ints.
counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter)
def make_counter():
    count = 0
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step
s = make_counter()
print(s(), s(5), s())
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 > 2, "a" < "b" < "c")
adders = [lambda v, i=i: v + i for i in range(3)]
print([a(10) for a in adders])
def repeat(times):
    def deco(fn):
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
@repeat(times=2)
def hello(name):
    return f"hi {name}"
print(hello("bob"), hello.__name__)
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e))
lst = list(range(10))
del lst[0]
del lst[::2]
del lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    import numpy
except ImportError:
    numpy = None
print(numpy)
def order():
    try:
        print("try")
        return "from try"
    finally:
        print("finally")
print(order())
def order2():
    try:
        print("try2")
    except ValueError:
        print("except")
    else:
        print("else")
    finally:
        print("finally2")
order2()
def order3():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
order3()
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n); return self.n
    def __exit__(self, *a):
        print("exit", self.n); return False
with CM(1) as a, CM(2) as b:
    print("inside", a, b)
with (CM(3) as c,
      CM(4) as d):
    print("inside", c, d)
with (CM(5), CM(6)):
    print("inside paren")
for i in range(3):
    if i == 5:
        break
else:
    print("for else ran")
n = 0
while n < 3:
    n += 1
else:
    print("while else ran", n)
while True:
    break
else:
    print("not printed")
s = "abcdefgh"
print(s[::2], s[::-1], s[1:6:2], s[-3:], s[:-3], s[10:], s[-100:2])
t = tuple(range(10))
print(t[::3], t[8:2:-2], list(range(10))[::-1][:3])
b = b"hello"
print(b[::-1], b[1:3], b[0])
L = list(range(10))
L[::2] = [0] * 5
print(L)
L[1:3] = ["x", "y", "z"]
print(L)
class Obj: pass
o = Obj()
o.v = 1
o.v += 5
o.items = [1]
o.items += [2]
o.items[0] += 10
print(o.v, o.items)
m = {"k": [1]}
m["k"] += [2]
m["n"] = m.get("n", 0) + 1
print(m)
a = 256
b = 256
print(a is b, a is not b, None is None, [] is [])
print(divmod(7, 2), 7 // -2, -7 % 3, 2 ** -1, 10 / 4, abs(-3.5), pow(2, 10), pow(2, 10, 1000))
print(int("42"), int("ff", 16), int(3.9), float("1.5"), str(1.0), bool(""), bool([0]))
print(max([3, 1, 2], key=lambda v: -v), min("bca"), sorted([3, 1, 2], reverse=True), sum([1, 2, 3], 10))
print(list(enumerate("ab", 1)), list(zip([1, 2], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(any([]), all([]), list(reversed([1, 2, 3])), isinstance(True, int), issubclass(bool, int))
print(chr(65), ord("A"), hex(255), oct(8), bin(5), round(3.14159, 2), len({1, 2}))
print(type(1), type("s"), type([]) is list, callable(len), id(None) == id(None))

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def f1():
    try:
        return "try"
    finally:
        return "finally wins"
print(f1())
def f2():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(f2())
def f3():
    try:
        raise KeyError("k")
    except KeyError:
        raise ValueError("v") from None
attempt(f3)
def f4():
    try:
        raise KeyError("k")
    except (KeyError, IndexError) as e:
        return repr(e), e.args, str(e)
print(f4())
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
def f5():
    raise MyErr(404, "not found")
attempt(f5)
try:
    f5()
except MyErr as e:
    print(e.code, e.args, repr(e))
def kwonly(a, *, b): return a, b
attempt(lambda: kwonly(1, 2))
attempt(lambda: kwonly(1))
def posonly(a, /, b): return a, b
attempt(lambda: posonly(a=1, b=2))
attempt(lambda: posonly(1, 2, 3))
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
def rec(n): return 1 if n <= 1 else n * rec(n - 1)
print(rec(10))
print({k: v for k, v in zip("ab", range(2))}, {x % 3 for x in range(10)}, [[j for j in range(i)] for i in range(3)])
print([x for x in range(20) if x % 2 if x % 3], [(x, y) for x in range(2) for y in "ab"])
print("ab" * 3, [0] * 3, "b" in "abc", "z" not in "abc", 2 in {2: 1}, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, 256 >> 2)
v = 7
print("big" if v > 10 else "medium" if v > 5 else "small")
del v
attempt(lambda: v)
x = 10
def shadow():
    print(x)
    x = 5
attempt(shadow)
def g():
    global newglobal
    newglobal = "set"
g()
print(newglobal)
class A:
    count = 0
    def __init__(self):
        A.count += 1
        self.__private = 1
    def get(self): return self.__private
a1, a2 = A(), A()
print(A.count, a1.count, a1.get(), hasattr(a1, "__private"), a1._A__private)
def gen_with():
    class R:
        def __enter__(self): return self
        def __exit__(self, t, v, tb):
            print("suppressing", t.__name__)
            return True
    with R():
        raise ValueError("x")
    return "after"
print(gen_with())

s = "Hello, World"
print(s.lower(), s.upper(), s.split(", "), s.replace("l", "L", 2), s.find("o"), s.count("l"), s.startswith("He"), s[::-1].title())
print(" x ".strip(), "a,b,,c".split(","), "-".join(["a", "b"]), "abc".center(7, "*"), "5".zfill(3), "Ab".swapcase() if hasattr("", "swapcase") else "aB")
nums = [5, 3, 8]
nums.sort()
print(nums, nums.index(8), nums.pop(), nums, nums.count(3))
print(list(range(10, 0, -3)), range(5)[2], len(range(0, 10, 3)), 3 in range(5))

class A:
    __slots_like = 1
    def __init__(self):
        self.__private = 1
        self.__dunder__ = 2
    def get(self): return self.__private
    def __helper(self): return "helper"
    def call(self): return self.__helper()
    def cls(self): return A.__slots_like
    def kw(self, __x=5): return __x
    def uses_kw(self): return self.kw(__x=7)
a = A()
print(a.get(), a._A__private, a.__dunder__, a.call(), a.cls(), a.kw(), hasattr(a, "__private"))
print(A._A__helper.__name__, A._A__helper.__qualname__)
print(sorted(vars(a)))
class _B:
    def m(self):
        __local = 3
        return __local
print(_B().m())
class __C:
    def m(self):
        self.__x = 1
        return self.__dict__
print(__C().m())
def outer():
    class D:
        def m(self):
            return __name__
    return D().m()
print(outer())

import asyncio
class ACM:
    def __init__(self, n): self.n = n
    async def __aenter__(self):
        print("aenter", self.n)
        await asyncio.sleep(0.1)
        return self.n
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.n, et.__name__ if et else None)
        return False
async def main():
    async with ACM(1) as a, ACM(2) as b:
        print("inside", a, b)
    async with (ACM(3) as c, ACM(4)):
        print("inside", c)
    try:
        async with ACM(5), ACM(6):
            raise KeyError("k")
    except KeyError as e:
        print("caught", repr(e))
    for i in range(3):
        async with ACM(i * 10):
            if i == 1:
                break
    print("done")
asyncio.run(main())


x = 5
print(f"{'yes' if x else 'no'}", f"{x!r:>{x}}", f'{"nested"}', f"{x:0{x}d}")
print(f"""{
    x
    = }""")
a, b = 1, 2
del a, b
c = d = 3
del (c, d)
e = [1]
del [e]
print(rb'\n', br'\d', Rb'x', u'unicode', 1_000, 0x_ff, 0o17, 0b1010, 1e-3, .5, 5., 1_0.0_1)
print(..., Ellipsis, __debug__)
print(-2 ** 2, 2 ** 3 ** 2, not 1 == 2, 1 if 0 else 2 if 0 else 3)
print(b"%d-%s" % (5, b"x"), b"abc".upper() if hasattr(b"", "upper") else b"ABC")
g = lambda: (yield)
print(type(g()).__name__)
print(1 < 2 in [True], None is None is not False)
class A: pass
print(A, A(), repr(A())[:17]) if False else print(A.__name__)
print("a" "b" 'c', 'it''s', "x" f"{x}" "y")
print(r"\d+", "\t|", "\x41\u00e9")
print(0.1 + 0.2, 1/3, 2/3, 10/3, 1e100, 1.5e-10, 123456789012345678.0, float("inf"), -float("inf"))
print(7 // 2, -7 // 2, 7 % -3, divmod(-7, 2), 2 ** 0.5, 10 ** -2, round(2.5), round(3.5), round(-2.5))
print(int(True), True + True, str(True), bool(None), 3 * True)
i = 10
i //= 3; print(i); i **= 2; print(i); i %= 5; print(i); i <<= 2; print(i); i >>= 1; print(i); i |= 8; i &= 12; i ^= 5; print(i)
s = "x"; s *= 3; print(s)
l = [1]; l *= 2; print(l)
t = (1,); t += (2,); print(t)


# Built-ins the language leans on.
print(list(reversed({"a": 1, "b": 2})), list(iter([3, 2, 1, 0].pop, 1)))
print(slice(1, 5, 2), slice(3), [1, 2, 3, 4, 5][slice(1, None, 2)], "abc"[slice(2)])
print(range(10)[::-1], range(0, 10, 2)[1:3], range(10)[-3:], range(5)[10:], range(1, 20, 3)[::-2])
print(repr(object())[:17], [1, 2, 3, 2].index(2, -2), (1, 2, 1).index(1, 1))
print(__debug__, sorted(vars(Box)) if False else __debug__)
