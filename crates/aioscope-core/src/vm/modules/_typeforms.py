# What built-in classes make when subscripted or or-ed in annotations:
# list[int] is a GenericAlias, int | None a UnionType (CPython's
# types.GenericAlias and types.UnionType, which the interpreter builds
# through this module).


def _type_repr(t):
    if t is Ellipsis:
        return '...'
    if t is None or t is type(None):
        return 'None'
    if isinstance(t, (GenericAlias, UnionType)):
        return repr(t)
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return t.__module__ + '.' + t.__qualname__
    return repr(t)


class GenericAlias:
    __module__ = 'types'

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        if not self.__args__:
            return _type_repr(self.__origin__) + '[()]'
        return _type_repr(self.__origin__) + '[' + ', '.join(
            _type_repr(a) for a in self.__args__) + ']'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__args__)

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)


class UnionType:
    __module__ = 'types'

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return ' | '.join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return (all(a in other.__args__ for a in self.__args__)
                and all(a in self.__args__ for a in other.__args__))

    def __hash__(self):
        return hash(len(self.__args__))

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)


def _is_form(t):
    return t is None or isinstance(t, (type, GenericAlias, UnionType))


def union(a, b):
    """a | b of types: NotImplemented unless both are types (or None)."""
    if not (_is_form(a) and _is_form(b)):
        return NotImplemented
    args = []
    for t in (a, b):
        if t is None:
            t = type(None)
        parts = t.__args__ if isinstance(t, UnionType) else (t,)
        for p in parts:
            if p not in args:
                args.append(p)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))
