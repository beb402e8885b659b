# print() with all its keywords, and the formatting mini-languages:
# format specs, str.format, f-strings (= ! and nested specs), % formatting.
import sys


def attempt(f):
    try:
        print(f())
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)


print(1, 2, sep="-", end="!\n")
print("a", "b", sep="")
print("x", end="")
print()
print(sep=":")
print(None, sep=None, end=None)
print("err", "out", file=sys.stderr)
print("flushed", flush=True)
print("to stdout", file=sys.stdout)
print("none file", file=None)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("into", "writer", file=w, sep="+")
print(w.parts)
try:
    print(1, sep=3)
except TypeError as e:
    print(e)
try:
    print(1, end=3)
except TypeError as e:
    print(e)
try:
    print(1, foo=3)
except TypeError as e:
    print(e)
try:
    print(1, file=3)
except AttributeError as e:
    print(e)
sys.stdout.write("direct\n")
sys.stderr.write("direct err\n")
print("%s and %r" % ("s", "r"), "%5.1f|%-6d|%+d|%x|%X|%o|%e|%g|%%|%c" % (3.14159, 42, 7, 255, 255, 8, 12345.678, 0.0001, 65))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%*d|%-*s|%.*f" % (5, 42, 6, "ab", 2, 3.14159))
print("%5s|%-5s|%.2s" % ("abc", "abc", "abc"))
print("%i %u %a" % (3, 4, "é"))
print("%#x %#o %08.3f %+.2e % d" % (255, 8, 3.14159, 1234.5, 5))
print("%s" % [1, 2], "%s" % (1,), "%d%%" % 50)
for bad in [lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "%z" % 1, lambda: "%(a)s" % 1]:
    try:
        bad()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)

x = 3.14159
w, p = 10, 2
name = "Ada"
print(f"{x=}", f"{x = }", f"{x = !r:>10}", f"{x=:.2f}", f"{name=!s}", f"{name!a}", f"{'é'!a}")
print(f"{x:{w}.{p}f}|", f"{name:>{w}}|", f"{name:^{w}}|", f"{name:*<{w}}|")
print(f"{1234567:,}", f"{1234567.891:,.2f}", f"{1234567:_}", f"{255:#x}", f"{255:#010b}", f"{0.25:.1%}")
print(f"{42:+d}", f"{42: d}", f"{-42:=+8d}", f"{3.0:g}", f"{1e20:g}", f"{1.5e-7:e}", f"{12345.6789:E}")
print(f"{'abc':.2}", f"{3:>5}", f"{'left':<8}|", f"{3.5:08.3f}", f"{10:o}", f"{10:X}", f"{65:c}")
print(f"{True}", f"{None!r}", f"{[1, 2]}", f"{ {'a': 1} }", f"{(1, 2)!s}")
print(f"{x!r:^20}|", f"{{literal}}", f"{'nested ' + f'{w}'}")
print(format(3.14159, ".3f"), format(42, "08d"), format("s", "^5"), "{:>8.3f}".format(2.5), "{0}{1}{0}".format("a", "b"))
print("{name} is {age:>3}".format(name="Bob", age=7), "{:,d}".format(10**6), "{!r}".format("q"))
print("{0[0]} {1[k]} {2.real}".format([9], {"k": "v"}, 5))
print(f"{x:.3}", f"{x:10.3}", f"{0.000012345:.3}", f"{1/3}", f"{2/3:.15g}")
print(f"{-0.0}", f"{float('inf')}", f"{float('nan')}", f"{1e16}", f"{123456789.0}", f"{1e-5}")
print(f"{12:n}", f"{1234.5:n}", f"{True:d}", f"{True:>5}", f"{5:.2f}")
print('{:=^20}'.format(' hi '), '{:b}'.format(10), '{:#o}'.format(8), '{0:{1}}'.format(3, 5), format(True), format(1.0), '{:%}'.format(0.5))
print('%-10s|' % 'x', '%r' % 'é', '%c' % 'z', '%5.3s|' % 'abcdef', '%d' % 3.99, '%.0f' % 2.5, '%.0f' % 3.5, '%s' % None)
print('{:.2e}'.format(0), '{:g}'.format(100000), '{:g}'.format(1000000), '{:.0e}'.format(12345), '{:+.3g}'.format(-0.00001234))
print('{:,.3f}'.format(-1234.5), '{:_x}'.format(0xdeadbeef), '{:>+10.2f}|'.format(3.14159), '{:<010}'.format(7), '{:^10.1%}'.format(0.123))
print('{:5}|{:<5}|{:>5}|'.format('ab', 1, 'c'), repr('{}'.format(1.10)), '{:}'.format(2.5), str(1e22), repr(1.0e-4))
print('%(a)s %(a)r' % {'a': 'x'}, '%%d' % (), '%s-%s' % ('a', 'b'), '%.3d' % 7, '%+05d' % 3, '% 5.1f' % 2.25)
print(f'{3:{"<"}{4}}|', f'{"x":{"^"}5}|', f'{10:{"#"}x}')
print('{} {}'.format(*[1, 2]), '{a}'.format(**{'a': 5}), '{0!s:>4}'.format(1), '{:c}'.format(97))
print(format(-7, '05d'), format(7, ' 5d'), format(-2.5, '=+10.2f'), format(12, '#b'), format(1.23456789e-10, '.3g'))
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), f"{2.675:.2f}", f"{0.125:.2f}", f"{0.375:.2f}")
for bad in [
    lambda: format("s", "d"),
    lambda: format(1.5, "d"),
    lambda: format(1, "z"),
    lambda: "{".format(1),
    lambda: "{0}{}".format(1, 2),
    lambda: format(1, ",s"),
    lambda: "{x}".format(y=1),
    lambda: "{1}".format(0),
    lambda: "{0".format(1),
    lambda: "}".format(1),
    lambda: f"{1:{'x'}}",
    lambda: f"{100:.3}",
]:
    attempt(bad)


# bytes % args
def attempt_bytes(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt_bytes(lambda: b"%s|%b|%r|%a|%c|%c|%5d|%x" % (b"ab", b"cd", "é", b"x", 65, b"z", 42, 255))
attempt_bytes(lambda: b"%s" % "str")
attempt_bytes(lambda: b"%d %d" % (1,))
attempt_bytes(lambda: b"%d" % (1, 2))
attempt_bytes(lambda: b"%(k)s" % {b"k": b"v"})
attempt_bytes(lambda: "%b" % b"x")
attempt_bytes(lambda: b"%c" % 300)
attempt_bytes(lambda: b"%.2f%%" % 3.14159)
