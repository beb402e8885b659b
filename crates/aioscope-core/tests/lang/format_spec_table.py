# The whole format-spec mini-language over ints, floats, strs, bools and
# None: fill and alignment, '=' padding, signs, '#' alternate forms, ',' and
# '_' grouping, 'z', every presentation type, and CPython's errors.
vals = [0, 1, -1, 1234567, -1234567, 3.14159, -2.5, 1e20, 1.5e-7, 0.0, -0.0, float('inf'), float('nan'), 255, 10**15]
specs = ['', ',', '_', '>12', '<12', '^12', '*^12', '0>12', '=12', '+', '-', ' ', '012', '+012', '012,',
         '.2f', '.0f', '#.0f', '.3e', '.3E', 'e', 'g', '.3g', '#g', '.10g', 'G', '%', '.1%', 'n', '.3n', ',.2f', '_.2f', '12,.2f', '=+12.2f', '#x', '#X', '#o', '#b', 'x', 'b', 'o', 'c', 'd', '_b', '_x', ',d', '#_b', '08.3f', '-^10', '.5', '10.4', '!<10.2%', ]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except (ValueError, TypeError, OverflowError) as e:
            row.append('E:' + str(e))
    print(repr(v), row)
svals = ['hi', '', 'héllo']
for v in svals:
    row = []
    for s in ['', '>5', '<5', '^6', '*^7', '.1', '5.2', '=5', '+', ',', 'd', '#', '0', '05', 's', '>05']:
        try:
            row.append(format(v, s))
        except (ValueError, TypeError) as e:
            row.append('E:' + str(e))
    print(repr(v), row)
for v in [True, False, None, [1], (1,)]:
    row = []
    for s in ['', '>6', 'd', '.2f', 's']:
        try:
            row.append(format(v, s))
        except (ValueError, TypeError) as e:
            row.append('E:' + str(e))
    print(repr(v), row)
print('{:,}'.format(1234.5), '{:_}'.format(12345.678), '{:,.3f}'.format(-9876543.21))
print('{0:{fill}{align}{width}}'.format('z', fill='.', align='>', width=6))
print('{:.3}'.format('abcdef'), '{!r:>8}'.format('q'), '{0[1]}{1.real}'.format([5, 6], 3))
print('%5.2f|%-6d|%+d|%x|%o|%e|%g|%%|%c|%r|%s|%08.3f|%#x|%#o|% d' % (3.14159, 42, 5, 255, 8, 12345.678, 0.00001234, 65, 'r', 's', -3.5, 255, 8, 7))
print('%(a)s-%(b)05d' % {'a': 1, 'b': 2}, '%*d|%-*d|' % (5, 1, 4, 2), '%.*f' % (2, 3.14159))
print(format(1234567.891, ',.2f'), format(0.000012345, '.2e'), format(123456789, '.3e'))
print(format(1e16, ''), format(1e15, ''), format(123456789012345678, ','), format(1.0, 'g'), format(100000.0, 'g'), format(1000000.0, 'g'))
print(format(2.5, '.0f'), format(3.5, '.0f'), format(0.125, '.2f'), format(1.005, '.2f'), format(-0.0, '.1f'), format(-0.0001, '.1f'))
print(format(12.0, 'n'), format(1234567, 'n'), format(0.5, '%'), format(1/3, '.3%'))
print(format(5, 'X'), format(-255, '#x'), format(-5, '08b'), format(-5, '=+8'), format(5, '^+9'))
cases = [(1, ',_'), (1, '_,'), (1.5, ',d'), (1, '=s'), ('s', '='), ('s', '+'), ('s', ','), (1, '.2d'), (1, 'z'), (1.0, 'z'), (1, '<<5'), (1, '0<5'), (1, '#c'), (1, '+c'), (70000000, 'c'), (-1, 'c'), (1.5, '#'), (1.5, '#.3'), (1.5, '#e'), (1.0, '#.0e'), (12, '_o'), (12, ',x'), (1.5, '_'), (1e100, ','), (1e-5, ''), (1e-5, 'n'), (123.456, '.2n'), (float('nan'), '+08.2f'), (float('-inf'), '^10'), (1.5, '=10'), ('ab', '^'), ('ab', '0^5'), (1.5, '0=10'), (1.25, '.1f'), (0.35, '.1f'), (2.675, '.2f'), (1e22, 'f'), (1e22, ''), (123456789.0, 'g'), (0.0001, 'g'), (0.00001, 'g'), (1.5, 'z.1f'), (-0.0, 'z.1f'), (5, '%'), (0, 'e'), (5, 'g'), (10**6, 'g'), (1, 'X>4'), (1, '\n>4'), (1, '{}'), ('x', '.0'), (3, '.0%'), (1.5, 'E'), (float('inf'), 'E'), (float('nan'), 'G'), (1.0, '.0g'), (9.99, '.1g'), (0.5, '.0f'), (1.5, '.0f')]
for v, s in cases:
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)
