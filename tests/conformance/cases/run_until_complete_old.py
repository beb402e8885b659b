import asyncio

async def hello(n):
    await asyncio.sleep(n)
    print('hello', n)
    return n

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
tasks = [loop.create_task(hello(n)) for n in (0.2, 0.1)]
print(loop.run_until_complete(asyncio.gather(*tasks)))
loop.run_until_complete(asyncio.sleep(0.1))
print('pending after:', len(asyncio.all_tasks(loop)))
loop.close()
print('closed:', loop.is_closed())
