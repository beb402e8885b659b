# 两个任务等待同一个 asyncio.Event；一个用 call_later 安排的普通回调
# 在 0.5 秒后设置它，两个任务按等待的先后顺序醒来。
import asyncio


def open_gate(event):
    print('callback: setting the event')
    event.set()


async def waiter(name, event):
    print(name, 'waits for the event')
    await event.wait()
    print(name, 'goes on')


async def main():
    event = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, open_gate, event)
    await asyncio.gather(waiter('first', event), waiter('second', event))
    print('event is set:', event.is_set())


asyncio.run(main())
