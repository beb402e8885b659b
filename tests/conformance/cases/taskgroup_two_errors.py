# taskgroup_two_errors.py -- two tasks of a TaskGroup fail at the same
# moment.  The group cancels the third task and raises an ExceptionGroup
# with both errors; uncaught, it is printed as a box: the group's own
# traceback, then each sub-exception with its traceback, numbered.
import asyncio


async def worker(name, delay, fail):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f'{name} got bad data')
        print(f'{name} done')
    except asyncio.CancelledError:
        print(f'{name} cancelled')
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker('parser', 0.2, True))
        tg.create_task(worker('loader', 0.2, True))
        tg.create_task(worker('writer', 1.0, False))
    print('not reached')


asyncio.run(main())
