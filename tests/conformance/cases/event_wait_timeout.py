import asyncio

async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), timeout=0.3)
    except asyncio.TimeoutError:
        print('timed out at', asyncio.get_running_loop().time())
    asyncio.get_running_loop().call_later(0.2, ev.set)
    r = await asyncio.wait_for(ev.wait(), timeout=1)
    print('event set:', r)

asyncio.run(main())
