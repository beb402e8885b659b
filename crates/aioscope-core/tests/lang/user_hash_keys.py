# Dict and set keys use a class's own __hash__ and __eq__.
from collections import namedtuple
from dataclasses import dataclass


class Point:
    calls = 0

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        Point.calls += 1
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


d = {Point(1, 2): "a", Point(3, 4): "b"}
print(d[Point(1, 2)], Point(3, 4) in d, Point(5, 6) in d, len(d))
d[Point(1, 2)] = "c"
print(d, Point.calls > 0)
s = {Point(0, 0), Point(0, 0), Point(1, 1)}
print(len(s), Point(1, 1) in s)
s.discard(Point(0, 0))
print(s)
print(hash(Point(1, 2)) == hash((1, 2)))


class OnlyEq:
    def __eq__(self, other):
        return True


for thing in [OnlyEq(), [1], {1: 2}, {3}]:
    try:
        hash(thing)
    except TypeError as e:
        print("TypeError:", e)
try:
    {OnlyEq(): 1}
except TypeError as e:
    print("TypeError:", e)
print(OnlyEq.__hash__)


class NoHash:
    __hash__ = None


try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)


class Inherits(Point):
    pass


print(Inherits(1, 2) in d, hash(Inherits(1, 2)) == hash(Point(1, 2)))


class EqAndHash(Point):
    def __eq__(self, other):
        return NotImplemented


print(EqAndHash.__hash__)


class Same:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return self.n == other.n


t = {Same(1), Same(2), Same(1)}
print(len(t), sorted(x.n for x in t))


class Big:
    def __hash__(self):
        return 2 ** 100


class Neg:
    def __hash__(self):
        return -1


class Bad:
    def __hash__(self):
        return "x"


print(hash(Big()), hash(Neg()))
try:
    hash(Bad())
except TypeError as e:
    print("TypeError:", e)

Pair = namedtuple("Pair", "a b")
print(hash(Pair(1, 2)) == hash((1, 2)), {Pair(1, 2): "p"}[(1, 2)], (1, 2) in {Pair(1, 2)})


@dataclass(frozen=True)
class Frozen:
    x: int
    y: str


@dataclass
class Mutable:
    x: int


print(hash(Frozen(1, "a")) == hash((1, "a")), {Frozen(1, "a"), Frozen(1, "a")})
try:
    hash(Mutable(1))
except TypeError as e:
    print("TypeError:", e)


class Identity:
    pass


a, b = Identity(), Identity()
print(len({a, b, a}), {a: 1}[a], b in {a})


class Mutator:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 7

    def __eq__(self, other):
        self.target.clear()
        return False


target = {}
target[Mutator(target)] = 1
try:
    target[Mutator(target)] = 2
    print("no crash", len(target) >= 0)
except RuntimeError as e:
    print("RuntimeError:", e)

print({1: "int", 1.0: "float", True: "bool"}, {0, 0.0, False}, {2**64: 1, float(2**64): 2})
