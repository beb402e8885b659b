# nested_cancel.py -- cancelling a task delivers CancelledError at the
# innermost await of its coroutine chain; each level's handlers and
# finally blocks run on the way out.
import asyncio


async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print('inner: finally')


async def middle():
    try:
        await inner()
    except asyncio.CancelledError:
        print('middle: caught CancelledError, re-raising')
        raise


async def outer():
    try:
        await middle()
    finally:
        print('outer: finally')


async def main():
    task = asyncio.create_task(outer())
    await asyncio.sleep(0.5)
    print('cancelling at t=0.5')
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('main: task cancelled:', task.cancelled())


asyncio.run(main())
