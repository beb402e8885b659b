# os for the aioscope interpreter: a fixed, documented process.
#
# The program runs as process 4242 in /home/user (where its own file is,
# on the run's in-memory file system, _fs.py), on a machine with 8 CPUs (as the corpus
# oracle fixes os.cpu_count()), with this environment: HOME=/home/user,
# LANG=C.UTF-8, PATH=/usr/local/bin:/usr/bin:/bin, PWD=/home/user,
# SHELL=/bin/sh, TZ=UTC, USER=user.
import sys
import posixpath as path
from _os import getpid, getppid, getcwd, cpu_count
import _fs

name = 'posix'
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
curdir = path.curdir
pardir = path.pardir
devnull = path.devnull
linesep = '\n'

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    method = getattr(type(p), '__fspath__', None)
    if method is not None:
        return method(p)
    raise TypeError('expected str, bytes or os.PathLike object, not '
                    + type(p).__name__)


class _Environ:
    """os.environ: a mapping of str to str."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if key not in self._data:
            raise KeyError(key) from None
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not ' + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not ' + type(value).__name__)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key) from None
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    def __repr__(self):
        items = ', '.join(repr(k) + ': ' + repr(v) for k, v in self._data.items())
        return 'environ({' + items + '})'

    def get(self, key, default=None):
        if key in self._data:
            return self._data[key]
        return default

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            return self._data.pop(key)
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, *args, **kwargs):
        for other in args:
            items = other.items() if hasattr(other, 'items') else other
            for k, v in items:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def clear(self):
        self._data.clear()


environ = _Environ({
    'HOME': '/home/user',
    'LANG': 'C.UTF-8',
    'PATH': '/usr/local/bin:/usr/bin:/bin',
    'PWD': '/home/user',
    'SHELL': '/bin/sh',
    'TZ': 'UTC',
    'USER': 'user',
})


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    pass


def unsetenv(key):
    pass


def getlogin():
    return 'user'


def getuid():
    return 1000


def geteuid():
    return 1000


def getgid():
    return 1000


def get_terminal_size(fd=1):
    raise OSError(25, 'Inappropriate ioctl for device')


def kill(pid, sig):
    if pid != getpid():
        raise ProcessLookupError(3, 'No such process')
    import signal
    signal._deliver(sig)


def _no_file_system(*args, **kwargs):
    raise NotImplementedError('this part of the file system is not supported yet')


scandir = chdir = system = _no_file_system


def _where(p):
    return path.abspath(fspath(p))


def _error(cls, number, message, p):
    return cls(number, message, fspath(p))


def _existing(p):
    """The absolute path of `p` and what is there; FileNotFoundError if
    nothing is."""
    where = _where(p)
    kind = _fs.kind(where)
    if kind is None:
        raise _error(FileNotFoundError, 2, 'No such file or directory', p)
    return where, kind


def _directory(p):
    """The absolute path of the directory `p` (os.listdir's and rmdir's
    errors otherwise)."""
    where, kind = _existing(p)
    if kind == 'file':
        raise _error(NotADirectoryError, 20, 'Not a directory', p)
    return where


def listdir(p='.'):
    return _fs.children(_directory(p))


def mkdir(p, mode=0o777, *, dir_fd=None):
    where = _where(p)
    if _fs.kind(where) is not None:
        raise _error(FileExistsError, 17, 'File exists', p)
    if _fs.kind(_fs.parent(where)) != 'dir':
        raise _error(FileNotFoundError, 2, 'No such file or directory', p)
    _fs.mkdir(where)


def makedirs(name, mode=0o777, exist_ok=False):
    where = _where(name)
    kind = _fs.kind(where)
    if kind is not None:
        if exist_ok and kind == 'dir':
            return
        raise _error(FileExistsError, 17, 'File exists', name)
    at = ''
    for part in where.split('/')[1:]:
        at += '/' + part
        kind = _fs.kind(at)
        if kind == 'file':
            raise _error(NotADirectoryError, 20, 'Not a directory', name)
        if kind is None:
            _fs.mkdir(at)


def remove(p, *, dir_fd=None):
    where, kind = _existing(p)
    if kind == 'dir':
        raise _error(IsADirectoryError, 21, 'Is a directory', p)
    _fs.remove(where)


unlink = remove


def rmdir(p, *, dir_fd=None):
    where = _directory(p)
    if _fs.children(where):
        raise _error(OSError, 39, 'Directory not empty', p)
    _fs.rmdir(where)


def removedirs(name):
    rmdir(name)
    head = path.dirname(fspath(name))
    while head:
        try:
            rmdir(head)
        except OSError:
            break
        head = path.dirname(head)


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    a, b = _where(src), _where(dst)
    if _fs.kind(a) is None:
        raise FileNotFoundError(2, 'No such file or directory', fspath(src), None, fspath(dst))
    if _fs.kind(b) == 'dir' and _fs.kind(a) == 'file':
        raise IsADirectoryError(21, 'Is a directory', fspath(src), None, fspath(dst))
    if _fs.kind(b) == 'file':
        _fs.remove(b)
    _fs.rename(a, b)


replace = rename


class stat_result:
    """What os.stat tells: the size and kind (times are the start of the
    virtual clock)."""

    def __init__(self, mode, size):
        self.st_mode = mode
        self.st_size = size
        self.st_ino = 0
        self.st_dev = 0
        self.st_nlink = 1
        self.st_uid = 1000
        self.st_gid = 1000
        self.st_atime = self.st_mtime = self.st_ctime = 0.0

    def __repr__(self):
        return ('os.stat_result(st_mode=%d, st_ino=0, st_dev=0, st_nlink=1, '
                'st_uid=1000, st_gid=1000, st_size=%d, st_atime=0, st_mtime=0, '
                'st_ctime=0)' % (self.st_mode, self.st_size))


def stat(p, *, dir_fd=None, follow_symlinks=True):
    where, kind = _existing(p)
    if kind == 'dir':
        return stat_result(0o40755, 4096)
    return stat_result(0o100644, _fs.size(where))


def walk(top, topdown=True, onerror=None, followlinks=False):
    try:
        names = listdir(top)
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    dirs = [n for n in names if path.isdir(path.join(top, n))]
    files = [n for n in names if not path.isdir(path.join(top, n))]
    if topdown:
        yield top, dirs, files
    for d in dirs:
        yield from walk(path.join(top, d), topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, files


def strerror(code):
    """The C library's text for an error number (glibc's, from errno)."""
    if not isinstance(code, int):
        index = getattr(type(code), '__index__', None)
        if index is None:
            raise TypeError(f"'{type(code).__name__}' object cannot be "
                            f"interpreted as an integer")
        code = index(code)
    if not -2**31 <= code < 2**31:
        raise OverflowError('Python int too large to convert to C int')
    import errno
    return errno._messages.get(code, f'Unknown error {code}')


# os.urandom's stream: xorshift32 from a fixed state, so that a run
# repeats (CPython's bytes come from the kernel and differ every time).
_urandom_state = [0x9E3779B9]


def urandom(size):
    if not isinstance(size, int):
        index = getattr(type(size), '__index__', None)
        if index is None:
            raise TypeError(f"'{type(size).__name__}' object cannot be "
                            f"interpreted as an integer")
        size = index(size)
    if size < 0:
        raise ValueError('negative argument not allowed')
    out = []
    x = _urandom_state[0]
    for _ in range((size + 3) // 4):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out.extend((x & 0xFF, (x >> 8) & 0xFF, (x >> 16) & 0xFF, x >> 24))
    _urandom_state[0] = x
    return bytes(out[:size])
