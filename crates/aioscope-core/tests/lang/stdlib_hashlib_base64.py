# hashlib and base64.
import hashlib
import base64

for name in ["md5", "sha1", "sha256", "sha512"]:
    h = hashlib.new(name, b"The quick brown fox")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
print(hashlib.md5(b"").hexdigest(), hashlib.sha1(b"abc").hexdigest())
print(hashlib.sha256("héllo".encode()).hexdigest(), hashlib.sha512(b"x" * 1000).hexdigest()[:32])
h = hashlib.sha256()
for piece in [b"a", b"b" * 63, b"c" * 64, b"d" * 200]:
    h.update(piece)
copy = h.copy()
h.update(b"more")
print(copy.hexdigest(), h.hexdigest(), h.digest()[:8], len(h.digest()))
print(hashlib.sha256(b"a" * 55).hexdigest(), hashlib.sha256(b"a" * 56).hexdigest(),
      hashlib.sha512(b"a" * 111).hexdigest()[:16], hashlib.sha512(b"a" * 112).hexdigest()[:16])
print(hashlib.md5(string=b"kw").hexdigest(), sorted(hashlib.algorithms_guaranteed & {"md5", "sha256"}))
for bad in [lambda: hashlib.md5("x"), lambda: hashlib.sha256().update("s")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    hashlib.new("foo")
except ValueError as e:
    print("ValueError:", e)

print(base64.b64encode(b"hello world"), base64.b64encode(b""), base64.b64encode(b"a"), base64.b64encode(b"ab"))
print(base64.b64encode(b"\xfb\xff"), base64.urlsafe_b64encode(b"\xfb\xff"), base64.b64encode(b"\xfb\xff", b"-_"))
print(base64.b64decode("aGVsbG8="), base64.b64decode(b"aGVs\nbG8="), base64.b64decode("-_8=", altchars="-_"),
      base64.urlsafe_b64decode("-_8="), base64.standard_b64decode(base64.standard_b64encode(b"round")))
print(base64.b32encode(b"hello"), base64.b32encode(b"f"), base64.b32decode("NBSWY3DP"), base64.b32decode("my======", casefold=True))
print(base64.b16encode(b"\xab\x01"), base64.b16decode("AB01"), base64.b16decode("ab01", casefold=True))
print(base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"))
for bad in [lambda: base64.b64decode("abc"), lambda: base64.b64decode("ab!c"),
            lambda: base64.b64decode("ab!c", validate=True), lambda: base64.b16decode("zz"),
            lambda: base64.b32decode("ab"), lambda: base64.b64decode("a")]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__module__, type(e).__name__, e)
for bad in [lambda: base64.b64encode("x"), lambda: base64.b64decode(5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
