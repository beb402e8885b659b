# http.HTTPStatus and http.HTTPMethod as downloaders use them: comparing a
# response's status, phrases for messages, lookups by value and by name.
import http
from http import HTTPStatus, HTTPMethod

print(HTTPStatus.OK, repr(HTTPStatus.NOT_FOUND), HTTPStatus(404).phrase)
print(HTTPStatus.NOT_FOUND.description)
print(HTTPStatus.OK == 200, 404 == HTTPStatus.NOT_FOUND, HTTPStatus['GATEWAY_TIMEOUT'].value)
print(f'{HTTPStatus.BAD_GATEWAY:d} {HTTPStatus.BAD_GATEWAY.phrase}', int(HTTPStatus.IM_A_TEAPOT))
print(len(HTTPStatus), [s.value for s in HTTPStatus][:6], list(HTTPStatus)[-1])
print(sorted({HTTPStatus.OK: 'ok', 500: 'server'}.items()))
status = 503
if status == HTTPStatus.SERVICE_UNAVAILABLE:
    print('retry later:', HTTPStatus(status).phrase, '-', HTTPStatus(status).description)
try:
    HTTPStatus(999)
except ValueError as e:
    print('ValueError:', e)
print(HTTPMethod.GET, repr(HTTPMethod.POST), HTTPMethod.GET == 'GET', HTTPMethod('PUT').description)
print([m.name for m in HTTPMethod], http.__all__, isinstance(HTTPStatus.OK, int))
codes = {s.value: s.name for s in HTTPStatus if 400 <= s < 410}
print(codes)
