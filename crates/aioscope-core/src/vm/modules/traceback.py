"""traceback: printing and extracting tracebacks, as CPython 3.11's
module does. The text comes from the interpreter's own printer
(_traceback), so print_exc() shows what an uncaught exception shows.

Frames are those the run has (no frame objects): walk_tb and walk_stack
are not provided.
"""
import sys
import _inspect
import _traceback

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException']

_sentinel = object()


def _value_and_tb(exc, value, tb):
    # The 3.10+ signature: one exception, or the old (type, value, tb).
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is None:
            return None, None
        if isinstance(exc, BaseException):
            return exc, exc.__traceback__
        raise TypeError(f'Exception expected for value, '
                        f'{type(exc).__name__} found')
    return value, tb


def _print(lines, file):
    if file is None:
        file = sys.stderr
    for line in lines:
        print(line, file=file, end="")


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    value, tb = _value_and_tb(exc, value, tb)
    return _traceback._format(value, tb, limit, chain)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    value, tb = _value_and_tb(exc, value, tb)
    _print(_traceback._format(value, tb, limit, chain), file)


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    return _traceback._only(value)


def format_exc(limit=None, chain=True):
    value = sys.exception()
    tb = None if value is None else value.__traceback__
    return "".join(_traceback._format(value, tb, limit, chain))


def print_exc(limit=None, file=None, chain=True):
    value = sys.exception()
    tb = None if value is None else value.__traceback__
    _print(_traceback._format(value, tb, limit, chain), file)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


def extract_tb(tb, limit=None):
    return StackSummary._from_tuples(_traceback._frames(tb, limit))


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    _print(StackSummary.from_list(extracted_list).format(), file)


def extract_stack(f=None, limit=None):
    if f is not None:
        raise NotImplementedError('extract_stack(f): frame objects are '
                                  'not supported yet')
    # This module's own frames are library frames, left out: the stack
    # ends at the line that asked.
    frames = _traceback._user_frames(_inspect._stack())
    if limit is not None:
        # The innermost `limit` frames, or the outermost -limit.
        if limit >= 0:
            frames = frames[len(frames) - limit:] if limit else []
        else:
            frames = frames[:-limit]
    return StackSummary._from_tuples(frames)


def format_stack(f=None, limit=None):
    return extract_stack(f, limit).format()


def print_stack(f=None, limit=None, file=None):
    print_list(extract_stack(f, limit), file=file)


def clear_frames(tb):
    """Nothing to clear: a traceback here holds no frames' variables."""


class FrameSummary:
    """One frame of a traceback or stack: file, line, function, source."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = ({k: repr(v) for k, v in locals.items()}
                       if locals else None)

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _traceback._line(self.filename, self.lineno) or ''
        return self._line.strip()

    def _tuple(self):
        original = self._original_line
        return (self.filename, self.lineno, self.name, original or None,
                self.end_lineno, self.colno, self.end_colno)


class StackSummary(list):
    """A list of FrameSummary objects, printable as a traceback's frames."""

    @classmethod
    def _from_tuples(klass, tuples):
        result = klass()
        for (filename, lineno, name, line, end_lineno, colno,
             end_colno) in tuples:
            result.append(FrameSummary(
                filename, lineno, name, lookup_line=False,
                line=line if line is not None else '',
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        return result

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        return "".join(_traceback._format_frames([frame_summary._tuple()]))

    def format(self):
        return _traceback._format_frames([f._tuple() for f in self])


class TracebackException:
    """An exception ready to be printed, with its chain."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self._value = exc_value
        self._tb = exc_traceback
        self._limit = limit
        self.exc_type = exc_type
        self.stack = extract_tb(exc_traceback, limit=limit)
        self._str = _safe_str(exc_value)
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg

        def chained(e):
            if e is None or id(e) in _seen:
                return None
            return TracebackException(
                type(e), e, e.__traceback__, limit=limit,
                lookup_lines=lookup_lines, capture_locals=capture_locals,
                max_group_width=max_group_width,
                max_group_depth=max_group_depth, _seen=_seen)

        self.__cause__ = chained(getattr(exc_value, '__cause__', None))
        self.__context__ = chained(getattr(exc_value, '__context__', None))
        self.__suppress_context__ = (exc_value.__suppress_context__
                                     if exc_value is not None else False)
        if exc_value is not None and isinstance(exc_value, BaseExceptionGroup):
            self.exceptions = [chained(e) for e in exc_value.exceptions]
        else:
            self.exceptions = None

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        yield from _traceback._only(self._value)

    def format(self, *, chain=True):
        yield from _traceback._format(self._value, self._tb, self._limit,
                                      chain)

    def print(self, *, file=None, chain=True):
        _print(self.format(chain=chain), file)


def _safe_str(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'
