# A class that defines __eq__ without __hash__ is unhashable; the rule is
# type's, applied when the class is created.


class P:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, P) and other.x == self.x


print(P.__hash__, '__hash__' in P.__dict__)
try:
    hash(P(1))
except TypeError as e:
    print(e)


class Sub(P):
    pass


print(Sub.__hash__, '__hash__' in Sub.__dict__)
try:
    hash(Sub(1))
except TypeError as e:
    print(e)


class Restored(P):
    __hash__ = object.__hash__


print(Restored.__hash__ is object.__hash__, isinstance(hash(Restored(1)), int))


class Both:
    def __eq__(self, other):
        return True

    def __hash__(self):
        return 7


print(hash(Both()), Both() == 1)


class OnlyHash:
    def __hash__(self):
        return 3


print(hash(OnlyHash()), OnlyHash.__eq__ is object.__eq__)

Made = type('Made', (), {'__eq__': lambda self, other: False})
print(Made.__hash__)


class NotEq:
    def __ne__(self, other):
        return False


print(NotEq.__hash__ is object.__hash__)
