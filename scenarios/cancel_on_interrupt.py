# The tutorial's "stop the coroutines" lesson: three tasks, and Ctrl+C
# while run_until_complete() waits (this scenario presses it at t = 1.5 s;
# change the time above the stepper). KeyboardInterrupt comes out of
# run_until_complete() with the tasks still pending: the handler cancels
# them all, then stop() + run_forever() turn the loop once more so that
# the cancellations are delivered, and close() ends it.
import asyncio


async def task(x):
    print('Waiting: ', x)
    await asyncio.sleep(x)
    return 'Done after {}s'.format(x)


tasks = [
    asyncio.ensure_future(task(1)),
    asyncio.ensure_future(task(2)),
    asyncio.ensure_future(task(3))
]
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(asyncio.wait(tasks))
except KeyboardInterrupt as e:
    # asyncio.Task.all_tasks() in the tutorial (removed in 3.9); a set, so
    # sorted by name here to print the same order every time.
    pending = sorted(asyncio.all_tasks(loop), key=lambda t: t.get_name())
    print([t.get_name() for t in pending])
    for t in pending:
        print(t.cancel())
    loop.stop()
    loop.run_forever()
finally:
    loop.close()

for t in tasks:
    print(t.get_name(), 'cancelled' if t.cancelled() else t.result())
