# glob for the aioscope interpreter: pathname patterns over the run's file
# system (os.listdir and fnmatch), with '**' under recursive=True, root_dir,
# hidden files left out unless the pattern names them, escape and
# has_magic.  Directories list in the order their entries were made (a
# real one lists in its own order): programs that print results sort them.
import fnmatch
import os
import re

__all__ = ['glob', 'iglob', 'escape']

magic_check = re.compile('([*?[])')


def has_magic(s):
    # Bytes are read as Latin-1 text (the simulator's re takes str only).
    if isinstance(s, bytes):
        s = s.decode('latin-1')
    return magic_check.search(s) is not None


def _hidden(name):
    return name[0] in ('.', b'.'[0])


def _recursive(pattern):
    return pattern == '**' or pattern == b'**'


def escape(pathname):
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        escaped = magic_check.sub(r'[\1]', pathname.decode('latin-1'))
        return drive + escaped.encode('latin-1')
    return drive + magic_check.sub(r'[\1]', pathname)


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _recursive(pathname[:2]):
        try:
            first = next(it)
            if first:
                it = _chain([first], it)
        except StopIteration:
            pass
    return it


def _chain(first, rest):
    yield from first
    yield from rest


def _join(root_dir, path):
    return os.path.join(root_dir, path) if root_dir else path


def _exists(root_dir, path):
    return os.path.lexists(_join(root_dir, path))


def _isdir(root_dir, path):
    return os.path.isdir(_join(root_dir, path))


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _exists(root_dir, pathname):
                yield pathname
        elif _isdir(root_dir, dirname):
            yield pathname
        return
    if not dirname:
        if recursive and _recursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _recursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for d in dirs:
        for name in glob_in_dir(_join(root_dir, d), basename, dironly, include_hidden):
            yield os.path.join(d, name)


def _listdir(dirname, dironly):
    try:
        names = os.listdir(dirname or os.curdir)
    except OSError:
        return []
    if dironly:
        names = [n for n in names if os.path.isdir(os.path.join(dirname or os.curdir, n))]
    return names


def _glob1(dirname, pattern, dironly, include_hidden=False):
    names = _listdir(dirname, dironly)
    if include_hidden or not _hidden(pattern):
        names = (x for x in names if include_hidden or not _hidden(x))
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden=False):
    if basename:
        if os.path.lexists(os.path.join(dirname, basename)):
            return [basename]
    elif os.path.isdir(dirname):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden=False):
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _rlistdir(dirname, dironly, include_hidden=False):
    for name in _listdir(dirname, dironly):
        if include_hidden or not _hidden(name):
            yield name
            path = os.path.join(dirname, name) if dirname else name
            if os.path.isdir(path) and not os.path.islink(path):
                for sub in _rlistdir(path, dironly, include_hidden):
                    yield os.path.join(name, sub)
