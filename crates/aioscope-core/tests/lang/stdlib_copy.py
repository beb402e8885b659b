# copy: shallow and deep copies, hooks, shared and cyclic structure.
import copy
from collections import Counter, defaultdict
from dataclasses import dataclass


class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []

    def __repr__(self):
        return f"Node({self.name!r}, {self.children!r})"


a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, s, d, s is a, s[1] is a[1], d[1] is a[1])
print(copy.copy(5), copy.copy("s"), copy.copy((1, 2)), copy.deepcopy((1, 2)), copy.copy(None))
t = (1, [2])
dt = copy.deepcopy(t)
print(dt, dt is t, dt[1] is t[1], copy.deepcopy((1, 2)) == (1, 2))
tree = Node("root", [Node("a"), Node("b", [Node("c")])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
tree.children[1].children.append(Node("new"))
print(shallow, deep, shallow.children is tree.children, deep.children is tree.children)
shared = [1, 2]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp, dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[0], dc is cyc)
dd = {"x": {"y": 1}}
dd2 = copy.deepcopy(dd)
dd2["x"]["y"] = 2
print(dd, dd2, copy.copy({1, 2}), copy.deepcopy({1, 2}))


class Hooked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("copy hook")
        return Hooked(self.v + 1)

    def __deepcopy__(self, memo):
        print("deepcopy hook", type(memo).__name__)
        return Hooked(self.v + 100)


print(copy.copy(Hooked(1)).v, copy.deepcopy(Hooked(1)).v, copy.deepcopy([Hooked(2)])[0].v)


@dataclass
class Point:
    x: int
    tags: list


p = Point(1, ["a"])
p2 = copy.deepcopy(p)
p3 = copy.copy(p)
p.tags.append("b")
print(p, p2, p3, p2 == p, p3.tags is p.tags)
c = Counter("aab")
c2 = copy.copy(c)
c2["z"] = 1
print(c, c2, copy.deepcopy(c))
g = defaultdict(list, {"k": [1]})
g2 = copy.deepcopy(g)
g2["k"].append(2)
g2["new"].append(0)
print(g, g2)
