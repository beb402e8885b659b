# A downloader that reads its options with argparse, as the books' flags2
# programs do: run with no arguments, it takes the defaults and prints its
# usage line under the program's own name.
import argparse
import asyncio

DEFAULT_CONCUR = 3


def read_options():
    parser = argparse.ArgumentParser(
        description='Fetch a few resources concurrently.')
    parser.add_argument('names', metavar='NAME', nargs='*', help='what to fetch')
    parser.add_argument('-m', '--max_req', metavar='CONCURRENT', type=int,
                        default=DEFAULT_CONCUR,
                        help=f'maximum concurrent requests (default={DEFAULT_CONCUR})')
    parser.add_argument('-v', '--verbose', action='store_true', help='say more')
    parser.add_argument('-d', '--delay', type=float, default='0.25')
    print(parser.format_usage(), end='')
    args = parser.parse_args()
    if not args.names:
        args.names = ['alpha', 'bravo', 'charlie', 'delta', 'echo']
    return args


async def fetch(name, delay, semaphore):
    async with semaphore:
        await asyncio.sleep(delay * len(name) / 5)
        return name.upper()


async def main():
    args = read_options()
    print(args)
    semaphore = asyncio.Semaphore(args.max_req)
    results = await asyncio.gather(*(fetch(n, args.delay, semaphore) for n in args.names))
    print(results)


asyncio.run(main())
