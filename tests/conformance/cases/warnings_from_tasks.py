# warnings_from_tasks.py -- warnings.warn() reports the line that called
# it (stacklevel=1) or its caller (stacklevel=2), once per place by
# default, on stderr: "file.py:LINE: Category: message" and the source
# line.  A DeprecationWarning is shown for code in __main__ only.
import asyncio
import warnings


def old_api(x):
    warnings.warn('old_api() is deprecated, use new_api()', DeprecationWarning,
                  stacklevel=2)
    return x * 2


async def worker(n):
    await asyncio.sleep(0.1 * n)
    if n > 1:
        warnings.warn(f'worker {n} is slow')
    return old_api(n)


async def main():
    results = await asyncio.gather(*(worker(n) for n in range(4)))
    print(results)
    warnings.warn('resources low', RuntimeWarning)


asyncio.run(main())
