# http_default_world.py -- the tutorials' "fetch some web pages" programs
# (Real Python, SuperFastPython) on the default world: any URL answers,
# always with the same status, size and latency; httpbin.org and
# jsonplaceholder.typicode.com answer as those services do; a name under
# .invalid does not resolve, and nothing listens on localhost:8080.
import asyncio
import time

import aiohttp

URLS = [
    'https://www.python.org/',
    'https://docs.python.org/3/library/asyncio.html',
    'https://example.com',
    'https://realpython.com/async-io-python/',
    'https://superfastpython.com/python-asyncio/',
    'https://www.fluentpython.com/data/flags/br/metadata.json',
    'https://github.com/aio-libs/aiohttp/archive/master.zip',
    'https://httpbin.org/get?show=1',
    'https://jsonplaceholder.typicode.com/todos/1',
    'http://nowhere.invalid/',
    'http://localhost:8080/',
]


async def fetch(session, url):
    start = time.perf_counter()
    try:
        async with session.get(url) as response:
            body = await response.read()
            kind = response.content_type
            status = response.status
    except aiohttp.ClientError as exc:
        return f'{url}: {type(exc).__name__}: {exc}'
    took = time.perf_counter() - start
    return f'{url}: {status} {kind} {len(body)} bytes in {took:.3f}s'


async def main():
    async with aiohttp.ClientSession() as session:
        for line in await asyncio.gather(*[fetch(session, u) for u in URLS]):
            print(line)
        # The same URL answers the same way every time.
        again = await fetch(session, URLS[0])
        print('again:', again)
        async with session.get('https://jsonplaceholder.typicode.com/todos/1') as resp:
            todo = await resp.json()
            print(todo['title'], todo['completed'], resp.headers['Content-Type'])
        async with session.get('https://httpbin.org/get', params={'q': 'asyncio'}) as resp:
            data = await resp.json()
            print(data['url'], data['args'], data['headers']['User-Agent'])
        async with session.post('https://httpbin.org/post', json={'n': 1}) as resp:
            data = await resp.json()
            print(resp.status, data['json'], data['data'])
        async with session.get('https://example.com/') as resp:
            html = await resp.text()
            print(html[:60].replace('\n', ' '), '...', html[-8:].replace('\n', ' '))


asyncio.run(main())
print(f'{time.perf_counter():.3f}')
