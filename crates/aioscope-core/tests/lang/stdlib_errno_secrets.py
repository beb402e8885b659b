# errno's numbers and names, os.strerror's texts, and secrets' tokens
# (whose bytes differ on every CPython run: only their shapes are printed).
import errno
import os
import secrets
import string

print(errno.ENOENT, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.ECONNREFUSED)
print(errno.errorcode[errno.ENOENT], errno.errorcode[11], errno.errorcode[errno.EDEADLOCK])
print(errno.errorcode[errno.ENOTSUP], errno.ETIMEDOUT, errno.EPIPE, errno.ECONNRESET)
print(len(errno.errorcode), sorted(errno.errorcode)[:5], max(errno.errorcode))
print(os.strerror(errno.ENOENT), '|', os.strerror(0), '|', os.strerror(999))
print(os.strerror(errno.ECONNREFUSED), '|', os.strerror(-3))
for bad in ('x', 2 ** 40):
    try:
        os.strerror(bad)
    except Exception as e:
        print(type(e).__name__, e)

err = OSError(errno.ENOENT, os.strerror(errno.ENOENT), 'missing.txt')
print(type(err).__name__, err, err.errno == errno.ENOENT)
try:
    open('no/such/file')
except OSError as e:
    print(errno.errorcode[e.errno], e.strerror)

print(secrets.DEFAULT_ENTROPY, secrets.SystemRandom.__name__)
print(sorted(secrets.__all__))
print(type(secrets.token_bytes()).__name__, len(secrets.token_bytes()), len(secrets.token_bytes(5)))
h = secrets.token_hex(16)
print(len(h), set(h) <= set(string.hexdigits.lower()), len(secrets.token_hex()))
u = secrets.token_urlsafe(16)
print(len(u), set(u) <= set(string.ascii_letters + string.digits + '-_'))
print(len(secrets.token_urlsafe()), len(secrets.token_urlsafe(1)), secrets.token_bytes(0))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(50)), secrets.randbits(0))
print(all(secrets.randbits(8) < 256 for _ in range(50)))
print(secrets.choice('a') , secrets.choice([7]) , secrets.choice('xyz') in 'xyz')
print(secrets.compare_digest('abc', 'abc'), secrets.compare_digest(b'abc', b'abd'),
      secrets.compare_digest('ab', 'a'))
for args in [(0,), (-5,)]:
    try:
        secrets.randbelow(*args)
    except ValueError as e:
        print('ValueError', e)
for a, b in [('a', b'a'), (b'a', 'a'), ('é', 'é'), (1, 2), ('a', 1), (b'a', 1), (1, b'a')]:
    try:
        secrets.compare_digest(a, b)
    except TypeError as e:
        print('TypeError', e)
try:
    secrets.token_bytes(-1)
except ValueError as e:
    print('ValueError', e)
try:
    secrets.choice([])
except IndexError as e:
    print('IndexError', e)
