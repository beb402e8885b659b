# The operator module's functions are built-ins: their repr, their type,
# their argument errors, and user classes' dunders reached through them.
import asyncio
import functools
import operator


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f"Money({self.cents})"


print(repr(operator.add), operator.mul, operator.not_, operator.getitem)
print(type(operator.add).__name__, operator.add.__name__, callable(operator.sub))
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(operator.mul, range(1, 6)))
print(functools.reduce(operator.add, [Money(5), Money(7)]), operator.lt(Money(1), Money(2)))
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(-7, 3), operator.pow(2, 100))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 70))
print(operator.neg(5), operator.pos(-5), operator.invert(5), operator.inv(0), operator.not_([]))
print(operator.eq(1, 1.0), operator.ne("a", "b"), operator.ge(2, 2), operator.gt(1, 2), operator.le(1, 1))
print(operator.is_(None, None), operator.is_not(1, None), operator.truth("x"), operator.contains("abc", "b"))
items = [1]
print(operator.iadd(items, [2]) is items, items, operator.iadd((1,), (2,)), operator.imul("ab", 2))
d = {}
operator.setitem(d, "k", 1)
print(d, operator.getitem(d, "k"))
operator.delitem(d, "k")
print(d, list(map(operator.sub, [10, 20], [1, 2])), sorted([3, 1, 2], key=operator.neg))
for call in [lambda: operator.add(1), lambda: operator.not_(), lambda: operator.sub(1, 2, 3),
             lambda: operator.add(a=1, b=2), lambda: operator.neg(1, 2), lambda: operator.add(1, "x"),
             lambda: operator.lt(1, "x"), lambda: operator.getitem([], 0)]:
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)


async def total(values):
    await asyncio.sleep(0.01)
    return functools.reduce(operator.add, values, 0)


print(asyncio.run(total([1, 2, 3])))
operator.add(1, None)
