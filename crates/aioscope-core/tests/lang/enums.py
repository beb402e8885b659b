# Enums as programs use them: auto(), methods and properties on members,
# IntEnum and str mixins, lookups by value and name, iteration,
# __members__, comparisons, members as dict keys, Flag.
import enum
from enum import Enum, IntEnum, auto


class State(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()

    @property
    def finished(self):
        return self is State.DONE

    def next(self):
        members = list(type(self))
        return members[min(members.index(self) + 1, len(members) - 1)]

    @classmethod
    def parse(cls, text):
        return cls[text.upper()]


print(State.PENDING, repr(State.RUNNING), State.DONE.value, State.DONE.name, State(2), State['DONE'])
print([s.name for s in State], len(State), State.PENDING.next(), State.DONE.finished, State.parse('running'))
print(State.RUNNING in State, isinstance(State.DONE, State), type(State.DONE).__name__, State.DONE is State(3))
print({State.PENDING: 'p'}[State.PENDING], State.PENDING == State.PENDING, State.PENDING != State.DONE, list(State.__members__))
print(f'{State.DONE}', f'{State.DONE.name:>8}|', str(State.RUNNING), State.DONE.value + 1)
try:
    State(9)
except ValueError as e:
    print('ValueError:', e)
try:
    State['NOPE']
except KeyError as e:
    print('KeyError:', e)
try:
    State.PENDING < State.DONE
except TypeError as e:
    print('TypeError:', e)


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, Priority.LOW == 1, sorted([Priority.HIGH, Priority.LOW]))
print(Priority(5), repr(Priority.HIGH), int(Priority.HIGH), [0] * Priority.LOW, isinstance(Priority.LOW, int), max(Priority))
print(f'{Priority.HIGH}', str(Priority.LOW), Priority.HIGH.value, Priority['LOW'], Priority.HIGH * 2)


class Color(str, Enum):
    RED = 'red'
    GREEN = 'green'

    def describe(self):
        return f'{self.value} colour'


print(Color.RED, repr(Color.GREEN), Color.RED == 'red', Color('green'), Color.RED.describe(), Color.RED.upper(), isinstance(Color.RED, str))
print({'red': 1}[Color.RED], Color.GREEN.value, [c.value for c in Color], f'{Color.RED.value}')


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)


print(Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.gravity, Planet.MERCURY.radius)


class Alias(Enum):
    ONE = 1
    UNO = 1
    TWO = 2


print(Alias.UNO is Alias.ONE, list(Alias), Alias(1).name, len(Alias))
Shape = Enum('Shape', 'CIRCLE SQUARE')
print(list(Shape), Shape.SQUARE.value)


class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), rw == Perm.W | Perm.R, Perm.R.value)


class Status(enum.StrEnum):
    OK = auto()
    FAILED = 'failed'


print(Status.OK, repr(Status.OK), Status.OK == 'ok', f'{Status.FAILED}', Status('ok') is Status.OK, Status.OK.upper())


@enum.unique
class Unique(Enum):
    A = 1
    B = 2


try:
    @enum.unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError:', e)


class Lenient(Enum):
    LOW = 'low'
    HIGH = 'high'

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None

    def __str__(self):
        return self.value.title()


print(Lenient('HIGH'), Lenient('Low').name, f'{Lenient.HIGH}', format(Lenient.LOW, '>6') + '|', repr(Lenient.LOW))
try:
    Lenient(3)
except ValueError as e:
    print('ValueError:', e)


class Coded(Enum):
    def __new__(cls, code, label):
        obj = object.__new__(cls)
        obj._value_ = code
        obj.label = label
        return obj

    NOT_FOUND = (404, 'Not Found')
    TEAPOT = (418, "I'm a teapot")


print(Coded(404), Coded.TEAPOT.value, Coded.TEAPOT.label, Coded(418).name)


class Named(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    NORTH = auto()
    SOUTH = auto()


print([m.value for m in Named], Named.SOUTH, list(Named.__members__.items())[0])


class Bits(enum.IntFlag):
    A = auto()
    B = auto()
    C = auto()


print(Bits.A | Bits.C, int(Bits.B | Bits.C), Bits.C.value, Bits.A in (Bits.A | Bits.B), [m.name for m in Bits], Bits.B + 1)
print(repr(Perm.R | Perm.X), str(~Perm.R), repr(Perm(0)), list(Perm.R | Perm.W), len(Perm.R | Perm.W))
print(repr(State), repr(Perm), type(State).__name__, isinstance(State, enum.EnumMeta), issubclass(Priority, int))
try:
    State.DONE = 3
except AttributeError as e:
    print('AttributeError:', e)
State.extra = 'allowed'
print(State.extra, State.DONE in State, sorted(State, key=lambda s: -s.value)[0])
try:
    1 in State
except TypeError as e:
    print('TypeError:', e)
