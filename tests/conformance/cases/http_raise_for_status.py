# http_raise_for_status.py -- raise_for_status() in aiohttp, httpx and
# requests, and the messages each prints: a 404 and a 500 from the
# corpus' flags server, a 418 from Fluent Python's error server, and the
# session-wide raise_for_status=True of aiohttp.
import asyncio

import aiohttp
import httpx
import requests

URLS = ['http://flags.test/flags/cd/cd.gif',
        'http://flags.test/flags/ir/ir.gif',
        'https://httpbin.org/status/418',
        'http://flags.test/flags/br/br.gif']


async def with_aiohttp():
    async with aiohttp.ClientSession() as session:
        for url in URLS:
            async with session.get(url) as resp:
                try:
                    resp.raise_for_status()
                except aiohttp.ClientResponseError as exc:
                    print('aiohttp:', exc)
                    print('   ', exc.status, repr(exc.message), exc.request_info.url)
                else:
                    print('aiohttp: ok', resp.status, resp.reason)
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        try:
            await session.get(URLS[0])
        except aiohttp.ClientError as exc:
            print('raise_for_status=True:', type(exc).__name__, exc)


async def with_httpx():
    async with httpx.AsyncClient() as client:
        for url in URLS:
            resp = await client.get(url)
            try:
                print('httpx:', resp.raise_for_status())
            except httpx.HTTPStatusError as exc:
                print('httpx:', exc)
                print('   ', exc.response, exc.request, exc.response.is_error)


def with_requests():
    for url in URLS:
        resp = requests.get(url)
        try:
            resp.raise_for_status()
        except requests.HTTPError as exc:
            print('requests:', exc)
            print('   ', repr(exc.response), exc.response.reason,
                  isinstance(exc, OSError))
        else:
            print('requests: ok', resp)


asyncio.run(with_aiohttp())
asyncio.run(with_httpx())
with_requests()
