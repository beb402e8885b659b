"""_streams: asyncio's streams on a virtual network.

asyncio.start_server(), asyncio.open_connection(), StreamReader,
StreamWriter and Server, with CPython 3.11's names, reprs, exceptions and
messages, for programs that talk TCP to themselves (an echo server and
its clients in one program) or to the virtual internet's HTTP servers.
No socket is opened: oracle.py installs these in CPython's asyncio, and a
simulator compiles this very file, so both run the same model.

The model, in virtual time:

* Servers listen in this run only. `await start_server(cb, host, port)`
  binds at once (port 0 picks a free port; a taken port raises CPython's
  OSError 98) and suspends once, in `asyncio.sleep(0)`, as CPython's
  create_server does. Local names are None, '' (every address:
  0.0.0.0 and ::), '0.0.0.0', '::', 'localhost', '127.0.0.1' and '::1';
  localhost is 127.0.0.1.
* `await open_connection(host, port)` to a local port that listens makes
  the connection at once: the server's side is made with loop.call_soon
  (its `client_connected_cb(reader, writer)` is called then, and a
  coroutine it returns runs as a task) and the client suspends once, in
  `asyncio.sleep(0)`, before it gets its (reader, writer). A local port
  nobody listens on refuses the connection (ConnectionRefusedError, after
  the same sleep(0)).
* Any other host is a server of the virtual internet (_internet.py):
  connecting takes the host's latency (a name that does not resolve fails
  then with socket.gaierror, a refusing host with ConnectionRefusedError).
  It reads one HTTP/1.x request from what the client writes (request line,
  headers, blank line, then Content-Length bytes of body) and answers it as
  _internet.exchange() says, `latency + delay` later, with
  "Connection: close": the response, then the end of the stream.
* Bytes written locally reach the peer's reader through loop.call_soon
  (the next iteration), in order; close() and write_eof() reach it the
  same way, after the data. drain() suspends only on a closing transport
  (one sleep(0)), as CPython's does; there is no flow control.
* Each socket gets the lowest free file descriptor from 6 (as a fresh
  process's after the loop's epoll and self-pipe); client ports are
  given from 50000 up.

Written in the Python subset the corpus uses.
"""

import asyncio
import collections
import socket

_DEFAULT_LIMIT = 2 ** 16
_FIRST_FD = 6
_FIRST_CLIENT_PORT = 50000
_LOCAL = ('127.0.0.1', '0.0.0.0', '::1', '::', 'localhost')


if 'IncompleteReadError' in asyncio.__dict__:
    # Under CPython: its own classes, which programs catch.
    IncompleteReadError = asyncio.IncompleteReadError
    LimitOverrunError = asyncio.LimitOverrunError
else:
    class IncompleteReadError(EOFError):
        """Incomplete read error: `partial` holds what was read."""

        def __init__(self, partial, expected):
            r_expected = 'undefined' if expected is None else repr(expected)
            super().__init__(f'{len(partial)} bytes read on a total of '
                             f'{r_expected} expected bytes')
            self.partial = partial
            self.expected = expected

        def __reduce__(self):
            return type(self), (self.partial, self.expected)

    class LimitOverrunError(Exception):
        """Reached the buffer limit while looking for a separator."""

        def __init__(self, message, consumed):
            super().__init__(message)
            self.consumed = consumed

        def __reduce__(self):
            return type(self), (self.args[0], self.consumed)

    IncompleteReadError.__module__ = 'asyncio.exceptions'
    LimitOverrunError.__module__ = 'asyncio.exceptions'


class _Network:
    """What this run's sockets hold: listening ports, descriptors, ports."""

    def __init__(self):
        self.listening = {}      # port -> [_Listener]
        self.fds = set()
        self.next_port = _FIRST_CLIENT_PORT

    def take_fd(self):
        fd = _FIRST_FD
        while fd in self.fds:
            fd += 1
        self.fds.add(fd)
        return fd

    def free_fd(self, fd):
        self.fds.discard(fd)

    def client_port(self):
        port = self.next_port
        self.next_port += 1
        return port

    def free_port(self):
        port = 8000
        while port in self.listening:
            port += 1
        return port


_NET = _Network()


def _is_local(host):
    return host is None or host == '' or host in _LOCAL


def _listen_addresses(host, port):
    # The addresses a server binds, as getaddrinfo gives them on Linux.
    if host is None or host == '':
        return [('0.0.0.0', port), ('::', port, 0, 0)]
    if host == 'localhost':
        return [('127.0.0.1', port)]
    if ':' in host:
        return [(host, port, 0, 0)]
    return [(host, port)]


def _accepts(address, host):
    # Whether a socket bound to `address` takes a connection to `host`.
    bound = address[0]
    if bound == '0.0.0.0':
        return ':' not in host
    if bound == '::':
        return ':' in host
    return bound == host


class TransportSocket:
    """What server.sockets and get_extra_info('socket') give."""

    def __init__(self, fd, sockname, peername=None):
        self._fd = fd
        self._sockname = sockname
        self._peername = peername

    @property
    def family(self):
        return socket.AF_INET6 if len(self._sockname) == 4 else socket.AF_INET

    @property
    def type(self):
        return socket.SOCK_STREAM

    @property
    def proto(self):
        return 6

    def fileno(self):
        return self._fd

    def getsockname(self):
        return self._sockname

    def getpeername(self):
        if self._peername is None:
            raise OSError(107, 'Transport endpoint is not connected')
        return self._peername

    def __repr__(self):
        family = 10 if len(self._sockname) == 4 else 2
        s = (f'<asyncio.TransportSocket fd={self._fd}, family={family}, '
             f'type=1, proto=6')
        if self._fd != -1:
            s = f'{s}, laddr={self._sockname}'
            if self._peername is not None:
                s = f'{s}, raddr={self._peername}'
        return s + '>'


class _Listener:
    def __init__(self, server, sock):
        self.server = server
        self.sock = sock


class _Transport:
    """One end of a connection (CPython's _SelectorSocketTransport)."""

    def __init__(self, loop, fd, sockname, peername):
        self._loop = loop
        self._fd = fd
        self._sock = TransportSocket(fd, sockname, peername)
        self._peer = None          # the other end, or a _RemoteServer
        self._reader = None        # this end's StreamReader
        self._closing = False
        self._closed = False
        self._eof_written = False
        self._close_waiter = loop.create_future()
        self._connection_lost = False

    def __repr__(self):
        info = ['_SelectorSocketTransport']
        if self._closed:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._fd}')
        if not self._closed:
            polling = not self._closing and self._reader is not None and \
                not self._reader._eof
            info.append('read=polling' if polling else 'read=idle')
            info.append('write=<idle, bufsize=0>')
        return '<{}>'.format(' '.join(info))

    def get_extra_info(self, name, default=None):
        if name == 'socket':
            return self._sock
        if name == 'sockname':
            return self._sock._sockname
        if name == 'peername':
            return self._sock._peername
        return default

    def is_closing(self):
        return self._closing

    def write(self, data):
        if self._eof_written:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data or self._closing:
            return
        self._peer._deliver(bytes(data))

    def write_eof(self):
        if self._closing or self._eof_written:
            return
        self._eof_written = True
        self._peer._deliver_eof()

    def can_write_eof(self):
        return True

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._eof_written:
            self._eof_written = True
            self._peer._deliver_eof()
        self._loop.call_soon(self._call_connection_lost)

    def abort(self):
        self.close()

    def _call_connection_lost(self):
        self._closed = True
        self._connection_lost = True
        _NET.free_fd(self._fd)
        if not self._close_waiter.done():
            self._close_waiter.set_result(None)
        if self._reader is not None and not self._reader._eof:
            self._reader.feed_eof()

    # What the peer sends: through call_soon, in order.
    def _deliver(self, data):
        if self._reader is not None:
            self._loop.call_soon(self._receive, data)

    def _deliver_eof(self):
        if self._reader is not None:
            self._loop.call_soon(self._receive_eof)

    def _receive(self, data):
        if not self._closed and not self._reader._eof:
            self._reader.feed_data(data)

    def _receive_eof(self):
        if not self._reader._eof:
            self._reader.feed_eof()


class _RemoteServer:
    """A server of the virtual internet, seen from a connection to it: it
    reads one HTTP request and answers it."""

    def __init__(self, client, host, port, latency):
        self._client = client
        self._host = host
        self._port = port
        self._latency = latency
        self._data = b''
        self._answered = False

    def _deliver(self, data):
        self._data += data
        self._maybe_answer()

    def _deliver_eof(self):
        self._maybe_answer(eof=True)

    def _request(self, eof):
        end = _find(self._data, b'\r\n\r\n', 0)
        if end == -1:
            return None
        body = self._data[end + 4:]
        lines = self._data[:end].decode().split('\r\n')
        parts = lines[0].split(' ')
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(':')
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get('content-length', '0') or '0')
        if len(body) < length and not eof:
            return None
        method = parts[0] if parts else 'GET'
        target = parts[1] if len(parts) > 1 else '/'
        return method, target, headers, body[:length]

    def _maybe_answer(self, eof=False):
        if self._answered:
            return
        request = self._request(eof)
        if request is None:
            if eof:
                self._answered = True
                self._schedule(self._latency, b'')
            return
        self._answered = True
        import _internet
        method, target, headers, body = request
        scheme = 'https' if self._port == 443 else 'http'
        default = 443 if scheme == 'https' else 80
        netloc = self._host if self._port == default else \
            f'{self._host}:{self._port}'
        if target.startswith('http://') or target.startswith('https://'):
            url = target
        else:
            url = f'{scheme}://{netloc}{target}'
        ex = _internet.exchange(method, url, list(headers.items()),
                                body or None)
        if ex.failure is not None:
            self._schedule(ex.wait, None)
            return
        lines = [f'HTTP/1.1 {ex.status} {ex.reason}']
        for name, value in ex.headers:
            if name.lower() not in ('content-length', 'connection'):
                lines.append(f'{name}: {value}')
        lines.append(f'Content-Length: {len(ex.body)}')
        lines.append('Connection: close')
        content = ex.body if method != 'HEAD' else b''
        data = ('\r\n'.join(lines) + '\r\n\r\n').encode('latin-1') + content
        self._schedule(ex.wait + ex.transfer, data)

    def _schedule(self, delay, data):
        self._client._loop.call_later(delay, self._answer, data)

    def _answer(self, data):
        client = self._client
        if client._closed or client._reader is None:
            return
        if data is None:
            client._reader.set_exception(
                ConnectionResetError(104, 'Connection reset by peer'))
            return
        if data:
            client._receive(data)
        client._receive_eof()


def _find(buf, sep, start):
    # buf.find(sep, start), with slicing only (the simulator's bytes have
    # few methods yet, and this file runs there too).
    n = len(sep)
    first = sep[0]
    for i in range(start, len(buf) - n + 1):
        if buf[i] == first and buf[i:i + n] == sep:
            return i
    return -1


class StreamReader:
    """Reads what the peer sent, as CPython's asyncio.StreamReader."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = asyncio.get_event_loop() if loop is None else loop
        self._buffer = b''
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        if self._transport:
            info.append(f'transport={self._transport!r}')
        if self._paused:
            info.append('paused')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        assert self._transport is None, 'Transport already set'
        self._transport = transport

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        assert not self._eof, 'feed_data after feed_eof'
        if not data:
            return
        self._buffer += bytes(data)
        self._wakeup_waiter()

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(
                f'{func_name}() called while another coroutine is '
                f'already waiting for incoming data')
        assert not self._eof, '_wait_for_data after EOF'
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)
        except IncompleteReadError as e:
            return e.partial
        except LimitOverrunError as e:
            at = e.consumed
            if self._buffer[at:at + seplen] == sep:
                self._buffer = self._buffer[e.consumed + seplen:]
            else:
                self._buffer = b''
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = _find(self._buffer, separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit',
                        offset)
            if self._eof:
                chunk = self._buffer
                self._buffer = b''
                raise IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)
        chunk = self._buffer[:isep + seplen]
        self._buffer = self._buffer[isep + seplen:]
        return chunk

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = b''
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks += block
            return blocks
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = self._buffer
                self._buffer = b''
                raise IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class StreamWriter:
    """Writes to the peer, as CPython's asyncio.StreamWriter."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = [self.__class__.__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        for chunk in data:
            self._transport.write(chunk)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport._close_waiter

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            await asyncio.sleep(0)
        if self._transport._connection_lost:
            raise ConnectionResetError('Connection lost')


class Server:
    """A listening server, as CPython's asyncio.Server."""

    def __init__(self, loop, client_connected_cb, limit, addresses):
        self._loop = loop
        self._client_connected_cb = client_connected_cb
        self._limit = limit
        self._sockets = []
        for address in addresses:
            self._sockets.append(TransportSocket(_NET.take_fd(), address))
        self._serving = False
        self._serving_forever_fut = None
        self._waiters = []
        self._tasks = []

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            port = sock._sockname[1]
            _NET.listening.setdefault(port, []).append(_Listener(self, sock))

    async def start_serving(self):
        self._start_serving()
        await asyncio.sleep(0)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            port = sock._sockname[1]
            kept = [lst for lst in _NET.listening.get(port, [])
                    if lst.server is not self]
            if kept:
                _NET.listening[port] = kept
            else:
                _NET.listening.pop(port, None)
            _NET.free_fd(sock._fd)
            sock._fd = -1
        self._serving = False
        fut = self._serving_forever_fut
        if fut is not None and not fut.done():
            fut.cancel()
            self._serving_forever_fut = None
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on '
                f'serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except asyncio.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()

    def _accept(self, client, sock, host):
        # The server's end of a new connection, made by loop.call_soon.
        if len(sock._sockname) == 4:
            sockname = (host, sock._sockname[1], 0, 0)
        else:
            sockname = (host, sock._sockname[1])
        transport = _Transport(self._loop, _NET.take_fd(), sockname,
                               client._sock._sockname)
        transport._peer = client
        client._peer = transport
        reader = StreamReader(limit=self._limit, loop=self._loop)
        reader.set_transport(transport)
        transport._reader = reader
        writer = StreamWriter(transport, None, reader, self._loop)
        result = self._client_connected_cb(reader, writer)
        if asyncio.iscoroutine(result):
            self._tasks.append(self._loop.create_task(result))


def _local_target(host, port):
    # The listening socket a connection to (host, port) reaches.
    address = '127.0.0.1' if host in (None, '', 'localhost', '0.0.0.0') \
        else host
    if address == '::':
        address = '::1'
    for listener in _NET.listening.get(port, []):
        if _accepts(listener.sock._sockname, address):
            return listener, address
    return None, address


def _refused(address, port):
    if ':' in address:
        where = (address, port, 0, 0)
    else:
        where = (address, port)
    return ConnectionRefusedError(111, f'Connect call failed {where}')


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT,
                          **kwds):
    """A connection to (host, port): its (reader, writer)."""
    loop = asyncio.get_running_loop()
    if _is_local(host):
        listener, address = _local_target(host, port)
        if listener is None:
            await asyncio.sleep(0)
            raise _refused(address, port)
        if ':' in address:
            sockname = ('::1', _NET.client_port(), 0, 0)
            peername = (address, port, 0, 0)
        else:
            sockname = ('127.0.0.1', _NET.client_port())
            peername = (address, port)
        transport = _Transport(loop, _NET.take_fd(), sockname, peername)
        loop.call_soon(listener.server._accept, transport, listener.sock,
                       address)
        await asyncio.sleep(0)
    else:
        transport = await _remote_connection(loop, host, port)
    reader = StreamReader(limit=limit, loop=loop)
    reader.set_transport(transport)
    transport._reader = reader
    writer = StreamWriter(transport, None, reader, loop)
    return reader, writer


async def _remote_connection(loop, host, port):
    import _internet
    scheme = 'https' if port == 443 else 'http'
    netloc = host if port in (80, 443) else f'{host}:{port}'
    failure, latency = _internet.connect(f'{scheme}://{netloc}/')
    if failure == 'timeout':
        await asyncio.sleep(_internet.CONNECT_GIVE_UP)
        raise TimeoutError(110, 'Connection timed out')
    await asyncio.sleep(latency)
    if failure == 'dns':
        raise socket.gaierror(-2, 'Name or service not known')
    address = _address_of(host)
    if failure == 'refused':
        raise _refused(address, port)
    transport = _Transport(loop, _NET.take_fd(),
                           ('10.0.2.15', _NET.client_port()),
                           (address, port))
    transport._peer = _RemoteServer(transport, host, port, latency)
    return transport


def _address_of(host):
    # A made-up address for a host of the virtual internet, the same in
    # every run (_internet.stable_hash, never hash()).
    import _internet
    h = _internet.stable_hash(host)
    return f'{11 + h % 200}.{(h >> 8) % 256}.{(h >> 16) % 256}.' \
        f'{1 + (h >> 24) % 254}'


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, **kwds):
    """Listen on (host, port); each connection calls
    client_connected_cb(reader, writer)."""
    loop = asyncio.get_running_loop()
    if port is None or port == 0:
        port = _NET.free_port()
    addresses = _listen_addresses(host, port)
    for address in addresses:
        for listener in _NET.listening.get(port, []):
            if _overlaps(listener.sock._sockname, address):
                raise OSError(
                    98, f'error while attempting to bind on address '
                    f'{address}: address already in use')
    server = Server(loop, client_connected_cb, limit, addresses)
    if kwds.get('start_serving', True):
        server._start_serving()
    await asyncio.sleep(0)
    return server


def _overlaps(a, b):
    if len(a) != len(b):
        return False
    return a[0] == b[0] or a[0] in ('0.0.0.0', '::') or \
        b[0] in ('0.0.0.0', '::')
