# http_httpx_limits.py -- httpx.Limits(max_connections=3): ten requests
# gathered at once share three connections, first come, first served.
# With a pool timeout, a request that waits too long for a connection
# gets PoolTimeout; the client's timeout applies to each request.
import asyncio
import time

import httpx

CCS = 'BR CN DE EG FR IN JP MX NG RU'.split()
t0 = time.perf_counter()


def elapsed():
    return f'{time.perf_counter() - t0:.3f}'


async def get_flag(client, cc):
    url = f'https://www.fluentpython.com/data/flags/{cc}/{cc}.gif'.lower()
    try:
        resp = await client.get(url)
    except httpx.TimeoutException as exc:
        print(elapsed(), cc, 'gave up:', repr(exc))
        return 0
    print(elapsed(), cc, resp.status_code, len(resp.content))
    return len(resp.content)


async def main():
    global t0
    limits = httpx.Limits(max_connections=3)
    print(limits, httpx.Timeout(10, pool=0.5))
    async with httpx.AsyncClient(limits=limits) as client:
        t0 = time.perf_counter()
        sizes = await asyncio.gather(*[get_flag(client, cc) for cc in CCS])
        print(elapsed(), 'done:', sum(sizes), 'bytes')
    async with httpx.AsyncClient(limits=limits,
                                 timeout=httpx.Timeout(10, pool=0.5)) as client:
        t0 = time.perf_counter()
        sizes = await asyncio.gather(*[get_flag(client, cc) for cc in CCS])
        print(elapsed(), 'done:', sizes.count(0), 'gave up')
    try:
        await client.get('https://www.fluentpython.com/')
    except RuntimeError as exc:
        print('closed client:', exc)


asyncio.run(main())
