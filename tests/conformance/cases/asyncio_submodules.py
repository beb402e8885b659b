# asyncio_submodules.py -- asyncio is a package: its submodules are
# attributes of it (so dir() lists them and "Did you mean" offers them),
# hold the names they define, and import as asyncio.NAME. The old
# @asyncio.coroutine decorator is gone in 3.11: the suggestion is the
# submodule 'coroutines'.
import asyncio
import asyncio.events
from asyncio import tasks

print(asyncio.futures.Future is asyncio.Future)
print(tasks.gather is asyncio.gather, tasks.Task is asyncio.Task)
print(asyncio.events.get_event_loop is asyncio.get_event_loop)
print(asyncio.exceptions.CancelledError is asyncio.CancelledError)
print(asyncio.coroutines.iscoroutine is asyncio.iscoroutine)
print(asyncio.queues.Queue is asyncio.Queue, asyncio.locks.Lock is asyncio.Lock)
print([name for name in ('base_events', 'coroutines', 'events', 'futures',
                         'locks', 'queues', 'runners', 'tasks')
       if hasattr(asyncio, name)])
try:
    asyncio.Task.all_tasks()
except AttributeError as e:
    print(e)
try:
    asyncio.Future.current_task
except AttributeError as e:
    print(e)


@asyncio.coroutine
def old_style():
    yield from asyncio.sleep(1)
