# A class with a Python __init__ called from native code (map, a library's
# hook) gives the instance, not __init__'s None; id() of distinct mutable
# containers differs; str search methods honour start and end.
class Point:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"Point({self.x})"


print(list(map(Point, [1, 2])))


class Bad:
    def __init__(self, x):
        return 5


try:
    list(map(Bad, [1]))
except TypeError as e:
    print("TypeError:", e)
a, b, c = [], {}, set()
print(id(a) == id([]), id(a) == id(b), id(b) == id(c), id(a) == id(a))
s = "a\nb\nc"
print(s.count("\n", 0, 1), s.count("\n", 2), s.rfind("\n", 0, 2), s.find("\n", 2),
      s.rfind("\n", 0, 1), s.index("b", 1, 3))
print("abcabc".find("c", -2), "abc".find("", 5), "abc".find("", 3), "abc".count("", 1),
      "abc".count("", 9), "héllo".find("l", 3), "héllo".rindex("l"), "aaa".count("a", -2, None))
try:
    "abc".rindex("z")
except ValueError as e:
    print("ValueError:", e)
