# The wall-clock functions read the virtual clock (seconds since
# 1970-01-01 00:00:00 UTC, starting at 0): time.time, strftime, localtime,
# ctime and datetime.now()/today()/utcnow() while tasks sleep and while
# time.sleep blocks the loop.
import asyncio
import datetime
import time


def show(label):
    now = datetime.datetime.now()
    print(f'{label}: time={time.time():.3f} monotonic={time.monotonic():.3f} '
          f'strftime={time.strftime("%Y-%m-%d %H:%M:%S")} '
          f'now={now.isoformat()} today={datetime.date.today()}')


async def ticker(name, period, count):
    for _ in range(count):
        await asyncio.sleep(period)
        show(name)


async def main():
    show('start')
    await asyncio.gather(ticker('fast', 0.75, 3), ticker('slow', 1.5, 2))
    time.sleep(3600)
    show('after an hour of time.sleep')
    print(time.ctime(), '|', time.asctime(time.gmtime()), '|',
          time.localtime().tm_hour)
    print(datetime.datetime.now(datetime.timezone.utc),
          datetime.datetime.utcnow(), datetime.datetime.today().hour)
    print(repr(datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=5, minutes=30)))))
    start = datetime.datetime.now()
    await asyncio.sleep(5400.25)
    print('elapsed', datetime.datetime.now() - start,
          isinstance(datetime.datetime.now() + datetime.timedelta(1),
                     datetime.datetime))
    print(time.strftime('%A %d %B %Y %I:%M:%S %p'), time.time_ns())


asyncio.run(main())
