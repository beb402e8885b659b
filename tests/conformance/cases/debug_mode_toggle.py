# Debug mode switched on and off by hand: loop.set_debug() on a loop made
# with new_event_loop() and inside a running loop, run_until_complete of a
# coroutine, loop.create_task, and the warnings of slow steps, which
# logging's last resort prints on stderr while logging is not configured.
import asyncio
import time


async def step(name, cost):
    await asyncio.sleep(0.1)
    time.sleep(cost)
    return name


async def toggles():
    loop = asyncio.get_running_loop()
    print('running, debug', loop.get_debug())
    loop.set_debug(False)
    print(loop)
    t = asyncio.create_task(step('quiet', 0.5))
    print(t)
    print(await t)
    loop.set_debug(True)
    t = asyncio.ensure_future(step('loud', 0.5))
    print(t)
    print(await t)
    return 'toggled'


loop = asyncio.new_event_loop()
print(loop.get_debug(), loop)
loop.set_debug(True)
print(loop)
task = loop.create_task(step('first', 0.2))
print(task)
print(loop.run_until_complete(task))
print(loop.run_until_complete(step('second', 0.15)))
print(loop.run_until_complete(toggles()))
loop.close()
print(loop)
