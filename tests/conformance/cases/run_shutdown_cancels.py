# run_shutdown_cancels.py -- when main() returns, asyncio.run() cancels
# the tasks still pending and runs them until they finish: their
# CancelledError handlers and finally blocks run at the end of the run.
import asyncio


async def worker(name, delay):
    try:
        print(name, 'starts')
        await asyncio.sleep(delay)
        print(name, 'finished')
    except asyncio.CancelledError:
        print(name, 'cancelled by the shutdown')
        raise
    finally:
        print(name, 'cleans up')


async def main():
    asyncio.create_task(worker('fast', 0.5))
    asyncio.create_task(worker('slow', 5))
    await asyncio.sleep(1)
    print('main returns with a task still pending')


asyncio.run(main())
print('after run')
