# 《流畅的 Python》中用 requests 写的顺序版 flags.py。它会阻塞，所以每面
# 国旗都要等前一面下载完，整个过程完全不涉及事件循环。
# 总耗时是所有往返时间之和。
import time

import requests

COUNTRIES = 'BR CN DE EG FR IN JP NG RU US'.split()
BASE_URL = 'https://www.fluentpython.com/data/flags'


def get_flag(cc):
    url = f'{BASE_URL}/{cc}/{cc}.gif'.lower()
    resp = requests.get(url, timeout=6.1)  # 阻塞，直到这面国旗下载完
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
