# dict.keys(), .values(), .items(): live views with set operations.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(type(k).__name__, type(v).__name__, type(it).__name__, type(k))
print(len(k), len(v), len(it), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it, "z" in k, ("a",) in it)
d["d"] = 4
del d["a"]
print(k, v, it)
print(list(k), list(v), list(it), sorted(it, reverse=True))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
for r in (k & {"b", "x"}, k | {"x"}, k - {"b"}, k ^ {"b", "x"}, {"b", "x"} & k, {"x"} | k, {"b", "q"} - k, {"b", "q"} ^ k):
    print(type(r).__name__, sorted(r))
for r in (it & {("b", 2)}, it - {("c", 3)}, it | {("a", 0)}, it ^ {("b", 2), ("e", 5)}):
    print(type(r).__name__, sorted(r))
e = {"b": 2, "c": 30, "z": 26}
for r in (k & e.keys(), k - e.keys(), k ^ e.keys(), k | e.keys(), it ^ e.items(), it & e.items(), e.items() ^ it):
    print(sorted(r))
# Int keys: the order of the resulting sets is CPython's.
n = {i * 7 % 20: i for i in range(12)}
m = {i * 3: -i for i in range(10)}
nk, mk, ni, mi = n.keys(), m.keys(), n.items(), m.items()
print(nk & mk, mk & nk, nk | mk, mk | nk, nk - mk, mk - nk, nk ^ mk, mk ^ nk)
print(nk & {0, 3, 6, 100}, {0, 3, 6, 100} & nk, nk | {55}, {55} | nk, nk - {7, 14}, {7, 14, 99} - nk, nk ^ {0, 1, 2}, {0, 1, 2} ^ nk)
print(nk & [6, 0, 14], nk | range(25, 21, -1), nk - range(5), nk ^ (1, 2, 3))
print(ni & mi, ni ^ mi, mi ^ ni, ni - {(0, 0)}, ni | {(99, 1)}, {(0, 0), (7, 1)} & ni)
print(k == {"b", "c", "d"}, k == {"b"}, {"b", "c", "d"} == k, k != {"b"}, k < {"b", "c", "d", "e"}, k <= {"b", "c", "d"}, k > {"b"}, k >= {"b", "z"})
print(k.isdisjoint({"x"}), k.isdisjoint(["b"]), it.isdisjoint({("b", 2)}), v == v, v == d.values())
print(bool({}.keys()), bool(k), {}.keys(), {}.values(), {}.items())
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    for key in k:
        del d[key]
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    for kv in d.items():
        d.pop(kv[0])
except RuntimeError as err:
    print("RuntimeError:", err)
f = dict.fromkeys(range(5), 0)
for key in f:
    f[key] = key * key
print(f, f.keys() & range(3), set(f.values()))
try:
    hash(f.keys())
except TypeError as err:
    print("TypeError:", err)
try:
    f.keys()[0]
except TypeError as err:
    print("TypeError:", err)
s = {1: "x", 2: "y"}
print(s.keys() | [3, 1], sorted(s.items() | [(9, "z")]), list(zip(s.keys(), s.values())), dict(s.items()), dict(zip(s.values(), s.keys())))
print(max(s.keys()), min(s.values()), sum(s.keys()), sorted(s.items(), key=lambda p: p[1]))
g = {(i, i): i for i in range(4)}
print(g.keys() - {(1, 1)}, {(0, 0), (9, 9)} & g.keys())
nums = {i: str(i) for i in range(20)}
print(nums.keys() - {5, 6, 7} - set(range(15, 30)))
print({**d, "new": 1}, {**nums} == nums, nums | {1: "one"}, d.get("b"), d.setdefault("q", []), d)
d |= {"b": 200}
print(d, d.pop("q"), d.popitem(), d)
