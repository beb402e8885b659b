# http_httpx_metadata.py -- Fluent Python's flags3_asyncio.py (2nd
# edition) with httpx: for each country, the flag and then its
# metadata.json (resp.json() for the country's name), each request under
# the semaphore on its own; the file is saved as <Country>-<CC>.gif. The
# corpus' flags server lacks Congo and Pakistan's metadata.
import asyncio
from collections import Counter

import httpx

POP20_CC = ('CN IN US ID BR PK NG BD RU JP '
            'MX PH VN ET EG DE IR TR CD FR').split()
BASE_URL = 'http://flags.test/flags'

saved = {}


async def get_flag(client, base_url, cc):
    url = f'{base_url}/{cc}/{cc}.gif'.lower()
    resp = await client.get(url, timeout=3.1, follow_redirects=True)
    resp.raise_for_status()
    return resp.content


async def get_country(client, base_url, cc):
    url = f'{base_url}/{cc}/metadata.json'.lower()
    resp = await client.get(url, timeout=3.1, follow_redirects=True)
    resp.raise_for_status()
    metadata = resp.json()
    return metadata['country']


async def download_one(client, cc, base_url, semaphore):
    try:
        async with semaphore:
            image = await get_flag(client, base_url, cc)
        async with semaphore:
            country = await get_country(client, base_url, cc)
    except httpx.HTTPStatusError as exc:
        res = exc.response
        if res.status_code == 404:
            print(cc, 'not found:', res.url)
            return 'not found'
        raise
    filename = country.replace(' ', '_')
    saved[f'{filename}-{cc}.gif'] = len(image)
    print(cc, 'saved as', f'{filename}-{cc}.gif')
    return 'ok'


async def supervisor(cc_list, base_url, concur_req):
    counter = Counter()
    semaphore = asyncio.Semaphore(concur_req)
    async with httpx.AsyncClient() as client:
        to_do = [asyncio.create_task(
                     download_one(client, cc, base_url, semaphore))
                 for cc in sorted(cc_list)]
        for task in asyncio.as_completed(to_do):
            try:
                status = await task
            except httpx.HTTPStatusError as exc:
                print('*** HTTP error', exc.response.status_code,
                      exc.response.reason_phrase, 'for', exc.request.url)
                status = 'error'
            except httpx.RequestError as exc:
                print('***', type(exc).__name__, exc, 'for', exc.request.url)
                status = 'error'
            counter[status] += 1
    return counter


counter = asyncio.run(supervisor(POP20_CC, BASE_URL, 4))
print(sorted(counter.items()))
print(len(saved), 'files,', sum(saved.values()), 'bytes')
