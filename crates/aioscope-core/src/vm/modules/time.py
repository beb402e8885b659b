# time for the aioscope interpreter.
#
# Every clock reads the simulation's virtual clock (seconds since
# 1970-01-01 00:00:00 UTC, starting at 0.0), and the local time zone is
# UTC, as under the corpus oracle (TZ=UTC). Formatting follows glibc's
# strftime in the C locale, parsing follows CPython's _strptime.
from _time import (time, time_ns, monotonic, monotonic_ns, perf_counter,
                   perf_counter_ns, process_time, process_time_ns,
                   thread_time, thread_time_ns, sleep, _structseq)

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

CLOCK_REALTIME = 0
CLOCK_MONOTONIC = 1
CLOCK_PROCESS_CPUTIME_ID = 2
CLOCK_THREAD_CPUTIME_ID = 3

struct_time = _structseq(
    'time', 'struct_time',
    ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
     'tm_wday', 'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff'), 9)

_DAY_NAMES = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
              'Saturday', 'Sunday')
_MONTH_NAMES = ('January', 'February', 'March', 'April', 'May', 'June',
                'July', 'August', 'September', 'October', 'November',
                'December')


def tzset():
    pass


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_from_civil(y, m, d):
    """Days from 1970-01-01 to the proleptic Gregorian date y-m-d."""
    if m <= 2:
        y -= 1
    era = y // 400
    yoe = y - era * 400
    mp = m - 3 if m > 2 else m + 9
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    """(year, month, day) of the day z days after 1970-01-01."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    y = yoe + era * 400
    if m <= 2:
        y += 1
    return y, m, d


def _seconds(secs):
    """The whole seconds of a time argument, as CPython rounds them."""
    if secs is None:
        secs = time()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if secs >= 9.2e18 or secs <= -9.2e18:
            raise OverflowError('timestamp out of range for platform time_t')
        return int(secs // 1)
    if isinstance(secs, int):
        return int(secs)
    raise TypeError("'%s' object cannot be interpreted as an integer"
                    % type(secs).__name__)


def _broken_down(secs, zone):
    days = secs // 86400
    rest = secs - days * 86400
    y, m, d = _civil_from_days(days)
    wday = (days + 3) % 7
    yday = days - _days_from_civil(y, 1, 1) + 1
    return struct_time((y, m, d, rest // 3600, rest // 60 % 60, rest % 60,
                        wday, yday, 0, zone, 0))


def gmtime(secs=None):
    return _broken_down(_seconds(secs), 'GMT')


def localtime(secs=None):
    return _broken_down(_seconds(secs), 'UTC')


def _fields(t, who):
    """The nine fields of a time tuple argument, with its zone and offset."""
    if isinstance(t, struct_time):
        return list(t), t.tm_zone, t.tm_gmtoff
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError(who + '(): illegal time tuple argument')
    out = []
    for v in t:
        if isinstance(v, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        if not isinstance(v, int):
            raise TypeError("an integer is required (got type %s)"
                            % type(v).__name__)
        out.append(v)
    return out, None, None


def _c_mod(a, b):
    # C's %, which truncates toward zero.
    r = abs(a) % b
    return -r if a < 0 else r


def _checked(t, who):
    """C struct tm fields (tm_mon 0-11, tm_wday 0=Sunday, tm_yday 0-based)
    of a time tuple, checked and adjusted as CPython's strftime does."""
    f, zone, gmtoff = _fields(t, who)
    year, mon, mday, hour, minute, sec, wday, yday, isdst = f
    mon -= 1
    if mon == -1:
        mon = 0
    elif mon < 0 or mon > 11:
        raise ValueError('month out of range')
    if mday == 0:
        mday = 1
    elif mday < 0 or mday > 31:
        raise ValueError('day of month out of range')
    if hour < 0 or hour > 23:
        raise ValueError('hour out of range')
    if minute < 0 or minute > 59:
        raise ValueError('minute out of range')
    if sec < 0 or sec > 61:
        raise ValueError('seconds out of range')
    wday = _c_mod(wday + 1, 7)
    if wday < 0:
        raise ValueError('day of week out of range')
    yday -= 1
    if yday == -1:
        yday = 0
    elif yday < 0 or yday > 365:
        raise ValueError('day of year out of range')
    if isdst < -1:
        isdst = -1
    elif isdst > 1:
        isdst = 1
    return [year, mon, mday, hour, minute, sec, wday, yday, isdst, zone, gmtoff]


def _iso_week_days(yday, wday):
    # Days since the Monday of ISO week 1 (negative: the previous year's).
    return yday - (yday - wday + 4 + 378) % 7 + 3


def _iso_year_week(year, yday, wday):
    days = _iso_week_days(yday, wday)
    if days < 0:
        year -= 1
        days = _iso_week_days(yday + 365 + _is_leap(year), wday)
    else:
        d = _iso_week_days(yday - (365 + _is_leap(year)), wday)
        if d >= 0:
            year += 1
            days = d
    return year, days // 7 + 1


def _pad(text, width, fill):
    if len(text) < width:
        return fill * (width - len(text)) + text
    return text


def _number(value, width, fill, flag, explicit):
    text = str(abs(value))
    if flag == '-':
        width = 0
    elif explicit is not None:
        width = explicit
    if flag == '_':
        fill = ' '
    elif flag == '0':
        fill = '0'
    if value < 0:
        return '-' + _pad(text, width - 1, fill)
    return _pad(text, width, fill)


def _word(text, flag, explicit, swap):
    if flag == '^' or (flag == '#' and swap == 'upper'):
        text = text.upper()
    elif flag == '#' and swap == 'lower':
        text = text.lower()
    if explicit is not None:
        text = _pad(text, explicit, '0' if flag == '0' else ' ')
    return text


def _unknown(text, flag, explicit):
    # glibc copies a directive it does not know, padded to its width.
    if explicit is None:
        return text
    return _pad(text, explicit, '0' if flag == '0' else ' ')


def _mktime_fields(tm):
    days = _days_from_civil(tm[0], tm[1] + 1, tm[2])
    return days * 86400 + tm[3] * 3600 + tm[4] * 60 + tm[5]


def _format(fmt, tm):
    """glibc's strftime in the C locale on C struct tm fields (see
    _checked), with its flags (- _ 0 ^ #), widths and E/O modifiers."""
    year, mon, mday, hour, minute, sec, wday, yday, isdst, zone, gmtoff = tm
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != '%':
            j = fmt.find('%', i)
            if j < 0:
                j = n
            out.append(fmt[i:j])
            i = j
            continue
        start = i
        i += 1
        flag = None
        while i < n and fmt[i] in '_-0^#':
            flag = fmt[i]
            i += 1
        explicit = None
        while i < n and fmt[i].isdigit():
            explicit = (explicit or 0) * 10 + int(fmt[i])
            i += 1
        if i < n and fmt[i] in 'EO':
            i += 1
        if i >= n:
            out.append(_unknown(fmt[start:], flag, explicit))
            break
        d = fmt[i]
        i += 1
        if d == '%':
            out.append(_word('%', flag, explicit, None))
        elif d == 'a':
            out.append(_word(_DAY_NAMES[(wday + 6) % 7][:3], flag, explicit, 'upper'))
        elif d == 'A':
            out.append(_word(_DAY_NAMES[(wday + 6) % 7], flag, explicit, 'upper'))
        elif d == 'b' or d == 'h':
            out.append(_word(_MONTH_NAMES[mon][:3], flag, explicit, 'upper'))
        elif d == 'B':
            out.append(_word(_MONTH_NAMES[mon], flag, explicit, 'upper'))
        elif d == 'c':
            out.append(_word(_format('%a %b %e %H:%M:%S %Y', tm), flag, explicit, None))
        elif d == 'C':
            out.append(_number(year // 100, 1, '0', flag, explicit))
        elif d == 'd':
            out.append(_number(mday, 2, '0', flag, explicit))
        elif d == 'D':
            out.append(_word(_format('%m/%d/%y', tm), flag, explicit, None))
        elif d == 'e':
            out.append(_number(mday, 2, ' ', flag, explicit))
        elif d == 'F':
            if explicit is not None:
                w = max(explicit - 6, 1)
                text = _number(year, w, '0', flag, None) + _format('-%m-%d', tm)
            else:
                text = _format('%Y-%m-%d', tm)
            out.append(text)
        elif d == 'g':
            out.append(_number(_iso_year_week(year, yday, wday)[0] % 100, 2, '0', flag, explicit))
        elif d == 'G':
            out.append(_number(_iso_year_week(year, yday, wday)[0], 1, '0', flag, explicit))
        elif d == 'H':
            out.append(_number(hour, 2, '0', flag, explicit))
        elif d == 'I':
            out.append(_number((hour + 11) % 12 + 1, 2, '0', flag, explicit))
        elif d == 'j':
            out.append(_number(yday + 1, 3, '0', flag, explicit))
        elif d == 'k':
            out.append(_number(hour, 2, ' ', flag, explicit))
        elif d == 'l':
            out.append(_number((hour + 11) % 12 + 1, 2, ' ', flag, explicit))
        elif d == 'm':
            out.append(_number(mon + 1, 2, '0', flag, explicit))
        elif d == 'M':
            out.append(_number(minute, 2, '0', flag, explicit))
        elif d == 'n':
            out.append(_word('\n', flag, explicit, None))
        elif d == 'p':
            out.append(_word('PM' if hour >= 12 else 'AM', flag, explicit, 'lower'))
        elif d == 'P':
            out.append(_word('pm' if hour >= 12 else 'am', flag, explicit, None))
        elif d == 'r':
            out.append(_word(_format('%I:%M:%S %p', tm), flag, explicit, None))
        elif d == 'R':
            out.append(_word(_format('%H:%M', tm), flag, explicit, None))
        elif d == 's':
            secs = _mktime_fields(tm)
            if isdst > 0:
                secs -= 3600
            out.append(_number(secs, 1, '0', flag, explicit))
        elif d == 'S':
            out.append(_number(sec, 2, '0', flag, explicit))
        elif d == 't':
            out.append(_word('\t', flag, explicit, None))
        elif d == 'T':
            out.append(_word(_format('%H:%M:%S', tm), flag, explicit, None))
        elif d == 'u':
            out.append(_number((wday + 6) % 7 + 1, 1, '0', flag, explicit))
        elif d == 'U':
            out.append(_number((yday - wday + 7) // 7, 2, '0', flag, explicit))
        elif d == 'V':
            out.append(_number(_iso_year_week(year, yday, wday)[1], 2, '0', flag, explicit))
        elif d == 'w':
            out.append(_number(wday, 1, '0', flag, explicit))
        elif d == 'W':
            out.append(_number((yday - (wday - 1 + 7) % 7 + 7) // 7, 2, '0', flag, explicit))
        elif d == 'x':
            out.append(_word(_format('%m/%d/%y', tm), flag, explicit, None))
        elif d == 'X':
            out.append(_word(_format('%H:%M:%S', tm), flag, explicit, None))
        elif d == 'y':
            out.append(_number(year % 100, 2, '0', flag, explicit))
        elif d == 'Y':
            out.append(_number(year, 1, '0', flag, explicit))
        elif d == 'z':
            if isdst >= 0:
                off = gmtoff or 0
                sign = '-' if off < 0 else '+'
                off = abs(off) // 60
                out.append(sign + _number(off // 60 * 100 + off % 60, 4, '0', flag, None))
        elif d == 'Z':
            if zone is not None:
                name = zone
            elif isdst >= 0:
                name = tzname[isdst]
            else:
                name = ''
            out.append(_word(name, flag, explicit, 'lower'))
        else:
            out.append(_unknown(fmt[start:i], flag, explicit))
    return ''.join(out)


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not '
                        + type(format).__name__)
    if t is None:
        t = localtime()
    return _format(format, _checked(t, 'strftime'))


def asctime(t=None):
    if t is None:
        t = localtime()
    tm = _checked(t, 'asctime')
    return '%s %s%3d %.2d:%.2d:%.2d %d' % (
        _DAY_NAMES[(tm[6] + 6) % 7][:3], _MONTH_NAMES[tm[1]][:3], tm[2],
        tm[3], tm[4], tm[5], tm[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def mktime(t):
    f, zone, gmtoff = _fields(t, 'mktime')
    year, mon, mday, hour, minute, sec, wday, yday, isdst = f
    # Out-of-range fields carry over, as C's mktime normalizes them.
    year += (mon - 1) // 12
    mon = (mon - 1) % 12 + 1
    secs = (_days_from_civil(year, mon, 1) + mday - 1) * 86400
    secs += hour * 3600 + minute * 60 + sec
    if isdst > 0:
        secs -= 3600
    return float(secs)


# --- strptime ------------------------------------------------------------------

def _digits(s, pos, widths):
    # Candidates for a number of one of `widths` digits, in the order a
    # regular expression's alternatives would try them.
    out = []
    for w in widths:
        piece = s[pos:pos + w]
        if len(piece) == w and piece.isdigit():
            out.append((pos + w, piece))
    return out


def _bounded(s, pos, low, high, widths):
    out = []
    for end, piece in _digits(s, pos, widths):
        if low <= int(piece) <= high:
            out.append((end, piece))
    return out


def _names(s, pos, names):
    low = s[pos:].lower()
    out = []
    for name in names:
        if low.startswith(name.lower()):
            out.append((pos + len(name), s[pos:pos + len(name)]))
    return out


def _candidates(d, s, pos):
    if d == 'd':
        out = _bounded(s, pos, 1, 31, (2, 1))
        if s[pos:pos + 1] == ' ':
            out += [(e, p) for e, p in _bounded(s, pos + 1, 1, 9, (1,))]
        return out
    if d == 'f':
        return [(e, p) for e, p in _digits(s, pos, (6, 5, 4, 3, 2, 1))][:1]
    if d == 'H':
        return _bounded(s, pos, 0, 23, (2, 1))
    if d == 'I':
        return _bounded(s, pos, 1, 12, (2, 1))
    if d == 'G' or d == 'Y':
        return _digits(s, pos, (4,))
    if d == 'j':
        return _bounded(s, pos, 1, 366, (3, 2, 1))
    if d == 'm':
        return _bounded(s, pos, 1, 12, (2, 1))
    if d == 'M':
        return _bounded(s, pos, 0, 59, (2, 1))
    if d == 'S':
        return _bounded(s, pos, 0, 61, (2, 1))
    if d == 'U' or d == 'W':
        return _bounded(s, pos, 0, 53, (2, 1))
    if d == 'V':
        return _bounded(s, pos, 0, 53, (2, 1))
    if d == 'w':
        return _bounded(s, pos, 0, 6, (1,))
    if d == 'u':
        return _bounded(s, pos, 1, 7, (1,))
    if d == 'y':
        return _digits(s, pos, (2,))
    if d == 'a':
        return _names(s, pos, [n[:3] for n in _DAY_NAMES])
    if d == 'A':
        return _names(s, pos, _DAY_NAMES)
    if d == 'b':
        return _names(s, pos, [n[:3] for n in _MONTH_NAMES])
    if d == 'B':
        return _names(s, pos, _MONTH_NAMES)
    if d == 'p':
        return _names(s, pos, ('am', 'pm'))
    if d == 'Z':
        return _names(s, pos, ('utc', 'gmt'))
    if d == 'z':
        if s[pos:pos + 1] == 'Z':
            return [(pos + 1, 'Z')]
        if s[pos:pos + 1] not in ('+', '-'):
            return []
        j = pos + 1
        if not s[j:j + 2].isdigit():
            return []
        j += 2
        colon = s[j:j + 1] == ':'
        if colon:
            j += 1
        if not (s[j:j + 1].isdigit() and '0' <= s[j] <= '5' and s[j + 1:j + 2].isdigit()):
            return []
        j += 2
        k = j + 1 if colon and s[j:j + 1] == ':' else j
        if (not colon or k > j) and s[k:k + 2].isdigit() and '0' <= s[k] <= '5':
            j = k + 2
            if s[j:j + 1] == '.' and s[j + 1:j + 2].isdigit():
                j += 1
                m = 0
                while m < 6 and s[j:j + 1].isdigit():
                    j += 1
                    m += 1
        return [(j, s[pos:j])]
    return []


_EXPANSIONS = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S',
               'D': '%m/%d/%y', 'T': '%H:%M:%S', 'R': '%H:%M', 'r': '%I:%M:%S %p',
               'F': '%Y-%m-%d', 'h': '%b'}


def _pattern(fmt):
    """The format as a list of ('lit', text), ('ws',) and ('dir', letter)."""
    items = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError('stray %% in format %r' % fmt)
            d = fmt[i + 1]
            i += 2
            if d == '%':
                items.append(('lit', '%'))
            elif d in _EXPANSIONS:
                items.extend(_pattern(_EXPANSIONS[d]))
            elif d in 'dfHIGjmMSUWVwuyYaAbBpZz':
                items.append(('dir', d))
            else:
                raise ValueError('%r is a bad directive in format %r' % (d, fmt))
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            items.append(('ws',))
        else:
            items.append(('lit', c))
            i += 1
    return items


def _match(items, k, s, pos, found):
    # The first way to match items[k:] at s[pos:], trying each directive's
    # candidates in order; returns the end position or -1.
    if k == len(items):
        return pos
    item = items[k]
    if item[0] == 'lit':
        text = item[1]
        if s[pos:pos + len(text)].lower() == text.lower():
            return _match(items, k + 1, s, pos + len(text), found)
        return -1
    if item[0] == 'ws':
        end = pos
        while end < len(s) and s[end].isspace():
            end += 1
        while end > pos:
            r = _match(items, k + 1, s, end, found)
            if r >= 0:
                return r
            end -= 1
        return -1
    d = item[1]
    for end, value in _candidates(d, s, pos):
        found.append((d, value))
        r = _match(items, k + 1, s, end, found)
        if r >= 0:
            return r
        found.pop()
    return -1


def _weekday_of(y, m, d):
    return (_days_from_civil(y, m, d) + 3) % 7


def _julian_from_week(year, week, weekday, monday_first):
    # The day of the year of a %U/%W week number and weekday (Monday=0).
    first = _weekday_of(year, 1, 1)
    if not monday_first:
        first = (first + 1) % 7
        weekday = (weekday + 1) % 7
    if week == 0:
        return 1 + weekday - first
    return 1 + (7 - first) % 7 + 7 * (week - 1) + weekday


def _parse(data_string, format):
    """The fields _strptime computes: (year, month, day, hour, minute,
    second, weekday, julian, tz, tzname, gmtoff, fraction, gmtoff_fraction)."""
    if not isinstance(data_string, str):
        raise TypeError('strptime() argument 0 must be str, not %s'
                        % type(data_string))
    if not isinstance(format, str):
        raise TypeError('strptime() argument 1 must be str, not %s'
                        % type(format))
    items = _pattern(format)
    found = []
    end = _match(items, 0, data_string, 0, found)
    if end < 0:
        raise ValueError('time data %r does not match format %r'
                         % (data_string, format))
    if end != len(data_string):
        raise ValueError('unconverted data remains: %s' % data_string[end:])
    values = {}
    for d, v in found:
        values[d] = v
    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    week_of_year_start = None
    weekday = julian = None
    tzname_found = None
    for d, v in found:
        if d == 'y':
            year = int(v)
            year += 2000 if year <= 68 else 1900
        elif d == 'Y':
            year = int(v)
        elif d == 'G':
            iso_year = int(v)
        elif d == 'm':
            month = int(v)
        elif d == 'B':
            month = [n.lower() for n in _MONTH_NAMES].index(v.lower()) + 1
        elif d == 'b':
            month = [n[:3].lower() for n in _MONTH_NAMES].index(v.lower()) + 1
        elif d == 'd':
            day = int(v)
        elif d == 'H':
            hour = int(v)
        elif d == 'I':
            hour = int(v)
            ampm = values.get('p', '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm':
                if hour != 12:
                    hour += 12
        elif d == 'M':
            minute = int(v)
        elif d == 'S':
            second = int(v)
        elif d == 'f':
            fraction = int(v + '0' * (6 - len(v)))
        elif d == 'A':
            weekday = [n.lower() for n in _DAY_NAMES].index(v.lower())
        elif d == 'a':
            weekday = [n[:3].lower() for n in _DAY_NAMES].index(v.lower())
        elif d == 'w':
            weekday = int(v)
            if weekday == 0:
                weekday = 6
            else:
                weekday -= 1
        elif d == 'u':
            weekday = int(v) - 1
        elif d == 'j':
            julian = int(v)
        elif d == 'U' or d == 'W':
            week_of_year = int(v)
            week_of_year_start = 6 if d == 'U' else 0
        elif d == 'V':
            iso_week = int(v)
        elif d == 'z':
            if v == 'Z':
                gmtoff = 0
            else:
                sign = -1 if v[0] == '-' else 1
                body = v[1:].replace(':', '')
                hours = int(body[0:2])
                minutes = int(body[2:4])
                seconds = int(body[4:6] or 0)
                gmtoff = (hours * 60 + minutes) * 60 + seconds
                frac = body[7:]
                gmtoff_fraction = int(frac + '0' * (6 - len(frac))) if frac else 0
                gmtoff = sign * gmtoff
                gmtoff_fraction = sign * gmtoff_fraction
        elif d == 'Z':
            tzname_found = v
            tz = 0
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with "
                             "the ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not "
                             "compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with "
                             "the ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with "
                         "the year directive '%Y'. Use the ISO year '%G' "
                         "instead.")
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _julian_from_week(year, week_of_year, weekday,
                                       week_of_year_start == 0)
        elif iso_year is not None and iso_week is not None:
            jan4 = _weekday_of(iso_year, 1, 4)
            correction = jan4 + 4
            ordinal = iso_week * 7 + weekday + 1 - correction
            if ordinal < 1:
                ordinal += _days_from_civil(iso_year, 1, 1) - _days_from_civil(iso_year - 1, 1, 1)
                iso_year -= 1
            elif ordinal > _days_from_civil(iso_year + 1, 1, 1) - _days_from_civil(iso_year, 1, 1):
                ordinal -= _days_from_civil(iso_year + 1, 1, 1) - _days_from_civil(iso_year, 1, 1)
                iso_year += 1
            year = iso_year
            julian = ordinal
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        if day > [31, 29 if _is_leap(year) else 28, 31, 30, 31, 30, 31, 31,
                  30, 31, 30, 31][month - 1]:
            raise ValueError('day is out of range for month')
        julian = _days_from_civil(year, month, day) - _days_from_civil(year, 1, 1) + 1
    else:
        y, month, day = _civil_from_days(_days_from_civil(year, 1, 1) + julian - 1)
        year = y
    if weekday is None:
        weekday = _weekday_of(year, month, day)
    if leap_year_fix:
        year = 1900
    return (year, month, day, hour, minute, second, weekday, julian, tz,
            tzname_found, gmtoff, fraction, gmtoff_fraction)


def strptime(data_string, format='%a %b %d %H:%M:%S %Y'):
    f = _parse(data_string, format)
    return struct_time(f[:9] + (f[9], f[10]))
