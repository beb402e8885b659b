# weakref: references die with their object (reference counting), callbacks,
# the weak containers, finalize (also at exit) and proxies; atexit.
import weakref, gc
class C: pass
c = C()
r = weakref.ref(c, lambda w: print("callback", w() is None))
print(r() is c, weakref.getweakrefcount(c))
r2 = weakref.ref(c)
print(r2 is weakref.ref(c), r == r2, r is r2)
del c
print("after del", r())
for x in [1, "s", [1], {}, (1,), set(), None]:
    try: weakref.ref(x); print(type(x).__name__, "ok")
    except TypeError as e: print(e)
d = weakref.WeakValueDictionary()
class K: pass
k = K(); d["a"] = k
print(len(d), list(d.keys()), "a" in d)
del k
print(len(d), list(d.keys()), "a" in d)
s = weakref.WeakSet(); k2 = K(); s.add(k2); print(len(s)); del k2; print(len(s))
k3 = K(); f = weakref.finalize(k3, print, "finalized", 1); print(f.alive); del k3; print(f.alive)
k4 = K(); f4 = weakref.finalize(k4, print, "at exit")
p = weakref.proxy(K())
try: p.x
except ReferenceError as e: print("ReferenceError", e)
def scope():
    tmp = K()
    weakref.finalize(tmp, print, "function local died")
    print("in scope")
scope()
print("after scope")
wk = weakref.WeakKeyDictionary()
k5 = K(); wk[k5] = 5; print(wk[k5], len(wk)); del k5; gc.collect(); print(len(wk))
import atexit
atexit.register(print, "atexit handler")
print("end")
