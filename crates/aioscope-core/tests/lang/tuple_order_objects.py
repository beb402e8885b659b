# Tuples and lists order by their first differing items, which may be
# instances with their own comparisons or built-in subclasses.
from enum import IntEnum


class Level(IntEnum):
    LOW = 1
    HIGH = 3


class Job:
    def __init__(self, cost):
        self.cost = cost

    def __lt__(self, other):
        return self.cost < other.cost

    def __repr__(self):
        return f'Job({self.cost})'


class Plain:
    pass


print(sorted([(Level.HIGH, 'a'), (2, 'b'), (Level.LOW, 'c')]))
print(sorted([(1, Job(5)), (1, Job(2)), (0, Job(9))]))
print([Job(1)] < [Job(2)], (Job(3),) > (Job(2),), [1, 2] < [1, 2, 0], (1, 2) >= (1, 2))
try:
    (1, Job(1)) <= (1, Job(0))
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([(1, Plain()), (1, Plain())])
except TypeError as e:
    print('TypeError:', e)
try:
    (Plain(),) < (Plain(),)
except TypeError as e:
    print('TypeError:', e)
