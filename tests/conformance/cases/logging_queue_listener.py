# Logging that does not block the loop: the tasks' records go through a
# QueueHandler onto a queue, and a QueueListener thread hands them to the
# slow handlers (the console and a size-rotated file), as published asyncio
# logging recipes set it up. The listener's thread runs whenever the loop
# waits for its next timer, so its output comes in bursts.
import asyncio
import logging
import logging.handlers
import os
import queue
import time

records = queue.SimpleQueue()
console = logging.StreamHandler()
console.setFormatter(logging.Formatter(
    '%(asctime)s %(threadName)-10s %(levelname)-7s %(name)s: %(message)s'))
rotating = logging.handlers.RotatingFileHandler('jobs.log', maxBytes=120, backupCount=2)
rotating.setLevel(logging.INFO)
rotating.setFormatter(logging.Formatter('%(name)s %(message)s'))
listener = logging.handlers.QueueListener(records, console, rotating,
                                          respect_handler_level=True)

root = logging.getLogger()
root.setLevel(logging.DEBUG)
root.addHandler(logging.handlers.QueueHandler(records))
log = logging.getLogger('jobs')


def checksum(n):
    log.debug('checksum %d in a worker thread', n)
    time.sleep(0.2)
    return sum(range(n * 1000)) % 97


async def job(n):
    log.info('job %d queued', n)
    await asyncio.sleep(0.1 * n)
    value = await asyncio.to_thread(checksum, n)
    if value % 2:
        log.warning('job %d: odd checksum %d', n, value)
    else:
        log.info('job %d: checksum %d', n, value)
    print(f'job {n} finished at {asyncio.get_running_loop().time():.1f}')
    return value


async def main():
    listener.start()
    print('listener started')
    try:
        results = await asyncio.gather(*(job(n) for n in range(1, 5)))
        try:
            raise KeyError('missing')
        except KeyError:
            log.exception('lookup failed after %s', results)
    finally:
        listener.stop()
    print('listener stopped')


asyncio.run(main())
for name in sorted(os.listdir('.')):
    if name.startswith('jobs.log'):
        with open(name) as f:
            print(name, f.read().splitlines())
