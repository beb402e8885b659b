# memoryview over bytes and bytearray: lengths, indexing, slices without
# copying, writes through to a bytearray, release and the with statement.
data = b"abcdef"
m = memoryview(data)
print(len(m), m[1], m[-1], m[1:4].tobytes(), m[::2].tolist(), m[4:1:-1].tobytes())
print(m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.obj is data)
print(m.hex(), m == b"abcdef", m[1:3] == b"bc", bytes(m[2:]), list(m[:2]), m.c_contiguous)
print(hash(m) == hash(data), bytes(memoryview(m)[1:2]), bytearray(m[:2]))

buf = bytearray(b"xyz")
mv = memoryview(buf)
mv[0] = 65
mv[1:3] = b"BC"
print(buf, mv.readonly, mv.tobytes(), mv[1:].obj is buf)
tail = mv[1:]
tail[0] = ord("-")
print(buf, tail.tolist())

with memoryview(b"q") as w:
    print(w.tobytes())
for bad in (
    lambda: w.tobytes(),
    lambda: len(w),
    lambda: w[0],
    lambda: m.__setitem__(0, 1),
    lambda: memoryview("text"),
    lambda: mv.__setitem__(0, 300),
    lambda: mv.__setitem__(slice(0, 2), b"abc"),
    lambda: m[10],
    lambda: hash(mv),
):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
m.release()
print(repr(m).startswith("<released memory at 0x"), repr(mv).startswith("<memory at 0x"))
