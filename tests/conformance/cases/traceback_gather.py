# traceback_gather.py -- one download fails inside asyncio.gather() and
# nobody catches it.  gather() hands the first exception to the task that
# awaits it, so the traceback runs from asyncio.run() through main()'s
# `await asyncio.gather(...)` down to the line that raised: gather's own
# future adds no frame.  The other downloads are cancelled on the way out.
import asyncio

PAGES = {'home': 0.3, 'about': 0.1, 'contact': 0.2}


async def download(name):
    delay = PAGES[name]
    await asyncio.sleep(delay)
    if name == 'about':
        raise ConnectionError(f'{name}: connection reset by peer')
    print(f'downloaded {name} in {delay} s')
    return len(name)


async def main():
    sizes = await asyncio.gather(*(download(n) for n in ['home', 'about', 'contact']))
    print('sizes:', sizes)


asyncio.run(main())
