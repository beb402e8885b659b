# typing for the aioscope interpreter. Annotations are parsed and never
# evaluated here, so these names matter only where a program uses them at
# run time: imported, subscripted (List[int]), printed, cast, a TypeVar, or
# a name standing for a class (isinstance(x, Iterable), a base Mapping[K, V]).
import collections.abc as _abc


def _name_of(param):
    if isinstance(param, type):
        if param.__module__ == 'builtins':
            return param.__qualname__
        return param.__module__ + '.' + param.__qualname__
    if param is None:
        return 'None'
    if param is Ellipsis:
        return '...'
    if isinstance(param, list):
        return '[' + ', '.join(_name_of(p) for p in param) + ']'
    return repr(param)


def _class_of(form):
    """The class a form of this module stands for (List: list), or None."""
    return getattr(form, '_origin', None)


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
        if origin not in (Union, Optional, Literal, Annotated):
            # None stands for its type among other parameters.
            args = [type(None) if a is None else
                    [type(None) if b is None else b for b in a] if isinstance(a, list) else a
                    for a in args]
        return repr(origin) + '[' + ', '.join(_name_of(p) for p in args) + ']'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        cls = _class_of(self.__origin__)
        if cls is None:
            raise TypeError('Cannot subclass ' + repr(self))
        return (cls,)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __eq__(self, other):
        if not isinstance(other, _Subscripted):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__args__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _Form:
    """A name of the typing module: List, Optional, Any... Those standing for
    a class (List for list, Iterable for collections.abc.Iterable) answer
    isinstance and issubclass as the class does and may be a base class."""

    def __init__(self, name, instead=None, origin=None, inst=False):
        self._name = name
        self._instead = instead
        self._origin = origin
        self._inst = inst

    def __getitem__(self, params):
        return _Subscripted(self, params if isinstance(params, tuple) else (params,))

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        if self._inst and self._origin is not None:
            return self._origin(*args, **kwargs)
        if self._instead is None:
            raise TypeError('Cannot instantiate typing.' + self._name)
        raise TypeError('Type ' + self._name + ' cannot be instantiated; use '
                        + self._instead + '() instead')

    def __instancecheck__(self, obj):
        if self._origin is None:
            raise TypeError('typing.' + self._name + ' cannot be used with isinstance()')
        return isinstance(obj, self._origin)

    def __subclasscheck__(self, cls):
        if self._origin is None:
            raise TypeError('typing.' + self._name + ' cannot be used with issubclass()')
        return issubclass(cls, self._origin)

    def __mro_entries__(self, bases):
        if self._origin is None:
            raise TypeError('Cannot subclass typing.' + self._name)
        return (self._origin,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


Any = _Form('Any')
Union = _Form('Union')
Optional = _Form('Optional')
ClassVar = _Form('ClassVar')
Final = _Form('Final')
Literal = _Form('Literal')
NoReturn = _Form('NoReturn')
Never = _Form('Never')
Self = _Form('Self')
LiteralString = _Form('LiteralString')
TypeAlias = _Form('TypeAlias')
Concatenate = _Form('Concatenate')
TypeGuard = _Form('TypeGuard')
Required = _Form('Required')
NotRequired = _Form('NotRequired')
Unpack = _Form('Unpack')
Annotated = _Form('Annotated')
Callable = _Form('Callable', origin=_abc.Callable)
List = _Form('List', 'list', list)
Dict = _Form('Dict', 'dict', dict)
Set = _Form('Set', 'set', set)
try:
    FrozenSet = _Form('FrozenSet', 'frozenset', frozenset)
except NameError:
    FrozenSet = _Form('FrozenSet', 'frozenset')
Tuple = _Form('Tuple', origin=tuple)
Type = _Form('Type', origin=type)
Iterable = _Form('Iterable', origin=_abc.Iterable)
Iterator = _Form('Iterator', origin=_abc.Iterator)
Reversible = _Form('Reversible', origin=_abc.Reversible)
Sized = _Form('Sized', origin=_abc.Sized)
Container = _Form('Container', origin=_abc.Container)
Collection = _Form('Collection', origin=_abc.Collection)
Hashable = _Form('Hashable', origin=_abc.Hashable)
Sequence = _Form('Sequence', origin=_abc.Sequence)
MutableSequence = _Form('MutableSequence', origin=_abc.MutableSequence)
ByteString = _Form('ByteString', origin=_abc.ByteString)
AbstractSet = _Form('AbstractSet', origin=_abc.Set)
MutableSet = _Form('MutableSet', origin=_abc.MutableSet)
Mapping = _Form('Mapping', origin=_abc.Mapping)
MutableMapping = _Form('MutableMapping', origin=_abc.MutableMapping)
MappingView = _Form('MappingView', origin=_abc.MappingView)
KeysView = _Form('KeysView', origin=_abc.KeysView)
ItemsView = _Form('ItemsView', origin=_abc.ItemsView)
ValuesView = _Form('ValuesView', origin=_abc.ValuesView)
Generator = _Form('Generator', origin=_abc.Generator)
Awaitable = _Form('Awaitable', origin=_abc.Awaitable)
Coroutine = _Form('Coroutine', origin=_abc.Coroutine)
AsyncIterable = _Form('AsyncIterable', origin=_abc.AsyncIterable)
AsyncIterator = _Form('AsyncIterator', origin=_abc.AsyncIterator)
AsyncGenerator = _Form('AsyncGenerator', origin=_abc.AsyncGenerator)
ContextManager = _Form('ContextManager')
AsyncContextManager = _Form('AsyncContextManager')
IO = _Form('IO')
TextIO = _Form('TextIO')
BinaryIO = _Form('BinaryIO')
Pattern = _Form('Pattern')
Match = _Form('Match')


# The collections classes (collections imports collections.abc, as this
# module does).
import collections as _collections

Deque = _Form('Deque', origin=_collections.deque, inst=True)
DefaultDict = _Form('DefaultDict', origin=_collections.defaultdict, inst=True)
OrderedDict = _Form('OrderedDict', origin=_collections.OrderedDict, inst=True)
Counter = _Form('Counter', origin=_collections.Counter, inst=True)
ChainMap = _Form('ChainMap', origin=_collections.ChainMap, inst=True)

Text = str
TYPE_CHECKING = False


class TypeVar:
    """A type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


AnyStr = TypeVar('AnyStr', bytes, str)


class _ParamSpecPart:
    def __init__(self, origin, kind):
        self.__origin__ = origin
        self._kind = kind

    def __repr__(self):
        return self.__origin__.__name__ + '.' + self._kind


class ParamSpec:
    """A parameter specification variable: P = ParamSpec('P')."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.args = _ParamSpecPart(self, 'args')
        self.kwargs = _ParamSpecPart(self, 'kwargs')

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


class NewType:
    """NewType('UserId', int): a callable that returns its argument."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.split('.')[-1]
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return self.__module__ + '.' + self.__qualname__

    def __call__(self, x):
        return x

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass an instance of NewType. Perhaps you were looking for: '
                        + self.__name__ + ' = NewType(' + repr(self.__name__) + ', '
                        + self.__name__ + ')')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


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


def _protocol_members(cls):
    names = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        candidates = list(base.__dict__) + list(base.__dict__.get('__annotations__', {}))
        for name in candidates:
            if name.startswith('_abc_') or name in _EXCLUDED or name in names:
                continue
            names.append(name)
    return names


_EXCLUDED = set(('__abstractmethods__', '__annotations__', '__dict__', '__doc__',
                 '__init__', '__module__', '__new__', '__slots__', '__subclasshook__',
                 '__weakref__', '__class_getitem__', '__parameters__', '__orig_bases__',
                 '__orig_class__', '_is_protocol', '_is_runtime_protocol', '__qualname__',
                 '__init_subclass__', '__match_args__', '__classcell__', '_abc_registry'))


class _ProtocolMeta(_abc.ABCMeta):
    """Protocols decorated with runtime_checkable answer isinstance by the
    members an object has."""

    def __instancecheck__(cls, instance):
        if cls.__dict__.get('_is_protocol', False):
            if not cls.__dict__.get('_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with '
                                '@runtime_checkable protocols')
            for name in _protocol_members(cls):
                if not hasattr(instance, name):
                    break
                if callable(getattr(cls, name, None)) and getattr(instance, name) is None:
                    break
            else:
                return True
        return super().__instancecheck__(instance)

    def __subclasscheck__(cls, other):
        if cls.__dict__.get('_is_protocol', False):
            if not cls.__dict__.get('_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with '
                                '@runtime_checkable protocols')
            if not isinstance(other, type):
                raise TypeError('issubclass() arg 1 must be a class')
            for name in _protocol_members(cls):
                for base in other.__mro__:
                    if name in base.__dict__:
                        if base.__dict__[name] is None:
                            return False
                        break
                else:
                    return super().__subclasscheck__(other)
            return True
        return super().__subclasscheck__(other)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Structural types: a class listing Protocol among its bases is one."""

    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    if not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, '
                        'got ' + repr(cls))
    cls._is_runtime_protocol = True
    return cls


# TypedDict: `class Movie(TypedDict): name: str` is a class whose calls make
# plain dicts; its keys are its annotations (total=False: all optional).

class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        tp = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        required = []
        optional = []
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.extend(base.__dict__.get('__required_keys__', ()))
            optional.extend(base.__dict__.get('__optional_keys__', ()))
        own = ns.get('__annotations__', {})
        annotations.update(own)
        for key in own:
            (required if total else optional).append(key)
        tp.__annotations__ = annotations
        tp.__required_keys__ = _frozen(required)
        tp.__optional_keys__ = _frozen(optional)
        if not hasattr(tp, '__total__'):
            tp.__total__ = total
        return tp

    def __init__(cls, name, bases, ns, total=True):
        super().__init__(name, bases, ns)

    def __call__(cls, /, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


try:
    _frozen = frozenset
except NameError:
    _frozen = set


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError('TypedDict takes either a dict or keyword arguments, but not both')
    ns = {'__annotations__': dict(fields), '__module__': '__main__'}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDictBase = type.__new__(_TypedDictMeta, 'TypedDict', (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDictBase,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


def get_origin(tp):
    if isinstance(tp, _Subscripted):
        origin = tp.__origin__
        if origin is Optional:
            return Union
        return _class_of(origin) or origin
    if isinstance(tp, _SubscriptedBase):
        return tp.__origin__
    origin = getattr(tp, '__origin__', None)
    if origin is not None and not isinstance(tp, type):
        return origin
    return None


def get_args(tp):
    if isinstance(tp, _Subscripted):
        args = tp.__args__
        if tp.__origin__ is Callable and len(args) == 2 and isinstance(args[0], list):
            return (args[0], args[1])
        if tp.__origin__ is Optional:
            args = tuple(args) + (None,)
        if tp.__origin__ in (Union, Optional):
            return tuple(type(None) if a is None else a for a in args)
        return tuple(args)
    args = getattr(tp, '__args__', None)
    if isinstance(args, tuple) and not isinstance(tp, type):
        return args
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a function, class or module, names written as
    strings looked up in the module they belong to."""
    import sys
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
    else:
        hints = dict(getattr(obj, '__annotations__', None) or {})
    module = sys.modules.get(getattr(obj, '__module__', None) or '__main__')
    names = globalns if globalns is not None else getattr(module, '__dict__', {})
    builtin = {'int': int, 'str': str, 'float': float, 'bool': bool, 'bytes': bytes,
               'list': list, 'dict': dict, 'tuple': tuple, 'set': set, 'object': object,
               'type': type}
    for key, value in hints.items():
        if value is None:
            hints[key] = type(None)
        elif isinstance(value, str) and value.isidentifier():
            if localns is not None and value in localns:
                hints[key] = localns[value]
            elif value in names:
                hints[key] = names[value]
            elif value in builtin:
                hints[key] = builtin[value]
            else:
                raise NameError(f"name '{value}' is not defined")
    return hints


def assert_never(arg, /):
    raise AssertionError('Expected code to be unreachable, but got: ' + repr(arg)[:100])


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    import sys
    print('Runtime type is ' + repr(type(obj).__name__), file=sys.stderr)
    return obj


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


def get_overloads(func):
    return []


def clear_overloads():
    pass


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
