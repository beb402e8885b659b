"""urllib.parse: splitting, joining and quoting URLs as CPython 3.11's
module does (RFC 3986 with its historical scheme lists), for str URLs.
Byte-string URLs are not supported yet (quote and unquote take bytes)."""
from collections import namedtuple

__all__ = ['urlparse', 'urlunparse', 'urljoin', 'urldefrag', 'urlsplit',
           'urlunsplit', 'urlencode', 'parse_qs', 'parse_qsl', 'quote',
           'quote_plus', 'quote_from_bytes', 'unquote', 'unquote_plus',
           'unquote_to_bytes', 'DefragResult', 'ParseResult', 'SplitResult']

# Which schemes take part in relative references, have a network
# location, and have ';params' in their path (CPython's lists).
uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais',
                 'file', 'https', 'shttp', 'mms', 'prospero', 'rtsp',
                 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap',
               'wais', 'file', 'mms', 'https', 'shttp', 'snews', 'prospero',
               'rtsp', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs',
               'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https',
               'shttp', 'rtsp', 'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']
non_hierarchical = ['gopher', 'hdl', 'mailto', 'news', 'telnet', 'wais',
                    'imap', 'snews', 'sip', 'sips']
uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms',
              'gopher', 'rtsp', 'rtspu', 'sip', 'sips']
uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news', 'nntp', 'wais',
                 'https', 'shttp', 'snews', 'file', 'prospero']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

# Stripped from the front of a URL (the WHATWG "C0 control or space"),
# and removed anywhere (tab and newlines).
_LEADING_JUNK = ''.join(chr(i) for i in range(0x21))
_UNSAFE = '\t\r\n'

_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')


def clear_cache():
    """Nothing is cached here."""


class _NetlocParts:
    """username, password, hostname and port, read from netloc."""

    __slots__ = ()

    def _userinfo(self):
        userinfo, at, _ = self.netloc.rpartition('@')
        if not at:
            return None, None
        user, colon, password = userinfo.partition(':')
        return user, (password if colon else None)

    def _hostinfo(self):
        _, _, hostinfo = self.netloc.rpartition('@')
        before, bracket, inside = hostinfo.partition('[')
        if bracket:
            host, _, rest = inside.partition(']')
            _, _, port = rest.partition(':')
        else:
            host, _, port = hostinfo.partition(':')
        return host, (port or None)

    @property
    def username(self):
        return self._userinfo()[0]

    @property
    def password(self):
        return self._userinfo()[1]

    @property
    def hostname(self):
        host = self._hostinfo()[0]
        if not host:
            return None
        # An IPv6 zone after '%' keeps its case.
        address, percent, zone = host.partition('%')
        return address.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo()[1]
        if port is None:
            return None
        if not (port.isdigit() and port.isascii()):
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        number = int(port)
        if not 0 <= number <= 65535:
            raise ValueError("Port out of range 0-65535")
        return number


class DefragResult(namedtuple('DefragResult', 'url fragment')):
    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + '#' + self.fragment
        return self.url


class SplitResult(namedtuple('SplitResult',
                             'scheme netloc path query fragment'),
                  _NetlocParts):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(namedtuple('ParseResult',
                             'scheme netloc path params query fragment'),
                  _NetlocParts):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


def _refuse_bytes(*values):
    for v in values:
        if isinstance(v, bytes):
            raise NotImplementedError(
                'urllib.parse of bytes URLs is not supported yet')


def _split_netloc(rest):
    """The network location after '//': up to the first '/', '?' or '#'."""
    end = len(rest)
    for c in '/?#':
        at = rest.find(c, 2)
        if at >= 0 and at < end:
            end = at
    return rest[2:end], rest[end:]


def urlsplit(url, scheme='', allow_fragments=True):
    _refuse_bytes(url, scheme)
    url = url.lstrip(_LEADING_JUNK)
    scheme = scheme.strip(_LEADING_JUNK)
    for c in _UNSAFE:
        url = url.replace(c, '')
        scheme = scheme.replace(c, '')
    netloc = query = fragment = ''
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha():
        if all(c in scheme_chars for c in url[:colon]):
            scheme = url[:colon].lower()
            url = url[colon + 1:]
    if url[:2] == '//':
        netloc, url = _split_netloc(url)
        if ('[' in netloc) != (']' in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def _split_params(path):
    # The parameters of the last segment only.
    start = path.rfind('/') if '/' in path else 0
    at = path.find(';', start)
    if at < 0:
        return path, ''
    return path[:at], path[at + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    scheme, netloc, path, query, fragment = urlsplit(url, scheme,
                                                     allow_fragments)
    params = ''
    if scheme in uses_params and ';' in path:
        path, params = _split_params(path)
    return ParseResult(scheme, netloc, path, params, query, fragment)


def urlunsplit(components):
    scheme, netloc, url, query, fragment = components
    _refuse_bytes(scheme, netloc, url, query, fragment)
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


def urlunparse(components):
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = url + ';' + params
    return urlunsplit((scheme, netloc, url, query, fragment))


def _resolve_dots(segments):
    out = []
    for seg in segments:
        if seg == '..':
            if out:
                out.pop()
        elif seg != '.':
            out.append(seg)
    if segments[-1] in ('.', '..'):
        out.append('')
    return out


def urljoin(base, url, allow_fragments=True):
    _refuse_bytes(base, url)
    if not base:
        return url
    if not url:
        return base
    b = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, b.scheme,
                                                             allow_fragments)
    if scheme != b.scheme or scheme not in uses_relative:
        return url
    if scheme in uses_netloc:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query,
                               fragment))
        netloc = b.netloc
    if not path and not params:
        return urlunparse((scheme, netloc, b.path, b.params,
                           query or b.query, fragment))
    if path[:1] == '/':
        segments = path.split('/')
    else:
        directory = b.path.split('/')
        if directory[-1] != '':
            directory.pop()
        segments = directory + path.split('/')
        # Empty inner segments would double the slashes when joined.
        segments[1:-1] = [s for s in segments[1:-1] if s]
    joined = '/'.join(_resolve_dots(segments)) or '/'
    return urlunparse((scheme, netloc, joined, params, query, fragment))


def urldefrag(url):
    _refuse_bytes(url)
    if '#' not in url:
        return DefragResult(url, '')
    s, n, p, a, q, frag = urlparse(url)
    return DefragResult(urlunparse((s, n, p, a, q, '')), frag)


def quote_from_bytes(bs, safe='/'):
    if not isinstance(bs, bytes):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes(c for c in safe if c < 128)
    keep = _ALWAYS_SAFE | frozenset(safe)
    return ''.join(chr(b) if b in keep else '%{:02X}'.format(b)
                   for b in bs)


def quote(string, safe='/', encoding=None, errors=None):
    if isinstance(string, str):
        if not string:
            return string
        string = string.encode(encoding or 'utf-8', errors or 'strict')
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    space = ' ' if isinstance(string, str) else b' '
    if space not in string:
        return quote(string, safe, encoding, errors)
    if isinstance(safe, str):
        safe = safe + ' '
    else:
        safe = safe + b' '
    return quote(string, safe, encoding, errors).replace(' ', '+')


_HEX = '0123456789abcdefABCDEF'


def unquote_to_bytes(string):
    if not string:
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    pieces = string.split(b'%')
    out = [pieces[0]]
    for piece in pieces[1:]:
        h = piece[:2]
        if len(h) == 2 and all(chr(c) in _HEX for c in h):
            out.append(bytes([int(h, 16)]))
            out.append(piece[2:])
        else:
            out.append(b'%')
            out.append(piece)
    return b''.join(out)


def unquote(string, encoding='utf-8', errors='replace'):
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    # Runs of escapes decode together (one character may take several);
    # the text between them stays as it is.
    out = []
    i = 0
    n = len(string)
    while i < n:
        at = string.find('%', i)
        if at < 0:
            out.append(string[i:])
            break
        out.append(string[i:at])
        raw = []
        j = at
        while j < n and string[j] == '%':
            h = string[j + 1:j + 3]
            if len(h) == 2 and all(c in _HEX for c in h):
                raw.append(int(h, 16))
                j += 3
            else:
                break
        if raw:
            out.append(bytes(raw).decode(encoding, errors))
            i = j
        else:
            out.append('%')
            i = at + 1
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    return unquote(string.replace('+', ' '), encoding, errors)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding='utf-8', errors='replace', max_num_fields=None,
              separator='&'):
    _refuse_bytes(qs)
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None:
        fields = 1 + qs.count(separator) if qs else 0
        if max_num_fields < fields:
            raise ValueError('Max number of fields exceeded')
    pairs = []
    for field in (qs.split(separator) if qs else []):
        if not field and not strict_parsing:
            continue
        name, eq, value = field.partition('=')
        if not eq:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            pairs.append((unquote_plus(name, encoding, errors),
                          unquote_plus(value, encoding, errors)))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding='utf-8', errors='replace', max_num_fields=None,
             separator='&'):
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing,
                                 encoding, errors, max_num_fields,
                                 separator):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result


def _quote_item(item, quote_via, safe, encoding, errors):
    if isinstance(item, bytes):
        return quote_via(item, safe)
    return quote_via(str(item), safe, encoding, errors)


def urlencode(query, doseq=False, safe='', encoding=None, errors=None,
              quote_via=quote_plus):
    if hasattr(query, 'items'):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError:
            raise TypeError("not a valid non-string sequence "
                            "or mapping object") from None
    out = []
    for k, v in query:
        k = _quote_item(k, quote_via, safe, encoding, errors)
        if not doseq or isinstance(v, (str, bytes)):
            out.append(k + '=' + _quote_item(v, quote_via, safe, encoding,
                                              errors))
            continue
        try:
            len(v)
        except TypeError:
            out.append(k + '=' + quote_via(str(v), safe, encoding, errors))
            continue
        for item in v:
            out.append(k + '=' + _quote_item(item, quote_via, safe,
                                              encoding, errors))
    return '&'.join(out)
