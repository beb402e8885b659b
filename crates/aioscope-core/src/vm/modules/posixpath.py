# posixpath (os.path) for the aioscope interpreter: path arithmetic as
# CPython's on Linux, over the run's in-memory file system (_fs.py).
import _os
import _fs

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def _check(funcname, *parts):
    for p in parts:
        if not isinstance(p, str) and not hasattr(type(p), '__fspath__'):
            raise TypeError("%s() argument must be str, bytes, or os.PathLike "
                            "object, not '%s'" % (funcname, type(p).__name__))


def _fspath(p):
    if isinstance(p, str):
        return p
    fspath = getattr(type(p), '__fspath__', None)
    if fspath is not None:
        return fspath(p)
    raise TypeError('expected str, bytes or os.PathLike object, not '
                    + type(p).__name__)


def isabs(s):
    return _fspath(s).startswith('/')


def normcase(s):
    """On POSIX a path's case is its own."""
    if isinstance(s, bytes):
        return s
    return _fspath(s)


def join(a, *p):
    _check('join', a, *p)
    path = _fspath(a)
    for b in p:
        b = _fspath(b)
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        i = sep_index + 1
        while i < dot_index:
            if p[i] != '.':
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, ''


def splitdrive(p):
    return _fspath(p)[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    return split(p)[0]


def normpath(path):
    path = _fspath(path)
    if not path:
        return '.'
    initial = 0
    if path.startswith('/'):
        initial = 2 if path.startswith('//') and not path.startswith('///') else 1
    parts = []
    for comp in path.split('/'):
        if comp == '' or comp == '.':
            continue
        if comp != '..' or (not initial and not parts) or (parts and parts[-1] == '..'):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = '/'.join(parts)
    if initial:
        path = '/' * initial + path
    return path or '.'


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


def realpath(path, *, strict=False):
    return abspath(path)


def relpath(path, start=None):
    path = _fspath(path)
    if not path:
        raise ValueError('no path specified')
    if start is None:
        start = curdir
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel:
        return curdir
    return join(*rel)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def expanduser(path):
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    import os
    home = os.environ.get('HOME', '/')
    return (home.rstrip('/') or '/') + path[i:]


def expandvars(path):
    path = _fspath(path)
    import os
    env = os.environ
    out = []
    i = 0
    while i < len(path):
        c = path[i]
        if c == '$':
            j = i + 1
            if path[j:j + 1] == '{':
                k = path.find('}', j)
                if k > 0 and path[j + 1:k] in env:
                    out.append(env[path[j + 1:k]])
                    i = k + 1
                    continue
            else:
                k = j
                while k < len(path) and (path[k].isalnum() or path[k] == '_'):
                    k += 1
                if k > j and path[j:k] in env:
                    out.append(env[path[j:k]])
                    i = k
                    continue
        out.append(c)
        i += 1
    return ''.join(out)


def exists(path):
    return _fs.kind(abspath(path)) is not None


def lexists(path):
    return exists(path)


def getsize(filename):
    import os
    return os.stat(filename).st_size


def isfile(path):
    return _fs.kind(abspath(path)) == 'file'


def isdir(path):
    return _fs.kind(abspath(path)) == 'dir'


def islink(path):
    return False


def ismount(path):
    return abspath(path) == '/'


def samefile(f1, f2):
    return abspath(f1) == abspath(f2)
