# task_exception_never_retrieved.py -- a task fails and nothing awaits it
# or asks for its result.  When the task object goes away (here: when
# main() drops its only reference), asyncio logs "Task exception was never
# retrieved" with the task and the traceback of its exception; the program
# itself goes on as if nothing happened.
import asyncio


async def risky(n):
    await asyncio.sleep(0.1)
    return 10 / n


async def main():
    ok = asyncio.create_task(risky(2))
    forgotten = asyncio.create_task(risky(0))
    await asyncio.sleep(0.5)
    print('result of ok:', ok.result())
    print('dropping the forgotten task')
    forgotten = None
    await asyncio.sleep(0.1)
    print('main goes on')


asyncio.run(main())
