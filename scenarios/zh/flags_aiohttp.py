# 《流畅的 Python》中用 aiohttp 写的国旗下载器：所有下载共用一个
# ClientSession，一个 Semaphore(3)，按完成的顺序处理结果。本项目的国旗
# 服务器上没有刚果（金）的国旗，伊朗和埃塞俄比亚的请求会出错。
import asyncio
import collections

import aiohttp

COUNTRIES = 'BR CD CN DE EG ET FR IN IR JP'.split()
BASE_URL = 'http://flags.test/flags'


async def get_flag(session, cc):
    url = f'{BASE_URL}/{cc}/{cc}.gif'.lower()
    async with session.get(url) as resp:  # 等响应头
        resp.raise_for_status()
        return await resp.read()          # 再等响应体


async def download(session, cc, semaphore):
    async with semaphore:
        image = await get_flag(session, cc)
    print(cc, len(image), 'bytes')
    return cc


async def main():
    counts = collections.Counter()
    semaphore = asyncio.Semaphore(3)
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(download(session, cc, semaphore), name=cc)
                 for cc in COUNTRIES]
        for next_done in asyncio.as_completed(tasks):
            try:
                await next_done
            except aiohttp.ClientResponseError as exc:
                counts['not found' if exc.status == 404 else 'error'] += 1
                print('***', exc.status, exc.message, exc.request_info.url)
            except aiohttp.ClientError as exc:
                counts['error'] += 1
                print('***', type(exc).__name__, exc)
            else:
                counts['ok'] += 1
    print(dict(counts))


asyncio.run(main())
