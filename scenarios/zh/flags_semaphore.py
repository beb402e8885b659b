# 并发的国旗下载器：所有下载同时开始，但 asyncio.Semaphore
# 让同时在途的请求最多只有三个。
import asyncio
import time

import net

COUNTRIES = 'BR CN DE EG FR IN JP NG RU US'.split()
URL = 'http://flags.example/{}.gif'
LIMIT = 3

for i, cc in enumerate(COUNTRIES):
    net.route(URL.format(cc.lower()), body=b'GIF' + cc.encode(),
              delay=(i % 3 + 1) / 10)


async def download(cc, semaphore):
    async with semaphore:  # 已有 LIMIT 个请求在途时，在这里等待
        resp = await net.get(URL.format(cc.lower()))
        image = await resp.read()
    print(cc, end=' ', flush=True)
    return len(image)


async def main():
    semaphore = asyncio.Semaphore(LIMIT)
    sizes = await asyncio.gather(*[download(cc, semaphore)
                                   for cc in COUNTRIES])
    print('\n{} flags, {} bytes'.format(len(sizes), sum(sizes)))


start = time.time()
asyncio.run(main())
print('{:.1f}s, at most {} requests in flight'.format(
    time.time() - start, net.stats['max_in_flight']))
