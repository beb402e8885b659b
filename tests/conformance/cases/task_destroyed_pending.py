# task_destroyed_pending.py -- run_until_complete() only runs the loop
# until its own future is done; a task still waiting at that point never
# finishes.  When the program ends, the interpreter destroys it and asyncio
# complains: "Task was destroyed but it is pending!", with the line it was
# waiting at.  (asyncio.run() would have cancelled it instead.)
import asyncio


async def heartbeat():
    n = 0
    while True:
        print('beat', n)
        n += 1
        await asyncio.sleep(0.4)


async def job():
    await asyncio.sleep(1)
    return 'job done'


loop = asyncio.new_event_loop()
beats = loop.create_task(heartbeat())
print(loop.run_until_complete(job()))
print('program ends with the heartbeat still pending')
