# An aiohttp downloader that saves with aiofiles, as many tutorials write
# it: the directory made with aiofiles.os, each flag written from its task
# (every file operation a trip to a worker thread), then an index file
# written and read back line by line with `async for`.
import asyncio

import aiofiles
import aiofiles.os
import aiohttp

BASE_URL = 'http://flags.test/flags'
COUNTRIES = 'BR CN EG IN JP'.split()


async def fetch_and_save(session, cc, sem):
    async with sem:
        async with session.get(f'{BASE_URL}/{cc.lower()}/{cc.lower()}.gif') as resp:
            data = await resp.read()
    async with aiofiles.open(f'flags/{cc.lower()}.gif', mode='wb') as f:
        n = await f.write(data)
    print(f'{cc}: saved {n} bytes')
    return cc, n


async def main():
    await aiofiles.os.makedirs('flags', exist_ok=True)
    sem = asyncio.Semaphore(2)
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch_and_save(session, cc, sem) for cc in COUNTRIES))
    f = await aiofiles.open('flags/index.txt', 'w')
    for cc, n in sorted(results):
        await f.write(f'{cc} {n}\n')
    await f.close()
    async with aiofiles.open('flags/index.txt') as f:
        async for line in f:
            print('index:', line.rstrip())
    print(await aiofiles.os.path.exists('flags/br.gif'), (await aiofiles.os.stat('flags/cn.gif')).st_size)
    print(sorted(await aiofiles.os.listdir('flags')))


asyncio.run(main())
