# 保存文件是阻塞操作。run_in_executor 把它交给一个工作线程，
# 这样写文件的同时，事件循环还能继续下载。
import asyncio
import time

import net

COUNTRIES = 'BR CN DE EG FR'.split()
URL = 'http://flags.example/{}.gif'

for i, cc in enumerate(COUNTRIES):
    net.route(URL.format(cc.lower()), body=b'GIF' + cc.encode(),
              delay=(i % 2 + 1) / 10)

disk = {}


def save_flag(image, filename):
    time.sleep(0.15)  # 很慢的磁盘：它会阻塞，所以不能在事件循环里运行
    disk[filename] = len(image)
    return filename


async def download(cc):
    resp = await net.get(URL.format(cc.lower()))
    image = await resp.read()
    loop = asyncio.get_running_loop()
    name = await loop.run_in_executor(None, save_flag, image, cc + '.gif')
    print(' saved', name, 'at {:.2f}s'.format(loop.time()))


async def ticker():
    while True:  # 证明写文件期间事件循环是空闲的
        await asyncio.sleep(0.1)
        print('.', end='', flush=True)


async def main():
    tick = asyncio.create_task(ticker())
    await asyncio.gather(*[download(cc) for cc in COUNTRIES])
    tick.cancel()
    print(len(disk), 'files,', sum(disk.values()), 'bytes')


asyncio.run(main())
