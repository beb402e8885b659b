# sys: version_info comparisons, struct sequences, argv, streams, the
# exception being handled, the recursion limit.
import sys

print(sys.version_info >= (3, 7), sys.version_info[:2], sys.version_info.major,
      sys.version_info.releaselevel, type(sys.version_info).__name__)
print(sys.version.split()[0], sys.platform, sys.argv, sys.byteorder, sys.implementation.name)
print(sys.float_info.epsilon, sys.float_info.max, sys.float_info.dig, sys.maxsize)
print(sys.stdout, sys.stderr, sys.stdout.encoding, sys.stdout.name)
sys.stdout.write("written\n")
print(sys.stdout.write("abc\n"))
print("to stdout", file=sys.stdout)
print(sys.exc_info())
try:
    raise ValueError("x")
except ValueError:
    print(sys.exc_info()[0], sys.exc_info()[1], repr(sys.exception()))

    def inner():
        return sys.exc_info()[1]

    print(repr(inner()))
print(sys.exc_info(), sys.exception())
print('sys' in sys.modules, type(sys.modules).__name__)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
for bad in [0, 1.5]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    sys.exit(3)
except SystemExit as e:
    print("exit", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("exit", e.code, e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("exit", e.code)
