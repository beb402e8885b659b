# loop_stop_run_forever.py -- a blocking sleep before any loop exists, then
# run_until_complete() of a gather, run_forever() stopped by a
# call_later(0.3, loop.stop) (a handle CPython names BaseEventLoop.stop),
# and a second loop from asyncio.run().
import asyncio
import time

async def job(n):
    await asyncio.sleep(n)
    print('job', n)
    return n

time.sleep(0.5)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
t = loop.create_task(job(0.2))
print(loop.run_until_complete(asyncio.gather(t, job(0.1))))
loop.call_later(0.3, loop.stop)
loop.call_soon(print, 'soon')
loop.run_forever()
print('stopped at', loop.time())
loop.close()
asyncio.run(job(0.05))
