# asyncio for the aioscope simulator.
#
# The loop, handles, futures and tasks are native (module _aio); what is
# built on them lives here, in the same Python subset as user programs.
# Every function suspends exactly where CPython 3.11's does: the order of
# awaits, done-callbacks and call_soon calls below is the specification
# (see SEMANTICS.md of the conformance corpus), so keep it when editing.
#
# Tracebacks show the lines of CPython's library that a program's error
# passes through. A line here marked `# cpython: FILE:LINE` is shown as
# that line of /usr/lib/python3.11/asyncio/FILE, so it is written as the
# very statement CPython has there; unmarked lines stand for CPython's C
# code and are not shown.
from _collections import deque
from functools import partial
from _aio import (Future, Task, Handle, TimerHandle, AbstractEventLoop,
                  _GatheringFuture,
                  CancelledError, InvalidStateError, get_running_loop,
                  _get_running_loop, get_event_loop,
                  new_event_loop as _new_event_loop,
                  set_event_loop, current_task, all_tasks, _sleep0,
                  _set_cancel_hook, isfuture, iscoroutine, _track, _group,
                  _asyncgens, _extend_loop, _internal, _loop_close,
                  _signal_arrived, _take_signals, _set_debug, _run_forever,
                  _run_until_complete, _run_until_complete_begin, _submodule,
                  _run_until_complete_failed, _run_until_complete_end,
                  _run_forever_begin, _run_forever_end, _run_once_wait,
                  _run_once_ready, _loop_stopping, _interrupt_pending,
                  _run_once_next, _inline_handle_failed, _inline_handle_done)
from _threading import current as _current_thread

from _coroutines import python_minor as _python_minor

if _python_minor == 10:
    class TimeoutError(Exception):
        """The operation exceeded the given deadline (3.10: asyncio's own
        class; 3.11 made it the built-in TimeoutError)."""
        __module__ = 'asyncio.exceptions'
else:
    TimeoutError = TimeoutError


__sleep0 = _sleep0

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class QueueEmpty(Exception):
    """Raised by Queue.get_nowait() on an empty queue."""
    __module__ = 'asyncio.queues'


class QueueFull(Exception):
    """Raised by Queue.put_nowait() on a full queue."""
    __module__ = 'asyncio.queues'


# --- tasks -----------------------------------------------------------------

def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


def _set_exception_unless_cancelled(fut, exc):
    if fut.cancelled():
        return
    fut.set_exception(exc)


# --- threads ---------------------------------------------------------------------

def _convert_future_exc(exc):
    import concurrent.futures
    exc_class = type(exc)
    if exc_class is concurrent.futures.CancelledError:
        return CancelledError(*exc.args)
    elif exc_class is concurrent.futures.TimeoutError:
        return TimeoutError(*exc.args)
    elif exc_class is concurrent.futures.InvalidStateError:
        return InvalidStateError(*exc.args)
    else:
        return exc


def _set_concurrent_future_state(concurrent, source):
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(_convert_future_exc(exception))
    else:
        result = source.result()
        concurrent.set_result(result)


def _copy_future_state(source, dest):
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(_convert_future_exc(exception))
        else:
            result = source.result()
            dest.set_result(result)


def _chain_future(source, destination):
    # As CPython's: the concurrent future's completion reaches the loop
    # through call_soon_threadsafe; cancelling the asyncio future cancels
    # the concurrent one.
    source_loop = source.get_loop() if isfuture(source) else None
    dest_loop = destination.get_loop() if isfuture(destination) else None

    def _set_state(future, other):
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if (destination.cancelled() and
                dest_loop is not None and dest_loop.is_closed()):
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def run_coroutine_threadsafe(coro, loop):
    """Submit a coroutine to the loop of another thread; the result comes
    back in a concurrent.futures.Future."""
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    import concurrent.futures
    future = concurrent.futures.Future()

    def callback():
        try:
            _chain_future(ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future


def wrap_future(future, *, loop=None):
    """Wrap a concurrent.futures.Future object in an asyncio future."""
    if isfuture(future):
        return future
    import concurrent.futures
    if not isinstance(future, concurrent.futures.Future):
        raise AssertionError('concurrent.futures.Future is expected, got '
                             + repr(future))
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


async def to_thread(func, /, *args, **kwargs):  # cpython: threads.py:12
    """Run func(*args, **kwargs) in the loop's default executor, in a copy
    of the current context."""
    import contextvars
    loop = get_running_loop()
    ctx = contextvars.copy_context()
    func_call = partial(ctx.run, func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)  # cpython: threads.py:25


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


async def sleep(delay, result=None):  # cpython: tasks.py:637
    """Suspend for delay seconds; sleep(0) yields for one loop iteration."""
    if delay <= 0:
        await __sleep0()  # cpython: tasks.py:640
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future  # cpython: tasks.py:649
    finally:
        h.cancel()


def _deprecated(message, stacklevel=1):
    # A DeprecationWarning for the caller of the library function calling
    # this (shown by default when that is the program's own code). Library
    # frames without a '# cpython:' mark stand for CPython's C code and are
    # not counted by warnings' stacklevel, so level 1 is already the first
    # frame of the program, as CPython's stacklevel=2 in the function is.
    try:
        import warnings
    except NotImplementedError:
        # Not written yet: the warning is left out.
        return
    warnings.warn(message, DeprecationWarning, stacklevel=stacklevel)


if _python_minor == 10:
    # Generator-based coroutines, which 3.11 removed: the decorator marks a
    # generator function as a coroutine (types.coroutine), wrapping a plain
    # function in one that runs what it returns.
    from _coroutines import iterable as _iterable, kind as _function_kind

    _is_coroutine = object()

    def coroutine(func):
        _deprecated('"@coroutine" decorator is deprecated since Python 3.8, '
                    'use "async def" instead')
        kind = _function_kind(func)
        if kind == 'coroutine':
            return func
        if kind in ('generator', 'iterable coroutine'):
            coro = func
        else:
            from functools import wraps

            @wraps(func)
            def coro(*args, **kw):
                res = func(*args, **kw)
                if isfuture(res) or iscoroutine(res):
                    res = yield from res
                elif hasattr(type(res), '__await__'):
                    res = yield from res.__await__()
                return res
        coro = _iterable(coro)
        coro._is_coroutine = _is_coroutine
        return coro


def create_task(coro, *, name=None, context=None):
    loop = get_running_loop()
    if context is None:
        task = loop.create_task(coro)
    else:
        task = loop.create_task(coro, context=context)
    if name is not None:
        task.set_name(name)
    return task


async def _wrap_awaitable(awaitable):
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if not hasattr(type(coro_or_future), '__await__'):
            raise TypeError(
                'An asyncio.Future, a coroutine or an awaitable is required')
        # Any awaitable (aiohttp's session.get() object): a task runs it.
        coro_or_future = _wrap_awaitable(coro_or_future)
        # CPython's _wrap_awaitable is a generator, which cr_await chains
        # do not enter: marked as reached through a wrapper, it is not
        # shown either.
        coro_or_future.__await__()
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


def gather(*coros_or_futures, return_exceptions=False):
    """Run awaitables concurrently; results in argument order."""
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer

    state = {'done': 0, 'cancel_requested': False}
    # The outer future, apart from `state`: the cancel hook (which the
    # outer future holds) reads `state`, and must not hold the future
    # itself, or nothing would let go of it.
    outer_box = [None]
    children = []
    seen = []

    def _done_callback(fut):
        state['done'] += 1
        outer = outer_box[0]
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state['done'] == len(seen):
            results = []
            for child in children:
                if child.cancelled():
                    message = child._cancel_message_()
                    if message is None:
                        message = ''
                    results.append(CancelledError(message))
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                    results.append(res)
            if state['cancel_requested']:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    loop = None
    # By identity, as CPython's arg_to_fut dict does (in one pass: a
    # gather of thousands of coroutines stays linear). `seen` keeps the
    # arguments alive, so their ids stay theirs.
    fut_of = {}
    for arg in coros_or_futures:
        fut = fut_of.get(id(arg))
        if fut is None:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            seen.append(arg)
            fut_of[id(arg)] = fut
            fut.add_done_callback(_done_callback)
        children.append(fut)

    outer = _GatheringFuture()
    outer_box[0] = outer
    _group(outer, 'gather', children)

    def cancel_children(msg):
        cancelled_any = False
        for child in children:
            if child.cancel(msg):
                cancelled_any = True
        if cancelled_any:
            state['cancel_requested'] = True
        return cancelled_any

    _set_cancel_hook(outer, cancel_children)
    return outer


def shield(arg):
    """Protect an awaitable from being cancelled through the outer future."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):  # cpython: tasks.py:399
    """Wait for futures; return (done, pending) sets. Never raises theirs."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")  # cpython: tasks.py:416
    if not fs:
        if _python_minor == 10:
            raise ValueError('Set of coroutines/Futures is empty.')
        raise ValueError('Set of Tasks/Futures is empty.')  # cpython: tasks.py:418
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')  # cpython: tasks.py:420
    if _python_minor == 10:
        # 3.10 still wraps coroutines in tasks, with a warning.
        loop = get_running_loop()
        fs = set(fs)
        if any(iscoroutine(f) for f in fs):
            _deprecated('The explicit passing of coroutine objects to asyncio.wait() '
                        'is deprecated since Python 3.8, and scheduled for removal '
                        'in Python 3.11.')
        fs = {ensure_future(f, loop=loop) for f in fs}
        return await _wait(fs, timeout, return_when, loop)
    fs = set(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")  # cpython: tasks.py:425
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)  # cpython: tasks.py:428


async def _wait(fs, timeout, return_when, loop):  # cpython: tasks.py:507
    # A helper coroutine of its own, as in CPython: a task waiting in
    # wait() shows it on its stack.
    waiter = loop.create_future()
    _group(waiter, 'wait', fs)
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and
                 f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter  # cpython: tasks.py:535
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """Yield coroutines that return results in completion order.

    A generator, as CPython's: nothing is scheduled until the first item
    is taken."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError('expect an iterable of futures, not ' + type(fs).__name__)
    done = Queue()
    _internal(done)
    loop = get_event_loop()
    todo = set()
    for f in set(fs):
        todo.add(ensure_future(f, loop=loop))
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():  # cpython: tasks.py:610
        f = await done.get()  # cpython: tasks.py:611
        if f is None:
            # Dummy value from _on_timeout().
            raise exceptions.TimeoutError  # cpython: tasks.py:614
        return f.result()  # May raise f.exception().  # cpython: tasks.py:615

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


async def _cancel_and_wait(fut, loop):  # cpython: tasks.py:551
    waiter = loop.create_future()
    cb = partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter  # cpython: tasks.py:562
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):  # cpython: tasks.py:436
    """Wait for an awaitable; on timeout cancel it and raise TimeoutError."""
    loop = get_running_loop()
    if timeout is None:
        return await fut  # cpython: tasks.py:452
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()  # cpython: tasks.py:458
        await _cancel_and_wait(fut, loop=loop)  # cpython: tasks.py:460
        try:
            return fut.result()  # cpython: tasks.py:462
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc  # cpython: tasks.py:464

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = partial(_release_waiter, waiter)

    fut = ensure_future(fut, loop=loop)
    _group(waiter, 'wait_for', [fut])
    fut.add_done_callback(cb)
    try:
        try:
            await waiter  # cpython: tasks.py:476
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()  # cpython: tasks.py:479
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)  # cpython: tasks.py:485
            raise
        if fut.done():
            return fut.result()  # cpython: tasks.py:489
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop=loop)  # cpython: tasks.py:495
        try:
            return fut.result()  # cpython: tasks.py:500
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc  # cpython: tasks.py:502
    finally:
        timeout_handle.cancel()


# --- timeouts ----------------------------------------------------------------

class Timeout:
    """The context manager of asyncio.timeout(): cancels the task at `when`."""
    __module__ = 'asyncio.timeouts'

    def __init__(self, when):
        self._state = 'created'
        self._timeout_handler = None
        self._task = None
        self._when = when
        self._cancelling = 0

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != 'active':
            if self._state == 'created':
                raise RuntimeError("Timeout has not been entered")  # cpython: timeouts.py:54
            raise RuntimeError(  # cpython: timeouts.py:55
                f"Cannot change state of {self._state} Timeout",
            )
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state == 'expiring' or self._state == 'expired'

    def __repr__(self):
        info = ['']
        if self._state == 'active':
            info.append('when=' + repr(self._when))
        return '<Timeout [' + self._state + ']' + ' '.join(info) + '>'

    async def __aenter__(self):  # cpython: timeouts.py:85
        self._state = 'active'
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")  # cpython: timeouts.py:90
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):  # cpython: timeouts.py:97
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                # Since there are no new cancel requests, we're
                # handling this.
                raise TimeoutError from exc_val  # cpython: timeouts.py:115
        elif self._state == 'active':
            self._state = 'finished'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    if delay is None:
        return Timeout(None)
    return Timeout(loop.time() + delay)


def timeout_at(when):
    return Timeout(when)


# --- task groups ---------------------------------------------------------------

class TaskGroup:
    """Structured concurrency: the first failure cancels the rest."""
    __module__ = 'asyncio.taskgroups'

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        return '<TaskGroup tasks=' + str(len(self._tasks)) + '>'

    async def __aenter__(self):  # cpython: taskgroups.py:54
        if self._entered:
            raise RuntimeError('TaskGroup ' + repr(self) + ' has been already entered')
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task()
        if self._parent_task is None:
            raise RuntimeError('TaskGroup ' + repr(self) + ' cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):  # cpython: taskgroups.py:68
        self._exiting = True
        propagate_cancellation_error = None
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if et is not None:
            if et is CancelledError:
                if self._parent_cancel_requested and not self._parent_task.uncancel():
                    pass
                else:
                    propagate_cancellation_error = exc
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut  # cpython: taskgroups.py:110
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error  # cpython: taskgroups.py:129
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error  # cpython: taskgroups.py:134
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None  # cpython: taskgroups.py:145
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")  # cpython: taskgroups.py:155
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")  # cpython: taskgroups.py:157
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")  # cpython: taskgroups.py:159
        if context is None:
            task = self._loop.create_task(coro)
        else:
            task = self._loop.create_task(coro, context=context)
        if name is not None:
            task.set_name(name)
        task.add_done_callback(self._on_task_done)
        self._tasks.add(task)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, SystemExit) or isinstance(exc, KeyboardInterrupt)

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# --- synchronisation -----------------------------------------------------------

def _locks_repr(obj, kind, extra):
    # As CPython: the object's own repr (with its address) and the state.
    own = object.__repr__(obj)
    return '<asyncio.locks.' + kind + ' object' + own[own.rfind(' at '):-1] + ' [' + extra + ']>'


class _ContextManagerMixin:
    __module__ = 'asyncio.locks'
    async def __aenter__(self):  # cpython: locks.py:14
        await self.acquire()  # cpython: locks.py:15
        return None

    async def __aexit__(self, exc_type, exc, tb):  # cpython: locks.py:20
        self.release()


class Lock(_ContextManagerMixin):
    """A mutex; waiters are woken in FIFO order."""
    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = None
        self._locked = False
        _track(self)

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = extra + ', waiters:' + str(len(self._waiters))
        return _locks_repr(self, 'Lock', extra)

    def locked(self):
        return self._locked

    async def acquire(self):  # cpython: locks.py:93
        if not self._locked:
            free = True
            if self._waiters is not None:
                for w in self._waiters:
                    if not w.cancelled():
                        free = False
            if free:
                self._locked = True
                return True
        if self._waiters is None:
            self._waiters = deque()
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut  # cpython: locks.py:114
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')  # cpython: locks.py:140

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event:
    """A flag that tasks can wait for."""
    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = deque()
        self._value = False
        _track(self)

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = extra + ', waiters:' + str(len(self._waiters))
        return _locks_repr(self, 'Event', extra)

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):  # cpython: locks.py:200
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut  # cpython: locks.py:213
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin):
    """Tasks wait, holding its lock around the wait, until another task
    notifies them."""
    __module__ = 'asyncio.locks'

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
            _internal(lock)
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = deque()
        _track(self)

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = extra + ', waiters:' + str(len(self._waiters))
        return _locks_repr(self, 'Condition', extra)

    async def wait(self):  # cpython: locks.py:248
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')  # cpython: locks.py:260
        self.release()
        try:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut  # cpython: locks.py:267
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            # The lock is taken back even when the wait is cancelled.
            cancelled = False
            while True:
                try:
                    await self.acquire()  # cpython: locks.py:277
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise exceptions.CancelledError  # cpython: locks.py:283

    async def wait_for(self, predicate):  # cpython: locks.py:285
        result = predicate()
        while not result:
            await self.wait()  # cpython: locks.py:294
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')  # cpython: locks.py:311
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):
    """A counter of free slots; release hands a slot to the first waiter."""
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")  # cpython: locks.py:348
        self._waiters = None
        self._value = value
        _track(self)

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked, value:' + str(self._value)
        if self._waiters:
            extra = extra + ', waiters:' + str(len(self._waiters))
        return _locks_repr(self, type(self).__name__, extra)

    def locked(self):
        if self._value == 0:
            return True
        if self._waiters:
            for w in self._waiters:
                if not w.cancelled():
                    return True
        return False

    async def acquire(self):  # cpython: locks.py:364
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = deque()
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut  # cpython: locks.py:387
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                self._value += 1
            raise
        finally:
            while self._value > 0:
                if not self._wake_up_next():
                    break
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')  # cpython: locks.py:434
        super().release()


class Queue:
    """A FIFO queue; get() waits while empty, put() while full."""
    __module__ = 'asyncio.queues'

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = deque()
        self._putters = deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        _internal(self._finished)
        self._finished.set()
        self._init(maxsize)
        _track(self)

    # The three hooks a subclass overrides to change the order items leave
    # in (LifoQueue, PriorityQueue), as CPython's queues do.
    def _init(self, maxsize):
        self._queue = deque()

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.popleft()

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        text = f'maxsize={self._maxsize!r}'
        if self._queue:
            text += f' _queue={list(self._queue)!r}'
        if self._getters:
            text += f' _getters[{len(self._getters)}]'
        if self._putters:
            text += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            text += f' tasks={self._unfinished_tasks}'
        return text

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def qsize(self):
        return len(self._queue)

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):  # cpython: queues.py:110
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter  # cpython: queues.py:120
            except BaseException:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull  # cpython: queues.py:143
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):  # cpython: queues.py:149
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter  # cpython: queues.py:158
            except BaseException:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty  # cpython: queues.py:181
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')  # cpython: queues.py:201
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):  # cpython: queues.py:206
        if self._unfinished_tasks > 0:
            await self._finished.wait()  # cpython: queues.py:215


class PriorityQueue(Queue):
    """Items leave smallest first (a heap, as heapq keeps it)."""

    def _init(self, maxsize):
        self._queue = []

    # heapq is imported here, not with asyncio, so that programs without a
    # priority queue do not load it.
    def _put(self, item):
        import heapq
        heapq.heappush(self._queue, item)

    def _get(self):
        import heapq
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """The last item put is the first to leave."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


# --- running -------------------------------------------------------------------

class _NoContext:
    """The context of a callback scheduled without one: it runs as is."""

    def run(callback, *args):
        return callback(*args)


class _InlineHandle:
    """A handle of a thread's own loop whose Python callback the loop's
    thread calls itself, so that a blocking call in it (time.sleep)
    suspends that thread alone; tracebacks show Handle._run's line."""

    def __init__(self, handle):
        self._context = _NoContext
        self._callback = handle._callback
        self._args = handle._args

    def _run(self):
        self._context.run(self._callback, *self._args)  # cpython: events.py:80


class BaseEventLoop:
    __module__ = 'asyncio.base_events'
    # The loop's methods that CPython writes in Python (base_events.py);
    # _extend_loop moves them onto the native loop class, so a task running
    # one shows its name on its stack.

    def run_forever(self):
        """Run until stop() is called. In a thread of the program's own,
        a step at a time from here: the loop's wait suspends the thread,
        and the other threads (the main one too) run meanwhile."""
        if _current_thread() == 0:
            return _run_forever(self)
        _run_forever_begin(self)
        try:
            while True:
                _run_once_wait(self)
                handle = _run_once_next(self, True)
                while handle is not None:
                    try:
                        _InlineHandle(handle)._run()
                    except (SystemExit, KeyboardInterrupt):
                        raise
                    except BaseException as exc:
                        _inline_handle_failed(handle, exc)
                    # The handle goes before the next is taken, as the
                    # native loop lets it go.
                    handle = None
                    _inline_handle_done(self)
                    handle = _run_once_next(self, False)
                if _loop_stopping(self):
                    break
        finally:
            _run_forever_end(self)

    def run_until_complete(self, future):
        """Run until the future is done. In a thread of the program's own,
        its loop runs through run_forever above, a step at a time."""
        if _current_thread() == 0:
            return _run_until_complete(self, future)
        parts = _run_until_complete_begin(self, future)
        try:
            self.run_forever()  # cpython: base_events.py:640
        except BaseException:
            _run_until_complete_failed(*parts)
            raise
        future = _run_until_complete_end(*parts)
        return future.result()  # cpython: base_events.py:653

    async def shutdown_asyncgens(self):  # cpython: base_events.py:539
        closing = _asyncgens()
        if not closing:
            return
        await gather(*[ag.aclose() for ag in closing], return_exceptions=True)

    async def shutdown_default_executor(self):  # cpython: base_events.py:564
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = self.create_future()
        import threading
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    def set_debug(self, enabled):
        _set_debug(self, enabled)
        if self.is_running():
            self.call_soon_threadsafe(self._set_coroutine_origin_tracking,
                                      enabled)

    def _set_coroutine_origin_tracking(self, enabled):
        # CPython records where coroutines are made, for its "never
        # awaited" warnings; here only the scheduled call remains.
        pass

    def run_in_executor(self, executor, func, *args):
        if self.is_closed():
            raise RuntimeError('Event loop is closed')
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError('Executor shutdown has been called')
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(
                    thread_name_prefix='asyncio')
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)

    def _signals(self):
        handlers = getattr(self, '_signal_handlers', None)
        if handlers is None:
            handlers = {}
            self._signal_handlers = handlers
        return handlers

    def _check_signal(self, sig):
        import signal
        if isinstance(sig, signal.Signals):
            return sig.value
        if not isinstance(sig, int):
            raise TypeError(f'sig must be an int, not {sig!r}')
        if not signal._valid(sig):
            raise ValueError(f'invalid signal number {sig}')
        return sig

    def add_signal_handler(self, sig, callback, *args):
        import inspect
        import signal
        if iscoroutine(callback) or inspect.iscoroutinefunction(callback):
            raise TypeError('coroutines cannot be used with add_signal_handler()')
        sig = self._check_signal(sig)
        if self.is_closed():
            raise RuntimeError('Event loop is closed')
        if sig in (9, 19):
            raise RuntimeError(f'sig {sig} cannot be caught')
        self._signals()[sig] = (callback, args)
        _signal_loop[0] = self
        signal.signal(sig, _sighandler_noop)

    def remove_signal_handler(self, sig):
        import signal
        sig = self._check_signal(sig)
        handlers = self._signals()
        if sig not in handlers:
            return False
        del handlers[sig]
        if sig == 2:
            handler = signal.default_int_handler
        else:
            handler = signal.SIG_DFL
        signal.signal(sig, handler)
        return True

    def _handle_signal(self, sig):
        entry = self._signals().get(sig)
        if entry is not None:
            self.call_soon(entry[0], *entry[1])


class BaseSelectorEventLoop:
    # The reader of the loop's self-pipe, where signals arrive.

    def _read_from_self(self):
        for sig in _take_signals(self):
            self._handle_signal(sig)

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor')
        self._default_executor = executor

    def close(self):
        was_closed = self.is_closed()
        if not was_closed and not self.is_running() and self.get_debug():
            _log(10, 'base_events.py:676', 'close', 'Close %r', (self,))
        _loop_close(self)
        if was_closed:
            return
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)


# The classes CPython defines these in, as a handle's label names them.
BaseSelectorEventLoop.close.__qualname__ = '_UnixSelectorEventLoop.close'
BaseSelectorEventLoop.set_default_executor.__qualname__ = 'BaseEventLoop.set_default_executor'
BaseEventLoop.add_signal_handler.__qualname__ = '_UnixSelectorEventLoop.add_signal_handler'
BaseEventLoop.remove_signal_handler.__qualname__ = '_UnixSelectorEventLoop.remove_signal_handler'
_extend_loop(BaseEventLoop)
_extend_loop(BaseSelectorEventLoop)


def _sighandler_noop(signum, frame):
    """Dummy signal handler: the loop runs the handlers of its own."""
    pass


# The loop that set the wakeup fd (the last to add a signal handler).
_signal_loop = [None]


def _deliver_signal(sig):
    # A signal arrived: it reaches the loop through its self-pipe, which
    # the loop reads at its next select.
    loop = _signal_loop[0]
    if loop is not None and not loop.is_closed() and sig in loop._signals():
        _signal_arrived(loop, sig)


def _log(level, where, func, msg, args, always=False):
    # A record of CPython's asyncio logger, as made at `where` (a line of
    # its asyncio package) in `func`. Unless `always`, only once the
    # program imported logging (CPython's asyncio imports it; nothing
    # shows before the program configures it, but WARNING and above,
    # which logging's last resort prints).
    import sys
    logging = sys.modules.get('logging')
    if logging is None:
        if not always:
            return
        import logging
    logger = logging.getLogger('asyncio')
    if logger.isEnabledFor(level):
        path, lineno = where.split(':')
        record = logger.makeRecord(
            'asyncio', level, '/usr/lib/python3.11/asyncio/' + path,
            int(lineno), msg, args, None, func)
        logger.handle(record)


def _log_using_selector():
    # What CPython's selector event loop logs when it is made, from its
    # __init__ in selector_events.py (seen with logging at DEBUG).
    _log(10, 'selector_events.py:54', '__init__', 'Using selector: %s',
         ('EpollSelector',))


def _log_slow_callback(handle_text, seconds):
    # Debug mode: a callback ran for slow_callback_duration or longer.
    _log(30, 'base_events.py:1917', '_run_once',
         'Executing %s took %.3f seconds', (handle_text, seconds),
         always=True)


def new_event_loop():
    loop = _new_event_loop()
    _log_using_selector()
    return loop


def _cancel_all_tasks(loop):
    to_cancel = all_tasks()
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))


class Runner:
    """A context manager that controls event loop life cycle."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        """Shutdown and close event loop."""
        if self._state != 'initialized':
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        """Return embedded event loop."""
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        """Run a coroutine inside the embedded event loop."""
        global _sigint_runner
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))  # cpython: runners.py:89
        if _get_running_loop() is not None:
            # fail fast with short traceback
            raise RuntimeError(  # cpython: runners.py:93
                "Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro)
        # In the main thread, Ctrl+C (SIGINT) cancels the main task instead
        # of raising KeyboardInterrupt in the middle of the loop (3.11's
        # Runner; 3.10's asyncio.run has no handler of its own).
        self._sigint_handler = None
        if _current_thread() == 0 and _python_minor != 10:
            import sys
            if 'signal' in sys.modules or _interrupt_pending():
                self._install_sigint(task)
            else:
                # CPython's asyncio has the signal module loaded at start;
                # loading it now would give the program's next objects
                # other identities (and so other set orders) than CPython
                # gives them. It installs the handler when it loads.
                _sigint_runner = (self, task)
        self._interrupt_count = 0
        try:
            return self._loop.run_until_complete(task)  # cpython: runners.py:118
        except CancelledError:
            if self._interrupt_count > 0:
                uncancel = getattr(task, 'uncancel', None)
                if uncancel is not None and uncancel() == 0:
                    raise KeyboardInterrupt()  # cpython: runners.py:123
            raise
        finally:
            _sigint_runner = None
            sigint_handler = self._sigint_handler
            if sigint_handler is not None:
                import signal
                if signal.getsignal(signal.SIGINT) is sigint_handler:
                    signal.signal(signal.SIGINT, signal.default_int_handler)

    def _install_sigint(self, main_task):
        import signal
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            return
        handler = partial(self._on_sigint, main_task=main_task)
        try:
            signal.signal(signal.SIGINT, handler)
        except ValueError:
            return
        self._sigint_handler = handler

    def _on_sigint(self, signum, frame, main_task):
        self._interrupt_count += 1
        if self._interrupt_count == 1 and not main_task.done():
            main_task.cancel()
            # Wakes the loop up if it waits in its selector.
            self._loop.call_soon_threadsafe(lambda: None)
            return
        raise KeyboardInterrupt()  # cpython: runners.py:157

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")  # cpython: runners.py:133
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = 'initialized'


_Runner = Runner


# The Runner running in the main thread before the signal module loaded,
# with its main task: its SIGINT handler is installed when it loads.
_sigint_runner = None


def _signal_loaded():
    if _sigint_runner is not None:
        runner, task = _sigint_runner
        runner._install_sigint(task)


def run(main, *, debug=None):
    """Run a coroutine on a new loop, then cancel what is left and close."""
    if _get_running_loop() is not None:
        # fail fast with short traceback
        raise RuntimeError(  # cpython: runners.py:186
            "asyncio.run() cannot be called from a running event loop")

    # 3.10 has no Runner (run is its own loop there), but its steps are
    # Runner's: the class stays under a private name in both modes.
    with _Runner(debug=debug) as runner:
        return runner.run(main)  # cpython: runners.py:190


_STREAMS = ('open_connection', 'start_server', 'StreamReader',
            'StreamWriter', 'IncompleteReadError', 'LimitOverrunError',
            'Server')


def __getattr__(name):
    # The streams are the corpus' model of a network (_streams.py, which
    # the oracle installs in CPython's asyncio), loaded at first use.
    if name in _STREAMS:
        import _streams
        return getattr(_streams, name)
    # Loaded at first use too: classes made at import would take identity
    # numbers from every run, and those order sets of tasks.
    if name in ('Barrier', 'BrokenBarrierError') and _python_minor != 10:
        import _barrier
        return getattr(_barrier, name)
    raise AttributeError(f"module 'asyncio' has no attribute '{name}'")


if _python_minor == 10:
    # What 3.11 added to asyncio does not exist in 3.10.
    del Timeout, timeout, timeout_at, TaskGroup, Runner


# The package's submodules, each with the names it defines in CPython
# (those this file has); asyncio.exceptions is used above.
_SUBMODULES = (
    ('base_events', ('BaseEventLoop', 'Server')),
    ('base_futures', ()),
    ('base_subprocess', ()),
    ('base_tasks', ()),
    ('constants', ()),
    ('coroutines', ('iscoroutinefunction', 'iscoroutine', 'coroutine')),
    ('events', ('AbstractEventLoopPolicy', 'AbstractEventLoop',
                'AbstractServer', 'Handle', 'TimerHandle',
                'get_event_loop_policy', 'set_event_loop_policy',
                'get_event_loop', 'set_event_loop', 'new_event_loop',
                'get_child_watcher', 'set_child_watcher', '_set_running_loop',
                'get_running_loop', '_get_running_loop')),
    ('exceptions', ('BrokenBarrierError', 'CancelledError',
                    'InvalidStateError', 'TimeoutError', 'IncompleteReadError',
                    'LimitOverrunError', 'SendfileNotAvailableError')),
    ('format_helpers', ()),
    ('futures', ('Future', 'wrap_future', 'isfuture')),
    ('locks', ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore',
               'Barrier')),
    ('log', ('logger',)),
    ('mixins', ()),
    ('protocols', ('BaseProtocol', 'Protocol', 'DatagramProtocol',
                   'SubprocessProtocol', 'BufferedProtocol')),
    ('queues', ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull',
                'QueueEmpty')),
    ('runners', ('Runner', 'run')),
    ('selector_events', ('BaseSelectorEventLoop',)),
    ('sslproto', ()),
    ('staggered', ('staggered_race',)),
    ('streams', ()),
    ('subprocess', ('create_subprocess_exec', 'create_subprocess_shell')),
    ('taskgroups', ('TaskGroup',)),
    ('tasks', ('Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION',
               'ALL_COMPLETED', 'wait', 'wait_for', 'as_completed', 'sleep',
               'gather', 'shield', 'ensure_future', 'run_coroutine_threadsafe',
               'current_task', 'all_tasks')),
    ('threads', ('to_thread',)),
    ('timeouts', ('Timeout', 'timeout', 'timeout_at')),
    ('transports', ('BaseTransport', 'ReadTransport', 'WriteTransport',
                    'Transport', 'DatagramTransport', 'SubprocessTransport')),
    ('trsock', ()),
    ('unix_events', ('SelectorEventLoop', 'DefaultEventLoopPolicy')),
)


def _make_submodules():
    for leaf, names in _SUBMODULES:
        if _python_minor == 10 and leaf in ('taskgroups', 'timeouts'):
            continue
        _submodule(leaf, names)


_make_submodules()
del _SUBMODULES, _make_submodules
