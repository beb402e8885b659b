# atexit for the aioscope interpreter: the functions run at the program's
# end (after the other threads are joined), last registered first.
import sys

_exithandlers = []


def register(func, /, *args, **kwargs):
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            import _inspect
            sys.stderr.write('Exception ignored in atexit callback: %r\n' % (func,))
            sys.stderr.write(_inspect._format_exception(exc))
