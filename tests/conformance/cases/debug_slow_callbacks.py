# asyncio's debug mode, as tutorials use it to find blocking code:
# asyncio.run(main(), debug=True) with logging at DEBUG on stdout. Every
# callback or task step that holds the loop for slow_callback_duration
# (0.1 s) or more is reported with its repr and the virtual time it took;
# futures, tasks and handles say where they were created.
import asyncio
import logging
import sys
import time

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format='%(asctime)s %(levelname)s %(name)s '
                           '%(funcName)s:%(lineno)d %(message)s')
log = logging.getLogger('app')


def blocking_report(n):
    time.sleep(0.05 * n)
    log.info('report %d written', n)


async def fetch(name, cost, wait):
    log.info('%s starts', name)
    time.sleep(cost)            # blocks the whole loop
    await asyncio.sleep(wait)
    time.sleep(cost / 2)
    log.info('%s done', name)
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    print('debug:', loop.get_debug(), loop.slow_callback_duration)
    print(loop)
    tasks = [asyncio.create_task(fetch(f'job{i}', 0.04 * i, 0.3))
             for i in range(1, 5)]
    print(tasks[0])
    h = loop.call_soon(blocking_report, 3)
    print(h)
    t = loop.call_later(0.5, blocking_report, 1)
    print(t)
    fut = loop.create_future()
    print(fut)
    results = await asyncio.gather(*tasks)
    print(results)
    loop.slow_callback_duration = 0.02
    print(asyncio.current_task())
    await asyncio.sleep(0.6)
    time.sleep(0.03)
    own = asyncio.Future()
    print(own)
    loop.call_later(0.1, own.set_result, 'own')
    print(await own)
    time.sleep(0.25)


asyncio.run(main(), debug=True)
print('after run')
