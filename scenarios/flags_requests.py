# Fluent Python's sequential flags.py with requests: it blocks, so each
# flag waits for the one before it, and no event loop is involved at all.
# The total time is the sum of all the round trips.
import time

import requests

COUNTRIES = 'BR CN DE EG FR IN JP NG RU US'.split()
BASE_URL = 'https://www.fluentpython.com/data/flags'


def get_flag(cc):
    url = f'{BASE_URL}/{cc}/{cc}.gif'.lower()
    resp = requests.get(url, timeout=6.1)  # blocks until the flag is in
    resp.raise_for_status()
    return resp.content


def download_many(codes):
    total = 0
    for cc in sorted(codes):
        total += len(get_flag(cc))
        print(cc, end=' ', flush=True)
    return total


start = time.perf_counter()
size = download_many(COUNTRIES)
print(f'\n{size} bytes in {time.perf_counter() - start:.2f}s')
