# 教程里“停止协程”的一课：三个任务，在 run_until_complete() 等待时按下
# Ctrl+C（这个场景在 t = 1.5 s 时按下；可以在单步调试上方修改时间）。
# KeyboardInterrupt 从 run_until_complete() 中抛出，任务都还挂着：处理
# 代码把它们全部取消，再用 stop() + run_forever() 让事件循环多转一圈，
# 把取消送到各任务，
# 最后 close() 结束它。
import asyncio


async def task(x):
    print('Waiting: ', x)
    await asyncio.sleep(x)
    return 'Done after {}s'.format(x)


tasks = [
    asyncio.ensure_future(task(1)),
    asyncio.ensure_future(task(2)),
    asyncio.ensure_future(task(3))
]
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(asyncio.wait(tasks))
except KeyboardInterrupt as e:
    # 教程里写的是 asyncio.Task.all_tasks()（3.9 已移除）；它返回集合，
    # 这里按名字排序，让每次打印的顺序都一样。
    pending = sorted(asyncio.all_tasks(loop), key=lambda t: t.get_name())
    print([t.get_name() for t in pending])
    for t in pending:
        print(t.cancel())
    loop.stop()
    loop.run_forever()
finally:
    loop.close()

for t in tasks:
    print(t.get_name(), 'cancelled' if t.cancelled() else t.result())
