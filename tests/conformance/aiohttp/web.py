"""aiohttp.web: only its HTTP exceptions (web.HTTPNotFound() and the
like), which some client programs raise themselves; there is no server
on the virtual internet."""

import _internet


class HTTPException(Exception):
    """str() is the reason ('Not Found'); .status, .reason, .text."""

    status_code = -1
    empty_body = False

    def __init__(self, *, headers=None, reason=None, body=None, text=None,
                 content_type=None):
        if reason is None:
            reason = _internet.REASONS.get(self.status_code, '')
        self.status = self.status_code
        self.reason = reason
        self.headers = headers
        self.body = body
        self.content_type = content_type
        super().__init__(reason)
        if text is None and body is None and not self.empty_body:
            text = '%s: %s' % (self.status, reason)
        self.text = text

    def __bool__(self):
        return True

    def __repr__(self):
        return '<%s %s not prepared>' % (self.__class__.__name__, self.reason)


class HTTPError(HTTPException):
    """Base class for exceptions with status codes in the 400s and 500s."""


class HTTPClientError(HTTPError):
    pass


class HTTPServerError(HTTPError):
    pass


class HTTPBadRequest(HTTPClientError):
    status_code = 400


class HTTPUnauthorized(HTTPClientError):
    status_code = 401


class HTTPForbidden(HTTPClientError):
    status_code = 403


class HTTPNotFound(HTTPClientError):
    status_code = 404


class HTTPMethodNotAllowed(HTTPClientError):
    status_code = 405


class HTTPRequestTimeout(HTTPClientError):
    status_code = 408


class HTTPGone(HTTPClientError):
    status_code = 410


class HTTPTooManyRequests(HTTPClientError):
    status_code = 429


class HTTPInternalServerError(HTTPServerError):
    status_code = 500


class HTTPNotImplemented(HTTPServerError):
    status_code = 501


class HTTPBadGateway(HTTPServerError):
    status_code = 502


class HTTPServiceUnavailable(HTTPServerError):
    status_code = 503


class HTTPGatewayTimeout(HTTPServerError):
    status_code = 504
