# pathlib for the aioscope interpreter: POSIX paths as CPython 3.11's
# pathlib shows and joins them, over the run's in-memory file system
# (through os, as CPython's goes through the os module's calls).
import os
import posixpath

__all__ = ['PurePath', 'PurePosixPath', 'Path', 'PosixPath']


def _parse(parts):
    """The root ('' or '/') and the names of the joined `parts`: empty
    names and '.' go, '..' stays (as CPython's parser does)."""
    root = ''
    names = []
    for part in parts:
        if isinstance(part, PurePath):
            text = str(part)
        elif isinstance(part, str):
            text = part
        else:
            fspath = getattr(type(part), '__fspath__', None)
            if fspath is None:
                raise TypeError("expected str, bytes or os.PathLike object, not "
                                + type(part).__name__)
            text = fspath(part)
        if text.startswith('/'):
            root = '/'
            names = []
        names.extend(n for n in text.split('/') if n and n != '.')
    return root, names


def _match(name, pattern):
    """fnmatch of one name: *, ? and [...]"""
    if not pattern:
        return not name
    head = pattern[0]
    if head == '*':
        return any(_match(name[i:], pattern[1:]) for i in range(len(name) + 1))
    if not name:
        return False
    if head == '?':
        return _match(name[1:], pattern[1:])
    if head == '[':
        end = pattern.find(']', 2)
        if end > 0:
            chars = pattern[1:end]
            negate = chars.startswith('!')
            if negate:
                chars = chars[1:]
            hit = False
            i = 0
            while i < len(chars):
                if i + 2 < len(chars) and chars[i + 1] == '-':
                    hit = hit or chars[i] <= name[0] <= chars[i + 2]
                    i += 3
                else:
                    hit = hit or chars[i] == name[0]
                    i += 1
            return hit != negate and _match(name[1:], pattern[end + 1:])
    return head == name[0] and _match(name[1:], pattern[1:])


class PurePath:
    """A path as text: joined, split and compared, never touching files."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._root, self._names = _parse(args)
        return self

    def _from(self, root, names):
        new = object.__new__(type(self))
        new._root = root
        new._names = list(names)
        return new

    def __str__(self):
        text = self._root + '/'.join(self._names)
        return text or '.'

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.as_posix())

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return (self._root, self._names) == (other._root, other._names)

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts <= other.parts

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts > other.parts

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts >= other.parts

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        root, names = _parse((self,) + args)
        return self._from(root, names)

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._names)

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        return self._names[-1] if self._names else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._names:
            return self
        return self._from(self._root, self._names[:-1])

    @property
    def parents(self):
        out = []
        p = self
        while p._names:
            p = p.parent
            out.append(p)
        return tuple(out)

    def is_absolute(self):
        return bool(self._root)

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def relative_to(self, *other):
        base = type(self)(*other)
        n = len(base.parts)
        if self.parts[:n] != base.parts or (base._root and not self._root):
            raise ValueError('%r is not in the subpath of %r OR one path is relative '
                             'and the other is absolute.' % (str(self), str(base)))
        return self._from('', self._names[len(base._names):])

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name %r' % (name,))
        return self._from(self._root, self._names[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix or (suffix and (not suffix.startswith('.') or suffix == '.')):
            raise ValueError('Invalid suffix %r' % (suffix,))
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        return self._from(self._root, self._names[:-1] + [self.stem + suffix])

    def match(self, pattern):
        pat = _parse([pattern])
        names = self._names
        if pat[0]:
            if not self._root or len(pat[1]) != len(names):
                return False
        elif len(pat[1]) > len(names):
            return False
        return all(_match(n, p) for n, p in zip(reversed(names), reversed(pat[1])))


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    """A path on the run's file system."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        self._root, self._names = _parse(args)
        return self

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def absolute(self):
        if self._root:
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(posixpath.abspath(str(self)))

    def expanduser(self):
        return type(self)(os.path.expanduser(str(self)))

    def stat(self):
        return os.stat(self)

    def exists(self):
        return os.path.exists(self)

    def is_file(self):
        return os.path.isfile(self)

    def is_dir(self):
        return os.path.isdir(self)

    def is_symlink(self):
        return False

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, 'File exists', str(self))
            return
        with open(self, 'ab'):
            pass

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def iterdir(self):
        for name in os.listdir(self):
            yield self / name

    def glob(self, pattern):
        parts = _parse([pattern])[1]
        if not parts:
            raise ValueError("Unacceptable pattern: %r" % (pattern,))
        yield from self._glob(parts)

    def _glob(self, parts):
        head, rest = parts[0], parts[1:]
        if head == '**':
            yield from (self._glob(rest) if rest else [self])
            for child in self.iterdir():
                if child.is_dir():
                    yield from child._glob(parts)
            return
        if not self.is_dir():
            return
        for child in self.iterdir():
            if _match(child.name, head):
                if not rest:
                    yield child
                elif child.is_dir():
                    yield from child._glob(rest)

    def rglob(self, pattern):
        yield from self.glob('**/' + pattern)

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open('rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open('r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        if not isinstance(data, bytes):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(data).__name__)
        with self.open('wb') as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % type(data).__name__)
        with self.open('w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)


class PosixPath(Path, PurePosixPath):
    pass
