from collections.abc import *
import collections.abc
import collections
print(collections.abc.Mapping, collections.abc.__name__, Iterable.__module__)
import sys
class MyMap(Mapping):
    def __init__(self, **kw): self._d = dict(kw)
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
m = MyMap(a=1, b=2)
print(m.get("a"), m.get("z", 0), "a" in m, list(m.keys()), list(m.items()), list(m.values()), m == {"a": 1, "b": 2})
print(m.keys() & {"a", "q"}, len(m.values()), ("a", 1) in m.items(), 2 in m.values())
class Bag(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[str(k)] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
b = Bag(); b.update({1: "x"}, y=2); b.setdefault("z", 3)
print(b._d, b.pop("y"), b.pop("nope", None), b.popitem(), len(b))
try:
    Bag.__abstractmethods__
    class Half(Mapping):
        def __getitem__(self, k): return 1
    Half()
except TypeError as e:
    print(e)
print(isinstance([], Iterable), isinstance([], Sequence), isinstance([], MutableSequence), isinstance((), MutableSequence))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance(set(), Set), isinstance("s", Sequence))
print(isinstance(iter([]), Iterator), isinstance(len, Callable), isinstance(lambda: 0, Callable), isinstance(MyMap, Callable), isinstance(m, Callable))
print(isinstance(1, Hashable), isinstance([], Hashable), isinstance(m, Hashable), isinstance(3, Iterable))
def g(): yield 1
async def c(): pass
async def ag(): yield 1
co = c()
print(isinstance(g(), Generator), isinstance(g(), Iterator), isinstance(co, Coroutine), isinstance(co, Awaitable), isinstance(ag(), AsyncGenerator), isinstance(ag(), AsyncIterator))
co.close()
class R:
    def __iter__(self): return iter([])
    def __len__(self): return 0
    def __contains__(self, x): return False
print(issubclass(R, Collection), issubclass(R, Sized), issubclass(R, Sequence), issubclass(R, Reversible))
class S(Sequence):
    def __init__(self, *xs): self.xs = xs
    def __getitem__(self, i): return self.xs[i]
    def __len__(self): return len(self.xs)
s = S(1, 2, 3, 2)
print(list(s), 2 in s, list(reversed(s)), s.index(2), s.count(2), s.index(2, 2))
try: s.index(9)
except ValueError as e: print("VE", repr(e))
class L(MutableSequence):
    def __init__(self): self.xs = []
    def __getitem__(self, i): return self.xs[i]
    def __setitem__(self, i, v): self.xs[i] = v
    def __delitem__(self, i): del self.xs[i]
    def __len__(self): return len(self.xs)
    def insert(self, i, v): self.xs.insert(i, v)
l = L(); l.append(1); l.extend([2, 3]); l += [4]; l.reverse(); l.remove(2)
print(l.xs, l.pop(), l.xs)
class FS(Set):
    def __init__(self, it=()): self.s = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
    def __repr__(self): return f"FS({self.s})"
a, b2 = FS([1, 2, 3]), FS([2, 3, 4])
print(a & b2, a | b2, a - b2, a ^ b2, a <= FS([1, 2, 3, 4]), a == FS([3, 2, 1]), a.isdisjoint([7]))
print(Callable[[int], str], Callable[..., int], Iterable[int], Mapping[str, int])
