# Handle each download as soon as it finishes with as_completed, and count
# the outcomes: a 404 is "not found", any other failure is an error.
import asyncio
import collections

import net

COUNTRIES = 'BR CD CN DE EG ET FR IN IR JP'.split()
URL = 'http://flags.example/{}.gif'

for i, cc in enumerate(COUNTRIES):
    url = URL.format(cc.lower())
    delay = (i % 4 + 1) / 10
    if cc == 'CD':
        continue  # no route: the server answers 404
    elif cc == 'IR':
        net.route(url, status=500, delay=delay)
    elif cc == 'ET':
        net.route(url, error='connection reset', delay=delay)
    else:
        net.route(url, body=b'GIF' + cc.encode(), delay=delay)


async def download(cc, semaphore):
    async with semaphore:
        resp = await net.get(URL.format(cc.lower()))
    resp.raise_for_status()  # net.HTTPError for 4xx and 5xx
    return cc


async def main():
    semaphore = asyncio.Semaphore(4)
    counts = collections.Counter()
    tasks = [asyncio.create_task(download(cc, semaphore), name=cc)
             for cc in COUNTRIES]
    for next_done in asyncio.as_completed(tasks):
        try:
            cc = await next_done
        except net.HTTPError as exc:
            if exc.status == 404:
                counts['not found'] += 1
            else:
                counts['error'] += 1
            print('***', exc.url, exc)
        except ConnectionError as exc:
            counts['error'] += 1
            print('*** network error:', exc)
        else:
            counts['ok'] += 1
            print(cc, 'OK')
    print(dict(counts))


asyncio.run(main())
