import typing
from typing import (Any, AsyncIterator, Awaitable, Callable, Dict, Generic, List, Optional,
                    Tuple, TypeVar, Union, TYPE_CHECKING, cast)

T = TypeVar('T')


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        yield i


def apply(f: Callable[[int], Awaitable[str]], x: Optional[int] = None) -> Any:
    return f, x


counts: Dict[str, int] = {'a': 1}
print(List, List[int], Optional[str], Dict[str, List[int]], Union[int, None], Tuple[int, ...], T)
print(Callable[[int], str], typing.Any, cast(int, '3'), TYPE_CHECKING, Box(3).item, counts)
try:
    List()
except TypeError as e:
    print('TypeError:', e)
