# Ints of any size and hashing meet the class machinery: int subclasses holding
# big values, __index__ beyond 64 bits, user __hash__/__eq__ keys, subclasses of
# str, list, frozenset and dict as keys and values, range indexed by them.
class N(int):
    def double(self):
        return N(self * 2)
n = N(2**100)
print(n, n + 1, n.double(), type(n.double()).__name__, n * n, -n, abs(-n), n // 3, n % 7, n >> 90, hex(n), hash(n) == hash(2**100), {n: 1}[2**100])
print(n == 2**100, n > 2**99, [1, 2, 3][N(1)], int(n), float(N(2**60)), str(n), repr(n), f"{n:,}", round(n, -29))
class I:
    def __index__(self):
        return 2**70
try:
    [1][I()]
except Exception as e:
    print(type(e).__name__, e)
print(hex(I()), bin(I())[:10], (2).__add__(2**80), int.__add__(5, 2**70), (2**70).__index__())
import operator
print(operator.index(I()), range(10)[N(3)])
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __hash__(self): return hash(self.v)
print({K(1): 'a', K(2): 'b'}[K(2)], len({K(1), K(1), K(2)}), {(2, 4), (1, 2), (0, 0)})
class E:
    def __eq__(self, o): return True
try:
    hash(E())
except TypeError as e:
    print(e)
d = {'a': 1, 'b': 2}
print(d.keys(), d.values(), d.items(), d.keys() & {'a'}, sorted(d.keys() | {'z'}))
class S(str): pass
print({S('a'): 1}['a'], S('x') in {'x'}, hash(S('q')) == hash('q'))
class L(list): pass
try:
    hash(L())
except TypeError as e:
    print(e)
class FS(frozenset): pass
print(FS({3, 1}) == frozenset({1, 3}), len(FS([1, 2, 2])))
class D(dict): pass
print(dict(D(a=1)), D({'x': 1}) == {'x': 1}, sorted(D(b=2, a=1)))
