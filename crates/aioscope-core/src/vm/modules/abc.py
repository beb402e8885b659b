# abc for the aioscope interpreter: abstract base classes. ABCMeta works
# out which methods a class leaves abstract (the interpreter refuses to
# instantiate a class whose __abstractmethods__ is not empty) and keeps
# the classes registered as virtual subclasses, which isinstance and
# issubclass consult through __instancecheck__ and __subclasscheck__.

try:
    _frozen = frozenset
except NameError:
    _frozen = set


def abstractmethod(funcobj):
    """Marks a method abstract: subclasses must override it."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    return getattr(value, '__isabstractmethod__', False)


def _abstract_names(cls, namespace, bases):
    names = set()
    for name, value in namespace.items():
        if _is_abstract(value):
            names.add(name)
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                names.add(name)
    return names


class ABCMeta(type):
    """Metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _frozen(_abstract_names(cls, namespace, bases))
        cls._abc_registry = []
        return cls

    def register(cls, subclass):
        """Registers a virtual subclass: isinstance and issubclass accept it."""
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        answer = cls.__subclasshook__(subclass)
        if answer is not NotImplemented:
            return bool(answer)
        if cls in subclass.__mro__:
            return True
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                return True
        for sub in cls.__subclasses__():
            if sub is not subclass and issubclass(subclass, sub):
                return True
        return False

    def _dump_registry(cls, file=None):
        print(f'Class: {cls.__module__}.{cls.__qualname__}', file=file)


class ABC(metaclass=ABCMeta):
    """Helper class: deriving from it makes an abstract base class."""
    __slots__ = ()


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    """Recomputes __abstractmethods__ after a class changed."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    names = set()
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                names.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            names.add(name)
    cls.__abstractmethods__ = _frozen(names)
    return cls
