"""_internet: the virtual internet behind aiohttp, httpx and requests.

Every request the simulated HTTP libraries make is answered here, without
a network: exchange(method, url) says what the server sends back (status,
headers, body) and how long it takes, or how the request fails.  The
answers are deterministic: the same URL always gets the same status, size
and latency, derived from stable_hash() (FNV-1a over the URL's UTF-8
bytes, computed here in Python so that every interpreter agrees; never
hash(), which is salted per process).

Where the answers come from, first match wins:

1. routes a program declared with net.route(url, ...) (see net.py);
2. the world the run was given (a JSON file: `oracle.py --world FILE`,
   `aioscope trace --world FILE`; the module _world holds it as `spec`):
   its "urls", then its "hosts" (latency, bandwidth, a failure for the
   whole host);
3. the world's base, "default" unless the file says otherwise:
   "default"  the flags sites of the tutorials (FLAG_SITES), httpbin.org,
              jsonplaceholder.typicode.com, and a generated page for any
              other URL (200, a size and a latency from the URL's hash);
              names under .invalid do not resolve, and on localhost only
              the flags servers' ports accept connections;
   "flags"    only the flags sites; any other host does not resolve;
   "empty"    nothing: an undeclared host does not resolve, an
              undeclared URL on a declared host answers 404.

Timing of one request, in virtual seconds: the response headers arrive
`latency + delay` after the request is sent (latency: the host's; delay:
the URL's own), then the body takes `size / bandwidth` (0 when the host
has no bandwidth).  A failure happens after `latency + delay` too, except
"timeout": the connection never opens, and the client's own timeout (or
the system's connect timeout, CONNECT_GIVE_UP seconds) ends the wait.
Failures: "refused" (connection refused), "reset" (connection reset while
waiting for the response), "dns" (the name does not resolve), "timeout".

The libraries decide the suspension points (see tests/conformance/
README.md); this module never awaits, except Pool.acquire() when every
connection is taken.  Written in the Python subset the corpus uses, so a
simulator can run it as source.
"""

import asyncio

import _world
import net

# Linux gives up a TCP connect that gets no answer after 127 s (six SYN
# retries: 1 + 2 + 4 + 8 + 16 + 32 + 64).
CONNECT_GIVE_UP = 127.0

REASONS = {
    100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created',
    202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
    205: 'Reset Content', 206: 'Partial Content', 300: 'Multiple Choices',
    301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
    304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
    400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required',
    403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict',
    410: 'Gone', 411: 'Length Required', 413: 'Request Entity Too Large',
    414: 'Request-URI Too Long', 415: 'Unsupported Media Type',
    418: "I'm a Teapot", 422: 'Unprocessable Entity', 425: 'Too Early',
    429: 'Too Many Requests', 451: 'Unavailable For Legal Reasons',
    500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
    503: 'Service Unavailable', 504: 'Gateway Timeout',
    505: 'HTTP Version Not Supported',
}

FAILURES = ('refused', 'reset', 'dns', 'timeout')

DEFAULT_PORTS = {'http': 80, 'https': 443}


def stable_hash(text):
    """FNV-1a (32 bits) of text's UTF-8 bytes: the same on every run."""
    h = 2166136261
    for byte in text.encode('utf-8'):
        h = ((h ^ byte) * 16777619) & 0xFFFFFFFF
    return h


# -- URLs -------------------------------------------------------------------

class URLParts:
    """A URL split as the libraries need it; host lowercased."""

    def __init__(self, scheme, user, host, port, explicit_port, path, query,
                 fragment):
        self.scheme = scheme
        self.user = user
        self.host = host
        self.port = port
        self.explicit_port = explicit_port
        self.path = path
        self.query = query
        self.fragment = fragment
        # The host as the world names it: with the port unless it is the
        # scheme's default.
        if port == DEFAULT_PORTS.get(scheme):
            self.key = host
        else:
            self.key = host + ':' + str(port)

    def target(self):
        """Path and query, as in the request line."""
        path = self.path or '/'
        if self.query:
            return path + '?' + self.query
        return path


def split_url(url):
    """URLParts of an absolute URL; ValueError when it has no scheme or
    no host."""
    scheme, sep, rest = url.partition('://')
    if not sep or not scheme:
        raise ValueError('no scheme')
    end = len(rest)
    for mark in '/?#':
        at = rest.find(mark)
        if at != -1 and at < end:
            end = at
    netloc, tail = rest[:end], rest[end:]
    fragment = ''
    if '#' in tail:
        tail, _, fragment = tail.partition('#')
    query = ''
    if '?' in tail:
        tail, _, query = tail.partition('?')
    user = ''
    if '@' in netloc:
        at = netloc.rfind('@')
        user, netloc = netloc[:at], netloc[at + 1:]
    host, port = netloc, None
    colon = netloc.rfind(':')
    if colon != -1 and ']' not in netloc[colon:]:
        digits = netloc[colon + 1:]
        if digits and not digits.isdigit():
            raise ValueError('bad port')
        host = netloc[:colon]
        if digits:
            port = int(digits)
    if not host:
        raise ValueError('no host')
    scheme = scheme.lower()
    explicit = port is not None
    if port is None:
        port = DEFAULT_PORTS.get(scheme, 80)
    return URLParts(scheme, user, host.lower(), port, explicit, tail, query,
                    fragment)


def world_key(parts):
    """How the world file names a URL: host (with a non-default port), path
    ('/' when empty) and query, without the scheme."""
    return parts.key + parts.target()


# -- JSON -------------------------------------------------------------------
# json.dumps and json.loads with the standard library's defaults, for the
# bodies this module makes and the libraries' .json() methods.

class JSONDecodeError(ValueError):
    """As json.JSONDecodeError: msg, doc, pos, lineno, colno."""

    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc[:pos].count('\n') + 1
        colno = pos - doc[:pos].rfind('\n')
        super().__init__('%s: line %d column %d (char %d)'
                         % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
            '\b': '\\b', '\f': '\\f'}


def _dump_str(s):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
            continue
        code = ord(ch)
        if 32 <= code < 127:
            out.append(ch)
        elif code < 0x10000:
            out.append('\\u%04x' % code)
        else:
            code -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xD800 + (code >> 10),
                                           0xDC00 + (code & 0x3FF)))
    out.append('"')
    return ''.join(out)


def json_dumps(obj):
    if obj is None:
        return 'null'
    if obj is True:
        return 'true'
    if obj is False:
        return 'false'
    if isinstance(obj, str):
        return _dump_str(obj)
    if isinstance(obj, int):
        return str(obj)
    if isinstance(obj, float):
        if obj != obj:
            return 'NaN'
        if obj == float('inf'):
            return 'Infinity'
        if obj == -float('inf'):
            return '-Infinity'
        return repr(obj)
    if isinstance(obj, (list, tuple)):
        return '[' + ', '.join([json_dumps(x) for x in obj]) + ']'
    if isinstance(obj, dict):
        items = []
        for k, v in obj.items():
            if isinstance(k, str):
                key = k
            elif k is True or k is False or k is None:
                key = json_dumps(k)
            elif isinstance(k, (int, float)):
                key = json_dumps(k)
            else:
                raise TypeError('keys must be str, int, float, bool or None, '
                                'not ' + type(k).__name__)
            items.append(_dump_str(key) + ': ' + json_dumps(v))
        return '{' + ', '.join(items) + '}'
    raise TypeError('Object of type %s is not JSON serializable'
                    % type(obj).__name__)


_WS = ' \t\n\r'
_LITERALS = (('null', None), ('true', True), ('false', False),
             ('NaN', float('nan')), ('Infinity', float('inf')),
             ('-Infinity', -float('inf')))


def _skip(s, i):
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def _parse_str(s, i):
    # s[i - 1] is the opening quote.
    start = i - 1
    out = []
    while True:
        if i >= len(s):
            raise JSONDecodeError('Unterminated string starting at', s, start)
        ch = s[i]
        if ch == '"':
            return ''.join(out), i + 1
        if ch == '\\':
            esc = s[i + 1:i + 2]
            if esc == 'u':
                digits = s[i + 2:i + 6]
                if len(digits) != 4 or not _is_hex(digits):
                    raise JSONDecodeError('Invalid \\uXXXX escape', s, i)
                code = int(digits, 16)
                i += 6
                if 0xD800 <= code < 0xDC00 and s[i:i + 2] == '\\u':
                    low = s[i + 2:i + 6]
                    if len(low) == 4 and _is_hex(low):
                        low_code = int(low, 16)
                        if 0xDC00 <= low_code < 0xE000:
                            code = 0x10000 + ((code - 0xD800) << 10) + (
                                low_code - 0xDC00)
                            i += 6
                out.append(chr(code))
                continue
            table = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
                     'n': '\n', 'r': '\r', 't': '\t'}
            if esc not in table:
                raise JSONDecodeError('Invalid \\escape', s, i)
            out.append(table[esc])
            i += 2
            continue
        if ord(ch) < 32:
            raise JSONDecodeError('Invalid control character at', s, i)
        out.append(ch)
        i += 1


def _is_hex(text):
    for ch in text:
        if ch not in '0123456789abcdefABCDEF':
            return False
    return True


def _parse_number(s, i):
    j = i
    if j < len(s) and s[j] == '-':
        j += 1
    if j >= len(s) or not s[j].isdigit():
        return None, i
    if s[j] == '0':
        j += 1
    else:
        while j < len(s) and s[j].isdigit():
            j += 1
    is_float = False
    if j + 1 < len(s) and s[j] == '.' and s[j + 1].isdigit():
        is_float = True
        j += 1
        while j < len(s) and s[j].isdigit():
            j += 1
    if j < len(s) and s[j] in 'eE':
        k = j + 1
        if k < len(s) and s[k] in '+-':
            k += 1
        if k < len(s) and s[k].isdigit():
            is_float = True
            j = k
            while j < len(s) and s[j].isdigit():
                j += 1
    text = s[i:j]
    return (float(text) if is_float else int(text)), j


def _parse_value(s, i):
    i = _skip(s, i)
    if i >= len(s):
        raise JSONDecodeError('Expecting value', s, i)
    ch = s[i]
    if ch == '"':
        return _parse_str(s, i + 1)
    if ch == '{':
        result = {}
        i = _skip(s, i + 1)
        if s[i:i + 1] == '}':
            return result, i + 1
        while True:
            if s[i:i + 1] != '"':
                raise JSONDecodeError(
                    'Expecting property name enclosed in double quotes', s, i)
            key, i = _parse_str(s, i + 1)
            i = _skip(s, i)
            if s[i:i + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            value, i = _parse_value(s, i + 1)
            result[key] = value
            i = _skip(s, i)
            if s[i:i + 1] == '}':
                return result, i + 1
            if s[i:i + 1] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip(s, i + 1)
    if ch == '[':
        result = []
        i = _skip(s, i + 1)
        if s[i:i + 1] == ']':
            return result, i + 1
        while True:
            value, i = _parse_value(s, i)
            result.append(value)
            i = _skip(s, i)
            if s[i:i + 1] == ']':
                return result, i + 1
            if s[i:i + 1] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i += 1
    for word, value in _LITERALS:
        if s[i:i + len(word)] == word:
            return value, i + len(word)
    number, j = _parse_number(s, i)
    if j == i:
        raise JSONDecodeError('Expecting value', s, i)
    return number, j


def json_loads(s):
    if not isinstance(s, str):
        raise TypeError('the JSON object must be str, bytes or bytearray, '
                        'not ' + type(s).__name__)
    value, end = _parse_value(s, 0)
    end = _skip(s, end)
    if end != len(s):
        raise JSONDecodeError('Extra data', s, end)
    return value


# -- What a server sends back -------------------------------------------------

class Exchange:
    """One request and what the world answers to it.

    status/reason/headers/body: the response (headers a list of (name,
    value) pairs, body bytes); failure: None or one of FAILURES; wait:
    seconds from sending the request to the response headers (or to the
    failure); transfer: seconds more for the body; location: where a
    redirect points, or None.
    """

    def __init__(self, method, url, parts):
        self.method = method
        self.url = url
        self.parts = parts
        self.status = 200
        self.reason = 'OK'
        self.headers = []
        self.body = b''
        self.failure = None
        self.wait = 0.0
        self.transfer = 0.0
        self.location = None

    def header(self, name, default=None):
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return default

    def __repr__(self):
        if self.failure:
            return '<Exchange %s %s: %s after %r s>' % (
                self.method, self.url, self.failure, self.wait)
        return '<Exchange %s %s: %d %s after %r s>' % (
            self.method, self.url, self.status, self.reason, self.wait)


def _spec():
    spec = _world.spec
    if spec is None:
        return {}
    return spec


def base():
    """The base world: 'default', 'flags' or 'empty'."""
    return _spec().get('base', 'default')


def _declared_host(key):
    # Host names are case-insensitive; `key` is lowercase already.
    for name, host in _spec().get('hosts', {}).items():
        if name.lower() == key:
            return host
    return None


def _declared_url(parts):
    urls = _spec().get('urls', {})
    if not urls:
        return None
    wanted = world_key(parts)
    for url, answer in urls.items():
        try:
            declared = split_url(url)
        except ValueError:
            declared = None
        if declared is not None and world_key(declared) == wanted:
            return answer
        if declared is None and url == wanted:
            return answer
    return None


def exchange(method, url, headers=None, body=None):
    """What the world answers to `method url` (see the module docstring).

    url must be absolute (ValueError otherwise); headers: the request's,
    as (name, value) pairs (echoed by httpbin.org); body: the request's
    body, bytes or None.
    """
    parts = split_url(url)
    ex = Exchange(method, url, parts)
    host = _declared_host(parts.key)
    site = _site_host(parts.key)
    latency = _latency(parts, host, site)
    bandwidth = None
    if host is not None:
        bandwidth = host.get('bandwidth')
    answer = None
    if url in net._routes:
        answer = _from_net_route(net._routes[url])
        latency = 0.0
    if answer is None and host is not None and host.get('error'):
        answer = {'error': host['error']}
    if answer is None:
        answer = _declared_url(parts)
    if answer is None:
        answer = _base_answer(method, parts, host, site, headers, body)
    _fill(ex, answer, latency, bandwidth)
    # A simulator may watch the exchanges (to show them); CPython's _world
    # has no such hook, and nothing here depends on it.
    note = getattr(_world, 'note', None)
    if note is not None:
        note(method, url, parts.key, ex.status, ex.failure, ex.wait + ex.transfer)
    return ex


def _latency(parts, host, site):
    latency = None
    if host is not None:
        latency = host.get('latency')
    if site is not None and latency is None:
        latency = site.get('latency')
    if latency is None:
        latency = generated_latency(parts.key)
    return latency


def connect(url):
    """How opening a TCP connection to the host of `url` goes, for
    asyncio's streams (_streams.py): (failure, latency), failure None or
    'dns', 'refused' or 'timeout' (the host's own failure, or what the
    base world says of its root)."""
    parts = split_url(url)
    host = _declared_host(parts.key)
    site = _site_host(parts.key)
    latency = _latency(parts, host, site)
    if host is not None and host.get('error'):
        failure = host['error']
    else:
        answer = _declared_url(parts)
        if answer is None:
            answer = _base_answer('GET', parts, host, site, None, None)
        failure = answer.get('error')
    if failure not in ('dns', 'refused', 'timeout'):
        failure = None
    return failure, latency


def _from_net_route(route):
    status, body, delay, data, error = route
    answer = {'status': status, 'delay': delay}
    if error is not None:
        answer['error'] = 'reset'
    elif data is not None and body == b'':
        answer['json'] = data
    else:
        answer['bytes'] = body
    return answer


def _fill(ex, answer, latency, bandwidth):
    failure = answer.get('error')
    if failure is not None and failure not in FAILURES:
        raise ValueError('unknown failure %r (expected one of %s)'
                         % (failure, ', '.join(FAILURES)))
    ex.failure = failure
    ex.wait = latency + answer.get('delay', 0.0)
    if failure is not None:
        return
    status = answer.get('status', 200)
    ex.status = status
    ex.reason = answer.get('reason', REASONS.get(status, ''))
    content_type = answer.get('content_type')
    if 'bytes' in answer:
        body = answer['bytes']
        if content_type is None:
            content_type = 'application/octet-stream'
    elif 'json' in answer:
        body = json_dumps(answer['json']).encode('utf-8')
        if content_type is None:
            content_type = 'application/json'
    elif 'body' in answer:
        body = answer['body'].encode('utf-8')
        if content_type is None:
            content_type = 'text/plain; charset=utf-8'
    elif 'size' in answer:
        if content_type is None:
            content_type = 'text/html; charset=utf-8'
        body = filler(ex.parts, answer['size'], content_type)
    elif status >= 400:
        body = error_page(status, ex.reason)
        if content_type is None:
            content_type = 'text/html; charset=utf-8'
    else:
        body = b''
    if content_type is None:
        content_type = 'text/plain; charset=utf-8'
    location = answer.get('redirect')
    if location is not None:
        ex.location = location
        if 'status' not in answer:
            ex.status = 302
            ex.reason = answer.get('reason', REASONS[302])
    ex.body = body
    ex.headers = [('Content-Type', content_type),
                  ('Content-Length', str(len(body)))]
    if location is not None:
        ex.headers.append(('Location', location))
    for name, value in answer.get('headers', {}).items():
        ex.headers.append((name, value))
    if bandwidth:
        ex.transfer = len(body) / bandwidth


# -- The base worlds ------------------------------------------------------------

def _base_answer(method, parts, host, site, headers, body):
    kind = base()
    if site is not None and kind in ('default', 'flags'):
        return site['answer'](method, parts, site, headers, body)
    if host is None:
        if kind in ('flags', 'empty') or parts.host.endswith('.invalid'):
            return {'error': 'dns'}
        if parts.host in LOCAL_HOSTS:
            # Nothing listens on this machine but the flags servers.
            return {'error': 'refused'}
    elif kind in ('flags', 'empty'):
        return {'status': 404}
    return generated_answer(parts)


LOCAL_HOSTS = ('localhost', '127.0.0.1', '[::1]')


def generated_latency(key):
    """A host's latency in the default world: 50 to 299 ms."""
    return (50 + stable_hash(key) % 250) / 1000


def generated_answer(parts):
    """Any other URL of the default world: a page of 1 to 50 kB, 0 to 99 ms
    of server time, its kind guessed from the path's extension; JSON from
    an API (a host named api.*, a path with an /api/ segment, a .json
    file): an object for a path ending in a number, else a list."""
    h = stable_hash(world_key(parts))
    answer = {'size': 1000 + h % 49000, 'delay': (h >> 8) % 100 / 1000}
    path = parts.path
    dot = path.rfind('.')
    ext = path[dot + 1:].lower() if dot > path.rfind('/') else ''
    segments = path.strip('/').split('/')
    if ext == 'json' or parts.host.startswith('api.') or 'api' in segments:
        url = parts.scheme + '://' + world_key(parts)
        last = segments[-1]
        if last.isdigit():
            data = {'id': int(last), 'url': url, 'name': words(h, 2)}
        elif ext == 'json':
            data = {'url': url, 'id': h % 1000}
        else:
            data = [{'id': n, 'url': url.rstrip('/') + '/' + str(n),
                     'name': words(h + n, 2)} for n in range(1, 4)]
        answer = {'json': data, 'delay': answer['delay']}
    elif ext in IMAGE_TYPES:
        answer['content_type'] = IMAGE_TYPES[ext]
    elif ext == 'txt':
        answer['content_type'] = 'text/plain; charset=utf-8'
    return answer


IMAGE_TYPES = {'gif': 'image/gif', 'png': 'image/png', 'jpg': 'image/jpeg',
               'jpeg': 'image/jpeg', 'svg': 'image/svg+xml',
               'ico': 'image/x-icon'}

_WORDS = ('lorem ipsum dolor sit amet consectetur adipiscing elit sed do '
          'eiusmod tempor incididunt ut labore et dolore magna aliqua').split()


def words(seed, count):
    """count pseudo-Latin words chosen by seed: the same text every run."""
    out = []
    h = seed
    for _ in range(count):
        h = (h * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(_WORDS[(h >> 16) % len(_WORDS)])
    return ' '.join(out)


def filler(parts, size, content_type):
    """A body of exactly `size` bytes: an HTML page, text or image bytes."""
    if content_type.startswith('image/'):
        if content_type == 'image/gif':
            head = b'GIF89a'
        elif content_type == 'image/png':
            head = b'\x89PNG\r\n\x1a\n'
        else:
            head = b'\xff\xd8\xff\xe0'
        return (head + bytes(size))[:size]
    if content_type.startswith('text/html'):
        title = parts.host
        head = ('<!doctype html>\n<html>\n<head>\n<title>' + title +
                '</title>\n</head>\n<body>\n<h1>' + title + '</h1>\n<p>')
        tail = '</p>\n</body>\n</html>\n'
    else:
        head = ''
        tail = '\n'
    text = words(stable_hash(world_key(parts)), 12) + ' '
    room = size - len(head) - len(tail)
    if room < 0:
        return (head + tail)[:size].encode('utf-8')
    body = text * (room // len(text) + 1)
    return (head + body[:room] + tail).encode('utf-8')


def error_page(status, reason):
    title = '%d %s' % (status, reason)
    return ('<html>\n<head><title>' + title + '</title></head>\n<body>\n'
            '<center><h1>' + title + '</h1></center>\n</body>\n</html>\n'
            ).encode('utf-8')


# The 20 most populous countries, as the tutorials' flag downloaders list
# them, with the names their metadata.json files give.
POP20_CC = ('CN IN US ID BR PK NG BD RU JP '
            'MX PH VN ET EG DE IR TR CD FR').split()

COUNTRY = {
    'BD': 'Bangladesh', 'BR': 'Brazil', 'CD': 'Congo, The Democratic Republic',
    'CN': 'China', 'DE': 'Germany', 'EG': 'Egypt', 'ET': 'Ethiopia',
    'FR': 'France', 'ID': 'Indonesia', 'IN': 'India', 'IR': 'Iran',
    'JP': 'Japan', 'MX': 'Mexico', 'NG': 'Nigeria', 'PH': 'Philippines',
    'PK': 'Pakistan', 'RU': 'Russian Federation', 'TR': 'Turkey',
    'US': 'United States', 'VN': 'Vietnam',
}


def flag_size(cc):
    """Bytes of a country's flag GIF: 1 to 3 kB."""
    return 1000 + stable_hash(cc.lower() + '.gif') % 2000


def _flag_answer(method, parts, site, headers, body):
    path = parts.path
    prefix = site['prefix']
    if not path.startswith(prefix):
        return {'status': 404}
    rest = path[len(prefix):].split('/')
    h = stable_hash(world_key(parts))
    # Server time: the site's spread, by the URL's hash, in whole ms.
    delay = (h % (site['spread'] + 1)) / 1000 + site.get('extra', 0.0)
    if len(rest) != 2:
        return {'status': 404, 'delay': delay}
    cc = rest[0].upper()
    if cc.lower() != rest[0] or cc not in COUNTRY:
        return {'status': 404, 'delay': delay}
    answer = None
    if rest[1] == rest[0] + '.gif':
        answer = {'bytes': flag_gif(cc), 'content_type': 'image/gif',
                  'delay': delay}
    elif rest[1] == 'metadata.json':
        answer = {'json': {'country': COUNTRY[cc], 'iso_cc': cc,
                           'tld': '.' + cc.lower()},
                  'delay': delay}
    if answer is None:
        return {'status': 404, 'delay': delay}
    troubles = site.get('troubles', {})
    trouble = troubles.get(cc + '/' + rest[1])
    if trouble is None:
        trouble = troubles.get(cc)
    if trouble is not None:
        answer = dict(trouble)
        answer['delay'] = delay
    teapots = site.get('teapots', 0)
    if teapots and (h >> 12) % 100 < teapots:
        return {'status': 418, 'delay': delay}
    return answer


def flag_gif(cc):
    size = flag_size(cc)
    return (b'GIF89a' + cc.encode('ascii') + bytes(size))[:size]


# The tutorials' flags servers.  spread: up to this many ms of server time
# per URL (by hash), on top of the host's latency; extra: seconds more for
# every URL; troubles: answers that replace a country's flag or file
# ("CC" or "CC/file"); teapots: the percentage of URLs answered with
# 418 I'm a Teapot, as Fluent Python's error server does.
FLAG_SITES = {
    # Fluent Python, 1st edition (flupy.org) and 2nd (fluentpython.com).
    'flupy.org': {'prefix': '/data/flags/', 'latency': 0.2, 'spread': 250},
    'fluentpython.com': {'prefix': '/data/flags/', 'latency': 0.2,
                         'spread': 250},
    'www.fluentpython.com': {'prefix': '/data/flags/', 'latency': 0.2,
                             'spread': 250},
    # Its local servers: plain, slow (0.5 to 5 s) and slow with errors.
    'localhost:8000': {'prefix': '/flags/', 'latency': 0.005, 'spread': 10},
    'localhost:8001': {'prefix': '/flags/', 'latency': 0.005, 'spread': 4500,
                       'extra': 0.5},
    'localhost:8002': {'prefix': '/flags/', 'latency': 0.005, 'spread': 4500,
                       'extra': 0.5, 'teapots': 25},
    'localhost:8003': {'prefix': '/flags/', 'latency': 0.005, 'spread': 4500,
                       'extra': 0.5, 'teapots': 25},
    # The corpus' own flags server, with the failures error-handling
    # downloaders are written for: no Congo (404), a broken Iran (500),
    # a connection reset for Ethiopia, no metadata for Pakistan.
    'flags.test': {'prefix': '/flags/', 'latency': 0.1, 'spread': 300,
                   'troubles': {'CD': {'status': 404},
                                'IR/ir.gif': {'status': 500},
                                'ET/et.gif': {'error': 'reset'},
                                'PK/metadata.json': {'status': 404}}},
}


def _httpbin_answer(method, parts, site, headers, body):
    segments = parts.path.strip('/').split('/')
    head = segments[0]
    arg = segments[1] if len(segments) > 1 else ''
    url = parts.scheme + '://' + world_key(parts)
    echo = {'args': _query_args(parts.query), 'headers': _echo_headers(
        parts, headers), 'origin': '203.0.113.7', 'url': url}
    if head == 'delay' and len(segments) == 2 and arg.isdigit():
        return {'json': echo, 'delay': min(int(arg), 10) * 1.0}
    if head == 'status' and len(segments) == 2 and arg.isdigit():
        status = int(arg)
        answer = {'status': status, 'bytes': b'',
                  'content_type': 'text/html; charset=utf-8'}
        if status in (301, 302, 303, 307, 308):
            answer['redirect'] = '/redirect/1'
        return answer
    if head == 'redirect' and len(segments) == 2 and arg.isdigit():
        left = int(arg) - 1
        target = '/get' if left <= 0 else '/redirect/%d' % left
        return {'status': 302, 'redirect': target, 'bytes': b'',
                'content_type': 'text/html; charset=utf-8'}
    if len(segments) == 1:
        if head == 'get' and method == 'GET' or head == 'anything':
            if head == 'anything':
                echo['method'] = method
            return {'json': echo}
        if head in ('post', 'put', 'patch', 'delete') and \
                method == head.upper():
            text = ''
            if body:
                text = body.decode('utf-8')
            echo['data'] = text
            try:
                echo['json'] = json_loads(text) if text else None
            except ValueError:
                echo['json'] = None
            return {'json': echo}
        if head == 'ip':
            return {'json': {'origin': '203.0.113.7'}}
        if head == 'headers':
            return {'json': {'headers': echo['headers']}}
        if head == 'user-agent':
            return {'json': {'user-agent': echo['headers'].get('User-Agent',
                                                               '')}}
        if head == 'uuid':
            h = stable_hash(url)
            digits = '%08x' % h + '%08x' % stable_hash(str(h))
            return {'json': {'uuid': '%s-%s-4%s-a%s-%s' % (
                digits[:8], digits[8:12], digits[12:15], digits[1:4],
                digits[4:16])}}
        if head == 'json':
            return {'json': {'slideshow': {
                'author': 'Yours Truly', 'date': 'date of publication',
                'slides': [{'title': 'Wake up to WonderWidgets!',
                            'type': 'all'},
                           {'items': ['Why WonderWidgets are great',
                                      'Who buys WonderWidgets'],
                            'title': 'Overview', 'type': 'all'}],
                'title': 'Sample Slide Show'}}}
        if head == 'html':
            return {'size': 3741}
    if head == 'bytes' and len(segments) == 2 and arg.isdigit():
        n = min(int(arg), 102400)
        return {'bytes': b'\x00' * n}
    return {'status': 404}


def _query_args(query):
    args = {}
    if not query:
        return args
    for pair in query.split('&'):
        name, _, value = pair.partition('=')
        args[name] = value
    return args


def _echo_headers(parts, headers):
    echo = {'Host': parts.key}
    if headers:
        for name, value in headers:
            echo[name.title()] = value
    return echo


_JSONPLACEHOLDER_COUNTS = {'posts': 100, 'comments': 500, 'albums': 100,
                           'photos': 5000, 'todos': 200, 'users': 10}


def _placeholder_item(kind, n):
    h = stable_hash(kind + str(n))
    if kind == 'users':
        name = words(h, 2).title()
        return {'id': n, 'name': name, 'username': name.split()[0],
                'email': name.split()[0].lower() + '@example.org'}
    if kind == 'todos':
        return {'userId': (n - 1) // 20 + 1, 'id': n,
                'title': words(h, 2 + h % 5), 'completed': h % 3 == 0}
    if kind == 'comments':
        return {'postId': (n - 1) // 5 + 1, 'id': n, 'name': words(h, 4),
                'email': words(h + 1, 1) + '@example.org',
                'body': words(h + 2, 20)}
    if kind == 'albums':
        return {'userId': (n - 1) // 10 + 1, 'id': n, 'title': words(h, 3)}
    if kind == 'photos':
        return {'albumId': (n - 1) // 50 + 1, 'id': n, 'title': words(h, 4),
                'url': 'https://via.placeholder.com/600/%06x' % (h & 0xFFFFFF)}
    return {'userId': (n - 1) // 10 + 1, 'id': n, 'title': words(h, 6),
            'body': words(h + 1, 25)}


def _placeholder_answer(method, parts, site, headers, body):
    segments = parts.path.strip('/').split('/')
    kind = segments[0]
    if kind not in _JSONPLACEHOLDER_COUNTS:
        return {'status': 404, 'json': {}}
    count = _JSONPLACEHOLDER_COUNTS[kind]
    if len(segments) == 1:
        if method == 'POST':
            item = {'id': count + 1}
            if body:
                try:
                    sent = json_loads(body.decode('utf-8'))
                except ValueError:
                    sent = None
                if isinstance(sent, dict):
                    item = dict(sent)
                    item['id'] = count + 1
            return {'status': 201, 'json': item}
        return {'json': [_placeholder_item(kind, n)
                         for n in range(1, min(count, 200) + 1)]}
    if len(segments) == 2 and segments[1].isdigit():
        n = int(segments[1])
        if 1 <= n <= count:
            return {'json': _placeholder_item(kind, n)}
    return {'status': 404, 'json': {}}


def _site_host(key):
    """The built-in site at a host, or None."""
    if key in FLAG_SITES:
        site = dict(FLAG_SITES[key])
        site['answer'] = _flag_answer
        return site
    if base() == 'flags':
        return None
    if key in ('httpbin.org', 'www.httpbin.org'):
        return {'latency': 0.1, 'answer': _httpbin_answer}
    if key == 'jsonplaceholder.typicode.com':
        return {'latency': 0.08, 'answer': _placeholder_answer}
    return None


# -- Connection pools -------------------------------------------------------------

class Pool:
    """The connections a client may have open: at most `limit` (None or 0:
    no limit), at most `per_host` to one host (None or 0: no limit).

    A request that finds no free connection waits; a released connection
    goes to the longest-waiting request whose host has room (first in,
    first out), handed over directly so that a newer request cannot take
    it first.
    """

    def __init__(self, limit=None, per_host=None):
        self.limit = limit or 0
        self.per_host = per_host or 0
        self.in_use = 0
        self.by_host = {}
        self.waiters = []   # [future, host key], oldest first
        self.waiting = {}   # host key -> how many of the waiters

    def _has_room(self, key):
        if self.limit and self.in_use >= self.limit:
            return False
        if self.per_host and self.by_host.get(key, 0) >= self.per_host:
            return False
        return True

    def _take(self, key):
        self.in_use += 1
        self.by_host[key] = self.by_host.get(key, 0) + 1

    def try_acquire(self, key):
        """Take a connection without waiting; False if none is free or
        older requests for this host are waiting."""
        if self.waiting.get(key, 0) or not self._has_room(key):
            return False
        self._take(key)
        return True

    async def acquire(self, key):
        """Take a connection, waiting (in order) while none is free."""
        if self.try_acquire(key):
            return
        fut = asyncio.get_running_loop().create_future()
        entry = [fut, key]
        self.waiters.append(entry)
        self.waiting[key] = self.waiting.get(key, 0) + 1
        try:
            await fut
        except BaseException:
            if entry in self.waiters:
                self.waiters.remove(entry)
                self.waiting[key] -= 1
                # Newer requests may have queued behind this one.
                self._wake()
            elif fut.done() and not fut.cancelled():
                # The connection was handed over as the wait was cancelled.
                self.release(key)
            raise

    def release(self, key):
        self.in_use -= 1
        self.by_host[key] -= 1
        self._wake()

    def _wake(self):
        """Hands a free connection to the oldest waiter that can use it."""
        for i, entry in enumerate(self.waiters):
            fut, waiting_key = entry
            if not fut.done() and self._has_room(waiting_key):
                del self.waiters[i]
                self.waiting[waiting_key] -= 1
                self._take(waiting_key)
                fut.set_result(None)
                return
