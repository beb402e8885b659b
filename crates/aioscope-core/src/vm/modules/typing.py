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


class _GenericBase:
    """What Generic[T] and Protocol stand for as a base class."""


class _BaseForm(_Form):
    def __getitem__(self, params):
        return _GenericBase


Generic = _BaseForm('Generic')
Protocol = _BaseForm('Protocol')


def cast(typ, val):
    return val


def overload(func):
    return func


def final(func):
    return func


def no_type_check(func):
    return func
