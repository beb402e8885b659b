# match statements: every kind of pattern, as the tutorial (PEP 636) and
# the reference write them, and CPython's runtime errors.
from collections import Counter, defaultdict, deque, namedtuple
from dataclasses import dataclass
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


@dataclass
class Point:
    x: int
    y: int


Pair = namedtuple("Pair", "left right")


class Click:
    __match_args__ = ("position", "button")

    def __init__(self, position, button):
        self.position = position
        self.button = button

    def __repr__(self):
        return f"Click({self.position}, {self.button!r})"


def describe(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1:
            return f"small int {v}"
        case -5:
            return "minus five"
        case 2.5:
            return "two and a half"
        case "hello" | "hi":
            return "greeting"
        case Color.RED:
            return "red"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, 0) if x > 0:
            return f"on the positive x axis at {x}"
        case Point(x=px, y=py):
            return f"point {px},{py}"
        case Pair(l, r):
            return f"pair {l} {r}"
        case Click((x, y), button="left"):
            return f"left click at {x},{y}"
        case Click(position=pos, button=b):
            return f"{b} click at {pos}"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [1, *rest]:
            return f"starts with 1, then {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case {"action": "move", "to": (x, y)}:
            return f"move to {x},{y}"
        case {"action": action, **others}:
            return f"action {action}, others {others}"
        case {}:
            return "some other mapping"
        case str() as s:
            return f"string {s!r}"
        case bool(b) | int(b) | float(b):
            return f"number {b}"
        case _:
            return "something else"


values = [
    None, True, 0, 1, -5, 2.5, "hello", "hi", Color.RED, Color.GREEN,
    Point(0, 0), Point(0, 3), Point(4, 0), Point(-4, 0), Point(1, 2),
    Pair(1, 2), Click((3, 4), "left"), Click((5, 6), "right"),
    [], [7], (7,), [1, 2, 3], [5, 6, 7], (5, 6, 7), range(3), deque([8, 9]),
    {"action": "move", "to": (1, 2)}, {"action": "jump", "height": 3},
    {"x": 1}, Counter("aab"), defaultdict(int), "word", 42, 3.5, False,
    b"bytes", object,
]
for v in values:
    print(repr(v)[:40], "->", describe(v))

# Subjects of any kind; a tuple subject; an open sequence pattern.
for command in ["go north", "look", "drop sword shield", "quit"]:
    match command.split():
        case [action]:
            print("one word:", action)
        case [("go" | "move") as verb, direction]:
            print("going", direction, "with", verb)
        case ["drop", *objects]:
            print("dropping", objects)

match 3, "x":
    case n, str() as s:
        print("tuple subject", n, s)
match (1, 2):
    case (1, 2) | (2, 1) as pair:
        print("or with as", pair)


def http_error(status):
    match status:
        case 400:
            return "Bad request"
        case 404:
            return "Not found"
        case 401 | 403:
            return "Not allowed"
        case _:
            return "Something's wrong with the internet"


print(http_error(404), http_error(403), http_error(500))

# Alternatives binding the same names in different orders.
for item in [(1, "a"), ("b", 2), [[1, 2], 3]]:
    match item:
        case (int(n), str(s)) | (str(s), int(n)):
            print("number", n, "string", s)
        case [[a, b] | (b, a), c]:
            print("nested or", a, b, c)

# No case matches: nothing runs; captures bind the enclosing scope.
match 5:
    case 1:
        print("not here")
print("after a match that matched nothing")
x = 99
match 3:
    case x:
        pass
print("x is now", x)
match [1, 2]:
    case [a, b] if a > b:
        print("not here")
    case [a, b]:
        print("the guard failed, then", a, b)

# Value patterns read dotted names; a bare name always captures.
RED = "not a value pattern"
match Color.GREEN:
    case Color.RED:
        print("not here")
    case Color.GREEN:
        print("green by value")

# Strings and bytes are not sequences; mappings match on keys alone.
match "ab":
    case [a, b]:
        print("not here")
    case str(s):
        print("a string is not a sequence:", s)
match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **rest}:
        print("rest", rest)
match defaultdict(list, {"k": 1}):
    case {"missing": _}:
        print("not here")
    case {"k": v}:
        print("defaultdict key", v)

print(Point.__match_args__, Pair.__match_args__)


# Runtime errors CPython raises for class patterns.
class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


class NotStrings:
    __match_args__ = (1,)


def attempt(label, value, f):
    try:
        print(label, f(value))
    except TypeError as e:
        print(label, "TypeError:", e)


def too_many(v):
    match v:
        case Point(a, b, c):
            return "three"


def int_two(v):
    match v:
        case int(a, b):
            return "two"


def no_match_args(v):
    match v:
        case NoArgs(a):
            return "one"


def not_a_tuple(v):
    match v:
        case BadArgs(a):
            return "one"


def not_strings(v):
    match v:
        case NotStrings(a):
            return "one"


def twice(v):
    match v:
        case Point(a, x=b):
            return a, b


NotAClass = "x"


def not_a_class(v):
    match v:
        case NotAClass():
            return "matched"


attempt("too many:", Point(1, 2), too_many)
attempt("not an instance, no check:", 1, too_many)
attempt("int(a, b):", 1, int_two)
attempt("no __match_args__:", NoArgs(), no_match_args)
attempt("a list:", BadArgs(), not_a_tuple)
attempt("not strings:", NotStrings(), not_strings)
attempt("attribute twice:", Point(1, 2), twice)
attempt("not a class:", 1, not_a_class)
