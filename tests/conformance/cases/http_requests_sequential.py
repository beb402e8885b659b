# http_requests_sequential.py -- Fluent Python's sequential flags.py, with
# requests: one flag after another, each request blocking for its whole
# round trip, so the total time is the sum of the latencies.
import time

import requests

POP20_CC = ('CN IN US ID BR PK NG BD RU JP '
            'MX PH VN ET EG DE IR TR CD FR').split()
BASE_URL = 'https://www.fluentpython.com/data/flags'

saved = {}


def save_flag(img, filename):
    saved[filename] = len(img)


def get_flag(cc):
    url = f'{BASE_URL}/{cc}/{cc}.gif'.lower()
    resp = requests.get(url, timeout=6.1)
    resp.raise_for_status()
    return resp.content


def download_many(cc_list):
    for cc in sorted(cc_list):
        image = get_flag(cc)
        save_flag(image, f'{cc}.gif')
        print(cc, end=' ', flush=True)
    return len(cc_list)


def main(downloader):
    t0 = time.perf_counter()
    count = downloader(POP20_CC)
    elapsed = time.perf_counter() - t0
    print(f'\n{count} downloads in {elapsed:.2f}s')
    print(sum(saved.values()), 'bytes saved in', len(saved), 'files')


main(download_many)

# The same server, one request at a time, with a session and its answers.
with requests.Session() as session:
    resp = session.get('https://www.fluentpython.com/data/flags/cn/metadata.json')
    print(resp, resp.status_code, resp.reason, resp.ok)
    print(resp.headers['content-type'], resp.encoding, resp.url)
    print(resp.json())
    resp = session.get('https://www.fluentpython.com/data/flags/zz/zz.gif')
    print(resp, resp.ok, bool(resp), len(resp.text) > 0)
print(f'{time.perf_counter():.3f}')
