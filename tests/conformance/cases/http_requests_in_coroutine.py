# http_requests_in_coroutine.py -- requests blocks: called from a
# coroutine, each request freezes the whole event loop for its round
# trip, so the ticker stops ticking and every download waits for the one
# before it. The same downloads with aiohttp leave the loop free.
import asyncio
import time

import aiohttp
import requests

URLS = [f'http://flupy.org/data/flags/{cc}/{cc}.gif' for cc in ('br', 'cn', 'de')]


async def ticker(stop):
    n = 0
    while not stop.is_set():
        print(f'tick {n} at {time.monotonic():.3f}')
        n += 1
        await asyncio.sleep(0.1)


async def blocking_download(url):
    resp = requests.get(url)          # no await: the loop is stuck here
    print(f'requests {url[-6:]} {len(resp.content)} bytes at {time.monotonic():.3f}')


async def polite_download(session, url):
    async with session.get(url) as resp:
        data = await resp.read()
    print(f'aiohttp {url[-6:]} {len(data)} bytes at {time.monotonic():.3f}')


async def main():
    stop = asyncio.Event()
    tick = asyncio.create_task(ticker(stop))
    await asyncio.sleep(0.05)
    t0 = time.monotonic()
    await asyncio.gather(*[blocking_download(u) for u in URLS])
    print(f'requests: {time.monotonic() - t0:.3f}s')
    t0 = time.monotonic()
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*[polite_download(session, u) for u in URLS])
    print(f'aiohttp: {time.monotonic() - t0:.3f}s')
    stop.set()
    await tick


asyncio.run(main())
