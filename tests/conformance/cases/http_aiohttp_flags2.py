# http_aiohttp_flags2.py -- Fluent Python's flags2_asyncio.py with aiohttp,
# against the corpus' flags server (flags.test), which is missing Congo,
# answers 500 for Iran and resets the connection for Ethiopia: at most
# MAX_CONCUR_REQ downloads at a time (asyncio.Semaphore), results handled
# as they complete, a 404 counted as "not found", any other failure
# wrapped in FetchError(cc) from the original error.
import asyncio
import collections
import time
from enum import Enum

import aiohttp
from aiohttp import web

POP20_CC = ('CN IN US ID BR PK NG BD RU JP '
            'MX PH VN ET EG DE IR TR CD FR').split()
BASE_URL = 'http://flags.test/flags'
MAX_CONCUR_REQ = 5


class HTTPStatus(Enum):
    ok = 1
    not_found = 2
    error = 3


Result = collections.namedtuple('Result', 'status cc')


class FetchError(Exception):
    def __init__(self, country_code):
        self.country_code = country_code


async def get_flag(session, base_url, cc):
    url = '{}/{cc}/{cc}.gif'.format(base_url, cc=cc.lower())
    async with session.get(url) as resp:
        if resp.status == 200:
            return await resp.read()
        elif resp.status == 404:
            raise web.HTTPNotFound()
        else:
            raise aiohttp.HttpProcessingError(
                code=resp.status, message=resp.reason,
                headers=resp.headers)


async def download_one(session, cc, base_url, semaphore, verbose):
    try:
        async with semaphore:
            image = await get_flag(session, base_url, cc)
    except web.HTTPNotFound:
        status = HTTPStatus.not_found
        msg = 'not found'
    except Exception as exc:
        raise FetchError(cc) from exc
    else:
        status = HTTPStatus.ok
        msg = 'OK ({} bytes)'.format(len(image))
    if verbose and msg:
        print(cc, msg)
    return Result(status, cc)


async def downloader_coro(cc_list, base_url, verbose, concur_req):
    counter = collections.Counter()
    semaphore = asyncio.Semaphore(concur_req)
    async with aiohttp.ClientSession() as session:
        to_do = [asyncio.create_task(
                     download_one(session, cc, base_url, semaphore, verbose))
                 for cc in sorted(cc_list)]
        for future in asyncio.as_completed(to_do):
            try:
                res = await future
            except FetchError as exc:
                country_code = exc.country_code
                try:
                    error_msg = exc.__cause__.args[0]
                except IndexError:
                    error_msg = exc.__cause__.__class__.__name__
                if verbose and error_msg:
                    msg = '*** Error for {}: {!r}'
                    print(msg.format(country_code, error_msg))
                    print('    ', type(exc.__cause__).__name__,
                          exc.__cause__)
                status = HTTPStatus.error
            else:
                status = res.status
            counter[status] += 1
    return counter


def main():
    t0 = time.time()
    counter = asyncio.run(downloader_coro(POP20_CC, BASE_URL, True,
                                          MAX_CONCUR_REQ))
    elapsed = time.time() - t0
    print('-' * 20)
    print(counter[HTTPStatus.ok], 'flags downloaded.')
    print(counter[HTTPStatus.not_found], 'not found.')
    print(counter[HTTPStatus.error], 'errors.')
    print('Elapsed time: {:.2f}s'.format(elapsed))


main()
