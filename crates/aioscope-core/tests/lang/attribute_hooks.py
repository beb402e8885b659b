# __getattr__, __getattribute__, __setattr__, __delattr__, __slots__,
# getattr/setattr/hasattr/delattr/vars and the introspection attributes.


class Proxy:
    """Forwards unknown attributes to the object it wraps."""

    def __init__(self, target):
        self._target = target
        self.calls = 0

    def __getattr__(self, name):
        self.calls += 1
        if name.startswith('secret'):
            raise AttributeError(f'{name} is hidden')
        return getattr(self._target, name)


class Target:
    colour = 'red'

    def greet(self, who):
        return f'hello {who}'


p = Proxy(Target())
print(p.colour, p.greet('you'), p.calls, hasattr(p, 'secret_key'), getattr(p, 'secret', 'dflt'), p.calls)
try:
    p.nothing
except AttributeError as e:
    print('AttributeError:', e)


class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __setattr__(self, name, value):
        if name.startswith('_'):
            raise AttributeError(f'cannot set private {name}')
        print('set', name, '=', value)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)

    def __repr__(self):
        return f'Record({vars(self)})'


r = Record(a=1, b=2)
r.c = 3
setattr(r, 'd', 4)
del r.a
delattr(r, 'b')
print(r, r.__dict__, sorted(vars(r)))
try:
    r._x = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    del r.zz
except AttributeError as e:
    print('AttributeError:', e)


class Audited:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if name == 'y':
            return 'computed y'
        value = object.__getattribute__(self, name)
        if not name.startswith('__'):
            print('get', name)
        return value

    def __getattr__(self, name):
        return f'fallback {name}'

    def method(self):
        return self.x + 1


a = Audited()
print(a.x, a.y, a.missing, a.method())


class Frozen:
    __slots__ = ()

    def __setattr__(self, name, value):
        raise AttributeError(f"'{type(self).__name__}' is frozen")


try:
    Frozen().x = 1
except AttributeError as e:
    print('AttributeError:', e)


# __slots__: no __dict__, CPython's messages, slots and class attributes,
# inheritance with and without slots.
class Vec:
    __slots__ = ('x', 'y')
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f'Vec({self.x}, {self.y})'


v = Vec(1, 2)
v.x = 10
print(v, v.dims, Vec.x, type(Vec.x).__name__, Vec.__slots__, hasattr(v, '__dict__'))
for stmt in (lambda: setattr(v, 'z', 3), lambda: setattr(v, 'dims', 3), lambda: v.__dict__, lambda: vars(v)):
    try:
        stmt()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)
del v.y
try:
    v.y
except AttributeError as e:
    print('AttributeError:', e)
try:
    del v.y
except AttributeError as e:
    print('AttributeError:', e)


class Vec3(Vec):
    __slots__ = ('z',)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Loose(Vec):
    pass


v3 = Vec3(1, 2, 3)
lo = Loose(1, 2)
lo.extra = 'ok'
print(v3.z, v3.x, hasattr(v3, '__dict__'), lo.extra, lo.__dict__)
try:
    v3.w = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    class Clash:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print('ValueError:', e)


class WithDict:
    __slots__ = ('a', '__dict__')


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)


# getattr/setattr/hasattr/delattr with defaults and errors.
class Plain:
    pass


o = Plain()
setattr(o, 'name', 'n')
print(getattr(o, 'name'), getattr(o, 'other', None), hasattr(o, 'name'), hasattr(Plain, 'name'))
for call in (lambda: getattr(o, 'nope'), lambda: delattr(o, 'nope'), lambda: getattr(o, 1),
             lambda: setattr(o, 2, 3), lambda: Plain.nope, lambda: delattr(Plain, 'nope'),
             lambda: object().x, lambda: setattr(object(), 'x', 1), lambda: (1).real.imag.foo,
             lambda: setattr(5, 'x', 1), lambda: setattr(int, 'x', 1), lambda: delattr(str, 'join'),
             lambda: 'abc'.nope, lambda: [].append.foo):
    try:
        call()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)


# Introspection attributes.
class Outer:
    class Inner:
        def method(self):
            pass

    def method(self):
        pass


print(Outer.__name__, Outer.Inner.__qualname__, Outer.Inner.method.__qualname__, Outer.__module__)
print(Outer.__bases__, Outer.Inner.__mro__, Outer().__class__.__name__, type(Outer()).__qualname__)
print(Outer.method.__name__, Outer().method.__func__ is Outer.method, Outer().method.__self__.__class__.__name__)
print(sorted(k for k in vars(Outer) if not k.startswith('__')), 'method' in Outer.__dict__, Outer.__dict__['method'].__name__)
print(isinstance(Outer.__dict__, object), Outer.__doc__, Target.__doc__, Proxy.__doc__)


class Counted:
    count = 0

    def __init__(self):
        type(self).count += 1
        self.__class__.last = self


Counted(); Counted()
print(Counted.count, Counted.last.__class__ is Counted, vars(Counted())['__class__'] if '__class__' in vars(Counted()) else 'no __class__ in vars')
