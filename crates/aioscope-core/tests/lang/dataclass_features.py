from dataclasses import KW_ONLY, make_dataclass
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar
from typing import ClassVar, List, Optional
import dataclasses

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, repr=False)
    count: ClassVar[int] = 0
    def __post_init__(self):
        Job.count += 1
    @property
    def label(self):
        return f"{self.name}!{self.priority}"

a = Job(2, "b"); b = Job(1, "a", ["x"])
print(a, b, a < b, sorted([a, b]), Job.count, a.label)
print(asdict(b), astuple(b), replace(a, priority=5))
print([f.name for f in fields(Job)])

@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Child(Base):
    z: int = 2
    def total(self): return self.x + self.y + self.z
c = Child(1, z=5)
print(c, c.total(), isinstance(c, Base), c == Child(1, 1, 5))

@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)
    def __post_init__(self, scale):
        self.b = self.a * scale
print(WithInit(3), WithInit(3, 10))

@dataclass(frozen=True)
class Pt:
    x: float
    y: float
    def dist(self): return (self.x**2 + self.y**2) ** 0.5
p = Pt(3, 4)
print(p, p.dist())
try:
    p.x = 1
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)

@dataclass
class Opt:
    name: Optional[str] = None
    items: dict = field(default_factory=dict)
o = Opt()
o.items["k"] = 1
print(o, Opt())

try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print(e)

@dataclass(slots=True)
class S:
    a: int
    b: str = "x"
s = S(1)
print(s, S.__slots__)
try:
    s.c = 3
except AttributeError as e:
    print(e)

@dataclass(kw_only=True)
class K:
    a: int
    b: int = 0
print(K(a=1))

@dataclass
class R:
    x: int
    def __repr__(self): return f"R<{self.x}>"
print(R(1), [R(2)])

@dataclass(eq=False)
class NE:
    x: int
print(NE(1) == NE(1))
print(dataclasses.is_dataclass(NE), dataclasses.is_dataclass(NE(1)), dataclasses.is_dataclass(int))
import dataclasses

@dataclass
class E:
    x: int
    def __eq__(self, other):
        return True
print(E(1) == E(2), E.__hash__)

@dataclass
class H:
    x: int
    def __hash__(self):
        return 5
print(hash(H(1)), H(1) == H(1))

@dataclass(unsafe_hash=True)
class U:
    x: int
    y: list = field(default_factory=list, hash=False)
print(hash(U(1)) == hash((1,)))

@dataclass(frozen=True)
class FB:
    x: int
try:
    @dataclass
    class NF(FB):
        y: int = 0
except TypeError as e:
    print(e)

@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3
print(KW(1, b=2))
try:
    KW(1, 2)
except TypeError as e:
    print(e)
try:
    KW(1)
except TypeError as e:
    print(e)
try:
    KW()
except TypeError as e:
    print(e)
try:
    KW(1, b=2, d=4)
except TypeError as e:
    print(e)

Point = make_dataclass('Point', [('x', int), ('y', int, field(default=0))])
print(Point(1), Point(1, 2) == Point(1, 2), [f.name for f in fields(Point)])

@dataclass
class Meta:
    n: int = field(default=1, metadata={'unit': 'ms'})
print(fields(Meta)[0].metadata['unit'])

@dataclass
class Parent:
    name: str
    def __post_init__(self):
        print("parent post", self.name)
@dataclass
class Kid(Parent):
    age: int = 0
    def __post_init__(self):
        super().__post_init__()
        print("kid post", self.age)
Kid("z", 3)

try:
    @dataclass
    class M:
        items: list = []
except ValueError as e:
    print(e)

try:
    @dataclass(order=True, eq=False)
    class O:
        x: int
except ValueError as e:
    print(e)

@dataclass
class Nested:
    p: Point
    ps: list
n = Nested(Point(1, 2), [Point(3)])
print(asdict(n))
print(n)

@dataclass
class Cnt:
    total: int = 0
    def add(self, k):
        self.total += k
        return self
print(Cnt().add(2).add(3))

try:
    Cnt(1, 2)
except TypeError as e:
    print(e)
try:
    Point()
except TypeError as e:
    print(e)

@dataclass
class Self:
    x: int
    child: "Self" = None
s = Self(1); s.child = s
print(s)

print(dataclasses.replace(Point(1, 2), y=5))
try:
    dataclasses.replace(Point(1, 2), z=5)
except TypeError as e:
    print(e)

@dataclass
class T:
    x: int = 1
    y: tuple = (1, 2)
print(T(), T.x, T.y)
print(T.__match_args__, T.__eq__ is not object.__eq__)
match T(5):
    case T(x=5):
        print("matched")
@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
vs = sorted([Version(1, 2), Version(1, 0), Version(0, 9)])
print(vs, max(vs), hash(Version(1)) == hash(Version(1, 0)))
