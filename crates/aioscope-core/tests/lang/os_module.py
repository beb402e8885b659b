# os and os.path: path arithmetic as posixpath's, the environment as a
# mapping with CPython's errors, and the program's own file existing.
import os
import posixpath
import os.path

print(os.path.__name__, os.path is posixpath)
for p in ["", "/", "//", "///a//b/", "a/b/../c/./d", "../x", "/..", "a/..", "."]:
    print(repr(p), repr(posixpath.normpath(p)), posixpath.split(p),
          repr(posixpath.dirname(p)), repr(posixpath.basename(p)))
for p in ["a.b.c", ".bashrc", "a/.b", "a.b/c", "..x", "a/b.", "foo..bar"]:
    print(repr(p), posixpath.splitext(p))
print(posixpath.join("a", "/b", "c"), posixpath.join("a/", "b"), posixpath.join("", "b"),
      posixpath.join("a", ""))
print(posixpath.relpath("/a/b/c", "/a/d"), posixpath.commonprefix(["/usr/lib", "/usr/local"]),
      posixpath.isabs("/x"), posixpath.isabs("x"))
try:
    posixpath.join("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    os.environ["AIOSCOPE_SURELY_UNSET"]
except KeyError as e:
    print(type(e).__name__, e)
for key, value in [("A", 1), (1, "a")]:
    try:
        os.environ[key] = value
    except TypeError as e:
        print(type(e).__name__, e)
print(os.name, os.sep, repr(os.linesep), os.pathsep, os.curdir, os.pardir, os.extsep,
      os.altsep, os.devnull)
print(type(os.environ).__name__, os.getenv("AIOSCOPE_SURELY_UNSET"),
      os.getenv("AIOSCOPE_SURELY_UNSET", 3))
os.environ["MY_VAR"] = "x"
print(os.environ["MY_VAR"], os.getenv("MY_VAR"), "MY_VAR" in os.environ,
      os.environ.get("MY_VAR"))
del os.environ["MY_VAR"]
print("MY_VAR" in os.environ, os.environ.pop("MY_VAR", "gone"))
print(os.path.exists(__file__), os.path.isfile(__file__),
      os.path.isdir(os.path.dirname(os.path.abspath(__file__))), os.path.exists("nope.txt"))
print(os.path.basename(os.path.abspath(__file__)), os.path.splitext(os.path.basename(__file__)))
print(isinstance(os.getpid(), int), os.cpu_count() >= 1)
