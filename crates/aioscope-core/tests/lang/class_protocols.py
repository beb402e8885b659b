class Base:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x
class Child(Base):
    @Base.v.setter
    def v(self, x): self._v = x * 10
c = Child(); c.v = 2; print(c.v)

class Vec:
    def __init__(self, *xs): self.xs = list(xs)
    def __len__(self): return len(self.xs)
    def __getitem__(self, i):
        if isinstance(i, slice): return Vec(*self.xs[i])
        return self.xs[i]
    def __iter__(self): yield from self.xs
    def __contains__(self, x): return x in self.xs
    def __iadd__(self, o): self.xs += o.xs; return self
    def __neg__(self): return Vec(*(-x for x in self.xs))
    def __abs__(self): return sum(abs(x) for x in self.xs)
    def __bool__(self): return any(self.xs)
    def __repr__(self): return f"Vec{tuple(self.xs)}"
    def __format__(self, spec): return "<" + ",".join(format(x, spec) for x in self.xs) + ">"
    def __call__(self, k): return [x * k for x in self.xs]
    def __index__(self): return len(self.xs)
    def __round__(self, n=None): return Vec(*(round(x, n) for x in self.xs))
    def __lt__(self, o): return abs(self) < abs(o)
v = Vec(1, -2, 3)
w = v
v += Vec(4)
print(v, w is v, len(v), v[1], v[1:3], 2 in v, list(v), -v, abs(v), bool(Vec(0)), f"{v:>3}", v(2))
print([10, 20, 30, 40, 50][Vec(1, 2)], round(Vec(1.26, 2.5), 1), Vec(1) > Vec(5), sorted([Vec(3), Vec(1)]))
print(hex(Vec(1, 2, 3)), bin(Vec(1)))

class Suppress:
    def __enter__(self): print("in"); return "token"
    def __exit__(self, et, ev, tb):
        print("out", et.__name__ if et else None, ev)
        return et is ValueError
with Suppress() as t:
    print(t)
    raise ValueError("boom")
print("after")

class M(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw
class X(metaclass=M, flag=True):
    pass
print(X.injected, X.made_by, X.kw, type(X).__name__)

class Outer:
    class Inner:
        pass
    def make(self):
        class Local: pass
        return Local()
print(Outer.Inner.__qualname__, repr(Outer.Inner).split(" at")[0], Outer().make().__class__.__qualname__)

class A:
    def who(self): return "A"
    @classmethod
    def cm(cls): return f"A.cm({cls.__name__})"
class B(A):
    def who(self): return "B>" + super().who()
    @classmethod
    def cm(cls): return "B>" + super().cm()
    @staticmethod
    def sm(): return super(B, B).cm()
print(B().who(), B.cm(), B.sm())

class Temp:
    def __init__(self, c): self.c = c
    def __eq__(self, o):
        if not isinstance(o, Temp): return NotImplemented
        return self.c == o.c
print(Temp(1) == Temp(1), Temp(1) != Temp(2), Temp(1) == 1, Temp(1) != 1)

class Acc:
    count = 0
    def __init__(self):
        Acc.count += 1
        type(self).count += 0
a1, a2 = Acc(), Acc()
print(Acc.count, a1.count)

class Desc:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, owner=None):
        if obj is None: return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, val):
        if val < 0: raise ValueError(f"{self.name[1:]} must be >= 0")
        setattr(obj, self.name, val)
class Item:
    qty = Desc()
    price = Desc()
it = Item(); print(it.qty); it.qty = 3; print(it.qty, vars(it))
try:
    it.price = -1
except ValueError as e:
    print(e)

class Dyn:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
d = Dyn(); print(d.get_x(), hasattr(d, "y"), getattr(d, "z", "dflt"))
class Track:
    def __setattr__(self, k, v):
        print("set", k, v)
        super().__setattr__(k, v)
    def __delattr__(self, k):
        print("del", k)
        object.__delattr__(self, k)
tr = Track(); tr.a = 1; del tr.a; print(hasattr(tr, "a"))
try:
    del tr.b
except AttributeError as e:
    print(e)

import abc
class Reg:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
try:
    class Bad(Reg, unknown=1): pass
except TypeError as e:
    print(e)
try:
    class Bad2(unknown=1): pass
except TypeError as e:
    print(e)

class MyList(list): pass
print(MyList[int], list[int], dict[str, list[int]])
ml = MyList([3, 1, 2]); ml.sort(); print(ml, type(ml).__name__, isinstance(ml, list), ml + [4], type(ml + [4]).__name__)

class Shape(abc.ABC):
    @property
    @abc.abstractmethod
    def area(self): ...
    @staticmethod
    @abc.abstractmethod
    def kind(): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    @property
    def area(self): return self.s ** 2
    @staticmethod
    def kind(): return "square"
try:
    Shape()
except TypeError as e:
    print(e)
print(Sq(3).area, Sq.kind(), sorted(Shape.__abstractmethods__))

class S1:
    __slots__ = ("a",)
class S2(S1):
    __slots__ = ("b",)
class S3(S2):
    pass
s = S3(); s.a = 1; s.b = 2; s.c = 3
print(s.a, s.b, s.c, S2.__slots__, hasattr(S2(), "__dict__"), hasattr(s, "__dict__"))
try:
    S2().c = 1
except AttributeError as e:
    print(e)
try:
    print(S1().a)
except AttributeError as e:
    print(e)

class Ret:
    def __init__(self): return 5
try:
    Ret()
except TypeError as e:
    print(e)
try:
    object.__new__(Ret, 1)
except TypeError as e:
    print(e)
class NoInit: pass
try:
    NoInit(1)
except TypeError as e:
    print(e)

class E1(Exception): pass
try:
    raise E1
except E1 as e:
    print(repr(e), e.args, str(e) == "")
class E2(Exception):
    def __init__(self, msg="default msg"):
        super().__init__(msg)
try:
    raise E2
except E2 as e:
    print(repr(e), e)
e = E2("x"); e.add_note("note1"); print(e.__notes__)

class Node:
    def __init__(self, v, nxt=None): self.v, self.nxt = v, nxt
    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt
    def __repr__(self): return f"Node({self.v})"
print(list(Node(1, Node(2, Node(3)))), max(Node(5, Node(9))), sum(Node(1, Node(2))))
print(type(Node), type(type), Node.__class__, isinstance(Node, type), callable(Node))
print(Node.__name__, Node.__module__, Node.__dict__["__repr__"].__name__, Node.__init__.__qualname__)
