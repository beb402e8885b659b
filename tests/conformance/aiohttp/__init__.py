"""aiohttp: the client of aiohttp 3.9 as tutorials use it, on the virtual
internet of _internet.py (no network).

    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            print(resp.status)
            body = await resp.read()

Suspension points (the order of everything a program prints follows from
them; a simulator must reproduce exactly these):

    await session.get(url)      one `asyncio.sleep` until the response
    (also `async with`,         headers arrive, or until the failure
    session.request/post/...)   (refused, reset, DNS, a timeout); plus,
                                only when the connector's limits are all
                                taken, one wait for a free connection
                                (first come, first served) before it.
    await resp.read()           one `asyncio.sleep` for the body, the
    (text(), json())            first time (size / bandwidth, often 0);
                                none once the body has been read.

A response gives its connection back to the connector when its whole body
has arrived: with the headers when the host has no bandwidth limit (so an
unread response holds no connection, as aiohttp's small responses do),
else once read() has waited for it; or on release().
    session.close(),            none.
    resp.release(), __aexit__

Timeouts as aiohttp's: ClientTimeout(total=300) by default; `total` runs
from the request to the end of the body (a timer cancels the task, which
gets asyncio.TimeoutError), `connect` covers the wait for a connection,
`sock_connect` opening it, `sock_read` waiting for the response;
timeouts of 5 s or more end on a whole second, as aiohttp rounds them.
"""

import asyncio

import _internet
from yarl import URL
from aiohttp.client_exceptions import (
    ClientConnectionError, ClientConnectorCertificateError,
    ClientConnectorError, ClientConnectorSSLError, ClientError,
    ClientHttpProxyError, ClientOSError, ClientPayloadError,
    ClientProxyConnectionError, ClientResponseError, ClientSSLError,
    ContentTypeError, InvalidURL, ServerConnectionError,
    ServerDisconnectedError, ServerFingerprintMismatch, ServerTimeoutError,
    TooManyRedirects, WSServerHandshakeError)
from aiohttp.http_exceptions import HttpProcessingError

__version__ = '3.9.5'

_SENTINEL = object()

USER_AGENT = 'Python/3.11 aiohttp/' + __version__


class gaierror(OSError):
    """socket.gaierror: a name that does not resolve."""

    __module__ = 'socket'


def _ceil(x):
    # A float, unlike math.ceil(): the virtual clock jumps to this time and
    # must stay a float.
    n = float(int(x))
    if n < x:
        return n + 1.0
    return n


def _deadline(loop, timeout, ceil_threshold, strict=False):
    """When a timeout of `timeout` seconds started now ends, rounded up to
    a whole second for long timeouts, as aiohttp does; None for none."""
    if timeout is None or timeout <= 0:
        return None
    when = loop.time() + timeout
    if (timeout > ceil_threshold) if strict else (timeout >= ceil_threshold):
        when = _ceil(when)
    return when


class ClientTimeout:
    """Timeouts of a request in seconds (None: none)."""

    __module__ = 'aiohttp.client'

    def __init__(self, total=None, connect=None, sock_read=None,
                 sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __repr__(self):
        return ('ClientTimeout(total=%r, connect=%r, sock_read=%r, '
                'sock_connect=%r, ceil_threshold=%r)' % (
                    self.total, self.connect, self.sock_read,
                    self.sock_connect, self.ceil_threshold))

    def __eq__(self, other):
        if not isinstance(other, ClientTimeout):
            return NotImplemented
        return (self.total, self.connect, self.sock_read, self.sock_connect,
                self.ceil_threshold) == (other.total, other.connect,
                                         other.sock_read, other.sock_connect,
                                         other.ceil_threshold)


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)


class CIMultiDictProxy:
    """Headers: a read-only, case-insensitive mapping that keeps every
    (name, value) pair in order."""

    __module__ = 'multidict'

    def __init__(self, pairs):
        self._pairs = list(pairs)

    def _find(self, key):
        wanted = key.lower()
        for name, value in self._pairs:
            if name.lower() == wanted:
                return value
        return _SENTINEL

    def __getitem__(self, key):
        value = self._find(key)
        if value is _SENTINEL:
            raise KeyError(key)
        return value

    def get(self, key, default=None):
        value = self._find(key)
        if value is _SENTINEL:
            return default
        return value

    def getone(self, key, default=_SENTINEL):
        value = self._find(key)
        if value is _SENTINEL:
            if default is _SENTINEL:
                raise KeyError('Key not found: %r' % (key,))
            return default
        return value

    def getall(self, key, default=_SENTINEL):
        wanted = key.lower()
        found = [v for k, v in self._pairs if k.lower() == wanted]
        if not found:
            if default is _SENTINEL:
                raise KeyError('Key not found: %r' % (key,))
            return default
        return found

    def __contains__(self, key):
        return isinstance(key, str) and self._find(key) is not _SENTINEL

    def __iter__(self):
        return iter([k for k, v in self._pairs])

    def __len__(self):
        return len(self._pairs)

    def keys(self):
        return [k for k, v in self._pairs]

    def values(self):
        return [v for k, v in self._pairs]

    def items(self):
        return list(self._pairs)

    def __eq__(self, other):
        if isinstance(other, CIMultiDictProxy):
            return self._pairs == other._pairs
        if isinstance(other, dict):
            return dict(self._pairs) == other
        return NotImplemented

    def __repr__(self):
        body = ', '.join(['%r: %r' % (k, v) for k, v in self._pairs])
        return '<CIMultiDictProxy(' + body + ')>'


class ConnectionKey:
    """Which pool of connections a request uses."""

    __module__ = 'aiohttp.client_reqrep'

    def __init__(self, host, port, is_ssl, ssl):
        self.host = host
        self.port = port
        self.is_ssl = is_ssl
        self.ssl = ssl
        self.proxy = None
        self.proxy_auth = None
        self.proxy_headers_hash = None

    def __repr__(self):
        return ('ConnectionKey(host=%r, port=%r, is_ssl=%r, ssl=%r, '
                'proxy=None, proxy_auth=None, proxy_headers_hash=None)'
                % (self.host, self.port, self.is_ssl, self.ssl))


class RequestInfo:
    """The request a response or an error belongs to."""

    __module__ = 'aiohttp.client_reqrep'

    def __init__(self, url, method, headers, real_url=None):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url if real_url is None else real_url

    def __repr__(self):
        return 'RequestInfo(url=%r, method=%r, headers=%r, real_url=%r)' % (
            self.url, self.method, self.headers, self.real_url)


class TimerContext:
    """The `total` timeout of one request: when it ends, the task inside
    the request (waiting for the headers, or for the body) is cancelled
    and gets asyncio.TimeoutError."""

    __module__ = 'aiohttp.helpers'

    def __init__(self, loop, when):
        self._tasks = []
        self._cancelled = False
        self._handle = None
        if when is not None:
            self._handle = loop.call_at(when, self.timeout)

    def __enter__(self):
        if self._handle is None and not self._cancelled:
            return self
        if self._cancelled:
            raise asyncio.TimeoutError from None
        self._tasks.append(asyncio.current_task())
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        if self._tasks:
            self._tasks.pop()
        if exc_type is asyncio.CancelledError and self._cancelled:
            raise asyncio.TimeoutError from None
        return None

    def timeout(self):
        if not self._cancelled:
            for task in self._tasks:
                task.cancel()
            self._cancelled = True

    def close(self):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None


class TCPConnector:
    """The connections of a session: at most `limit` at once (100; 0 for
    no limit), at most `limit_per_host` to one host (0: no limit)."""

    __module__ = 'aiohttp.connector'

    def __init__(self, *, verify_ssl=True, fingerprint=None,
                 use_dns_cache=True, ttl_dns_cache=10, family=0,
                 ssl_context=None, ssl=True, local_addr=None, resolver=None,
                 keepalive_timeout=_SENTINEL, force_close=False, limit=100,
                 limit_per_host=0, enable_cleanup_closed=False, loop=None,
                 timeout_ceil_threshold=5):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self.force_close = force_close
        self._ssl = ssl
        self.closed = False
        self._pool = _internet.Pool(limit, limit_per_host)

    async def _acquire(self, key, url, connect_deadline):
        """A connection to `key`, waiting for one while the limits are
        reached; no suspension when one is free."""
        if self._pool.try_acquire(key):
            return
        try:
            if connect_deadline is None:
                await self._pool.acquire(key)
            else:
                async with asyncio.timeout_at(connect_deadline):
                    await self._pool.acquire(key)
        except asyncio.TimeoutError as exc:
            raise ServerTimeoutError(
                'Connection timeout to host {}'.format(url)) from exc

    def _release(self, key):
        self._pool.release(key)

    async def close(self):
        self.closed = True


class StreamReader:
    """resp.content, the body as a stream: its first read waits for the
    body as resp.read() does (one suspension); the rest comes from the
    buffer without waiting."""

    __module__ = 'aiohttp.streams'

    def __init__(self, response):
        self._response = response
        self._pos = 0

    async def _body(self):
        if self._response._body is None:
            await self._response.read()
        return self._response._body

    async def read(self, n=-1):
        body = await self._body()
        end = len(body) if n < 0 else min(len(body), self._pos + n)
        chunk = body[self._pos:end]
        self._pos = end
        return chunk

    async def readany(self):
        return await self.read()

    async def readexactly(self, n):
        chunk = await self.read(n)
        if len(chunk) < n:
            raise asyncio.IncompleteReadError(chunk, n)
        return chunk

    async def readline(self):
        body = await self._body()
        end = self._pos
        while end < len(body):
            end += 1
            if body[end - 1] == 10:
                break
        chunk = body[self._pos:end]
        self._pos = end
        return chunk

    def at_eof(self):
        body = self._response._body
        return body is not None and self._pos >= len(body)

    async def iter_chunked(self, n):
        """`async for chunk in resp.content.iter_chunked(1024):`"""
        while True:
            chunk = await self.read(n)
            if not chunk:
                break
            yield chunk

    async def iter_any(self):
        chunk = await self.read()
        if chunk:
            yield chunk

    async def _lines(self):
        while True:
            line = await self.readline()
            if not line:
                break
            yield line

    def __aiter__(self):
        return self._lines()

    def __repr__(self):
        return '<StreamReader %d bytes>' % (self._pos,)


class ClientResponse:
    """A response: status, reason, url, headers; the body with read(),
    text(), json(), or as a stream in .content."""

    __module__ = 'aiohttp.client_reqrep'

    def __init__(self, method, url, exchange, request_info, session, key,
                 timer, history):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = exchange.status
        self.reason = exchange.reason
        self.ok = exchange.status < 400
        self.headers = CIMultiDictProxy(exchange.headers)
        self.raw_headers = tuple([(k.encode('utf-8'), v.encode('utf-8'))
                                  for k, v in exchange.headers])
        self.request_info = request_info
        self.history = history
        self.version = 'HttpVersion(major=1, minor=1)'
        ctype = self.headers.get('Content-Type', '')
        mime, _, params = ctype.partition(';')
        self.content_type = mime.strip().lower() or 'application/octet-stream'
        self.charset = None
        for param in params.split(';'):
            name, _, value = param.strip().partition('=')
            if name.lower() == 'charset' and value:
                self.charset = value.strip('"')
        self.content_length = len(exchange.body)
        self.content = StreamReader(self)
        self.closed = False
        self._exchange = exchange
        self._body = None
        self._released = False
        self._session = session
        self._key = key
        self._timer = timer

    def __repr__(self):
        reason = self.reason if self.reason else 'None'
        return '<ClientResponse(%s) [%s %s]>\n%r\n' % (
            self.url, self.status, reason, self.headers)

    def _release_connection(self):
        if self._key is not None:
            self._session._connector._release(self._key)
            self._key = None
            self._timer.close()

    def release(self):
        """Gives the connection back without reading the body."""
        self._released = True
        self.closed = True
        self._release_connection()

    def close(self):
        self.release()

    def raise_for_status(self):
        if not self.ok:
            self.release()
            raise ClientResponseError(
                self.request_info, self.history, status=self.status,
                message=self.reason, headers=self.headers)

    async def read(self):
        """The body: one suspension while it arrives, the first time."""
        if self._body is None:
            if self._released:
                raise ClientConnectionError('Connection closed')
            with self._timer:
                await asyncio.sleep(self._exchange.transfer)
            self._body = self._exchange.body
            self._payload_arrived()
        return self._body

    def _payload_arrived(self):
        # The whole payload is in: the response is done with its
        # connection, read or not (aiohttp's _response_eof).
        self.closed = True
        self._release_connection()

    def get_encoding(self):
        if self.charset:
            return self.charset.lower()
        return 'utf-8'

    async def text(self, encoding=None, errors='strict'):
        if self._body is None:
            await self.read()
        if encoding is None:
            encoding = self.get_encoding()
        return self._body.decode(encoding)

    async def json(self, *, encoding=None, loads=None,
                   content_type='application/json'):
        if self._body is None:
            await self.read()
        if content_type:
            ctype = self.headers.get('Content-Type', '').lower()
            if not _expected_json(ctype, content_type):
                raise ContentTypeError(
                    self.request_info, self.history,
                    message='Attempt to decode JSON with unexpected '
                            'mimetype: %s' % ctype,
                    headers=self.headers)
        text = self._body.decode(encoding or self.get_encoding()).strip()
        if not text:
            return None
        if loads is None:
            return _internet.json_loads(text)
        return loads(text)

    async def wait_for_close(self):
        self.release()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        self.release()


def _expected_json(ctype, expected):
    if expected == 'application/json':
        mime = ctype.partition(';')[0].strip()
        return mime == 'application/json' or (
            mime.startswith('application/') and mime.endswith('+json'))
    return expected in ctype


class _RequestContextManager:
    """What session.get() returns: await it for the response, or use it
    with `async with` (the response is released on the way out)."""

    __module__ = 'aiohttp.client'

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._resp.wait_for_close()


class ClientSession:
    """A client: its connector (the connection limits), default timeout
    and headers, shared by all its requests."""

    __module__ = 'aiohttp.client'

    def __init__(self, base_url=None, *, connector=None, loop=None,
                 cookies=None, headers=None, skip_auto_headers=None,
                 auth=None, json_serialize=None, request_class=None,
                 response_class=None, ws_response_class=None, version=None,
                 cookie_jar=None, connector_owner=True,
                 raise_for_status=False, read_timeout=_SENTINEL,
                 conn_timeout=None, timeout=_SENTINEL, auto_decompress=True,
                 trust_env=False, requote_redirect_url=True,
                 trace_configs=None, read_bufsize=2 ** 16,
                 max_line_size=8190, max_field_size=8190,
                 fallback_charset_resolver=None):
        if base_url is None or isinstance(base_url, URL):
            self._base_url = base_url
        else:
            self._base_url = URL(base_url)
        if connector is None:
            connector = TCPConnector()
        self._connector = connector
        self.connector = connector
        self._connector_owner = connector_owner
        if timeout is _SENTINEL or timeout is None:
            timeout = DEFAULT_TIMEOUT
        self._timeout = timeout
        self.timeout = timeout
        self._raise_for_status = raise_for_status
        self.raise_for_status = raise_for_status
        self._default_headers = []
        if headers:
            self._default_headers = list(dict(headers).items())
        self.headers = CIMultiDictProxy(self._default_headers)
        self.closed = False
        self._json_serialize = json_serialize

    def _build_url(self, str_or_url):
        url = str_or_url if isinstance(str_or_url, URL) else URL(str_or_url)
        if self._base_url is None:
            return url
        return self._base_url.join(url)

    def request(self, method, url, **kwargs):
        """Performs an HTTP request (await it, or `async with` it)."""
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(self._request(
            'GET', url, allow_redirects=allow_redirects, **kwargs))

    def options(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(self._request(
            'OPTIONS', url, allow_redirects=allow_redirects, **kwargs))

    def head(self, url, *, allow_redirects=False, **kwargs):
        return _RequestContextManager(self._request(
            'HEAD', url, allow_redirects=allow_redirects, **kwargs))

    def post(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request(
            'POST', url, data=data, **kwargs))

    def put(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request(
            'PUT', url, data=data, **kwargs))

    def patch(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request(
            'PATCH', url, data=data, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request('DELETE', url, **kwargs))

    async def _request(self, method, str_or_url, *, params=None, data=None,
                       json=None, cookies=None, headers=None,
                       skip_auto_headers=None, auth=None,
                       allow_redirects=True, max_redirects=10,
                       compress=None, chunked=None, expect100=False,
                       raise_for_status=None, read_until_eof=True,
                       proxy=None, proxy_auth=None, timeout=_SENTINEL,
                       verify_ssl=None, fingerprint=None, ssl_context=None,
                       ssl=True, server_hostname=None, proxy_headers=None,
                       trace_request_ctx=None, read_bufsize=None,
                       auto_decompress=None, max_line_size=None,
                       max_field_size=None):
        if self.closed:
            raise RuntimeError('Session is closed')
        if data is not None and json is not None:
            raise ValueError(
                'data and json parameters can not be used at the same time')
        body, body_type = _encode_body(data, json, self._json_serialize)
        url = self._build_url(str_or_url)
        if not url.is_absolute():
            raise InvalidURL(url)
        if params:
            url = _with_params(url, params)
        if timeout is _SENTINEL:
            real_timeout = self._timeout
        elif isinstance(timeout, ClientTimeout):
            real_timeout = timeout
        else:
            real_timeout = ClientTimeout(total=timeout)
        loop = asyncio.get_running_loop()
        threshold = real_timeout.ceil_threshold
        timer = TimerContext(
            loop, _deadline(loop, real_timeout.total, threshold))
        history = []
        redirects = 0
        try:
            with timer:
                while True:
                    sent = self._headers_for(url, headers, body_type)
                    info = RequestInfo(url, method,
                                       CIMultiDictProxy(sent))
                    ex = _internet.exchange(method, str(url), sent, body)
                    key = ex.parts.key
                    conn_key = ConnectionKey(
                        url.host, url.port, url.scheme == 'https', ssl)
                    connect_deadline = _deadline(
                        loop, real_timeout.connect, threshold, strict=True)
                    await self._connector._acquire(key, url,
                                                   connect_deadline)
                    try:
                        await _receive(ex, url, conn_key, real_timeout,
                                       connect_deadline)
                    except BaseException:
                        self._connector._release(key)
                        raise
                    resp = ClientResponse(method, url, ex, info, self, key,
                                          timer, tuple(history))
                    if ex.transfer == 0:
                        # The body came with the headers: the connection
                        # is free already, even if nobody reads it.
                        resp._payload_arrived()
                    if (resp.status in (301, 302, 303, 307, 308)
                            and allow_redirects and ex.location):
                        redirects += 1
                        history.append(resp)
                        if max_redirects and redirects >= max_redirects:
                            resp.release()
                            raise TooManyRedirects(
                                history[0].request_info, tuple(history))
                        if resp.status == 303 and method != 'HEAD' or (
                                resp.status in (301, 302)
                                and method == 'POST'):
                            method = 'GET'
                            body = None
                            body_type = None
                        resp.release()
                        url = url.join(URL(ex.location))
                        continue
                    break
            if raise_for_status is None:
                raise_for_status = self._raise_for_status
            if raise_for_status:
                resp.raise_for_status()
            return resp
        except BaseException:
            timer.close()
            raise

    def _headers_for(self, url, headers, body_type):
        sent = [('Host', url.host if url.port in (80, 443)
                 else '%s:%s' % (url.host, url.port)),
                ('Accept', '*/*'), ('Accept-Encoding', 'gzip, deflate'),
                ('User-Agent', USER_AGENT)]
        extra = list(self._default_headers)
        if headers:
            extra += list(dict(headers).items())
        for name, value in extra:
            for i, (have, _) in enumerate(sent):
                if have.lower() == name.lower():
                    sent[i] = (name, value)
                    break
            else:
                sent.append((name, value))
        if body_type is not None:
            sent.append(('Content-Type', body_type))
        return sent

    async def close(self):
        """Closes the session and its connector (no suspension)."""
        if not self.closed:
            if self._connector_owner:
                await self._connector.close()
            self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await self.close()

    def __enter__(self):
        raise TypeError('Use async with instead')

    def __exit__(self, exc_type, exc_val, exc_tb):
        pass


async def _receive(ex, url, conn_key, timeout, connect_deadline):
    """Waits, with one `asyncio.sleep`, for the response headers of `ex`,
    or for the failure or the timeout that comes first."""
    loop = asyncio.get_running_loop()
    threshold = timeout.ceil_threshold
    now = loop.time()
    if ex.failure in ('timeout', 'refused', 'dns'):
        # The connection is being opened: connect and sock_connect apply.
        ends = []
        if connect_deadline is not None:
            ends.append(connect_deadline)
        sock_connect = _deadline(loop, timeout.sock_connect, threshold,
                                 strict=True)
        if sock_connect is not None:
            ends.append(sock_connect)
        if ex.failure == 'timeout':
            fails_at = now + _internet.CONNECT_GIVE_UP
        else:
            fails_at = now + ex.wait
        if ends and min(ends) < fails_at:
            await asyncio.sleep(min(ends) - now)
            raise ServerTimeoutError('Connection timeout to host {}'.format(
                url))
        await asyncio.sleep(fails_at - now)
        if ex.failure == 'refused':
            raise ClientConnectorError(
                conn_key, ConnectionRefusedError(111, 'Connection refused'))
        if ex.failure == 'dns':
            raise ClientConnectorError(
                conn_key, gaierror(-2, 'Name or service not known'))
        raise ClientConnectorError(
            conn_key, TimeoutError(110, 'Connection timed out'))
    read_end = _deadline(loop, timeout.sock_read, threshold)
    if read_end is not None and read_end < now + ex.wait:
        await asyncio.sleep(read_end - now)
        raise ServerTimeoutError('Timeout on reading data from socket')
    await asyncio.sleep(ex.wait)
    if ex.failure == 'reset':
        raise ClientOSError(104, 'Connection reset by peer')


def _encode_body(data, json, serialize):
    """The request body as bytes and its content type."""
    if json is not None:
        text = serialize(json) if serialize else _internet.json_dumps(json)
        return text.encode('utf-8'), 'application/json'
    if data is None:
        return None, None
    if isinstance(data, bytes):
        return data, 'application/octet-stream'
    if isinstance(data, str):
        return data.encode('utf-8'), 'text/plain; charset=utf-8'
    if isinstance(data, dict):
        text = '&'.join([str(k) + '=' + str(v) for k, v in data.items()])
        return text.encode('utf-8'), 'application/x-www-form-urlencoded'
    raise TypeError('data must be bytes, str or dict, not '
                    + type(data).__name__)


def _with_params(url, params):
    if isinstance(params, dict):
        pairs = list(params.items())
    else:
        pairs = list(params)
    query = '&'.join([str(k) + '=' + str(v) for k, v in pairs])
    text = str(url)
    if url.query_string:
        return URL(text + '&' + query)
    return URL(text + '?' + query)


class _SessionRequestContextManager:
    """What aiohttp.request() returns: `async with` it; its own session
    closes on the way out."""

    __module__ = 'aiohttp.client'

    def __init__(self, coro, session):
        self._coro = coro
        self._session = session
        self._resp = None

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._session.close()


def request(method, url, *, params=None, data=None, json=None, headers=None,
            skip_auto_headers=None, auth=None, allow_redirects=True,
            max_redirects=10, compress=None, chunked=None, expect100=False,
            raise_for_status=None, read_until_eof=True, proxy=None,
            proxy_auth=None, timeout=_SENTINEL, cookies=None, version=None,
            connector=None, read_bufsize=None, loop=None,
            max_line_size=8190, max_field_size=8190):
    """One request with a session of its own:
    `async with aiohttp.request('GET', url) as resp:`."""
    connector_owner = False
    if connector is None:
        connector_owner = True
        connector = TCPConnector(force_close=True)
    session = ClientSession(cookies=cookies, version=version,
                            timeout=timeout, connector=connector,
                            connector_owner=connector_owner)
    return _SessionRequestContextManager(
        session._request(method, url, params=params, data=data, json=json,
                         headers=headers, allow_redirects=allow_redirects,
                         max_redirects=max_redirects,
                         raise_for_status=raise_for_status),
        session)
