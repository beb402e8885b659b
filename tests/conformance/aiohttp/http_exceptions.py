"""aiohttp.http_exceptions: HttpProcessingError, which aiohttp exports at
its top level too."""


class HttpProcessingError(Exception):
    """An HTTP error with a code, a message and headers: str() is
    '404, message:\\n  Not Found'."""

    code = 0
    message = ''
    headers = None

    def __init__(self, *, code=None, message='', headers=None):
        if code is not None:
            self.code = code
        self.headers = headers
        self.message = message

    def __str__(self):
        lines = self.message.split('\n')
        msg = '\n'.join([('  ' + line) if line.strip() else line
                         for line in lines])
        return '%s, message:\n%s' % (self.code, msg)

    def __repr__(self):
        return '<%s: %s, message=%r>' % (self.__class__.__name__, self.code,
                                        self.message)


class BadHttpMessage(HttpProcessingError):
    code = 400
    message = 'Bad Request'

    def __init__(self, message, *, headers=None):
        super().__init__(message=message, headers=headers)
        self.args = (message,)


class HttpBadRequest(BadHttpMessage):
    code = 400
    message = 'Bad Request'
