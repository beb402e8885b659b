import asyncio, functools, abc
from typing import NamedTuple, Generic, TypeVar, Protocol, Optional
from enum import Enum, auto, IntEnum

T = TypeVar("T")

class Stack(Generic[T]):
    def __init__(self):
        self.items: list[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
print(Stack[int], Stack[int]().items, Stack.__mro__[-2:] if len(Stack.__mro__) > 2 else Stack.__mro__)

class Coord(NamedTuple):
    x: int
    y: int = 0
    def norm(self):
        return abs(self.x) + abs(self.y)
c = Coord(3, -4)
print(c, c.norm(), c._asdict(), c._replace(x=1), Coord._fields, isinstance(c, tuple))

class Greeter(Protocol):
    def greet(self) -> str: ...

class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self):
        print("init config")
print(Config() is Config())

@functools.total_ordering
class Money:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"Money({self.v})"
print(Money(1) <= Money(2), Money(3) > Money(2), sorted([Money(3), Money(1)]))

class Cache:
    @functools.cached_property
    def value(self):
        print("computing")
        return 42
cc = Cache(); print(cc.value, cc.value)

class Worker(abc.ABC):
    @abc.abstractmethod
    async def run(self): ...
    @classmethod
    async def create(cls, *a):
        self = cls(*a)
        await asyncio.sleep(0)
        return self

class Impl(Worker):
    def __init__(self, n): self.n = n
    async def run(self):
        await asyncio.sleep(0.1)
        return self.n * 2

class Resource:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("enter", self.name); return self
    async def __aexit__(self, et, e, tb):
        print("exit", self.name, et.__name__ if et else None); return False

class Ticker:
    def __init__(self, n): self.n = n; self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0.01)
        return self.i

class Color(Enum):
    RED = auto()
    GREEN = auto()
    def describe(self): return f"{self.name}={self.value}"

class Prio(IntEnum):
    LOW = 1
    HIGH = 2

class Counter:
    __slots__ = ("count", "lock")
    def __init__(self):
        self.count = 0
        self.lock = asyncio.Lock()
    async def incr(self):
        async with self.lock:
            c = self.count
            await asyncio.sleep(0)
            self.count = c + 1

async def main():
    w = await Impl.create(21)
    print(await w.run())
    try:
        Worker()
    except TypeError as e:
        print(e)
    async with Resource("db") as r:
        print("using", r.name)
    try:
        async with Resource("x"):
            raise KeyError("k")
    except KeyError:
        print("keyerror out")
    print([i async for i in Ticker(3)])
    print(Color.RED.describe(), list(Color), Color(2), Color["GREEN"], Prio.HIGH > Prio.LOW, Prio.HIGH + 1)
    ctr = Counter()
    await asyncio.gather(*(ctr.incr() for _ in range(5)))
    print(ctr.count)
    try:
        ctr.other = 1
    except AttributeError as e:
        print(e)

asyncio.run(main())

# typing.NamedTuple and collections.namedtuple's methods.
from collections import namedtuple


class Employee(NamedTuple):
    """An employee."""
    name: str
    dept: str = "eng"
    salary: float = 0.0

    @property
    def tag(self):
        return self.name[:2].upper()

    def __str__(self):
        return f"{self.name}@{self.dept}"


e = Employee("ann")
print(e, repr(e), e.tag, Employee.__doc__, Employee._field_defaults, Employee.__annotations__)
print(Employee._make(["bo", "ops", 2.5]), e._replace(dept="hr"), Employee.__mro__[1:])
try:
    e._replace(age=3)
except ValueError as err:
    print(err)
try:
    Employee._make(["x"])
except TypeError as err:
    print(err)
try:
    class Bad(NamedTuple):
        a: int = 0
        b: int
except TypeError as err:
    print(err)
Pair = NamedTuple("Pair", [("left", int), ("right", int)])
print(Pair(1, 2), Pair._fields, Pair(1, 2)._asdict())
Row = namedtuple("Row", "a b c", defaults=[0])
r = Row(1, 2)
print(r, r._asdict(), Row._make((4, 5, 6)), r._replace(c=9), Row._replace.__qualname__)


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item


class IntBox(Box[int]):
    pass


print(IntBox(3).item, IntBox.__mro__, Box[str], Generic[T])
print(Greeter.__mro__)


class Lazy:
    def __init__(self):
        self.calls = 0

    @functools.cached_property
    def data(self):
        self.calls += 1
        return [1, 2, 3]


lz = Lazy()
print(lz.data is lz.data, lz.calls, 'data' in lz.__dict__, type(Lazy.data).__name__)
del lz.data
print(lz.data, lz.calls)
