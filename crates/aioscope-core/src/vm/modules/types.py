# types for the aioscope interpreter: the built-in types by name, and
# SimpleNamespace.
import _inspect

_t = _inspect._types()
FunctionType = LambdaType = _t['function']
BuiltinFunctionType = BuiltinMethodType = _t['builtin_function']
MethodType = _t['method']
ModuleType = _t['module']
CoroutineType = _t['coroutine']
GeneratorType = _t['generator']
AsyncGeneratorType = _t['async_generator']
NoneType = _t['none']
TracebackType = _t['traceback']
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
del _t


class SimpleNamespace:
    """A plain object whose attributes are its keyword arguments."""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        items = ', '.join(k + '=' + repr(v) for k, v in self.__dict__.items())
        return name + '(' + items + ')'

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


class MappingProxyType:
    """A read-only view of a mapping."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __eq__(self, other):
        return self._mapping == other

    def __str__(self):
        return str(self._mapping)

    def __repr__(self):
        return 'mappingproxy(' + repr(self._mapping) + ')'


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return type(name, tuple(bases), ns)


def coroutine(func):
    raise NotImplementedError('types.coroutine is not supported yet')
