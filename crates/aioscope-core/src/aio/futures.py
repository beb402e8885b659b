# concurrent.futures for the aioscope simulator (threads only).
from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION,
                                      ALL_COMPLETED, CancelledError,
                                      TimeoutError, InvalidStateError,
                                      BrokenExecutor, Future, Executor, wait,
                                      as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
           'CancelledError', 'TimeoutError', 'BrokenExecutor', 'Future',
           'Executor', 'wait', 'as_completed', 'ProcessPoolExecutor',
           'ThreadPoolExecutor')


def __getattr__(name):
    if name == 'ProcessPoolExecutor':
        raise NotImplementedError('ProcessPoolExecutor is not supported yet')
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
