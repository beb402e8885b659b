# struct for the aioscope interpreter: formats parsed into (code, count)
# items, integers through int.to_bytes/from_bytes, floats through _struct
# (their bits).  The machine is CPython's usual 64-bit little-endian Linux
# one: native sizes and alignment are x86-64's, '=' and '<' agree.  The
# range checks, and which message each format and byte order gives when a
# number does not fit, are CPython 3.11's.
import _struct

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


_NATIVE_SIZES = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2,
                 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8,
                 'N': 8, 'P': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
_STANDARD_SIZES = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2,
                   'i': 4, 'I': 4, 'l': 4, 'L': 4, 'q': 8, 'Q': 8,
                   'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
_SIGNED = set('bhilqn')


# The simulator has no bytearray or memoryview yet: until it does, bytes
# are the only buffers, and pack_into (which needs a writable one) refuses.
_BYTES_TYPES = (bytes,)
_WRITABLE = ()
_VIEWS = ()
try:
    _BYTES_TYPES = (bytes, bytearray)
    _WRITABLE = (bytearray,)
    _VIEWS = (memoryview,)
except NameError:
    pass
_OUT_OF_RANGE = 'argument out of range'

# How a number that does not fit is reported, by byte order then code:
# 'word' names the C type (byte, ubyte, short, ushort), 'code' quotes the
# format character, and None means the conversion itself failed.
_WORDS = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}
_RANGE_STYLE = {
    'native': {'b': 'word', 'B': 'word', 'h': 'word', 'H': 'word',
               'i': 'code', 'I': 'code'},
    'little': {'b': 'word', 'B': 'word', 'h': 'word', 'H': 'word',
               'i': 'code', 'I': 'code', 'l': 'code', 'L': 'code'},
    'big': {'b': 'word', 'B': 'word', 'h': 'code', 'H': 'code',
            'i': 'code', 'I': 'code', 'l': 'code', 'L': 'code'},
}


class _Format:
    """A parsed format: byte order, the items and their offsets."""

    def __init__(self, fmt):
        if isinstance(fmt, bytes):
            fmt = fmt.decode('ascii')
        elif not isinstance(fmt, str):
            raise TypeError('Struct() argument 1 must be a str or bytes '
                            'object, not %s' % type(fmt).__name__)
        self.text = fmt
        order = fmt[:1]
        if order in ('@', '=', '<', '>', '!'):
            fmt = fmt[1:]
        else:
            order = '@'
        self.native = order == '@'
        self.little = order in ('@', '=', '<')
        self.mode = 'native' if self.native else ('little' if self.little else 'big')
        sizes = _NATIVE_SIZES if self.native else _STANDARD_SIZES
        # Each item: (code, count, offset); an 's' or 'p' item is one value
        # of count bytes, any other code is count values.
        self.items = []
        offset = 0
        i = 0
        n = len(fmt)
        while i < n:
            ch = fmt[i]
            if ch.isspace():
                i += 1
                continue
            count = 1
            if ch.isdigit():
                j = i
                while j < n and fmt[j].isdigit():
                    j += 1
                count = int(fmt[i:j])
                if j == n:
                    raise error('repeat count given without format specifier')
                i = j
                ch = fmt[i]
            if ch not in sizes:
                raise error('bad char in struct format')
            size = sizes[ch]
            if self.native and ch not in 'xcbB?sp' and offset % size:
                offset += size - offset % size
            self.items.append((ch, count, offset))
            offset += size * count
            i += 1
        self.size = offset
        self.values = sum(0 if c == 'x' else (1 if c in 'sp' else k)
                          for c, k, _ in self.items)

    def pack(self, args, what):
        if len(args) != self.values:
            raise error('%s expected %d items for packing (got %d)'
                        % (what, self.values, len(args)))
        values = iter(args)
        sizes = _NATIVE_SIZES if self.native else _STANDARD_SIZES
        chunks = []
        at = 0
        for code, count, offset in self.items:
            if code == 'x':
                continue
            if code in 'sp':
                data = next(values)
                if not isinstance(data, _BYTES_TYPES):
                    raise error("argument for '%s' must be a bytes object" % code)
                if code == 's':
                    data = bytes(data[:count])
                else:
                    data = bytes(data[:max(count - 1, 0)][:255])
                    if count:
                        data = bytes([len(data)]) + data
                chunks.append(b'\x00' * (offset - at) + data)
                at = offset + len(data)
                continue
            size = sizes[code]
            chunks.append(b'\x00' * (offset - at))
            for k in range(count):
                chunks.append(self._pack_one(code, size, next(values)))
            at = offset + size * count
        chunks.append(b'\x00' * (self.size - at))
        return b''.join(chunks)

    def _pack_one(self, code, size, value):
        order = 'little' if self.little else 'big'
        if code == 'c':
            if not isinstance(value, bytes) or len(value) != 1:
                raise error('char format requires a bytes object of length 1')
            return value
        if code == '?':
            return b'\x01' if value else b'\x00'
        if code in 'efd':
            number = _as_float(value)
            data = _struct.pack_float(number, size, not self.native)
            return data if order == 'big' else data[::-1]
        number = _as_int(value)
        self._check_range(code, size, number)
        return number.to_bytes(size, order, signed=code in _SIGNED)

    def _check_range(self, code, size, number):
        signed = code in _SIGNED
        bits = 8 * size
        low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
        if low <= number <= high:
            return
        style = _RANGE_STYLE[self.mode].get(code)
        if style is None:
            # The 8-byte integers: only the conversion can fail.
            if self.mode == 'big':
                raise error('int too large to convert')
            raise error(_OUT_OF_RANGE)
        # The number goes through a C long (or an unsigned long) first.
        if style == 'word' or signed:
            if not -(1 << 63) <= number < (1 << 63):
                raise error(_OUT_OF_RANGE)
        elif not 0 <= number < (1 << 64):
            raise error(_OUT_OF_RANGE)
        if style == 'word':
            raise error('%s format requires %d <= number <= %d'
                        % (_WORDS[code], low, high))
        raise error("'%s' format requires %d <= number <= %d" % (code, low, high))

    def unpack(self, data, start=0):
        out = []
        sizes = _NATIVE_SIZES if self.native else _STANDARD_SIZES
        order = 'little' if self.little else 'big'
        for code, count, offset in self.items:
            at = start + offset
            if code == 'x':
                continue
            if code == 's':
                out.append(bytes(data[at:at + count]))
                continue
            if code == 'p':
                if count:
                    n = min(data[at], count - 1)
                    out.append(bytes(data[at + 1:at + 1 + n]))
                else:
                    out.append(b'')
                continue
            size = sizes[code]
            for k in range(count):
                chunk = bytes(data[at + k * size:at + (k + 1) * size])
                if code == 'c':
                    out.append(chunk)
                elif code == '?':
                    out.append(chunk != b'\x00')
                elif code in 'efd':
                    if order == 'little':
                        chunk = chunk[::-1]
                    out.append(_struct.unpack_float(chunk))
                else:
                    out.append(int.from_bytes(chunk, order, signed=code in _SIGNED))
        return tuple(out)


def _as_int(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise error('required argument is not an integer')
    return index(value)


def _as_float(value):
    if isinstance(value, float):
        return value
    if isinstance(value, int):
        return float(value)
    for name in ('__float__', '__index__'):
        method = getattr(type(value), name, None)
        if method is not None:
            return float(method(value))
    raise error('required argument is not a float')


def _buffer(data):
    if isinstance(data, _VIEWS):
        return data.tobytes()
    if isinstance(data, _BYTES_TYPES):
        return data
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


class Struct:
    """A compiled format, as struct's functions use."""

    def __init__(self, format):
        self._format = _Format(format)

    @property
    def format(self):
        return self._format.text

    @property
    def size(self):
        return self._format.size

    def pack(self, *values):
        return self._format.pack(values, 'pack')

    def pack_into(self, buffer, offset, *values):
        if not isinstance(buffer, _WRITABLE):
            raise TypeError('argument must be read-write bytes-like object, not %s'
                            % type(buffer).__name__)
        data = self._format.pack(values, 'pack_into')
        size, length = len(data), len(buffer)
        if offset < 0:
            if offset + length < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, length))
            if offset + size > 0:
                raise error('no space to pack %d bytes at offset %d' % (size, offset))
            offset += length
        if length - offset < size:
            raise error('pack_into requires a buffer of at least %d bytes for packing '
                        '%d bytes at offset %d (actual buffer size is %d)'
                        % (size + offset, size, offset, length))
        buffer[offset:offset + size] = data

    def unpack(self, buffer):
        data = _buffer(buffer)
        if len(data) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return self._format.unpack(data)

    def unpack_from(self, buffer, offset=0):
        data = _buffer(buffer)
        size, length = self.size, len(data)
        if offset < 0:
            if offset + length < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, length))
            if offset + size > 0:
                raise error('not enough data to unpack %d bytes at offset %d'
                            % (size, offset))
            offset += length
        if length - offset < size:
            raise error('unpack_from requires a buffer of at least %d bytes for '
                        'unpacking %d bytes at offset %d (actual buffer size is %d)'
                        % (size + offset, size, offset, length))
        return self._format.unpack(data, offset)

    def iter_unpack(self, buffer):
        data = _buffer(buffer)
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(data) % self.size:
            raise error('iterative unpacking requires a buffer of a multiple of '
                        '%d bytes' % self.size)
        return unpack_iterator(self, data)


Struct.__module__ = '_struct'


class unpack_iterator:
    """Each record of a buffer, in order."""

    def __init__(self, struct, data):
        self._struct = struct
        self._data = data
        self._at = 0

    def __iter__(self):
        return self

    def __next__(self):
        size = self._struct.size
        if self._at + size > len(self._data):
            raise StopIteration
        record = self._struct._format.unpack(self._data, self._at)
        self._at += size
        return record

    def __length_hint__(self):
        return (len(self._data) - self._at) // self._struct.size


unpack_iterator.__module__ = '_struct'

_cache = {}


def _compiled(fmt):
    try:
        return _cache[fmt]
    except (KeyError, TypeError):
        pass
    s = Struct(fmt)
    if isinstance(fmt, (str, bytes)) and len(_cache) < 100:
        _cache[fmt] = s
    return s


def calcsize(format):
    return _compiled(format).size


def pack(*args):
    if not args:
        raise TypeError('missing format argument')
    return _compiled(args[0]).pack(*args[1:])


def pack_into(*args):
    if len(args) < 3:
        raise TypeError('pack_into expected buffer argument' if len(args) < 2
                        else 'pack_into expected offset argument')
    return _compiled(args[0]).pack_into(*args[1:])


def unpack(format, buffer, /):
    return _compiled(format).unpack(buffer)


def unpack_from(format, /, buffer, offset=0):
    return _compiled(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer, /):
    return _compiled(format).iter_unpack(buffer)
