# math: CPython's results, special values and errors.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0), math.isqrt(17), math.isqrt(10 ** 18))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.9),
      math.floor(5), math.ceil(True), type(math.floor(2.5)).__name__)
print(math.exp(1), math.exp(-1), math.expm1(1e-10), math.exp2(10))
print(math.log(10), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001),
      math.log1p(1e-10), math.log(1))
print(math.pow(2, 10), math.pow(2.5, -1.5), math.pow(-8, 3), math.pow(0, 0), math.pow(1, math.nan),
      math.pow(math.nan, 0))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, -2), math.remainder(7, 3))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(1, 2, 3), math.hypot(), math.hypot(-5))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((1.5,), (0.25,)))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1))
print(math.atan2(1, -1), math.atan2(-0.0, -1), math.sinh(1), math.cosh(1), math.tanh(0.5))
print(math.asinh(1), math.acosh(2), math.atanh(0.5), math.degrees(math.pi), math.radians(180))
print(math.degrees(1), math.radians(45), math.cbrt(64.0) > 3.99, math.cbrt(-8))
print(math.factorial(0), math.factorial(5), math.factorial(20))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8),
      math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(3, 4, 5))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(60, 30),
      math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod([2, 3], start=10),
      math.prod(range(1, 11)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]),
      math.fsum([]), math.fsum([1, 2, 3]), math.fsum([0.1, 0.2, 0.3]), math.fsum([1e308, 1e308, -1e308]) if False else 0)
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, 5]), math.fsum([1.1, 2.2, 3.3, -6.6]))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.modf(3.25), math.modf(-2.5),
      math.modf(math.inf), math.frexp(8), math.frexp(0.1), math.frexp(0), math.frexp(-3.0),
      math.ldexp(0.5, 4), math.ldexp(3, -2))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-10),
      math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(100, 101, rel_tol=0.02),
      math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308))
print(math.isfinite(1e308), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1),
      math.isnan(math.nan), math.isnan(0.0))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.gamma(0.5), round(math.lgamma(10), 12))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.ulp(0.0) > 0)

for call in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-5),
             lambda: math.log10(0), lambda: math.acos(2), lambda: math.asin(-1.5),
             lambda: math.fmod(1, 0), lambda: math.pow(0, -1), lambda: math.pow(-8, 1 / 3),
             lambda: math.factorial(-1), lambda: math.isqrt(-4), lambda: math.comb(-1, 2),
             lambda: math.perm(3, -1), lambda: math.isclose(1, 2, rel_tol=-1),
             lambda: math.floor(math.nan), lambda: math.dist((1, 2), (1,)),
             lambda: math.sin(math.inf), lambda: math.atanh(1), lambda: math.gamma(0),
             lambda: math.gamma(-2)]:
    try:
        print(call())
    except ValueError as e:
        print("ValueError:", e)
for call in [lambda: math.exp(1000), lambda: math.pow(10, 400), lambda: math.cosh(1000),
             lambda: math.ldexp(1, 2000), lambda: math.floor(math.inf), lambda: math.ceil(-math.inf)]:
    try:
        print(call())
    except OverflowError as e:
        print("OverflowError:", e)
for call in [lambda: math.sqrt("4"), lambda: math.factorial(1.5), lambda: math.gcd(1.5),
             lambda: math.floor(None), lambda: math.log(), lambda: math.sqrt(),
             lambda: math.sqrt(1, 2), lambda: math.isqrt(2.0), lambda: math.comb(5),
             lambda: math.log(1, 2, 3), lambda: math.hypot(x=1), lambda: math.pow(1),
             lambda: math.perm(), lambda: math.perm(1, 2, 3), lambda: math.fsum(),
             lambda: math.prod(), lambda: math.isclose(1), lambda: math.ldexp(1.0, 2.0),
             lambda: math.dist(1, (1,)), lambda: math.sqrt(x=1)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
try:
    print(math.log(10, 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


class Meters:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return float(self.v)

    def __floor__(self):
        return "floored"


print(math.sqrt(Meters(9)), math.floor(Meters(2)))
# Accurate norms, as CPython 3.11 computes them.
vals = [(0.1, 0.2), (1e-300, 1e-300), (3e200, 4e200), (0.7, 1.3, 2.9), (1.1, 1.1, 1.1, 1.1)]
print([math.hypot(*v) for v in vals])
import random
random.seed(1)
pts = [(random.uniform(-100, 100), random.uniform(-100, 100)) for _ in range(200)]
print(sum(math.hypot(x, y) == math.sqrt(x * x + y * y) for x, y in pts))
print(math.fsum(math.hypot(x, y) for x, y in pts))
print(math.fsum(math.dist(p, q) for p, q in zip(pts, pts[1:])))
