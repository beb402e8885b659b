"""uuid: UUID objects and uuid1/3/4/5 (RFC 4122), with CPython 3.11's
reprs, attributes and errors.

uuid4() takes its bytes from os.urandom (a fixed stream here, so runs
repeat); uuid1() reads the virtual clock, with a fixed node.
"""
import os as _os
from enum import Enum

RESERVED_NCS = 'reserved for NCS compatibility'
RFC_4122 = 'specified in RFC 4122'
RESERVED_MICROSOFT = 'reserved for Microsoft compatibility'
RESERVED_FUTURE = 'reserved for future definition'

_builtin_int = int
_builtin_bytes = bytes

# (name, bit offset from the right, width) of the six RFC 4122 fields.
_FIELDS = (('time_low', 96, 32), ('time_mid', 80, 16),
           ('time_hi_version', 64, 16), ('clock_seq_hi_variant', 56, 8),
           ('clock_seq_low', 48, 8), ('node', 0, 48))


class SafeUUID(Enum):
    safe = 0
    unsafe = -1
    unknown = None


def _swap_le(raw):
    # The first three fields little-endian, the rest as they are.
    return (_builtin_bytes(reversed(raw[0:4])) +
            _builtin_bytes(reversed(raw[4:6])) +
            _builtin_bytes(reversed(raw[6:8])) + raw[8:16])


def _from_fields(fields):
    if len(fields) != 6:
        raise ValueError('fields is not a 6-tuple')
    value = 0
    for n, ((name, shift, width), field) in enumerate(zip(_FIELDS, fields)):
        if not 0 <= field < (1 << width):
            kind = 'an 8-bit' if width == 8 else f'a {width}-bit'
            raise ValueError(
                f'field {n + 1} out of range (need {kind} value)')
        value |= field << shift
    return value


class UUID:
    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None,
                 int=None, version=None, *, is_safe=SafeUUID.unknown):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, '
                            'or int arguments must be given')
        if hex is not None:
            digits = hex.replace('urn:', '').replace('uuid:', '')
            digits = digits.strip('{}').replace('-', '')
            if len(digits) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            value = _builtin_int(digits, 16)
        elif bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            value = _builtin_int.from_bytes(_swap_le(bytes_le), 'big')
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            value = _builtin_int.from_bytes(bytes, 'big')
        elif fields is not None:
            value = _from_fields(fields)
        else:
            value = int
        if not 0 <= value < (1 << 128):
            raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if version < 1 or version > 5:
                raise ValueError('illegal version number')
            # The variant bits to 10, the version nibble to `version`.
            value = (value & ~(0x3 << 62)) | (0x2 << 62)
            value = (value & ~(0xf << 76)) | (version << 76)
        object.__setattr__(self, 'int', value)
        object.__setattr__(self, 'is_safe', is_safe)

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __eq__(self, other):
        if not isinstance(other, UUID):
            return NotImplemented
        return self.int == other.int

    def __lt__(self, other):
        if not isinstance(other, UUID):
            return NotImplemented
        return self.int < other.int

    def __gt__(self, other):
        if not isinstance(other, UUID):
            return NotImplemented
        return self.int > other.int

    def __le__(self, other):
        if not isinstance(other, UUID):
            return NotImplemented
        return self.int <= other.int

    def __ge__(self, other):
        if not isinstance(other, UUID):
            return NotImplemented
        return self.int >= other.int

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __str__(self):
        h = self.hex
        return '-'.join((h[0:8], h[8:12], h[12:16], h[16:20], h[20:32]))

    def __repr__(self):
        return f'{type(self).__name__}({str(self)!r})'

    def _field(self, index):
        name, shift, width = _FIELDS[index]
        return (self.int >> shift) & ((1 << width) - 1)

    @property
    def hex(self):
        return format(self.int, '032x')

    @property
    def bytes(self):
        return self.int.to_bytes(16, 'big')

    @property
    def bytes_le(self):
        return _swap_le(self.bytes)

    @property
    def urn(self):
        return f'urn:uuid:{self}'

    @property
    def fields(self):
        return tuple(self._field(i) for i in range(6))

    @property
    def time_low(self):
        return self._field(0)

    @property
    def time_mid(self):
        return self._field(1)

    @property
    def time_hi_version(self):
        return self._field(2)

    @property
    def clock_seq_hi_variant(self):
        return self._field(3)

    @property
    def clock_seq_low(self):
        return self._field(4)

    @property
    def node(self):
        return self._field(5)

    @property
    def time(self):
        return ((self.time_hi_version & 0xfff) << 48) | \
            (self.time_mid << 32) | self.time_low

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low

    @property
    def variant(self):
        top = (self.int >> 61) & 0b111
        if top < 0b100:
            return RESERVED_NCS
        if top < 0b110:
            return RFC_4122
        if top < 0b111:
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant != RFC_4122:
            return None
        return (self.int >> 76) & 0xf


# A fixed, locally administered hardware address, so that uuid1() repeats.
_NODE = 0x0342ac110002


def getnode():
    return _NODE


# 100 ns intervals from 1582-10-15 (the Gregorian reform) to 1970-01-01.
_GREGORIAN_OFFSET = 0x01b21dd213814000
_last = [None]


def uuid1(node=None, clock_seq=None):
    import time
    stamp = time.time_ns() // 100 + _GREGORIAN_OFFSET
    if _last[0] is not None and stamp <= _last[0]:
        stamp = _last[0] + 1
    _last[0] = stamp
    if clock_seq is None:
        clock_seq = _builtin_int.from_bytes(_os.urandom(2), 'big') & 0x3fff
    if node is None:
        node = getnode()
    fields = (stamp & 0xffffffff, (stamp >> 32) & 0xffff,
              (stamp >> 48) & 0xfff, (clock_seq >> 8) & 0x3f,
              clock_seq & 0xff, node)
    return UUID(fields=fields, version=1)


def _named(digest_name, namespace, name, version):
    import hashlib
    if not isinstance(name, str):
        raise TypeError('encoding without a string argument')
    name = name.encode('utf-8')
    digest = getattr(hashlib, digest_name)(namespace.bytes + name).digest()
    return UUID(bytes=digest[:16], version=version)


def uuid3(namespace, name):
    return _named('md5', namespace, name, 3)


def uuid4():
    return UUID(bytes=_os.urandom(16), version=4)


def uuid5(namespace, name):
    return _named('sha1', namespace, name, 5)


NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
