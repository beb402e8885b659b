# blocking_sleep_overdue.py -- a task calls time.sleep(0.6): while it
# blocks, a call_later timer and two asyncio.sleep timers fall due; they
# all run late, in the order of their deadlines, once the step returns.
import asyncio
import time


def late_callback(label):
    print(label, 'callback runs at {:.2f}'.format(time.monotonic()))


async def napper(name, delay):
    await asyncio.sleep(delay)
    print(name, 'wakes at {:.2f} (wanted {:.2f})'.format(time.monotonic(), delay))
    return name


async def blocker():
    print('blocker starts at {:.2f}'.format(time.monotonic()))
    time.sleep(0.6)
    print('blocker returns at {:.2f}'.format(time.monotonic()))
    return 'blocked'


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, late_callback, 'A')
    nappers = [asyncio.create_task(napper('n%d' % i, 0.1 * i)) for i in (1, 3)]
    b = asyncio.create_task(blocker())
    await asyncio.sleep(0)
    print('main sees blocker done:', b.done(), 'at {:.2f}'.format(time.monotonic()))
    print(await b, await nappers[0], await nappers[1])
    time.sleep(0.25)
    await asyncio.sleep(0.05)
    print('main ends at {:.2f}'.format(time.monotonic()))


asyncio.run(main())
