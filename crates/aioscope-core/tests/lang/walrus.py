# The walrus operator `:=` where CPython allows it (its SyntaxErrors are
# checked in the compiler's tests).


data = [1, 2, 3, 4, 5]
if (n := len(data)) > 3:
    print(f"List is too long ({n} elements, expected <= 3)")

# Reading in chunks until empty, the classic while-loop use.
while chunk := data[:2]:
    print("chunk", chunk)
    data = data[2:]

# In a comprehension the name is bound in the enclosing scope.
print([y for x in range(6) if (y := x * x) % 2 == 0], y)
print({(k := i): k * 2 for i in range(3)}, k)
values = [1, 2, 5]
print(any((hit := v) > 1 for v in values), hit)
print(all((last := v) < 3 for v in values), last)


def running_totals():
    total = 0
    vals = [total := total + v for v in range(5)]
    return vals, total


print(running_totals())


def outer():
    z = 0

    def inner():
        nonlocal z
        [z := 9 for _ in range(1)]

    inner()
    return z


print(outer())


def into_global():
    global g
    [g := 5 for _ in range(1)]


into_global()
print(g)

print((x := 5), x)


def default_arg(a=(b := 3)):
    return a, b


print(default_arg())
lines = ["a=1", "b", "c=3"]
for line in lines:
    if (parts := line.split("=")) and len(parts) == 2:
        print(parts[0], parts[1])
print(f"{(w := 10)}", w)
xs = [1, 2, 3]
print(xs[i := 1], i)
print({s := 1, 2}, s)
print((lambda: (q := 2))())
try:
    q
except NameError as e:
    print("the lambda's q stays local:", e)


def gen():
    yield (r := 5)
    print("r is", r)


print(list(gen()))
print(True if (t := 0) else t)
print(f"{x:=10}")  # a format spec, not a walrus
print([[(j := k) for k in range(2)] for _ in range(2)], j)


# Scoping: a comprehension's walrus binds in the enclosing function (global
# and nonlocal declarations followed), a generator's only once it runs, and
# the variable it makes is a cell of that function (unbound before: an
# UnboundLocalError, not a free variable's NameError).
def to_global():
    global gw
    [gw := i for i in range(3)]
    return gw
print(to_global(), gw)
def outer():
    x = 0
    def inner():
        nonlocal x
        [x := x + i for i in range(4)]
    inner()
    return x
print(outer())
def lazy():
    g = ((last := i) for i in range(3))
    try:
        last
    except NameError as e:
        print('NameError', e)
    list(g)
    return last
print(lazy())
def unbound():
    try:
        print(z)
    except UnboundLocalError as e:
        print(e)
    [z := 1 for _ in range(1)]
unbound()
def nested():
    [[(deep := (i, j)) for j in range(2)] for i in range(2)]
    return deep
print(nested())
res = [(y := 2 * x, y + 1) for x in range(3)]
print(res, y)
print([x for x in range(5) if (sq := x * x) > 4 and sq < 20], sq)
def inlambda():
    fs = [lambda: (w := 5) for _ in range(1)]
    return fs[0]()
print(inlambda())
async def ag():
    return [(aw := i) async for i in agen()], aw
async def agen():
    for i in range(2): yield i
import asyncio
print(asyncio.run(ag()))
def closure():
    [cv := 10 for _ in '1']
    return lambda: cv
print(closure()())
while (n := len(res)) > 1:
    res.pop()
print(n, res)
def cell_deleted():
    x = 1
    def g():
        return x
    del x
    try:
        del x
    except NameError as e:
        print(type(e).__name__, e)
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
cell_deleted()
print({(key := 'k'): 2}, key)
