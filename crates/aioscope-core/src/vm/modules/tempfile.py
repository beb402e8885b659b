# tempfile for the aioscope interpreter, on the run's in-memory file system
# (_fs.py), whose /tmp is the temporary directory.  Names are CPython's
# shape (prefix, eight characters, suffix) drawn from os.urandom's fixed
# stream, so a run repeats (CPython's differ every run).  The simulator
# has no file descriptors: mkstemp refuses, and TemporaryFile is a named
# file in /tmp, removed when closed (CPython's has no name at all).
import io
import os
from random import Random

__all__ = ['NamedTemporaryFile', 'TemporaryFile', 'SpooledTemporaryFile',
           'TemporaryDirectory', 'mkstemp', 'mkdtemp', 'mktemp', 'TMP_MAX',
           'gettempprefix', 'tempdir', 'gettempdir', 'gettempprefixb',
           'gettempdirb']

TMP_MAX = 238328
template = 'tmp'
tempdir = None


class _RandomNameSequence:
    """Eight-character names from CPython's alphabet."""

    characters = 'abcdefghijklmnopqrstuvwxyz0123456789_'

    def __init__(self):
        self.rng = Random(int.from_bytes(os.urandom(8), 'little'))

    def __iter__(self):
        return self

    def __next__(self):
        return ''.join(self.rng.choice(self.characters) for _ in range(8))


_names = None


def _get_names():
    global _names
    if _names is None:
        _names = _RandomNameSequence()
    return _names


def gettempprefix():
    return template


def gettempprefixb():
    return template.encode()


def gettempdir():
    global tempdir
    if tempdir is None:
        candidates = [os.environ.get(k) for k in ('TMPDIR', 'TEMP', 'TMP')]
        candidates += ['/tmp', '/var/tmp', '/usr/tmp', os.getcwd()]
        for folder in candidates:
            if folder and os.path.isdir(folder):
                tempdir = os.path.abspath(folder)
                break
        else:
            raise FileNotFoundError(2, 'No usable temporary directory found in %s'
                                    % [c for c in candidates if c])
    return tempdir


def gettempdirb():
    return gettempdir().encode()


def _parts(suffix, prefix, folder):
    if suffix is None:
        suffix = ''
    if prefix is None:
        prefix = template
    if folder is None:
        folder = gettempdir()
    return suffix, prefix, folder


def _fresh_names(suffix, prefix, folder):
    names = _get_names()
    for _ in range(TMP_MAX):
        yield os.path.join(folder, prefix + next(names) + suffix)
    raise FileExistsError(17, 'No usable temporary file name found')


def mkdtemp(suffix=None, prefix=None, dir=None):
    suffix, prefix, folder = _parts(suffix, prefix, dir)
    for path in _fresh_names(suffix, prefix, folder):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return os.path.abspath(path)


def mktemp(suffix='', prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    for path in _fresh_names(suffix, prefix, dir):
        if not os.path.exists(path):
            return path


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    raise NotImplementedError('tempfile.mkstemp is not supported yet '
                              '(the simulation has no file descriptors)')


def _create(mode, buffering, encoding, newline, suffix, prefix, folder, errors):
    suffix, prefix, folder = _parts(suffix, prefix, folder)
    if 'b' in mode:
        encoding = errors = newline = None
    for path in _fresh_names(suffix, prefix, folder):
        if os.path.exists(path):
            continue
        path = os.path.abspath(path)
        return io.open(path, mode, buffering=buffering, encoding=encoding,
                       newline=newline, errors=errors), path


class _TemporaryFileWrapper:
    """A file and its name, removed from the file system when closed
    (delete=True)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._removed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return None

    def close(self):
        if self._removed:
            return
        try:
            self.file.close()
        finally:
            if self.delete:
                self._removed = True
                try:
                    os.remove(self.name)
                except FileNotFoundError:
                    pass

    def __iter__(self):
        for line in self.file:
            yield line


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None,
                       suffix=None, prefix=None, dir=None, delete=True, *,
                       errors=None):
    file, name = _create(mode, buffering, encoding, newline, suffix, prefix,
                         dir, errors)
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None,
                  suffix=None, prefix=None, dir=None, *, errors=None):
    return NamedTemporaryFile(mode, buffering, encoding, newline, suffix,
                              prefix, dir, True, errors=errors)


class SpooledTemporaryFile:
    """A file kept in memory until it grows past max_size (or fileno() is
    asked), then moved to a temporary file."""

    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1, encoding=None,
                 newline=None, suffix=None, prefix=None, dir=None, *,
                 errors=None):
        if 'b' in mode:
            self._file = io.BytesIO()
        else:
            self._file = io.StringIO(newline='\n')
        self._max_size = max_size
        self._TemporaryFileArgs = {'mode': mode, 'buffering': buffering,
                                   'suffix': suffix, 'prefix': prefix,
                                   'encoding': encoding, 'newline': newline,
                                   'dir': dir, 'errors': errors}

    def _check(self, file):
        if self._rolled:
            return
        if self._max_size and file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        memory = self._file
        new = TemporaryFile(**self._TemporaryFileArgs)
        new.write(memory.getvalue())
        new.seek(memory.tell(), 0)
        self._file = new
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError('Cannot enter context with closed file')
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs['mode']

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def write(self, s):
        file = self._file
        n = file.write(s)
        self._check(file)
        return n

    def writelines(self, iterable):
        file = self._file
        file.writelines(iterable)
        self._check(file)


class TemporaryDirectory:
    """A directory made by mkdtemp, removed with what is in it by cleanup()
    or at the end of a with block."""

    def __init__(self, suffix=None, prefix=None, dir=None,
                 ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return '<{} {!r}>'.format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._done or not os.path.exists(self.name):
            self._done = True
            return
        try:
            for folder, dirs, files in os.walk(self.name, topdown=False):
                for f in files:
                    os.remove(os.path.join(folder, f))
                for d in dirs:
                    os.rmdir(os.path.join(folder, d))
            os.rmdir(self.name)
        except OSError:
            if not self._ignore_cleanup_errors:
                raise
        self._done = True
