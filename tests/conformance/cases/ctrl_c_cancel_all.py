# ctrl_c_cancel_all.py -- the tutorial's "stop the coroutines" lesson with a
# real Ctrl+C (pressed at t=1.5, see the .args file).  The KeyboardInterrupt
# comes out of run_until_complete() while it waits for its next timer; the
# tasks are left pending, so the handler cancels them all, then stop() and
# run_forever() turn the loop once more to deliver the cancellations.
import asyncio
import time


async def do_some_work(x):
    print('Waiting:', x)
    try:
        await asyncio.sleep(x)
    except asyncio.CancelledError:
        print('cancelled while waiting', x)
        raise
    return 'Done after {}s'.format(x)


start = time.time()
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
tasks = [asyncio.ensure_future(do_some_work(x)) for x in (1, 2, 4)]
try:
    loop.run_until_complete(asyncio.wait(tasks))
except KeyboardInterrupt as e:
    print('KeyboardInterrupt at', time.time() - start, repr(e))
    # all_tasks() is a set: sorted by name for a stable printout.  It also
    # holds the task running asyncio.wait() itself.
    pending = sorted(asyncio.all_tasks(loop), key=lambda t: t.get_name())
    print('pending:', [t.get_name() for t in pending])
    for task in pending:
        print(task.get_name(), 'cancel() ->', task.cancel())
    loop.stop()
    loop.run_forever()
finally:
    loop.close()

for task in tasks:
    if task.cancelled():
        print(task.get_name(), 'cancelled')
    else:
        print(task.get_name(), task.result())
print('TIME:', time.time() - start)
