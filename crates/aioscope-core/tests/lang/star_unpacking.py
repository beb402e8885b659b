# Every form of star-unpacking, and CPython's errors for each.


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
(a, b), *c = [1, 2], 3, 4
print(a, b, c)
[x, [y, *z]] = 1, (2, 3, 4)
print(x, y, z)
*everything, = (1, 2)
print(everything)
print([*range(3), *"ab"], (*[1], 2), sorted({*[1, 1], 2}))
print({**{"a": 1}, "b": 2, **{"a": 3}})
pair = *[1, 2], 3
print(pair)


def f(*args, **kwargs):
    return args, kwargs


print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}, z=3, **{"w": 4}))
print(f(*(n * n for n in range(3))))
for i, *more in [(1, 2, 3), (4,)]:
    print("for target", i, more)
for (p, q), *others in [((1, 2), 3, 4)]:
    print("nested for target", p, q, others)


def returns_star(items):
    return 1, *items


print(returns_star([2, 3]))


def yields_star():
    yield 0, *[1, 2]


print(list(yields_star()))
print(*[1, 2, 3], sep=", ")
print(*"hey")
print(*[], "nothing before")
options = {"sep": "-", "end": "!\n"}
print(1, 2, **options)
print(dict(**{"k": 1}, j=2))
matrix = [[1, 2], [3, 4]]
print(list(zip(*matrix)))


def three(a, b, c):
    return a, b, c


print(three(1, *[2], **{"c": 3}))
print(three(*"xy", c="z"))
s = [1, 2, 3]
s[0], s[1] = s[1], s[0]
print(s)
d = {}
d["a"], d["b"] = "ab"
print(d)


class Box:
    pass


box = Box()
box.left, *box.right = range(3)
print(box.left, box.right)

attempt("** twice:", lambda: f(**{"x": 1}, **{"x": 2}))
attempt("name then **:", lambda: f(x=1, **{"x": 2}))
attempt("** then name:", lambda: f(**{"a": 1}, a=2))
attempt("positional and **:", lambda: three(1, 2, 3, **{"a": 1}))
attempt("unknown keyword:", lambda: three(**{"d": 1}))
attempt("too many *:", lambda: three(*[1, 2, 3, 4]))
attempt("non-str key:", lambda: f(**{1: 2}))
attempt("** of a list:", lambda: f(**[1]))
attempt("* of an int:", lambda: f(*1))
attempt("* of None:", lambda: f(*None))
attempt("** of None:", lambda: f(**None))
attempt("second * of an int:", lambda: f(1, *1))
attempt("print(*1):", lambda: print(*1))
attempt("method(*1):", lambda: [].append(*1))
attempt("Box(**1):", lambda: Box(**1))
attempt("[*1]:", lambda: [*1])
attempt("(*1,):", lambda: (*1,))
attempt("{*1}:", lambda: {*1})
attempt("{**1}:", lambda: {**1})


def unpack(n, value):
    if n == 2:
        a, b = value
        return a, b
    if n == 3:
        a, b, c = value
        return a, b, c
    a, *b, c, d = value
    return a, b, c, d


attempt("too many:", lambda: unpack(2, [1, 2, 3]))
attempt("not enough:", lambda: unpack(3, [1, 2]))
attempt("not enough with star:", lambda: unpack(4, [1, 2]))
attempt("int:", lambda: unpack(2, 1))
attempt("one char:", lambda: unpack(2, "x"))
attempt("star of an int:", lambda: unpack(4, 7))
attempt("object:", lambda: unpack(2, Box()))
import itertools
attempt("endless iterator:", lambda: unpack(2, itertools.count()))

# Star in a subscript (3.11), in return and yield, and in a for's iterable.
class Echo:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print('set', k, v)
parts = [1, 2]
print(Echo()[*parts], Echo()[0, *parts], Echo()[1:2, *parts, ...], Echo()[*[]])
Echo()[*parts] = 'v'
def both():
    return *parts, *'ab'
def gen_both():
    yield *parts, 0
print(both(), list(gen_both()))
for item in *parts, *(3,):
    print(item, end=' ')
print()
