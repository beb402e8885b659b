"""yarl: the URL type aiohttp's responses and errors carry (resp.url).

The part of yarl.URL programs use: str() is the URL as given, repr() is
URL('...'), the parts as attributes, `/` to append a path segment,
join() and with_path()/with_query(), equality with other URLs.
"""

import _internet


class URL:
    """An absolute or relative URL, immutable."""

    def __init__(self, val='', *, encoded=False):
        if isinstance(val, URL):
            val = str(val)
        if not isinstance(val, str):
            raise TypeError('Constructor parameter should be str')
        self._val = val
        self.scheme = ''
        self.user = None
        self.host = None
        self.port = None
        self.raw_path = ''
        self.query_string = ''
        self.fragment = ''
        try:
            parts = _internet.split_url(val)
        except ValueError:
            parts = None
        if parts is not None:
            self.scheme = parts.scheme
            self.user = parts.user or None
            self.host = parts.host
            self.port = parts.port
            self.raw_path = parts.path or '/'
            self.query_string = parts.query
            self.fragment = parts.fragment
            self._explicit_port = parts.explicit_port
        else:
            path, _, self.fragment = val.partition('#')
            path, _, self.query_string = path.partition('?')
            self.raw_path = path
            self._explicit_port = False
        self.path = self.raw_path
        self.raw_host = self.host
        self.name = self.raw_path[self.raw_path.rfind('/') + 1:]
        self.parts = tuple(self._split_path())
        self.query = _internet._query_args(self.query_string)

    def _split_path(self):
        if not self.raw_path:
            return []
        if self.raw_path.startswith('/'):
            return ['/'] + [p for p in self.raw_path[1:].split('/')]
        return self.raw_path.split('/')

    def is_absolute(self):
        return self.host is not None

    def origin(self):
        if not self.is_absolute():
            raise ValueError('URL should be absolute')
        text = self.scheme + '://' + self.host
        if self._explicit_port:
            text += ':' + str(self.port)
        return URL(text)

    def with_path(self, path):
        return URL(self._base() + (path if path.startswith('/')
                                   else '/' + path))

    def with_query(self, query):
        if isinstance(query, dict):
            query = '&'.join([str(k) + '=' + str(v) for k, v in query.items()])
        text = self._base() + self.raw_path
        if query:
            text += '?' + query
        return URL(text)

    def _base(self):
        if not self.is_absolute():
            return ''
        text = self.scheme + '://'
        if self.user:
            text += self.user + '@'
        text += self.host
        if self._explicit_port:
            text += ':' + str(self.port)
        return text

    def join(self, url):
        """The URL `url` (relative or absolute) points to from this one."""
        other = str(url)
        if '://' in other:
            return URL(other)
        if other.startswith('//'):
            return URL(self.scheme + ':' + other)
        if other.startswith('/'):
            return URL(self._base() + other)
        if other.startswith('?'):
            return URL(self._base() + self.raw_path + other)
        directory = self.raw_path[:self.raw_path.rfind('/')]
        return URL(self._base() + directory + '/' + other)

    def __truediv__(self, name):
        if not isinstance(name, str):
            return NotImplemented
        path = self.raw_path
        if path.endswith('/'):
            path = path[:-1]
        return URL(self._base() + path + '/' + name)

    def human_repr(self):
        return self._val

    def __str__(self):
        return self._val

    def __repr__(self):
        return "URL('" + self._val + "')"

    def __eq__(self, other):
        if not isinstance(other, URL):
            return NotImplemented
        return self._val == other._val

    def __ne__(self, other):
        if not isinstance(other, URL):
            return NotImplemented
        return self._val != other._val

    def __hash__(self):
        return _internet.stable_hash(self._val)
