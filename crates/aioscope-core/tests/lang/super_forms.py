# super() in every form: zero-argument in methods, class methods,
# __init_subclass__ and __new__; two-argument; cooperative multiple
# inheritance over diamonds (C3 MRO); super() reaching properties,
# __getattr__, __setattr__ and built-in bases.


class Base:
    def __init__(self, **kwargs):
        print('Base.__init__', sorted(kwargs))
        super().__init__()

    def hello(self):
        return ['Base']

    @classmethod
    def make(cls):
        return f'{cls.__name__} via Base.make'

    @staticmethod
    def tool():
        return 'Base.tool'


class Left(Base):
    def __init__(self, left=None, **kwargs):
        print('Left.__init__', left)
        super().__init__(**kwargs)

    def hello(self):
        return ['Left'] + super().hello()


class Right(Base):
    def __init__(self, right=None, **kwargs):
        print('Right.__init__', right)
        super().__init__(**kwargs)

    def hello(self):
        return ['Right'] + super().hello()

    @classmethod
    def make(cls):
        return 'Right.make -> ' + super().make()


class Child(Left, Right):
    def __init__(self, **kwargs):
        print('Child.__init__')
        super().__init__(**kwargs)

    def hello(self):
        return ['Child'] + super().hello()

    def two_arg(self):
        return super(Left, self).hello(), super(Child, self).hello()

    @staticmethod
    def tool():
        return 'Child.tool -> ' + super(Child, Child).tool()


c = Child(left=1, right=2, extra=3)
print([k.__name__ for k in Child.__mro__])
print(c.hello(), c.two_arg(), Child.make(), Child.tool(), Child.mro() == list(Child.__mro__))
print(super(Child, c).hello(), super(Right, c).make(), repr(super(Child, c)))
try:
    class Bad(Base, Left):
        pass
except TypeError as e:
    print('TypeError:', e)


# super() in __new__ and __init_subclass__, and in a class method.
class Interned:
    _cache = {}

    def __new__(cls, key):
        if key not in cls._cache:
            inst = super().__new__(cls)
            inst.key = key
            cls._cache[key] = inst
        return cls._cache[key]

    def __init__(self, key):
        print('init', key)


a, b = Interned('x'), Interned('x')
print(a is b, a.key, len(Interned._cache))


class Tracked:
    subclasses = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Tracked.subclasses.append(cls.__name__)


class Mid(Tracked):
    def __init_subclass__(cls, tag='none', **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag


class Leaf(Mid, tag='leaf'):
    pass


print(Tracked.subclasses, Leaf.tag)


# super() reaching a property, __getattr__, __setattr__, __repr__, __eq__.
class Model:
    @property
    def label(self):
        return 'model'

    def __getattr__(self, name):
        return f'default-{name}'

    def __repr__(self):
        return '<Model>'


class User(Model):
    def __init__(self):
        super().__setattr__('name', 'u')

    @property
    def label(self):
        return super().label.upper()

    def __getattr__(self, name):
        if name == 'special':
            return 'special!'
        return super().__getattr__(name)

    def __setattr__(self, name, value):
        print('User.__setattr__', name)
        super().__setattr__(name, value)

    def __repr__(self):
        return 'User:' + super().__repr__()

    def __eq__(self, other):
        return super().__eq__(other)


u = User()
u.age = 3
print(u.label, u.special, u.other, repr(u), u.name, u.age, u == u, u == 1, u.__eq__(1))
try:
    super(User, u).nope
except AttributeError as e:
    print('AttributeError:', e)


class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x

    def __hash__(self):
        return hash(self.x)


class Point3(Point):
    def __init__(self, x, z):
        super().__init__(x)
        self.z = z

    def __eq__(self, other):
        return super().__eq__(other) and getattr(other, 'z', None) == self.z

    __hash__ = Point.__hash__


print(Point3(1, 2) == Point3(1, 2), Point3(1, 2) == Point3(1, 3), Point(1) == Point3(1, 5), hash(Point3(7, 0)))


# super() with built-in bases and object's methods.
class Loud(str):
    def upper(self):
        return super().upper() + '!'

    def __add__(self, other):
        return Loud(super().__add__(other))

    def __getitem__(self, i):
        return Loud(super().__getitem__(i) * 2)


class Counter(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, super().get(key, 0) + value)

    def __repr__(self):
        return 'Counter' + super().__repr__()


s = Loud('hey')
print(s.upper(), s + 'you', type(s + 'x').__name__, s[0], len(s))
cn = Counter()
cn['a'] = 1
cn['a'] = 2
print(cn, object.__repr__(cn).startswith('<__main__.Counter object at'), super(Counter, cn).__len__())


class Tagged:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


try:
    Tagged(1)
except TypeError as e:
    print('TypeError:', e)


def outside():
    return super()


try:
    outside()
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    super(int, 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    super(1, 2)
except TypeError as e:
    print('TypeError:', e)
