# Fluent Python's flags_asyncio.py (2nd edition) with httpx: one
# AsyncClient, a coroutine per flag, all gathered at once. Each
# client.get() suspends once for the whole response.
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
