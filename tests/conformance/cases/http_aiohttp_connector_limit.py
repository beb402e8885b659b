# http_aiohttp_connector_limit.py -- TCPConnector(limit=3) caps how many
# requests are in flight: twelve downloads gathered at once go three at a
# time, each waiting for a free connection in the order it asked for one.
# limit_per_host caps each host separately; a response's connection is
# free again once its body has been read (or it is released). The world
# file gives flupy.org a bandwidth of 10 kB/s, so bodies take a while.
import asyncio
import time

import aiohttp

BASE_URL = 'http://flupy.org/data/flags'
CCS = 'BR CN DE EG FR IN JP MX NG PK RU US'.split()

in_flight = 0
most = 0
t0 = 0.0


async def download(session, cc):
    global in_flight, most
    url = f'{BASE_URL}/{cc.lower()}/{cc.lower()}.gif'
    async with session.get(url) as resp:
        # The connection is ours from here until the body is read.
        in_flight += 1
        most = max(most, in_flight)
        print(f'{time.time() - t0:.3f} {cc} headers, {in_flight} connected')
        image = await resp.read()
        in_flight -= 1
    return len(image)


async def run(connector):
    global t0, most
    most = 0
    t0 = time.time()
    async with aiohttp.ClientSession(connector=connector) as session:
        sizes = await asyncio.gather(*[download(session, cc) for cc in CCS])
    print(f'{len(sizes)} flags, {sum(sizes)} bytes in '
          f'{time.time() - t0:.2f}s, at most {most} connected')


async def mixed():
    # Two hosts, at most two connections to each.
    global t0
    t0 = time.time()
    connector = aiohttp.TCPConnector(limit_per_host=2)
    urls = [f'http://localhost:8000/flags/{cc}/{cc}.gif'
            for cc in ('br', 'cn', 'de', 'eg')]
    urls += [f'https://www.fluentpython.com/data/flags/{cc}/{cc}.gif'
             for cc in ('fr', 'in', 'jp')]

    async def fetch(session, url):
        async with session.get(url) as resp:
            body = await resp.read()
            print(f'{time.time() - t0:.3f} {resp.url.host} {resp.url.name}')
            return len(body)

    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*[fetch(session, u) for u in urls])


async def unread():
    # Bodies that came with their headers free the connection at once:
    # eight statuses through two connections, nobody reading a body.
    global t0
    t0 = time.time()

    async def status(session, cc):
        resp = await session.get(
            f'https://www.fluentpython.com/data/flags/{cc}/metadata.json')
        return resp.status

    connector = aiohttp.TCPConnector(limit=2)
    async with aiohttp.ClientSession(connector=connector) as session:
        codes = await asyncio.gather(*[status(session, cc) for cc in
                                       ('br', 'cn', 'de', 'eg', 'fr', 'in',
                                        'jp', 'zz')])
    print(f'{time.time() - t0:.3f} statuses {codes}')


async def main():
    await run(aiohttp.TCPConnector(limit=3))
    await run(aiohttp.TCPConnector())
    await mixed()
    await unread()


asyncio.run(main())
