"""fractions for Bitzel's interpreter: Fraction, exact rational arithmetic with CPython 3.11's results, reprs and
errors (Decimal arguments are converted through their exact ratio)."""
import math as _math
import re as _re

__all__ = ['Fraction']

_HASH_MODULUS = 2 ** 61 - 1
_HASH_INF = 314159

_RATIONAL_FORMAT = _re.compile(r"""
    \A\s*                                 # optional whitespace at the start,
    (?P<sign>[-+]?)                       # an optional sign, then
    (?=\d|\.\d)                           # lookahead for digit or .digit
    (?P<num>\d*|\d+(_\d+)*)               # numerator (possibly empty)
    (?:                                   # followed by
       (?:\s*/\s*(?P<denom>\d+(_\d+)*))?  # an optional denominator
    |                                     # or
       (?:\.(?P<decimal>\d*|\d+(_\d+)*))? # an optional fractional part
       (?:E(?P<exp>[-+]?\d+(_\d+)*))?     # and optional exponent
    )
    \s*\Z                                 # and optional whitespace to finish
""", _re.VERBOSE | _re.IGNORECASE)


def _is_rational(x):
    return isinstance(x, (int, Fraction))


class Fraction:
    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float) or type(numerator).__name__ == 'Decimal':
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                m = _RATIONAL_FORMAT.match(numerator)
                if m is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator = int(m.group('num') or '0')
                denom = m.group('denom')
                if denom:
                    denominator = int(denom)
                else:
                    denominator = 1
                    decimal = m.group('decimal')
                    if decimal:
                        decimal = decimal.replace('_', '')
                        scale = 10 ** len(decimal)
                        numerator = numerator * scale + int(decimal)
                        denominator *= scale
                    exp = m.group('exp')
                    if exp:
                        exp = int(exp)
                        if exp >= 0:
                            numerator *= 10 ** exp
                        else:
                            denominator *= 10 ** -exp
                if m.group('sign') == '-':
                    numerator = -numerator
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif _is_rational(numerator) and _is_rational(denominator):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                n1, d1 = (numerator._numerator, numerator._denominator) if isinstance(numerator, Fraction) \
                    else (int(numerator), 1)
                n2, d2 = (denominator._numerator, denominator._denominator) if isinstance(denominator, Fraction) \
                    else (int(denominator), 1)
                numerator, denominator = n1 * d2, d1 * n2
            else:
                numerator, denominator = int(numerator), int(denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def _new(cls, numerator, denominator):
        # an already normalized fraction
        self = object.__new__(cls)
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)' % (cls.__name__, f, type(f).__name__))
        return cls._new(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, int):
            return cls(dec)
        return cls._new(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def is_integer(self):
        return self._denominator == 1

    def limit_denominator(self, max_denominator=1000000):
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
            return Fraction._new(p1, q1)
        return Fraction._new(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(float(self), spec)

    # arithmetic: exact with ints and fractions, float with floats, as numbers.Rational's operators

    def _operate(self, other, exact, inexact):
        if isinstance(other, (int, Fraction)):
            return exact(self, Fraction(other))
        if isinstance(other, float):
            return inexact(float(self), other)
        return NotImplemented

    def _operate_reflected(self, other, exact, inexact):
        if isinstance(other, (int, Fraction)):
            return exact(Fraction(other), self)
        if isinstance(other, float):
            return inexact(other, float(self))
        return NotImplemented

    def __add__(a, b):
        return a._operate(b, _add, lambda x, y: x + y)

    def __radd__(b, a):
        return b._operate_reflected(a, _add, lambda x, y: x + y)

    def __sub__(a, b):
        return a._operate(b, _sub, lambda x, y: x - y)

    def __rsub__(b, a):
        return b._operate_reflected(a, _sub, lambda x, y: x - y)

    def __mul__(a, b):
        return a._operate(b, _mul, lambda x, y: x * y)

    def __rmul__(b, a):
        return b._operate_reflected(a, _mul, lambda x, y: x * y)

    def __truediv__(a, b):
        return a._operate(b, _div, lambda x, y: x / y)

    def __rtruediv__(b, a):
        return b._operate_reflected(a, _div, lambda x, y: x / y)

    def __floordiv__(a, b):
        return a._operate(b, lambda x, y: (x._numerator * y._denominator) // (x._denominator * y._numerator),
                          lambda x, y: x // y)

    def __rfloordiv__(b, a):
        return b._operate_reflected(a, lambda x, y: (x._numerator * y._denominator)
                                    // (x._denominator * y._numerator), lambda x, y: x // y)

    def __divmod__(a, b):
        return a._operate(b, _divmod, divmod)

    def __rdivmod__(b, a):
        return b._operate_reflected(a, _divmod, divmod)

    def __mod__(a, b):
        return a._operate(b, lambda x, y: _divmod(x, y)[1], lambda x, y: x % y)

    def __rmod__(b, a):
        return b._operate_reflected(a, lambda x, y: _divmod(x, y)[1], lambda x, y: x % y)

    def __pow__(a, b):
        if isinstance(b, (int, Fraction)) and Fraction(b)._denominator == 1:
            power = Fraction(b)._numerator
            if power >= 0:
                return Fraction._new(a._numerator ** power, a._denominator ** power)
            if a._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (a._denominator ** -power))
            if a._numerator > 0:
                return Fraction._new(a._denominator ** -power, a._numerator ** -power)
            return Fraction._new((-a._denominator) ** -power, (-a._numerator) ** -power)
        if isinstance(b, (int, float, Fraction)):
            return float(a) ** float(b)
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, (int, Fraction)):
            return Fraction(a) ** b
        if isinstance(a, float):
            return a ** float(b)
        return NotImplemented

    def __pos__(a):
        return Fraction._new(a._numerator, a._denominator)

    def __neg__(a):
        return Fraction._new(-a._numerator, a._denominator)

    def __abs__(a):
        return Fraction._new(abs(a._numerator), a._denominator)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            elif remainder * 2 > self._denominator:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            hash_ = _HASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return op(self._numerator * other._denominator, self._denominator * other._numerator)
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, lambda x, y: x < y)

    def __gt__(a, b):
        return a._richcmp(b, lambda x, y: x > y)

    def __le__(a, b):
        return a._richcmp(b, lambda x, y: x <= y)

    def __ge__(a, b):
        return a._richcmp(b, lambda x, y: x >= y)

    def __bool__(a):
        return bool(a._numerator)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _add(a, b):
    da, db = a._denominator, b._denominator
    return Fraction(a._numerator * db + b._numerator * da, da * db)


def _sub(a, b):
    da, db = a._denominator, b._denominator
    return Fraction(a._numerator * db - b._numerator * da, da * db)


def _mul(a, b):
    return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)


def _div(a, b):
    if b._numerator == 0:
        raise ZeroDivisionError('Fraction(%s, 0)' % (a._numerator * b._denominator))
    return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)


def _divmod(a, b):
    da, db = a._denominator, b._denominator
    div, n_mod = divmod(a._numerator * db, da * b._numerator)
    return div, Fraction(n_mod, da * db)
