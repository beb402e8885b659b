# http_httpx_flags2.py -- Fluent Python's flags2_asyncio.py (2nd edition),
# with httpx against the corpus' flags server: a Semaphore of 5, results
# as they complete, HTTPStatusError for a 404 ("not found") or a 500, and
# RequestError for the connection reset.
import asyncio
from collections import Counter
from enum import Enum

import httpx

POP20_CC = ('CN IN US ID BR PK NG BD RU JP '
            'MX PH VN ET EG DE IR TR CD FR').split()
DEFAULT_CONCUR_REQ = 5


class DownloadStatus(Enum):
    OK = 'ok'
    NOT_FOUND = 'not found'
    ERROR = 'error'


async def get_flag(client, base_url, cc):
    url = f'{base_url}/{cc}/{cc}.gif'.lower()
    resp = await client.get(url, timeout=3.1, follow_redirects=True)
    resp.raise_for_status()
    return resp.content


async def download_one(client, cc, base_url, semaphore, verbose):
    try:
        async with semaphore:
            image = await get_flag(client, base_url, cc)
    except httpx.HTTPStatusError as exc:
        res = exc.response
        if res.status_code == 404:
            status = DownloadStatus.NOT_FOUND
            msg = f'not found: {res.url}'
        else:
            raise
    else:
        status = DownloadStatus.OK
        msg = f'OK, {len(image)} bytes'
    if verbose and msg:
        print(cc, msg)
    return status


async def supervisor(cc_list, base_url, verbose, concur_req):
    counter = Counter()
    semaphore = asyncio.Semaphore(concur_req)
    async with httpx.AsyncClient() as client:
        to_do = [asyncio.create_task(
                     download_one(client, cc, base_url, semaphore, verbose))
                 for cc in sorted(cc_list)]
        for coro in asyncio.as_completed(to_do):
            error = None
            try:
                status = await coro
            except httpx.HTTPStatusError as exc:
                error_msg = 'HTTP error {resp.status_code} - {resp.reason_phrase}'
                error_msg = error_msg.format(resp=exc.response)
                error = exc
            except httpx.RequestError as exc:
                error_msg = f'{exc} {type(exc)}'.strip()
                error = exc
            except KeyboardInterrupt:
                break
            if error:
                status = DownloadStatus.ERROR
                if verbose:
                    url = str(error.request.url)
                    cc = url.split('/')[-1].split('.')[0].upper()
                    print(f'{cc} error: {error_msg}')
            counter[status] += 1
    return counter


def main():
    counter = asyncio.run(supervisor(POP20_CC, 'http://flags.test/flags',
                                     True, DEFAULT_CONCUR_REQ))
    for status in DownloadStatus:
        print(f'{counter[status]:3} {status.value}')


main()
