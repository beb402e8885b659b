# statistics for the aioscope interpreter. CPython computes means and
# variances with exact fractions; here data of ints is exact the same way
# (with int results where CPython gives them) and float data goes through
# fsum, which gives CPython's results on ordinary data (the last bit can
# differ in rare cases until arbitrary-size ints land). Medians, modes and
# quantiles use CPython's formulas exactly.
from math import fsum as _fsum, sqrt as _sqrt, exp as _exp, log as _log
from collections import Counter as _Counter

__all__ = ['NormalDist', 'StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean',
           'mean', 'median', 'median_grouped', 'median_high', 'median_low', 'mode',
           'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance']


class StatisticsError(ValueError):
    pass


def _all_ints(data):
    for x in data:
        if not isinstance(x, int):
            return False
    return True


def _int_ratio(num, den):
    """num / den as CPython converts an exact fraction of ints: an int
    when whole, else the nearest float."""
    if num % den == 0:
        return num // den
    return num / den


def _two_prod(a, b):
    """a * b exactly, as hi + lo (Dekker's product)."""
    p = a * b
    f = 134217729.0
    t = f * a
    ah = t - (t - a)
    al = a - ah
    t = f * b
    bh = t - (t - b)
    bl = b - bh
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _fdiv(data, n):
    """The exact sum of the floats divided by n, rounded once (CPython
    divides the exact fraction)."""
    hi = _fsum(data)
    if hi != hi or hi in (float('inf'), -float('inf')):
        return hi / n
    lo = _fsum(list(data) + [-hi])
    q = hi / n
    p, e = _two_prod(q, float(n))
    r = _fsum([hi, -p, -e, lo])
    return q + r / n


def _sqrt_frac(num, den):
    """sqrt(num / den) for ints, corrected towards the correctly rounded
    value CPython computes from the exact fraction."""
    s = _sqrt(num / den)
    if s == 0.0:
        return s
    h, l = _two_prod(s, s)
    a, b = _two_prod(h, float(den))
    c, d = _two_prod(l, float(den))
    r = _fsum([float(num), -a, -b, -c, -d])
    return s + r / (2.0 * s * den)


def _float_ss_terms(data, xbar):
    """Floats whose exact sum is the sum of squared deviations from the
    mean (or from xbar), as CPython's exact fractions would give it."""
    n = len(data)
    c = _fdiv(data, n) if xbar is None else float(xbar)
    terms = []
    devs = []
    for x in data:
        dh = x - c
        bb = dh - x
        dl = (x - (dh - bb)) + (-c - bb)
        p1, e1 = _two_prod(dh, dh)
        p2, e2 = _two_prod(dh, dl)
        terms.extend([p1, e1, 2.0 * p2, 2.0 * e2, dl * dl])
        devs.extend([dh, dl])
    if xbar is None:
        total = _fsum(devs)
        terms.append(-(total * total) / n)
    return terms


def _sqrt_terms(terms, den):
    """sqrt(sum(terms) / den), corrected towards the correctly rounded
    value."""
    s = _sqrt(_fdiv(terms, den))
    if s == 0.0 or s != s:
        return s
    h, l = _two_prod(s, s)
    a, b = _two_prod(h, float(den))
    c, d = _two_prod(l, float(den))
    r = _fsum(terms + [-a, -b, -c, -d])
    return s + r / (2.0 * s * den)


def mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if _all_ints(data):
        return _int_ratio(sum(int(x) for x in data), n)
    return _fdiv(data, n)


def fmean(data, weights=None):
    data = list(data)
    n = len(data)
    if weights is None:
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return _fsum(data) / n
    weights = list(weights)
    if len(weights) != n:
        raise StatisticsError('data and weights must be the same length')
    den = _fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return _fsum(x * w for x, w in zip(data, weights)) / den


def geometric_mean(data):
    try:
        return _exp(fmean([_log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def harmonic_mean(data, weights=None):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    for x in data:
        if x < 0:
            raise StatisticsError('harmonic mean does not support negative values')
    if n == 1 and weights is None:
        return data[0]
    if weights is None:
        weights = [1] * n
    weights = list(weights)
    if any(x == 0 for x in data):
        return 0
    total = _fsum(w / x for w, x in zip(weights, data))
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _fsum(weights) / total


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n == 1:
        return data[0]
    x = data[n // 2]
    for obj in (x, interval):
        if isinstance(obj, (str, bytes)):
            raise TypeError('expected number but got %r' % (obj,))
    try:
        lower = x - interval / 2
    except TypeError:
        lower = float(x) - float(interval) / 2
    first = 0
    while data[first] != x:
        first += 1
    last = first
    while last + 1 < n and data[last + 1] == x:
        last += 1
    freq = last - first + 1
    return lower + interval * (n / 2 - first) / freq


def mode(data):
    pairs = _Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    counts = _Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def _spread(data, xbar, sample):
    """The variance as (numerator, denominator): ints for int data, else
    a list of floats summing exactly to the numerator."""
    n = len(data)
    if _all_ints(data) and (xbar is None or isinstance(xbar, int)):
        if xbar is None:
            sx = sum(data)
            sxx = sum(x * x for x in data)
            num = n * sxx - sx * sx
            return num, n * (n - 1 if sample else n)
        num = sum((x - xbar) * (x - xbar) for x in data)
        return num, (n - 1 if sample else n)
    return _float_ss_terms(data, xbar), (n - 1 if sample else n)


def _ratio(spread):
    num, den = spread
    if isinstance(num, list):
        return _fdiv(num, den)
    return _int_ratio(num, den)


def _root(spread):
    num, den = spread
    if isinstance(num, list):
        return _sqrt_terms(num, den)
    return _sqrt_frac(num, den)


def variance(data, xbar=None):
    data = list(data)
    if len(data) < 2:
        raise StatisticsError('variance requires at least two data points')
    return _ratio(_spread(data, xbar, True))


def pvariance(data, mu=None):
    data = list(data)
    if len(data) < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _ratio(_spread(data, mu, False))


def stdev(data, xbar=None):
    data = list(data)
    if len(data) < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _root(_spread(data, xbar, True))


def pstdev(data, mu=None):
    data = list(data)
    if len(data) < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _root(_spread(data, mu, False))


class NormalDist:
    def __init__(self, mu=0.0, sigma=1.0):
        raise NotImplementedError('statistics.NormalDist is not supported yet')
