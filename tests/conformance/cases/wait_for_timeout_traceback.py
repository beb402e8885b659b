# wait_for_timeout_traceback.py -- asyncio.wait_for() cancels the slow
# coroutine when the time is up and raises TimeoutError "from" the
# CancelledError.  Uncaught, the traceback shows both: first where the
# cancellation hit the coroutine (inside asyncio.sleep), then the
# TimeoutError raised by wait_for, with asyncio's own frames.
import asyncio


async def fetch_report():
    print('fetching the report')
    await asyncio.sleep(5)
    return 'report'


async def main():
    report = await asyncio.wait_for(fetch_report(), timeout=1.5)
    print(report)


asyncio.run(main())
