# Abstract base classes: abstract methods and properties, the error when
# instantiating, concrete subclasses, register() and virtual subclasses,
# __subclasshook__, ABCMeta as a metaclass of its own.
import abc
from abc import ABC, ABCMeta, abstractmethod


class Worker(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    async def process(self, item):
        ...

    @abstractmethod
    def describe(self):
        return f'worker {self.name}'

    @property
    @abstractmethod
    def capacity(self):
        ...

    @classmethod
    @abstractmethod
    def create(cls):
        ...

    def run(self):
        return f'{self.describe()} running'


print(sorted(Worker.__abstractmethods__), Worker.describe.__isabstractmethod__, Worker.run.__name__)
try:
    Worker('w')
except TypeError as e:
    print('TypeError:', e)


class Partial(Worker):
    async def process(self, item):
        return item * 2

    def describe(self):
        return 'partial ' + super().describe()


try:
    Partial('p')
except TypeError as e:
    print('TypeError:', e)


class Doubler(Partial):
    @property
    def capacity(self):
        return 4

    @classmethod
    def create(cls):
        return cls('auto')


d = Doubler.create()
print(d.run(), d.capacity, sorted(Doubler.__abstractmethods__), isinstance(d, Worker), issubclass(Doubler, ABC))


class Single(ABC):
    @abstractmethod
    def only(self):
        pass


try:
    Single()
except TypeError as e:
    print('TypeError:', e)


class NotAbstract(ABC):
    def plain(self):
        return 'ok'


print(NotAbstract().plain(), type(NotAbstract).__name__, type(ABC) is ABCMeta, NotAbstract.__abstractmethods__ == set())


# ABCMeta directly as the metaclass; register() and virtual subclasses.
class Sized(metaclass=ABCMeta):
    @abstractmethod
    def size(self):
        pass


class Box:
    def size(self):
        return 1


Sized.register(Box)
print(isinstance(Box(), Sized), issubclass(Box, Sized), Sized in Box.__mro__, isinstance(1, Sized))


@Sized.register
class Bag:
    pass


class SubBox(Box):
    pass


print(issubclass(Bag, Sized), issubclass(SubBox, Sized), isinstance(SubBox(), (int, Sized)), Bag.__name__)
try:
    Sized.register(3)
except TypeError as e:
    print('TypeError:', e)


# __subclasshook__ decides by structure.
class Closable(ABC):
    @abstractmethod
    def close(self):
        pass

    @classmethod
    def __subclasshook__(cls, other):
        if cls is Closable:
            return any('close' in vars(k) for k in other.__mro__)
        return NotImplemented


class File:
    def close(self):
        pass


class Rock:
    pass


print(issubclass(File, Closable), isinstance(File(), Closable), isinstance(Rock(), Closable))


# abstractproperty and the other deprecated helpers, and update_abstractmethods.
class Shape(ABC):
    @abc.abstractproperty
    def area(self):
        pass

    @abc.abstractclassmethod
    def unit(cls):
        pass

    @abc.abstractstaticmethod
    def kind():
        pass


print(sorted(Shape.__abstractmethods__))


class Square(Shape):
    area = 4

    @classmethod
    def unit(cls):
        return cls.__name__

    @staticmethod
    def kind():
        return 'square'


print(Square().area, Square.unit(), Square.kind())


class Late(ABC):
    @abstractmethod
    def go(self):
        pass


Late.go = lambda self: 'went'
abc.update_abstractmethods(Late)
print(Late().go(), Late.__abstractmethods__ == set())


# A metaclass derived from ABCMeta.
class Plugins(ABCMeta):
    found = []

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        if not cls.__abstractmethods__:
            mcls.found.append(name)
        return cls


class Plugin(metaclass=Plugins):
    @abstractmethod
    def load(self):
        pass


class Loader(Plugin):
    def load(self):
        return 'loaded'


print(Plugins.found, Loader().load(), isinstance(Loader(), Plugin), type(Loader).__mro__[1].__name__)
