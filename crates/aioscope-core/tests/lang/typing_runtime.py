import typing
from typing import (Any, AnyStr, Annotated, AsyncIterator, Awaitable, Callable, ClassVar, Counter,
                    DefaultDict, Deque, Dict, Final, Hashable, Iterable, List, Literal, Mapping,
                    NewType, Optional, ParamSpec, Protocol, Self, Sequence, Text, TypedDict,
                    TypeVar, Union, get_args, get_origin, get_type_hints, runtime_checkable)

class Movie(TypedDict, total=False):
    name: str
    year: int

class Sequel(Movie):
    part: int

m = Movie(name="Alien", year=1979)
print(type(m), m, Movie.__total__, sorted(Movie.__optional_keys__), Movie.__annotations__)
print(sorted(Sequel.__required_keys__), sorted(Sequel.__annotations__), Sequel(part=2))
Point = TypedDict("Point", {"x": int, "y": int})
print(Point(x=1, y=2), Point.__annotations__, Point.__total__)
try:
    isinstance(m, Movie)
except TypeError as e:
    print(e)

UserId = NewType("UserId", int)
print(UserId(5), UserId, type(UserId(5)), UserId.__supertype__)

print(Deque[int], DefaultDict[str, int], Counter[str], Hashable, Text, AnyStr, Annotated[int, "meta"])
print(ParamSpec("P"), Self, TypeVar("T_co", covariant=True), Dict[str, None], Callable[..., None])
print(Deque(), DefaultDict(int), typing.OrderedDict(a=1))
print(isinstance([], Iterable), issubclass(list, Sequence), isinstance({}, Mapping), isinstance([], List))
print(isinstance(print, Callable), isinstance(None, Hashable), issubclass(dict, typing.MutableMapping))
try:
    isinstance([], List[int])
except TypeError as e:
    print(e)
try:
    isinstance(1, Any)
except TypeError as e:
    print(e)
try:
    List()
except TypeError as e:
    print(e)

class Registry(Mapping[str, int]):
    def __init__(self, **kw):
        self._d = kw
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)

r = Registry(a=1, b=2)
print(dict(r), r.get("b"), "a" in r, isinstance(r, Mapping), Registry.__mro__[1])

class Pipeline(List[int]):
    def total(self):
        return sum(self)

print(Pipeline([1, 2, 3]).total(), Pipeline.__mro__[1])

@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...

class SupportsArea(Protocol):
    def area(self) -> float: ...

class File:
    def close(self):
        pass

class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2

print(isinstance(File(), Closable), isinstance(1, Closable), issubclass(File, Closable))
try:
    isinstance(Square(2), SupportsArea)
except TypeError as e:
    print(e)
def total_area(shapes: Iterable[SupportsArea]) -> float:
    return sum(s.area() for s in shapes)
print(total_area([Square(2), Square(3)]))

T = TypeVar("T")
def first(xs: Sequence[T]) -> Optional[T]:
    return xs[0] if xs else None
async def fetch(url: str, *, retries: int = 3) -> Dict[str, Any]:
    return {}
print(get_type_hints(first), get_type_hints(fetch))
print(fetch.__annotations__)
print(get_origin(List[int]), get_origin(Dict[str, int]), get_origin(Union[int, str]), get_origin(int))
print(get_args(Dict[str, int]), get_args(Callable[[int, str], bool]), get_args(int), get_args(Optional[int]))
print(get_origin(list[int]), get_args(dict[str, float]))

class Config:
    retries: ClassVar[int] = 3
    name: Final = "svc"
    mode: Literal["a", "b"] = "a"
    cb: "Callable[[int], Awaitable[None]]"
print(get_type_hints(Config)["retries"], Config.__annotations__["cb"], Config.mode)
handler: Callable[[AsyncIterator[bytes]], Awaitable[None]]
print(Union[int, None], Optional[List[int]], Union[int, str] == Union[int, str])
