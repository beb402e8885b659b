# base64 for the aioscope interpreter: the codecs are native (_base64);
# here are CPython's argument rules, alphabets and binascii.Error.
import _base64

__all__ = ['b64encode', 'b64decode', 'b32encode', 'b32decode', 'b16encode', 'b16decode',
           'standard_b64encode', 'standard_b64decode', 'urlsafe_b64encode',
           'urlsafe_b64decode', 'encodebytes', 'decodebytes']


class Error(ValueError):
    __module__ = 'binascii'


def _input(s):
    if isinstance(s, str):
        for ch in s:
            if ord(ch) > 127:
                raise ValueError('string argument should contain only ASCII characters')
        return s.encode()
    if isinstance(s, bytes):
        return s
    raise TypeError("argument should be a bytes-like object or ASCII string, not '%s'"
                    % s.__class__.__name__)


def _check_bytes(s):
    if not isinstance(s, bytes):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)


def _result(pair):
    if not pair[0]:
        raise Error(pair[1])
    return pair[1]


def _translate(data, frm, to):
    table = {}
    for a, b in zip(frm, to):
        table[a] = b
    return bytes([table.get(c, c) for c in data])


def b64encode(s, altchars=None):
    _check_bytes(s)
    encoded = _result(_base64.b64encode(s))
    if altchars is not None:
        return _translate(encoded, b'+/', altchars)
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _input(s)
    if altchars is not None:
        altchars = _input(altchars)
        s = _translate(s, altchars, b'+/')
    return _result(_base64.b64decode(s, validate))


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b'-_')


def urlsafe_b64decode(s):
    s = _input(s)
    return b64decode(_translate(s, b'-_', b'+/'))


def encodebytes(s):
    _check_bytes(s)
    out = b''
    for i in range(0, len(s), 57):
        out = out + b64encode(s[i:i + 57]) + b'\n'
    return out


def decodebytes(s):
    _check_bytes(s)
    return b64decode(s)


def b32encode(s):
    _check_bytes(s)
    return _result(_base64.b32encode(s))


def b32decode(s, casefold=False, map01=None):
    s = _input(s)
    if map01 is not None:
        map01 = _input(map01)
        s = _translate(s, b'01', b'O' + map01)
    if casefold:
        s = s.decode().upper().encode()
    return _result(_base64.b32decode(s))


def b16encode(s):
    _check_bytes(s)
    return ''.join(['%02X' % b for b in s]).encode()


def b16decode(s, casefold=False):
    s = _input(s)
    if casefold:
        s = s.decode().upper().encode()
    digits = '0123456789ABCDEF'
    text = s.decode()
    for ch in text:
        if ch not in digits:
            raise Error('Non-base16 digit found')
    if len(text) % 2:
        raise Error('Odd-length string')
    return bytes([int(text[i:i + 2], 16) for i in range(0, len(text), 2)])
