# http_aiohttp_request_styles.py -- the other ways tutorials call aiohttp:
# aiohttp.request() with a session of its own, session.request(method=,
# url=) then raise_for_status() and text() (Real Python's areq.py), a
# base_url, awaiting session.get() and releasing the response by hand,
# json() on a page that is not JSON (ContentTypeError), and a route the
# program declared with net.route, which the libraries see too.
import asyncio

import aiohttp
import net

net.route('http://api.local/status', json={'ok': True, 'version': 3},
          delay=0.3)
net.route('http://api.local/broken', status=502, delay=0.2)


async def fetch_html(url, session, **kwargs):
    resp = await session.request(method='GET', url=url, **kwargs)
    resp.raise_for_status()
    print(f'Got response [{resp.status}] for URL: {url}')
    html = await resp.text()
    return html


async def parse(url, session):
    try:
        html = await fetch_html(url=url, session=session)
    except (aiohttp.ClientError, aiohttp.http_exceptions.HttpProcessingError) as e:
        print(f'aiohttp exception for {url} [{getattr(e, "status", None)}]: '
              f'{getattr(e, "message", None)}')
        return 0
    return html.count('<')


async def main():
    async with aiohttp.request('GET', 'https://httpbin.org/json') as resp:
        print(resp.status, resp.content_type, resp.charset)
        slides = (await resp.json())['slideshow']['slides']
        print([s['title'] for s in slides])
    async with aiohttp.ClientSession() as session:
        counts = await asyncio.gather(
            parse('https://www.python.org/', session),
            parse('http://api.local/broken', session),
            parse('https://httpbin.org/status/404', session))
        print('tags:', counts)
        resp = await session.get('http://api.local/status')
        print(resp)
        print(await resp.json(), resp.ok, resp.closed)
        resp.release()
        resp = await session.get('https://www.python.org/')
        try:
            await resp.json()
        except aiohttp.ContentTypeError as exc:
            print(type(exc).__mro__[1].__name__, exc.message)
        print(resp.url.host, resp.url.path, resp.url.scheme, resp.url.port,
              resp.url / 'downloads', resp.url.with_path('/about'))
    async with aiohttp.ClientSession('http://flupy.org') as session:
        async with session.get('/data/flags/jp/metadata.json') as resp:
            print(resp.url, await resp.json(content_type=None))
    print(aiohttp.__version__, net.stats)


asyncio.run(main())
