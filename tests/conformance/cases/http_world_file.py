# http_world_file.py -- a program against its own virtual internet
# (http_world_file.world.json beside it): an API with JSON answers, a 404
# with a JSON body, a 503 with a Retry-After header, a redirect, a
# connection reset, a host that never answers, one that refuses, and a
# CDN whose body takes a second to arrive. The same URLs in aiohttp, httpx
# and requests.
import asyncio
import time

import aiohttp
import httpx
import requests

API = 'http://api.test'


def stamp():
    return f'{time.monotonic():7.3f}'


async def with_aiohttp():
    timeout = aiohttp.ClientTimeout(total=3)
    async with aiohttp.ClientSession(API, timeout=timeout) as session:
        for path in ['/users', '/users/3', '/busy', '/old', '/flaky', '/hang']:
            try:
                async with session.get(path) as resp:
                    body = await resp.text()
                    print(stamp(), 'aiohttp', path, resp.status, resp.reason,
                          len(resp.history), resp.headers.get('Retry-After'),
                          body[:40])
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                print(stamp(), 'aiohttp', path, repr(exc))
        try:
            await session.get('http://down.test/')
        except aiohttp.ClientConnectorError as exc:
            print(stamp(), exc, exc.host, exc.port)
        async with session.get('http://cdn.test:8080/big.bin') as resp:
            print(stamp(), 'headers', resp.content_length)
            data = await resp.read()
            print(stamp(), 'body', len(data))


async def with_httpx():
    async with httpx.AsyncClient(follow_redirects=True) as client:
        tasks = [asyncio.create_task(client.get(API + path))
                 for path in ['/users', '/old', '/users/3', '/flaky']]
        tasks.append(asyncio.create_task(client.get('http://slow.test/')))
        tasks.append(asyncio.create_task(client.get(API + '/hang')))
        for task in tasks:
            try:
                resp = await task
                print(stamp(), 'httpx', resp, resp.url, resp.json()
                      if resp.headers['content-type'] == 'application/json'
                      else resp.text[:20])
            except httpx.HTTPError as exc:
                print(stamp(), 'httpx', type(exc).__name__, repr(str(exc)))


def with_requests():
    for url, timeout in [(API + '/old', None), (API + '/busy', None),
                         ('http://slow.test/', (1, 2)),
                         ('http://slow.test/', (1, 5)),
                         (API + '/hang', 0.5), ('http://down.test/x', None)]:
        try:
            resp = requests.get(url, timeout=timeout)
            print(stamp(), 'requests', resp.url, resp.status_code,
                  [r.status_code for r in resp.history], resp.text[:30])
        except requests.RequestException as exc:
            print(stamp(), 'requests', type(exc).__name__, exc)


asyncio.run(with_aiohttp())
asyncio.run(with_httpx())
with_requests()
