# Subclasses of built-in types: they behave as the built-in (indexing, len,
# iteration, methods, isinstance, repr, operators) plus their overrides,
# which built-in operations do not route through unless CPython does.


class Registry(dict):
    def __missing__(self, key):
        value = self[key] = f'<{key}>'
        return value

    def names(self):
        return sorted(self)


r = Registry(a=1)
r['b'] = 2
print(r['zz'], r, len(r), r.names(), 'a' in r, r.get('q'), r.get('a'))
print(isinstance(r, dict), type(r).__name__, list(r.items()), dict(r), {**r})
print(r == {'a': 1, 'b': 2, 'zz': '<zz>'}, r.pop('zz'), list(r.keys()), sorted(r.values()))


class CaseInsensitive(dict):
    def __init__(self, *args, **kwargs):
        super().__init__()
        self.update(*args, **kwargs)

    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())

    def update(self, *args, **kwargs):
        for k, v in dict(*args, **kwargs).items():
            self[k] = v


ci = CaseInsensitive({'Content-Type': 'json'}, Host='x')
ci['ACCEPT'] = '*/*'
print(ci['content-type'], ci['HOST'], 'Accept' in ci, sorted(ci), len(ci))
try:
    ci['missing']
except KeyError as e:
    print('KeyError', e)


class Stack(list):
    def push(self, item):
        self.append(item)

    def append(self, item):
        print('append', item)
        super().append(item)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
s.extend([4, 5])
s += [6]
s.insert(0, 0)
print(s, len(s), s.peek(), s[1:3], s[::-1][:2], 5 in s, isinstance(s, list), type(s).__name__)
print(sum(s), sorted(s, reverse=True)[:2], [x * 2 for x in s][:3], s.pop(), s.index(3), s.count(1))
print(s + [9], type(s + [9]).__name__, s * 0, bool(Stack()), s == [0, 1, 2, 3, 4, 5])
del s[0]
s[0] = 'one'
print(s, type(s) is Stack)


class Path(str):
    def __new__(cls, value, sep='/'):
        obj = super().__new__(cls, value.strip(sep))
        obj.sep = sep
        return obj

    @property
    def parts(self):
        return self.split(self.sep)

    def __truediv__(self, other):
        return Path(self + self.sep + other, self.sep)


p = Path('/usr/local/')
q = p / 'bin'
print(p, repr(p), q, q.parts, len(q), q.upper(), type(q).__name__, type(q.upper()).__name__)
print(p == 'usr/local', p + '!', f'{p:>12}|', p.startswith('usr'), '-'.join([p, q]), p[0], str(p))
print({p: 1}['usr/local'], isinstance(p, str), p.sep, 'loc' in p, sorted([q, p]))


class Level(int):
    names = {10: 'DEBUG', 20: 'INFO'}

    def __str__(self):
        return self.names.get(int(self), f'Level {int(self)}')

    def __repr__(self):
        return f'Level({int(self)})'


info = Level(20)
print(info, repr(info), info + 5, info > 10, info * 2, int(info), float(info), [1, 2, 3][Level(1)])
print(isinstance(info, int), info == 20, hash(info) == hash(20), f'{info:05d}', '%d' % info, abs(Level(-3)))
print(sorted([Level(30), Level(10)]), max(Level(1), Level(2)), Level(7) // 2, -info, divmod(info, 6))


class Money(float):
    def __repr__(self):
        return f'${float(self):.2f}'


m = Money(3.5)
print(m, repr(m), m + 1, round(m), m * 2, isinstance(m, float), f'{m:.1f}')


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]

    def swap(self):
        return Pair(self[1], self[0])


pr = Pair(1, 2)
x, y = pr
print(pr, pr.first, pr.swap(), x, y, len(pr), pr + (3,), pr == (1, 2), type(pr.swap()).__name__, hash(pr) == hash((1, 2)))


class Tags(set):
    def add(self, item):
        super().add(item.lower())


t = Tags(['A', 'b'])
t.add('C')
print(sorted(t), len(t), 'c' in t, sorted(t | {'z'}), isinstance(t, set))


# Exceptions with their own __init__, __str__ and attributes.
class AppError(Exception):
    """Base of the application's errors."""


class HTTPError(AppError):
    def __init__(self, status, reason='unknown'):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason

    def __str__(self):
        return f'{self.status} {self.reason}'


class RetryError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts


class Quiet(AppError):
    def __init__(self):
        super().__init__('quiet')


for exc in (HTTPError(404, 'Not Found'), RetryError(3), Quiet(), AppError('a', 'b'), HTTPError(500)):
    print(repr(exc), '|', str(exc), '|', exc.args, isinstance(exc, AppError), isinstance(exc, Exception))
try:
    raise HTTPError(503, 'Busy')
except AppError as e:
    print(type(e).__name__, e, e.status, e.__class__.__mro__[1].__name__)


class WithRepr(Exception):
    def __repr__(self):
        return 'WithRepr!'


print(repr(WithRepr(1)), str(WithRepr(1)), [WithRepr()])
