# bytearray as stream readers and protocol buffers use it: built up with
# append/extend/+=, sliced, searched, decoded and compared with bytes.
import asyncio

buf = bytearray()
print(buf, len(buf), bool(buf))
buf += b"GET / HTTP/1.1\r\n"
buf.extend(b"Host: example.com\r\n\r\n")
buf.append(0x21)
print(buf)
end = buf.find(b"\r\n\r\n")
head, rest = buf[:end], buf[end + 4:]
print(type(head).__name__, head.decode().split("\r\n"), rest)
print(buf[0], buf[-1], buf[4:5], 71 in buf, b"HTTP" in buf, b"FTP" in buf)
del buf[:4]
print(buf[:10], buf.startswith(b"/"), buf.count(b"\r\n"))
buf[0] = ord("?")
buf[1:5] = b"path"
print(bytes(buf[:12]), buf.upper()[:6], buf.split(b"\r\n")[:2])

print(bytearray(3), bytearray([72, 105]), bytearray("héllo", "utf-8"), bytearray(b"a'b\""))
print(bytearray.fromhex("de ad be ef"), bytearray(b"\x00\xff").hex())
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") < b"b")
print(b"x" + bytearray(b"y"), bytearray(b"y") + b"x", bytearray(b"ab") * 2)
print(b"-".join([bytes(bytearray(b"a")), b"b"]), bytearray(b"-").join([b"a", bytearray(b"b")]))
print(isinstance(bytearray(), bytearray), type(bytearray()), bytearray)
copy = buf.copy()
copy.reverse()
print(copy is buf, copy[:4], buf.pop(), buf.pop(0), len(buf))
copy.clear()
print(copy, list(bytearray(b"hi")), [b for b in bytearray(b"ok")])

for bad in (
    lambda: hash(bytearray()),
    lambda: bytearray(b"x").append(256),
    lambda: bytearray(b"x")[5],
    lambda: bytearray("text"),
    lambda: bytearray().pop(),
    lambda: bytearray(b"abc").remove(100),
    lambda: bytearray(b"a") + "b",
):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)


async def read_frames(chunks):
    pending = bytearray()
    frames = []
    for chunk in chunks:
        await asyncio.sleep(0.01)
        pending.extend(chunk)
        while b"\n" in pending:
            i = pending.index(b"\n")
            frames.append(pending[:i].decode())
            del pending[: i + 1]
    return frames, pending


print(asyncio.run(read_frames([b"al", b"pha\nbe", b"ta\ngam", b"ma"])))
