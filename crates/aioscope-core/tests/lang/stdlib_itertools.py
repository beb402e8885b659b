# itertools: every iterator, CPython's orders, reprs and errors.
import itertools as it
import operator

print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, -2.5), 4)),
      list(it.islice(it.count(start=3, step=2), 3)))
c = it.count(5)
next(c)
print(repr(c), repr(it.count()), repr(it.count(1.5, 2)), repr(it.count(5, -1)))
print(list(it.islice(it.cycle("ab"), 5)), list(it.cycle([])))
print(list(it.repeat("x", 3)), list(it.repeat(1, -2)), repr(it.repeat(1, 3)), repr(it.repeat("a")),
      list(zip(range(3), it.repeat(0))))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], operator.mul)),
      list(it.accumulate([1, 2], initial=5)), list(it.accumulate([])), list(it.accumulate([], initial=0)),
      list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.chain("ab", [1, 2], ())), list(it.chain.from_iterable(["xy", "z"])), list(it.chain()))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])),
      list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(lambda x: x % 2, range(6))),
      list(it.filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in it.groupby("aaabbcaa")])
print([(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = list(it.groupby("aabb"))
print([(k, list(g)) for k, g in groups])
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 4)), list(it.islice("abcdefg", 2, None)),
      list(it.islice("abcdefg", 0, None, 2)), list(it.islice("abc", 10)), list(it.islice(it.count(), 1, 10, 3)))
src = iter(range(10))
print(list(it.islice(src, 0, 4, 3)), next(src))
print(list(it.pairwise("abcd")), list(it.pairwise("a")), list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee([1, 2, 3])
print(next(a), list(b), list(a), len(it.tee("x", 3)), it.tee("x", 0))
print(list(it.zip_longest("abc", "d", fillvalue="-")), list(it.zip_longest([1], [2, 3])), list(it.zip_longest()))
print(list(it.product("ab", [0, 1])), list(it.product("ab", repeat=2)), list(it.product()), list(it.product("ab", "")))
print(list(it.permutations("abc")), list(it.permutations(range(3), 2)), list(it.permutations("ab", 3)))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(4), 3)), list(it.combinations("ab", 0)),
      list(it.combinations("ab", 5)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement("", 2)),
      list(it.combinations_with_replacement("ab", 0)))
print(sum(1 for _ in it.permutations(range(5))), sum(1 for _ in it.combinations(range(10), 4)))
for bad in [lambda: it.islice("abc", -1), lambda: it.islice("abc", "x"), lambda: it.permutations("ab", -1),
            lambda: it.product("ab", repeat=-1), lambda: it.tee("a", -1), lambda: it.islice("ab", 1, 2, 0),
            lambda: it.combinations("abc", -2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
for bad in [lambda: it.repeat(), lambda: it.combinations("ab"), lambda: list(it.chain(1))]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
