# fractions.Fraction: construction from ints, floats, strings and pairs,
# exact arithmetic with ints and fractions, floats through float (the
# simulator has no complex numbers yet), rounding, hashing like equal
# numbers, limit_denominator, and CPython's errors.
import math
from fractions import Fraction as F

for args in [('3/4',), (' -1.5e3 ',), ('1_000/3',), (1.5,), (0.1,), (3, 6), (-3, -6),
             (F(1, 3), F(1, 2)), ('.5',), ('1.',), ('-0',), ('1e-3',), ('+2.50E+2',), (True,)]:
    f = F(*args)
    print(args, repr(f), str(f), f.numerator, f.denominator)
for args in [('1/0',), ('x',), (1, 0), ('3/4', 2), (1.5, 2), (float('nan'),), (float('inf'),),
             ([],), ('1/-2',), ('_1',), ('1__0',), ('.',), ('',), ('1/2/3',)]:
    try:
        F(*args)
    except Exception as e:
        print(args, f'{type(e).__name__}: {e}')

x, y = F(3, 4), F(-7, 2)
print(x + y, x - y, x * y, x / y, x // y, x % y, divmod(x, y), x ** 2, y ** -3)
print(x + 1, 1 - x, 2 * x, 3 / x, x // 1, 5 % x, x + 0.5, 0.25 * x, x / 2.0)
print(x ** 0.5, 2 ** x, F(4) ** F(1, 2), F(2) ** F(3), 2 ** F(3), F(-1, 2) ** -2)
print(-x, +x, abs(y), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1, 3), 2),
      round(F(1234, 1), -2))
print(math.floor(y), math.ceil(y), math.trunc(y), int(y), float(F(1, 3)), bool(F(0)))
print(x == 0.75, x == F(6, 8), x != 1, x < 1, x > 0.7, y <= -3.5, F(1, 2) == float('nan'),
      F(1, 2) < float('inf'))
print(hash(x) == hash(0.75), hash(F(1, 3)), hash(F(-1)), hash(F(5)), hash(F(10 ** 20 + 1, 7)))
print(F(math.pi).limit_denominator(1000), F(math.pi).limit_denominator(), x.limit_denominator(1),
      F(0.1).limit_denominator(100), F(1, 3).as_integer_ratio(), F.from_float(0.25))
print(sum([F(1, 3)] * 3), max(F(1, 2), 0.6), sorted([F(1, 2), 0.25, 1]), F(10 ** 30, 3))
print((0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (5e-324).as_integer_ratio()[0], (1e300).as_integer_ratio()[1], (0.0).as_integer_ratio(), (-0.0).as_integer_ratio(), (8.0).as_integer_ratio())
print(format(x, ''), f'{x}', f'{x!r}', str(F(4, 2)), {F(1, 2): 'half'}[0.5])
for action in [lambda: x / 0, lambda: F(0) ** -1, lambda: x + 'a', lambda: format(x, '.2f'),
               lambda: x.limit_denominator(0), lambda: F.from_float('x'),
               lambda: F(0) / F(0)]:
    try:
        action()
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
