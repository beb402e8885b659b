# thread_call_soon_threadsafe.py -- a thread sleeps, then hands a result to
# the loop with call_soon_threadsafe(); the loop waits for it meanwhile.
import asyncio
import threading
import time

def worker(loop, fut):
    time.sleep(0.4)
    loop.call_soon_threadsafe(fut.set_result, 'from thread')

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    th = threading.Thread(target=worker, args=(loop, fut))
    th.start()
    print(await fut, loop.time())
    th.join()

asyncio.run(main())
