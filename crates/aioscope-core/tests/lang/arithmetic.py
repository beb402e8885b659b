print(1 + 2, 7 / 2, 7 // 2, -7 // 2, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1)
print(0.1 + 0.2, 1 / 3, 10 / 5, 2.5 * 4, -0.0, 1e16, 1e-5, 123456789.0 * 10)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, divmod(-7, 2), abs(-3), abs(-2.5))
print(True + True, 3 * True, 1 == 1.0, 0.1 * 3 == 0.3, round(2.5), round(3.5), round(2.675, 2))
print(1 < 2 < 3, 3 > 2 > 2, 1 <= 1 < 2 != 3, max(3, 1, 2), min([4, 2, 8]), sum([1, 2, 3.5]))
print(int('42'), int(3.9), int(-3.9), float('1.5'), float(3), str(1.0), str(10), hex(255), bin(5))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
print(x, 17 & 5, 17 | 5, 17 ^ 5, 1 << 4, -17 >> 2, ~5)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
