"""aiofiles: files for asyncio as aiofiles 23 offers them, each operation
run in the loop's default executor (a worker thread), as the library does.

    async with aiofiles.open(path, 'wb') as f:
        await f.write(data)

Suspension points (a simulator must reproduce exactly these):

    await aiofiles.open(...)    one run_in_executor: the file opened in a
    (or `async with`)           worker thread.
    await f.read()/write()/     one run_in_executor each: the call made on
    readline()/readlines()/     the file in a worker thread.
    seek()/tell()/flush()/...
    async for line in f         one readline() per line, and one for the end.
    leaving `async with`        one run_in_executor: the file closed there.
    await aiofiles.os.X(...)    one run_in_executor (makedirs, mkdir, remove,
    aiofiles.os.path.X(...)     rename, stat, listdir, exists, isfile...).
"""

import asyncio
from functools import partial

from aiofiles import os  # noqa: F401  (aiofiles.os, as the package offers it)

__all__ = ['open', 'os']

_sync_open = open


def _in_thread(loop, executor, func, *args, **kwargs):
    if kwargs:
        func = partial(func, *args, **kwargs)
        args = ()
    return loop.run_in_executor(executor, func, *args)


class _AsyncFile:
    """A file whose every operation runs in the executor."""

    def __init__(self, file, loop, executor):
        self._file = file
        self._loop = loop
        self._executor = executor

    @property
    def name(self):
        return self._file.name

    @property
    def mode(self):
        return self._file.mode

    @property
    def closed(self):
        return self._file.closed

    async def _call(self, method, *args):
        return await _in_thread(self._loop, self._executor, getattr(self._file, method), *args)

    async def read(self, *args):
        return await self._call('read', *args)

    async def readline(self, *args):
        return await self._call('readline', *args)

    async def readlines(self, *args):
        return await self._call('readlines', *args)

    async def write(self, data):
        return await self._call('write', data)

    async def writelines(self, lines):
        return await self._call('writelines', lines)

    async def seek(self, *args):
        return await self._call('seek', *args)

    async def tell(self):
        return await self._call('tell')

    async def truncate(self, *args):
        return await self._call('truncate', *args)

    async def flush(self):
        return await self._call('flush')

    async def close(self):
        return await self._call('close')

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line:
            return line
        raise StopAsyncIteration

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


class _Opening:
    """What aiofiles.open() returns: awaited, the open file; as an async
    context manager, the file, closed on the way out."""

    def __init__(self, coro):
        self._coro = coro
        self._file = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._file = await self._coro
        return self._file

    async def __aexit__(self, exc_type, exc, tb):
        await self._file.close()
        self._file = None


async def _open(file, mode, buffering, encoding, errors, newline, loop, executor):
    if loop is None:
        loop = asyncio.get_running_loop()
    f = await _in_thread(loop, executor, _sync_open, file, mode, buffering,
                         encoding, errors, newline)
    return _AsyncFile(f, loop, executor)


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         *, loop=None, executor=None):
    return _Opening(_open(file, mode, buffering, encoding, errors, newline, loop, executor))
