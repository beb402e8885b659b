# logging's file handlers on the run's file system, logging.handlers'
# rotating, queue and buffering handlers; the files are made in a folder of
# their own and removed at the end.
import datetime
import io
import logging
import logging.handlers as handlers
import os
import queue
import sys

D = 'logs_fixture'
os.makedirs(D, exist_ok=True)


def at(name):
    return os.path.join(D, name)


def show(name):
    with open(at(name)) as f:
        print(f'{name}: {f.read()!r}')


def listing(prefix=''):
    return sorted(n for n in os.listdir(D) if n.startswith(prefix))


log = logging.getLogger('app')
log.setLevel(logging.DEBUG)
log.propagate = False

fh = logging.FileHandler(at('app.log'))
print(fh.baseFilename == os.path.abspath(at('app.log')), fh.mode, fh.encoding, fh.delay)
print(repr(fh).replace(os.getcwd(), 'CWD'), type(fh.stream).__name__)
fh.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
log.addHandler(fh)
log.info('started %d workers', 3)
log.debug('debug line')
log.removeHandler(fh)
fh.close()
print(fh.stream)
show('app.log')

late = logging.FileHandler(at('late.log'), mode='w', delay=True)
print(late.stream, os.path.exists(at('late.log')))
log.addHandler(late)
log.warning('first record opens the file')
print(os.path.exists(at('late.log')))
log.removeHandler(late)
late.close()
show('late.log')

logging.basicConfig(filename=at('root.log'), filemode='w', level=logging.INFO,
                    format='%(levelname)s %(message)s')
root_handler = logging.getLogger().handlers[0]
print(type(root_handler).__name__, root_handler.mode, root_handler.errors)
logging.info('to the file')
logging.debug('below the level')
logging.error('an error: %s', 'disk full')
show('root.log')
logging.getLogger().removeHandler(root_handler)
root_handler.close()

rot = handlers.RotatingFileHandler(at('rot.log'), maxBytes=40, backupCount=2)
print(rot.mode, rot.maxBytes, rot.backupCount, rot.encoding)
rot.setFormatter(logging.Formatter('%(message)s'))
log.addHandler(rot)
for i in range(8):
    log.info('message number %d', i)
log.removeHandler(rot)
rot.close()
print(listing())
for name in ('rot.log', 'rot.log.1', 'rot.log.2'):
    show(name)

named = handlers.RotatingFileHandler(at('named.log'), mode='w', maxBytes=30, backupCount=3)
named.namer = lambda name: name.replace('.log.', '-') + '.txt'
named.setFormatter(logging.Formatter('%(message)s'))
log.addHandler(named)
for word in ('alpha', 'beta', 'gamma', 'delta', 'epsilon'):
    log.info('%s %s', word, word)
log.removeHandler(named)
named.close()
print(listing('named'))
show('named-1.txt')

never = handlers.RotatingFileHandler(at('never.log'), maxBytes=0, backupCount=5)
never.setFormatter(logging.Formatter('%(message)s'))
log.addHandler(never)
for i in range(5):
    log.info('x' * 30)
log.removeHandler(never)
never.close()
print(listing('never'), os.path.getsize(at('never.log')))

watched = handlers.WatchedFileHandler(at('watched.log'))
watched.setFormatter(logging.Formatter('%(message)s'))
log.addHandler(watched)
log.info('before the move')
os.rename(at('watched.log'), at('watched.old'))
log.info('after the move')
log.removeHandler(watched)
watched.close()
show('watched.old')
show('watched.log')

timed = handlers.TimedRotatingFileHandler(at('timed.log'), when='midnight', utc=True, backupCount=3)
print(timed.when, timed.interval, timed.suffix, timed.extMatch.pattern, timed.utc)
for t in (0, 3600, 86399, 86400, 1000000):
    print(t, timed.computeRollover(t))
print([bool(timed.extMatch.match(s)) for s in ('2024-01-02', '2024-01-02.gz', '2024-1-2', 'x')])
timed.close()
weekly = handlers.TimedRotatingFileHandler(at('weekly.log'), when='W0', utc=True,
                                          atTime=datetime.time(6, 30))
for t in (0, 3 * 86400, 4 * 86400 + 6 * 3600, 4 * 86400 + 7 * 3600):
    print(t, weekly.computeRollover(t))
weekly.close()
for when in ('S', 'm', 'H', 'D'):
    h = handlers.TimedRotatingFileHandler(at('each.log'), when=when, interval=2, utc=True)
    print(when, h.when, h.interval, h.suffix, h.computeRollover(100))
    h.close()
for when in ('W', 'W7', 'X', 'W10'):
    try:
        handlers.TimedRotatingFileHandler(at('bad.log'), when=when)
    except ValueError as e:
        print('ValueError', e)

q = queue.Queue()
qh = handlers.QueueHandler(q)
print(repr(qh), qh.queue is q)
qlog = logging.getLogger('queued')
qlog.propagate = False
qlog.setLevel(logging.INFO)
qlog.addHandler(qh)
qlog.info('hello %s', 'queue')
try:
    1 / 0
except ZeroDivisionError:
    qlog.exception('failed')
rec = q.get_nowait()
print(rec.msg, rec.args, rec.message, rec.exc_info, rec.levelname)
rec2 = q.get_nowait()
print(rec2.msg.splitlines()[0], rec2.msg.splitlines()[-1], rec2.exc_info, rec2.exc_text)

out = io.StringIO()
plain = logging.StreamHandler(out)
strict = logging.StreamHandler(out)
strict.setLevel(logging.WARNING)
strict.setFormatter(logging.Formatter('STRICT %(message)s'))
listener = handlers.QueueListener(q, plain, strict, respect_handler_level=True)
listener.start()
for i in range(3):
    qlog.info('job %d done', i)
qlog.warning('slow job')
listener.stop()
print(out.getvalue(), end='')
print(q.empty(), q.unfinished_tasks)

mem_target = logging.StreamHandler(sys.stdout)
mem_target.setFormatter(logging.Formatter('  flushed %(levelname)s %(message)s'))
mem = handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=mem_target)
mlog = logging.getLogger('mem')
mlog.propagate = False
mlog.setLevel(logging.DEBUG)
mlog.addHandler(mem)
mlog.info('one')
mlog.info('two')
print('buffered', len(mem.buffer))
mlog.info('three')
print('buffered', len(mem.buffer))
mlog.info('four')
mlog.error('boom')
print('buffered', len(mem.buffer))
mlog.info('kept until close')
mem.close()
print(mem.target, len(mem.buffer))

buf = handlers.BufferingHandler(2)
mlog.removeHandler(mem)
mlog.addHandler(buf)
mlog.info('a')
print(len(buf.buffer), buf.capacity)
mlog.info('b')
print(len(buf.buffer))

print(handlers.DEFAULT_TCP_LOGGING_PORT, handlers.DEFAULT_UDP_LOGGING_PORT,
      handlers.SYSLOG_UDP_PORT, handlers.ST_MTIME)
print(issubclass(handlers.RotatingFileHandler, logging.FileHandler),
      issubclass(handlers.TimedRotatingFileHandler, handlers.BaseRotatingHandler),
      issubclass(handlers.MemoryHandler, handlers.BufferingHandler))

for name in listing():
    os.remove(at(name))
os.rmdir(D)
print(os.path.exists(D))
