import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.5) as cm:
            await asyncio.sleep(0.3)
            cm.reschedule(loop.time() + 0.5)
            print('rescheduled to', cm.when())
            await asyncio.sleep(1)
    except TimeoutError:
        print('expired:', cm.expired(), 'at', loop.time())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.1)
    print('no deadline:', cm.when(), cm.expired())

asyncio.run(main())
