# io.StringIO and io.BytesIO, and json through them.
import io
import json

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()), repr(s.readline()))
s = io.StringIO("line one\nline two\nlast")
print([line for line in s])
s.seek(0)
print(s.readlines(), s.tell())
s = io.StringIO("hello")
print(s.write("J"), s.getvalue(), s.tell(), s.read(2), s.read(-1), s.seek(0, 2))
s = io.StringIO("ab")
s.seek(5)
s.write("z")
print(repr(s.getvalue()), s.truncate(3), repr(s.getvalue()))
with io.StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
for bad in [lambda: f.read(), lambda: f.getvalue(), lambda: f.write("x"),
            lambda: io.StringIO().write(5), lambda: io.StringIO(5),
            lambda: io.StringIO("abc").seek(-1), lambda: io.StringIO("abc").seek(1, 1),
            lambda: io.StringIO().read("x"), lambda: io.BytesIO("x"),
            lambda: io.BytesIO().write("x")]:
    try:
        print(bad())
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__ + ":", e)
b = io.BytesIO(b"bytes\nmore")
print(b.read(3), b.readline(), b.read(), b.tell(), b.write(b"!"), b.getvalue())
b.seek(-2, 2)
print(b.read())
out = io.StringIO()
json.dump({"a": [1, 2], "b": None}, out, indent=2)
print(out.getvalue())
out.seek(0)
print(json.load(out))
buf = io.StringIO()
print("to a buffer", 42, sep="|", file=buf)
print(repr(buf.getvalue()))
