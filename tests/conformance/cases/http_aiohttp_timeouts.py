# http_aiohttp_timeouts.py -- aiohttp's timeouts on httpbin.org's slow
# endpoints: ClientTimeout(total=...) cancels the request at its deadline
# (asyncio.TimeoutError, empty message), rounded up to a whole second when
# it is 5 s or more; sock_read gives up waiting for the answer
# (ServerTimeoutError); asyncio.wait_for around a request works too, and
# a total timeout also covers reading the body.
import asyncio

import aiohttp


async def fetch(session, url, **kwargs):
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with session.get(url, **kwargs) as resp:
            text = await resp.text()
            outcome = f'{resp.status}, {len(text)} chars'
    except asyncio.TimeoutError as exc:
        outcome = f'timeout {exc!r}'
    except aiohttp.ClientError as exc:
        outcome = f'{type(exc).__name__}: {exc}'
    print(f'{url} {kwargs}: {outcome} after {loop.time() - start:.3f}s')


async def main():
    timeout = aiohttp.ClientTimeout(total=2)
    print(timeout)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await fetch(session, 'https://httpbin.org/delay/1')
        await fetch(session, 'https://httpbin.org/delay/3')
        await fetch(session, 'https://httpbin.org/delay/3',
                    timeout=aiohttp.ClientTimeout(sock_read=0.5))
        await fetch(session, 'https://httpbin.org/delay/8',
                    timeout=aiohttp.ClientTimeout(total=5.5))
        await fetch(session, 'https://httpbin.org/delay/1', timeout=0.25)
        try:
            await asyncio.wait_for(session.get('https://httpbin.org/delay/2'),
                                   timeout=1)
        except asyncio.TimeoutError:
            print('wait_for gave up at', asyncio.get_running_loop().time())
    print(aiohttp.ClientSession().timeout)
    slow = aiohttp.TCPConnector()
    async with aiohttp.ClientSession(connector=slow) as session:
        results = await asyncio.gather(
            fetch(session, 'https://httpbin.org/delay/2', timeout=1),
            fetch(session, 'https://httpbin.org/delay/1', timeout=3),
            fetch(session, 'https://httpbin.org/status/503'))
    print(slow.closed)


asyncio.run(main())
