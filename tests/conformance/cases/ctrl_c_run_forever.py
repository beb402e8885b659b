# ctrl_c_run_forever.py -- a server-like loop.run_forever() stopped by
# Ctrl+C (at t=3.3): a periodic call_later callback, and a loop that waits
# for its next timer when the signal comes.  KeyboardInterrupt leaves
# run_forever() with the loop no longer running; the program closes it.
import asyncio
import time


def tick(loop, n):
    print(f'{time.time():.1f} tick {n}')
    loop.call_later(1, tick, loop, n + 1)


loop = asyncio.new_event_loop()
loop.call_soon(tick, loop, 0)
try:
    loop.run_forever()
except KeyboardInterrupt:
    print(f'{time.time():.1f} interrupted; running:', loop.is_running())
finally:
    loop.close()
    print('closed:', loop.is_closed())
