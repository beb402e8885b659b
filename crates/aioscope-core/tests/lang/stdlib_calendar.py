# calendar: leap years, weekdays, month grids, the plain-text month and
# year calendars (widths, spacing, first weekday), timegm and the errors.
import calendar
import time

print(calendar.month(2024, 2), end='')
print(calendar.month(2023, 12, 3, 2), end='')
calendar.prmonth(2021, 2)
print(calendar.calendar(2024), end='')
print(calendar.TextCalendar(calendar.SUNDAY).formatyear(2025, 2, 1, 4, 4), end='')
print(calendar.monthrange(2024, 2), calendar.monthrange(1900, 2), calendar.weekday(2024, 2, 29))
print(calendar.isleap(2000), calendar.isleap(1900), calendar.leapdays(1900, 2024), calendar.leapdays(2024, 1))
print(calendar.monthcalendar(2024, 2))
print(list(calendar.Calendar(3).itermonthdays2(2024, 2))[:9])
print([str(d) for d in calendar.Calendar(6).itermonthdates(2023, 12)][:3])
print(list(calendar.Calendar(2).itermonthdays3(2024, 1))[:3], list(calendar.Calendar().itermonthdays4(2024, 3))[-1])
print(list(calendar.month_name)[1:4], list(calendar.day_abbr), calendar.month_abbr[12], len(calendar.day_name))
print(repr(calendar.weekheader(2)), repr(calendar.weekheader(9)), calendar.firstweekday())
print(calendar.timegm((2024, 2, 29, 12, 30, 15, 0, 0, 0)), calendar.timegm(time.gmtime(86400 * 365)))
print(calendar.MONDAY, calendar.SUNDAY, calendar.Calendar(8).firstweekday, list(calendar.Calendar(6).iterweekdays()))
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.month(2024, 3), end='')
calendar.setfirstweekday(calendar.MONDAY)
for action in [lambda: calendar.monthrange(2024, 13), lambda: calendar.weekday(2024, 2, 30),
               lambda: calendar.setfirstweekday(9), lambda: calendar.month(2024, 0)]:
    try:
        action()
    except ValueError as e:
        print(f'{type(e).__name__}: {e}', isinstance(e, ValueError))
