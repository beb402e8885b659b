# Metaclasses as published programs use them: registries, singletons,
# class-creation hooks with keywords, __prepare__, metaclass methods and
# properties, type() with three arguments, and __init_subclass__.


class PluginMeta(type):
    registry = {}

    def __new__(mcs, name, bases, namespace, **kwargs):
        print(f'PluginMeta.__new__({name!r}, {[b.__name__ for b in bases]}, kwargs={kwargs})')
        cls = super().__new__(mcs, name, bases, namespace)
        if bases:
            mcs.registry[kwargs.get('key', name.lower())] = cls
        return cls

    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace)
        cls.created_by = type(cls).__name__

    def describe(cls):
        return f'{cls.__name__} with {sorted(k for k in vars(cls) if not k.startswith("_"))}'

    @property
    def plugin_count(cls):
        return len(type(cls).registry)


class Plugin(metaclass=PluginMeta):
    def run(self):
        return f'running {type(self).__name__}'


class Fetcher(Plugin, key='fetch'):
    retries = 3


class Parser(Plugin):
    pass


print(sorted(PluginMeta.registry), Fetcher.created_by, Plugin.plugin_count)
print(Fetcher.describe(), Fetcher().run(), type(Fetcher) is PluginMeta)
print(isinstance(Fetcher, PluginMeta), isinstance(Fetcher(), Plugin), issubclass(PluginMeta, type))
try:
    Fetcher().describe()
except AttributeError as e:
    print('AttributeError:', e)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print('creating', cls.__name__, args)
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, path='default.ini'):
        self.path = path


class Logger(metaclass=Singleton):
    pass


c1 = Config('app.ini')
c2 = Config('other.ini')
print(c1 is c2, c2.path, Logger() is Logger(), len(Singleton._instances))


# __prepare__ returning a dict that records the order of definitions.
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith('__'):
            self.order.append(key)
        super().__setitem__(key, value)


class OrderedMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        print('prepare', name, kwargs)
        return Recorder()

    def __new__(mcs, name, bases, namespace, **kwargs):
        cls = super().__new__(mcs, name, bases, dict(namespace))
        cls.field_order = namespace.order
        return cls


class Form(metaclass=OrderedMeta, strict=True):
    zeta = 1
    alpha = 2

    def submit(self):
        pass

    beta = 3


print(Form.field_order)


# A metaclass that validates the class body.
class Interface(type):
    def __new__(mcs, name, bases, ns):
        missing = [m for m in getattr(mcs, 'required', ()) if m not in ns and bases]
        if missing:
            raise TypeError(f'{name} must define {", ".join(missing)}')
        return super().__new__(mcs, name, bases, ns)


class Handler(Interface):
    required = ('handle',)


class BaseHandler(metaclass=Handler):
    pass


try:
    class Broken(BaseHandler):
        pass
except TypeError as e:
    print('TypeError:', e)


class Working(BaseHandler):
    def handle(self):
        return 'handled'


print(Working().handle(), type(Working).__name__)


# Metaclass conflicts and the most derived metaclass.
class MetaA(type):
    pass


class MetaB(type):
    pass


class MetaAB(MetaA, MetaB):
    pass


class A(metaclass=MetaA):
    pass


class B(metaclass=MetaB):
    pass


try:
    class C(A, B):
        pass
except TypeError as e:
    print('TypeError:', e)


class D(A, B, metaclass=MetaAB):
    pass


class E(D):
    pass


print(type(D).__name__, type(E).__name__, [k.__name__ for k in type(E).__mro__])


# type() with three arguments, and the classes it makes.
def greet(self):
    return f'hi from {self.name}'


Dynamic = type('Dynamic', (object,), {'name': 'dyn', 'greet': greet, 'count': 0})
Sub = type('Sub', (Dynamic,), {'name': 'sub'})
print(Dynamic().greet(), Sub().greet(), Sub.__mro__[1].__name__, Sub.__name__, Dynamic.count)
print(type(Sub), type(type), type(3), type('x').__name__, Sub.__bases__)
Made = PluginMeta('Made', (Plugin,), {'x': 1})
print(type(Made).__name__, 'made' in PluginMeta.registry, Made.x)


# __init_subclass__ with class keywords, and super() through it.
class Shape:
    shapes = []

    def __init_subclass__(cls, /, sides=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.sides = sides
        Shape.shapes.append((cls.__name__, sides))


class Triangle(Shape, sides=3):
    pass


class Square(Shape, sides=4):
    pass


class Blob(Shape):
    pass


class RightTriangle(Triangle):
    pass


print(Shape.shapes, RightTriangle.sides)
try:
    class Bad(Shape, sides=1, colour='red'):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Plain(object, colour='red'):
        pass
except TypeError as e:
    print('TypeError:', e)


# A class decorator and a metaclass together; __class_getitem__.
def register(cls):
    cls.registered = True
    return cls


@register
class Tagged(metaclass=PluginMeta):
    pass


class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item.__name__}]'


class IntBox(Box):
    pass


print(Tagged.registered, Box[int], IntBox[str])


# Metaclass __getattr__ for class-level attribute lookups and __repr__.
class Constants(type):
    def __getattr__(cls, name):
        if name.isupper():
            return name.lower()
        raise AttributeError(name)

    def __repr__(cls):
        return f'<constants {cls.__name__}>'

    def __len__(cls):
        return 42

    def __iter__(cls):
        return iter(['a', 'b'])

    def __getitem__(cls, key):
        return key * 2

    def __contains__(cls, item):
        return item == 'here'


class Colors(metaclass=Constants):
    pass


print(Colors.RED, repr(Colors), len(Colors), list(Colors), Colors[3], 'here' in Colors, str(Colors))
try:
    Colors.lower
except AttributeError as e:
    print('AttributeError:', e)
