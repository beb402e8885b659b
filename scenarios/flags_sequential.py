# Sequential flag downloader: one request at a time. Each download waits
# for the one before it, so the total time is the sum of all latencies.
import asyncio
import time

import net

COUNTRIES = 'BR CN DE EG FR IN JP NG RU US'.split()
URL = 'http://flags.example/{}.gif'

# The simulated server answers after 0.1 to 0.3 s.
for i, cc in enumerate(COUNTRIES):
    net.route(URL.format(cc.lower()), body=b'GIF' + cc.encode(),
              delay=(i % 3 + 1) / 10)


async def fetch_flag(cc):
    resp = await net.get(URL.format(cc.lower()))
    return await resp.read()


async def download_all(codes):
    total = 0
    for cc in codes:
        image = await fetch_flag(cc)  # nothing else runs meanwhile
        total += len(image)
        print(cc, end=' ', flush=True)
    return total


start = time.time()
size = asyncio.run(download_all(COUNTRIES))
print('\n{} bytes in {:.1f}s'.format(size, time.time() - start))
