# operator for the aioscope interpreter: the operators as functions, and
# itemgetter/attrgetter/methodcaller with CPython's reprs and errors.

_builtin_abs = abs

from _operator import (
    add, and_, contains, delitem, eq, floordiv, ge, getitem, gt, iadd, iand, ifloordiv,
    ilshift, imatmul, imod, imul, inv, invert, ior, ipow, irshift, is_, is_not, isub,
    itruediv, ixor, le, lshift, lt, matmul, mod, mul, ne, neg, not_, or_, pos, pow,
    rshift, setitem, sub, truediv, truth, xor,
)


def abs(a): return _builtin_abs(a)
def index(a):
    if isinstance(a, int):
        return int(a)
    if hasattr(a, '__index__'):
        return a.__index__()
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(a).__name__)
def concat(a, b):
    if isinstance(a, dict) or not (isinstance(a, (str, list, tuple, bytes))
                                   or hasattr(a, '__getitem__')):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)
    return a + b
def countOf(a, b):
    count = 0
    for x in a:
        if x is b or x == b:
            count += 1
    return count
def indexOf(a, b):
    for i, x in enumerate(a):
        if x is b or x == b:
            return i
    raise ValueError('sequence.index(x): x not in sequence')
def length_hint(obj, default=0):
    try:
        return len(obj)
    except TypeError:
        return default
def iconcat(a, b):
    a += b
    return a


class itemgetter:
    """itemgetter(1)(x) is x[1]; itemgetter(1, 2)(x) is (x[1], x[2])."""

    def __init__(self, *items):
        if not items:
            raise TypeError('itemgetter expected 1 argument, got 0')
        self._items = items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple([obj[i] for i in self._items])

    def __repr__(self):
        return 'operator.itemgetter(%s)' % ', '.join(map(repr, self._items))


class attrgetter:
    """attrgetter('a.b')(x) is x.a.b."""

    def __init__(self, *attrs):
        if not attrs:
            raise TypeError('attrgetter expected 1 argument, got 0')
        for a in attrs:
            if not isinstance(a, str):
                raise TypeError('attribute name must be a string')
        self._attrs = attrs

    def _get(self, obj, dotted):
        for name in dotted.split('.'):
            obj = getattr(obj, name)
        return obj

    def __call__(self, obj):
        if len(self._attrs) == 1:
            return self._get(obj, self._attrs[0])
        return tuple([self._get(obj, a) for a in self._attrs])

    def __repr__(self):
        return 'operator.attrgetter(%s)' % ', '.join(map(repr, self._attrs))


class methodcaller:
    """methodcaller('f', 1)(x) is x.f(1)."""

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError('methodcaller needs at least one argument, the method name')
        if not isinstance(args[0], str):
            raise TypeError('method name must be a string')
        self._name = args[0]
        self._args = args[1:]
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        parts.extend(map(repr, self._args))
        parts.extend('%s=%r' % (k, v) for k, v in self._kwargs.items())
        return 'operator.methodcaller(%s)' % ', '.join(parts)


__lt__ = lt
__le__ = le
__eq__ = eq
__ne__ = ne
__ge__ = ge
__gt__ = gt
__add__ = add
__sub__ = sub
__mul__ = mul
__truediv__ = truediv
__floordiv__ = floordiv
__mod__ = mod
__neg__ = neg
__getitem__ = getitem
