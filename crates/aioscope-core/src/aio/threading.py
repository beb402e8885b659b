# threading for the aioscope simulator.
#
# Threads are simulated (aio/threads.rs): a thread runs until it blocks
# (time.sleep, a lock it cannot take, a join, the event loop waiting), then
# the thread that can go on earliest in virtual time runs, ties going to
# the thread created first. Lock is native; everything else is built on
# it here as CPython's threading.py builds it on _thread.lock.
import sys as _sys
import _threading
from _collections import deque as _deque
from time import monotonic as _time

Lock = _threading.Lock
_allocate_lock = Lock
get_ident = _threading.get_ident
ThreadError = RuntimeError
TIMEOUT_MAX = 9223372036.0

_counter = [0]
_active = {}
_threading_atexits = []
_SHUTTING_DOWN = False


def _newname(template='Thread-%d'):
    _counter[0] += 1
    return template % _counter[0]


def _addr(obj):
    own = object.__repr__(obj)
    return own[own.rfind(' at ') + 4:-1]


class _RLock:
    """A lock its owner may take again; it is free once released as many
    times as it was taken."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return '<%s _thread.RLock object owner=%d count=%d at %s>' % (
            'locked' if self._block.locked() else 'unlocked',
            0 if owner is None else owner, self._count, _addr(self))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        count, owner = self._count, self._owner
        self._count = 0
        self._owner = None
        self._block.release()
        return count, owner

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _is_owned(self):
        return self._owner == get_ident()


def RLock(*args, **kwargs):
    return _RLock(*args, **kwargs)


class Condition:
    """Threads wait on it, holding its lock around the wait, until another
    thread notifies them."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
            self._acquire_restore = lock._acquire_restore
            self._is_owned = lock._is_owned
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return '<Condition(%s, %d)>' % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError('cannot wait on un-acquired lock')
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError('cannot notify on un-acquired lock')
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


class Semaphore:
    """A counter of free slots; acquire waits while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return '<%s.%s at %s: value=%d>' % (cls.__module__, cls.__qualname__,
                                            _addr(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            return False
                self._cond.wait(timeout)
            self._value -= 1
            rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return '<%s.%s at %s: value=%d/%d>' % (cls.__module__, cls.__qualname__,
                                               _addr(self), self._value,
                                               self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError('Semaphore released too many times')
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return '<%s.%s at %s: %s>' % (cls.__module__, cls.__qualname__,
                                      _addr(self), status)

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """parties threads wait at the barrier until all of them arrived."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError('parties must be >= 1')
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self._state == -2:
            return '<%s.%s at %s: broken>' % (cls.__module__, cls.__qualname__, _addr(self))
        return '<%s.%s at %s: waiters=%d/%d>' % (cls.__module__, cls.__qualname__,
                                                 _addr(self), self._count, self._parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    def __getattr__(self, name):
        if name == 'parties':
            return self._parties
        if name == 'n_waiting':
            return self._count if self._state == 0 else 0
        if name == 'broken':
            return self._state == -2
        raise AttributeError("'Barrier' object has no attribute '" + name + "'")


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


def excepthook(args):
    """Prints an exception that ended a thread (SystemExit silently ends it)."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    _threading.report(name, args.exc_value)


__excepthook__ = excepthook


class Thread:
    """A simulated thread running target(*args, **kwargs), or run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None,
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname('Thread-%d')
            if target is not None:
                try:
                    name += ' (' + target.__name__ + ')'
                except AttributeError:
                    pass
        if daemon is None:
            daemon = current_thread().daemon
        object.__setattr__(self, '_tid', _threading.new_thread(name, daemon))
        self._target = target
        self._args = args
        self._kwargs = kwargs
        self._started = False
        self.ident = None
        self.native_id = None
        object.__setattr__(self, 'name', name)
        object.__setattr__(self, 'daemon', bool(daemon))
        self._initialized = True

    def __setattr__(self, key, value):
        if key == 'name':
            value = str(value)
            _threading.set_name(self._tid, value)
        elif key == 'daemon':
            if not self._initialized:
                raise RuntimeError('Thread.__init__() not called')
            if self._started:
                raise RuntimeError('cannot set daemon status of active thread')
            value = bool(value)
            _threading.set_daemon(self._tid, value)
        object.__setattr__(self, key, value)

    def __repr__(self):
        assert self._initialized, 'Thread.__init__() was not called'
        state = _threading.state(self._tid)
        status = 'initial'
        if self._started:
            status = 'started'
        if state == 'stopped':
            status = 'stopped'
        if self.daemon:
            status += ' daemon'
        if self.ident is not None:
            status += ' %s' % self.ident
        return '<%s(%s, %s)>' % (self.__class__.__name__, self.name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError('thread.__init__() not called')
        if self._started:
            raise RuntimeError('threads can only be started once')
        self._started = True
        self.ident = self.native_id = _threading.ident(self._tid)
        _active[self._tid] = self
        _threading.start(self._tid, self._bootstrap)

    def _bootstrap(self):
        self._bootstrap_inner()

    def _bootstrap_inner(self):
        try:
            try:
                self.run()
            except BaseException as exc:
                excepthook(ExceptHookArgs(type(exc), exc, None, self))
        finally:
            _active.pop(self._tid, None)

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            self._target = self._args = self._kwargs = None

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError('Thread.__init__() not called')
        if not self._started:
            raise RuntimeError('cannot join thread before it is started')
        if self is current_thread():
            raise RuntimeError('cannot join current thread')
        if timeout is not None and timeout < 0:
            timeout = 0
        _threading.join(self._tid, timeout)

    def is_alive(self):
        assert self._initialized, 'Thread.__init__() not called'
        return self._started and _threading.state(self._tid) == 'started'

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):
    def __init__(self):
        object.__setattr__(self, '_tid', 0)
        self._target = None
        self._args = ()
        self._kwargs = {}
        self._started = True
        self.ident = self.native_id = _threading.ident(0)
        object.__setattr__(self, 'name', 'MainThread')
        object.__setattr__(self, 'daemon', False)
        self._initialized = True
        _active[0] = self


class Timer(Thread):
    """Calls function(*args, **kwargs) after interval seconds, unless
    cancelled first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class local:
    """Attributes that each thread sees its own values of."""

    def __init__(self, *args, **kw):
        if (args or kw) and type(self).__init__ is local.__init__:
            raise TypeError('Initialization arguments are not supported')
        object.__setattr__(self, '_local__dicts', {})

    def __getattr__(self, name):
        d = self._local__dicts.get(get_ident())
        if d is None or name not in d:
            raise AttributeError("'%s' object has no attribute '%s'"
                                 % (type(self).__name__, name))
        return d[name]

    def __setattr__(self, name, value):
        d = self._local__dicts.get(get_ident())
        if d is None:
            d = {}
            self._local__dicts[get_ident()] = d
        d[name] = value

    def __delattr__(self, name):
        d = self._local__dicts.get(get_ident())
        if d is None or name not in d:
            raise AttributeError(name)
        del d[name]


_main_thread = _MainThread()


def main_thread():
    return _main_thread


def current_thread():
    return _active.get(_threading.current(), _main_thread)


def currentThread():
    return current_thread()


def active_count():
    return len(_active)


def activeCount():
    return active_count()


def enumerate():
    return list(_active.values())


def settrace(func):
    pass


def setprofile(func):
    pass


def stack_size(size=0):
    return 0


def _register_atexit(func, *arg, **kwargs):
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _at_exit():
    # What threading._shutdown does before joining the other threads: the
    # functions registered with _register_atexit, last first.
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    while _threading_atexits:
        _threading_atexits.pop()()
