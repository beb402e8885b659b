def recurse(n):
    return recurse(n + 1)


try:
    recurse(0)
except RecursionError as e:
    print('RecursionError:', e)
try:
    None.attr
except AttributeError as e:
    print('AttributeError:', e)
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
try:
    int('x1')
except ValueError as e:
    print('ValueError:', e)
try:
    f = 3
    f()
except TypeError as e:
    print('TypeError:', e)


def needs(a, b):
    return a


try:
    needs(1, 2, 3)
except TypeError as e:
    print('TypeError:', e)
try:
    raise KeyError('key')
except LookupError as e:
    print(type(e).__name__, e, e.args)
try:
    assert 1 == 2, 'math broke'
except AssertionError as e:
    print('AssertionError:', e)


class MyError(Exception):
    pass


try:
    raise MyError
except MyError as e:
    print(repr(e), str(e) == '', isinstance(e, Exception))
try:
    try:
        1 / 0
    finally:
        print('finally runs')
except ZeroDivisionError:
    print('then the handler')
eg = ExceptionGroup('many', [ValueError('a'), TypeError('b')])
print(eg, len(eg.exceptions), repr(eg.exceptions[0]))
