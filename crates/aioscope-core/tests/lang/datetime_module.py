# datetime on given values (no clock is read): timedelta's normalisation,
# arithmetic, repr and str; date, time, datetime and timezone; isoformat,
# fromisoformat, strftime, strptime, fromtimestamp (UTC), comparisons.
import datetime as D
date, datetime, time, timedelta, timezone = D.date, D.datetime, D.time, D.timedelta, D.timezone

def p(*a):
    print(*a)
p(repr(timedelta(days=1, seconds=3600)), repr(timedelta()), repr(timedelta(microseconds=-1)), str(timedelta(microseconds=-1)), str(timedelta(days=-1, hours=1)), str(timedelta(days=2)), str(timedelta(hours=1.5)), repr(timedelta(weeks=1, minutes=0.5)))
p(timedelta(seconds=0.1).microseconds, timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=-0.5), timedelta(milliseconds=1.0005), timedelta(days=1.1, hours=-0.3, seconds=7.77777), timedelta(minutes=-1.5))
p(repr(date(2024,3,5)), repr(datetime(2024,3,5)), repr(datetime(2024,3,5,1)), repr(datetime(2024,3,5,1,2,3)), repr(datetime(2024,3,5,1,2,0,5)), repr(datetime(2024,3,5,tzinfo=timezone.utc)), repr(time(1,2)), repr(time()), repr(time(0,0,0,1)), repr(time(1, tzinfo=timezone.utc, fold=1)))
p(repr(timezone.utc), repr(timezone(timedelta(hours=2))), repr(timezone(timedelta(hours=-2), "X")), str(timezone(timedelta(hours=2, minutes=30))), str(timezone.utc), timezone(timedelta(0)) == timezone.utc, repr(timezone(timedelta(0))), str(timezone(-timedelta(minutes=1, seconds=1))))
for args in [(2024,13,1),(2024,2,30),(0,1,1),(10000,1,1),("2024",1,1),(2024.0,1,1)]:
    try: date(*args)
    except Exception as e: p(type(e).__name__, e)
for args in [(24,),(0,60),(0,0,60),(0,0,0,10**6)]:
    try: time(*args)
    except Exception as e: p(type(e).__name__, e)
for s in ["2024-03-05", "20240305", "2024-W10-2", "2024-03-05T13:04:05", "2024-03-05 13:04:05.123", "2024-03-05T13:04:05Z", "2024-03-05T13:04:05+02:00", "2024-03-05T13", "2024-03-05T1304", "2024-03-05T13:04:05.1234567", "x", "2024-03-05T13:04:05-0130", "2024W102T010203", "2024-03-05T25:00"]:
    try: p(repr(s), repr(datetime.fromisoformat(s)))
    except Exception as e: p(repr(s), type(e).__name__, e)
for s in ["2024-03-05", "20240305", "2024-W10-2", "2024-3-5", "2024-03-05x"]:
    try: p(repr(s), repr(date.fromisoformat(s)))
    except Exception as e: p(repr(s), type(e).__name__, e)
for s in ["13:04:05", "13:04", "130405.5", "13:04:05+01:00", "T13", "bad"]:
    try: p(repr(s), repr(time.fromisoformat(s)))
    except Exception as e: p(repr(s), type(e).__name__, e)
d = datetime(2024,3,5,13,4,5,123456, tzinfo=timezone(timedelta(hours=5, minutes=30)))
p(d, d.isoformat(), d.isoformat(timespec="minutes"), d.isoformat(" ", "milliseconds"), d.strftime("%Y %z %Z %f %% %j %a"), d.astimezone(timezone.utc), d.timestamp(), d.utcoffset(), d.tzname(), repr(d.astimezone()))
p(date(2024,3,5).isocalendar(), date(2024,3,5).ctime(), datetime(2024,3,5,1,2,3).ctime(), f"{date(2024,3,5):%d/%m}", format(date(2024,3,5)), date(2024,3,5).timetuple(), d.timetuple(), d.utctimetuple())
try: datetime(2024,1,1) < datetime(2024,1,1,tzinfo=timezone.utc)
except TypeError as e: p(e)
p(datetime(2024,1,1) == datetime(2024,1,1,tzinfo=timezone.utc))
try: datetime(2024,1,1) - datetime(2024,1,1,tzinfo=timezone.utc)
except TypeError as e: p(e)
try: date(2024,1,1) < datetime(2024,1,1)
except TypeError as e: p(e)
try: datetime(2024,1,1) > date(2024,1,1)
except TypeError as e: p(e)
p(date(2024,1,1) == datetime(2024,1,1), datetime(2024,1,1) != date(2024,1,1))
p(timedelta(hours=1) / timedelta(minutes=7), timedelta(hours=1) // timedelta(minutes=7), timedelta(hours=1) % timedelta(minutes=7), timedelta(seconds=1) / 3, timedelta(seconds=10) * 1.5, timedelta(1) * 0.1, -timedelta(1), timedelta(-1).__abs__(), timedelta(hours=25).total_seconds(), timedelta(hours=1).__divmod__(timedelta(minutes=7)), timedelta(1) // 7, 2 * timedelta(1))
p(timedelta(microseconds=7) / 2, timedelta(microseconds=5) / 2, timedelta(microseconds=-5)/2, timedelta(microseconds=5) / -2, timedelta(microseconds=7) / -2)
p(datetime.strptime("2024-03-05 13:04:05.5", "%Y-%m-%d %H:%M:%S.%f"), datetime.strptime("05/03/24 +0200", "%d/%m/%y %z"), repr(datetime.strptime('2024 Z', '%Y %z')), repr(datetime.strptime('2024 +0000 UTC', '%Y %z %Z')))
p(datetime.fromtimestamp(1709643845.5), datetime.utcfromtimestamp(0), datetime.fromtimestamp(0, timezone.utc), date.fromtimestamp(86400*365), datetime.fromtimestamp(-1.5), datetime.fromtimestamp(1.0000005), datetime.fromtimestamp(1709643845, timezone(timedelta(hours=-3))))
p(datetime.combine(date(2024,1,2), time(3,4)), date.fromordinal(738000), date(2024,1,1).toordinal(), datetime.min, datetime.max, date.resolution, timedelta.max, timedelta.min, date.min, date.max, time.max)
try: timedelta(days=10**9)
except OverflowError as e: p(e)
try: date.max + timedelta(1)
except OverflowError as e: p(e)
p(hash(date(2024,1,1)) == hash(date(2024,1,1)), date(2024,1,1) + timedelta(days=45), date(2024,3,1) - date(2024,2,1), datetime(2024,1,1,12) - datetime(2023,12,31,13,30), datetime(2024,1,1) + timedelta(hours=-1.25))
p(date(2024,2,29).replace(year=2025) if False else date(2024,2,29).replace(day=1), datetime(2024,1,1,1,1).replace(minute=5, tzinfo=timezone.utc), date(2024,3,5).weekday(), date(2024,3,5).isoweekday(), datetime(2024,3,5,12).date(), datetime(2024,3,5,12,30).time())
p(date.fromisocalendar(2020, 53, 7), date(2021,1,3).isocalendar(), date(2024,12,30).isocalendar())
p(time(12, 30).strftime("%H:%M %p %Y"), time(1,2,3,4).isoformat(), time(1,2).isoformat("hours"), str(time(23,59,59,999999)), time(1) < time(2), time(1, tzinfo=timezone.utc) == time(2, tzinfo=timezone(timedelta(hours=1))))
p(datetime(2024,1,1,tzinfo=timezone.utc) == datetime(2024,1,1,2,tzinfo=timezone(timedelta(hours=2))), datetime(2024,1,1,tzinfo=timezone.utc) < datetime(2024,1,1,3,tzinfo=timezone(timedelta(hours=2))))
p(sorted([date(2024,1,3), date(2023,5,1), date(2024,1,1)]), max(datetime(2024,1,1), datetime(2024,1,2)))
