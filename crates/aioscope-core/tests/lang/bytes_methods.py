data = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n"
line, _, rest = data.partition(b"\r\n")
method, path, version = line.split()
print(method, path, version, line.decode(), rest.splitlines())
print(data.startswith(b"GET"), data.endswith((b"\r\n", b"x")), data.find(b"Host"), data.count(b"\r\n"))
print(b"  padded \t\n".strip(), b"xxhixx".strip(b"x"), b"a,b,,c".split(b","), b"a b  c".rsplit(None, 1))
print(b"hello".upper(), b"HeLLo".lower(), b"hello world".title(), b"hello".capitalize(), b"AbC".swapcase())
print(b"caf\xc3\xa9".upper(), b"\xe9t\xe9".upper(), b"\xa0x\xa0".strip(), b"a\x1cb".split())
print(b"-".join([b"a", b"b", b"c"]), b"abc".replace(b"b", b"B"), b"42".zfill(5), b"ab".center(6, b"*"))
print(b"hi".ljust(4, b".") + b"|", b"hi".rjust(4) + b"|", b"12".isdigit(), b"ab".isalpha(), b"a1".isalnum())
print(b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"Hello World".istitle(), b"\xff".isascii())
print(b"data.json".removesuffix(b".json"), b"v1.2".removeprefix(b"v"), b"a.b.c".rpartition(b"."))
print(b"abcabc".rfind(b"b"), b"abcabc".index(b"c"), b"abcabc".rindex(b"a"))
print(b"\x00\xffhello".hex(), b"\xde\xad\xbe\xef".hex(":"), b"\xde\xad\xbe\xef".hex("-", 2), b"abc".hex(" ", -2))
print(bytes.fromhex("deadbeef"), bytes.fromhex("de ad  be ef"), bytes.fromhex(""))
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(e)
try:
    b"abc".index(b"z")
except ValueError as e:
    print(e)
import hashlib
digest = hashlib.sha256(b"payload").hexdigest()
print(digest[:16], hashlib.md5(b"x").digest().hex())
print(b"line1\nline2\r\nline3".splitlines(keepends=True), b"a\tb".expandtabs(4))
