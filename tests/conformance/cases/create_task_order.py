import asyncio

def cb(tag):
    print('callback', tag)

async def t(tag):
    print('task', tag)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, 1)
    asyncio.create_task(t('a'))
    loop.call_soon(cb, 2)
    asyncio.create_task(t('b'))
    print('main yields')
    await asyncio.sleep(0)
    print('main back')
    await asyncio.sleep(0)

asyncio.run(main())
