# ctrl_c_loop_waits_forever.py -- run_forever() with nothing scheduled: the
# loop waits in its selector for ever, until Ctrl+C (at t=2).
import asyncio
import time


async def setup():
    print('set up at', time.time())


loop = asyncio.new_event_loop()
loop.run_until_complete(setup())
try:
    loop.run_forever()
except KeyboardInterrupt:
    print('interrupted at', time.time())
finally:
    loop.close()
