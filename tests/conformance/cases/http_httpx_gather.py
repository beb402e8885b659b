# http_httpx_gather.py -- Fluent Python's flags_asyncio.py (2nd edition),
# with httpx: an AsyncClient shared by one coroutine per flag, gathered.
# Each client.get() suspends once, for the whole response; the client's
# default limit of 100 connections lets all 20 run at once.
import asyncio
import time

from httpx import AsyncClient

POP20_CC = ('CN IN US ID BR PK NG BD RU JP '
            'MX PH VN ET EG DE IR TR CD FR').split()
BASE_URL = 'https://www.fluentpython.com/data/flags'

saved = {}


def save_flag(img, filename):
    saved[filename] = len(img)


async def download_one(client, cc):
    image = await get_flag(client, cc)
    save_flag(image, f'{cc}.gif')
    print(cc, end=' ', flush=True)
    return cc


async def get_flag(client, cc):
    url = f'{BASE_URL}/{cc}/{cc}.gif'.lower()
    resp = await client.get(url, timeout=6.1, follow_redirects=True)
    return resp.read()


def download_many(cc_list):
    return asyncio.run(supervisor(cc_list))


async def supervisor(cc_list):
    async with AsyncClient() as client:
        to_do = [download_one(client, cc) for cc in sorted(cc_list)]
        res = await asyncio.gather(*to_do)
        print('\nclient closed:', client.is_closed)
    print('client closed:', client.is_closed)
    return len(res)


def main(downloader):
    t0 = time.perf_counter()
    count = downloader(POP20_CC)
    elapsed = time.perf_counter() - t0
    print(f'{count} downloads in {elapsed:.2f}s')
    print(sum(saved.values()), 'bytes;', sorted(saved)[:3], '...')


main(download_many)
