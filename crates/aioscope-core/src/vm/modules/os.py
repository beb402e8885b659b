# os for the aioscope interpreter: a fixed, documented process.
#
# The program runs as process 4242 in /home/user (its own file there is
# the only file that exists), on a machine with 8 CPUs (as the corpus
# oracle fixes os.cpu_count()), with this environment: HOME=/home/user,
# LANG=C.UTF-8, PATH=/usr/local/bin:/usr/bin:/bin, PWD=/home/user,
# SHELL=/bin/sh, TZ=UTC, USER=user.
import sys
import posixpath as path
from _os import getpid, getppid, getcwd, cpu_count, _kind

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
    raise NotImplementedError('the file system is not supported yet')


listdir = scandir = mkdir = makedirs = remove = unlink = rmdir = rename = \
    replace = stat = walk = chdir = system = _no_file_system


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
