total = 0
for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    total += i
else:
    print('not reached')
print('total', total)
n = 0
while n < 3:
    n += 1
else:
    print('while else', n)
for ch in 'ab':
    pass
else:
    print('for else', ch)


def f(x):
    try:
        if x == 0:
            return 'zero'
        return 1 / x
    except ZeroDivisionError:
        return 'never'
    finally:
        print('finally', x)


print(f(0), f(2))


def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print('cleanup', i)
    return 'end'


print(g())
try:
    {}['missing']
except KeyError as e:
    print('KeyError', e)
else:
    print('no')
finally:
    print('done')
try:
    [][0]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError('inner')
    except ValueError:
        raise RuntimeError('outer')
except RuntimeError as e:
    print(e, repr(e.__context__))
try:
    undefined_name
except NameError as e:
    print(e)
d = {'a': 1}
print(d.get('b', 0), 'a' in d, list(d), d.pop('a'), d)
x = 5 if n > 2 else 6
print(x, not x, None or 'default', 0 and 1, [] or [1])
