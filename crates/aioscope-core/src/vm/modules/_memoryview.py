# memoryview over bytes and bytearray (format 'B', one dimension): a window
# (start, length, step) on the object's bytes; writes through to a
# bytearray, as CPython's buffer views do.


def _released():
    raise ValueError('operation forbidden on released memoryview object')


class memoryview:
    __module__ = 'builtins'

    def __init__(self, obj):
        if isinstance(obj, memoryview):
            obj._check()
            self._obj, self._start, self._len, self._step = \
                obj._obj, obj._start, obj._len, obj._step
        elif isinstance(obj, (bytes, bytearray)):
            self._obj, self._start, self._len, self._step = obj, 0, len(obj), 1
        else:
            raise TypeError('memoryview: a bytes-like object is required, not '
                            + repr(type(obj).__name__))
        self._released = False

    def _check(self):
        if self._released:
            _released()

    def _indexes(self):
        return range(self._start, self._start + self._len * self._step, self._step)

    def _source(self):
        if isinstance(self._obj, bytearray):
            return self._obj._items
        return self._obj

    def __repr__(self):
        own = object.__repr__(self)
        at = own[own.rfind(' at ') + 4:-1]
        if self._released:
            return '<released memory at ' + at + '>'
        return '<memory at ' + at + '>'

    def __len__(self):
        self._check()
        return self._len

    def __iter__(self):
        self._check()
        src = self._source()
        return iter([src[i] for i in self._indexes()])

    def __getitem__(self, index):
        self._check()
        if isinstance(index, slice):
            picked = range(self._len)[index]
            view = memoryview(self)
            view._start = self._start + picked.start * self._step
            view._len = len(picked)
            view._step = self._step * picked.step
            return view
        if not isinstance(index, int):
            raise TypeError('memoryview: invalid slice key')
        if index < 0:
            index += self._len
        if index < 0 or index >= self._len:
            raise IndexError('index out of bounds on dimension 1')
        return self._source()[self._start + index * self._step]

    def __setitem__(self, index, value):
        self._check()
        if self.readonly:
            raise TypeError('cannot modify read-only memory')
        items = self._obj._items
        if isinstance(index, slice):
            target = list(self[index]._indexes())
            data = bytes(value)
            if len(data) != len(target):
                raise ValueError('memoryview assignment: lvalue and rvalue have different structures')
            for i, b in zip(target, data):
                items[i] = b
            return
        if index < 0:
            index += self._len
        if index < 0 or index >= self._len:
            raise IndexError('index out of bounds on dimension 1')
        if not isinstance(value, int) or value < 0 or value > 255:
            raise ValueError("memoryview: invalid value for format 'B'")
        items[self._start + index * self._step] = value

    def __eq__(self, other):
        if self._released:
            return self is other
        if isinstance(other, (bytes, bytearray, memoryview)):
            return self.tobytes() == bytes(other)
        return NotImplemented

    def __hash__(self):
        self._check()
        if not self.readonly:
            raise ValueError('cannot hash writable memoryview object')
        return hash(self.tobytes())

    def __bytes__(self):
        return self.tobytes()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.release()

    def release(self):
        self._released = True

    def tobytes(self, order=None):
        self._check()
        src = self._source()
        return bytes([src[i] for i in self._indexes()])

    def tolist(self):
        return list(self.tobytes())

    def hex(self, *args):
        return self.tobytes().hex(*args)

    def toreadonly(self):
        view = memoryview(self)
        view._readonly = True
        return view

    @property
    def obj(self):
        self._check()
        return self._obj

    @property
    def readonly(self):
        self._check()
        return getattr(self, '_readonly', False) or not isinstance(self._obj, bytearray)

    @property
    def nbytes(self):
        self._check()
        return self._len

    @property
    def format(self):
        self._check()
        return 'B'

    @property
    def itemsize(self):
        self._check()
        return 1

    @property
    def ndim(self):
        self._check()
        return 1

    @property
    def shape(self):
        self._check()
        return (self._len,)

    @property
    def strides(self):
        self._check()
        return (self._step,)

    @property
    def c_contiguous(self):
        self._check()
        return self._step == 1

    contiguous = c_contiguous
