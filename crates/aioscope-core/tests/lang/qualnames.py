# __qualname__ of functions, methods, lambdas, comprehensions, generators and
# classes nested in every way (<locals> after a function, not after a
# comprehension; a global def or class keeps its bare name), and __name__.
def outer():
    def inner():
        def innermost(): pass
        return innermost
    class Local:
        def meth(self):
            def deep(): pass
            return deep
        class Nested:
            def m(self): pass
        lam = lambda self: 0
    return inner, Local
inner, Local = outer()
print(inner.__qualname__, inner().__qualname__, inner.__name__)
print(Local.__qualname__, Local.meth.__qualname__, Local().meth().__qualname__)
print(Local.Nested.__qualname__, Local.Nested.m.__qualname__, Local.lam.__qualname__, Local.lam.__name__)
class A:
    class B:
        def f(self): pass
        async def g(self): pass
    def __init__(self): pass
print(A.__qualname__, A.B.__qualname__, A.B.f.__qualname__, A.B.g.__qualname__, A.__init__.__qualname__)
print((lambda: 0).__qualname__, (lambda: 0).__name__)
print([lambda: 0 for _ in range(1)][0].__qualname__)
def inf():
    return [lambda: 0 for _ in range(1)][0], [[lambda: 1 for _ in range(1)][0] for _ in range(1)][0], (lambda: lambda: 2)(), list(x for x in [lambda: 3])[0]
print([q.__qualname__ for q in inf()])
class CQ:
    global GC
    class GC:
        def m(self): pass
    def __priv(self): pass
    def meth(self):
        global GF
        def GF(): pass
        return GF
print(GC.__qualname__, GC.m.__qualname__, CQ._CQ__priv.__qualname__, CQ().meth().__qualname__)
def gen(): yield 1
print(gen().__qualname__, gen().__name__)
async def co(): pass
c = co(); print(c.__qualname__, c.__name__); c.close()
def mk():
    return (x for x in [1])
print(mk().__qualname__, mk().__name__)
def dec(f):
    def wrapper(*a): return f(*a)
    return wrapper
@dec
def decorated(): pass
print(decorated.__qualname__)
import functools
def dec2(f):
    @functools.wraps(f)
    def wrapper(*a): return f(*a)
    return wrapper
@dec2
def decorated2(): pass
print(decorated2.__qualname__, decorated2.__name__)
def f1():
    global G
    def G(): pass
f1()
print(G.__qualname__)
class K:
    def m(self): pass
print(repr(Local.Nested))
print(Local)
def counter():
    class Loc: pass
    return Loc()
print(type(counter()).__qualname__)
print(__name__, __name__ == '__main__')
if __name__ == '__main__':
    print('main guard')
def f2(): pass
print(K.__name__, K.__qualname__)

f2 = outer
f2.__qualname__ = 'custom'
print(f2.__qualname__, f2.__name__)
