# timeout_traceback.py -- asyncio.timeout() cancels the task when the
# deadline passes and turns the CancelledError into a TimeoutError as the
# `async with` block exits.  Uncaught, both show: where the cancellation
# arrived (the queue's get()), then the TimeoutError raised by the
# context manager's __aexit__.
import asyncio


async def main():
    queue = asyncio.Queue()
    print('waiting for a message')
    async with asyncio.timeout(0.5):
        message = await queue.get()
    print('got', message)


asyncio.run(main())
