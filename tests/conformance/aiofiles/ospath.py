"""aiofiles.os.path: os.path's questions about files, awaited."""

import os.path as _path


def path_functions(threaded):
    return [(name, threaded(getattr(_path, name)))
            for name in ('exists', 'isfile', 'isdir', 'getsize', 'abspath')]
