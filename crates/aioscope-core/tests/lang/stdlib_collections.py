# collections: Counter, defaultdict, OrderedDict, ChainMap, deque.
from collections import Counter, OrderedDict, defaultdict, ChainMap, deque

c = Counter("abracadabra")
print(c, c.most_common(2), c.most_common(0), list(c.elements())[:6], c.total(), len(c))
print(c["a"], c["zz"], "zz" in c, sorted(c), c.most_common()[-1])
d = Counter(a=3, b=1)
e = Counter(a=1, b=2, c=5)
print(d + e, d - e, d | e, d & e, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
d.subtract(e)
print(d, repr(Counter()), Counter({"x": 2}) == {"x": 2}, Counter(a=1) == Counter(a=1, b=0))
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(3), wc)
wc.update(["cat", "cat"])
wc.update({"hat": 5})
wc["new"] += 1
del wc["bat"]
del wc["missing"]
print(wc, wc.most_common(1))
f = Counter(a=2)
f += Counter(a=-3, b=1)
print(f, Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=1))
ties = Counter()
for w in ["b", "a", "c", "a", "b", "c", "d"]:
    ties[w] += 1
print(ties.most_common(), ties.copy(), dict(ties), list(ties.items()))

dd = defaultdict(list)
for k, v in [("x", 1), ("y", 2), ("x", 3)]:
    dd[k].append(v)
print(dd, dd["x"], dd["none"], len(dd), dict(dd), sorted(dd.items()))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, counts.get("q"), "q" in counts, defaultdict(None, {1: 2}), defaultdict(int, a=1))
try:
    defaultdict()[1]
except KeyError as err:
    print("KeyError:", err)
try:
    defaultdict(5)
except TypeError as err:
    print("TypeError:", err)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 2
print(dict(nested["a"]), counts.setdefault("z", 9), counts.pop("z"))

o = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
o.move_to_end("a")
print(o)
o.move_to_end("c", last=False)
print(o, o.popitem(), o.popitem(last=False), o, OrderedDict())
o["k"] = 0
print(list(o), list(reversed(OrderedDict(x=1, y=2))), OrderedDict.fromkeys("ab", 0))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
for bad in [lambda: OrderedDict().popitem(), lambda: OrderedDict().move_to_end("x")]:
    try:
        bad()
    except KeyError as err:
        print("KeyError:", err)

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm, cm["a"], cm["b"], len(cm), list(cm), cm.get("z", 0), "b" in cm)
child = cm.new_child({"z": 0})
child["a"] = 10
print(child, cm.parents, child.maps[0])
try:
    ChainMap({}, {"a": 1}).pop("a")
except KeyError as err:
    print("KeyError:", err)
try:
    cm["missing"]
except KeyError as err:
    print("KeyError:", err)

q = deque([1, 2, 3], maxlen=3)
q.append(4)
q.appendleft(0)
print(q, len(q), q[0], q[-1], list(q), 2 in q)
r = deque()
r.extend("abc")
print(r.pop(), r.popleft(), r, bool(r), bool(deque()))
