# callbacks_and_futures.py -- call_soon, call_later, call_at and a Future
# completed by a callback; a cancelled TimerHandle never runs.
import asyncio


def report(what, loop):
    print(what, 'at', round(loop.time(), 2))


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(report, 'soon', loop)
    h = loop.call_later(0.3, report, 'cancelled timer', loop)
    loop.call_later(0.2, report, 'later', loop)
    loop.call_at(loop.time() + 0.4, fut.set_result, 'future result')
    fut.add_done_callback(lambda f: print('done callback:', f.result()))
    h.cancel()
    print(await fut)
    await asyncio.sleep(0)


asyncio.run(main())
