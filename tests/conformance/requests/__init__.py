"""requests: requests 2.31 as tutorials use it, on the virtual internet of
_internet.py (no network).

    resp = requests.get(url, timeout=5)
    resp.raise_for_status()
    image = resp.content

It blocks, as requests does: each request is one time.sleep() for the
whole response (or until the failure or the timeout), so called from a
coroutine it freezes the event loop for that long, and from a worker
thread (run_in_executor) it keeps only that thread waiting.  It never
suspends a coroutine.

No timeout by default: a host that never answers keeps the request
waiting until the system gives up on connecting (127 s); timeout=5 or
timeout=(connect, read) end it sooner with ConnectTimeout or
ReadTimeout.
"""

import time

import _internet
from requests.exceptions import (
    ChunkedEncodingError, ConnectionError, ConnectTimeout,
    ContentDecodingError, HTTPError, InvalidHeader, InvalidJSONError,
    InvalidSchema, InvalidURL, JSONDecodeError, MissingSchema, ProxyError,
    ReadTimeout, RequestException, RetryError, SSLError, StreamConsumedError,
    Timeout, TooManyRedirects, URLRequired)
from requests import exceptions

__version__ = '2.31.0'

USER_AGENT = 'python-requests/' + __version__

DEFAULT_REDIRECT_LIMIT = 30


class CaseInsensitiveDict:
    """Headers: case-insensitive lookups, names kept as given; repr() is a
    dict's."""

    __module__ = 'requests.structures'

    def __init__(self, data=None, **kwargs):
        self._store = []
        if data is not None:
            self.update(data)
        self.update(kwargs)

    def update(self, data):
        items = data.items() if hasattr(data, 'items') else data
        for k, v in items:
            self[k] = v

    def _index(self, key):
        wanted = key.lower()
        for i, (k, v) in enumerate(self._store):
            if k.lower() == wanted:
                return i
        return -1

    def __setitem__(self, key, value):
        i = self._index(key)
        if i == -1:
            self._store.append((key, value))
        else:
            self._store[i] = (key, value)

    def __getitem__(self, key):
        i = self._index(key)
        if i == -1:
            raise KeyError(key)
        return self._store[i][1]

    def __delitem__(self, key):
        i = self._index(key)
        if i == -1:
            raise KeyError(key)
        del self._store[i]

    def get(self, key, default=None):
        i = self._index(key)
        if i == -1:
            return default
        return self._store[i][1]

    def __contains__(self, key):
        return isinstance(key, str) and self._index(key) != -1

    def __iter__(self):
        return iter([k for k, v in self._store])

    def __len__(self):
        return len(self._store)

    def keys(self):
        return [k for k, v in self._store]

    def values(self):
        return [v for k, v in self._store]

    def items(self):
        return list(self._store)

    def lower_items(self):
        return [(k.lower(), v) for k, v in self._store]

    def copy(self):
        return CaseInsensitiveDict(self._store)

    def __eq__(self, other):
        if isinstance(other, dict):
            other = CaseInsensitiveDict(other)
        if not isinstance(other, CaseInsensitiveDict):
            return NotImplemented
        return dict(self.lower_items()) == dict(other.lower_items())

    def __repr__(self):
        return str(dict(self._store))


class _Codes:
    """requests.codes: codes.ok == 200, codes.not_found == 404, ..."""

    def __init__(self):
        for code, phrase in _internet.REASONS.items():
            name = phrase.lower().replace("'", '').replace('-', '_')
            name = name.replace(' ', '_')
            setattr(self, name, code)
            setattr(self, name.upper(), code)
        self.ok = self.OK = 200
        self.teapot = 418
        self.server_error = 500
        self.all_ok = 200

    def get(self, name, default=None):
        return getattr(self, name, default)

    def __repr__(self):
        return '<lookup \'status_codes\'>'


codes = _Codes()


class PreparedRequest:
    """The request as sent: method, url, headers, body."""

    __module__ = 'requests.models'

    def __init__(self, method, url, headers, body):
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body

    def __repr__(self):
        return '<PreparedRequest [%s]>' % (self.method,)


class Response:
    """A response: status_code, reason, ok, headers, content, text, json(),
    raise_for_status()."""

    __module__ = 'requests.models'

    def __init__(self):
        self.status_code = None
        self.reason = None
        self.headers = CaseInsensitiveDict()
        self.url = None
        self.encoding = None
        self.history = []
        self.request = None
        self.content = b''
        self.text = ''
        self.ok = False
        self.is_redirect = False
        self.is_permanent_redirect = False
        self.cookies = {}

    def _fill(self, ex, url, request):
        self.status_code = ex.status
        self.reason = ex.reason
        self.headers = CaseInsensitiveDict(ex.headers)
        self.url = url
        self.request = request
        self.content = ex.body
        self.encoding = _encoding_from_headers(self.headers)
        if self.encoding is None:
            self.encoding = 'utf-8'
            try:
                self.text = self.content.decode('utf-8')
            except UnicodeDecodeError:
                self.text = self.content.decode('utf-8', 'replace')
        else:
            self.text = _decode(self.content, self.encoding)
        self.ok = self.status_code < 400
        self.is_redirect = 'location' in self.headers and \
            self.status_code in (301, 302, 303, 307, 308)
        self.is_permanent_redirect = 'location' in self.headers and \
            self.status_code in (301, 308)

    def raise_for_status(self):
        """Raises HTTPError for a 4xx or 5xx status."""
        reason = self.reason
        http_error_msg = ''
        if 400 <= self.status_code < 500:
            http_error_msg = '%s Client Error: %s for url: %s' % (
                self.status_code, reason, self.url)
        elif 500 <= self.status_code < 600:
            http_error_msg = '%s Server Error: %s for url: %s' % (
                self.status_code, reason, self.url)
        if http_error_msg:
            raise HTTPError(http_error_msg, response=self)

    def json(self, **kwargs):
        try:
            return _internet.json_loads(self.text)
        except _internet.JSONDecodeError as e:
            raise JSONDecodeError(e.msg, e.doc, e.pos)

    def iter_content(self, chunk_size=1, decode_unicode=False):
        data = self.text if decode_unicode else self.content
        size = chunk_size or len(data) or 1
        for i in range(0, len(data), size):
            yield data[i:i + size]

    def iter_lines(self, chunk_size=512, decode_unicode=False,
                   delimiter=None):
        data = self.text if decode_unicode else self.content
        if isinstance(data, bytes):
            lines = data.decode('utf-8', 'replace').splitlines()
            for line in lines:
                yield line.encode('utf-8')
        else:
            for line in data.splitlines():
                yield line

    def close(self):
        pass

    def __bool__(self):
        return self.ok

    def __iter__(self):
        return self.iter_content(128)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return '<Response [%s]>' % (self.status_code,)


def _encoding_from_headers(headers):
    ctype = headers.get('content-type')
    if not ctype:
        return None
    mime, _, params = ctype.partition(';')
    for param in params.split(';'):
        name, _, value = param.strip().partition('=')
        if name.lower() == 'charset' and value:
            return value.strip('\'"')
    if 'text' in mime:
        return 'ISO-8859-1'
    if 'application/json' in mime:
        return 'utf-8'
    return None


def _decode(content, encoding):
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return content.decode('utf-8', 'replace')


# -- urllib3's errors, as requests wraps them ------------------------------------------

class _Connection:
    """Stands for the urllib3 connection named in error messages."""

    _count = 0

    def __init__(self, https):
        _Connection._count += 1
        self.kind = 'HTTPSConnection' if https else 'HTTPConnection'
        # An address as CPython would print it, the same on every run.
        self.address = '0x7f%010x' % (0x3c2a51e000 + _Connection._count * 0x1d0)

    def __repr__(self):
        return '<urllib3.connection.%s object at %s>' % (self.kind,
                                                          self.address)


class _Urllib3Error(Exception):
    __module__ = 'urllib3.exceptions'


class MaxRetryError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'

    def __init__(self, pool, url, reason=None):
        self.pool = pool
        self.url = url
        self.reason = reason
        super().__init__('%s: Max retries exceeded with url: %s (Caused by '
                         '%r)' % (pool, url, reason))


class NewConnectionError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'

    def __init__(self, conn, message):
        self.conn = conn
        super().__init__('%r: %s' % (conn, message))


class NameResolutionError(NewConnectionError):
    __module__ = 'urllib3.exceptions'

    def __init__(self, host, conn, reason):
        message = "Failed to resolve '%s' (%s)" % (host, reason)
        super().__init__(conn, message)


class ConnectTimeoutError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'


class ReadTimeoutError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'

    def __init__(self, pool, url, message):
        self.pool = pool
        self.url = url
        super().__init__('%s: %s' % (pool, message))


class ProtocolError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'


class _Pool:
    def __init__(self, parts):
        self.https = parts.scheme == 'https'
        self.host = parts.host
        self.port = parts.port

    def __str__(self):
        return "%s(host=%r, port=%r)" % (
            'HTTPSConnectionPool' if self.https else 'HTTPConnectionPool',
            self.host, self.port)


def _prepare_url(url):
    """The URL as requests sends it, or requests' error for a bad one."""
    url = str(url).strip()
    if ':' in url and not url.lower().startswith('http'):
        scheme = url[:url.find(':')]
        if '://' in url:
            raise InvalidSchema(
                "No connection adapters were found for %r" % (url,))
        if scheme and ' ' not in scheme and '/' not in scheme and \
                not scheme.isdigit() and '.' not in scheme:
            raise InvalidSchema(
                "No connection adapters were found for %r" % (url,))
    if '://' not in url:
        raise MissingSchema(
            "Invalid URL %r: No scheme supplied. Perhaps you meant "
            "https://%s?" % (url, url))
    try:
        parts = _internet.split_url(url)
    except ValueError:
        raise InvalidURL("Invalid URL %r: No host supplied" % (url,))
    if parts.scheme not in ('http', 'https'):
        raise InvalidSchema(
            "No connection adapters were found for %r" % (url,))
    text = parts.scheme + '://'
    if parts.user:
        text += parts.user + '@'
    text += parts.host
    if parts.explicit_port and parts.port != \
            _internet.DEFAULT_PORTS.get(parts.scheme):
        text += ':' + str(parts.port)
    text += parts.path or '/'
    if parts.query:
        text += '?' + parts.query
    return text, parts


def _with_params(url, params):
    if not params:
        return url
    if isinstance(params, dict):
        pairs = []
        for k, v in params.items():
            if isinstance(v, (list, tuple)):
                for item in v:
                    pairs.append((k, item))
            elif v is not None:
                pairs.append((k, v))
    else:
        pairs = list(params)
    query = '&'.join([str(k) + '=' + str(v) for k, v in pairs])
    if not query:
        return url
    base, _, fragment = url.partition('#')
    joined = base + ('&' if '?' in base else '?') + query
    if fragment:
        joined += '#' + fragment
    return joined


def _timeouts(timeout):
    if isinstance(timeout, tuple):
        if len(timeout) != 2:
            raise ValueError(
                'Invalid timeout %r. Pass a (connect, read) timeout tuple, '
                'or a single float to set both timeouts to the same value.'
                % (timeout,))
        return timeout[0], timeout[1]
    return timeout, timeout


def _send(method, url, parts, headers, body, timeout):
    """One exchange, blocking: returns the Exchange or raises requests'
    error for its failure."""
    ex = _internet.exchange(method, url, headers.items(), body)
    connect, read = _timeouts(timeout)
    pool = _Pool(parts)
    target = parts.target()
    if ex.failure in ('timeout', 'refused', 'dns'):
        fails_after = ex.wait
        if ex.failure == 'timeout':
            fails_after = _internet.CONNECT_GIVE_UP
        conn = _Connection(pool.https)
        if connect is not None and connect < fails_after:
            time.sleep(connect)
            reason = ConnectTimeoutError(
                conn, 'Connection to %s timed out. (connect timeout=%s)'
                % (parts.host, connect))
            raise ConnectTimeout(MaxRetryError(pool, target, reason))
        time.sleep(fails_after)
        if ex.failure == 'dns':
            reason = NameResolutionError(
                parts.host, conn, '[Errno -2] Name or service not known')
        elif ex.failure == 'refused':
            reason = NewConnectionError(
                conn, 'Failed to establish a new connection: [Errno 111] '
                      'Connection refused')
        else:
            reason = NewConnectionError(
                conn, 'Failed to establish a new connection: [Errno 110] '
                      'Connection timed out')
        raise ConnectionError(MaxRetryError(pool, target, reason))
    if read is not None and read < ex.wait:
        time.sleep(read)
        raise ReadTimeout(ReadTimeoutError(
            pool, target, 'Read timed out. (read timeout=%s)' % (read,)))
    if ex.failure == 'reset':
        time.sleep(ex.wait)
        raise ConnectionError(ProtocolError(
            'Connection aborted.',
            ConnectionResetError(104, 'Connection reset by peer')))
    time.sleep(ex.wait + ex.transfer)
    return ex


class Session:
    """Settings (headers, params) shared by requests: `with
    requests.Session() as s: s.get(url)`."""

    __module__ = 'requests.sessions'

    def __init__(self):
        self.headers = CaseInsensitiveDict([
            ('User-Agent', USER_AGENT), ('Accept-Encoding', 'gzip, deflate'),
            ('Accept', '*/*'), ('Connection', 'keep-alive')])
        self.params = {}
        self.max_redirects = DEFAULT_REDIRECT_LIMIT
        self.cookies = {}

    def request(self, method, url, params=None, data=None, headers=None,
                cookies=None, files=None, auth=None, timeout=None,
                allow_redirects=True, proxies=None, hooks=None, stream=None,
                verify=None, cert=None, json=None):
        method = method.upper()
        merged = dict(self.params)
        if params:
            merged.update(params)
        text, parts = _prepare_url(_with_params(str(url), merged))
        sent = self.headers.copy()
        if headers:
            sent.update(headers)
        body = None
        if json is not None and not data:
            body = _internet.json_dumps(json).encode('utf-8')
            sent['Content-Type'] = 'application/json'
        elif data:
            if isinstance(data, dict):
                body = '&'.join([str(k) + '=' + str(v)
                                 for k, v in data.items()]).encode('utf-8')
                sent['Content-Type'] = 'application/x-www-form-urlencoded'
            elif isinstance(data, str):
                body = data.encode('utf-8')
            else:
                body = data
        if body is not None:
            sent['Content-Length'] = str(len(body))
        history = []
        while True:
            request = PreparedRequest(method, text, sent, body)
            ex = _send(method, text, parts, sent, body, timeout)
            response = Response()
            response._fill(ex, text, request)
            if not (allow_redirects and response.is_redirect):
                response.history = history
                return response
            if len(history) >= self.max_redirects:
                raise TooManyRedirects(
                    'Exceeded %s redirects.' % self.max_redirects,
                    response=response)
            history.append(response)
            target = ex.location
            if '://' not in target:
                origin = parts.scheme + '://' + parts.host
                if parts.explicit_port:
                    origin += ':' + str(parts.port)
                if not target.startswith('/'):
                    path = parts.path or '/'
                    target = path[:path.rfind('/') + 1] + target
                target = origin + target
            if ex.status == 303 and method != 'HEAD' or (
                    ex.status in (301, 302) and method == 'POST'):
                method = 'GET'
                body = None
            text, parts = _prepare_url(target)

    def get(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', True)
        return self.request('GET', url, **kwargs)

    def options(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', True)
        return self.request('OPTIONS', url, **kwargs)

    def head(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', False)
        return self.request('HEAD', url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request('POST', url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request('PATCH', url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def session():
    return Session()


def request(method, url, **kwargs):
    """One request with a session of its own."""
    with Session() as s:
        return s.request(method=method, url=url, **kwargs)


def get(url, params=None, **kwargs):
    return request('get', url, params=params, **kwargs)


def options(url, **kwargs):
    return request('options', url, **kwargs)


def head(url, **kwargs):
    kwargs.setdefault('allow_redirects', False)
    return request('head', url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request('post', url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request('put', url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request('patch', url, data=data, **kwargs)


def delete(url, **kwargs):
    return request('delete', url, **kwargs)
