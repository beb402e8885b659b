# io for the aioscope interpreter: in-memory text and byte streams with
# CPython's behaviour (positions, padding on writes past the end, errors).

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class _Memory:
    """What StringIO and BytesIO share: a buffer and a position."""

    _empty = ''

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def close(self):
        self.closed = True

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def flush(self):
        self._check_open()

    def isatty(self):
        self._check_open()
        return False

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def getvalue(self):
        self._check_open()
        return self._buf

    def tell(self):
        self._check_open()
        return self._pos

    def _size(self, size):
        if size is None:
            return -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'"
                            % type(size).__name__)
        return size

    def read(self, size=-1):
        self._check_open()
        size = self._size(size)
        end = len(self._buf) if size < 0 else min(self._pos + size, len(self._buf))
        start = min(self._pos, len(self._buf))
        chunk = self._buf[start:end]
        self._pos = max(self._pos, end)
        return chunk

    def readline(self, size=-1):
        self._check_open()
        size = self._size(size)
        if self._pos >= len(self._buf):
            return self._empty
        end = self._find_newline()
        end = len(self._buf) if end < 0 else end + 1
        if size >= 0:
            end = min(end, self._pos + size)
        chunk = self._buf[self._pos:end]
        self._pos = end
        return chunk

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def write(self, s):
        self._check_open()
        self._check_type(s)
        n = len(s)
        if n == 0:
            return 0
        buf = self._buf
        if self._pos > len(buf):
            buf = buf + self._pad * (self._pos - len(buf))
        self._buf = buf[:self._pos] + s + buf[self._pos + n:]
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0 and self._text:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if pos != 0 and self._text:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._buf = self._buf[:size]
        return size


class StringIO(_Memory):
    """A text stream in memory."""

    _text = True
    _pad = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._buf = initial_value
        self._pos = 0
        self.closed = False
        self._newline = '\n'

    def _find_newline(self):
        return self._buf.find('\n', self._pos)

    def _check_type(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)


class BytesIO(_Memory):
    """A byte stream in memory."""

    _text = False
    _pad = b'\0'
    _empty = b''

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        if not isinstance(initial_bytes, bytes):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(initial_bytes).__name__)
        self._buf = initial_bytes
        self._pos = 0
        self.closed = False
        self._newline = b'\n'

    def _find_newline(self):
        buf = self._buf
        for i in range(self._pos, len(buf)):
            if buf[i] == 10:
                return i
        return -1

    def _check_type(self, s):
        if not isinstance(s, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)

    def getbuffer(self):
        raise NotImplementedError("BytesIO.getbuffer() is not supported yet")

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)


# Files of the run's in-memory file system (_fs.py), as open() returns
# them. What is written reaches the file at once (CPython buffers until a
# flush or close, which a program only sees by reading a file it still
# has open for writing).

_MODES = set('rwxabt+')


class _File(_Memory):
    """What files opened in text and binary mode share."""

    def _open(self, file, mode, where):
        import _fs
        self.name = file
        self.mode = mode
        self.closed = False
        self._where = where
        self._readable = 'r' in mode or '+' in mode
        self._writable = 'r' not in mode or '+' in mode
        self._append = 'a' in mode
        kind = _fs.kind(where)
        if kind == 'dir':
            raise IsADirectoryError(21, 'Is a directory', file)
        if _fs.kind(_fs.parent(where)) != 'dir':
            raise FileNotFoundError(2, 'No such file or directory', file)
        if 'x' in mode and kind is not None:
            raise FileExistsError(17, 'File exists', file)
        if 'r' in mode and kind is None:
            raise FileNotFoundError(2, 'No such file or directory', file)
        if 'w' in mode or 'x' in mode or kind is None:
            _fs.write(where, b'')
        self._buf = self._decode(_fs.read(where))
        self._pos = len(self._buf) if self._append else 0

    def _save(self):
        import _fs
        _fs.write(self._where, self._encode(self._buf))

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def fileno(self):
        self._check_open()
        return 3

    def read(self, size=-1):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('not readable')
        return _Memory.read(self, size)

    def readline(self, size=-1):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('not readable')
        return _Memory.readline(self, size)

    def write(self, s):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('not writable')
        if self._append:
            self._pos = len(self._buf)
        n = _Memory.write(self, s)
        self._save()
        return n

    def truncate(self, size=None):
        n = _Memory.truncate(self, size)
        self._save()
        return n

    def getvalue(self):
        raise AttributeError("'%s' object has no attribute 'getvalue'"
                             % type(self).__name__)


class TextIOWrapper(_File):
    """A file opened in text mode."""

    _text = True
    _pad = '\0'

    def __init__(self, file, mode, where, encoding, errors, newline):
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self._open(file, mode, where)

    def _decode(self, data):
        text = data.decode(self.encoding, self.errors)
        if self._newline is None:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def _encode(self, text):
        return text.encode(self.encoding, self.errors)

    def _find_newline(self):
        return self._buf.find('\n', self._pos)

    def _check_type(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)

    def __repr__(self):
        return '<_io.TextIOWrapper name=%r mode=%r encoding=%r>' % (
            self.name, self.mode, self.encoding)


def _binary_mode(mode):
    """The mode a binary file reports, as CPython's FileIO names it: the
    letters in a fixed order, and 'w+b' reads 'rb+' (like 'r+b')."""
    if 'x' in mode:
        base = 'xb'
    elif 'a' in mode:
        base = 'ab'
    elif '+' in mode or 'r' in mode:
        base = 'rb'
    else:
        base = 'wb'
    return base + ('+' if '+' in mode else '')


class _Buffered(_File):
    """A file opened in binary mode."""

    _text = False
    _pad = b'\0'
    _empty = b''

    def __init__(self, file, mode, where):
        self._open(file, mode, where)
        self.mode = _binary_mode(mode)

    def _decode(self, data):
        return data

    def _encode(self, data):
        return data

    def _find_newline(self):
        i = self._buf.find(b'\n', self._pos)
        return i

    def _check_type(self, s):
        if not isinstance(s, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return '<_io.%s name=%r>' % (type(self).__name__, self.name)


class BufferedReader(_Buffered):
    pass


class BufferedWriter(_Buffered):
    pass


class BufferedRandom(_Buffered):
    pass


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    import posixpath
    if isinstance(file, int) and not isinstance(file, bool):
        raise NotImplementedError('open() of a file descriptor is not supported yet')
    name = posixpath._fspath(file) if not isinstance(file, str) else file
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    if set(mode) - _MODES or len(mode) != len(set(mode)):
        raise ValueError('invalid mode: %r' % mode)
    creating = mode.count('r') + mode.count('w') + mode.count('a') + mode.count('x')
    if creating != 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if 'b' in mode and 't' in mode:
        raise ValueError("can't have text and binary mode at once")
    if 'b' in mode:
        if encoding is not None:
            raise ValueError("binary mode doesn't take an encoding argument")
        if errors is not None:
            raise ValueError("binary mode doesn't take an errors argument")
        if newline is not None:
            raise ValueError("binary mode doesn't take a newline argument")
    where = posixpath.abspath(name)
    if 'b' in mode:
        if '+' in mode:
            return BufferedRandom(name, mode, where)
        if 'r' in mode:
            return BufferedReader(name, mode, where)
        return BufferedWriter(name, mode, where)
    return TextIOWrapper(name, mode, where, encoding or 'UTF-8', errors or 'strict', newline)
