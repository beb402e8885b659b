# 事件循环运行时按下 Ctrl+C。这里由一个定时器回调在 t=1.5 时抛出
# KeyboardInterrupt，它从 run_until_complete 中逃出，任务都还挂着，
# 所以我们把它们全部取消，再让事件循环把这个消息传给它们。
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
