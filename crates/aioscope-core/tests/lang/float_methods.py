# The float methods programs reach for: exact ratios, hex, rounding dunders.
import math

for x in [0.0, -0.0, 0.75, 1.0, -2.5, 0.1, 5e-324, 2.2250738585072014e-308, 1e308, 123456.789]:
    print(repr(x), x.hex(), x.as_integer_ratio())
for x in [float("inf"), float("-inf"), float("nan")]:
    print(x.hex(), x.conjugate())
for x in [2.5, -2.5, 3.7, -3.7, 1e20]:
    print(x.__trunc__(), x.__floor__(), x.__ceil__(), x.__round__(), x.__round__(1), x.conjugate())
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), round(0.5), round(1.5), round(2.675, 2))
n, d = (0.1 + 0.2).as_integer_ratio()
print(n, d, n / d == 0.1 + 0.2)
for bad in (
    lambda: float("inf").as_integer_ratio(),
    lambda: float("nan").as_integer_ratio(),
    lambda: float("inf").__floor__(),
    lambda: float("nan").__trunc__(),
    lambda: float.hex(1),
):
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
