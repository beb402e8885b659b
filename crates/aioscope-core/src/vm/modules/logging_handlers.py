# logging.handlers for the aioscope interpreter: the handlers asyncio
# programs use so that logging does not block the loop (QueueHandler in the
# tasks, a QueueListener thread doing the output), the rotating files (on
# the run's in-memory file system, rotating by size or on the virtual
# clock) and the buffering handlers.  The network handlers (socket, syslog,
# SMTP, HTTP) have nothing to talk to in a simulation and say so.
import copy
import logging
import os
import queue
import re
import threading
import time

DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = 514
SYSLOG_TCP_PORT = 514

# Indexes of os.stat's tuple, as the stat module numbers them.
ST_DEV = 2
ST_INO = 1
ST_MTIME = 8

_MIDNIGHT = 24 * 60 * 60


class BaseRotatingHandler(logging.FileHandler):
    """A file handler that asks before each record whether to roll the
    file over; namer and rotator let a program rename or process the old
    file."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        if not callable(self.namer):
            return default_name
        return self.namer(default_name)

    def rotate(self, source, dest):
        if not callable(self.rotator):
            if os.path.exists(source):
                os.rename(source, dest)
        else:
            self.rotator(source, dest)

    def _is_special(self):
        # Only regular files roll over (a path that became a directory, say,
        # is left alone).
        name = self.baseFilename
        return os.path.exists(name) and not os.path.isfile(name)


class RotatingFileHandler(BaseRotatingHandler):
    """Rolls over when the next record would make the file maxBytes long:
    name.1 ... name.N keep the older ones (N = backupCount)."""

    def __init__(self, filename, mode='a', maxBytes=0, backupCount=0,
                 encoding=None, delay=False, errors=None):
        if maxBytes > 0:
            mode = 'a'
        if 'b' not in mode and encoding is None:
            encoding = 'locale'
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            base = self.baseFilename
            for i in range(self.backupCount - 1, 0, -1):
                older = self.rotation_filename('%s.%d' % (base, i + 1))
                newer = self.rotation_filename('%s.%d' % (base, i))
                if os.path.exists(newer):
                    if os.path.exists(older):
                        os.remove(older)
                    os.rename(newer, older)
            first = self.rotation_filename(base + '.1')
            if os.path.exists(first):
                os.remove(first)
            self.rotate(base, first)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        if self._is_special():
            return False
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            line = '%s\n' % self.format(record)
            self.stream.seek(0, 2)
            if self.stream.tell() + len(line) >= self.maxBytes:
                return True
        return False


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Rolls over on the (virtual) clock: every interval seconds, minutes,
    hours or days, at midnight, or on a weekday; the old file is renamed
    with the time its period began."""

    def __init__(self, filename, when='h', interval=1, backupCount=0,
                 encoding=None, delay=False, utc=False, atTime=None,
                 errors=None):
        if encoding is None:
            encoding = 'locale'
        BaseRotatingHandler.__init__(self, filename, 'a', encoding=encoding,
                                     delay=delay, errors=errors)
        self.when = when.upper()
        self.backupCount = backupCount
        self.utc = utc
        self.atTime = atTime
        if self.when == 'S':
            unit, self.suffix, ext = 1, '%Y-%m-%d_%H-%M-%S', r'\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}'
        elif self.when == 'M':
            unit, self.suffix, ext = 60, '%Y-%m-%d_%H-%M', r'\d{4}-\d{2}-\d{2}_\d{2}-\d{2}'
        elif self.when == 'H':
            unit, self.suffix, ext = 3600, '%Y-%m-%d_%H', r'\d{4}-\d{2}-\d{2}_\d{2}'
        elif self.when in ('D', 'MIDNIGHT'):
            unit, self.suffix, ext = _MIDNIGHT, '%Y-%m-%d', r'\d{4}-\d{2}-\d{2}'
        elif self.when.startswith('W'):
            unit, self.suffix, ext = 7 * _MIDNIGHT, '%Y-%m-%d', r'\d{4}-\d{2}-\d{2}'
            if len(self.when) != 2:
                raise ValueError('You must specify a day for weekly rollover '
                                 'from 0 to 6 (0 is Monday): %s' % self.when)
            if self.when[1] not in '0123456':
                raise ValueError('Invalid day specified for weekly rollover: %s'
                                 % self.when)
            self.dayOfWeek = int(self.when[1])
        else:
            raise ValueError('Invalid rollover interval specified: %s' % self.when)
        self.extMatch = re.compile('^' + ext + r'(\.\w+)?$', re.ASCII)
        self.interval = unit * interval
        name = self.baseFilename
        if os.path.exists(name):
            start = int(os.stat(name).st_mtime)
        else:
            start = int(time.time())
        self.rolloverAt = self.computeRollover(start)

    def _timetuple(self, t):
        return time.gmtime(t) if self.utc else time.localtime(t)

    def computeRollover(self, currentTime):
        result = currentTime + self.interval
        if self.when == 'MIDNIGHT' or self.when.startswith('W'):
            t = self._timetuple(currentTime)
            hour, minute, second, day = t[3], t[4], t[5], t[6]
            if self.atTime is None:
                at = _MIDNIGHT
            else:
                at = (self.atTime.hour * 60 + self.atTime.minute) * 60 + self.atTime.second
            wait = at - ((hour * 60 + minute) * 60 + second)
            if wait < 0:
                # Today's moment has passed: tomorrow's.
                wait += _MIDNIGHT
                day = (day + 1) % 7
            result = currentTime + wait
            if self.when.startswith('W') and day != self.dayOfWeek:
                days = (self.dayOfWeek - day) % 7
                result += days * _MIDNIGHT
        return result

    def shouldRollover(self, record):
        now = int(time.time())
        if now >= self.rolloverAt:
            if self._is_special():
                self.rolloverAt = self.computeRollover(now)
                return False
            return True
        return False

    def getFilesToDelete(self):
        folder, base = os.path.split(self.baseFilename)
        found = []
        if self.namer is None:
            prefix = base + '.'
            for name in os.listdir(folder):
                if name.startswith(prefix) and self.extMatch.match(name[len(prefix):]):
                    found.append(os.path.join(folder, name))
        else:
            # A namer may have moved the date anywhere after the stem
            # (name.DATE.log as well as name.log.DATE).
            stem, ext = os.path.splitext(base)
            prefix = stem + '.'
            plen = len(prefix)
            for name in os.listdir(folder):
                if (not name.startswith(base) and name.endswith(ext)
                        and len(name) > plen + 1 and not name[plen + 1].isdigit()):
                    continue
                if name[:plen] != prefix:
                    continue
                if any(self.extMatch.match(part) for part in name[plen:].split('.')):
                    found.append(os.path.join(folder, name))
        if len(found) < self.backupCount:
            return []
        found.sort()
        return found[:len(found) - self.backupCount]

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        now = int(time.time())
        began = self._timetuple(self.rolloverAt - self.interval)
        dest = self.rotation_filename(
            self.baseFilename + '.' + time.strftime(self.suffix, began))
        if os.path.exists(dest):
            os.remove(dest)
        self.rotate(self.baseFilename, dest)
        if self.backupCount > 0:
            for old in self.getFilesToDelete():
                os.remove(old)
        if not self.delay:
            self.stream = self._open()
        next_at = self.computeRollover(now)
        while next_at <= now:
            next_at += self.interval
        self.rolloverAt = next_at


class WatchedFileHandler(logging.FileHandler):
    """Reopens its file when something else moved or removed it (the
    in-memory file system has no inode numbers: a file is the same while
    its path still names a file this handler wrote)."""

    def __init__(self, filename, mode='a', encoding=None, delay=False,
                 errors=None):
        if 'b' not in mode and encoding is None:
            encoding = 'locale'
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.dev, self.ino = -1, -1
        self._statstream()

    def _statstream(self):
        if self.stream:
            self.dev, self.ino = 0, 0

    def reopenIfNeeded(self):
        if self.stream is not None and os.path.exists(self.baseFilename):
            return
        if self.stream is not None:
            self.stream.flush()
            self.stream.close()
            self.stream = None
        self.stream = self._open()
        self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class QueueHandler(logging.Handler):
    """Puts each record, formatted and made safe to pass to another thread,
    on a queue (for a QueueListener), without waiting."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        # The message is formatted here, where the arguments and the
        # exception still mean what they meant; the copy carries only text.
        msg = self.format(record)
        record = copy.copy(record)
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener:
    """A thread that takes records off a queue and gives them to handlers;
    stop() lets it finish what is queued."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        self._thread = t = threading.Thread(target=self._monitor)
        t.daemon = True
        t.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level or record.levelno >= handler.level:
                handler.handle(record)

    def _monitor(self):
        q = self.queue
        has_task_done = hasattr(q, 'task_done')
        while True:
            try:
                record = self.dequeue(True)
            except queue.Empty:
                break
            if record is self._sentinel:
                if has_task_done:
                    q.task_done()
                break
            self.handle(record)
            if has_task_done:
                q.task_done()

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        self.enqueue_sentinel()
        self._thread.join()
        self._thread = None


class BufferingHandler(logging.Handler):
    """Keeps records in a list until shouldFlush says the list is full."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        self.acquire()
        try:
            self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffers records and hands them to a target handler when the buffer
    is full or a record at flushLevel or above arrives."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None,
                 flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity or record.levelno >= self.flushLevel

    def setTarget(self, target):
        self.acquire()
        try:
            self.target = target
        finally:
            self.release()

    def flush(self):
        self.acquire()
        try:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            self.acquire()
            try:
                self.target = None
                BufferingHandler.close(self)
            finally:
                self.release()


def _no_network(name):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError('logging.handlers.%s is not supported yet '
                                  '(the simulation has no network)' % name)
    return type(name, (logging.Handler,), {'__init__': __init__})


SocketHandler = _no_network('SocketHandler')
DatagramHandler = _no_network('DatagramHandler')
SysLogHandler = _no_network('SysLogHandler')
SMTPHandler = _no_network('SMTPHandler')
NTEventLogHandler = _no_network('NTEventLogHandler')
HTTPHandler = _no_network('HTTPHandler')
