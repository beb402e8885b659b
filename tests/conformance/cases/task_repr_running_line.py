# A task's repr names the line its coroutine is at: the line running now
# (also while it awaits a coroutine that prints it), or where it waits.
import asyncio


async def inner(task):
    print('inner sees', task)
    await asyncio.sleep(0.1)
    print('inner again', task)


async def worker():
    me = asyncio.current_task()
    print('worker starts', me)
    await inner(me)
    print('worker ends', me)
    return 'ok'


async def main():
    task = asyncio.create_task(worker(), name='W')
    print('created', task)
    await asyncio.sleep(0)
    print('suspended', task)
    await asyncio.sleep(0.05)
    print('sleeping in inner', task)
    print(await task, task)


asyncio.run(main())
