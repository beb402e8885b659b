# fractions for the aioscope interpreter: exact rationals in lowest terms,
# built from ints, floats (exactly), strings and other fractions, mixing
# with ints (exact), floats and complex numbers (inexact) as CPython 3.11's
# do, with the same reprs, hashes and errors.  There is no numbers module
# yet, so a "Rational" is an int or a Fraction.
import math

__all__ = ['Fraction']

# complex joins in when the simulator has it (not yet).
_COMPLEX = ()
try:
    _COMPLEX = (complex,)
except NameError:
    pass

# sys.hash_info's modulus and inf on 64-bit CPython.
_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159


def _digits(text):
    """The value of a run of digits with single underscores between
    them, or None."""
    if not text or text[0] == '_' or text[-1] == '_' or '__' in text:
        return None
    plain = text.replace('_', '')
    if not plain.isdecimal():
        return None
    return int(plain)


def _parse(literal):
    """(numerator, denominator) of a string such as '-3/4', '1.5e3' or
    ' .5 ', or None when it is not one."""
    s = literal.strip()
    sign = 1
    if s[:1] in ('+', '-'):
        if s[0] == '-':
            sign = -1
        s = s[1:]
    if '/' in s:
        num_text, den_text = s.split('/', 1)
        num, den = _digits(num_text), _digits(den_text)
        if num is None or den is None:
            return None
        return sign * num, den
    mantissa, exponent = s, 0
    for marker in ('e', 'E'):
        if marker in mantissa:
            mantissa, exp_text = mantissa.split(marker, 1)
            exp_sign = 1
            if exp_text[:1] in ('+', '-'):
                if exp_text[0] == '-':
                    exp_sign = -1
                exp_text = exp_text[1:]
            exp = _digits(exp_text)
            if exp is None:
                return None
            exponent = exp_sign * exp
            break
    whole_text, dot, frac_text = mantissa.partition('.')
    if not whole_text and not frac_text:
        return None
    whole = _digits(whole_text) if whole_text else 0
    frac = _digits(frac_text) if frac_text else 0
    if whole is None or frac is None or (dot and not frac_text and not whole_text):
        return None
    num = whole * 10 ** len(frac_text) + frac
    den = 10 ** len(frac_text)
    if exponent >= 0:
        num *= 10 ** exponent
    else:
        den *= 10 ** -exponent
    return sign * num, den


def _rational(x):
    return isinstance(x, (int, Fraction))


class Fraction:
    """A rational number: numerator / denominator in lowest terms, the
    sign on the numerator."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                ratio = getattr(type(numerator), 'as_integer_ratio', None)
                if ratio is None or type(numerator).__name__ != 'Decimal':
                    raise TypeError('argument should be a string or a Rational '
                                    'instance')
                self._numerator, self._denominator = ratio(numerator)
                return self
        elif type(numerator) is int is type(denominator):
            pass
        elif _rational(numerator) and _rational(denominator):
            n = Fraction(numerator)
            d = Fraction(denominator)
            numerator = n._numerator * d._denominator
            denominator = d._numerator * n._denominator
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, int):
            return cls(dec)
        if type(dec).__name__ != 'Decimal':
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest fraction with a denominator at most max_denominator
        (continued fractions: the last convergent or semiconvergent that
        fits)."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator,
                               self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, spec):
        if spec:
            raise TypeError('unsupported format string passed to '
                            'Fraction.__format__')
        return str(self)

    # --- arithmetic: exact with rationals, through float/complex else ---

    def _operate(self, other, exact, inexact, reverse):
        if _rational(other):
            other = Fraction(other)
            return exact(other, self) if reverse else exact(self, other)
        if isinstance(other, float):
            return inexact(other, float(self)) if reverse else inexact(float(self), other)
        if isinstance(other, _COMPLEX):
            return inexact(other, complex(self)) if reverse else inexact(complex(self), other)
        return NotImplemented

    def __add__(self, other):
        return self._operate(other, _add, _plus, False)

    def __radd__(self, other):
        return self._operate(other, _add, _plus, True)

    def __sub__(self, other):
        return self._operate(other, _sub, _minus, False)

    def __rsub__(self, other):
        return self._operate(other, _sub, _minus, True)

    def __mul__(self, other):
        return self._operate(other, _mul, _times, False)

    def __rmul__(self, other):
        return self._operate(other, _mul, _times, True)

    def __truediv__(self, other):
        return self._operate(other, _div, _over, False)

    def __rtruediv__(self, other):
        return self._operate(other, _div, _over, True)

    def __floordiv__(self, other):
        return self._operate(other, _floordiv, _floor_over, False)

    def __rfloordiv__(self, other):
        return self._operate(other, _floordiv, _floor_over, True)

    def __mod__(self, other):
        return self._operate(other, _mod, _modulo, False)

    def __rmod__(self, other):
        return self._operate(other, _mod, _modulo, True)

    def __divmod__(self, other):
        return self._operate(other, _divmod, divmod, False)

    def __rdivmod__(self, other):
        return self._operate(other, _divmod, divmod, True)

    def __pow__(self, other):
        if _rational(other):
            other = Fraction(other)
            if other._denominator == 1:
                power = other._numerator
                if power >= 0:
                    return Fraction(self._numerator ** power,
                                    self._denominator ** power, _normalize=False)
                if self._numerator > 0:
                    return Fraction(self._denominator ** -power,
                                    self._numerator ** -power, _normalize=False)
                if self._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)'
                                            % self._denominator ** -power)
                return Fraction((-self._denominator) ** -power,
                                (-self._numerator) ** -power, _normalize=False)
            return float(self) ** float(other)
        if isinstance(other, (float,) + _COMPLEX):
            return float(self) ** other
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        if _rational(other):
            return Fraction(other) ** self
        if self._denominator == 1:
            return other ** self._numerator
        return other ** float(self)

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator, _normalize=False)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    def __trunc__(self):
        return self.__int__()

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        return self._numerator / self._denominator

    def __complex__(self):
        return complex(float(self))

    def __hash__(self):
        # Equal to the hash of the int or float of the same value.
        if self._denominator % _HASH_MODULUS == 0:
            result = _HASH_INF
        else:
            inverse = pow(self._denominator, _HASH_MODULUS - 2, _HASH_MODULUS)
            result = hash(hash(abs(self._numerator)) * inverse)
        if self._numerator < 0:
            result = -result
        return -2 if result == -1 else result

    def __eq__(self, other):
        if type(other) is int:
            return self._numerator == other and self._denominator == 1
        if _rational(other):
            other = Fraction(other)
            return (self._numerator == other._numerator
                    and self._denominator == other._denominator)
        if isinstance(other, _COMPLEX) and other.imag == 0:
            other = other.real
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return 0.0 == other
            return self == Fraction(other)
        return NotImplemented

    def _compare(self, other, op):
        if _rational(other):
            other = Fraction(other)
            return op(self._numerator * other._denominator,
                      self._denominator * other._numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, Fraction(other))
        return NotImplemented

    def __lt__(self, other):
        return self._compare(other, _lt)

    def __gt__(self, other):
        return self._compare(other, _gt)

    def __le__(self, other):
        return self._compare(other, _le)

    def __ge__(self, other):
        return self._compare(other, _ge)

    def __bool__(self):
        return bool(self._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        return self.__copy__()


def _lt(a, b):
    return a < b


def _gt(a, b):
    return a > b


def _le(a, b):
    return a <= b


def _ge(a, b):
    return a >= b


def _add(a, b):
    return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                    a._denominator * b._denominator)


def _sub(a, b):
    return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                    a._denominator * b._denominator)


def _mul(a, b):
    return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)


def _div(a, b):
    if b._numerator == 0:
        # CPython divides out gcd(a's numerator, 0) first: the message
        # shows only the sign.
        sign = (a._numerator > 0) - (a._numerator < 0)
        raise ZeroDivisionError('Fraction(%s, 0)' % sign)
    return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)


def _floordiv(a, b):
    return (a._numerator * b._denominator) // (a._denominator * b._numerator)


def _mod(a, b):
    den = a._denominator * b._denominator
    return Fraction((a._numerator * b._denominator) % (b._numerator * a._denominator), den)


def _divmod(a, b):
    den = a._denominator * b._denominator
    q, r = divmod(a._numerator * b._denominator, a._denominator * b._numerator)
    return q, Fraction(r, den)


def _plus(a, b):
    return a + b


def _minus(a, b):
    return a - b


def _times(a, b):
    return a * b


def _over(a, b):
    return a / b


def _floor_over(a, b):
    return a // b


def _modulo(a, b):
    return a % b
