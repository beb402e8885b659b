# The time module on given timestamps and tuples (no clock is read):
# struct_time, gmtime, strftime's directives and flags, asctime, strptime.
import time

t = time.gmtime(1709643845)
print(repr(time.gmtime(0)))
print(t.tm_zone, t.tm_gmtoff, t[0], t[-1], len(t), t.tm_year, t.tm_yday)
print(tuple(t), t == tuple(t), t[1:3], isinstance(t, tuple))
print(time.gmtime(-1.5), time.gmtime(1.9).tm_sec, time.gmtime(True).tm_sec)
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9)))
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9, "Z", 5)).tm_zone)
for bad in ["x", float("nan"), 1e300]:
    try:
        time.gmtime(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in [(1, 2), (1,) * 12, 5]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print(type(e).__name__, e)

tm = (2024, 3, 5, 13, 4, 5, 1, 65, 0)
formats = ["%a %A %b %B %h", "%c", "%x %X", "%D %F %r %R %T", "%d %e %j %m %y %Y %C",
           "%H %I %k %l %M %S %p %P", "%u %w %U %W %G %V %g", "%z %Z %s", "%n%t%%",
           "%Q %+Y %E %5", "%5Q %_5Q %05Q %-5Q %E5 %5E", "a%", "%-d %_d %^a %#b %#p %^B", "%5Y %010Y %3d %_Y %-y",
           "%Ey %Od %OH", "%10A %010A %-10A"]
for f in formats:
    print(repr(f), repr(time.strftime(f, tm)))
print(repr(time.strftime("%Y %F %C %G %y", (999, 1, 1, 0, 0, 0, 0, 1, 0))))
print(repr(time.strftime("%Y %F %C", (5, 1, 1, 0, 0, 0, 0, 1, 0))))
for dst in (0, 1, -1):
    print(repr(time.strftime("%Z %z", (2024, 1, 1, 0, 0, 0, 0, 1, dst))))
print(time.strftime("%Z %z %s", time.gmtime(100)))
print(time.strftime("%G-W%V-%u", (2021, 1, 1, 0, 0, 0, 4, 1, 0)),
      time.strftime("%G-W%V-%u", (2024, 12, 30, 0, 0, 0, 0, 365, 0)))
bad_tuples = [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 0, 0, 0, 0, 0, 0, 0, 0),
              (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0),
              (2024, 1, 1, 0, 60, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 62, 0, 1, 0),
              (2024, 1, 1, 0, 0, 0, -1, 1, 0), (2024, 1, 1, 0, 0, 0, -2, 1, 0),
              (2024, 1, 1, 0, 0, 0, 7, 1, 0), (2024, 1, 1, 0, 0, 0, 0, 367, 0),
              (2024, 1, 1), "x", [2024, 1, 1, 0, 0, 0, 0, 1, 0]]
for bad in bad_tuples:
    try:
        print(bad, repr(time.strftime("%Y-%m-%d %a %j", bad)))
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
print(time.asctime(tm), time.asctime((99, 3, 5, 13, 4, 5, 1, 65, 0)))
print(time.asctime(time.gmtime(0)))

tests = [("2024-03-05 13:04:05", "%Y-%m-%d %H:%M:%S"), ("Tue Mar  5 13:04:05 2024", None),
         ("5/3/24", "%d/%m/%y"), ("111", "%d%m"), ("1212", "%d%m"), ("  2024", "%Y"),
         ("2024  x", "%Y x"), ("2024x", "%Y x"), ("2024", "%Y-%m"),
         ("2024-01-01junk", "%Y-%m-%d"), ("12 am", "%I %p"), ("12 PM", "%I %p"),
         ("march 5", "%B %d"), ("2024 10 1", "%Y %W %w"), ("2024 0 3", "%Y %U %w"),
         ("2024 100", "%Y %j"), ("+0130 UTC", "%z %Z"), ("GMT", "%Z"),
         ("2024-01-01T10:00:00.123Z", "%Y-%m-%dT%H:%M:%S.%f%z"), ("69", "%y"),
         ("68", "%y"), ("x", "%q"), ("x", "%"), ("  5", "%d"), ("2024", "%Y%%"),
         ("Feb 29", "%b %d"), ("2023-02-29", "%Y-%m-%d"), ("Monday 2024", "%A %Y"),
         ("2024-W10-2", "%G-W%V-%u"), ("13:04", "%H:%M")]
for s, f in tests:
    try:
        r = time.strptime(s, f) if f else time.strptime(s)
        print(repr(s), repr(f), tuple(r), r.tm_zone, r.tm_gmtoff)
    except ValueError as e:
        print(repr(s), repr(f), type(e).__name__, e)
for args in [(1, "%Y"), ("1", 2)]:
    try:
        time.strptime(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(time.timezone, time.altzone, time.daylight, time.tzname)
