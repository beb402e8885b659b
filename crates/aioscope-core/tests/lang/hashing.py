# hash() as CPython computes it for numbers, tuples and frozensets.
import sys

ints = [0, 1, -1, -2, 2, 42, -42, 2**31, 2**61 - 2, 2**61 - 1, 2**61, 2**61 + 1, -2**61, 2**62, 2**63 - 1, -2**63,
        2**64, 2**100, -2**100, 10**30, -10**30, 3**200]
print([hash(i) for i in ints])
floats = [0.0, -0.0, 0.5, -0.5, 1.5, 2.0, -1.0, 0.1, 1e-300, 5e-324, 1e300, 1.7976931348623157e308, 3.141592653589793,
          float("inf"), float("-inf"), 2.0**61, 2.0**70, -2.0**100, 123456.789]
print([hash(f) for f in floats])
print(hash(float("nan")) == hash(float("nan")) or True)
print([hash(b) for b in (True, False)], hash(1) == hash(1.0) == hash(True), hash(2**70) == hash(2.0**70))
tuples = [(), (1,), (1, 2), (2, 1), (1, (2, 3)), ((1, 2), 3), (0.5, -1, True), (2**100, "x" == "y"), ((),), (((),),)]
print([hash(t) for t in tuples])
fs = [frozenset(), frozenset([1]), frozenset([1, 2, 3]), frozenset([3, 2, 1]), frozenset(range(100)), frozenset([(1, 2), (3, 4)]),
      frozenset([frozenset([1]), frozenset()]), frozenset([-1, -2])]
print([hash(f) for f in fs])
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash("abc") == hash("abc"), hash(b"abc") == hash(b"abc"))
print(hash(()) == hash(tuple([])), hash((1, 2)) == hash(tuple([1, 2])))
print(sys.hash_info.modulus if hasattr(sys, "hash_info") else 2305843009213693951)
print({hash(x) for x in range(-3, 4)})
print(hash(range(3)) == hash(range(0, 3)), hash(range(0)) == hash(range(5, 5)))
print(hash(12345678901234567890) % 1000, hash(-12345678901234567890) % 1000)
