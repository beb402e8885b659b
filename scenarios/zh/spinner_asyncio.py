# asyncio 版旋转指针：一个任务在同一行上画 '|/-\'，另一个任务
# “等待 I/O”。两者共用一个线程，只在 await 的地方
# 轮流执行。
import asyncio
import itertools
import sys


async def spin(msg):
    out = sys.stdout
    for char in itertools.cycle('|/-\\'):
        frame = char + ' ' + msg
        out.write(frame)
        out.flush()
        out.write('\b' * len(frame))  # 退回到这段文字的开头
        try:
            await asyncio.sleep(0.1)
        except asyncio.CancelledError:
            break
    out.write(' ' * len(frame) + '\b' * len(frame))  # 擦掉它


async def slow_function():
    await asyncio.sleep(3)  # 假装要等很久的 I/O
    return 42


async def supervisor():
    spinner = asyncio.create_task(spin('thinking!'))
    print('spinner task:', spinner)
    answer = await slow_function()
    spinner.cancel()
    return answer


answer = asyncio.run(supervisor())
print('Answer:', answer)
