# Properties, class and static methods, and descriptors as programs write
# them: validation in setters, computed attributes, alternate constructors,
# typed fields with __set_name__, caching non-data descriptors.


class Account:
    interest = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        """The balance, in cents."""
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError(f'negative balance: {value}')
        self._balance = value

    @balance.deleter
    def balance(self):
        print('closing account of', self.owner)
        del self._balance

    @property
    def rich(self):
        return self._balance > 1000

    @classmethod
    def empty(cls, owner):
        return cls(owner)

    @staticmethod
    def cents(amount):
        return round(amount * 100)

    def __repr__(self):
        return f'{type(self).__name__}({self.owner!r}, {self._balance})'


a = Account('ann', 500)
print(a.balance, a.rich, Account.cents(1.5), a.cents(2), Account.empty('bob'))
a.balance = 2000
print(a.balance, a.rich, a)
try:
    a.balance = -1
except ValueError as e:
    print('ValueError:', e)
for stmt in ('rich', 'missing'):
    try:
        setattr(a, stmt, True)
        print('set', stmt, getattr(a, stmt))
    except AttributeError as e:
        print('AttributeError:', e)
try:
    del a.rich
except AttributeError as e:
    print('AttributeError:', e)
del a.balance
try:
    a.balance
except AttributeError as e:
    print('AttributeError:', e)
print(Account.balance.__doc__, type(Account.balance).__name__, Account.balance.fset.__name__)
print(Account.balance.fget is not None, Account.rich.fset, isinstance(Account.rich, property))


class Savings(Account):
    interest = 0.05

    @classmethod
    def empty(cls, owner):
        acct = super().empty(owner)
        acct.kind = 'savings'
        return acct

    @Account.balance.setter
    def balance(self, value):
        print('savings setter', value)
        Account.balance.fset(self, value)


s = Savings.empty('cy')
print(s, s.kind, type(s).__name__, Savings.empty.__self__ is Savings, Savings.cents(0.5))
s.balance = 10
print(s.balance)
print(type(Savings.__dict__['empty']).__name__, type(Account.__dict__['cents']).__name__)
print(Account.__dict__['cents'].__func__(3), Account.__dict__['empty'].__func__(Account, 'x'))


# A property made without decorators, and one without a getter.
class Point:
    def __init__(self, x, y):
        self._x, self._y = x, y

    def get_x(self):
        return self._x

    def set_x(self, v):
        self._x = v

    x = property(get_x, set_x, doc='the x coordinate')
    y = property(lambda self: self._y)
    secret = property(None, lambda self, v: print('set secret', v))


p = Point(1, 2)
p.x = 10
p.secret = 's'
print(p.x, p.y, Point.x.__doc__)
try:
    p.secret
except AttributeError as e:
    print('AttributeError:', e)
try:
    p.y = 3
except AttributeError as e:
    print('AttributeError:', e)


# Descriptors: typed fields that know their name, a data descriptor that
# wins over the instance dict, a non-data descriptor that the instance dict
# shadows (a cached value).
class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, f'<unset {self.name}>')

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f'{self.name} must be {self.kind.__name__}, not {type(value).__name__}')
        obj.__dict__[self.name] = value

    def __delete__(self, obj):
        print('delete', self.name)
        obj.__dict__.pop(self.name, None)


class Cached:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class Job:
    name = Typed(str)
    retries = Typed(int)

    def __init__(self, name, retries):
        self.name = name
        self.retries = retries

    @Cached
    def expensive(self):
        print('computing...')
        return len(self.name) * 10


j = Job('fetch', 3)
print(j.name, j.retries, j.__dict__, Job.name.owner, Job.retries.name)
try:
    j.retries = 'many'
except TypeError as e:
    print('TypeError:', e)
j.__dict__['name'] = 'direct'
print(j.name)
del j.retries
print(j.retries, j.expensive, j.expensive, 'expensive' in j.__dict__)
print(type(Job.name).__name__, type(Job.expensive).__name__)


# __get__ called directly, staticmethod called from the class dict.
class Util:
    @staticmethod
    def double(x):
        return 2 * x

    @classmethod
    def name(cls):
        return cls.__name__


print(Util.__dict__['double'](4), Util.__dict__['name'].__get__(None, Util)(), Util().name())
print(Util.double.__name__, Util.name.__name__, Util.name.__func__.__name__)
bound = Account.balance.__get__(Account('z', 7))
print(bound)


# A property in a subclass that extends the base's through super().
class Base:
    @property
    def label(self):
        return 'base'


class Derived(Base):
    @property
    def label(self):
        return super().label + '+derived'


print(Derived().label, Base().label)
