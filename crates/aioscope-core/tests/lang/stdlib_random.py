# random: the same seed gives CPython's numbers, for every function.
import random

random.seed(42)
print([random.random() for _ in range(3)])
print(random.randint(1, 100), random.randrange(10), random.randrange(0, 100, 7))
print(random.randrange(100, 0, -3), random.randrange(-50, 50))
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(5, 50)))
print(random.choices([1, 2, 3], k=5))
print(random.choices("ab", weights=[1, 3], k=4))
print(random.choices(["x", "y", "z"], cum_weights=[1, 5, 6], k=6))
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 10))
print(random.sample(range(1000), 30))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.gauss(0, 1), random.gauss(0, 1), random.gauss(10, 2))
print(random.normalvariate(5, 2), random.expovariate(1.5))
print(random.uniform(1, 10), random.triangular(0, 10, 3), random.triangular())
print(random.betavariate(2, 3), random.gammavariate(0.5, 2), random.gammavariate(3, 1),
      random.gammavariate(1.0, 4))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.vonmisesvariate(1, 0))
print(random.paretovariate(3), random.weibullvariate(1, 2))
print(random.getrandbits(0), random.getrandbits(1), random.getrandbits(20), random.getrandbits(32),
      random.getrandbits(33), random.getrandbits(63))
print(random.randbytes(5), random.randbytes(0))

# Seeds of every kind.
for seed in [0, 1, -1, 7, -7, 2 ** 31, 2 ** 32, 2 ** 62, True, 1.5, -2.25, 0.1,
             "hello", "", "ünïcode", b"hi", b""]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(0, 10 ** 6))
random.seed(12345)
print([random.randint(1, 6) for _ in range(30)])
print([round(random.uniform(0.1, 0.5), 3) for _ in range(10)])

# Independent generators, and state round trips.
a = random.Random(5)
b = random.Random(5)
print(a.random() == b.random(), a.randint(1, 6), b.randint(1, 6))
c = random.Random("x")
print(c.random(), c.choice("xyz"))
state = a.getstate()
print(state[0], len(state[1]), state[1][-1], state[2])
first = [a.random() for _ in range(3)]
a.setstate(state)
print(first == [a.random() for _ in range(3)])
g = random.Random(9)
g.gauss(0, 1)
saved = g.getstate()
print(saved[2] is not None, g.gauss(0, 1) == (g.setstate(saved) or g.gauss(0, 1)))
for _ in range(700):
    a.random()
print(a.random(), a.getstate()[1][-1])


class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)


print([Dice(3).roll() for _ in range(3)], Dice(4).roll())

# CPython's errors.
for args in [(3, 3), (5, 3), (0,), (-2,), (1, 10, 0), (10, 1, 2), (1, 2, -1)]:
    try:
        random.randrange(*args)
    except ValueError as e:
        print("ValueError:", e)
for bad in [lambda: random.choice([]), lambda: random.choice("")]:
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
for bad in [lambda: random.sample({1, 2}, 1), lambda: random.seed([1]),
            lambda: random.choices([1, 2], 3), lambda: random.randrange(5, step=2),
            lambda: random.choices([1, 2], [1], cum_weights=[1])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
for bad in [lambda: random.sample([1, 2], 3), lambda: random.sample([1], -1),
            lambda: random.getrandbits(-1), lambda: random.choices([1, 2], [1]),
            lambda: random.choices([1, 2], [0, 0]), lambda: random.gammavariate(0, 1),
            lambda: random.sample("ab", 1, counts=[1]),
            lambda: random.setstate((9, (), None))]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    random.setstate((3, (1, 2), None))
except ValueError as e:
    print("ValueError:", e)
print(random.randint(True, 3))
