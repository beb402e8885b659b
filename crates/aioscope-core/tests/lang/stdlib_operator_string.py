# operator and string.
import operator
import string
from functools import reduce

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("a", 3), operator.truediv(7, 2),
      operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 8), operator.neg(5),
      operator.pos(-5), operator.abs(-3), operator.not_(0), operator.truth([1]))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2),
      operator.gt(1, 2), operator.ge(3, 2), operator.is_(None, None), operator.is_not(1, None))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(5),
      operator.lshift(1, 4), operator.rshift(32, 2), operator.index(7), operator.concat([1], [2]))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"),
      operator.getitem({"k": 5}, "k"), operator.length_hint([1, 2, 3]), operator.length_hint(5, 9))
d = {}
operator.setitem(d, "a", 1)
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.iadd([1], [2]), operator.iadd(1, 2), operator.imul("ab", 2))
print(reduce(operator.mul, range(1, 6)), sorted([(1, "b"), (0, "c"), (1, "a")], key=operator.itemgetter(1)))
rows = [{"name": "b", "age": 3}, {"name": "a", "age": 3}, {"name": "c", "age": 1}]
print(sorted(rows, key=operator.itemgetter("age", "name")))
print(operator.itemgetter(1)("xyz"), operator.itemgetter(0, 2)("xyz"))


class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner

    def greet(self, greeting, punct="!"):
        return greeting + " " + self.name + punct


p = P("outer", P("inner"))
print(operator.attrgetter("name")(p), operator.attrgetter("inner.name")(p),
      operator.attrgetter("name", "inner.name")(p))
print(operator.methodcaller("greet", "hi")(p), operator.methodcaller("greet", "yo", punct="?")(p),
      operator.methodcaller("upper")("abc"))
print(repr(operator.itemgetter(1)), repr(operator.itemgetter(1, "a")), repr(operator.attrgetter("a.b")),
      repr(operator.attrgetter("x", "y")), repr(operator.methodcaller("f", 1, k=2)))
for bad in [lambda: operator.itemgetter(), lambda: operator.attrgetter(1), lambda: operator.methodcaller(),
            lambda: operator.index(1.5), lambda: operator.concat(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    operator.attrgetter("a")(1)
except AttributeError as e:
    print("AttributeError:", e)

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable))
print(string.capwords("  hello   wORLD  "), string.capwords("a-b c", "-"))
t = string.Template("$who likes ${what}; $$5 for $who")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann", "what": "tea"}, what="soup"))
print(t.safe_substitute(who="x"), t.get_identifiers(), t.is_valid())
print(string.Template("$").safe_substitute(), string.Template("${bad").safe_substitute())
for bad in [lambda: t.substitute(who=1), lambda: string.Template("$").substitute(),
            lambda: string.Template("ab\n  $1").substitute(), lambda: string.Template("x ${").substitute()]:
    try:
        print(bad())
    except (KeyError, ValueError) as e:
        print(type(e).__name__ + ":", e)
