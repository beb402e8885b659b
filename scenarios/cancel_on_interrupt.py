# Ctrl+C while the loop runs: here a timer callback raises
# KeyboardInterrupt at t=1.5. It escapes run_until_complete, the tasks are
# left pending, so we cancel them all and let the loop deliver the news.
import asyncio


async def job(seconds):
    print('job', seconds, 'starts')
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print('job', seconds, 'cancelled')
        raise
    return seconds


def interrupt():
    print('^C')
    raise KeyboardInterrupt


loop = asyncio.new_event_loop()
tasks = [loop.create_task(job(s)) for s in (1, 2, 3)]
loop.call_later(1.5, interrupt)
try:
    loop.run_until_complete(asyncio.wait(tasks))
except KeyboardInterrupt:
    for task in asyncio.all_tasks(loop):
        task.cancel()
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
finally:
    loop.close()

for task in tasks:
    print(task.get_name(), 'cancelled' if task.cancelled() else task.result())
