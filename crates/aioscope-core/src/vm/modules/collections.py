# collections for the aioscope interpreter. namedtuple is native (its
# instances are real tuples); the rest is plain Python.
from _collections import namedtuple, deque


class Counter:
    """A dict of counts where missing keys count 0."""

    def __init__(self, iterable=None, **kwds):
        self._data = {}
        if iterable is not None:
            self.update(iterable)
        if kwds:
            self.update(kwds)

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict) or isinstance(iterable, Counter):
                for key, count in iterable.items():
                    self._data[key] = self._data.get(key, 0) + count
            else:
                for key in iterable:
                    self._data[key] = self._data.get(key, 0) + 1
        for key, count in kwds.items():
            self._data[key] = self._data.get(key, 0) + count

    def __getitem__(self, key):
        return self._data.get(key, 0)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def __eq__(self, other):
        if isinstance(other, Counter):
            return self._data == other._data
        return self._data == other

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        pairs = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return pairs
        return pairs[:n]

    def __repr__(self):
        if not self._data:
            return 'Counter()'
        pairs = self.most_common()
        return 'Counter({' + ', '.join([repr(k) + ': ' + repr(v) for k, v in pairs]) + '})'


class defaultdict:
    """A dict that builds missing values with default_factory()."""

    def __init__(self, default_factory=None, *args):
        self.default_factory = default_factory
        self._data = dict(*args)

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __repr__(self):
        return 'defaultdict(' + repr(self.default_factory) + ', ' + repr(self._data) + ')'


OrderedDict = dict
