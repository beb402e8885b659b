# typing for the aioscope interpreter. Annotations are parsed and never
# evaluated here, so these names matter only where a program uses them at
# run time: imported, subscripted (List[int]), printed, cast, or a TypeVar.


def _name_of(param):
    if isinstance(param, type):
        return param.__name__
    if param is None:
        return 'None'
    if param is Ellipsis:
        return '...'
    if isinstance(param, list):
        return '[' + ', '.join(_name_of(p) for p in param) + ']'
    return repr(param)


class _Subscripted:
    """A form with its parameters, as List[int] is."""

    def __init__(self, origin, params):
        self.__origin__ = origin
        self.__args__ = params

    def __getitem__(self, params):
        return _Subscripted(self, params if isinstance(params, tuple) else (params,))

    def __repr__(self):
        origin, args = self.__origin__, self.__args__
        # Union[X, None] is how Optional[X] is shown.
        if origin is Union and len(args) == 2 and None in args:
            origin, args = Optional, tuple(a for a in args if a is not None)
        return repr(origin) + '[' + ', '.join(_name_of(p) for p in args) + ']'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


class _Form:
    """A name of the typing module: List, Optional, Any..."""

    def __init__(self, name, instead=None):
        self._name = name
        self._instead = instead

    def __getitem__(self, params):
        return _Subscripted(self, params if isinstance(params, tuple) else (params,))

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        if self._instead is None:
            raise TypeError('Cannot instantiate typing.' + self._name)
        raise TypeError('Type ' + self._name + ' cannot be instantiated; use '
                        + self._instead + '() instead')


Any = _Form('Any')
Union = _Form('Union')
Optional = _Form('Optional')
Callable = _Form('Callable')
ClassVar = _Form('ClassVar')
Final = _Form('Final')
Literal = _Form('Literal')
NoReturn = _Form('NoReturn')
List = _Form('List', 'list')
Dict = _Form('Dict', 'dict')
Set = _Form('Set', 'set')
FrozenSet = _Form('FrozenSet', 'frozenset')
Tuple = _Form('Tuple')
Type = _Form('Type')
Iterable = _Form('Iterable')
Iterator = _Form('Iterator')
Sequence = _Form('Sequence')
Mapping = _Form('Mapping')
MutableMapping = _Form('MutableMapping')
Generator = _Form('Generator')
Awaitable = _Form('Awaitable')
Coroutine = _Form('Coroutine')
AsyncIterable = _Form('AsyncIterable')
AsyncIterator = _Form('AsyncIterator')
AsyncGenerator = _Form('AsyncGenerator')

TYPE_CHECKING = False


class TypeVar:
    """A type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


class _SubscriptedBase:
    """Generic[T] or Protocol[T]: as a base class, the class itself."""

    def __init__(self, origin, params):
        self.__origin__ = origin
        self.__args__ = params if isinstance(params, tuple) else (params,)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __repr__(self):
        return 'typing.' + self.__origin__.__name__ + '[' + ', '.join(
            _name_of(p) for p in self.__args__) + ']'


class Generic:
    """The base of generic classes: a subclass subscripted is an alias."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return _SubscriptedBase(cls, params)
        from _typeforms import GenericAlias
        return GenericAlias(cls, params)


class Protocol(Generic):
    """Structural types; here a plain base class."""

    __slots__ = ()


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def final(func):
    return func


def no_type_check(func):
    return func


# NamedTuple: `class P(NamedTuple): x: int` builds a collections.namedtuple
# from the annotations, keeping the class body's defaults, methods and
# docstring; `NamedTuple('P', [('x', int)])` is the functional form.

_NT_RESERVED = set(('__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                          '_field_defaults', '_make', '_replace', '_asdict', '_source'))
_NT_KEPT = set(('__module__', '__name__', '__annotations__', '__qualname__',
                      '__classcell__'))


def _build_namedtuple(typename, types, defaults, module):
    from collections import namedtuple
    nt = namedtuple(typename, list(types), defaults=defaults, module=module)
    nt.__annotations__ = dict(types)
    return nt


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, namespace):
        for base in bases:
            if base is not _NamedTupleBase and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types = namespace.get('__annotations__', {})
        defaults = []
        for name in types:
            if name in namespace:
                defaults.append(namespace[name])
            elif defaults:
                raise TypeError('Non-default namedtuple field ' + name + ' cannot follow '
                                'default field' + ('s' if len(defaults) > 1 else '') + ' '
                                + ', '.join(n for n in types if n in namespace))
        nt = _build_namedtuple(typename, types, defaults,
                               namespace.get('__module__', '__main__'))
        for key, value in namespace.items():
            if key in _NT_RESERVED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _NT_KEPT and key not in nt._fields:
                setattr(nt, key, value)
                hook = getattr(type(value), '__set_name__', None)
                if hook is not None:
                    hook(value, nt, key)
        return nt


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = list(kwargs.items())
    elif kwargs:
        raise TypeError('Either list of fields or keywords can be provided to NamedTuple, not both')
    return _build_namedtuple(typename, dict(fields), [], '__main__')


_NamedTupleBase = type.__new__(_NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTupleBase,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries
