# socket's names that asyncio programs read, and os.urandom's contract
# (its bytes differ on every CPython run, so only their shape is printed).
import os
import socket

print(socket.AF_INET, socket.AF_INET6, socket.SOCK_STREAM)
print(repr(socket.AF_INET), repr(socket.SOCK_STREAM))
print(int(socket.AF_INET6), socket.AF_INET == 2, socket.SOCK_STREAM + 0)
print(socket.AddressFamily.AF_INET is socket.AF_INET)
print(socket.IPPROTO_TCP, socket.SOL_SOCKET, socket.SO_REUSEADDR,
      socket.TCP_NODELAY, socket.SHUT_RDWR)
print(socket.error is OSError, socket.timeout is TimeoutError)
print(socket.gaierror.__mro__)
print(socket.herror.__mro__)
e = socket.gaierror(-2, 'Name or service not known')
print(repr(e), str(e), e.errno, e.strerror)
try:
    raise e
except OSError as caught:
    print(type(caught).__module__, type(caught).__qualname__)

for n in (0, 1, 7, 16, 33):
    b = os.urandom(n)
    print(n, type(b).__name__, len(b))
print(len(os.urandom(True)))
for bad in (-1, 2.0, '3', None):
    try:
        os.urandom(bad)
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
