# exception_handler.py -- loop.set_exception_handler() replaces asyncio's
# default reporting: the handler receives the loop and a context dict for
# every error nobody else sees (a callback that raised, a task whose
# exception was never retrieved).  Without it those go to stderr.
import asyncio


def handler(loop, context):
    exc = context.get('exception')
    print('handler:', context['message'], '|', type(exc).__name__, exc)


def tick():
    raise RuntimeError('callback failed')


async def lost():
    await asyncio.sleep(0.1)
    raise ValueError('nobody awaits me')


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick)
    await asyncio.sleep(0)
    loop.set_exception_handler(handler)
    loop.call_soon(tick)
    task = asyncio.create_task(lost())
    await asyncio.sleep(0.2)
    del task
    await asyncio.sleep(0.1)
    print('done')


asyncio.run(main())
