# Annotations evaluated where CPython evaluates them (module and class
# bodies), with the objects built-in classes make: list[int] and int | None.
from dataclasses import dataclass
from typing import Optional, List, Dict, Any, Callable, Awaitable, Union
import asyncio
x: list[int] = [1]
y: dict[str, int] | None = None
z: Optional[int] = 3
w: "Forward" = 1
def f(a: int, b: str = "x", *args: int, c: list[str] | None = None, **kw: Any) -> dict[str, int]:
    return {"a": a}
async def g(n: int) -> list[int]:
    return [n]
class P:
    name: str
    age: int = 0
    items: list[str]
    def m(self) -> "P": return self
print(f(1), asyncio.run(g(2)), P.age, P.__annotations__ if hasattr(P, "__annotations__") else {})
print(__annotations__)
print(list[int], dict[str, int], int | None, type(int | str).__name__ if hasattr(int | str, "__args__") else "")
print(isinstance(3, int | str), isinstance("s", (int, float)))
T = list[tuple[int, str]]
print(T)
import collections
print(repr(tuple[int, ...]), repr(list[int] | None), repr(int | list[str]), (int | str) == (str | int), int | int, repr(None | int))
print(repr(dict[str, list[int]]), list[int]([1,2]), repr(tuple[()]))
try: int | 3
except TypeError as e: print(e)
try: isinstance(1, list[int])
except TypeError as e: print(e)
print(isinstance(None, int | None), isinstance(1, (str, int | None)))
print(collections.deque[int], collections.defaultdict[str, int])
try: int[str]
except TypeError as e: print(e)
class U: pass
try: U[int]
except TypeError as e: print(e)
print((int | str).__args__, list[int].__origin__, list[int].__args__)
@dataclass
class Item:
    name: str
    price: float | None = None
    tags: list[str] | None = None
print(Item("x"), Item.__annotations__)
def f(x: int | None = None) -> list[int] | None: return x
print(f())
print(type(list[int]), type(int | str))


# Native code calling a class with an __init__ gets the instance.
class Err(Exception):
    def __init__(self):
        super().__init__("made by raise Err")


try:
    raise Err
except Err as e:
    print(repr(e))


class Box:
    def __init__(self, v):
        self.v = v


print([b.v for b in map(Box, [1, 2])], sorted([3, 1], key=lambda v: Box(v).v))


# A def's annotations are evaluated where it runs, after its defaults.
def f(ham: str, eggs: str = 'eggs', *a: int, k: float, **kw: bool) -> str: pass
print(f.__annotations__)
def g(): pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
lam = lambda x: x
print(lam.__annotations__)
class C:
    def m(self, x: 'C', __p: int = 1) -> None: pass
print(C.m.__annotations__)
def deco(fn):
    print("decorating")
    return fn
def order(msg):
    print("evaluating", msg)
    return msg
@deco
def h(x: order("x annotation") = order("x default"), *, y: order("y ann") = order("y default")) -> order("return ann"): pass
try:
    def bad(x: undefined_thing): pass
except NameError as e:
    print(e)
def outer():
    T = int
    def inner(v: T) -> T: return v
    return inner.__annotations__
print(outer())
