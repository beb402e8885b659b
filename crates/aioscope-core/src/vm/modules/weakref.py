# weakref for the aioscope interpreter: ref is native (_weakref) and real;
# the containers and finalize are built on it. See _weakref for when a
# callback runs.
import _weakref
from _weakref import ref, getweakrefcount, getweakrefs

ReferenceType = ref

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs',
           'WeakKeyDictionary', 'ReferenceType', 'WeakSet',
           'WeakValueDictionary', 'finalize', 'WeakMethod']


class WeakMethod:
    """A weak reference to a bound method (its object and function)."""

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        self._obj_ref = ref(obj, callback)
        self._meth_type = type(meth)
        self._func = func

    def __call__(self):
        obj = self._obj_ref()
        if obj is None:
            return None
        return getattr(obj, self._func.__name__)


class ProxyType:
    """weakref.proxy(obj): attributes go to obj while it lives."""

    def __init__(self, obj, callback=None):
        object.__setattr__(self, '_proxy_ref', ref(obj, callback))

    def _target(self):
        obj = self._proxy_ref()
        if obj is None:
            raise ReferenceError('weakly-referenced object no longer exists')
        return obj

    def __getattr__(self, name):
        return getattr(self._target(), name)

    def __setattr__(self, name, value):
        setattr(self._target(), name, value)

    def __repr__(self):
        return repr(self._target())

    def __str__(self):
        return str(self._target())

    def __len__(self):
        return len(self._target())

    def __iter__(self):
        return iter(self._target())

    def __getitem__(self, key):
        return self._target()[key]

    def __call__(self, *args, **kwargs):
        return self._target()(*args, **kwargs)


def proxy(obj, callback=None):
    return ProxyType(obj, callback)


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry goes when its
    value dies."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _alive(self):
        dead = [k for k, r in self.data.items() if r() is None]
        for k in dead:
            del self.data[k]
        return self.data

    def __getitem__(self, key):
        o = self._alive()[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = ref(value)

    def __delitem__(self, key):
        del self._alive()[key]

    def __contains__(self, key):
        return key in self._alive()

    def __len__(self):
        return len(self._alive())

    def __iter__(self):
        return iter(list(self._alive()))

    def __repr__(self):
        return '<%s at %s>' % (self.__class__.__name__, _address(self))

    def get(self, key, default=None):
        r = self._alive().get(key)
        if r is None:
            return default
        o = r()
        return default if o is None else o

    def keys(self):
        return list(self._alive())

    def values(self):
        return [r() for r in self._alive().values()]

    def items(self):
        return [(k, r()) for k, r in self._alive().items()]

    def pop(self, key, *args):
        r = self._alive().pop(key, None)
        if r is None:
            if args:
                return args[0]
            raise KeyError(key)
        return r()

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kwargs):
        items = other.items() if hasattr(other, 'items') else other
        for k, v in items:
            self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def copy(self):
        return WeakValueDictionary(self.items())

    def clear(self):
        self.data.clear()


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry goes when its key
    dies."""

    def __init__(self, dict=None):
        self._pairs = []
        if dict is not None:
            self.update(dict)

    def _alive(self):
        self._pairs = [p for p in self._pairs if p[0]() is not None]
        return self._pairs

    def _find(self, key):
        for i, (r, v) in enumerate(self._alive()):
            k = r()
            if k is key or k == key:
                return i
        return -1

    def __getitem__(self, key):
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self._pairs[i][1]

    def __setitem__(self, key, value):
        i = self._find(key)
        if i < 0:
            self._pairs.append((ref(key), value))
        else:
            self._pairs[i] = (self._pairs[i][0], value)

    def __delitem__(self, key):
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        del self._pairs[i]

    def __contains__(self, key):
        try:
            return self._find(key) >= 0
        except TypeError:
            return False

    def __len__(self):
        return len(self._alive())

    def __iter__(self):
        return iter([r() for r, v in self._alive()])

    def __repr__(self):
        return '<%s at %s>' % (self.__class__.__name__, _address(self))

    def get(self, key, default=None):
        i = self._find(key)
        return default if i < 0 else self._pairs[i][1]

    def keys(self):
        return [r() for r, v in self._alive()]

    def values(self):
        return [v for r, v in self._alive()]

    def items(self):
        return [(r(), v) for r, v in self._alive()]

    def pop(self, key, *args):
        i = self._find(key)
        if i < 0:
            if args:
                return args[0]
            raise KeyError(key)
        return self._pairs.pop(i)[1]

    def setdefault(self, key, default=None):
        i = self._find(key)
        if i < 0:
            self[key] = default
            return default
        return self._pairs[i][1]

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            items = dict.items() if hasattr(dict, 'items') else dict
            for k, v in items:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def clear(self):
        self._pairs = []


class WeakSet:
    """A set whose members are held weakly."""

    def __init__(self, data=None):
        self._refs = []
        if data is not None:
            for item in data:
                self.add(item)

    def _alive(self):
        self._refs = [r for r in self._refs if r() is not None]
        return self._refs

    def _index(self, item):
        for i, r in enumerate(self._alive()):
            o = r()
            if o is item or o == item:
                return i
        return -1

    def add(self, item):
        if self._index(item) < 0:
            self._refs.append(ref(item))

    def discard(self, item):
        i = self._index(item)
        if i >= 0:
            del self._refs[i]

    def remove(self, item):
        i = self._index(item)
        if i < 0:
            raise KeyError(item)
        del self._refs[i]

    def pop(self):
        while self._refs:
            o = self._refs.pop()()
            if o is not None:
                return o
        raise KeyError('pop from empty WeakSet')

    def clear(self):
        self._refs = []

    def copy(self):
        return WeakSet(self)

    def __contains__(self, item):
        try:
            return self._index(item) >= 0
        except TypeError:
            return False

    def __len__(self):
        return len(self._alive())

    def __iter__(self):
        return iter([r() for r in self._alive()])

    def __repr__(self):
        return '{' + ', '.join(repr(o) for o in self) + '}'

    def update(self, other):
        for item in other:
            self.add(item)


def _address(obj):
    own = object.__repr__(obj)
    return own[own.rfind(' at ') + 4:-1]


class finalize:
    """Calls func(*args, **kwargs) when obj dies (or when called), at most
    once; pending ones with atexit set run at the program's end."""

    _registry = []
    _index = [0]
    _registered_with_atexit = [False]

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit[0]:
            import atexit
            atexit.register(_exitfunc)
            finalize._registered_with_atexit[0] = True
        self._func = func
        self._args = args
        self._kwargs = kwargs or None
        self.atexit = True
        self._order = finalize._index[0]
        finalize._index[0] += 1
        self._weakref = ref(obj, self)
        finalize._registry.append(self)

    def __call__(self, _=None):
        if self in finalize._registry:
            finalize._registry.remove(self)
            return self._func(*self._args, **(self._kwargs or {}))

    def detach(self):
        obj = self._weakref()
        if obj is not None and self in finalize._registry:
            finalize._registry.remove(self)
            return (obj, self._func, self._args, self._kwargs or {})

    def peek(self):
        obj = self._weakref()
        if obj is not None and self in finalize._registry:
            return (obj, self._func, self._args, self._kwargs or {})

    def __getattr__(self, name):
        if name == 'alive':
            return self in finalize._registry
        raise AttributeError("'finalize' object has no attribute '" + name + "'")

    def __repr__(self):
        obj = self._weakref()
        if obj is None:
            return '<finalize object at %s; dead>' % _address(self)
        return '<finalize object at %s; for %r at %s>' % (
            _address(self), type(obj).__name__, _address(obj))


def _exitfunc():
    # At the program's end: the pending finalizers marked atexit, the
    # most recently made first.
    pending = [f for f in finalize._registry if f.atexit]
    pending.sort(key=lambda f: f._order)
    while pending:
        f = pending.pop()
        f()
