# decimal for the aioscope interpreter: the General Decimal Arithmetic
# that CPython's decimal implements, for what programs use: construction
# (exact, also from floats), str/repr in scientific or plain form, the
# arithmetic operators rounded to the context's precision, quantize and
# the rounding modes, sqrt, comparisons and hashes shared with ints and
# floats, format specs, and contexts with their signals, flags and traps
# (raising as CPython's C decimal does: InvalidOperation([<class
# 'decimal.ConversionSyntax'>])).  Not written: the logarithms and
# exponentials (ln, log10, exp), fma, the logical operations.
import math
from collections import namedtuple

# sys.hash_info's modulus and inf on 64-bit CPython.
_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING,
              ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

DecimalTuple = namedtuple('DecimalTuple', 'sign digits exponent')


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# The signals a context keeps flags and traps for, in CPython's order.
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped]
# A condition raises as the signal that carries its flag.
_FLAG_OF = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
            DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}


# The order a context's repr lists them in (libmpdec's).
_REPR_ORDER = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation,
               Overflow, Rounded, Subnormal, Underflow]


class _SignalDict(dict):
    """flags and traps: a signal -> bool mapping printed as a list."""

    def _names(self):
        return '[' + ', '.join(s.__name__ for s in _REPR_ORDER if self.get(s)) + ']'


class Context:
    """Precision, rounding, exponent limits, and the signals' flags and
    traps, for the operations that round."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        self.prec = 28 if prec is None else prec
        self.rounding = ROUND_HALF_EVEN if rounding is None else rounding
        self.Emin = -999999 if Emin is None else Emin
        self.Emax = 999999 if Emax is None else Emax
        self.capitals = 1 if capitals is None else capitals
        self.clamp = 0 if clamp is None else clamp
        self.flags = _SignalDict((s, False) for s in _SIGNALS)
        self.traps = _SignalDict((s, False) for s in _SIGNALS)
        if traps is None:
            for s in (InvalidOperation, DivisionByZero, Overflow):
                self.traps[s] = True
        elif isinstance(traps, dict):
            self.traps.update(traps)
        else:
            for s in traps:
                self.traps[s] = True
        if isinstance(flags, dict):
            self.flags.update(flags)
        elif flags:
            for s in flags:
                self.flags[s] = True

    def __setattr__(self, name, value):
        if name == 'prec' and (not isinstance(value, int) or value < 1):
            raise ValueError('valid range for prec is [1, MAX_PREC]')
        if name == 'rounding' and value not in _ROUNDINGS:
            raise TypeError('valid values for rounding are:\n'
                            '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                            '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                            '   ROUND_05UP]')
        object.__setattr__(self, name, value)

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, '
                'clamp=%d, flags=%s, traps=%s)'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                   self.clamp, self.flags._names(), self.traps._names()))

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax,
                       self.capitals, self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _raise(self, *conditions):
        """Sets the conditions' flags; raises the first whose signal traps,
        listing them all, as CPython's C decimal does."""
        trapped = None
        for condition in conditions:
            signal = _FLAG_OF.get(condition, condition)
            self.flags[signal] = True
            if trapped is None and self.traps.get(signal):
                trapped = signal
        if trapped is not None:
            raise trapped(list(conditions))

    def create_decimal(self, num='0'):
        return Decimal(num, self)._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def _apply(self, name, *args):
        first = _convert(args[0], True)
        return getattr(first, name)(*args[1:], context=self)

    def abs(self, a):
        return _convert(a, True).__abs__(context=self)

    def add(self, a, b):
        return _convert(a, True).__add__(b, context=self)

    def subtract(self, a, b):
        return _convert(a, True).__sub__(b, context=self)

    def multiply(self, a, b):
        return _convert(a, True).__mul__(b, context=self)

    def divide(self, a, b):
        return _convert(a, True).__truediv__(b, context=self)

    def divide_int(self, a, b):
        return _convert(a, True).__floordiv__(b, context=self)

    def remainder(self, a, b):
        return _convert(a, True).__mod__(b, context=self)

    def power(self, a, b, modulo=None):
        return _convert(a, True).__pow__(b, modulo, context=self)

    def sqrt(self, a):
        return self._apply('sqrt', a)

    def quantize(self, a, b):
        return self._apply('quantize', a, b)

    def plus(self, a):
        return _convert(a, True).__pos__(context=self)

    def minus(self, a):
        return _convert(a, True).__neg__(context=self)

    def compare(self, a, b):
        return self._apply('compare', a, b)

    def max(self, a, b):
        return self._apply('max', a, b)

    def min(self, a, b):
        return self._apply('min', a, b)

    def normalize(self, a):
        return self._apply('normalize', a)

    def to_integral_value(self, a):
        return self._apply('to_integral_value', a)

    def to_sci_string(self, a):
        return _convert(a, True).__str__(context=self)

    def to_eng_string(self, a):
        return _convert(a, True).to_eng_string(context=self)


DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation,
                              Clamped, Underflow, Subnormal])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_current = [None]


def getcontext():
    if _current[0] is None:
        _current[0] = DefaultContext.copy()
    return _current[0]


def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current[0] = context


class _ContextManager:
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    manager = _ContextManager(ctx if ctx is not None else getcontext())
    for key, value in kwargs.items():
        setattr(manager.new_context, key, value)
    return manager


_SYMBOLS = {'add': '+', 'sub': '-', 'mul': '*', 'truediv': '/', 'floordiv': '//',
            'mod': '%', 'divmod': 'divmod()', 'pow': '** or pow()'}


def _operand(other, op, reverse=False):
    """other as a Decimal for an arithmetic operator, or NotImplemented.
    CPython's TypeError names the C type 'decimal.Decimal', so when no
    method of the other operand can take over (a float's gives up on
    Decimals) it is raised here."""
    converted = _convert(other)
    if converted is not NotImplemented:
        return converted
    # Give up to the other operand's own method when it has one; else the
    # TypeError is decided here.
    other_method = ('__%s__' if reverse else '__r%s__') % op
    if isinstance(other, float) or not hasattr(type(other), other_method):
        name = "'%s'" % type(other).__name__
        names = (name, "'decimal.Decimal'") if reverse else ("'decimal.Decimal'", name)
        raise TypeError('unsupported operand type(s) for %s: %s and %s'
                        % (_SYMBOLS[op], names[0], names[1]))
    return NotImplemented


def _convert(other, strict=False, allow_float=False):
    """other as a Decimal, or NotImplemented (TypeError when strict)."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if allow_float and isinstance(other, float):
        return Decimal.from_float(other)
    if strict:
        raise TypeError('conversion from %s to Decimal is not supported'
                        % type(other).__name__)
    return NotImplemented


def _digits_value(text):
    """A run of ASCII digits (underscores between them allowed), or None."""
    if not text or text[0] == '_' or text[-1] == '_' or '__' in text:
        return None
    plain = text.replace('_', '')
    if not plain.isdecimal():
        return None
    return plain


def _parse(text):
    """(sign, coefficient digits or payload, exponent or special letter)."""
    s = text.strip()
    sign = 0
    if s[:1] in ('+', '-'):
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, '0', 'F'
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = s[len(prefix):]
            if payload == '':
                return sign, '0', kind
            digits = _digits_value(payload)
            if digits is None:
                return None
            return sign, str(int(digits)), kind
    exponent = 0
    for marker in ('e', 'E'):
        if marker in s:
            s, exp_text = s.split(marker, 1)
            exp_sign = 1
            if exp_text[:1] in ('+', '-'):
                exp_sign = -1 if exp_text[0] == '-' else 1
                exp_text = exp_text[1:]
            digits = _digits_value(exp_text)
            if digits is None:
                return None
            exponent = exp_sign * int(digits)
            break
    whole, dot, frac = s.partition('.')
    if not whole and not frac:
        return None
    if whole and _digits_value(whole) is None or frac and _digits_value(frac) is None:
        return None
    coefficient = (whole + frac).replace('_', '')
    return sign, str(int(coefficient)), exponent - len(frac.replace('_', ''))


class Decimal:
    """A decimal floating-point number: (-1)**sign * coefficient * 10**exponent,
    or an infinity or NaN."""

    __slots__ = ('_sign', '_int', '_exp', '_is_special')

    def __new__(cls, value='0', context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                if context is None:
                    context = getcontext()
                context._raise(ConversionSyntax)
                return _make(0, '', 'n', cls)
            self._sign, self._int, self._exp = parsed
        elif isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = str(abs(value))
            self._exp = 0
        elif isinstance(value, Decimal):
            self._sign, self._int, self._exp = value._sign, value._int, value._exp
        elif isinstance(value, float):
            # Mixing floats in is flagged (an error only when trapped).
            (context or getcontext())._raise(FloatOperation)
            d = Decimal.from_float(value)
            self._sign, self._int, self._exp = d._sign, d._int, d._exp
        elif isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError('sign must be an integer with the value 0 or 1')
            if exp in ('F', 'n', 'N'):
                self._sign, self._exp = sign, exp
                self._int = str(int(''.join(map(str, digits)) or '0')) if exp != 'F' else '0'
            else:
                if not isinstance(exp, int):
                    raise ValueError('exponent must be an integer')
                for d in digits:
                    if not isinstance(d, int) or not 0 <= d <= 9:
                        raise ValueError('coefficient must be a tuple of digits')
                self._sign, self._exp = sign, exp
                self._int = str(int(''.join(map(str, digits)) or '0'))
        else:
            raise TypeError('conversion from %s to Decimal is not supported'
                            % type(value).__name__)
        self._is_special = self._exp in ('F', 'n', 'N')
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('argument must be int or float')
        if math.isinf(f) or math.isnan(f):
            return cls(repr(f))
        sign = 0 if math.copysign(1.0, f) == 1.0 else 1
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        # n / 2**k == n * 5**k / 10**k, exactly.
        return _make(sign, str(n * 5 ** k), -k, cls)

    @classmethod
    def from_decimal(cls, d):
        return cls(d)

    # --- reading -----------------------------------------------------------

    def _isnan(self):
        return 2 if self._exp == 'N' else (1 if self._exp == 'n' else 0)

    def _isinfinity(self):
        return (-1 if self._sign else 1) if self._exp == 'F' else 0

    def is_nan(self):
        return self._exp in ('n', 'N')

    def is_snan(self):
        return self._exp == 'N'

    def is_qnan(self):
        return self._exp == 'n'

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._int == '0'

    def is_signed(self):
        return self._sign == 1

    def adjusted(self):
        if self._is_special:
            return 0
        return self._exp + len(self._int) - 1

    def as_tuple(self):
        if self._exp == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        digits = tuple(int(c) for c in self._int)
        if self.is_nan() and self._int == '0':
            digits = ()
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._exp == 'F':
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self.is_nan():
            raise ValueError('cannot convert NaN to integer ratio')
        n = int(self._int) * (-1 if self._sign else 1)
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        d = 10 ** -self._exp
        g = math.gcd(n, d)
        return n // g, d // g

    def _check_nans(self, other, context):
        """The NaN an operation with a NaN gives (signalling ones first)."""
        for x in (self, other):
            if x is not None and x._exp == 'N':
                context._raise(InvalidOperation)
                return _make(x._sign, x._int, 'n')
        for x in (self, other):
            if x is not None and x._exp == 'n':
                return x
        return None

    # --- text --------------------------------------------------------------

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            payload = '' if self._int == '0' else self._int
            return sign + ('NaN' if self._exp == 'n' else 'sNaN') + payload
        digits = self._int
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif digits == '0':
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * -dotplace + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ('e', 'E')[context.capitals] + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    # --- rounding ----------------------------------------------------------

    def _fix(self, context):
        """Rounded to the context's precision, within its exponent range."""
        if self._is_special:
            if self._exp == 'N' or self._exp == 'n':
                prec = context.prec - context.clamp
                if len(self._int) > prec and self._int != '0':
                    return _make(self._sign, self._int[-prec:].lstrip('0') or '0', self._exp)
            return self
        prec = context.prec
        etiny = context.Etiny()
        etop = context.Etop()
        if self._int == '0':
            exp_max = context.Emax if not context.clamp else etop
            new_exp = min(max(self._exp, etiny), exp_max)
            if new_exp != self._exp:
                context._raise(Clamped)
                return _make(self._sign, '0', new_exp)
            return self
        length = len(self._int)
        exp_min = length + self._exp - prec
        if exp_min > etop:
            context._raise(Inexact)
            context._raise(Rounded)
            context._raise(Overflow)
            return _overflow_result(self._sign, context)
        self_is_subnormal = exp_min < etiny
        if self_is_subnormal:
            exp_min = etiny
        if self._exp < exp_min:
            digits = len(self._int) + self._exp - exp_min
            coeff, inexact = _round_digits(self._int, self._sign, digits, context.rounding)
            changed = inexact
            exp = exp_min
            if len(coeff) > prec:
                coeff = coeff[:-1]
                exp += 1
            if exp > etop:
                context._raise(Inexact)
                context._raise(Rounded)
                context._raise(Overflow)
                return _overflow_result(self._sign, context)
            result = _make(self._sign, coeff, exp)
            if self_is_subnormal:
                context._raise(Subnormal)
            if changed:
                if self_is_subnormal:
                    context._raise(Underflow)
                context._raise(Inexact)
            context._raise(Rounded)
            return result
        if self_is_subnormal:
            context._raise(Subnormal)
        if context.clamp == 1 and self._exp > etop:
            context._raise(Clamped)
            padded = self._int + '0' * (self._exp - etop)
            return _make(self._sign, padded, etop)
        return self

    def _rescale(self, exp, rounding):
        """Exactly exponent exp, rounding the coefficient (no context)."""
        if self._is_special:
            return self
        if self._int == '0':
            return _make(self._sign, '0', exp)
        if self._exp >= exp:
            return _make(self._sign, self._int + '0' * (self._exp - exp), exp)
        digits = len(self._int) + self._exp - exp
        if digits < 0:
            coeff_src = '1'
            digits_keep = 0
            coeff, _ = _round_digits(coeff_src, self._sign, digits_keep, rounding, below=True)
        else:
            coeff, _ = _round_digits(self._int, self._sign, digits, rounding)
        return _make(self._sign, coeff, exp)

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp, True)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special or exp._is_special:
            nan = self._check_nans(exp, context)
            if nan is not None:
                return nan
            if self._exp == 'F' and exp._exp == 'F':
                return Decimal(self)
            context._raise(InvalidOperation)
            return _make(0, '0', 'n')
        if not (context.Etiny() <= exp._exp <= context.Emax):
            context._raise(InvalidOperation)
            return _make(0, '0', 'n')
        result = self._rescale(exp._exp, rounding)
        if result.adjusted() > context.Emax or len(result._int) > context.prec:
            context._raise(InvalidOperation)
            return _make(0, '0', 'n')
        if result._int != '0' and result.adjusted() < context.Emin:
            context._raise(Subnormal)
        if result._exp > self._exp:
            if result != self:
                context._raise(Inexact)
            context._raise(Rounded)
        return result._fix(context)

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan()) or (
                self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special:
            nan = self._check_nans(None, context)
            return nan if nan is not None else Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        return self._rescale(0, rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        result = self.to_integral_value(rounding, context)
        if not self._is_special and self._exp < 0:
            if result != self:
                context._raise(Inexact)
            context._raise(Rounded)
        return result

    def normalize(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            nan = self._check_nans(None, context)
            return nan if nan is not None else Decimal(self)
        d = self._fix(context)
        if d._is_special or d._int == '0':
            return _make(d._sign, '0', 0) if not d._is_special else d
        coeff = d._int.rstrip('0')
        exp = d._exp + len(d._int) - len(coeff)
        exp_max = context.Emax if not context.clamp else context.Etop()
        if exp > exp_max:
            coeff += '0' * (exp - exp_max)
            exp = exp_max
        return _make(d._sign, coeff, exp)

    # --- arithmetic --------------------------------------------------------

    def __add__(self, other, context=None):
        other = _operand(other, 'add')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            nan = self._check_nans(other, context)
            if nan is not None:
                return nan
            if self._exp == 'F':
                if other._exp == 'F' and self._sign != other._sign:
                    context._raise(InvalidOperation)
                    return _make(0, '0', 'n')
                return Decimal(self)
            return Decimal(other)
        exp = min(self._exp, other._exp)
        a = int(self._int) * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = int(other._int) * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        total = a + b
        if total == 0:
            if self._sign and other._sign:
                sign = 1
            elif self._sign != other._sign:
                sign = 1 if context.rounding == ROUND_FLOOR else 0
            else:
                sign = 0
            return _make(sign, '0', exp)._fix(context)
        return _make(1 if total < 0 else 0, str(abs(total)), exp)._fix(context)

    def __radd__(self, other, context=None):
        other = _operand(other, 'add', True)
        if other is NotImplemented:
            return other
        return other.__add__(self, context=context)

    def __sub__(self, other, context=None):
        other = _operand(other, 'sub')
        if other is NotImplemented:
            return other
        if other.is_nan():
            return self.__add__(other, context=context)
        return self.__add__(other.copy_negate(), context=context)

    def __rsub__(self, other, context=None):
        other = _operand(other, 'sub', True)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        other = _operand(other, 'mul')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            nan = self._check_nans(other, context)
            if nan is not None:
                return nan
            if (self._exp == 'F' and other.is_zero()) or (other._exp == 'F' and self.is_zero()):
                context._raise(InvalidOperation)
                return _make(0, '0', 'n')
            return _make(sign, '0', 'F')
        product = int(self._int) * int(other._int)
        return _make(sign, str(product), self._exp + other._exp)._fix(context)

    def __rmul__(self, other, context=None):
        other = _operand(other, 'mul', True)
        if other is NotImplemented:
            return other
        return other.__mul__(self, context=context)

    def __truediv__(self, other, context=None):
        other = _operand(other, 'truediv')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            nan = self._check_nans(other, context)
            if nan is not None:
                return nan
            if self._exp == 'F' and other._exp == 'F':
                context._raise(InvalidOperation)
                return _make(0, '0', 'n')
            if self._exp == 'F':
                return _make(sign, '0', 'F')
            context._raise(Clamped)
            return _make(sign, '0', context.Etiny())
        if other._int == '0':
            if self._int == '0':
                context._raise(DivisionUndefined)
                return _make(0, '0', 'n')
            context._raise(DivisionByZero)
            return _make(sign, '0', 'F')
        if self._int == '0':
            exp = self._exp - other._exp
            coeff = '0'
        else:
            prec = context.prec
            shift = len(other._int) - len(self._int) + prec + 1
            exp = self._exp - other._exp - shift
            a, b = int(self._int), int(other._int)
            if shift >= 0:
                q, r = divmod(a * 10 ** shift, b)
            else:
                q, r = divmod(a, b * 10 ** -shift)
            if r:
                if q % 5 == 0:
                    q += 1
            else:
                ideal = self._exp - other._exp
                while exp < ideal and q % 10 == 0:
                    q //= 10
                    exp += 1
            coeff = str(q)
        return _make(sign, coeff, exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _operand(other, 'truediv', True)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divide(self, other, context):
        """(integer quotient, remainder) truncating toward zero, exact."""
        sign = self._sign ^ other._sign
        exp = min(self._exp, other._exp)
        a = int(self._int) * 10 ** (self._exp - exp)
        b = int(other._int) * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        if len(str(q)) > context.prec:
            context._raise(DivisionImpossible)
            nan = _make(0, '0', 'n')
            return nan, nan
        ideal_exp = min(self._exp, other._exp)
        return (_make(sign, str(q), 0),
                _make(self._sign, str(r), ideal_exp)._fix(context))

    def _integer_division(self, other, context, want):
        """want 'q' (//), 'r' (%) or 'qr' (divmod), with the special cases
        of infinities, NaNs and zero divisors."""
        sign = self._sign ^ other._sign
        nan = self._check_nans(other, context)
        if nan is not None:
            return (nan, nan) if want == 'qr' else nan
        invalid = _make(0, '0', 'n')
        if self._exp == 'F':
            if other._exp == 'F':
                context._raise(InvalidOperation)
                return (invalid, invalid) if want == 'qr' else invalid
            if want == 'q':
                return _make(sign, '0', 'F')
            if want == 'r':
                context._raise(InvalidOperation)
                return invalid
            context._raise(InvalidOperation)
            return _make(sign, '0', 'F'), invalid
        if other._exp == 'F':
            q, r = _make(sign, '0', 0), self._fix(context)
        elif other._int == '0':
            if self._int == '0':
                context._raise(DivisionUndefined)
                return (invalid, invalid) if want == 'qr' else invalid
            if want == 'q':
                context._raise(DivisionByZero)
                return _make(sign, '0', 'F')
            if want == 'r':
                context._raise(InvalidOperation)
                return invalid
            context._raise(InvalidOperation, DivisionByZero)
            return _make(sign, '0', 'F'), invalid
        else:
            q, r = self._divide(other, context)
        if want == 'q':
            return q
        if want == 'r':
            return r
        return q, r

    def __floordiv__(self, other, context=None):
        other = _operand(other, 'floordiv')
        if other is NotImplemented:
            return other
        return self._integer_division(other, context or getcontext(), 'q')

    def __rfloordiv__(self, other, context=None):
        other = _operand(other, 'floordiv', True)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def __mod__(self, other, context=None):
        other = _operand(other, 'mod')
        if other is NotImplemented:
            return other
        return self._integer_division(other, context or getcontext(), 'r')

    def __rmod__(self, other, context=None):
        other = _operand(other, 'mod', True)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __divmod__(self, other, context=None):
        other = _operand(other, 'divmod')
        if other is NotImplemented:
            return other
        return self._integer_division(other, context or getcontext(), 'qr')

    def __rdivmod__(self, other, context=None):
        other = _operand(other, 'divmod', True)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def __pow__(self, other, modulo=None, context=None):
        other = _operand(other, 'pow')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if modulo is not None:
            raise NotImplementedError('three-argument pow() of a Decimal is '
                                      'not supported yet')
        nan = self._check_nans(other, context)
        if nan is not None:
            return nan
        if other._is_special or self._is_special or other._exp < 0 and other._int != '0' and \
                other._int.rstrip('0') != other._int[:len(other._int) + other._exp]:
            return self._pow_inexact(other, context)
        n = int(other._int) * 10 ** other._exp if other._exp >= 0 else \
            int(other._int[:len(other._int) + other._exp] or '0')
        if other._sign:
            n = -n
        if self._int == '0':
            if n == 0:
                context._raise(InvalidOperation)
                return _make(0, '0', 'n')
            sign = self._sign if n % 2 else 0
            if n < 0:
                return _make(sign, '0', 'F')
            return _make(sign, '0', 0)
        sign = self._sign if n % 2 else 0
        if n == 0:
            return _make(0, '1', 0)
        if n > 0:
            exact = _make(sign, str(int(self._int) ** n), self._exp * n)
            return exact._fix(context)
        # A negative power: the reciprocal of the exact positive power,
        # divided with the context's precision (one rounding).
        positive = _make(sign, str(int(self._int) ** -n), self._exp * -n)
        return _make(0, '1', 0).__truediv__(positive, context=context)

    def _pow_inexact(self, other, context):
        if self._exp == 'F' or other._exp == 'F':
            if other._exp == 'F':
                bigger = self.copy_abs()._cmp(_make(0, '1', 0)) > 0
                if (other._sign == 0) == bigger:
                    return _make(0, '0', 'F')
                return _make(0, '0', 0)
            return _make(0, '0', 'F') if other._sign == 0 else _make(0, '0', 0)
        if self._sign:
            context._raise(InvalidOperation)
            return _make(0, '0', 'n')
        raise NotImplementedError('a Decimal to a non-integer power is not '
                                  'supported yet')

    def __rpow__(self, other, modulo=None, context=None):
        other = _operand(other, 'pow', True)
        if other is NotImplemented:
            return other
        return other.__pow__(self, modulo, context=context)

    def sqrt(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            nan = self._check_nans(None, context)
            if nan is not None:
                return nan
            if self._exp == 'F' and self._sign == 0:
                return Decimal(self)
        if self._int == '0' and not self._is_special:
            return _make(self._sign, '0', self._exp // 2)
        if self._sign == 1:
            context._raise(InvalidOperation)
            return _make(0, '0', 'n')
        # Coefficient with an even exponent and enough digits for prec+1
        # digits of root; the remainder says whether it was exact.
        prec = context.prec + 1
        c, e = int(self._int), self._exp
        if e % 2:
            c *= 10
            e -= 1
        digits = len(str(c))
        shift = max(0, prec - (digits + 1) // 2)
        c *= 100 ** shift
        e -= 2 * shift
        root = math.isqrt(c)
        exact = root * root == c
        exp = e // 2
        if exact:
            ideal = self._exp // 2
            while exp < ideal and root % 10 == 0:
                root //= 10
                exp += 1
        elif root % 5 == 0:
            root += 1
        saved = context.rounding
        context.rounding = ROUND_HALF_EVEN
        try:
            result = _make(0, str(root), exp)._fix(context)
        finally:
            context.rounding = saved
        return result

    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            nan = self._check_nans(None, context)
            if nan is not None:
                return nan
        if self.is_zero() and context.rounding != ROUND_FLOOR:
            return _make(0, '0', self._exp)._fix(context)
        return self.copy_negate()._fix(context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            nan = self._check_nans(None, context)
            if nan is not None:
                return nan
        if self.is_zero() and context.rounding != ROUND_FLOOR:
            return _make(0, '0', self._exp)._fix(context)
        return self._fix(context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self._sign:
            return self.__neg__(context=context)
        return self.__pos__(context=context)

    def copy_abs(self):
        return _make(0, self._int, self._exp)

    def copy_negate(self):
        return _make(1 - self._sign, self._int, self._exp)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _make(other._sign, self._int, self._exp)

    # --- comparisons ---------------------------------------------------------

    def _cmp(self, other):
        """-1, 0 or 1 for two non-NaN decimals."""
        if self._is_special or other._is_special:
            a, b = self._isinfinity(), other._isinfinity()
            if a == b:
                return 0
            if a or b:
                if a:
                    return a
                return -b
        if self.is_zero() and other.is_zero():
            return 0
        if self.is_zero():
            return -1 if other._sign == 0 else 1
        if other.is_zero():
            return 1 if self._sign == 0 else -1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        exp = min(self._exp, other._exp)
        a = int(self._int) * 10 ** (self._exp - exp)
        b = int(other._int) * 10 ** (other._exp - exp)
        result = (a > b) - (a < b)
        return -result if self._sign else result

    def _compare_with(self, other, equality):
        if isinstance(other, float):
            getcontext()._raise(FloatOperation)
        other = _convert(other, allow_float=True)
        if other is NotImplemented:
            return other
        if self.is_nan() or other.is_nan():
            if not equality or self.is_snan() or other.is_snan():
                getcontext()._raise(InvalidOperation)
            return None
        return self._cmp(other)

    def __eq__(self, other):
        r = self._compare_with(other, True)
        if r is NotImplemented:
            return r
        return r == 0

    def __lt__(self, other):
        r = self._compare_with(other, False)
        if r is NotImplemented:
            return r
        return r is not None and r < 0

    def __le__(self, other):
        r = self._compare_with(other, False)
        if r is NotImplemented:
            return r
        return r is not None and r <= 0

    def __gt__(self, other):
        r = self._compare_with(other, False)
        if r is NotImplemented:
            return r
        return r is not None and r > 0

    def __ge__(self, other):
        r = self._compare_with(other, False)
        if r is NotImplemented:
            return r
        return r is not None and r >= 0

    def compare(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        nan = self._check_nans(other, context)
        if nan is not None:
            return nan
        return Decimal(self._cmp(other))

    def max(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        c = self._cmp(other)
        if c == 0:
            c = self._sign and not other._sign and -1 or (other._sign and not self._sign and 1) \
                or ((self._exp > other._exp) - (self._exp < other._exp)) * (-1 if self._sign else 1)
        return (other if c < 0 else self)._fix(context)

    def min(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        c = self._cmp(other)
        if c == 0:
            c = self._sign and not other._sign and -1 or (other._sign and not self._sign and 1) \
                or ((self._exp > other._exp) - (self._exp < other._exp)) * (-1 if self._sign else 1)
        return (self if c < 0 else other)._fix(context)

    def __hash__(self):
        if self._is_special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value.')
            if self.is_nan():
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        modulus = _HASH_MODULUS
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, modulus)
        else:
            exp_hash = pow(pow(10, modulus - 2, modulus), -self._exp, modulus)
        value = int(self._int) * exp_hash % modulus
        result = -value if self._sign else value
        return -2 if result == -1 else result

    def __bool__(self):
        return self._is_special or self._int != '0'

    # --- conversions ---------------------------------------------------------

    def __int__(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        s = -1 if self._sign else 1
        if self._exp >= 0:
            return s * int(self._int) * 10 ** self._exp
        return s * int(self._int[:self._exp] or '0')

    __trunc__ = __int__

    def __float__(self):
        if self.is_nan():
            if self.is_snan():
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan' if self._sign else 'nan')
        return float(str(self))

    def __floor__(self):
        return int(self._rescale(0, ROUND_FLOOR)) if not self._is_special else int(self)

    def __ceil__(self):
        return int(self._rescale(0, ROUND_CEILING)) if not self._is_special else int(self)

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            return self.quantize(_make(0, '1', -n))
        if self._is_special:
            if self.is_nan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __format__(self, specifier, context=None):
        return _format(self, specifier, context)


def _make(sign, coefficient, exponent, cls=None):
    d = object.__new__(cls or Decimal)
    d._sign = sign
    d._int = coefficient
    d._exp = exponent
    d._is_special = exponent in ('F', 'n', 'N')
    return d


def _overflow_result(sign, context):
    r = context.rounding
    if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or \
            (r == ROUND_CEILING and not sign) or (r == ROUND_FLOOR and sign):
        return _make(sign, '0', 'F')
    return _make(sign, '9' * context.prec, context.Emax - context.prec + 1)


def _round_digits(coeff, sign, keep, rounding, below=False):
    """The first keep digits of coeff rounded by the dropped ones, and
    whether anything non-zero was dropped. below: the value is a positive
    amount smaller than one unit of the last kept place."""
    if below:
        head, dropped = '0', '1'
        first = 0
        rest_nonzero = True
        exact_half = False
    else:
        head, dropped = coeff[:keep] or '0', coeff[keep:]
        first = int(dropped[0]) if dropped else 0
        rest_nonzero = dropped[1:].strip('0') != ''
        exact_half = first == 5 and not rest_nonzero
    inexact = dropped.strip('0') != ''
    if not inexact:
        return str(int(head)), False
    last = int(head[-1])
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    elif rounding == ROUND_HALF_UP:
        up = first >= 5
    elif rounding == ROUND_HALF_DOWN:
        up = first > 5 or (first == 5 and rest_nonzero)
    elif rounding == ROUND_HALF_EVEN:
        up = first > 5 or (first == 5 and (rest_nonzero or last % 2 == 1))
    else:  # ROUND_05UP
        up = last in (0, 5)
    value = int(head) + (1 if up else 0)
    return str(value), True


def _format(d, spec, context):
    """format(Decimal, spec): fill, align, sign, zero padding, width,
    grouping, precision and the types e E f F g G %."""
    if context is None:
        context = getcontext()
    fill, align, sign, zero, width, grouping, precision, kind = _parse_spec(spec)
    if kind is None or kind == 'n':
        kind = 'G' if context.capitals else 'g'
    negative = d._sign == 1
    if d._is_special:
        body = str(d.copy_abs())
        if kind == '%':
            body += '%'
        return _align(negative, sign, body, fill, align, False, width)
    if kind == '%':
        d = _make(d._sign, d._int, d._exp + 2)
    rounding = context.rounding
    if precision is not None:
        if kind in 'eE':
            d = _round_significant(d, precision + 1, rounding)
        elif kind in 'fF%':
            d = d._rescale(-precision, rounding)
        elif len(d._int) > precision:
            d = _round_significant(d, max(precision, 1), rounding)
    if d._int == '0' and d._exp > 0 and kind in 'fF%':
        d = d._rescale(0, rounding)
    leftdigits = d._exp + len(d._int)
    if kind in 'eE':
        dotplace = 1 - precision if d._int == '0' and precision is not None else 1
    elif kind in 'fF%':
        dotplace = leftdigits
    else:
        dotplace = leftdigits if d._exp <= 0 and leftdigits > -6 else 1
    digits = d._int
    if dotplace < 0:
        intpart, fracpart = '0', '0' * -dotplace + digits
    elif dotplace > len(digits):
        intpart, fracpart = digits + '0' * (dotplace - len(digits)), ''
    else:
        intpart, fracpart = digits[:dotplace] or '0', digits[dotplace:]
    exp = leftdigits - dotplace
    tail = '.' + fracpart if fracpart else ''
    if exp != 0 or kind in 'eE':
        tail += ('E' if kind in 'EG' else 'e') + '%+d' % exp
    if kind == '%':
        tail += '%'
    if grouping:
        groups = []
        while len(intpart) > 3:
            groups.insert(0, intpart[-3:])
            intpart = intpart[:-3]
        groups.insert(0, intpart)
        intpart = grouping.join(groups)
    return _align(negative, sign, intpart + tail, fill, align, zero, width)


def _align(negative, sign, body, fill, align, zero, width):
    prefix = '-' if negative else ('+' if sign == '+' else (' ' if sign == ' ' else ''))
    if zero and not align and not fill:
        fill, align = '0', '='
    fill = fill or ' '
    align = align or '>'
    pad = (width or 0) - len(prefix) - len(body)
    if pad <= 0:
        return prefix + body
    if align == '<':
        return prefix + body + fill * pad
    if align == '^':
        return fill * (pad // 2) + prefix + body + fill * (pad - pad // 2)
    if align == '=':
        return prefix + fill * pad + body
    return fill * pad + prefix + body


def _parse_spec(spec):
    fill = align = sign = grouping = None
    zero = False
    width = precision = kind = None
    i = 0
    if len(spec) >= 2 and spec[1] in '<>=^':
        fill, align = spec[0], spec[1]
        i = 2
    elif spec[:1] in ('<', '>', '=', '^'):
        align = spec[0]
        i = 1
    if spec[i:i + 1] in ('+', '-', ' '):
        sign = spec[i]
        i += 1
    if spec[i:i + 1] == '0':
        zero = True
        i += 1
    start = i
    while i < len(spec) and spec[i].isdigit():
        i += 1
    if i > start:
        width = int(spec[start:i])
    if spec[i:i + 1] in (',', '_'):
        grouping = spec[i]
        i += 1
    if spec[i:i + 1] == '.':
        i += 1
        start = i
        while i < len(spec) and spec[i].isdigit():
            i += 1
        precision = int(spec[start:i])
    if i < len(spec):
        kind = spec[i]
        i += 1
        if kind not in 'eEfFgGn%' or i != len(spec):
            raise ValueError('invalid format string')
    return fill, align, sign, zero, width, grouping, precision, kind


def _plain(d):
    digits = d._int
    if d._exp >= 0:
        return digits + '0' * d._exp
    point = len(digits) + d._exp
    if point > 0:
        return digits[:point] + '.' + digits[point:]
    return '0.' + '0' * -point + digits


def _scientific(d, capital, precision):
    digits = d._int
    exp = d._exp + len(digits) - 1
    body = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '')
    if digits == '0':
        exp = d._exp
    return body + ('E' if capital else 'e') + '%+d' % exp


def _round_significant(d, places, rounding):
    """d with places significant digits (padding with zeros if it has
    fewer), as a second rescale when rounding carried into a new digit."""
    if d._is_special or d._int == '0':
        return d
    result = d._rescale(d.adjusted() + 1 - places, rounding)
    if result.adjusted() != d.adjusted():
        result = result._rescale(result.adjusted() + 1 - places, rounding)
    return result
