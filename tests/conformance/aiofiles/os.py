"""aiofiles.os: the os functions asyncio programs await, each run in the
loop's default executor (one run_in_executor per call)."""

import asyncio
import os as _os

from aiofiles.ospath import path_functions as _path_functions


def _threaded(func):
    async def run(*args, loop=None, executor=None, **kwargs):
        if loop is None:
            loop = asyncio.get_running_loop()
        call = func if not kwargs else (lambda *a: func(*a, **kwargs))
        return await loop.run_in_executor(executor, call, *args)
    run.__name__ = func.__name__
    run.__qualname__ = func.__name__
    return run


makedirs = _threaded(_os.makedirs)
mkdir = _threaded(_os.mkdir)
remove = _threaded(_os.remove)
unlink = _threaded(_os.unlink)
rmdir = _threaded(_os.rmdir)
rename = _threaded(_os.rename)
replace = _threaded(_os.replace)
stat = _threaded(_os.stat)
listdir = _threaded(_os.listdir)


class _Path:
    pass


path = _Path()
for _name, _func in _path_functions(_threaded):
    setattr(path, _name, _func)
