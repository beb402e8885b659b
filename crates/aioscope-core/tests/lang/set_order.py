print({(i, 2 * i) for i in range(3)})
print({(2, 4), (1, 2), (0, 0)})
print({10, 20, 30, 40, 50}, set([10, 20, 30, 40, 50]))
for x in {10, 20, 30, 40, 50}:
    print(x, end=" ")
print()
s = set()
for i in range(20):
    s.add(i * 7 % 23)
print(s)
s = {1.5, 2.5, -1.0, 0.0, 3.25, 1e10, float("inf")}
print(s)
print({True, False, 2, 3.0, -1.5})
print({"a"} if False else set(range(100, 130, 3)))
a = set(range(0, 40, 3)); b = set(range(0, 40, 5))
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(a.union(b, [100, 1]), a.intersection(b, range(20)), a.difference(b, {3}), a.symmetric_difference([5, 6, 7]))
c = set(a); c.discard(3); c.discard(6); c.add(1000); c.add(-5); print(c)
c.remove(9); c.update(range(50, 60)); print(c)
d = set(range(40)); 
while len(d) > 25: d.pop()
print(d)
d -= {30, 31, 32}; print(d)
d |= {100, 200}; print(d)
d &= set(range(35)) | {100}; print(d)
d ^= {1, 2, 3, 500}; print(d)
print(frozenset([(1, 2), (3, 4), "x" * 0]), frozenset({5, 4, 3}) | {1}, {1} | frozenset({5, 4, 3}))
t = {(i, j) for i in range(4) for j in range(3)}
print(t)
print(sorted(t) == sorted(list(t)), len(t))
print({-1, -2, -3, 2**61, 2**61 - 1, 2**64, -2**64})
print({(1, "a")} - {(1, "a")}, set() | set(), {1, 2} - set(range(100)))
words = {(w, len(w)) for w in ["alpha", "beta", "gamma"]}
print(len(words))
print({*range(5), *[10, 3]}, {*{8, 9}, 1})
print({i % 7 for i in range(100)})
e = {1, 2, 3}
for i in range(3, 30):
    e.add(i)
    e.discard(i - 3)
print(e)
print(set(dict.fromkeys([5, 3, 9, 1])), set({4: 1, 12: 2, 20: 3}))
print(frozenset(range(10)) == set(range(10)), hash(frozenset()) , hash(frozenset({1, 2, 3})), hash((1, 2)))
