# decimal.Decimal: exact construction (also from floats), str and repr in
# plain and scientific form, arithmetic rounded to the context's 28 digits,
# quantize with each rounding mode, integer division, powers, sqrt,
# comparisons and hashes shared with ints and floats, format specs,
# contexts and the signals they raise.
import decimal
from decimal import Decimal as D, getcontext, localcontext

print(getcontext())
for text in ['1.10', '-0', '1e5', '100', '0.000001', '0.0000001', '123E+3', '1.5e-10', ' 12 ',
             '1_000.5', 'inf', '-Infinity', 'nan', 'sNaN', 'NaN123', '.5', '5.', '0E-7', '-0E+3',
             '12345678901234567890123456789012345']:
    d = D(text)
    print(repr(text), repr(d), str(d), d.as_tuple())
print(D(0.1), D(1.5), D(-0.0), D(10 ** 30), D((0, (1, 2), -1)), D((1, (0,), 'F')), D(7))
print(D.from_float(0.25), D('1.23').adjusted(), D('1.23E+5').to_eng_string(), D('1e-7'))

a, b = D('1.10'), D('2.205')
print(a + b, a - b, a * b, a / b, b // a, b % a, divmod(b, a), -a, +b, abs(D('-2.50')))
print(D(1) / D(3), D(2) / D(3), D('100') / D('4'), D('1') / D('8'), D(10) ** 30, D('1.1') ** 3)
print(D(2) ** -2, D(5) ** 0, D(-2) ** 3, D('-7') // 2, D('-7') % 2, divmod(D(7), 2), 7 // D(2))
print(sum([D('0.1')] * 3), D('0.1') * 3 == D('0.3'), D('5.0') * D('2.00'), 2 + D('1.5'), 1 / D(4))
print(D(2).sqrt(), D('1.44').sqrt(), D('0.25').sqrt(), D(0).sqrt(), D('1e-10').sqrt(), D('2e7').sqrt())
print(D(12345678901234567890123456789) + 1, D('9.99999999999999999999999999999') + 0)
print(D('1.5') == 1.5, D('0.5') < 1, D(1) >= D('1.000'), hash(D('1.000')) == hash(1),
      hash(D('0.5')) == hash(0.5), hash(D('-2.5')), sorted([D('1.5'), 1, 0.5, D('-2')]))
print(int(D('-2.9')), float(D('0.1')), round(D('2.5')), round(D('3.5')), round(D('2.567'), 2),
      round(D('1234'), -2), bool(D('0.00')), D('1.5').as_integer_ratio())
print(D('7.325').quantize(D('.01')), D('2.675').quantize(D('0.01')), D('123.456').quantize(D('1e1')))
for mode in ['ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR',
             'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP']:
    rounding = getattr(decimal, mode)
    print(mode, [str(D(v).quantize(D('.01'), rounding=rounding))
                 for v in ('7.325', '-7.325', '2.665', '0.005', '-0.015', '9.995', '7.35')])
print(D('100').normalize(), D('-0.00').normalize(), D('2.50').to_integral_value(), D('1.5').max(D('1.50')))
print(D(3).compare(D(2)), D('-1.5').copy_abs(), D('1.5').copy_negate(), D('2').is_zero(), D('nan').is_nan())
for spec in ['', '.2f', ',.2f', 'f', 'e', '.3e', '%', '.1%', '>10', '<8.1f', '+.2f', '010.2f',
             'g', '.3g', '.2', 'E', '*^12.1f', ',']:
    print(repr(spec), [format(D(v), spec) for v in ('1234.5678', '-7', '0', '1E+5', '0.1', '1e-30')])
print(f"{D('19.99') * 3:.2f} {D('1234567.891'):,} {D('0.075'):.1%}")

with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(7), D('123456789') + 0, ctx.prec, getcontext().prec)
print(D(1) / D(7), getcontext().prec)
with localcontext(rounding=decimal.ROUND_DOWN, prec=4) as ctx:
    print(D(2) / D(3), ctx)
ctx = decimal.Context(prec=6, rounding=decimal.ROUND_UP)
print(ctx.divide(D(1), D(7)), ctx.add(D('1.0000001'), 0), ctx.sqrt(D(2)), ctx.quantize(D('1.23456'), D('0.1')))
c = getcontext()
c.clear_flags()
x = D(1) / D(3)
print(c.flags[decimal.Inexact], c.flags[decimal.Rounded], c.flags[decimal.DivisionByZero])
c.traps[decimal.DivisionByZero] = False
print(D(1) / 0, D(-1) / 0, c.flags[decimal.DivisionByZero])
c.traps[decimal.DivisionByZero] = True
for action in [lambda: D('abc'), lambda: D(1) / 0, lambda: D(0) / 0, lambda: D(7) % 0,
               lambda: divmod(D(7), 0), lambda: D('1.5') + 1.5, lambda: 1.5 * D(2),
               lambda: D(1) + 'a', lambda: D('123.456').quantize(D('1e-30')),
               lambda: D(-4).sqrt(), lambda: D(0) ** 0, lambda: int(D('nan')), lambda: round(D('inf')),
               lambda: D([]), lambda: decimal.Context(prec=0)]:
    try:
        print(action())
    except Exception as e:
        print(f'{type(e).__name__}: {e}', isinstance(e, ArithmeticError))
print(decimal.InvalidOperation.__mro__[1].__name__, decimal.DivisionByZero.__mro__[2].__name__,
      issubclass(decimal.FloatOperation, TypeError), decimal.ConversionSyntax.__name__)
