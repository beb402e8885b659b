# The simulated program's file system: in memory and fresh for each run.
# It starts with the directories above the working directory, the
# program's own file in it, and an empty /tmp (tempfile's directory);
# everything else is what the program makes.
# Paths here are absolute and normalised (posixpath.abspath); the callers
# (io.open, os, posixpath, pathlib) turn them into CPython's errors.
import _os

_cwd, _program, _source = _os._program()

# Ordered: a directory lists its entries in the order they were made (a
# real file system's order is its own; programs that print it sort it).
_files = {}
_dirs = {'/': None}


def _add_parents(path):
    at = ''
    for part in path.split('/')[1:-1]:
        at += '/' + part
        _dirs[at] = None


_add_parents(_cwd + '/')
_dirs['/tmp'] = None
_files[_cwd + '/' + _program] = _source.encode()


def kind(path):
    """'file', 'dir' or None."""
    if path in _files:
        return 'file'
    if path in _dirs:
        return 'dir'
    return None


def parent(path):
    i = path.rfind('/')
    return path[:i] or '/'


def read(path):
    return _files[path]


def write(path, data):
    _files[path] = data


def size(path):
    return len(_files[path])


def mkdir(path):
    _dirs[path] = None


def remove(path):
    del _files[path]


def rmdir(path):
    del _dirs[path]


def children(path):
    prefix = path.rstrip('/') + '/'
    names = []
    for table in (_dirs, _files):
        for p in table:
            if p != prefix and p.startswith(prefix) and '/' not in p[len(prefix):]:
                names.append(p[len(prefix):])
    return names


def rename(src, dst):
    if src in _files:
        _files[dst] = _files.pop(src)
        return
    prefix = src + '/'
    for table in (_dirs, _files):
        for p in list(table):
            if p == src or p.startswith(prefix):
                table[dst + p[len(src):]] = table.pop(p)
