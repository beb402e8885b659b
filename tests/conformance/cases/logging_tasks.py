# logging from tasks and executor threads while the virtual clock moves:
# %(asctime)s with its milliseconds, %(threadName)s of the loop and of the
# default executor's workers, the logger hierarchy, levels and
# propagation. basicConfig sends the records to stdout here.
import asyncio
import logging
import sys
import time

logging.basicConfig(
    stream=sys.stdout, level=logging.DEBUG,
    format='%(asctime)s [%(threadName)s] %(levelname)-7s %(name)s '
           '%(funcName)s:%(lineno)d %(message)s')
log = logging.getLogger('app')
db = logging.getLogger('app.db')
quiet = logging.getLogger('app.quiet')
quiet.setLevel(logging.WARNING)


def query(n):
    db.debug('query %d starts', n)
    time.sleep(0.35 * n)
    db.info('query %d done after %.2fs', n, 0.35 * n)
    return n * 10


async def worker(n):
    log.info('worker %d starts', n)
    await asyncio.sleep(0.125 * n)
    quiet.info('not shown: %d', n)
    quiet.warning('worker %d slept', n)
    result = await asyncio.to_thread(query, n)
    log.log(25, 'worker %d got %d', n, result)
    return result


async def main():
    log.debug('effective levels: %s %s %s', log.getEffectiveLevel(),
              db.getEffectiveLevel(), quiet.getEffectiveLevel())
    results = await asyncio.gather(*(worker(n) for n in range(1, 4)))
    log.warning('all done: %s', results)
    logging.disable(logging.INFO)
    log.info('disabled')
    log.error('still shown at %s', time.strftime('%H:%M:%S'))


asyncio.run(main())
