# inspect (predicates, signatures and binding, the source of the program's own
# functions and classes) and types (the built-in types, SimpleNamespace).
import inspect, types, functools, sys
def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass
s = inspect.signature(f)
print(s, repr(s), s.parameters)
p = s.parameters["b"]
print(repr(p), str(p), p.kind, repr(p.kind), p.default, p.name, repr(p.annotation), p.kind.name, p.kind.description)
print(inspect.Parameter.empty, inspect.signature(lambda: 0), inspect.signature(lambda x, *, y: 0))
class C:
    def __init__(self, x, y=2): pass
    def m(self, z): pass
print(inspect.signature(C), inspect.signature(C(1).m), inspect.signature(C.m))
print(inspect.signature(functools.partial(f, 1)))
try: inspect.signature(1)
except Exception as e: print(type(e).__name__, e)
b = s.bind(1, 2, 3, 4, d=5, z=6)
print(b, b.arguments, b.args, b.kwargs)
b.apply_defaults(); print(b)
for args, kw in [((), {}), ((1,), {'d': 1, 'b': 3}), ((1, 2, 3), {'c': 4, 'd': 1}), ((1,), {'d': 2, 'q': 3})]:
    try: print(s.bind(*args, **kw))
    except Exception as e: print(type(e).__name__, e)
def g2(a, b): pass
for args, kw in [((1, 2, 3), {}), ((1,), {'c': 3})]:
    try: print(inspect.signature(g2).bind(*args, **kw))
    except Exception as e: print(type(e).__name__, e)
async def co(): pass
async def ag(): yield 1
def gen(): yield 1
print(inspect.iscoroutinefunction(co), inspect.iscoroutinefunction(functools.partial(co)), inspect.iscoroutinefunction(C.m), inspect.isfunction(C(1).m), inspect.ismethod(C(1).m), inspect.isclass(C), inspect.isbuiltin(len), inspect.isroutine(len))
print(inspect.isasyncgenfunction(ag), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(co), inspect.iscoroutinefunction(gen))
c = co(); print(inspect.iscoroutine(c), inspect.isawaitable(c), isinstance(c, types.CoroutineType)); c.close()
g = gen(); print(inspect.isgenerator(g), isinstance(g, types.GeneratorType), inspect.isawaitable(g))
a = ag(); print(inspect.isasyncgen(a), isinstance(a, types.AsyncGeneratorType))
print(inspect.getdoc(f), inspect.cleandoc("  a\n    b\n  c"))
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(C(1).m, types.MethodType), isinstance(sys, types.ModuleType))
ns = types.SimpleNamespace(a=1, b='x')
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[1]))
m = types.ModuleType('mymod')
print(m.__name__)

@functools.lru_cache if False else (lambda fn: fn)
def decorated(x):
    """Doc."""
    return (x +
            1)

print(inspect.getsource(decorated), end='')
print(inspect.getsource(C), end='')
print(inspect.getsource(C.m), end='')
lam = lambda q: q * 2
print(inspect.getsource(lam), end='')
print(inspect.getsourcelines(g2))
class Outer:
    class Inner:
        x = 1
    def meth(self): return 1
print(inspect.getsource(Outer.Inner), end='')
