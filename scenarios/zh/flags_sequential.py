# 顺序的国旗下载器：一次只发一个请求。每次下载都要等前一次完成，
# 所以总耗时是所有延迟之和。
import asyncio
import time

import net

COUNTRIES = 'BR CN DE EG FR IN JP NG RU US'.split()
URL = 'http://flags.example/{}.gif'

# 模拟的服务器在 0.1 到 0.3 秒后应答。
for i, cc in enumerate(COUNTRIES):
    net.route(URL.format(cc.lower()), body=b'GIF' + cc.encode(),
              delay=(i % 3 + 1) / 10)


async def fetch_flag(cc):
    resp = await net.get(URL.format(cc.lower()))
    return await resp.read()


async def download_all(codes):
    total = 0
    for cc in codes:
        image = await fetch_flag(cc)  # 在此期间没有别的代码运行
        total += len(image)
        print(cc, end=' ', flush=True)
    return total


start = time.time()
size = asyncio.run(download_all(COUNTRIES))
print('\n{} bytes in {:.1f}s'.format(size, time.time() - start))
