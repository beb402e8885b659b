"""httpx: the clients of httpx 0.27 as tutorials use them, on the virtual
internet of _internet.py (no network).

    async with httpx.AsyncClient() as client:
        resp = await client.get(url, timeout=6.1, follow_redirects=True)
        resp.raise_for_status()
        image = resp.content

    resp = httpx.get(url)                        # blocking

Suspension points (the order of everything a program prints follows from
them; a simulator must reproduce exactly these):

    await client.get(url)       one `asyncio.sleep` for the whole response,
    (request, post, ...)        headers and body, or until the failure or
                                the timeout; plus, only when the client's
                                `limits` are all taken, one wait for a free
                                connection (first come, first served)
                                before it.  Each redirect followed is one
                                more request.
    async with client.stream()  the same, on entering.
    resp.aread(), aclose(),     none: the body has arrived.
    client.aclose()
    httpx.get(url), Client      never suspend: one time.sleep() for the
                                whole response, blocking the thread (and
                                the event loop, if called from a
                                coroutine).

Timeouts as httpx's: Timeout(5.0) by default, for connecting (a host that
never answers: ConnectTimeout), reading (a response slower than `read`:
ReadTimeout) and waiting for a connection from the pool (PoolTimeout).
"""

import asyncio
import time

import _internet

__version__ = '0.27.0'

USER_AGENT = 'python-httpx/' + __version__


class _Unset:
    def __repr__(self):
        return 'UNSET'


UNSET = _Unset()
USE_CLIENT_DEFAULT = _Unset()


# -- Exceptions -------------------------------------------------------------------

class HTTPError(Exception):
    """Base class for RequestError and HTTPStatusError."""

    __module__ = 'httpx'

    def __init__(self, message):
        super().__init__(message)
        self.request = None


class RequestError(HTTPError):
    """An error while issuing a request."""

    __module__ = 'httpx'

    def __init__(self, message, *, request=None):
        super().__init__(message)
        self.request = request


class TransportError(RequestError):
    __module__ = 'httpx'


class TimeoutException(TransportError):
    __module__ = 'httpx'


class ConnectTimeout(TimeoutException):
    __module__ = 'httpx'


class ReadTimeout(TimeoutException):
    __module__ = 'httpx'


class WriteTimeout(TimeoutException):
    __module__ = 'httpx'


class PoolTimeout(TimeoutException):
    __module__ = 'httpx'


class NetworkError(TransportError):
    __module__ = 'httpx'


class ConnectError(NetworkError):
    __module__ = 'httpx'


class ReadError(NetworkError):
    __module__ = 'httpx'


class WriteError(NetworkError):
    __module__ = 'httpx'


class CloseError(NetworkError):
    __module__ = 'httpx'


class ProxyError(TransportError):
    __module__ = 'httpx'


class UnsupportedProtocol(TransportError):
    __module__ = 'httpx'


class ProtocolError(TransportError):
    __module__ = 'httpx'


class LocalProtocolError(ProtocolError):
    __module__ = 'httpx'


class RemoteProtocolError(ProtocolError):
    __module__ = 'httpx'


class DecodingError(RequestError):
    __module__ = 'httpx'


class TooManyRedirects(RequestError):
    __module__ = 'httpx'


class HTTPStatusError(HTTPError):
    """raise_for_status() on a response that is not 2xx."""

    __module__ = 'httpx'

    def __init__(self, message, *, request, response):
        super().__init__(message)
        self.request = request
        self.response = response


class InvalidURL(Exception):
    __module__ = 'httpx'

    def __init__(self, message):
        super().__init__(message)


class StreamError(RuntimeError):
    __module__ = 'httpx'

    def __init__(self, message):
        super().__init__(message)


class ResponseNotRead(StreamError):
    __module__ = 'httpx'

    def __init__(self):
        super().__init__(
            "Attempted to access streaming response content, without having "
            "called `read()`.")


# -- Configuration ------------------------------------------------------------------

class Timeout:
    """Timeouts in seconds for connect, read, write and pool (None: none)."""

    __module__ = 'httpx'

    def __init__(self, timeout=UNSET, *, connect=UNSET, read=UNSET,
                 write=UNSET, pool=UNSET):
        if isinstance(timeout, Timeout):
            connect, read = timeout.connect, timeout.read
            write, pool = timeout.write, timeout.pool
        elif isinstance(timeout, tuple):
            connect, read, write, pool = (list(timeout) + [None] * 4)[:4]
        else:
            if timeout is UNSET and UNSET in (connect, read, write, pool):
                raise ValueError(
                    'httpx.Timeout must either include a default, or set '
                    'all four parameters explicitly.')
            if connect is UNSET:
                connect = timeout
            if read is UNSET:
                read = timeout
            if write is UNSET:
                write = timeout
            if pool is UNSET:
                pool = timeout
        self.connect = connect
        self.read = read
        self.write = write
        self.pool = pool

    def as_dict(self):
        return {'connect': self.connect, 'read': self.read,
                'write': self.write, 'pool': self.pool}

    def __eq__(self, other):
        return isinstance(other, Timeout) and self.as_dict() == other.as_dict()

    def __repr__(self):
        values = (self.connect, self.read, self.write, self.pool)
        if values[1:] == (self.connect,) * 3:
            return 'Timeout(timeout=%r)' % (self.connect,)
        return 'Timeout(connect=%r, read=%r, write=%r, pool=%r)' % values


class Limits:
    """How many connections a client may open (None: no limit)."""

    __module__ = 'httpx'

    def __init__(self, *, max_connections=None,
                 max_keepalive_connections=None, keepalive_expiry=5.0):
        self.max_connections = max_connections
        self.max_keepalive_connections = max_keepalive_connections
        self.keepalive_expiry = keepalive_expiry

    def __eq__(self, other):
        return isinstance(other, Limits) and (
            self.max_connections, self.max_keepalive_connections,
            self.keepalive_expiry) == (other.max_connections,
                                       other.max_keepalive_connections,
                                       other.keepalive_expiry)

    def __repr__(self):
        return ('Limits(max_connections=%r, max_keepalive_connections=%r, '
                'keepalive_expiry=%r)' % (self.max_connections,
                                          self.max_keepalive_connections,
                                          self.keepalive_expiry))


DEFAULT_TIMEOUT_CONFIG = Timeout(timeout=5.0)
DEFAULT_LIMITS = Limits(max_connections=100, max_keepalive_connections=20)
DEFAULT_MAX_REDIRECTS = 20


# -- URLs, headers, requests, responses ------------------------------------------------

class URL:
    """An absolute URL: str() is normalised ('http://a.b/' for
    'http://a.b'); repr() is URL('...')."""

    __module__ = 'httpx'

    def __init__(self, url=''):
        if isinstance(url, URL):
            url = str(url)
        if not isinstance(url, str):
            raise TypeError('Invalid type for url.  Expected str or '
                            'httpx.URL, got %s: %r' % (type(url), url))
        self.scheme = ''
        self.host = ''
        self.port = None
        self.path = url
        self.query = b''
        self.fragment = ''
        self.userinfo = b''
        self._absolute = False
        try:
            parts = _internet.split_url(url)
        except ValueError:
            parts = None
        if parts is None:
            path, _, self.fragment = url.partition('#')
            path, _, query = path.partition('?')
            self.path = path
            self.query = query.encode('ascii')
            self._text = url
        else:
            self._absolute = True
            self.scheme = parts.scheme
            self.host = parts.host
            self.port = parts.port if parts.explicit_port and parts.port != \
                _internet.DEFAULT_PORTS.get(parts.scheme) else None
            self.path = parts.path or '/'
            self.query = parts.query.encode('ascii')
            self.fragment = parts.fragment
            self.userinfo = parts.user.encode('ascii')
            text = self.scheme + '://'
            if parts.user:
                text += parts.user + '@'
            text += self.host
            if self.port is not None:
                text += ':' + str(self.port)
            text += self.path
            if parts.query:
                text += '?' + parts.query
            if parts.fragment:
                text += '#' + parts.fragment
            self._text = text
        self.raw_path = (self.path + ('?' + self.query.decode('ascii')
                                      if self.query else '')).encode('ascii')
        self.netloc = (self.host if self.port is None
                       else '%s:%s' % (self.host, self.port)).encode('ascii')
        self.is_absolute_url = self._absolute
        self.is_relative_url = not self._absolute

    def join(self, url):
        url = str(url)
        if '://' in url:
            return URL(url)
        base = self._text
        if url.startswith('/'):
            origin = self.scheme + '://' + self.netloc.decode('ascii')
            return URL(origin + url)
        directory = self.path[:self.path.rfind('/') + 1]
        origin = self.scheme + '://' + self.netloc.decode('ascii')
        if url.startswith('?'):
            return URL(origin + self.path + url)
        if not base:
            return URL(url)
        return URL(origin + directory + url)

    def copy_with(self, **kwargs):
        text = self._text
        if 'path' in kwargs:
            text = self.scheme + '://' + self.netloc.decode('ascii') + \
                kwargs['path']
        return URL(text)

    def __str__(self):
        return self._text

    def __repr__(self):
        return 'URL(%r)' % (self._text,)

    def __eq__(self, other):
        if isinstance(other, (URL, str)):
            return str(self) == str(URL(other))
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, (URL, str)):
            return str(self) != str(URL(other))
        return NotImplemented

    def __hash__(self):
        return _internet.stable_hash(self._text)


class Headers:
    """Case-insensitive headers, in order; repr() shows lowercase names."""

    __module__ = 'httpx'

    def __init__(self, headers=None):
        if headers is None:
            pairs = []
        elif isinstance(headers, Headers):
            pairs = headers.raw_pairs()
        elif isinstance(headers, dict):
            pairs = list(headers.items())
        else:
            pairs = list(headers)
        self._list = [(str(k), str(v)) for k, v in pairs]
        self.encoding = 'ascii'

    def raw_pairs(self):
        return list(self._list)

    def __getitem__(self, key):
        wanted = key.lower()
        found = [v for k, v in self._list if k.lower() == wanted]
        if not found:
            raise KeyError(key)
        return ', '.join(found)

    def __setitem__(self, key, value):
        wanted = key.lower()
        kept = [(k, v) for k, v in self._list if k.lower() != wanted]
        kept.append((key, value))
        self._list = kept

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def get_list(self, key, split_commas=False):
        wanted = key.lower()
        return [v for k, v in self._list if k.lower() == wanted]

    def __contains__(self, key):
        wanted = key.lower()
        for k, v in self._list:
            if k.lower() == wanted:
                return True
        return False

    def keys(self):
        out = []
        for k, v in self._list:
            if k.lower() not in out:
                out.append(k.lower())
        return out

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def multi_items(self):
        return [(k.lower(), v) for k, v in self._list]

    def update(self, headers=None):
        for k, v in Headers(headers).raw_pairs():
            self[k] = v

    def copy(self):
        return Headers(self._list)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def __eq__(self, other):
        if not isinstance(other, (Headers, dict, list)):
            return NotImplemented
        return sorted(self.multi_items()) == sorted(Headers(other).multi_items())

    def __repr__(self):
        items = self.multi_items()
        as_dict = {}
        for k, v in items:
            as_dict[k] = v
        if len(as_dict) == len(items):
            return 'Headers(%r)' % (as_dict,)
        return 'Headers(%r)' % (items,)


class Request:
    """What was sent: method, url, headers, content."""

    __module__ = 'httpx'

    def __init__(self, method, url, *, headers=None, content=None):
        self.method = method.upper()
        self.url = URL(url)
        self.headers = Headers(headers)
        self.content = content or b''
        self.extensions = {}

    def read(self):
        return self.content

    async def aread(self):
        return self.content

    def __repr__(self):
        return '<Request(%r, %r)>' % (self.method, str(self.url))


_REDIRECTS = (301, 302, 303, 307, 308)


class Response:
    """What came back: status_code, reason_phrase, headers, content, text,
    json(), raise_for_status()."""

    __module__ = 'httpx'

    def __init__(self, status_code, *, headers=None, content=None, text=None,
                 json=None, request=None, reason_phrase=None):
        self.status_code = status_code
        self.headers = Headers(headers)
        if content is None:
            if json is not None:
                content = _internet.json_dumps(json).encode('utf-8')
            elif text is not None:
                content = text.encode('utf-8')
            else:
                content = b''
        if isinstance(content, str):
            content = content.encode('utf-8')
        self.content = content
        self.request = request
        self.url = request.url if request is not None else None
        if reason_phrase is None:
            reason_phrase = _internet.REASONS.get(status_code, '')
        self.reason_phrase = reason_phrase
        self.http_version = 'HTTP/1.1'
        self.history = []
        self.is_closed = True
        self.is_stream_consumed = True
        self.num_bytes_downloaded = len(content)
        self.extensions = {}
        ctype = self.headers.get('content-type', '')
        self.charset_encoding = None
        for param in ctype.split(';')[1:]:
            name, _, value = param.strip().partition('=')
            if name.lower() == 'charset' and value:
                self.charset_encoding = value.strip('"')
        self.encoding = (self.charset_encoding or 'utf-8').lower()
        self.text = _decode(content, self.encoding)
        self.is_informational = 100 <= status_code <= 199
        self.is_success = 200 <= status_code <= 299
        self.is_redirect = status_code in _REDIRECTS and \
            'location' in self.headers
        self.is_client_error = 400 <= status_code <= 499
        self.is_server_error = 500 <= status_code <= 599
        self.is_error = 400 <= status_code <= 599
        self.has_redirect_location = self.is_redirect
        self.next_request = None

    def raise_for_status(self):
        """Raises HTTPStatusError unless the status is 2xx; returns the
        response."""
        if self.request is None:
            raise RuntimeError(
                'Cannot call `raise_for_status` as the request instance has '
                'not been set on this response.')
        if self.is_success:
            return self
        error_type = {1: 'Informational response', 3: 'Redirect response',
                      4: 'Client error', 5: 'Server error'}.get(
            self.status_code // 100, 'Invalid status code')
        message = "%s '%s %s' for url '%s'\n" % (
            error_type, self.status_code, self.reason_phrase, self.url)
        if self.has_redirect_location:
            message += "Redirect location: '%s'\n" % self.headers['location']
        message += ('For more information check: https://developer.mozilla'
                    '.org/en-US/docs/Web/HTTP/Status/%s' % self.status_code)
        raise HTTPStatusError(message, request=self.request, response=self)

    def json(self, **kwargs):
        return _internet.json_loads(self.text)

    def read(self):
        return self.content

    async def aread(self):
        return self.content

    def iter_bytes(self, chunk_size=None):
        return iter(_chunks(self.content, chunk_size))

    async def aiter_bytes(self, chunk_size=None):
        for chunk in _chunks(self.content, chunk_size):
            yield chunk

    def iter_text(self, chunk_size=None):
        return iter(_chunks(self.text, chunk_size))

    async def aiter_text(self, chunk_size=None):
        for chunk in _chunks(self.text, chunk_size):
            yield chunk

    def iter_lines(self):
        return iter(self.text.splitlines())

    async def aiter_lines(self):
        for line in self.text.splitlines():
            yield line

    def close(self):
        self.is_closed = True

    async def aclose(self):
        self.is_closed = True

    def __repr__(self):
        return '<Response [%s %s]>' % (self.status_code, self.reason_phrase)


def _chunks(data, size):
    if not data:
        return []
    if not size:
        return [data]
    return [data[i:i + size] for i in range(0, len(data), size)]


def _decode(content, encoding):
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return content.decode('utf-8', 'replace')


# -- Sending ----------------------------------------------------------------------------

def _failure(ex, request, blocking):
    """The exception a failed exchange raises."""
    if ex.failure == 'refused':
        # anyio tries every address, then gives up with one message; the
        # blocking client reports the socket's error.
        if blocking:
            return ConnectError('[Errno 111] Connection refused',
                                request=request)
        return ConnectError('All connection attempts failed', request=request)
    if ex.failure == 'dns':
        return ConnectError('[Errno -2] Name or service not known',
                            request=request)
    if ex.failure == 'timeout':
        if blocking:
            return ConnectError('[Errno 110] Connection timed out',
                                request=request)
        return ConnectError('All connection attempts failed', request=request)
    return ReadError('[Errno 104] Connection reset by peer', request=request)


def _plan(ex, timeout, request, blocking):
    """(seconds, exception or None): how long the exchange takes until the
    response is complete, or until it fails or times out."""
    quiet = 'timed out' if blocking else ''
    if ex.failure in ('timeout', 'refused', 'dns'):
        fails_after = ex.wait
        if ex.failure == 'timeout':
            fails_after = _internet.CONNECT_GIVE_UP
        if timeout.connect is not None and timeout.connect < fails_after:
            return timeout.connect, ConnectTimeout(quiet, request=request)
        return fails_after, _failure(ex, request, blocking)
    if timeout.read is not None and timeout.read < ex.wait:
        return timeout.read, ReadTimeout(quiet, request=request)
    if ex.failure is not None:
        return ex.wait, _failure(ex, request, blocking)
    return ex.wait + ex.transfer, None


class _BaseClient:
    def __init__(self, *, auth=None, params=None, headers=None, cookies=None,
                 verify=True, cert=None, http1=True, http2=False, proxy=None,
                 proxies=None, mounts=None, timeout=DEFAULT_TIMEOUT_CONFIG,
                 follow_redirects=False, limits=DEFAULT_LIMITS,
                 max_redirects=DEFAULT_MAX_REDIRECTS, event_hooks=None,
                 base_url='', transport=None, app=None, trust_env=True,
                 default_encoding='utf-8'):
        self.timeout = Timeout(timeout)
        self.follow_redirects = follow_redirects
        self.max_redirects = max_redirects
        self.base_url = URL(base_url) if base_url else URL('')
        if base_url and not str(self.base_url).endswith('/'):
            self.base_url = URL(str(self.base_url) + '/')
        self.headers = Headers([('Accept', '*/*'),
                                ('Accept-Encoding', 'gzip, deflate'),
                                ('Connection', 'keep-alive'),
                                ('User-Agent', USER_AGENT)])
        if headers:
            self.headers.update(headers)
        self.params = params
        self.is_closed = False
        self._limits = limits
        self._pool = _internet.Pool(limits.max_connections, None)

    def _merge_url(self, url):
        url = str(url)
        if '://' in url or not str(self.base_url):
            return URL(url)
        return URL(str(self.base_url) + url.lstrip('/'))

    def build_request(self, method, url, *, content=None, data=None,
                      files=None, json=None, params=None, headers=None,
                      cookies=None, timeout=USE_CLIENT_DEFAULT,
                      extensions=None):
        url = self._merge_url(url)
        if url.scheme not in ('http', 'https'):
            if not url.scheme:
                raise UnsupportedProtocol(
                    "Request URL is missing an 'http://' or 'https://' "
                    "protocol.")
            raise UnsupportedProtocol(
                "Request URL has an unsupported protocol '%s://'."
                % url.scheme)
        merged = {}
        if self.params:
            merged.update(self.params)
        if params:
            merged.update(params)
        if merged:
            query = '&'.join([str(k) + '=' + str(v)
                              for k, v in merged.items()])
            text = str(url)
            url = URL(text + ('&' if url.query else '?') + query)
        sent = [('Host', url.netloc.decode('ascii'))] + \
            self.headers.raw_pairs()
        body = None
        if json is not None:
            body = _internet.json_dumps(json).encode('utf-8')
            sent.append(('Content-Type', 'application/json'))
        elif content is not None:
            body = content.encode('utf-8') if isinstance(content, str) \
                else content
        elif data is not None:
            body = '&'.join([str(k) + '=' + str(v)
                             for k, v in data.items()]).encode('utf-8')
            sent.append(('Content-Type', 'application/x-www-form-urlencoded'))
        if body is not None:
            sent.append(('Content-Length', str(len(body))))
        request = Request(method, url, headers=sent, content=body)
        if headers:
            request.headers.update(headers)
        return request

    def _timeout_for(self, timeout):
        if timeout is USE_CLIENT_DEFAULT:
            return self.timeout
        return Timeout(timeout)

    def _check_open(self):
        if self.is_closed:
            raise RuntimeError(
                'Cannot send a request, as the client has been closed.')

    def _response(self, ex, request, history):
        response = Response(ex.status, headers=ex.headers, content=ex.body,
                            request=request, reason_phrase=ex.reason)
        response.history = list(history)
        if response.is_redirect:
            target = request.url.join(ex.location)
            method = request.method
            if ex.status == 303 and method != 'HEAD' or (
                    ex.status in (301, 302) and method == 'POST'):
                method = 'GET'
            response.next_request = Request(method, target,
                                            headers=request.headers)
        return response


class AsyncClient(_BaseClient):
    """An asynchronous client: `async with httpx.AsyncClient() as c:`."""

    __module__ = 'httpx'

    async def request(self, method, url, *, content=None, data=None,
                      files=None, json=None, params=None, headers=None,
                      cookies=None, auth=USE_CLIENT_DEFAULT,
                      follow_redirects=USE_CLIENT_DEFAULT,
                      timeout=USE_CLIENT_DEFAULT, extensions=None):
        request = self.build_request(method, url, content=content, data=data,
                                     json=json, params=params,
                                     headers=headers)
        return await self.send(request, follow_redirects=follow_redirects,
                               timeout=timeout)

    async def send(self, request, *, stream=False, auth=USE_CLIENT_DEFAULT,
                   follow_redirects=USE_CLIENT_DEFAULT,
                   timeout=USE_CLIENT_DEFAULT):
        self._check_open()
        if follow_redirects is USE_CLIENT_DEFAULT:
            follow_redirects = self.follow_redirects
        timeout = self._timeout_for(timeout)
        history = []
        while True:
            response = await self._send_single(request, timeout, history)
            if not (follow_redirects and response.is_redirect):
                return response
            if len(history) >= self.max_redirects:
                raise TooManyRedirects('Exceeded maximum allowed redirects.',
                                       request=request)
            history.append(response)
            request = response.next_request

    async def _send_single(self, request, timeout, history):
        ex = _internet.exchange(request.method, str(request.url),
                                request.headers.raw_pairs(),
                                request.content or None)
        key = ex.parts.key
        if not self._pool.try_acquire(key):
            try:
                if timeout.pool is None:
                    await self._pool.acquire(key)
                else:
                    async with asyncio.timeout(timeout.pool):
                        await self._pool.acquire(key)
            except TimeoutError:
                raise PoolTimeout('', request=request) from None
        try:
            seconds, error = _plan(ex, timeout, request, False)
            await asyncio.sleep(seconds)
        finally:
            self._pool.release(key)
        if error is not None:
            raise error
        return self._response(ex, request, history)

    async def get(self, url, *, params=None, headers=None, cookies=None,
                  auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
                  timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request('GET', url, params=params, headers=headers,
                                  follow_redirects=follow_redirects,
                                  timeout=timeout)

    async def options(self, url, *, params=None, headers=None, cookies=None,
                      auth=USE_CLIENT_DEFAULT,
                      follow_redirects=USE_CLIENT_DEFAULT,
                      timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request('OPTIONS', url, params=params,
                                  headers=headers,
                                  follow_redirects=follow_redirects,
                                  timeout=timeout)

    async def head(self, url, *, params=None, headers=None, cookies=None,
                   auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
                   timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request('HEAD', url, params=params, headers=headers,
                                  follow_redirects=follow_redirects,
                                  timeout=timeout)

    async def post(self, url, *, content=None, data=None, files=None,
                   json=None, params=None, headers=None, cookies=None,
                   auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
                   timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request('POST', url, content=content, data=data,
                                  json=json, params=params, headers=headers,
                                  follow_redirects=follow_redirects,
                                  timeout=timeout)

    async def put(self, url, *, content=None, data=None, files=None,
                  json=None, params=None, headers=None, cookies=None,
                  auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
                  timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request('PUT', url, content=content, data=data,
                                  json=json, params=params, headers=headers,
                                  follow_redirects=follow_redirects,
                                  timeout=timeout)

    async def patch(self, url, *, content=None, data=None, files=None,
                    json=None, params=None, headers=None, cookies=None,
                    auth=USE_CLIENT_DEFAULT,
                    follow_redirects=USE_CLIENT_DEFAULT,
                    timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request('PATCH', url, content=content, data=data,
                                  json=json, params=params, headers=headers,
                                  follow_redirects=follow_redirects,
                                  timeout=timeout)

    async def delete(self, url, *, params=None, headers=None, cookies=None,
                     auth=USE_CLIENT_DEFAULT,
                     follow_redirects=USE_CLIENT_DEFAULT,
                     timeout=USE_CLIENT_DEFAULT, extensions=None):
        return await self.request('DELETE', url, params=params,
                                  headers=headers,
                                  follow_redirects=follow_redirects,
                                  timeout=timeout)

    def stream(self, method, url, *, content=None, data=None, files=None,
               json=None, params=None, headers=None, cookies=None,
               auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
               timeout=USE_CLIENT_DEFAULT, extensions=None):
        """`async with client.stream('GET', url) as resp:` (the response
        arrives whole on entering)."""
        return _AsyncStream(self.request(
            method, url, content=content, data=data, json=json,
            params=params, headers=headers,
            follow_redirects=follow_redirects, timeout=timeout))

    async def aclose(self):
        self.is_closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type=None, exc_value=None, traceback=None):
        self.is_closed = True


class _AsyncStream:
    def __init__(self, coro):
        self._coro = coro
        self._response = None

    async def __aenter__(self):
        self._response = await self._coro
        return self._response

    async def __aexit__(self, exc_type, exc, tb):
        await self._response.aclose()


class Client(_BaseClient):
    """A blocking client: `with httpx.Client() as client:`."""

    __module__ = 'httpx'

    def request(self, method, url, *, content=None, data=None, files=None,
                json=None, params=None, headers=None, cookies=None,
                auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
                timeout=USE_CLIENT_DEFAULT, extensions=None):
        request = self.build_request(method, url, content=content, data=data,
                                     json=json, params=params,
                                     headers=headers)
        return self.send(request, follow_redirects=follow_redirects,
                         timeout=timeout)

    def send(self, request, *, stream=False, auth=USE_CLIENT_DEFAULT,
             follow_redirects=USE_CLIENT_DEFAULT, timeout=USE_CLIENT_DEFAULT):
        self._check_open()
        if follow_redirects is USE_CLIENT_DEFAULT:
            follow_redirects = self.follow_redirects
        timeout = self._timeout_for(timeout)
        history = []
        while True:
            ex = _internet.exchange(request.method, str(request.url),
                                    request.headers.raw_pairs(),
                                    request.content or None)
            seconds, error = _plan(ex, timeout, request, True)
            time.sleep(seconds)
            if error is not None:
                raise error
            response = self._response(ex, request, history)
            if not (follow_redirects and response.is_redirect):
                return response
            if len(history) >= self.max_redirects:
                raise TooManyRedirects('Exceeded maximum allowed redirects.',
                                       request=request)
            history.append(response)
            request = response.next_request

    def get(self, url, *, params=None, headers=None, cookies=None,
            auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
            timeout=USE_CLIENT_DEFAULT, extensions=None):
        return self.request('GET', url, params=params, headers=headers,
                            follow_redirects=follow_redirects,
                            timeout=timeout)

    def options(self, url, *, params=None, headers=None, cookies=None,
                auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
                timeout=USE_CLIENT_DEFAULT, extensions=None):
        return self.request('OPTIONS', url, params=params, headers=headers,
                            follow_redirects=follow_redirects,
                            timeout=timeout)

    def head(self, url, *, params=None, headers=None, cookies=None,
             auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
             timeout=USE_CLIENT_DEFAULT, extensions=None):
        return self.request('HEAD', url, params=params, headers=headers,
                            follow_redirects=follow_redirects,
                            timeout=timeout)

    def post(self, url, *, content=None, data=None, files=None, json=None,
             params=None, headers=None, cookies=None, auth=USE_CLIENT_DEFAULT,
             follow_redirects=USE_CLIENT_DEFAULT, timeout=USE_CLIENT_DEFAULT,
             extensions=None):
        return self.request('POST', url, content=content, data=data,
                            json=json, params=params, headers=headers,
                            follow_redirects=follow_redirects,
                            timeout=timeout)

    def put(self, url, *, content=None, data=None, files=None, json=None,
            params=None, headers=None, cookies=None, auth=USE_CLIENT_DEFAULT,
            follow_redirects=USE_CLIENT_DEFAULT, timeout=USE_CLIENT_DEFAULT,
            extensions=None):
        return self.request('PUT', url, content=content, data=data,
                            json=json, params=params, headers=headers,
                            follow_redirects=follow_redirects,
                            timeout=timeout)

    def patch(self, url, *, content=None, data=None, files=None, json=None,
              params=None, headers=None, cookies=None, auth=USE_CLIENT_DEFAULT,
              follow_redirects=USE_CLIENT_DEFAULT, timeout=USE_CLIENT_DEFAULT,
              extensions=None):
        return self.request('PATCH', url, content=content, data=data,
                            json=json, params=params, headers=headers,
                            follow_redirects=follow_redirects,
                            timeout=timeout)

    def delete(self, url, *, params=None, headers=None, cookies=None,
               auth=USE_CLIENT_DEFAULT, follow_redirects=USE_CLIENT_DEFAULT,
               timeout=USE_CLIENT_DEFAULT, extensions=None):
        return self.request('DELETE', url, params=params, headers=headers,
                            follow_redirects=follow_redirects,
                            timeout=timeout)

    def close(self):
        self.is_closed = True

    def __enter__(self):
        return self

    def __exit__(self, exc_type=None, exc_value=None, traceback=None):
        self.is_closed = True


def request(method, url, *, params=None, content=None, data=None, files=None,
            json=None, headers=None, cookies=None, auth=None, proxy=None,
            proxies=None, timeout=DEFAULT_TIMEOUT_CONFIG,
            follow_redirects=False, verify=True, cert=None, trust_env=True):
    """One blocking request with a client of its own."""
    with Client(timeout=timeout) as client:
        return client.request(method, url, content=content, data=data,
                              json=json, params=params, headers=headers,
                              follow_redirects=follow_redirects)


def get(url, *, params=None, headers=None, cookies=None, auth=None,
        proxy=None, proxies=None, follow_redirects=False, cert=None,
        verify=True, timeout=DEFAULT_TIMEOUT_CONFIG, trust_env=True):
    return request('GET', url, params=params, headers=headers,
                   follow_redirects=follow_redirects, timeout=timeout)


def options(url, *, params=None, headers=None, cookies=None, auth=None,
            proxy=None, proxies=None, follow_redirects=False, cert=None,
            verify=True, timeout=DEFAULT_TIMEOUT_CONFIG, trust_env=True):
    return request('OPTIONS', url, params=params, headers=headers,
                   follow_redirects=follow_redirects, timeout=timeout)


def head(url, *, params=None, headers=None, cookies=None, auth=None,
         proxy=None, proxies=None, follow_redirects=False, cert=None,
         verify=True, timeout=DEFAULT_TIMEOUT_CONFIG, trust_env=True):
    return request('HEAD', url, params=params, headers=headers,
                   follow_redirects=follow_redirects, timeout=timeout)


def post(url, *, content=None, data=None, files=None, json=None, params=None,
         headers=None, cookies=None, auth=None, proxy=None, proxies=None,
         follow_redirects=False, cert=None, verify=True,
         timeout=DEFAULT_TIMEOUT_CONFIG, trust_env=True):
    return request('POST', url, content=content, data=data, json=json,
                   params=params, headers=headers,
                   follow_redirects=follow_redirects, timeout=timeout)


def put(url, *, content=None, data=None, files=None, json=None, params=None,
        headers=None, cookies=None, auth=None, proxy=None, proxies=None,
        follow_redirects=False, cert=None, verify=True,
        timeout=DEFAULT_TIMEOUT_CONFIG, trust_env=True):
    return request('PUT', url, content=content, data=data, json=json,
                   params=params, headers=headers,
                   follow_redirects=follow_redirects, timeout=timeout)


def patch(url, *, content=None, data=None, files=None, json=None,
          params=None, headers=None, cookies=None, auth=None, proxy=None,
          proxies=None, follow_redirects=False, cert=None, verify=True,
          timeout=DEFAULT_TIMEOUT_CONFIG, trust_env=True):
    return request('PATCH', url, content=content, data=data, json=json,
                   params=params, headers=headers,
                   follow_redirects=follow_redirects, timeout=timeout)


def delete(url, *, params=None, headers=None, cookies=None, auth=None,
           proxy=None, proxies=None, follow_redirects=False, cert=None,
           verify=True, timeout=DEFAULT_TIMEOUT_CONFIG, trust_env=True):
    return request('DELETE', url, params=params, headers=headers,
                   follow_redirects=follow_redirects, timeout=timeout)


class _Codes:
    """httpx.codes: status codes by name (codes.OK == 200,
    codes.NOT_FOUND == 404)."""

    def __init__(self):
        for code, phrase in _internet.REASONS.items():
            name = phrase.upper().replace("'", '').replace('-', '_')
            setattr(self, name.replace(' ', '_'), code)

    def get_reason_phrase(self, value):
        return _internet.REASONS.get(value, '')

    def is_success(self, value):
        return 200 <= value <= 299

    def is_error(self, value):
        return 400 <= value <= 599


codes = _Codes()
