# ctrl_c_traceback_through_loop.py -- Ctrl+C at t=0.5 while
# run_until_complete waits for its timer: the KeyboardInterrupt nobody
# catches comes out of the selector's wait, and the traceback shows the
# loop's frames down to the poll; the loop is closed on the way out, and
# the other task, still pending, is destroyed at exit.
import asyncio


async def ticker():
    while True:
        await asyncio.sleep(0.2)
        print('tick')


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.create_task(ticker())
try:
    loop.run_until_complete(asyncio.sleep(3))
finally:
    print('closing')
    loop.close()
