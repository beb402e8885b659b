# print_to_stderr.py -- print(..., file=sys.stderr) and sys.stderr.write()
# go to stderr, which the transcript keeps apart from stdout but in the
# order things were written, each with the virtual time it was written at.
import asyncio
import sys


async def worker(name, delay):
    print(f'{name}: starting')
    await asyncio.sleep(delay)
    if delay > 0.2:
        print(f'{name}: slow response ({delay} s)', file=sys.stderr)
    print(f'{name}: done')


async def main():
    sys.stderr.write('log: starting workers\n')
    await asyncio.gather(worker('a', 0.1), worker('b', 0.3))
    print('summary printed to stdout')
    print('log: all done', file=sys.stderr)


asyncio.run(main())
