# datetime's edges: every fromisoformat form CPython 3.11 reads or refuses,
# constructor and operator errors, float scaling of timedeltas, a program's
# own tzinfo with daylight saving, subclasses and their reprs.
import datetime as D
date, datetime, time, timedelta, timezone, tzinfo = D.date, D.datetime, D.time, D.timedelta, D.timezone, D.tzinfo


def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


for s in ["2024-03-05T12", "2024-03-05T1", "2024-03-05T12:3", "2024-03-05T12:30:4", "2024-03-05T12:30:45.",
          "2024-03-05T12:30:45,5", "2024-03-05T12:30:45.5+01", "2024-03-05T12:30:45.5+0", "2024-03-05T12:30:45.5+01:0",
          "2024-03-05T12:30:45.5+0130", "2024-03-05T12:30:45.5+013045", "2024-03-05T12:30:45.5+01:30:45.123",
          "2024-03-05T12:30:45.5-00:00", "2024-03-05T12:30:45.5+24:00", "2024-03-05T12:30Z", "2024-03-05T12Z",
          "2024-03-05T12:30:45Zx", "2024-03-05T12:30:45.123456789", "2024-W10T12", "2024W10T12", "2024W10", "2024-W10",
          "2024W107", "2024-W10-7T01", "2024-03-05T", "2024-03-05 ", "2024-03-0512:30", "2024-03-05x12:30",
          "20240305T123045", "20240305T1230", "2024-03-05T12:30:45.12345", "2024-03-05T24:00", "2024-03-05T12:60",
          "2024-03-05T12:30:61", "2024-03-05T1230:45", "2024-03-05T12:3045", "2024-03", "202403", "2024-W54-1",
          "2024-W53-1", "2026-W53-1", "2024-13-01", "2024-03-05T12:30:45-01:30:45.5", "2024-03-05T12:30:45+1",
          "2024-03-05T12:30:45+", "2024-03-05T12.5", "2024-03-05T12:30.5", "\u0662\u0660\u0662\u0664-03-05",
          "2024-03-05T12:30:45+01.5", "2024W1071230", "2024W10x12", "2024-W107", "2024-W10-712", "20240305x",
          "2024030512", "2024-03-05T12:30:45+00:00:00.000001", "2024-03-05T12:30:45-23:59:59.999999",
          "2024-03-05T12:30:45Z+01", "2024-03-05T12:30:45.123,4", "2024-03-05T12,5"]:
    print(repr(s), attempt(lambda: datetime.fromisoformat(s)))
for s in ["12", "1230", "12:30", "123045", "12:30:45.1", "12:30:45,123456789", "12:30:45Z", "12:30:45+05",
          "12:30:45-0530", "T12:30", "t12:30", "", "1", "12:30:4", "12:30:45.", "24:00"]:
    print(repr(s), attempt(lambda: time.fromisoformat(s)))
for s in ["2024-W10", "2024W10", "2024W107", "2024-W10-7", "2024-03-05T00", "2024-0305", "202403-05", "2024-02-30",
          "0000-01-01"]:
    print(repr(s), attempt(lambda: date.fromisoformat(s)))

checks = [
    lambda: date(2024, 1), lambda: date(), lambda: datetime(2024, 1), lambda: timedelta(float('nan')),
    lambda: timedelta(float('inf')), lambda: timedelta("1"), lambda: timezone(1),
    lambda: timezone(timedelta(1)), lambda: timezone(timedelta(0), 3), lambda: timezone.utc.utcoffset(3),
    lambda: timezone.utc.tzname(3), lambda: timezone.utc.dst(3), lambda: timezone.utc.fromutc(3),
    lambda: timezone.utc.fromutc(datetime(2024, 1, 1)), lambda: timedelta(1) / 0, lambda: timedelta(1) // 0,
    lambda: timedelta(1) % timedelta(0), lambda: timedelta(1) / timedelta(0), lambda: timedelta(1) / 0.0,
    lambda: timedelta(1) * float('nan'), lambda: timedelta(1) / float('inf'), lambda: timedelta(1) * float('inf'),
    lambda: timedelta(999999999) * 2, lambda: timedelta(microseconds=3) * 0.5,
    lambda: timedelta(microseconds=2**53 + 1) * 0.5, lambda: timedelta(seconds=1) / 3.0,
    lambda: timedelta(seconds=7) / -2.0, lambda: timedelta(microseconds=1) / 1e-300,
    lambda: timedelta(seconds=10) * 0.1, lambda: timedelta(seconds=1) * (1 / 3), lambda: timedelta(hours=1) / 7.5,
    lambda: timedelta(milliseconds=1) / 3, lambda: timedelta(microseconds=-7) / 2, lambda: timedelta(days=1) / -7,
    lambda: datetime(2024, 1, 1).astimezone(3), lambda: datetime.fromtimestamp(1e20),
    lambda: datetime.fromtimestamp("x"), lambda: date.fromordinal(0), lambda: date.fromisoformat(5),
    lambda: datetime(2024, 1, 1).strftime(5), lambda: datetime(2024, 1, 1).isoformat(timespec='x'),
    lambda: time(1).isoformat(timespec='x'), lambda: date(2024, 1, 1).replace(month=13),
    lambda: datetime(2024, 1, 1, fold=2), lambda: date.fromisocalendar(2024, 54, 1),
    lambda: date.fromisocalendar(2024, 1, 8), lambda: date.fromisocalendar(0, 1, 1),
    lambda: datetime.combine(1, 2), lambda: datetime(2024, 1, 1, tzinfo=3), lambda: tzinfo().utcoffset(None),
    lambda: tzinfo().tzname(None), lambda: datetime(2024, 1, 1, tzinfo=tzinfo()).utcoffset(),
    lambda: format(timedelta(1), 'x'), format(timedelta(1), ''),
    lambda: datetime(2024, 1, 1).isoformat(sep='ab'), lambda: date.max - date.min,
    lambda: datetime.max - datetime.min, lambda: (datetime.max - datetime.min).total_seconds(),
    lambda: timedelta.max.total_seconds(), lambda: timedelta.max == timedelta.max,
    lambda: timedelta.max > timedelta.min, lambda: datetime(2024, 1, 1, 12, 30, 45, 123).timestamp(),
    lambda: datetime(1969, 12, 31, 23, 59, 59, 999999).timestamp(), lambda: timezone(timedelta(0), 'UTC'),
    lambda: timezone(timedelta(hours=1), 'A'), lambda: (str(timezone.min), str(timezone.max), timezone.max),
    lambda: time(1, 2, tzinfo=timezone(timedelta(hours=1))).strftime('%H %z %Z %f'),
    lambda: date(2024, 1, 1).strftime('%H %z %Z %f|'), lambda: datetime(2024, 1, 1).strftime('%%z %z|%Z|%'),
    lambda: datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=1), '100%')).strftime('%Z'),
    lambda: (timedelta(1) == 1, date(2024, 1, 1) == 1, time(1) == 1, datetime(2024, 1, 1) != 1),
    lambda: (+timedelta(1), timedelta(-1, 5).__abs__(), timedelta(0) or 'falsy', time(0) and 'truthy'),
    lambda: timedelta(weeks=1.5, days=-0.25, hours=0.1, minutes=-0.01, seconds=0.333, milliseconds=0.9999, microseconds=0.49),
    lambda: timedelta(days=-1e-7), lambda: timedelta(seconds=-0.0000005), lambda: timedelta(seconds=0.0000015),
    lambda: timedelta(hours=-1e-11), lambda: timedelta(True, False), lambda: date(True, True, True),
    lambda: datetime.fromtimestamp(1e12), lambda: datetime.fromtimestamp(-62135596801),
    lambda: datetime.utcfromtimestamp(2.5e-7), lambda: datetime.utcfromtimestamp(1.9999995),
    lambda: date.fromtimestamp(-0.5), lambda: datetime.fromordinal(3), lambda: date.fromordinal(3652060),
    lambda: datetime.combine(date(2024, 1, 2), time(3, 4, tzinfo=timezone.utc), tzinfo=None),
    lambda: datetime(2024, 1, 1, 12, tzinfo=timezone(timedelta(hours=5))).astimezone(timezone(timedelta(hours=-3))),
    lambda: datetime(2024, 1, 1, 12, tzinfo=timezone.utc).utctimetuple(),
    lambda: datetime(2024, 1, 1).utctimetuple(), lambda: datetime(2024, 12, 31, 23, tzinfo=timezone(timedelta(hours=-2))).utctimetuple(),
    lambda: datetime(2024, 3, 5, 1, 2, 3, 4).isoformat(timespec='milliseconds'),
    lambda: [datetime(2024, 3, 5, 1, 2, 3, 4).isoformat(timespec=t) for t in ('auto', 'hours', 'minutes', 'seconds', 'microseconds')],
    lambda: time(1, 2, 3, 999999).isoformat('milliseconds'),
    lambda: (time(23, tzinfo=timezone(timedelta(hours=-2))) > time(0, tzinfo=timezone.utc)),
    lambda: time(1) < time(1, tzinfo=timezone.utc), lambda: time(1) == time(1, tzinfo=timezone.utc),
    lambda: hash(time(12, tzinfo=timezone.utc)) == hash(time(14, tzinfo=timezone(timedelta(hours=2)))),
    lambda: hash(datetime(2024, 1, 1, tzinfo=timezone.utc)) == hash(datetime(2024, 1, 1, 1, tzinfo=timezone(timedelta(hours=1)))),
    lambda: datetime(2024, 1, 1, 23, 59, 59, 999999) + timedelta(microseconds=1),
    lambda: datetime(2024, 3, 1) - timedelta(days=1, microseconds=1), lambda: datetime.max + timedelta(microseconds=1),
    lambda: datetime.min - timedelta(microseconds=1), lambda: date.min - timedelta(1),
    lambda: date(2024, 1, 1) + timedelta(hours=23, minutes=59), lambda: date(2024, 1, 1) - timedelta(seconds=1),
    lambda: date(2024, 3, 5).replace(year=2023), lambda: datetime(2024, 2, 29).replace(year=2023),
    lambda: time(1, 2).replace(second=3, tzinfo=timezone.utc, fold=1),
    lambda: datetime(2024, 1, 1, tzinfo=timezone.utc).replace(tzinfo=None),
    lambda: (datetime(2024, 1, 1).weekday(), datetime(2024, 1, 1).isoweekday(), date(2023, 1, 1).isocalendar(), date(2027, 1, 1).isocalendar(), date(2026, 12, 31).isocalendar()),
    lambda: date.fromisocalendar(2026, 53, 5), lambda: date.fromisocalendar(2025, 53, 1),
    lambda: timedelta(days=1, seconds=-1) == timedelta(seconds=86399),
    lambda: sorted([timedelta(hours=1), timedelta(-1), timedelta(0), timedelta(microseconds=1)]),
    lambda: sum([timedelta(hours=1), timedelta(minutes=30)], timedelta()),
    lambda: max(date(2024, 1, 1), date(2023, 12, 31)), lambda: min(time(3), time(1, 30)),
    lambda: str(timedelta(days=-3, hours=-2.5)), lambda: str(-timedelta(microseconds=1)),
    lambda: [str(timedelta(days=d)) for d in (-2, -1, 0, 1, 2)],
    lambda: datetime.strptime('Tue Mar  5 13:04:05 2024', '%a %b %d %H:%M:%S %Y'),
    lambda: datetime.strptime('5 March 2024', '%d %B %Y').date(), lambda: datetime.strptime('12:30', '%H:%M'),
    lambda: datetime.strptime('2024', '%m'),
    lambda: date(1, 1, 1).strftime('%Y|%y|%C|%G'), lambda: date(999, 1, 1).isoformat(),
    lambda: date(2024, 3, 5).ctime(), lambda: datetime(2024, 3, 15, 14, 5).strftime('%A %B %-d %I:%M %p %j %U %W %V %u %w %c %x %X'),
    lambda: f'{datetime(2024, 3, 5, 14, 5):%Y-%m-%d %H:%M}|{time(1, 2):%H.%M}|{date(2024, 1, 9)}|{time(5)!s}|{datetime(2024, 1, 1)!r}',
    lambda: timezone(-timedelta(hours=3, minutes=30)).tzname(None),
    lambda: timezone(timedelta(seconds=1, microseconds=5)).tzname(None),
    lambda: timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), 'X'),
    lambda: (timezone(timedelta(0)) == timezone.utc, repr(timezone(timedelta(0)))),
    lambda: (D.MINYEAR, D.MAXYEAR, D.UTC, date.resolution, time.resolution, timedelta.resolution),
    lambda: (isinstance(datetime(2024, 1, 1), date), isinstance(date(2024, 1, 1), datetime), issubclass(timezone, tzinfo)),
    lambda: (date(2024, 1, 1).year, datetime(2024, 1, 1, 5).hour, time(1, 2, 3, 4).microsecond, datetime(2024, 1, 1, fold=1).fold),
]
for check in checks:
    print(attempt(check) if callable(check) else repr(check))


class Eastern(tzinfo):
    """US Eastern with the 2007 rules, for fromutc, dst and tzname."""

    def _dst_on(self, dt):
        start = datetime(dt.year, 3, 8, 2)
        start += timedelta(days=(6 - start.weekday()) % 7)
        end = datetime(dt.year, 11, 1, 2)
        end += timedelta(days=(6 - end.weekday()) % 7)
        naive = dt.replace(tzinfo=None)
        return start <= naive < end

    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)

    def dst(self, dt):
        return timedelta(hours=1) if dt is not None and self._dst_on(dt) else timedelta(0)

    def tzname(self, dt):
        return 'EDT' if dt is not None and self._dst_on(dt) else 'EST'

    def __repr__(self):
        return 'Eastern()'


east = Eastern()
for ts in (1704067200, 1710054000, 1710061200, 1730613600, 1730617200, 1730620800):
    t = datetime.fromtimestamp(ts, east)
    print(t, t.tzname(), t.dst(), repr(t.utcoffset()), t.timestamp() == ts, t.astimezone(timezone.utc))
summer = datetime(2024, 7, 4, 12, tzinfo=east)
print(summer, summer.timetuple().tm_isdst, summer.strftime('%Z %z'), summer - datetime(2024, 7, 4, 16, tzinfo=timezone.utc),
      summer == datetime(2024, 7, 4, 16, tzinfo=timezone.utc), summer.astimezone(east) is summer,
      datetime(2024, 1, 4, 12, tzinfo=east).timetuple().tm_isdst, time(1, tzinfo=east).utcoffset() if False else '')


class BadZone(tzinfo):
    def utcoffset(self, dt):
        return 5

    def dst(self, dt):
        return timedelta(hours=30)


print(attempt(lambda: datetime(2024, 1, 1, tzinfo=BadZone()).utcoffset()))
print(attempt(lambda: datetime(2024, 1, 1, tzinfo=BadZone()).dst()))


class Stamp(datetime):
    def label(self):
        return 'at ' + self.isoformat()


class Span(timedelta):
    pass


class Day(date):
    pass


s = Stamp(2024, 1, 2, 3, 4)
print(repr(s), s.label(), repr(s + timedelta(1)), type(s - timedelta(1)).__name__, type(s - s).__name__,
      repr(Span(hours=1)), type(Span(1) + Span(1)).__name__, repr(Day(2024, 1, 1)), type(Day(2024, 1, 1) + timedelta(1)).__name__,
      repr(s.replace(hour=9)), type(s.date()).__name__)
