"""aiohttp.client_exceptions: the client's errors, with aiohttp 3.9's
names, bases, messages and reprs."""

import asyncio


class ClientError(Exception):
    """Base class for client connection errors."""


class ClientResponseError(ClientError):
    """An error after the response arrived: str() is
    "404, message='Not Found', url=URL('http://...')"."""

    def __init__(self, request_info, history, *, code=None, status=None,
                 message='', headers=None):
        self.request_info = request_info
        if status is not None:
            self.status = status
        elif code is not None:
            self.status = code
        else:
            self.status = 0
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return '{}, message={!r}, url={!r}'.format(
            self.status, self.message, self.request_info.real_url)

    def __repr__(self):
        args = '%r, %r' % (self.request_info, self.history)
        if self.status != 0:
            args += ', status=%r' % (self.status,)
        if self.message != '':
            args += ', message=%r' % (self.message,)
        if self.headers is not None:
            args += ', headers=%r' % (self.headers,)
        return '%s(%s)' % (type(self).__name__, args)


class ContentTypeError(ClientResponseError):
    """ContentType found is not valid."""


class WSServerHandshakeError(ClientResponseError):
    """websocket server handshake error."""


class ClientHttpProxyError(ClientResponseError):
    """HTTP proxy error."""


class TooManyRedirects(ClientResponseError):
    """Client was redirected too many times."""


class ClientConnectionError(ClientError):
    """Base class for client socket errors."""


class ClientOSError(ClientConnectionError, OSError):
    """OSError error: str() is '[Errno 104] Connection reset by peer'."""

    def __init__(self, *args):
        super().__init__(*args)
        # As OSError(errno, strerror) sets them.
        if 2 <= len(args) <= 5:
            self.errno = args[0]
            self.strerror = args[1]
        else:
            self.errno = None
            self.strerror = None

    def __str__(self):
        if self.errno is not None and self.strerror is not None:
            return '[Errno %s] %s' % (self.errno, self.strerror)
        if len(self.args) == 1:
            return str(self.args[0])
        if not self.args:
            return ''
        return str(self.args)


class ClientConnectorError(ClientOSError):
    """A connection could not be opened: str() is
    'Cannot connect to host flags.test:80 ssl:default [Connection refused]'."""

    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        self.os_error = os_error
        self.host = connection_key.host
        self.port = connection_key.port
        self.ssl = connection_key.ssl
        super().__init__(os_error.args[0], os_error.args[1])
        self.args = (connection_key, os_error)

    def __str__(self):
        return 'Cannot connect to host {}:{} ssl:{} [{}]'.format(
            self.host, self.port, 'default' if self.ssl is True else self.ssl,
            self.strerror)


class ClientProxyConnectionError(ClientConnectorError):
    """Proxy connection error."""


class ClientSSLError(ClientConnectorError):
    """Base error for ssl.*Errors."""


class ClientConnectorSSLError(ClientSSLError):
    """Response ssl error."""


class ClientConnectorCertificateError(ClientSSLError):
    """Response certificate error."""


class ServerConnectionError(ClientConnectionError):
    """Server connection errors."""


class ServerDisconnectedError(ServerConnectionError):
    """Server disconnected."""

    def __init__(self, message=None):
        if message is None:
            message = 'Server disconnected'
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    """Server timeout error."""


class ServerFingerprintMismatch(ServerConnectionError):
    """SSL certificate does not match expected fingerprint."""

    def __init__(self, expected, got, host, port):
        self.expected = expected
        self.got = got
        self.host = host
        self.port = port
        self.args = (expected, got, host, port)

    def __repr__(self):
        return '<{} expected={!r} got={!r} host={!r} port={!r}>'.format(
            self.__class__.__name__, self.expected, self.got, self.host,
            self.port)


class ClientPayloadError(ClientError):
    """Response payload error."""


class InvalidURL(ClientError, ValueError):
    """Invalid URL: str() is the URL."""

    def __init__(self, url):
        super().__init__(url)
        self.url = url

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__, self.url)
