from collections import Counter, defaultdict, OrderedDict, UserDict, UserList, UserString, ChainMap
from collections.abc import MutableMapping, Mapping
import json
c = Counter("abracadabra")
print(c, isinstance(c, dict), json.dumps(c), dict(c), c + Counter("ab"), sorted(c.elements())[:4])
d = defaultdict(int); d["x"] += 1
print(d, isinstance(d, dict), json.dumps(d), {**d}, d == {"x": 1}, list(d.items()))
dl = defaultdict(lambda: "n/a")
print(dl["q"], len(dl), type(dl).__name__, defaultdict(list, a=[1]))
od = OrderedDict(a=1, b=2); od.move_to_end("a")
print(od, isinstance(od, dict))
print(od.popitem(last=False), od)
print(json.dumps({"c": Counter("aa")}), str(c), f"{d}", [*c], max(c, key=c.get))
print(c.most_common(1), c.total(), Counter(a=3) - Counter(a=1), c["zz"], "zz" in c)
m = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(m["a"], m["b"], len(m), dict(m), m, m.new_child({"z": 0}), m.parents, list(m.keys()), m.get("q", 5))
print(Counter(a=1) == {"a": 1}, {"a": 1} == Counter(a=1), Counter(a=1, b=0) == Counter(a=1), Counter("ab") != Counter("ba"))
wc = Counter()
for w in "the cat the dog the end".split():
    wc[w] += 1
print(wc, wc.most_common(2), sorted(wc), len(wc))
del wc["nothing"]
wc.update({"cat": 5}); wc.subtract(["the"])
print(wc, +wc, -Counter(a=-2), Counter(a=2) | Counter(a=3, b=1), Counter(a=2) & Counter(a=1))
class StrKeyDict(UserDict):
    def __missing__(self, key):
        if isinstance(key, str):
            raise KeyError(key)
        return self[str(key)]
    def __contains__(self, key):
        return str(key) in self.data
    def __setitem__(self, key, item):
        self.data[str(key)] = item
sd = StrKeyDict([(2, 'two'), ('4', 'four')])
print(sorted(sd.keys()), sd[4], sd.get(4), sd.get(1, "N/A"), 2 in sd, sd, vars(sd))
try:
    sd[1]
except KeyError as e:
    print("KeyError", e)
sd.update({6: 'six'}); sd.update([(10, 'ten')])
print(sorted(sd.keys()), isinstance(sd, MutableMapping), isinstance(sd, dict))
try:
    sd.update([1, 3, 5])
except TypeError as e:
    print(e)
class LRU(OrderedDict):
    def __init__(self, cap): super().__init__(); self.cap = cap
    def __getitem__(self, k):
        v = super().__getitem__(k); self.move_to_end(k); return v
    def __setitem__(self, k, v):
        super().__setitem__(k, v); self.move_to_end(k)
        if len(self) > self.cap: self.popitem(last=False)
lru = LRU(2); lru["a"] = 1; lru["b"] = 2; lru["a"]; lru["c"] = 3
print(lru, list(reversed(lru)), OrderedDict.fromkeys("xy", 0), OrderedDict(a=1) == OrderedDict(a=1), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
ul = UserList([3, 1, 2]); ul.append(0); ul.sort()
print(ul, ul[1:], type(ul[1:]).__name__, ul + [9], len(ul), 2 in ul, ul == [0, 1, 2, 3])
us = UserString("hello")
print(us.upper(), type(us.upper()).__name__, us[1:3], us + "!", us.split("l"), us.startswith("he"), len(us), "ell" in us)
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd.default_factory, dd.copy(), sorted(dd.items()), defaultdict(None), defaultdict())
try:
    defaultdict(None)["q"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(5)
except TypeError as e:
    print(e)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"])
print(type(Counter()).__mro__, isinstance(Counter(), Mapping), issubclass(defaultdict, dict), OrderedDict.__mro__)
import copy
cc = copy.copy(Counter("aab")); cd = copy.deepcopy(defaultdict(list, a=[1]))
print(cc, type(cc).__name__, cd, type(cd).__name__, cd.default_factory)
print(sorted(Counter("hello world").items()), Counter("aab").most_common(-1), Counter("ab").most_common(0))
