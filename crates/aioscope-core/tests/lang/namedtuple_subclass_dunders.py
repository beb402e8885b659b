# A subclass of a namedtuple (or of tuple) that defines __len__,
# __getitem__ or __iter__ is asked, not bypassed; tuple's own methods
# called through the class still see the plain tuple.
from collections import namedtuple


class T(tuple):
    def __len__(self):
        return 9

    def __getitem__(self, k):
        return "item"


t = T((1, 2))
print(len(t), t[0])


class N(namedtuple("N", "a b")):
    def __len__(self):
        return 9

    def __getitem__(self, k):
        return "item"


n = N(1, 2)
print(len(n), n[0], n.a, list(n))


class U(namedtuple("U", "a b")):
    def __iter__(self):
        yield from tuple.__iter__(self)
        yield "extra"

    def __len__(self):
        return len(tuple(iter(self)))

    def __getitem__(self, k):
        return tuple(iter(self))[k]


u = U(1, 2)
print(list(u), len(u), u[-1], u[0], u, tuple.__len__(u), tuple.__getitem__(u, 1))
print(u.a, u.b, u._asdict(), [x for x in u], sorted(u[:2]))
