import collections
x = [1]; x.append(x); print(x, str(x), [x])
d = {}; d['d'] = d; d['l'] = [d]; print(d)
class C:
    def __init__(self): self.s = None
    def __repr__(self): return 'C(%r)' % (self.s,)
    def __hash__(self): return 1
c = C(); s = {c}; c.s = s; print(s)
fs = frozenset([c]); c.s = fs; print(fs)
dq = collections.deque([1]); dq.append(dq); print(dq)
class L(list): pass
l = L([1]); l.append(l); print(l)
class D(dict): pass
dd = D(); dd[1] = dd; print(dd)
t = ([],); t[0].append(t); print(t)
print(d.keys(), d.values(), d.items())
x = []; x.append(x)
print(x == x)
