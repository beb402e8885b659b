# datetime for the aioscope interpreter: the results, reprs and messages
# of CPython 3.11's C module. The local time zone is UTC and the clock is
# the simulation's virtual one (seconds since 1970-01-01 00:00:00 UTC,
# starting at 0), so now(), today(), utcnow() and date.today() follow the
# program's virtual time, as under the corpus oracle.
import time as _time

MINYEAR = 1
MAXYEAR = 9999

# Day numbers ("ordinals") count 0001-01-01 as day 1.
_ORDINAL_1970 = 719163
_LAST_ORDINAL = 3652059
_US_PER_SECOND = 1000000
_US_PER_DAY = 86400000000
_MONTH_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DIGITS = '0123456789'


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_length(year, month):
    if month == 2 and _leap(year):
        return 29
    return _MONTH_LENGTHS[month - 1]


def _ordinal(year, month, day):
    return _time._days_from_civil(year, month, day) + _ORDINAL_1970


def _civil(ordinal):
    return _time._civil_from_days(ordinal - _ORDINAL_1970)


# Class methods: the built-in classmethod when the interpreter has it
# (subclasses then get instances of their own), otherwise a function bound
# to the class it is installed on.
try:
    _builtin_classmethod = classmethod
except NameError:
    _builtin_classmethod = None


def _bound_to(cls, function):
    def call(*args, **kwargs):
        return function(cls, *args, **kwargs)
    call.__name__ = function.__name__
    return call


def _install_class_methods(cls, functions):
    """Installs {name: function(cls, ...)} as class methods of cls."""
    for name, function in functions.items():
        if _builtin_classmethod is not None:
            setattr(cls, name, _builtin_classmethod(function))
        else:
            setattr(cls, name, _bound_to(cls, function))


# --- arguments --------------------------------------------------------------

_REQUIRED = object()


def _required(value, name, position):
    if value is _REQUIRED:
        raise TypeError("function missing required argument '%s' (pos %d)"
                        % (name, position))
    return value


def _as_int(value):
    """An integer argument as C's 'i' format reads it."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return index(value)


def _valid_date(year, month, day):
    if type(year) is not int or type(month) is not int \
            or type(day) is not int:
        if year is _REQUIRED or month is _REQUIRED or day is _REQUIRED:
            _required(year, 'year', 1)
            _required(month, 'month', 2)
            _required(day, 'day', 3)
        year, month, day = _as_int(year), _as_int(month), _as_int(day)
    if year < MINYEAR or year > MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if month < 1 or month > 12:
        raise ValueError('month must be in 1..12')
    if day < 1 or day > _month_length(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _valid_time(hour, minute, second, microsecond, tz, fold):
    if type(hour) is not int or type(minute) is not int \
            or type(second) is not int or type(microsecond) is not int:
        hour, minute = _as_int(hour), _as_int(minute)
        second, microsecond = _as_int(second), _as_int(microsecond)
    if hour < 0 or hour > 23:
        raise ValueError('hour must be in 0..23')
    if minute < 0 or minute > 59:
        raise ValueError('minute must be in 0..59')
    if second < 0 or second > 59:
        raise ValueError('second must be in 0..59')
    if microsecond < 0 or microsecond > 999999:
        raise ValueError('microsecond must be in 0..999999')
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo "
                        "subclass, not type '%s'" % type(tz).__name__)
    if fold != 0 and fold != 1:
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond


def _type_label(obj):
    """How CPython's C types name themselves in reprs: the module's own
    classes as datetime.X, a program's subclasses by their bare name."""
    cls = type(obj)
    if cls in _OWN_CLASSES:
        return 'datetime.' + cls.__name__
    return cls.__name__


def _cmp(a, b):
    return (a > b) - (a < b)


# --- rounding -----------------------------------------------------------------

def _float_parts(x):
    """(high, low) halves of a float's mantissa (Veltkamp's split)."""
    big = 134217729.0 * x
    high = big - (big - x)
    return high, x - high


def _exact_product(a, b):
    """a*b as an unevaluated sum p + e of two floats (Dekker)."""
    p = a * b
    ah, al = _float_parts(a)
    bh, bl = _float_parts(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _nearest_even(floor_value, above_half):
    """floor_value or floor_value + 1 by the sign of (x - floor - 1/2)."""
    if above_half > 0:
        return floor_value + 1
    if above_half < 0:
        return floor_value
    return floor_value + (floor_value % 2)


def _us_times_float(us, factor):
    """round-half-even(us * factor) for the exact product, as CPython's
    integer-ratio arithmetic gives it."""
    _float_ratio_check(factor)
    p, e = _exact_product(float(us), factor)
    _check_c_int(p)
    if -_FLOAT_EXACT < us < _FLOAT_EXACT and -_FLOAT_EXACT < p < _FLOAT_EXACT:
        low = p // 1.0
        return _nearest_even(int(low), (p - (low + 0.5)) + e)
    # A long duration: us = high * 2**32 + low, each product exact as two
    # floats, their sum rounded in integer and fractional parts.
    high, low = divmod(us, 4294967296)
    hp, he = _exact_product(float(high), factor)
    lp, le = _exact_product(float(low), factor)
    return _round_sum((hp * 4294967296.0, he * 4294967296.0, lp, le))


def _round_sum(parts):
    """The sum of floats rounded half to even to an int."""
    whole = 0
    fraction = 0.0
    for x in parts:
        floor = x // 1.0
        whole += int(floor)
        fraction += x - floor
    floor = fraction // 1.0
    return _nearest_even(whole + int(floor), fraction - floor - 0.5)


def _us_over_float(us, divisor):
    """round-half-even(us / divisor) for the exact quotient."""
    _float_ratio_check(divisor)
    if divisor == 0.0:
        raise ZeroDivisionError('integer division or modulo by zero')
    q = us / divisor
    _check_c_int(q)
    if divisor < 0:
        us, divisor = -us, -divisor
    low = q // 1.0
    if -_FLOAT_EXACT < us < _FLOAT_EXACT and -_FLOAT_EXACT < q < _FLOAT_EXACT:
        p, e = _exact_product(low + 0.5, divisor)
        return _nearest_even(int(low), (float(us) - p) - e)
    # A long duration: correct the float quotient by the remainder
    # us - quotient * divisor, summed from exact pieces.
    quotient = int(low)
    qh, ql = divmod(quotient, 4294967296)
    uh, ul = divmod(us, 4294967296)
    hp, he = _exact_product(float(qh), divisor)
    lp, le = _exact_product(float(ql), divisor)
    rest = _float_sum((float(uh) * 4294967296.0, -hp * 4294967296.0,
                       float(ul), -he * 4294967296.0, -lp, -le)) / divisor
    floor = rest // 1.0
    return _nearest_even(quotient + int(floor), rest - floor - 0.5)


def _float_sum(parts):
    """A sum of floats with the error of each addition carried along
    (Neumaier)."""
    total = 0.0
    carried = 0.0
    for x in parts:
        t = total + x
        if abs(total) >= abs(x):
            carried += (total - t) + x
        else:
            carried += (x - t) + total
        total = t
    return total + carried


# Below 2**52 in magnitude, floats hold every integer and half-integer,
# so the float paths above are exact.
_FLOAT_EXACT = 4503599627370496.0
_INF = float('inf')


def _check_c_int(us):
    # A scaled duration whose days do not fit a C int fails where CPython
    # converts them.
    if not -1.8554e20 < us < 1.8554e20:
        raise OverflowError('Python int too large to convert to C int')


def _float_ratio_check(x):
    if x != x:
        raise ValueError('cannot convert NaN to integer ratio')
    if x == _INF or x == -_INF:
        raise OverflowError('cannot convert Infinity to integer ratio')


def _trunc_float(x):
    """int(x) with CPython's errors for NaN and infinities."""
    if x != x:
        raise ValueError('cannot convert float NaN to integer')
    if x == _INF or x == -_INF:
        raise OverflowError('cannot convert float infinity to integer')
    return int(x)


# --- timedelta ---------------------------------------------------------------

# Constructor arguments in the order CPython adds them up, with each
# one's size in microseconds (days and weeks are kept in days).
_DELTA_UNITS = (('microseconds', 1, 0), ('milliseconds', 1000, 0),
                ('seconds', 1000000, 0), ('minutes', 60000000, 0),
                ('hours', 3600000000, 0), ('days', 86400000000, 1),
                ('weeks', 604800000000, 7))


class timedelta:
    """A duration. Invariant: days is an int with |days| <= 999999999,
    0 <= seconds < 86400 and 0 <= microseconds < 1000000; the value is
    their sum, whatever the constructor was given."""

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0,
                 minutes=0, hours=0, weeks=0):
        if (type(days) is int and type(seconds) is int
                and type(microseconds) is int and not milliseconds
                and not minutes and not hours and not weeks):
            _set_delta(self, days, seconds * _US_PER_SECOND + microseconds)
            return
        values = (microseconds, milliseconds, seconds, minutes, hours, days,
                  weeks)
        whole_days = 0
        us = 0
        leftover = 0.0
        for (name, size, day_size), value in zip(_DELTA_UNITS, values):
            if isinstance(value, int):
                if day_size:
                    whole_days += int(value) * day_size
                else:
                    us += int(value) * size
            elif isinstance(value, float):
                whole = _trunc_float(value)
                if day_size:
                    whole_days += whole * day_size
                else:
                    us += whole * size
                rest = float(size) * (value - whole)
                rest_whole = int(rest)
                us += rest_whole
                leftover += rest - rest_whole
            else:
                raise TypeError('unsupported type for timedelta %s '
                                'component: %s' % (name, type(value).__name__))
        if leftover:
            # The fractions left over are rounded once, to the nearest
            # microsecond, a tie to an even total.
            low = leftover // 1.0
            us = _nearest_even(us + int(low), leftover - low - 0.5)
        _set_delta(self, whole_days, us)

    def total_seconds(self):
        if -100000000 < self.days < 100000000:
            return _delta_us(self) / _US_PER_SECOND
        # Beyond 64-bit microseconds: as close as a float gets.
        return (self.days * 86400.0 + self.seconds) \
            + self.microseconds / 1e6

    def __repr__(self):
        parts = []
        if self.days:
            parts.append('days=%d' % self.days)
        if self.seconds:
            parts.append('seconds=%d' % self.seconds)
        if self.microseconds:
            parts.append('microseconds=%d' % self.microseconds)
        return '%s(%s)' % (_type_label(self), ', '.join(parts) or '0')

    def __str__(self):
        minutes, second = divmod(self.seconds, 60)
        hour, minute = divmod(minutes, 60)
        text = '%d:%02d:%02d' % (hour, minute, second)
        if self.microseconds:
            text += '.%06d' % self.microseconds
        if self.days:
            unit = 'day' if self.days in (1, -1) else 'days'
            text = '%d %s, %s' % (self.days, unit, text)
        return text

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError('format() argument 2 must be str, not '
                            + type(spec).__name__)
        if spec:
            raise TypeError('unsupported format string passed to '
                            'datetime.timedelta.__format__')
        return str(self)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _delta(self.days + other.days,
                          (self.seconds + other.seconds) * _US_PER_SECOND
                          + self.microseconds + other.microseconds)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _delta(self.days - other.days,
                          (self.seconds - other.seconds) * _US_PER_SECOND
                          + self.microseconds - other.microseconds)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return other.__sub__(self)
        return NotImplemented

    def __neg__(self):
        return _delta(-self.days,
                      -self.seconds * _US_PER_SECOND - self.microseconds)

    def __pos__(self):
        return _delta(self.days, self.seconds * _US_PER_SECOND
                      + self.microseconds)

    def __abs__(self):
        return self.__neg__() if self.days < 0 else self.__pos__()

    def __mul__(self, other):
        if isinstance(other, int):
            return _delta(self.days * other,
                          (self.seconds * _US_PER_SECOND + self.microseconds)
                          * other)
        if isinstance(other, float):
            return _delta(0, _us_times_float(_delta_us(self), other))
        return NotImplemented

    def __rmul__(self, other):
        return self.__mul__(other)

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            divisor = _delta_us(other)
            if divisor == 0:
                raise ZeroDivisionError('division by zero')
            return _delta_us(self) / divisor
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return _delta(0, _int_divide_even(_delta_us(self), int(other)))
        if isinstance(other, float):
            return _delta(0, _us_over_float(_delta_us(self), other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            divisor = _delta_us(other)
            if divisor == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return _delta_us(self) // divisor
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return _delta(0, _delta_us(self) // int(other))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            divisor = _delta_us(other)
            if divisor == 0:
                raise ZeroDivisionError('integer modulo by zero')
            return _delta(0, _delta_us(self) % divisor)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            divisor = _delta_us(other)
            if divisor == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            q, r = divmod(_delta_us(self), divisor)
            return q, _delta(0, r)
        return NotImplemented

    def _key(self):
        return (self.days, self.seconds, self.microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._key() != other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return bool(self.days or self.seconds or self.microseconds)

    def __reduce__(self):
        return (type(self), self._key())


def _set_delta(delta, days, us):
    extra_days, us = divmod(us, _US_PER_DAY)
    days += extra_days
    if days > 999999999 or days < -999999999:
        raise OverflowError('days=%d; must have magnitude <= 999999999'
                            % days)
    delta.days = days
    delta.seconds, delta.microseconds = divmod(us, _US_PER_SECOND)


def _delta(days, us):
    """A timedelta of days plus us microseconds (ints)."""
    return timedelta(days, 0, us)


def _delta_us(delta):
    return (delta.days * 86400 + delta.seconds) * _US_PER_SECOND \
        + delta.microseconds


def _int_divide_even(a, b):
    """a / b rounded half to even, in integers."""
    q, r = divmod(a, b)
    twice = 2 * r
    if b < 0:
        twice, b = -twice, -b
    if twice > b or (twice == b and q % 2 == 1):
        q += 1
    return q


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(999999999, 86399, 999999)
timedelta.resolution = timedelta(0, 0, 1)


# --- text helpers --------------------------------------------------------------

def _offset_text(offset, colon=True):
    """+HH:MM[:SS[.ffffff]] of a UTC offset ('' for None)."""
    if offset is None:
        return ''
    sign = '+'
    if offset.days < 0:
        sign = '-'
        offset = -offset
    minutes, second = divmod(offset.days * 86400 + offset.seconds, 60)
    hour, minute = divmod(minutes, 60)
    sep = ':' if colon else ''
    text = '%s%02d%s%02d' % (sign, hour, sep, minute)
    if second or offset.microseconds:
        text += '%s%02d' % (sep, second)
        if offset.microseconds:
            text += '.%06d' % offset.microseconds
    return text


_TIMESPECS = ('auto', 'hours', 'minutes', 'seconds', 'milliseconds',
              'microseconds')


def _clock_text(hour, minute, second, microsecond, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if microsecond else 'seconds'
    if timespec == 'hours':
        return '%02d' % hour
    if timespec == 'minutes':
        return '%02d:%02d' % (hour, minute)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hour, minute, second)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hour, minute, second,
                                        microsecond // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hour, minute, second, microsecond)
    raise ValueError('Unknown timespec value')


def _strftime(obj, fmt, fields):
    """strftime with %z, %Z and %f taken from the object and the rest left
    to time.strftime over `fields` (a 9-tuple)."""
    if not isinstance(fmt, str):
        raise TypeError('strftime() argument 1 must be str, not '
                        + type(fmt).__name__)
    if '%' not in fmt:
        return _time.strftime(fmt, fields)
    pieces = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != '%' or i + 1 >= n:
            pieces.append(c)
            i += 1
            continue
        code = fmt[i + 1]
        i += 2
        if code == 'z':
            offset = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            pieces.append(_offset_text(offset, False))
        elif code == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            if name is not None:
                pieces.append(name.replace('%', '%%'))
        elif code == 'f':
            pieces.append('%06d' % getattr(obj, 'microsecond', 0))
        else:
            pieces.append('%' + code)
    return _time.strftime(''.join(pieces), fields)


def _format_with(obj, spec):
    if not isinstance(spec, str):
        raise TypeError('format() argument 2 must be str, not '
                        + type(spec).__name__)
    if spec:
        return obj.strftime(spec)
    return str(obj)


def _weekday_abbrev(ordinal):
    return _time._DAY_NAMES[(ordinal + 6) % 7][:3]


def _month_abbrev(month):
    return _time._MONTH_NAMES[month - 1][:3]


# --- ISO 8601 ---------------------------------------------------------------------

def _iso_week1_start(year):
    """The ordinal of the Monday of ISO week 1 (the week with Jan 4)."""
    jan4 = _ordinal(year, 1, 4)
    return jan4 - (jan4 + 6) % 7


def _iso_calendar(ordinal, year):
    start = _iso_week1_start(year + 1)
    if ordinal >= start:
        year += 1
    else:
        start = _iso_week1_start(year)
        if ordinal < start:
            year -= 1
            start = _iso_week1_start(year)
    return year, (ordinal - start) // 7 + 1, (ordinal + 6) % 7 + 1


def _from_iso_week(year, week, day):
    """(year, month, day) of an ISO week date, with CPython's errors."""
    if year < MINYEAR or year > MAXYEAR:
        raise ValueError('Year is out of range: %d' % year)
    has_53 = _iso_week1_start(year + 1) - _iso_week1_start(year) == 371
    if week < 1 or week > (53 if has_53 else 52):
        raise ValueError('Invalid week: %d' % week)
    if day < 1 or day > 7:
        raise ValueError('Invalid day: %d (range is [1, 7])' % day)
    return _civil(_iso_week1_start(year) + (week - 1) * 7 + day - 1)


def _digits(s, start, count):
    """The int of s[start:start+count] if it is exactly count ASCII digits."""
    piece = s[start:start + count]
    if len(piece) != count:
        return None
    for c in piece:
        if c not in _DIGITS:
            return None
    return int(piece)


class _IsoSyntax(Exception):
    """A string that is not ISO 8601 as fromisoformat reads it."""


def _iso_date_length(s):
    """How many characters the date takes at the start of s."""
    if s[4:5] == '-':
        if s[5:6] == 'W':
            return 10 if s[8:9] == '-' else 8
        return 10
    if s[4:5] == 'W':
        # YYYYWwwD unless the digit after the week starts a time.
        if s[7:8] and s[7] in _DIGITS and not (s[8:9] and s[8] in _DIGITS):
            return 8
        return 7
    return 8


def _iso_date(s):
    """(year, month, day) of a whole ISO date string."""
    year = _digits(s, 0, 4)
    if year is None:
        raise _IsoSyntax()
    extended = s[4:5] == '-'
    at = 5 if extended else 4
    if s[at:at + 1] == 'W':
        week = _digits(s, at + 1, 2)
        at += 3
        day = 1
        if at < len(s):
            if extended:
                if s[at] != '-':
                    raise _IsoSyntax()
                at += 1
            day = _digits(s, at, 1)
            at += 1
        if week is None or day is None or at != len(s):
            raise _IsoSyntax()
        try:
            return _from_iso_week(year, week, day)
        except ValueError:
            raise _IsoSyntax()
    month = _digits(s, at, 2)
    at += 2
    if extended:
        if s[at:at + 1] != '-':
            raise _IsoSyntax()
        at += 1
    day = _digits(s, at, 2)
    if month is None or day is None or at + 2 != len(s):
        raise _IsoSyntax()
    return year, month, day


def _iso_clock(s):
    """[hour, minute, second, microsecond] of HH[:MM[:SS]][.f+] (colons
    everywhere or nowhere; a fraction may end any of them)."""
    fields = [0, 0, 0, 0]
    at = 0
    colons = None
    for i in range(3):
        if i:
            if at >= len(s) or s[at] in '.,':
                break
            if colons is None:
                colons = s[at] == ':'
            if colons:
                if s[at] != ':':
                    raise _IsoSyntax()
                at += 1
        value = _digits(s, at, 2)
        if value is None:
            raise _IsoSyntax()
        fields[i] = value
        at += 2
    if at < len(s):
        if s[at] not in '.,':
            raise _IsoSyntax()
        digits = s[at + 1:]
        if not digits or _digits(digits, 0, len(digits)) is None:
            raise _IsoSyntax()
        fields[3] = int((digits + '00000')[:6])
    return fields


def _iso_time(s):
    """(hour, minute, second, microsecond, tzinfo) of an ISO time."""
    cut = len(s)
    for i in range(len(s)):
        if s[i] in '+-Z':
            cut = i
            break
    fields = _iso_clock(s[:cut])
    tz = None
    if cut < len(s):
        if s[cut] == 'Z':
            if cut + 1 != len(s):
                raise _IsoSyntax()
            tz = timezone.utc
        else:
            hour, minute, second, microsecond = _iso_clock(s[cut + 1:])
            if hour == 0 and minute == 0 and second == 0:
                tz = timezone.utc
            else:
                offset = timedelta(0, hour * 3600 + minute * 60 + second,
                                   microsecond)
                tz = timezone(-offset if s[cut] == '-' else offset)
    fields.append(tz)
    return fields


# --- date ------------------------------------------------------------------------

class date:
    """A day of the proleptic Gregorian calendar. Invariant: year, month
    and day are ints naming a real day between 0001-01-01 and
    9999-12-31."""

    def __init__(self, year=_REQUIRED, month=_REQUIRED, day=_REQUIRED):
        self.year, self.month, self.day = _valid_date(year, month, day)

    def toordinal(self):
        return _ordinal(self.year, self.month, self.day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return (self.toordinal() + 6) % 7 + 1

    def isocalendar(self):
        return _IsoCalendarDate(_iso_calendar(self.toordinal(), self.year))

    def isoformat(self):
        return '%04d-%02d-%02d' % (self.year, self.month, self.day)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return '%s(%d, %d, %d)' % (_type_label(self), self.year, self.month,
                                   self.day)

    def ctime(self):
        return '%s %s %2d 00:00:00 %04d' % (
            _weekday_abbrev(self.toordinal()), _month_abbrev(self.month),
            self.day, self.year)

    def timetuple(self):
        ordinal = self.toordinal()
        return _time.struct_time(
            (self.year, self.month, self.day, 0, 0, 0, (ordinal + 6) % 7,
             ordinal - _ordinal(self.year, 1, 1) + 1, -1))

    def strftime(self, fmt):
        return _strftime(self, fmt, self.timetuple())

    def __format__(self, spec):
        return _format_with(self, spec)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self.year if year is None else year,
                          self.month if month is None else month,
                          self.day if day is None else day)

    def _key(self):
        return (self.year, self.month, self.day)

    def _compare(self, other):
        """-1/0/1 against another date that is not a datetime."""
        return _cmp(self._key(), other._key())

    def __eq__(self, other):
        if isinstance(other, datetime):
            return other.__eq__(self)
        if isinstance(other, date):
            return self._compare(other) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, datetime):
            return other.__ne__(self)
        if isinstance(other, date):
            return self._compare(other) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            return other.__gt__(self)
        if isinstance(other, date):
            return self._compare(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return other.__ge__(self)
        if isinstance(other, date):
            return self._compare(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            return other.__lt__(self)
        if isinstance(other, date):
            return self._compare(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            return other.__le__(self)
        if isinstance(other, date):
            return self._compare(other) >= 0
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            ordinal = self.toordinal() + other.days
            if ordinal < 1 or ordinal > _LAST_ORDINAL:
                raise OverflowError('date value out of range')
            return type(self)(*_civil(ordinal))
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(timedelta(-other.days))
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return (type(self), self._key())


def _date_today(cls):
    return cls.fromtimestamp(_time.time())


def _date_fromtimestamp(cls, t):
    fields = _time.localtime(t)
    return cls(fields[0], fields[1], fields[2])


def _fromordinal(cls, n):
    n = _as_int(n)
    if n < 1:
        raise ValueError('ordinal must be >= 1')
    if n > _LAST_ORDINAL:
        raise ValueError('year %d is out of range' % _civil(n)[0])
    return cls(*_civil(n))


def _date_fromisoformat(cls, text):
    if not isinstance(text, str):
        raise TypeError('fromisoformat: argument must be str')
    if len(text) not in (7, 8, 10):
        raise ValueError('Invalid isoformat string: %r' % (text,))
    try:
        fields = _iso_date(text)
    except _IsoSyntax:
        raise ValueError('Invalid isoformat string: %r' % (text,)) from None
    return cls(*fields)


def _fromisocalendar(cls, year, week, day):
    return cls(*_from_iso_week(_as_int(year), _as_int(week), _as_int(day)))


_install_class_methods(date, {
    'today': _date_today, 'fromtimestamp': _date_fromtimestamp,
    'fromordinal': _fromordinal, 'fromisoformat': _date_fromisoformat,
    'fromisocalendar': _fromisocalendar})

date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(1)

_IsoCalendarDate = _time._structseq('datetime', 'IsoCalendarDate',
                                    ('year', 'week', 'weekday'), 3)


# --- tzinfo and timezone -----------------------------------------------------------

class tzinfo:
    """The abstract base class of time zones."""

    def tzname(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError(
            'a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError('fromutc: non-None utcoffset() result required')
        saving = dt.dst()
        if saving is None:
            raise ValueError('fromutc: non-None dst() result required')
        standard = offset - saving
        if standard:
            dt = dt + standard
            saving = dt.dst()
            if saving is None:
                raise ValueError('fromutc: tz.dst() gave inconsistent '
                                 'results; cannot convert')
        return dt + saving


def _offset_checked(method, offset):
    """A tzinfo method's answer, as CPython validates it."""
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (method, type(offset).__name__))
    if not _DAY_BEFORE < offset < _DAY_AFTER:
        raise ValueError('offset must be a timedelta strictly between '
                         '-timedelta(hours=24) and timedelta(hours=24).')
    return offset


_DAY_AFTER = timedelta(1)
_DAY_BEFORE = timedelta(-1)


def _zone_argument(method, dt):
    if dt is not None and not isinstance(dt, datetime):
        raise TypeError('%s(dt) argument must be a datetime instance or '
                        'None, not %s' % (method, type(dt).__name__))


class timezone(tzinfo):
    """A fixed offset from UTC, optionally named. Invariant: the offset is
    strictly within a day either way and the name is a str or None."""

    def __init__(self, offset=_REQUIRED, name=None):
        offset = _required(offset, 'offset', 1)
        if not isinstance(offset, timedelta):
            raise TypeError('timezone() argument 1 must be '
                            'datetime.timedelta, not '
                            + type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError('timezone() argument 2 must be str, not '
                            + type(name).__name__)
        if not _DAY_BEFORE < offset < _DAY_AFTER:
            raise ValueError('offset must be a timedelta strictly between '
                             '-timedelta(hours=24) and timedelta(hours=24), '
                             'not %r.' % (offset,))
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        _zone_argument('utcoffset', dt)
        return self._offset

    def dst(self, dt):
        _zone_argument('dst', dt)
        return None

    def tzname(self, dt):
        _zone_argument('tzname', dt)
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _offset_text(self._offset)

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset

    def __repr__(self):
        if self._name is None:
            if not self._offset:
                return 'datetime.timezone.utc'
            return 'datetime.timezone(%r)' % (self._offset,)
        return 'datetime.timezone(%r, %r)' % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timezone):
            return self._offset != other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(timedelta(minutes=-1439))
timezone.max = timezone(timedelta(minutes=1439))
UTC = timezone.utc
# The local zone as astimezone() names it (TZ=UTC).
_LOCAL_ZONE = timezone(timedelta(0), 'UTC')


def _zone_offset(tz, method, arg):
    if tz is None:
        return None
    return _offset_checked(method, getattr(tz, method)(arg))


# --- time ------------------------------------------------------------------------

class time:
    """A time of day. Invariant: the fields are ints in range, tzinfo is
    None or a tzinfo, fold is 0 or 1."""

    def __init__(self, hour=0, minute=0, second=0, microsecond=0,
                 tzinfo=None, *, fold=0):
        (self.hour, self.minute, self.second,
         self.microsecond) = _valid_time(hour, minute, second, microsecond,
                                         tzinfo, fold)
        self.tzinfo = tzinfo
        self.fold = fold

    def utcoffset(self):
        return _zone_offset(self.tzinfo, 'utcoffset', None)

    def dst(self):
        return _zone_offset(self.tzinfo, 'dst', None)

    def tzname(self):
        if self.tzinfo is None:
            return None
        return self.tzinfo.tzname(None)

    def isoformat(self, timespec='auto'):
        return (_clock_text(self.hour, self.minute, self.second,
                            self.microsecond, timespec)
                + _offset_text(self.utcoffset()))

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        args = '%d, %d' % (self.hour, self.minute)
        if self.second or self.microsecond:
            args += ', %d' % self.second
        if self.microsecond:
            args += ', %d' % self.microsecond
        if self.tzinfo is not None:
            args += ', tzinfo=%r' % (self.tzinfo,)
        if self.fold:
            args += ', fold=1'
        return '%s(%s)' % (_type_label(self), args)

    def strftime(self, fmt):
        return _strftime(self, fmt, (1900, 1, 1, self.hour, self.minute,
                                     self.second, 0, 1, -1))

    def __format__(self, spec):
        return _format_with(self, spec)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(
            self.hour if hour is None else hour,
            self.minute if minute is None else minute,
            self.second if second is None else second,
            self.microsecond if microsecond is None else microsecond,
            self.tzinfo if tzinfo is True else tzinfo,
            fold=self.fold if fold is None else fold)

    def _clock(self):
        return (self.hour, self.minute, self.second, self.microsecond)

    def _compare(self, other, equality):
        """-1/0/1, or None for a naive and an aware time compared for
        equality."""
        if self.tzinfo is other.tzinfo:
            return _cmp(self._clock(), other._clock())
        mine, theirs = self.utcoffset(), other.utcoffset()
        if mine == theirs:
            return _cmp(self._clock(), other._clock())
        if mine is None or theirs is None:
            if equality:
                return None
            raise TypeError("can't compare offset-naive and offset-aware "
                            "times")
        return _cmp(_time_utc_us(self, mine), _time_utc_us(other, theirs))

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) >= 0
        return NotImplemented

    def __hash__(self):
        offset = self.utcoffset()
        if offset is None:
            return hash(self._clock())
        return hash(_time_utc_us(self, offset))

    def __bool__(self):
        return True

    def __reduce__(self):
        return (type(self), self._clock() + (self.tzinfo,))


def _time_utc_us(t, offset):
    return (((t.hour * 60 + t.minute) * 60 + t.second) * _US_PER_SECOND
            + t.microsecond - _delta_us(offset))


def _time_fromisoformat(cls, text):
    if not isinstance(text, str):
        raise TypeError('fromisoformat: argument must be str')
    body = text[1:] if text[:1] == 'T' else text
    try:
        fields = _iso_time(body)
    except _IsoSyntax:
        raise ValueError('Invalid isoformat string: %r' % (text,)) from None
    return cls(*fields)


_install_class_methods(time, {'fromisoformat': _time_fromisoformat})

time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(0, 0, 1)


# --- datetime ----------------------------------------------------------------------

class datetime(date):
    """A day and a time of day. Invariant: date's and time's."""

    def __init__(self, year=_REQUIRED, month=_REQUIRED, day=_REQUIRED,
                 hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *,
                 fold=0):
        self.year, self.month, self.day = _valid_date(year, month, day)
        (self.hour, self.minute, self.second,
         self.microsecond) = _valid_time(hour, minute, second, microsecond,
                                         tzinfo, fold)
        self.tzinfo = tzinfo
        self.fold = fold

    def date(self):
        return date(self.year, self.month, self.day)

    def time(self):
        return time(self.hour, self.minute, self.second, self.microsecond,
                    fold=self.fold)

    def timetz(self):
        return time(self.hour, self.minute, self.second, self.microsecond,
                    self.tzinfo, fold=self.fold)

    def utcoffset(self):
        return _zone_offset(self.tzinfo, 'utcoffset', self)

    def dst(self):
        return _zone_offset(self.tzinfo, 'dst', self)

    def tzname(self):
        if self.tzinfo is None:
            return None
        return self.tzinfo.tzname(self)

    def _day_us(self):
        return ((self.hour * 60 + self.minute) * 60 + self.second) \
            * _US_PER_SECOND + self.microsecond

    def isoformat(self, sep='T', timespec='auto'):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError('isoformat() argument 1 must be a unicode '
                            'character, not ' + type(sep).__name__)
        return ('%04d-%02d-%02d%s' % (self.year, self.month, self.day, sep)
                + _clock_text(self.hour, self.minute, self.second,
                              self.microsecond, timespec)
                + _offset_text(self.utcoffset()))

    def __str__(self):
        return self.isoformat(' ')

    def __repr__(self):
        args = '%d, %d, %d, %d, %d' % (self.year, self.month, self.day,
                                       self.hour, self.minute)
        if self.second or self.microsecond:
            args += ', %d' % self.second
        if self.microsecond:
            args += ', %d' % self.microsecond
        if self.tzinfo is not None:
            args += ', tzinfo=%r' % (self.tzinfo,)
        if self.fold:
            args += ', fold=1'
        return '%s(%s)' % (_type_label(self), args)

    def ctime(self):
        return '%s %s %2d %02d:%02d:%02d %04d' % (
            _weekday_abbrev(self.toordinal()), _month_abbrev(self.month),
            self.day, self.hour, self.minute, self.second, self.year)

    def timetuple(self):
        saving = self.dst()
        if saving is None:
            flag = -1
        else:
            flag = 1 if saving else 0
        return self._fields(flag)

    def _fields(self, isdst):
        ordinal = self.toordinal()
        return _time.struct_time(
            (self.year, self.month, self.day, self.hour, self.minute,
             self.second, (ordinal + 6) % 7,
             ordinal - _ordinal(self.year, 1, 1) + 1, isdst))

    def utctimetuple(self):
        offset = self.utcoffset()
        moment = self - offset if offset else self
        return moment._fields(0)

    def timestamp(self):
        if self.tzinfo is None:
            # Local time is UTC: whole seconds, then the fraction, as
            # CPython adds them.
            seconds = (self.toordinal() - _ORDINAL_1970) * 86400 + \
                (self.hour * 60 + self.minute) * 60 + self.second
            return seconds + self.microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def strftime(self, fmt):
        return _strftime(self, fmt, self.timetuple())

    def replace(self, year=None, month=None, day=None, hour=None,
                minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        return type(self)(
            self.year if year is None else year,
            self.month if month is None else month,
            self.day if day is None else day,
            self.hour if hour is None else hour,
            self.minute if minute is None else minute,
            self.second if second is None else second,
            self.microsecond if microsecond is None else microsecond,
            self.tzinfo if tzinfo is True else tzinfo,
            fold=self.fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = _LOCAL_ZONE
        elif not isinstance(tz, tzinfo):
            raise TypeError('tzinfo argument must be None or of a tzinfo '
                            "subclass, not type '%s'" % type(tz).__name__)
        if self.tzinfo is tz:
            return self
        offset = self.utcoffset()
        if offset is None:
            offset = timedelta(0)
        utc = self - offset
        return tz.fromutc(type(self)(utc.year, utc.month, utc.day, utc.hour,
                                     utc.minute, utc.second, utc.microsecond,
                                     tz))

    def _compare(self, other, equality):
        """-1/0/1 against another datetime, or None for a naive and an
        aware one compared for equality."""
        if self.tzinfo is not other.tzinfo:
            mine, theirs = self.utcoffset(), other.utcoffset()
            if mine != theirs:
                if mine is None or theirs is None:
                    if equality:
                        return None
                    raise TypeError("can't compare offset-naive and "
                                    "offset-aware datetimes")
                diff = self - other
                return -1 if diff.days < 0 else (1 if diff else 0)
        return _cmp((self.toordinal(), self._day_us()),
                    (other.toordinal(), other._day_us()))

    def _against(self, other, equality):
        """The comparison with any object: a result, False/True for a
        plain date under ==/!=, or NotImplemented."""
        if isinstance(other, datetime):
            return self._compare(other, equality)
        if isinstance(other, date):
            if equality:
                return None
            raise TypeError("can't compare %s to %s"
                            % (_type_label(self), _type_label(other)))
        return NotImplemented

    def __eq__(self, other):
        c = self._against(other, True)
        return c if c is NotImplemented else c == 0

    def __ne__(self, other):
        c = self._against(other, True)
        return c if c is NotImplemented else c != 0

    def __lt__(self, other):
        c = self._against(other, False)
        return c if c is NotImplemented else c < 0

    def __le__(self, other):
        c = self._against(other, False)
        return c if c is NotImplemented else c <= 0

    def __gt__(self, other):
        c = self._against(other, False)
        return c if c is NotImplemented else c > 0

    def __ge__(self, other):
        c = self._against(other, False)
        return c if c is NotImplemented else c >= 0

    def __hash__(self):
        offset = self.utcoffset() if self.fold == 0 else \
            self.replace(fold=0).utcoffset()
        if offset is None:
            return hash((self.toordinal(), self._day_us()))
        moment = timedelta(self.toordinal(), 0, self._day_us()) - offset
        return hash(moment)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        extra_days, us = divmod(self._day_us() + other.seconds
                                * _US_PER_SECOND + other.microseconds,
                                _US_PER_DAY)
        ordinal = self.toordinal() + other.days + extra_days
        if ordinal < 1 or ordinal > _LAST_ORDINAL:
            raise OverflowError('date value out of range')
        year, month, day = _civil(ordinal)
        seconds, microsecond = divmod(us, _US_PER_SECOND)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return type(self)(year, month, day, hour, minute, second,
                          microsecond, self.tzinfo)

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(-other)
        if not isinstance(other, datetime):
            return NotImplemented
        naive = timedelta(self.toordinal() - other.toordinal(), 0,
                          self._day_us() - other._day_us())
        if self.tzinfo is other.tzinfo:
            return naive
        mine, theirs = self.utcoffset(), other.utcoffset()
        if mine == theirs:
            return naive
        if mine is None or theirs is None:
            raise TypeError("can't subtract offset-naive and offset-aware "
                            "datetimes")
        return naive + theirs - mine

    def __reduce__(self):
        return (type(self), (self.year, self.month, self.day, self.hour,
                             self.minute, self.second, self.microsecond,
                             self.tzinfo))


def _split_timestamp(t):
    """(whole seconds, microseconds) of a timestamp, the microseconds
    rounded half to even as CPython rounds them."""
    if isinstance(t, int):
        return int(t), 0
    if not isinstance(t, float):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(t).__name__)
    if t != t:
        raise ValueError('Invalid value NaN (not a number)')
    if t >= 9.2e18 or t <= -9.2e18:
        raise OverflowError('timestamp out of range for platform time_t')
    whole = int(t)
    us = round((t - whole) * 1e6)
    if us >= _US_PER_SECOND:
        whole += 1
        us -= _US_PER_SECOND
    elif us < 0:
        whole -= 1
        us += _US_PER_SECOND
    return whole, us


def _at_timestamp(cls, t, tz):
    """The UTC (= local) wall time of a timestamp, with tzinfo tz."""
    seconds, us = _split_timestamp(t)
    days, rest = divmod(seconds, 86400)
    ordinal = days + _ORDINAL_1970
    if ordinal < 1 or ordinal > _LAST_ORDINAL:
        raise ValueError('year %d is out of range'
                         % _time._civil_from_days(days)[0])
    year, month, day = _civil(ordinal)
    return cls(year, month, day, rest // 3600, rest // 60 % 60, rest % 60,
               us, tz)


def _fromtimestamp(cls, t, tz=None):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo "
                        "subclass, not type '%s'" % type(tz).__name__)
    moment = _at_timestamp(cls, t, tz)
    if tz is not None:
        moment = tz.fromutc(moment)
    return moment


def _utcfromtimestamp(cls, t):
    return _at_timestamp(cls, t, None)


def _now(cls, tz=None):
    return _fromtimestamp(cls, _time.time(), tz)


def _utcnow(cls):
    return _at_timestamp(cls, _time.time(), None)


def _datetime_today(cls):
    return _fromtimestamp(cls, _time.time(), None)


def _combine(cls, date, time, tzinfo=True):
    if not isinstance(date, _Date):
        raise TypeError('combine() argument 1 must be datetime.date, not '
                        + type(date).__name__)
    if not isinstance(time, _Time):
        raise TypeError('combine() argument 2 must be datetime.time, not '
                        + type(time).__name__)
    return cls(date.year, date.month, date.day, time.hour, time.minute,
               time.second, time.microsecond,
               time.tzinfo if tzinfo is True else tzinfo, fold=time.fold)


def _datetime_fromisoformat(cls, text):
    if not isinstance(text, str):
        raise TypeError('fromisoformat: argument must be str')
    if len(text) < 7:
        raise ValueError('Invalid isoformat string: %r' % (text,))
    try:
        length = _iso_date_length(text)
        fields = list(_iso_date(text[:length]))
        if len(text) > length:
            fields.extend(_iso_time(text[length + 1:]))
    except _IsoSyntax:
        raise ValueError('Invalid isoformat string: %r' % (text,)) from None
    return cls(*fields)


def _strptime(cls, text, format):
    (year, month, day, hour, minute, second, weekday, julian, tz, tzname,
     gmtoff, fraction, gmtoff_fraction) = _time._parse(text, format)
    zone = None
    if gmtoff is not None:
        offset = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        zone = timezone(offset, tzname) if tzname else timezone(offset)
    return cls(year, month, day, hour, minute, second, fraction, zone)


_install_class_methods(datetime, {
    'fromordinal': _fromordinal, 'fromisocalendar': _fromisocalendar,
    'now': _now, 'utcnow': _utcnow, 'today': _datetime_today,
    'fromtimestamp': _fromtimestamp, 'utcfromtimestamp': _utcfromtimestamp,
    'combine': _combine, 'fromisoformat': _datetime_fromisoformat,
    'strptime': _strptime})

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(0, 0, 1)

_Date = date
_Time = time
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_OWN_CLASSES = (timedelta, date, time, datetime, timezone, tzinfo)

__all__ = ('date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo',
           'MINYEAR', 'MAXYEAR', 'UTC')
