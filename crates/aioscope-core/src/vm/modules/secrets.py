# secrets for the aioscope interpreter.  CPython draws these from the
# kernel's entropy; a simulation has none, so they come from os.urandom's
# fixed stream (os.py) and SystemRandom (random.py): a run repeats, and the
# tokens have CPython's types, lengths and alphabets.
import base64
import os
from random import SystemRandom

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom',
           'token_bytes', 'token_hex', 'token_urlsafe',
           'compare_digest']

DEFAULT_ENTROPY = 32

_sysrand = SystemRandom()
randbits = _sysrand.getrandbits
choice = _sysrand.choice


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError('Upper bound must be positive.')
    return _sysrand._randbelow(exclusive_upper_bound)


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return os.urandom(nbytes)


def token_hex(nbytes=None):
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    raw = base64.urlsafe_b64encode(token_bytes(nbytes))
    return raw.rstrip(b'=').decode('ascii')


# bytearray and memoryview count when the simulator has them (not yet).
_BYTES_LIKE = (bytes,)
try:
    _BYTES_LIKE = (bytes, bytearray, memoryview)
except NameError:
    pass


def _bytes_like(x):
    return isinstance(x, _BYTES_LIKE)


def compare_digest(a, b):
    """Equality that in CPython takes the same time wherever the inputs
    differ; the checks on the operands' types are CPython's."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError('comparing strings with non-ASCII characters '
                            'is not supported')
        return a == b
    if _bytes_like(a) or _bytes_like(b):
        for x in (a, b):
            if not _bytes_like(x):
                raise TypeError('a bytes-like object is required, not '
                                f"'{type(x).__name__}'")
        return bytes(a) == bytes(b)
    raise TypeError('unsupported operand types(s) or combination of types: '
                    f"'{type(a).__name__}' and '{type(b).__name__}'")
