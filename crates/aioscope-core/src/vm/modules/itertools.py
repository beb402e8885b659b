# itertools for the aioscope interpreter: every iterator of CPython 3.11's
# module, lazy, producing CPython's orders, reprs (count, repeat) and
# argument errors.

_MARK = object()


def _check_int(value, message):
    if not isinstance(value, int) or value < 0:
        raise ValueError(message)


class count:
    """start, start + step, start + 2 * step, ..."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)) and not hasattr(v, "__add__"):
                raise TypeError('a number is required')
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1 and not isinstance(self._step, bool):
            return 'count(%r)' % (self._next,)
        return 'count(%r, %r)' % (self._next, self._step)


class repeat:
    """object, object, ... (times times, or forever)."""

    def __init__(self, *args, **kwargs):
        if 'object' in kwargs:
            args = (kwargs.pop('object'),) + args
        if 'times' in kwargs:
            args = args + (kwargs.pop('times'),)
        if not args:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        self._object = args[0]
        self._times = args[1] if len(args) > 1 else None
        if self._times is not None and self._times < 0:
            self._times = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        return 0 if self._times is None else self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._object,)
        return 'repeat(%r, %d)' % (self._object, self._times)


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


class chain:
    """The items of each iterable in turn."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._sources))
            try:
                return next(self._active)
            except StopIteration:
                self._active = None

    def from_iterable(iterables):
        c = chain()
        c._sources = iter(iterables)
        return c


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


class groupby:
    """(key, group) for each run of consecutive items with equal keys; a
    group stops being readable once the next one is taken."""

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._target = self._current_key = self._current = _MARK
        self._token = object()

    def __iter__(self):
        return self

    def _key(self, value):
        return value if self._keyfunc is None else self._keyfunc(value)

    def __next__(self):
        self._token = object()
        while self._current_key is _MARK or (self._target is not _MARK
                                             and self._current_key == self._target):
            self._current = next(self._it)
            self._current_key = self._key(self._current)
        self._target = self._current_key
        return (self._current_key, self._group(self._target, self._token))

    def _group(self, target, token):
        while self._token is token and self._current_key == target:
            yield self._current
            try:
                self._current = next(self._it)
            except StopIteration:
                self._current_key = _MARK
                self._target = _MARK
                self._it = iter(())
                return
            self._current_key = self._key(self._current)


def _islice_arg(value, what, allow_zero=True):
    if value is None:
        return None
    if not isinstance(value, int) or value < 0:
        if what == 'Step':
            raise ValueError('Step for islice() must be a positive integer or None.')
        raise ValueError(what + ' argument for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.')
    return value


def islice(iterable, *args):
    if len(args) == 0:
        raise TypeError('islice expected at least 2 arguments, got 1')
    if len(args) > 3:
        raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
    if len(args) == 1:
        start, stop, step = 0, _islice_arg(args[0], 'Stop'), 1
    else:
        start = _islice_arg(args[0], 'Indices') or 0
        stop = _islice_arg(args[1], 'Stop')
        step = 1
        if len(args) == 3:
            step = _islice_arg(args[2], 'Step')
            if step is None:
                step = 1
            elif step == 0:
                raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    nexti = start
    i = 0
    while stop is None or nexti < stop:
        while i < nexti:
            try:
                next(it)
            except StopIteration:
                return
            i += 1
        try:
            value = next(it)
        except StopIteration:
            return
        i += 1
        yield value
        nexti += step
    # CPython consumes up to stop even when the last item is skipped.
    while i < stop:
        try:
            next(it)
        except StopIteration:
            return
        i += 1


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


class _TeeSource:
    def __init__(self, iterable):
        self.it = iter(iterable)
        self.queues = []


def _tee_branch(source, queue):
    while True:
        if not queue:
            try:
                value = next(source.it)
            except StopIteration:
                return
            for q in source.queues:
                q.append(value)
        yield queue.pop(0)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    source = _TeeSource(iterable)
    branches = []
    for _ in range(n):
        queue = []
        source.queues.append(queue)
        branches.append(_tee_branch(source, queue))
    return tuple(branches)


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    _check_int(r, 'r must be non-negative')
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, *args, **kwargs):
    if 'r' in kwargs:
        args = args + (kwargs.pop('r'),)
    if not args:
        raise TypeError("combinations() missing required argument 'r' (pos 2)")
    r = args[0]
    pool = tuple(iterable)
    _check_int(r, 'r must be non-negative')
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, *args, **kwargs):
    if 'r' in kwargs:
        args = args + (kwargs.pop('r'),)
    if not args:
        raise TypeError("combinations_with_replacement() missing required argument 'r' (pos 2)")
    r = args[0]
    pool = tuple(iterable)
    _check_int(r, 'r must be non-negative')
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
