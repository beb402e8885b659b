def greet(name, greeting='Hello', *rest, punct='!', **extra):
    return f'{greeting}, {name}{punct} {rest} {sorted(extra.items())}'


print(greet('Ann'))
print(greet('Bob', 'Hi', 1, 2, punct='?', x=1, y=2))
args = ['Cy', 'Yo']
print(greet(*args))
print(greet(**{'name': 'Di'}))


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


c = counter()
c()
c(5)
print(c(), (lambda x, y=2: x * y)(4))
squares = [x * x for x in range(6) if x % 2 == 0]
pairs = [(a, b) for a in range(3) for b in 'xy' if a != 1]
print(squares, pairs, {k: v for k, v in zip('abc', range(3))}, {x % 3 for x in range(10)})
print(list(map(lambda s: s.upper(), ['a', 'b'])), list(filter(None, [0, 1, '', 'x'])), sum(x for x in range(5)))
print(list(enumerate('ab', 1)), list(zip([1, 2, 3], 'ab')), sorted([3, 1, 2], reverse=True), sorted(['bb', 'a', 'ccc'], key=len))
g = (i * 10 for i in range(3))
print(next(g), list(g))


def gen(n):
    for i in range(n):
        yield i
    return 'done'


print(list(gen(4)), any([0, 0, 1]), all([1, 2, 0]), isinstance(3, int), isinstance(True, int), isinstance('s', (int, str)))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20), type(fact).__name__, fact.__name__, type(3).__name__, type(None).__name__)
try:
    greet()
except TypeError as e:
    print('TypeError:', e)
try:
    greet('a', nope=1, punct=2, name=3)
except TypeError as e:
    print('TypeError:', e)
a, (b, c), *rest = 1, (2, 3), 4, 5
first, *middle, last = range(5)
print(a, b, c, rest, first, middle, last)
x = y = 7
print(x, y)
