# functools: lru_cache/cache with cache_info, wraps, partial, reduce,
# total_ordering, cmp_to_key.
import functools
from functools import lru_cache, cache, wraps, partial, reduce, total_ordering, cmp_to_key


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__name__, fib.__wrapped__(1))


@lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x


for v in [1, 2, 1, 3, 2, 1, 1]:
    square(v)
print(square.cache_info(), square.cache_parameters())


@lru_cache
def plain(a, b=1):
    return a + b


print(plain(1), plain(1, b=1), plain(1), plain(a=1), plain.cache_info())


@cache
def calls(x):
    print("call", x)
    return [x]


print(calls(3), calls(3), calls("3"), calls.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1)
nocache(1)
print(nocache.cache_info())


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b):
    return a + b


print(add(2, 3), add.__name__, add.__qualname__, add.__wrapped__ is not None)

base2 = partial(int, base=2)
print(base2("1011"), repr(partial(max, 1, key=abs)).startswith("functools.partial(<built-in function max>, 1, key="))
p2 = partial(partial(pow, 2), 5)
print(p2(), p2.args, p2.keywords, p2.func is pow)
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10),
      reduce(lambda a, b: a + [b], "abc", []))
try:
    reduce(max, [])
except TypeError as e:
    print("TypeError:", e)


@total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= Version(1), sorted([b, a])[0].n)
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))
try:
    total_ordering(type("Empty", (), {}))
except ValueError as e:
    print("ValueError:", e)
print(functools.WRAPPER_ASSIGNMENTS)
