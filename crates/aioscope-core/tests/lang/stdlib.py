import collections
import functools
import itertools
import sys
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color(2), Color['RED'], list(Color))
print(Color.RED == Color.RED, Color.RED is Color(1), isinstance(Color.RED, Color), len(Color))
counter = collections.Counter()
counter[Color.RED] += 1
counter[Color.RED] += 1
counter['x'] += 3
print(counter[Color.RED], counter['missing'], counter)
Point = collections.namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p[1], p == (1, 2), tuple(p), len(p))
x, y = p
print(x + y)


def power(base, exp):
    return base ** exp


square = functools.partial(power, exp=2)
print(square(7), functools.partial(power, 2)(10))
print(list(itertools.islice(itertools.cycle('ab'), 5)), list(itertools.islice(itertools.count(3), 3)))
sys.stdout.write('written\n')
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))
dd = collections.defaultdict(list)
dd['k'].append(1)
print(dd['k'], len(dd))
