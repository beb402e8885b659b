"""socket: the constants, exceptions and helpers programs read.

No socket is opened: asyncio's streams talk to the virtual network
(_streams.py), and socket.socket() says so.
"""
from enum import IntEnum


class AddressFamily(IntEnum):
    AF_UNSPEC = 0
    AF_UNIX = 1
    AF_INET = 2
    AF_INET6 = 10


class SocketKind(IntEnum):
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3


AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_UNIX = AddressFamily.AF_UNIX
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW
IPPROTO_TCP = 6
IPPROTO_UDP = 17
SOL_SOCKET = 1
SO_REUSEADDR = 2
SO_KEEPALIVE = 9
TCP_NODELAY = 1
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
SOMAXCONN = 4096

error = OSError
timeout = TimeoutError


def _errno_fields(exc, args):
    # errno and strerror of an (errno, strerror) pair, as OSError's.
    if 2 <= len(args) <= 5:
        exc.errno, exc.strerror = args[0], args[1]
    else:
        exc.errno = exc.strerror = None


class herror(OSError):
    def __init__(self, *args):
        super().__init__(*args)
        _errno_fields(self, args)


class gaierror(OSError):
    def __init__(self, *args):
        super().__init__(*args)
        _errno_fields(self, args)


def gethostname():
    return 'localhost'


def getfqdn(name=''):
    return name or 'localhost'


def socket(family=-1, type=-1, proto=-1, fileno=None):
    raise NotImplementedError(
        'sockets are not supported; asyncio.open_connection and '
        'asyncio.start_server talk to the virtual network')
