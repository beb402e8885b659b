# Each task runs in a copy of the context taken when it was created: what
# one task sets, the others and main do not see; a child task inherits
# its parent's values at creation time; callbacks run in the context of
# whoever scheduled them (or context=); to_thread carries the context to
# its thread, run_in_executor does not.
import asyncio
import contextvars

request_id = contextvars.ContextVar('request_id', default='none')
depth = contextvars.ContextVar('depth', default=0)


async def child(name):
    print(f'  {name}: request_id={request_id.get()} depth={depth.get()}')
    depth.set(depth.get() + 1)


async def handler(n):
    request_id.set(f'req-{n}')
    await asyncio.sleep(0.1 * (3 - n))
    depth.set(10 * n)
    await asyncio.create_task(child(f'child of {n}'))
    print(f'handler {n}: request_id={request_id.get()} depth={depth.get()}')
    return request_id.get()


def report(tag):
    print(f'callback {tag}: request_id={request_id.get()}')


async def main():
    print('main before:', request_id.get())
    print(await asyncio.gather(*(handler(n) for n in range(3))))
    print('main after:', request_id.get(), depth.get())
    token = request_id.set('main')
    snapshot = contextvars.copy_context()
    request_id.set('main-2')
    loop = asyncio.get_running_loop()
    loop.call_soon(report, 'scheduled')
    loop.call_soon(report, 'with snapshot', context=snapshot)
    loop.call_later(0.1, report, 'later')
    await asyncio.sleep(0.2)
    task = asyncio.create_task(child('task in snapshot'), context=snapshot)
    await task
    print('snapshot now:', snapshot[request_id], snapshot[depth])
    print('to_thread sees', await asyncio.to_thread(request_id.get))
    print('run_in_executor sees',
          await loop.run_in_executor(None, request_id.get))
    request_id.reset(token)
    print('main reset:', request_id.get())


asyncio.run(main())
