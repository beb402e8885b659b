import asyncio
import net

N = 1000
for i in range(N):
    net.route(f'http://flags.test/{i}.gif', body=b'GIF89a', delay=(i % 4 + 1) / 10)
    net.route(f'http://flags.test/{i}.json', json={'name': str(i)}, delay=(i % 3 + 1) / 10)


async def download(i, sem):
    async with sem:
        resp = await net.get(f'http://flags.test/{i}.gif')
        image = await resp.read()
        resp = await net.get(f'http://flags.test/{i}.json')
        meta = await resp.json()
    return len(image), meta['name']


async def main():
    sem = asyncio.Semaphore(100)
    tasks = [asyncio.create_task(download(i, sem)) for i in range(N)]
    done = 0
    for fut in asyncio.as_completed(tasks):
        await fut
        done += 1
        if done % (N // 10) == 0:
            print(done, 'downloaded at', round(asyncio.get_running_loop().time(), 1))
    print(done, 'downloaded, max in flight', net.stats['max_in_flight'])


asyncio.run(main())
