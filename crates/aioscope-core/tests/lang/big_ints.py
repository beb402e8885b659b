# Integers of any size: arithmetic, text, bits, bytes, mixing with floats.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

a = 2 ** 100
b = -(3 ** 70)
print(a, b, type(a), type(a).__name__)
print(a + b, a - b, a * b, a // 7, a % 7, b // 7, b % 7, -b % 1000)
print(divmod(a, 12345), divmod(b, 12345), divmod(b, -12345), divmod(a, -1))
print(abs(b), -a, +a, ~a, ~b)
print(9223372036854775807 + 1, -9223372036854775808 - 1, -(-9223372036854775808))
print(9223372036854775807 * 9223372036854775807)
print(2 ** 64 - 2 ** 64, type(2 ** 64 - 2 ** 64))
print(0x123456789abcdef0123456789, 0o7777777777777777777777777, 0b1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000)
print(123_456_789_012_345_678_901_234_567_890)
print(-9223372036854775808, type(-9223372036854775808))

# powers
print(2 ** 200, (-3) ** 41, 10 ** 30, 7 ** 0, 0 ** 0, 2 ** -1, (-2) ** -3)
print(pow(2, 100, 10 ** 9 + 7), pow(3, -1, 7), pow(-3, 3, -7), pow(2, -1, 1), pow(a, b * b, 97))
show("pow(2, -1, 4)", lambda: pow(2, -1, 4))
show("pow(2, 3, 0)", lambda: pow(2, 3, 0))
show("pow(2.0, 3, 5)", lambda: pow(2.0, 3, 5))
show("0 ** -1", lambda: 0 ** -1)
show("a ** -1", lambda: a ** -1)
show("(2**1100) ** -1", lambda: (2 ** 1100) ** -1)

# true division
print(a / 3, b / 7, 10 ** 30 / 7, (2 ** 53 + 1) / 1, (2 ** 1100) / (2 ** 1050), 1 / 2 ** 1100)
print(9007199254740993 / 1, 9223372036854775807 / 3, -9223372036854775807 / 10)
show("2**1100 / 3", lambda: 2 ** 1100 / 3)
show("a / 0", lambda: a / 0)
show("a // 0", lambda: a // 0)
show("a % 0", lambda: a % 0)
show("divmod(a, 0)", lambda: divmod(a, 0))

# floats
print(float(a), float(b), float(2 ** 1024 - 2 ** 970 - 1), a + 0.5, a * 1.5, a == 2.0 ** 100, a < 2.0 ** 100)
show("float(2**1024)", lambda: float(2 ** 1024))
show("2**1024 + 1.0", lambda: 2 ** 1024 + 1.0)
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 1024 < float("inf"), -2 ** 1024 > float("-inf"))
print(10 ** 400 > 1e308, 9007199254740993 == 9007199254740992.0, 9223372036854775807 == 9223372036854775808.0)
print(int(1e300), int(-1.5e20), int(2.0 ** 70), round(1.5e20), round(2.5), round(-0.5))
show("int(float('inf'))", lambda: int(float("inf")))
show("int(float('nan'))", lambda: int(float("nan")))
print(round(12345, -2), round(15, -1), round(25, -1), round(-25, -1), round(a, -10), round(a, 5))

# bits
print(a & b, a | b, a ^ b, b & 0xFFFF, -1 & a, b >> 3, b >> 1000, a >> 99, a << 3, 1 << 100, -1 << 70)
print((2 ** 70).bit_length(), (-2 ** 70).bit_length(), (2 ** 70 - 1).bit_count(), (-5).bit_count(), (0).bit_length())
show("1 << -1", lambda: 1 << -1)
show("a >> -1", lambda: a >> -1)
print(1 >> 2 ** 70, -1 >> 2 ** 70, 0 << 2 ** 70)

# text
print(str(a), repr(b), hex(a), oct(b), bin(2 ** 65), hex(-2 ** 64))
print(int("1" * 30), int("-0x" + "f" * 20, 16), int("  +123_456_789_012_345_678_901  "), int("z" * 15, 36))
print(int("0b101", 0), int("0o17", 0), int("0x_ff", 0), int("0_0", 0), int("١٢٣"))
for text, base in [("1__0", 10), ("_1", 10), ("1_", 10), ("010", 0), ("12", 1), ("12", 37), ("", 10), (" ", 10), ("0x", 16), ("9", 8)]:
    show("int(%r, %d)" % (text, base), lambda: int(text, base))
show("int('9' * 5000)", lambda: int("9" * 5000))
show("str(10 ** 5000)", lambda: str(10 ** 5000))
show("f'{10 ** 5000}'", lambda: f"{10 ** 5000}")
print(len(str(10 ** 4299)), len(str(-10 ** 4299)), len(hex(10 ** 5000)))
print(format(a, ","), format(b, "_"), format(a, "x"), format(a, "_X"), format(a, "#b")[:20], format(a, "e"), format(b, ".3%"))
print(f"{a:>50,}|{b:<45}|{a:^+50}|{a:=+50,}")
print("%d %x %o %X %s %r %e %10.3f" % (a, b, a, a, b, a, a, float(a)))
show("'%c' % a", lambda: "%c" % a)
show("format(a, 'c')", lambda: format(a, "c"))

# bytes
print((255).to_bytes(2, "big"), (-1).to_bytes(2, "big", signed=True), (2 ** 70).to_bytes(9, "little"), (1024).to_bytes(2))
print(int.from_bytes(b"\xff\x00", "little", signed=True), int.from_bytes(b"\x01" * 12, "big"), int.from_bytes([1, 2, 3], "little"))
show("(256).to_bytes(1, 'big')", lambda: (256).to_bytes(1, "big"))
show("(-1).to_bytes(1, 'big')", lambda: (-1).to_bytes(1, "big"))
show("(128).to_bytes(1, 'big', signed=True)", lambda: (128).to_bytes(1, "big", signed=True))

# attributes and conversions
print(a.real, a.imag, a.numerator, a.denominator, a.conjugate(), (5).__index__(), True + a)
print(sum([2 ** 64, 2 ** 64, 1]), sum(range(10)) * 2 ** 80, max(a, b, 5), min([a, b, 5]), sorted([a, b, 0, -1, 2.5]))
print(isinstance(a, int), a == a + 0, a != b, a in [1, a], [a, b].index(b))

# indexes that must fit
show("[1, 2][2 ** 70]", lambda: [1, 2][2 ** 70])
show("'a' * 2 ** 70", lambda: "a" * 2 ** 70)
show("chr(2 ** 70)", lambda: chr(2 ** 70))
show("[1, 2].pop(2 ** 70)", lambda: [1, 2].pop(2 ** 70))
print([1, 2, 3][2 ** 70:], [1, 2, 3][:2 ** 70], [1, 2, 3][-2 ** 70:], [1, 2, 3][::2 ** 70], "abc"[2 ** 70:])

# factorial and fibonacci, the usual suspects
f = 1
for i in range(1, 31):
    f *= i
print(f)
x, y = 0, 1
for _ in range(150):
    x, y = y, x + y
print(x, x % 1000007, x.bit_length())

# the limit on decimal digits can be changed
import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5001)
print(len(str(10 ** 5000)), int("9" * 5000) % 1000)
show("set_int_max_str_digits(100)", lambda: sys.set_int_max_str_digits(100))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)))
sys.set_int_max_str_digits(4300)
show("str(10 ** 5000)", lambda: str(10 ** 5000))
