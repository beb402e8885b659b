# 用 as_completed 在每个下载一完成时就处理它，并统计结果。
# 404 算作“未找到”，其他任何失败都算作错误。
import asyncio
import collections

import net

COUNTRIES = 'BR CD CN DE EG ET FR IN IR JP'.split()
URL = 'http://flags.example/{}.gif'

for i, cc in enumerate(COUNTRIES):
    url = URL.format(cc.lower())
    delay = (i % 4 + 1) / 10
    if cc == 'CD':
        continue  # 没有路由，服务器应答 404
    elif cc == 'IR':
        net.route(url, status=500, delay=delay)
    elif cc == 'ET':
        net.route(url, error='connection reset', delay=delay)
    else:
        net.route(url, body=b'GIF' + cc.encode(), delay=delay)


async def download(cc, semaphore):
    async with semaphore:
        resp = await net.get(URL.format(cc.lower()))
    resp.raise_for_status()  # 4xx 和 5xx 时抛出 net.HTTPError
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
