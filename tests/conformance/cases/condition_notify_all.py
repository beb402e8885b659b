import asyncio

async def consumer(cond, name, box):
    async with cond:
        await cond.wait()
        print(name, 'woke, box =', box)

async def main():
    cond = asyncio.Condition()
    box = []
    tasks = [asyncio.create_task(consumer(cond, f'c{i}', box)) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        box.append('x')
        cond.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())
