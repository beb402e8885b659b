# bytearray: a mutable sequence of bytes, as a list of ints. The bytes
# methods that do not mutate run on a bytes copy; what they give back as
# bytes comes back as bytearray, as CPython's do.


def _as_bytes(v):
    if isinstance(v, bytearray):
        return bytes(v._items)
    return v


def _back(v):
    if type(v) is bytes:
        return bytearray(v)
    if type(v) is list:
        return [_back(x) for x in v]
    if type(v) is tuple:
        return tuple([_back(x) for x in v])
    return v


def _byte(v):
    if not isinstance(v, int):
        raise TypeError("'" + type(v).__name__ + "' object cannot be interpreted as an integer")
    if v < 0 or v > 255:
        raise ValueError('byte must be in range(0, 256)')
    return v


def _buffer_items(v, what):
    if isinstance(v, bytearray):
        return list(v._items)
    if isinstance(v, bytes):
        return list(v)
    if isinstance(v, str):
        raise TypeError(what)
    return None


# The non-mutating methods of bytes that bytearray has too.
_DELEGATED = frozenset([
    'capitalize', 'center', 'count', 'endswith', 'expandtabs', 'find', 'index', 'isalnum',
    'isalpha', 'isascii', 'isdigit', 'islower', 'isspace', 'istitle', 'isupper', 'join',
    'ljust', 'lower', 'lstrip', 'partition', 'removeprefix', 'removesuffix', 'replace',
    'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines',
    'startswith', 'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill', 'hex',
])


class bytearray:
    __module__ = 'builtins'
    __hash__ = None

    def __init__(self, source=None, encoding=None, errors=None):
        if encoding is not None or errors is not None:
            data = bytes(source, encoding, errors) if errors is not None else bytes(source, encoding)
            self._items = list(data)
        elif source is None:
            self._items = []
        elif isinstance(source, str):
            raise TypeError('string argument without an encoding')
        elif isinstance(source, bytearray):
            self._items = list(source._items)
        else:
            self._items = list(bytes(source))

    @classmethod
    def fromhex(cls, text):
        return cls(bytes.fromhex(text))

    def __repr__(self):
        text = repr(bytes(self._items))
        if text[1] == '"':
            # CPython escapes a quote here even inside double quotes.
            text = 'b"' + text[2:-1].replace("'", "\\'") + '"'
        return type(self).__name__ + '(' + text + ')'

    __str__ = __repr__

    def __bytes__(self):
        return bytes(self._items)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, item):
        if isinstance(item, int):
            return _byte(item) in self._items
        return _as_bytes(item) in bytes(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return bytearray(self._items[index])
        if not isinstance(index, int):
            raise TypeError('bytearray indices must be integers or slices, not '
                            + type(index).__name__)
        if index < -len(self._items) or index >= len(self._items):
            raise IndexError('bytearray index out of range')
        return self._items[index]

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            items = _buffer_items(value, 'can assign only bytes, buffers, or iterables of ints in range(0, 256)')
            if items is None:
                items = [_byte(v) for v in value]
            self._items[index] = items
            return
        if index < -len(self._items) or index >= len(self._items):
            raise IndexError('bytearray index out of range')
        self._items[index] = _byte(value)

    def __delitem__(self, index):
        if not isinstance(index, slice) and (index < -len(self._items) or index >= len(self._items)):
            raise IndexError('bytearray index out of range')
        del self._items[index]

    def __eq__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._items) == _as_bytes(other)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._items) != _as_bytes(other)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._items) < _as_bytes(other)
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._items) <= _as_bytes(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._items) > _as_bytes(other)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, (bytes, bytearray)):
            return bytes(self._items) >= _as_bytes(other)
        return NotImplemented

    def __add__(self, other):
        items = _buffer_items(other, "can't concat str to bytearray")
        if items is None:
            raise TypeError("can't concat " + type(other).__name__ + ' to bytearray')
        return bytearray(self._items + items)

    def __radd__(self, other):
        if isinstance(other, bytes):
            return other + bytes(self._items)
        return NotImplemented

    def __iadd__(self, other):
        items = _buffer_items(other, "can't concat str to bytearray")
        if items is None:
            raise TypeError("can't concat " + type(other).__name__ + ' to bytearray')
        self._items.extend(items)
        return self

    def __mul__(self, n):
        return bytearray(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items = self._items * n
        return self

    def __mod__(self, values):
        return bytearray(bytes(self._items) % values)

    def append(self, item):
        self._items.append(_byte(item))

    def extend(self, iterable):
        items = _buffer_items(iterable, "expected iterable of integers; got: 'str'")
        if items is None:
            items = [_byte(v) for v in iterable]
        self._items.extend(items)

    def insert(self, index, item):
        self._items.insert(index, _byte(item))

    def pop(self, index=-1):
        if not self._items:
            raise IndexError('pop from empty bytearray')
        if index < -len(self._items) or index >= len(self._items):
            raise IndexError('pop index out of range')
        return self._items.pop(index)

    def remove(self, value):
        value = _byte(value)
        if value not in self._items:
            raise ValueError('value not found in bytearray')
        self._items.remove(value)

    def clear(self):
        self._items.clear()

    def copy(self):
        return bytearray(self._items)

    def reverse(self):
        self._items.reverse()

    def decode(self, encoding='utf-8', errors='strict'):
        return bytes(self._items).decode(encoding, errors)

    def __getattr__(self, name):
        if name not in _DELEGATED:
            raise AttributeError("'bytearray' object has no attribute '" + name + "'")
        method = getattr(bytes(self._items), name)

        def call(*args, **kwargs):
            args = [_as_bytes(a) for a in args]
            if name == 'join':
                args = [[_as_bytes(x) for x in args[0]]]
            return _back(method(*args, **kwargs))
        return call
