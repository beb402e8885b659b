# Encoding and decoding text: codecs, BOMs, error handlers and CPython's
# UnicodeEncodeError/UnicodeDecodeError messages and attributes.
import asyncio

GREETING = "naïve café €5 😀"


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except (UnicodeError, LookupError, TypeError) as e:
        print(label, type(e).__name__, e)


for name in ["utf-8", "UTF8", "latin-1", "iso-8859-1", "ascii", "utf-16", "utf-16-le",
             "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"]:
    show(name, lambda: "pâté".encode(name))

for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    show("ascii/" + errors, lambda: GREETING.encode("ascii", errors))
    show("latin-1/" + errors, lambda: GREETING.encode("latin-1", errors=errors))

broken = [b"ok \xff", b"\xe2\x82", b"\xe2\x82x", b"\xe0\x80", b"a\xc0\xafb",
          b"\xed\xa0\x80", b"\xf0\x9f\x98\x80\xf0\x9f"]
for data in broken:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        show(f"{data!r}/{errors}", lambda: data.decode("utf-8", errors))

show("ascii bytes", lambda: b"plain \x80 text".decode("ascii"))
show("latin-1 bytes", lambda: b"caf\xe9".decode("latin-1"))
show("bom le", lambda: b"\xff\xfeh\x00i\x00".decode("utf-16"))
show("bom be", lambda: b"\xfe\xff\x00h\x00i".decode("utf-16"))
show("no bom", lambda: b"h\x00i\x00".decode("utf-16"))
show("odd", lambda: b"h\x00i".decode("utf-16"))
show("lone high", lambda: b"\x00\xd8a\x00".decode("utf-16-le"))
show("lone low", lambda: b"\x00\xdca\x00".decode("utf-16-le"))
show("cut pair", lambda: b"\x00\xd8".decode("utf-16-le"))
show("pair", lambda: "😀".encode("utf-16-le").decode("utf-16-le"))
show("utf-32 bom", lambda: "hé".encode("utf-32").decode("utf-32"))
show("utf-32 range", lambda: b"\x00\x00\x11\x00".decode("utf-32-le"))
show("utf-32 surrogate", lambda: b"\x00\xd8\x00\x00".decode("utf-32-le"))
show("utf-32 short", lambda: b"a\x00\x00\x00b\x00".decode("utf-32-le"))
show("sig", lambda: b"\xef\xbb\xbfhi".decode("utf-8-sig"))
show("sig kept", lambda: b"\xef\xbb\xbfhi".decode("utf-8"))

try:
    "x€y€€".encode("ascii")
except UnicodeEncodeError as e:
    print(repr(e))
    print(e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
try:
    b"\x80abc".decode("ascii")
except UnicodeDecodeError as e:
    print(repr(e))
    print(e.encoding, e.object, e.start, e.end, e.reason)
    print(isinstance(e, ValueError), type(e).__mro__[1].__name__)

show("str(b, enc)", lambda: str(b"caf\xc3\xa9", "utf-8"))
show("str(b, errors=)", lambda: str(b"caf\xe9", errors="replace"))
show("str(b, enc, errors)", lambda: str(b"caf\xe9", "ascii", "ignore"))
show("str(str, enc)", lambda: str("x", "utf-8"))
show("str(int, enc)", lambda: str(3, "utf-8"))
show("str(encoding=)", lambda: str(encoding="utf-8"))
show("bytes(s, enc)", lambda: bytes("café", "utf-8"))
show("bytes(s)", lambda: bytes("café"))
show("bytes(n, enc)", lambda: bytes(3, "utf-8"))
show("bytes(errors=)", lambda: bytes(errors="strict"))
show("keywords", lambda: "é".encode(encoding="latin-1", errors="strict"))
show("unknown codec", lambda: "x".encode("klingon"))
show("unknown handler unused", lambda: "x".encode("ascii", "bogus"))
show("unknown handler used", lambda: "é".encode("ascii", "bogus"))
show("decode xmlcharrefreplace", lambda: b"\xff".decode("utf-8", "xmlcharrefreplace"))
show("encoding not str", lambda: "x".encode(8))
show("errors not str", lambda: b"x".decode("utf-8", 8))
show("too many", lambda: "x".encode("utf-8", "strict", 1))
show("bad keyword", lambda: b"x".decode(codec="utf-8"))


async def fetch(i):
    # A downloader's usual round trip: a body in bytes, decoded for display.
    await asyncio.sleep(0.1 * i)
    body = f"résumé {i}".encode("utf-8")
    return len(body), body.decode("utf-8"), body.decode("ascii", "replace")


async def main():
    for result in await asyncio.gather(*(fetch(i) for i in range(3))):
        print(result)


asyncio.run(main())
b"\xc3(".decode()
