# http_aiohttp_gather.py -- Fluent Python's flags_await.py (1st edition),
# with aiohttp: one ClientSession, a coroutine per flag, all started at
# once with gather. Each download suspends twice: in session.get() until
# the headers arrive, in resp.read() for the body.
import asyncio
import time

import aiohttp

POP20_CC = ('CN IN US ID BR PK NG BD RU JP '
            'MX PH VN ET EG DE IR TR CD FR').split()
BASE_URL = 'http://flupy.org/data/flags'

saved = {}


def save_flag(img, filename):
    saved[filename] = len(img)


def show(text):
    print(text, end=' ', flush=True)


async def get_flag(session, cc):
    url = '{}/{cc}/{cc}.gif'.format(BASE_URL, cc=cc.lower())
    async with session.get(url) as resp:
        return await resp.read()


async def download_one(session, cc):
    image = await get_flag(session, cc)
    show(cc)
    save_flag(image, cc.lower() + '.gif')
    return cc


async def download_many(cc_list):
    async with aiohttp.ClientSession() as session:
        res = await asyncio.gather(
            *[asyncio.ensure_future(download_one(session, cc))
              for cc in sorted(cc_list)])
    return len(res)


def main():
    t0 = time.time()
    count = asyncio.run(download_many(POP20_CC))
    elapsed = time.time() - t0
    msg = '\n{} flags downloaded in {:.2f}s'
    print(msg.format(count, elapsed))
    print(sum(saved.values()), 'bytes')


main()
