# Operator methods on user classes: arithmetic with reflection and
# in-place forms, unary operators, comparisons with NotImplemented, the
# container protocol, callables, context managers, conversions.
class Vector:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return f'Vector{tuple(self.xs)}'

    def _combine(self, other, f):
        if isinstance(other, Vector):
            return Vector(*[f(a, b) for a, b in zip(self.xs, other.xs)])
        if isinstance(other, (int, float)):
            return Vector(*[f(a, other) for a in self.xs])
        return NotImplemented

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __radd__(self, other):
        print('radd', other)
        return self._combine(other, lambda a, b: b + a)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __rsub__(self, other):
        return self._combine(other, lambda a, b: b - a)

    def __mul__(self, other):
        return self._combine(other, lambda a, b: a * b)

    __rmul__ = __mul__

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.xs, other.xs))

    def __truediv__(self, other):
        return self._combine(other, lambda a, b: a / b)

    def __rtruediv__(self, other):
        return self._combine(other, lambda a, b: b / a)

    def __floordiv__(self, other):
        return self._combine(other, lambda a, b: a // b)

    def __mod__(self, other):
        return self._combine(other, lambda a, b: a % b)

    def __pow__(self, other):
        return self._combine(other, lambda a, b: a ** b)

    def __rpow__(self, other):
        return self._combine(other, lambda a, b: b ** a)

    def __lshift__(self, n):
        return Vector(*(self.xs[n:] + self.xs[:n]))

    def __rshift__(self, n):
        return self << -n

    def __and__(self, other):
        return Vector(*[a and b for a, b in zip(self.xs, other.xs)])

    def __or__(self, other):
        return Vector(*[a or b for a, b in zip(self.xs, other.xs)])

    def __xor__(self, other):
        return Vector(*[a ^ b for a, b in zip(self.xs, other.xs)])

    def __iadd__(self, other):
        print('iadd')
        self.xs = [a + b for a, b in zip(self.xs, other.xs)]
        return self

    def __imul__(self, k):
        self.xs = [a * k for a in self.xs]
        return self

    def __neg__(self):
        return Vector(*[-a for a in self.xs])

    def __pos__(self):
        return Vector(*self.xs)

    def __abs__(self):
        return sum(a * a for a in self.xs) ** 0.5

    def __invert__(self):
        return Vector(*reversed(self.xs))

    def __eq__(self, other):
        return isinstance(other, Vector) and self.xs == other.xs

    def __hash__(self):
        return hash(tuple(self.xs))

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __delitem__(self, i):
        del self.xs[i]

    def __contains__(self, v):
        return v in self.xs

    def __bool__(self):
        return any(self.xs)

    def __call__(self, k):
        return self * k


v, w = Vector(1, 2), Vector(3, 4)
print(v + w, v - w, v * 2, 2 * v, v * w, v @ w, 10 - v, v / 2, 12 / w, w // 2, w % 3, v ** 2, 2 ** v)
print(1 + v, v << 1, v >> 1, Vector(1, 0) & Vector(1, 1), Vector(0, 2) | Vector(5, 0), Vector(1, 2) ^ Vector(3, 3))
u = v
u += w
print(u, v, u is v)
u *= 2
print(v, -v, +v, abs(Vector(3, 4)), ~v, v == Vector(8, 12), v != Vector(8, 12), v == 3)
print(len(v), v[0], v[-1], v[0:1], 8 in v, 9 in v, bool(v), bool(Vector(0, 0)), v(3), list(v), sorted(v, reverse=True))
v[0] = 1
del v[1]
print(v, hash(Vector(1)) == hash((1,)), sum([Vector(1, 1), Vector(2, 2)], Vector(0, 0)))
for expr in (lambda: v + 'x', lambda: 'x' + v, lambda: 3 @ v, lambda: v < w, lambda: -object(), lambda: ~1.5):
    try:
        expr()
    except TypeError as e:
        print('TypeError:', e)


# Comparisons: reflection, NotImplemented, sorting.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split('.'))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        return self == other or self < other

    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))


vs = [Version('1.10'), Version('1.2'), Version('0.9')]
print(sorted(vs), max(vs), min(vs), Version('1.2') <= Version('1.2'), Version('2.0') > Version('1.9'))
print(Version('1.0') == Version('1.0'), Version('1.0') == '1.0', Version('1.0') != '1.0')
try:
    Version('1.0') < '1.0'
except TypeError as e:
    print('TypeError:', e)


class Only:
    def __init__(self, n):
        self.n = n

    def __gt__(self, other):
        print('gt', self.n, other.n)
        return self.n > other.n


print(Only(1) < Only(2), Only(3) > Only(2))


class Base:
    def __eq__(self, other):
        print('Base.__eq__')
        return NotImplemented

    def __radd__(self, other):
        return 'Base.__radd__'

    def __add__(self, other):
        return 'Base.__add__'


class Derived(Base):
    def __eq__(self, other):
        print('Derived.__eq__')
        return True

    def __radd__(self, other):
        return 'Derived.__radd__'


print(Base() == Derived(), Base() + Derived(), Derived() + Base(), Base() + Base())


class AlwaysEqual:
    def __eq__(self, other):
        return True


print(AlwaysEqual() == 1, 1 == AlwaysEqual(), AlwaysEqual() != 2, [1, 2].index(AlwaysEqual()), AlwaysEqual() in [5])


# Iteration: __iter__/__next__ and the __getitem__ sequence protocol.
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Countdown(3)), [x for x in Squares()], 9 in Squares(), list(zip(Countdown(2), Squares())), tuple(Squares()))
a, b, *rest = Countdown(5)
print(a, b, rest, next(iter(Countdown(1))), next(Countdown(0), 'done'), sum(Countdown(4)), ','.join(map(str, Squares())))


class Reversible:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __reversed__(self):
        return iter(self.items[::-1])


print(list(reversed(Reversible([1, 2, 3]))), len(Reversible('ab')), bool(Reversible([])))


# Context managers, sync and async; conversions; __index__ and __format__.
class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print('enter', self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow


with Resource('a') as ra, Resource('b', swallow=True):
    print('inside', ra.name)
    raise ValueError('boom')
try:
    with Resource('c'):
        raise KeyError('k')
except KeyError as e:
    print('escaped', repr(e))


class Number:
    def __init__(self, n):
        self.n = n

    def __int__(self):
        return int(self.n)

    def __float__(self):
        return float(self.n)

    def __index__(self):
        return int(self.n)

    def __format__(self, spec):
        return f'<{self.n:{spec}}>'

    def __round__(self, nd=None):
        return round(self.n, nd)

    def __str__(self):
        return f'Number {self.n}'


n = Number(2.75)
print(int(n), float(n), ['a', 'b', 'c'][Number(1)], hex(Number(255)), bin(Number(5)), f'{n:.1f}', format(n, '>6'))
print(round(n), round(n, 1), str(n), range(Number(3)), 'abcdef'[Number(1):Number(3)], [0] * Number(2))
