# taskgroup_failures.py -- a TaskGroup whose two children fail: the
# siblings still running are cancelled, and the errors come out as one
# ExceptionGroup, which except* splits by type.
import asyncio


async def ok(n):
    try:
        await asyncio.sleep(n)
        print('ok', n, 'done')
    except asyncio.CancelledError:
        print('ok', n, 'cancelled')
        raise


async def bad(n, exc):
    await asyncio.sleep(n)
    print('bad', n, 'raises', type(exc).__name__)
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(0.1))
            tg.create_task(bad(0.2, ValueError('v')))
            tg.create_task(bad(0.2, KeyError('k')))
            tg.create_task(ok(1))
    except* ValueError as eg:
        print('ValueErrors:', [str(e) for e in eg.exceptions])
    except* KeyError as eg:
        print('KeyErrors:', [repr(e) for e in eg.exceptions])


asyncio.run(main())
