# A flags downloader that saves each image as the tutorials do: a
# `downloaded/` directory made with pathlib, `write_bytes` per flag from
# the tasks, then the saved files listed with their sizes.
import asyncio
import time
from pathlib import Path

import aiohttp

BASE_URL = 'http://flags.test/flags'
DEST_DIR = Path('downloaded')
COUNTRIES = 'BR CN DE EG FR IN JP NG RU US'.split()


def save_flag(img: bytes, filename: str) -> None:
    (DEST_DIR / filename).write_bytes(img)


async def get_flag(session, cc):
    url = f'{BASE_URL}/{cc}/{cc}.gif'.lower()
    async with session.get(url) as resp:
        return await resp.read()


async def download_one(session, cc):
    image = await get_flag(session, cc)
    save_flag(image, f'{cc}.gif'.lower())
    print(cc, end=' ', flush=True)
    return cc


async def supervisor(cc_list):
    async with aiohttp.ClientSession() as session:
        to_do = [download_one(session, cc) for cc in sorted(cc_list)]
        return await asyncio.gather(*to_do)


def main():
    DEST_DIR.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    done = asyncio.run(supervisor(COUNTRIES))
    elapsed = time.perf_counter() - t0
    print(f'\n{len(done)} flags downloaded in {elapsed:.2f}s')
    for path in sorted(DEST_DIR.iterdir()):
        print(path, path.stat().st_size, path.read_bytes()[:6])
    with open(DEST_DIR / 'index.txt', 'w') as index:
        for path in sorted(DEST_DIR.glob('*.gif')):
            index.write(f'{path.name}\n')
    print(open('downloaded/index.txt').read().split())


if __name__ == '__main__':
    main()
