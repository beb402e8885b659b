# signal for the aioscope interpreter: Linux's signal numbers, the
# handler table, and delivery. Nothing outside the program sends signals:
# a signal arrives when the program raises it (signal.raise_signal,
# os.kill(os.getpid(), ...)) or when the host delivers one (_deliver). A
# Python handler runs at once, as CPython runs it at the next bytecode;
# a handler added with loop.add_signal_handler runs in the loop's next
# iteration.
from enum import IntEnum


class Signals(IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGSTKFLT = 16
    SIGCHLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGXCPU = 24
    SIGXFSZ = 25
    SIGVTALRM = 26
    SIGPROF = 27
    SIGWINCH = 28
    SIGIO = 29
    SIGPWR = 30
    SIGSYS = 31
    SIGRTMIN = 34
    SIGRTMAX = 64


class Handlers(IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
NSIG = 65
SIGIOT = Signals.SIGABRT
SIGPOLL = Signals.SIGIO
SIGCLD = Signals.SIGCHLD

SIGHUP = Signals.SIGHUP
SIGINT = Signals.SIGINT
SIGQUIT = Signals.SIGQUIT
SIGILL = Signals.SIGILL
SIGTRAP = Signals.SIGTRAP
SIGABRT = Signals.SIGABRT
SIGBUS = Signals.SIGBUS
SIGFPE = Signals.SIGFPE
SIGKILL = Signals.SIGKILL
SIGUSR1 = Signals.SIGUSR1
SIGSEGV = Signals.SIGSEGV
SIGUSR2 = Signals.SIGUSR2
SIGPIPE = Signals.SIGPIPE
SIGALRM = Signals.SIGALRM
SIGTERM = Signals.SIGTERM
SIGSTKFLT = Signals.SIGSTKFLT
SIGCHLD = Signals.SIGCHLD
SIGCONT = Signals.SIGCONT
SIGSTOP = Signals.SIGSTOP
SIGTSTP = Signals.SIGTSTP
SIGTTIN = Signals.SIGTTIN
SIGTTOU = Signals.SIGTTOU
SIGURG = Signals.SIGURG
SIGXCPU = Signals.SIGXCPU
SIGXFSZ = Signals.SIGXFSZ
SIGVTALRM = Signals.SIGVTALRM
SIGPROF = Signals.SIGPROF
SIGWINCH = Signals.SIGWINCH
SIGIO = Signals.SIGIO
SIGPWR = Signals.SIGPWR
SIGSYS = Signals.SIGSYS
SIGRTMIN = Signals.SIGRTMIN
SIGRTMAX = Signals.SIGRTMAX

_DESCRIPTIONS = {
    1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction',
    5: 'Trace/breakpoint trap', 6: 'Aborted', 7: 'Bus error',
    8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1',
    11: 'Segmentation fault', 12: 'User defined signal 2', 13: 'Broken pipe',
    14: 'Alarm clock', 15: 'Terminated', 16: 'Stack fault', 17: 'Child exited',
    18: 'Continued', 19: 'Stopped (signal)', 20: 'Stopped',
    21: 'Stopped (tty input)', 22: 'Stopped (tty output)',
    23: 'Urgent I/O condition', 24: 'CPU time limit exceeded',
    25: 'File size limit exceeded', 26: 'Virtual timer expired',
    27: 'Profiling timer expired', 28: 'Window changed', 29: 'I/O possible',
    30: 'Power failure', 31: 'Bad system call',
}


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt


# By signal number (an int: members of an IntEnum are not ints here).
_handlers = {2: default_int_handler, 13: SIG_IGN}


def _signum(signalnum):
    if isinstance(signalnum, (Signals, Handlers)):
        return signalnum.value
    if not isinstance(signalnum, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(signalnum).__name__)
    if not 1 <= signalnum < NSIG:
        raise ValueError('signal number out of range')
    return int(signalnum)


def _as_signal(n):
    try:
        return Signals(n)
    except ValueError:
        return n


def valid_signals():
    return {_as_signal(n) for n in range(1, NSIG) if n not in (32, 33)}


def _valid(n):
    return 1 <= n < NSIG and n not in (32, 33)


def strsignal(signalnum):
    n = _signum(signalnum)
    if 34 <= n <= 64:
        return 'Real-time signal %d' % (n - 34)
    return _DESCRIPTIONS.get(n)


def getsignal(signalnum):
    n = _signum(signalnum)
    return _handlers.get(n, SIG_DFL)


def signal(signalnum, handler):
    n = _signum(signalnum)
    if handler is not SIG_IGN and handler is not SIG_DFL and not callable(handler):
        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, '
                        'or a callable object')
    from _threading import current
    if current() != 0:
        raise ValueError('signal only works in main thread of the main interpreter')
    if n in (9, 19):
        raise OSError(22, 'Invalid argument')
    old = _handlers.get(n, SIG_DFL)
    _handlers[n] = handler
    return old


def _deliver(signalnum):
    """A signal arrives: the running loop's handler (add_signal_handler)
    is scheduled, then the Python handler runs (SIGINT's default raises
    KeyboardInterrupt; another default ends the program as a kill does)."""
    n = _signum(signalnum)
    import sys
    asyncio = sys.modules.get('asyncio')
    if asyncio is not None:
        asyncio._deliver_signal(n)
    handler = _handlers.get(n, SIG_DFL)
    if handler is SIG_IGN:
        return
    if handler is SIG_DFL:
        if n in (17, 18, 23, 28):
            return
        raise SystemExit(128 + n)
    # As CPython's: the handler gets the signal's number as an int.
    handler(n, None)


def raise_signal(signalnum):
    _deliver(signalnum)


def alarm(seconds):
    raise NotImplementedError('signal.alarm is not supported yet')


def pause():
    raise NotImplementedError('signal.pause is not supported yet')


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return -1


def siginterrupt(signalnum, flag):
    _signum(signalnum)


def _loaded():
    # asyncio.run's Runner, if it runs already, installs its SIGINT handler
    # now (CPython's asyncio loads this module before it starts).
    import sys
    asyncio = sys.modules.get('asyncio')
    if asyncio is not None:
        asyncio._signal_loaded()


_loaded()
