# net: the simulated HTTP client of the tutorials' flag downloaders.
#
# A program declares routes, then fetches them. The only suspension point
# is the one `await asyncio.sleep(delay)` in get(): the order of everything
# a downloader prints follows from it.
import asyncio

DEFAULT_DELAY = 0.1

REASONS = {
    200: 'OK',
    301: 'Moved Permanently',
    400: 'Bad Request',
    403: 'Forbidden',
    404: 'Not Found',
    418: "I'm a Teapot",
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
}

_routes = {}

# Counters a program may print: requests made, in flight now, most at once.
stats = {'requests': 0, 'in_flight': 0, 'max_in_flight': 0}


class HTTPError(Exception):
    """A response with status 400 or more; str() is '404 Not Found'."""

    def __init__(self, status, reason, url):
        super().__init__(f'{status} {reason}')
        self.status = status
        self.reason = reason
        self.url = url


class Response:
    def __init__(self, url, status, body, json):
        self.url = url
        self.status = status
        self.reason = REASONS.get(status, '')
        self._body = body
        self._json = json

    def __repr__(self):
        return f'<Response [{self.status} {self.reason}]>'

    async def read(self):
        return self._body

    async def json(self):
        if self._json is None:
            raise ValueError(f'no JSON body at {self.url}')
        return self._json

    def raise_for_status(self):
        if self.status >= 400:
            raise HTTPError(self.status, self.reason, self.url)


def route(url, status=200, body=b'', delay=DEFAULT_DELAY, json=None, error=None):
    """Declare what GET url answers (a later route replaces an earlier one)."""
    _routes[url] = (status, body, delay, json, error)


async def get(url):
    """GET url after the route's delay; unknown URLs answer 404."""
    if url in _routes:
        status, body, delay, data, error = _routes[url]
    else:
        status, body, delay, data, error = 404, b'', DEFAULT_DELAY, None, None
    stats['requests'] += 1
    stats['in_flight'] += 1
    if stats['in_flight'] > stats['max_in_flight']:
        stats['max_in_flight'] = stats['in_flight']
    try:
        await asyncio.sleep(delay)
    finally:
        stats['in_flight'] -= 1
    if error is not None:
        raise ConnectionError(error)
    return Response(url, status, body, data)
