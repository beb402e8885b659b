import asyncio

async def inner():
    await asyncio.sleep(0.5)
    print('inner finished anyway')
    return 'inner result'

async def outer(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print('outer cancelled; inner done?', t.done())
        raise

async def main():
    t = asyncio.create_task(inner())
    o = asyncio.create_task(outer(t))
    await asyncio.sleep(0.1)
    o.cancel()
    await asyncio.sleep(0)
    print(await t)

asyncio.run(main())
