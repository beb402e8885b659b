# Saving a file is blocking work. run_in_executor hands it to a worker
# thread, so the event loop keeps downloading while the file is written.
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
    time.sleep(0.15)  # a slow disk: blocking, so it must not run in the loop
    disk[filename] = len(image)
    return filename


async def download(cc):
    resp = await net.get(URL.format(cc.lower()))
    image = await resp.read()
    loop = asyncio.get_running_loop()
    name = await loop.run_in_executor(None, save_flag, image, cc + '.gif')
    print(' saved', name, 'at {:.2f}s'.format(loop.time()))


async def ticker():
    while True:  # proof that the loop is free while files are written
        await asyncio.sleep(0.1)
        print('.', end='', flush=True)


async def main():
    tick = asyncio.create_task(ticker())
    await asyncio.gather(*[download(cc) for cc in COUNTRIES])
    tick.cancel()
    print(len(disk), 'files,', sum(disk.values()), 'bytes')


asyncio.run(main())
