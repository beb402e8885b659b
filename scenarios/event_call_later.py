# Two tasks wait on an asyncio.Event; a plain callback scheduled with
# call_later sets it after 0.5 s and both wake, in the order they waited.
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
