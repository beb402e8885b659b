# The asyncio spinner: one task draws '|/-\' on a single line while
# another "waits for I/O". Both share one thread; they take turns only
# where they await.
import asyncio
import itertools
import sys


async def spin(msg):
    out = sys.stdout
    for char in itertools.cycle('|/-\\'):
        frame = char + ' ' + msg
        out.write(frame)
        out.flush()
        out.write('\b' * len(frame))  # back to the start of the frame
        try:
            await asyncio.sleep(0.1)
        except asyncio.CancelledError:
            break
    out.write(' ' * len(frame) + '\b' * len(frame))  # wipe it


async def slow_function():
    await asyncio.sleep(3)  # pretend to wait a long time for I/O
    return 42


async def supervisor():
    spinner = asyncio.create_task(spin('thinking!'))
    print('spinner task:', spinner)
    answer = await slow_function()
    spinner.cancel()
    return answer


answer = asyncio.run(supervisor())
print('Answer:', answer)
