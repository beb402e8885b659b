# gc for the aioscope interpreter: objects are reference counted and
# cycles are never collected; collect() runs the weakref callbacks that
# are due, and returns 0.
import _weakref

_enabled = [True]


def collect(generation=2):
    _weakref._poll()
    return 0


def enable():
    _enabled[0] = True


def disable():
    _enabled[0] = False


def isenabled():
    return _enabled[0]


def get_count():
    return (0, 0, 0)


def get_threshold():
    return (700, 10, 10)


def set_threshold(*args):
    pass


garbage = []
callbacks = []
