# contextvars for the aioscope interpreter (the classes are native, in
# _contextvars). Context.run is Python so that a thread blocking inside
# it (asyncio.to_thread's work) suspends as anywhere else.
from _contextvars import (Context, ContextVar, Token, copy_context, _enter, _exit,
                          _install_run)

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')


def run(self, callable, /, *args, **kwargs):
    previous = _enter(self)
    try:
        return callable(*args, **kwargs)
    finally:
        _exit(previous)


_install_run(run)
del run
