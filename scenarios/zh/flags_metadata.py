# 对每个国家，先下载国旗，再下载它的元数据（一个 JSON 响应体，
# 内含国家名称）。每个请求各自占用一次信号量。
import asyncio

import net

COUNTRIES = {'BR': 'Brazil', 'CN': 'China', 'DE': 'Germany',
             'EG': 'Egypt', 'FR': 'France', 'JP': 'Japan'}
BASE = 'http://flags.example/{}/'

for i, (cc, name) in enumerate(COUNTRIES.items()):
    base = BASE.format(cc.lower())
    net.route(base + 'flag.gif', body=b'GIF' + cc.encode(),
              delay=(i % 3 + 1) / 10)
    if cc != 'EG':  # 埃及没有元数据，应答 404
        net.route(base + 'meta.json', json={'country': name}, delay=0.05)


async def get(url):
    resp = await net.get(url)
    resp.raise_for_status()
    return resp


async def download(cc, semaphore):
    base = BASE.format(cc.lower())
    async with semaphore:
        flag = await (await get(base + 'flag.gif')).read()
    async with semaphore:
        meta = await (await get(base + 'meta.json')).json()
    name = meta['country'].replace(' ', '_')
    print('{}-{}.gif: {} bytes'.format(name, cc, len(flag)))


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*[download(cc, semaphore)
                                     for cc in COUNTRIES],
                                   return_exceptions=True)
    failed = [r for r in results if isinstance(r, Exception)]
    print(len(results) - len(failed), 'saved,', len(failed), 'failed:', failed)


asyncio.run(main())
