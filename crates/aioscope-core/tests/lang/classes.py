class Animal:
    kind = 'animal'

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f'{self.name} makes a sound'

    def __repr__(self):
        return f'Animal({self.name!r})'


class Dog(Animal):
    kind = 'dog'

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return super().speak() + ' (woof)'


d = Dog('Rex', 'lab')
print(d.speak(), d.kind, Animal.kind, d.breed, isinstance(d, Animal), issubclass(Dog, Animal))
print(repr(Animal('Tom')), [Animal('a')], type(d).__name__, d.__class__.__name__)


class Counter:
    def __init__(self):
        self.items = {}

    def __getitem__(self, key):
        return self.items.get(key, 0)

    def __setitem__(self, key, value):
        self.items[key] = value

    def __len__(self):
        return len(self.items)

    def __eq__(self, other):
        return isinstance(other, Counter) and self.items == other.items


c = Counter()
c['x'] += 2
c['y'] += 1
print(c['x'], c['z'], len(c), c == Counter(), bool(c))


class FetchError(Exception):
    def __init__(self, country_code):
        self.country_code = country_code


class HTTPError(Exception):
    def __init__(self, status, reason):
        super().__init__(f'{status} {reason}')
        self.status = status


try:
    try:
        raise HTTPError(404, 'Not Found')
    except HTTPError as exc:
        raise FetchError('CD') from exc
except FetchError as e:
    print(e.country_code, repr(e), e.args, repr(e.__cause__), e.__cause__.args[0], e.__cause__.status)
print(repr(ValueError('x')), str(KeyError('k')), repr(RuntimeError()), str(ValueError(1, 2)))
