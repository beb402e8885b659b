# 《流畅的 Python》第 2 版的 flags_asyncio.py，用 httpx 写成：一个
# AsyncClient，每面国旗一个协程，一次全部交给 gather。每次
# client.get() 为整个响应只挂起一次。
import asyncio
import time

from httpx import AsyncClient

COUNTRIES = 'BR CN DE EG FR IN JP NG RU US'.split()
BASE_URL = 'https://www.fluentpython.com/data/flags'


async def get_flag(client, cc):
    url = f'{BASE_URL}/{cc}/{cc}.gif'.lower()
    resp = await client.get(url, timeout=6.1, follow_redirects=True)
    return resp.read()


async def download_one(client, cc):
    image = await get_flag(client, cc)
    print(cc, end=' ', flush=True)
    return len(image)


async def supervisor(codes):
    async with AsyncClient() as client:
        to_do = [download_one(client, cc) for cc in sorted(codes)]
        sizes = await asyncio.gather(*to_do)
    return sizes


start = time.perf_counter()
sizes = asyncio.run(supervisor(COUNTRIES))
print(f'\n{len(sizes)} flags, {sum(sizes)} bytes '
      f'in {time.perf_counter() - start:.2f}s')
