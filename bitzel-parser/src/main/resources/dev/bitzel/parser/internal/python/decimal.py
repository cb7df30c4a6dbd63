"""decimal for Bitzel's interpreter: Decimal with the General Decimal Arithmetic's results for construction,
str/repr, + - * / // %, comparisons, hashing, quantize, rounding, sqrt and the conversions, in a context of
28 digits (its precision and rounding can be changed with getcontext() or localcontext()). Not supported (they
raise NotImplementedError): the exponent limits and traps of a context, signal flags, and the mathematical
functions but sqrt."""
import math as _math
import re as _re

__all__ = ['Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext', 'ExtendedContext',
           'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal',
           'Overflow', 'Underflow', 'FloatOperation', 'DivisionImpossible', 'InvalidContext', 'ConversionSyntax',
           'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR',
           'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext', 'localcontext', 'MAX_PREC',
           'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY']

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

_HASH_MODULUS = 2 ** 61 - 1
_HASH_INF = 314159
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


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


def _signal(condition):
    # CPython's C decimal raises the signal's trap (InvalidOperation for its conditions) naming the condition
    trap = InvalidOperation if issubclass(condition, InvalidOperation) else condition
    return trap('[%r]' % (condition,))


class DecimalTuple(tuple):
    def __new__(cls, sign, digits, exponent):
        return _bitzel_make_tuple(cls, (sign, digits, exponent))

    @property
    def sign(self):
        return self[0]

    @property
    def digits(self):
        return self[1]

    @property
    def exponent(self):
        return self[2]

    def __repr__(self):
        return 'DecimalTuple(sign=%r, digits=%r, exponent=%r)' % tuple(self)


class Context:
    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None, flags=None,
                 traps=None):
        self.prec = 28 if prec is None else prec
        self.rounding = ROUND_HALF_EVEN if rounding is None else rounding
        self.Emin = -999999 if Emin is None else Emin
        self.Emax = 999999 if Emax is None else Emax
        self.capitals = 1 if capitals is None else capitals
        self.clamp = 0 if clamp is None else clamp
        if flags or traps:
            raise NotImplementedError('bitzel: decimal context flags and traps are not supported')

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[], '
                'traps=[InvalidOperation, DivisionByZero, Overflow])'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp))

    def create_decimal(self, num='0'):
        return Decimal(num)._fix(self)


DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP)
ExtendedContext = Context(prec=9)

_current = [DefaultContext.copy()]


def getcontext():
    return _current[-1]


def setcontext(context):
    _current[-1] = context


class _LocalContext:
    def __init__(self, context):
        self.context = context

    def __enter__(self):
        _current.append(self.context)
        return self.context

    def __exit__(self, *exc):
        _current.pop()
        return False


def localcontext(ctx=None, **kwargs):
    context = (ctx or getcontext()).copy()
    for name, value in kwargs.items():
        setattr(context, name, value)
    return _LocalContext(context)


def _all_zeros(s, pos):
    return s[pos:].strip('0') == ''


def _exact_half(s, pos):
    return s[pos:pos + 1] == '5' and _all_zeros(s, pos + 1)


def _round_change(rounding, sign, digits, keep):
    # 1: increment the kept digits; 0: they are the exact result; -1: dropping digits lost nonzero ones
    if rounding == ROUND_DOWN:
        return 0 if _all_zeros(digits, keep) else -1
    if rounding == ROUND_UP:
        return 0 if _all_zeros(digits, keep) else 1
    if rounding == ROUND_HALF_UP:
        if digits[keep:keep + 1] in ('5', '6', '7', '8', '9'):
            return 1
        return 0 if _all_zeros(digits, keep) else -1
    if rounding == ROUND_HALF_DOWN:
        if _exact_half(digits, keep):
            return -1
        return _round_change(ROUND_HALF_UP, sign, digits, keep)
    if rounding == ROUND_HALF_EVEN:
        if _exact_half(digits, keep) and (keep == 0 or digits[keep - 1] in '02468'):
            return -1
        return _round_change(ROUND_HALF_UP, sign, digits, keep)
    if rounding == ROUND_CEILING:
        return _round_change(ROUND_DOWN if sign else ROUND_UP, sign, digits, keep)
    if rounding == ROUND_FLOOR:
        return _round_change(ROUND_UP if sign else ROUND_DOWN, sign, digits, keep)
    if rounding == ROUND_05UP:
        if keep and digits[keep - 1] not in '05':
            return _round_change(ROUND_DOWN, sign, digits, keep)
        return _round_change(ROUND_UP, sign, digits, keep)
    raise ValueError('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                     '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]')


def _from_triple(sign, coefficient, exponent, special=False):
    self = object.__new__(Decimal)
    self._sign = sign
    self._int = coefficient
    self._exp = exponent
    self._is_special = special
    return self


def _convert_other(other, raiseit=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raiseit:
        raise TypeError('conversion from %s to Decimal is not supported' % type(other).__name__)
    return NotImplemented


_NUMBER = _re.compile(r"""
    \A\s*(?P<sign>[-+])?
    (?:
        (?=\d|\.\d)(?P<int>\d*)(?:\.(?P<frac>\d*))?(?:E(?P<exp>[-+]?\d+))?
      | (?P<inf>Inf(?:inity)?)
      | (?P<signal>s)?NaN(?P<diag>\d*)
    )\s*\Z""", _re.VERBOSE | _re.IGNORECASE)


def _parse(value):
    m = _NUMBER.match(value.replace('_', '') if '__' not in value else value)
    if m is None:
        return None
    sign = 1 if m.group('sign') == '-' else 0
    if m.group('inf'):
        return _from_triple(sign, '0', 'F', True)
    if m.group('diag') is not None:
        return _from_triple(sign, m.group('diag').lstrip('0'), 'N' if m.group('signal') else 'n', True)
    intpart = m.group('int') or ''
    fracpart = m.group('frac') or ''
    exp = int(m.group('exp') or '0') - len(fracpart)
    return _from_triple(sign, str(int(intpart + fracpart)), exp)


class Decimal:
    def __new__(cls, value='0', context=None):
        if isinstance(value, Decimal):
            return value
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                raise _signal(ConversionSyntax)
            return parsed
        if isinstance(value, bool) or isinstance(value, int):
            value = int(value)
            return _from_triple(1 if value < 0 else 0, str(abs(value)), 0)
        if isinstance(value, float):
            return Decimal.from_float(value)
        if isinstance(value, (tuple, list)):
            sign, digits, exponent = value
            if exponent in ('F', 'n', 'N'):
                return _from_triple(sign, ''.join(map(str, digits)) if exponent != 'F' else '0', exponent, True)
            return _from_triple(sign, str(int(''.join(map(str, digits)) or '0')), exponent)
        raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if _math.isinf(f) or _math.isnan(f):
            return cls(repr(f))
        sign = 0 if _math.copysign(1.0, f) == 1.0 else 1
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        return _from_triple(sign, str(n * 5 ** k), -k)

    # ---------------------------------------------------------------- predicates and parts

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
        if self._is_special:
            digits = tuple(int(c) for c in self._int) if self._exp != 'F' else (0,)
            return DecimalTuple(self._sign, digits, self._exp)
        return DecimalTuple(self._sign, tuple(int(c) for c in self._int), self._exp)

    def as_integer_ratio(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError('cannot convert NaN to integer ratio')
            raise OverflowError('cannot convert Infinity to integer ratio')
        if not int(self._int):
            return 0, 1
        n = int(self._int)
        if self._exp >= 0:
            n, d = n * 10 ** self._exp, 1
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n, d = n // g, d // g
        return (-n if self._sign else n), d

    def _special_check(self, *others):
        for x in (self,) + others:
            if x.is_nan():
                if x.is_snan() or any(o.is_snan() for o in others):
                    raise _signal(InvalidOperation)
                return x
        return None

    # ---------------------------------------------------------------- rounding

    def _fix(self, context):
        if self._is_special or self._int == '0':
            return self
        prec = context.prec
        exp_min = len(self._int) + self._exp - prec
        if self._exp >= exp_min:
            return self
        keep = len(self._int) + self._exp - exp_min
        digits = self._int
        if keep < 0:
            digits, keep = '1', 0
            exp_min = self._exp + len(self._int)
        change = _round_change(context.rounding, self._sign, digits, keep)
        coefficient = digits[:keep] or '0'
        if change > 0:
            coefficient = str(int(coefficient) + 1)
            if len(coefficient) > prec:
                coefficient = coefficient[:-1]
                exp_min += 1
        return _from_triple(self._sign, str(int(coefficient)), exp_min)

    def _rescale(self, exp, rounding):
        if self._int == '0':
            return _from_triple(self._sign, '0', exp)
        if self._exp >= exp:
            return _from_triple(self._sign, self._int + '0' * (self._exp - exp), exp)
        keep = len(self._int) + self._exp - exp
        digits = self._int
        if keep < 0:
            digits, keep = '1', 0
        change = _round_change(rounding, self._sign, digits, keep)
        coefficient = digits[:keep] or '0'
        if change > 0:
            coefficient = str(int(coefficient) + 1)
        return _from_triple(self._sign, coefficient, exp)

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert_other(exp, raiseit=True)
        context = context or getcontext()
        rounding = rounding or context.rounding
        if self._is_special or exp._is_special:
            nan = self._special_check(exp)
            if nan is not None:
                return nan
            if self.is_infinite() and exp.is_infinite():
                return Decimal(self)
            raise _signal(InvalidOperation)
        if self._int != '0' and self.adjusted() - exp._exp + 1 > context.prec:
            raise _signal(InvalidOperation)
        ans = self._rescale(exp._exp, rounding)
        if len(ans._int) > context.prec:
            raise _signal(InvalidOperation)
        return ans

    def to_integral_value(self, rounding=None, context=None):
        if self._is_special:
            return self
        if self._exp >= 0:
            return self
        return self._rescale(0, rounding or (context or getcontext()).rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        if self._is_special:
            return self
        dup = self._fix(context or getcontext())
        if dup._int == '0':
            return _from_triple(dup._sign, '0', 0)
        coefficient = dup._int.rstrip('0')
        return _from_triple(dup._sign, coefficient, dup._exp + len(dup._int) - len(coefficient))

    def sqrt(self, context=None):
        context = context or getcontext()
        if self._is_special:
            nan = self._special_check()
            if nan is not None:
                return nan
            if self._sign == 0:
                return Decimal(self)
            raise _signal(InvalidOperation)
        if self._int == '0':
            return _from_triple(self._sign, '0', self._exp // 2)
        if self._sign == 1:
            raise _signal(InvalidOperation)
        prec = context.prec + 1
        # the coefficient scaled to an even exponent with at least 2 * prec digits, its integer square root
        e = self._exp
        c = int(self._int)
        if e & 1:
            c *= 10
            e -= 1
        shift = max(0, 2 * prec - len(str(c)) + 1)
        shift += shift & 1
        c *= 10 ** shift
        e -= shift
        root = _math.isqrt(c)
        exact = root * root == c
        if not exact and root % 5 == 0:
            root += 1
        ans = _from_triple(0, str(root), e // 2)
        if exact:
            ideal = self._exp // 2
            while ans._exp < ideal and ans._int.endswith('0') and len(ans._int) > 1:
                ans = _from_triple(0, ans._int[:-1], ans._exp + 1)
        inner = context.copy()
        inner.rounding = ROUND_HALF_EVEN
        return ans._fix(inner)

    # ---------------------------------------------------------------- arithmetic

    def _value(self):
        # the exact value as (numerator, denominator)
        return self.as_integer_ratio()

    def __add__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        if self._is_special or other._is_special:
            nan = self._special_check(other)
            if nan is not None:
                return nan
            if self.is_infinite() and other.is_infinite() and self._sign != other._sign:
                raise _signal(InvalidOperation)
            return Decimal(self) if self.is_infinite() else Decimal(other)
        exp = min(self._exp, other._exp)
        a = int(self._int) * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = int(other._int) * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        total = a + b
        if total == 0:
            sign = self._sign & other._sign if self._sign == other._sign else (
                1 if context.rounding == ROUND_FLOOR else 0)
            return _from_triple(sign, '0', exp)
        return _from_triple(1 if total < 0 else 0, str(abs(total)), exp)._fix(context)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate(), context)

    def __rsub__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context)

    def __mul__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            nan = self._special_check(other)
            if nan is not None:
                return nan
            if self.is_zero() or other.is_zero():
                raise _signal(InvalidOperation)
            return _from_triple(sign, '0', 'F', True)
        return _from_triple(sign, str(int(self._int) * int(other._int)), self._exp + other._exp)._fix(
            context or getcontext())

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            nan = self._special_check(other)
            if nan is not None:
                return nan
            if self.is_infinite() and other.is_infinite():
                raise _signal(InvalidOperation)
            if self.is_infinite():
                return _from_triple(sign, '0', 'F', True)
            return _from_triple(sign, '0', 0)
        if other._int == '0':
            if self._int == '0':
                raise _signal(DivisionUndefined)
            raise _signal(DivisionByZero)
        if self._int == '0':
            return _from_triple(sign, '0', self._exp - other._exp)
        shift = len(other._int) - len(self._int) + context.prec + 1
        exp = self._exp - other._exp - shift
        if shift >= 0:
            coeff, remainder = divmod(int(self._int) * 10 ** shift, int(other._int))
        else:
            coeff, remainder = divmod(int(self._int), int(other._int) * 10 ** -shift)
        if remainder:
            if coeff % 5 == 0:
                coeff += 1
        else:
            ideal_exp = self._exp - other._exp
            while exp < ideal_exp and coeff % 10 == 0:
                coeff //= 10
                exp += 1
        return _from_triple(sign, str(coeff), exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context)

    def _divide_integer(self, other):
        if self._is_special or other._is_special:
            raise NotImplementedError('bitzel: // and % of infinite or NaN Decimals are not supported')
        if other._int == '0':
            if self._int == '0':
                raise _signal(DivisionUndefined)
            raise _signal(DivisionByZero)
        an, ad = self._value()
        bn, bd = other._value()
        q = abs(an * bd) // abs(bn * ad)
        return q, 1 if (self._sign ^ other._sign) else 0

    def __floordiv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        q, sign = self._divide_integer(other)
        return _from_triple(sign, str(q), 0)

    def __rfloordiv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        q, qsign = self._divide_integer(other)
        exp = min(self._exp, other._exp)
        a = int(self._int) * 10 ** (self._exp - exp)
        b = int(other._int) * 10 ** (other._exp - exp)
        r = a - b * q
        return _from_triple(self._sign, str(r), exp)._fix(context or getcontext())

    def __rmod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context)

    def __divmod__(self, other, context=None):
        return self.__floordiv__(other, context), self.__mod__(other, context)

    def __pow__(self, other, modulo=None, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        if modulo is not None or other._is_special or self._is_special or other._exp < 0 and \
                other._int.rstrip('0') != other._int[:len(other._int) + other._exp]:
            raise NotImplementedError('bitzel: Decimal ** with a non-integral exponent is not supported')
        n = int(other)
        if n >= 0:
            return _from_triple(self._sign if n % 2 else 0, str(int(self._int) ** n), self._exp * n)._fix(
                context or getcontext())
        return Decimal(1).__truediv__(self.__pow__(Decimal(-n)), context)

    def __neg__(self, context=None):
        if self._is_special:
            return self.copy_negate()
        if self._int == '0':
            return _from_triple(0, '0', self._exp)
        return self.copy_negate()._fix(context or getcontext())

    def __pos__(self, context=None):
        if self._is_special:
            return Decimal(self)
        if self._int == '0':
            return _from_triple(0, '0', self._exp)
        return self._fix(context or getcontext())

    def __abs__(self, round=True, context=None):
        return self.copy_abs()._fix(context or getcontext()) if not self._is_special else self.copy_abs()

    def copy_abs(self):
        return _from_triple(0, self._int, self._exp, self._is_special)

    def copy_negate(self):
        return _from_triple(1 - self._sign, self._int, self._exp, self._is_special)

    def copy_sign(self, other):
        other = _convert_other(other, raiseit=True)
        return _from_triple(other._sign, self._int, self._exp, self._is_special)

    # ---------------------------------------------------------------- comparisons and conversions

    def _compare(self, other):
        if isinstance(other, float):
            other = Decimal.from_float(other)
        elif not isinstance(other, Decimal):
            if isinstance(other, int):
                other = Decimal(other)
            elif type(other).__name__ == 'Fraction':
                an, ad = self._value()
                return (an * other.denominator > other.numerator * ad) - (an * other.denominator < other.numerator * ad)
            else:
                return NotImplemented
        if self.is_nan() or other.is_nan():
            return None
        if self.is_infinite() or other.is_infinite():
            a = 0 if not self.is_infinite() else (-1 if self._sign else 1)
            b = 0 if not other.is_infinite() else (-1 if other._sign else 1)
            if a != b:
                return (a > b) - (a < b)
            if a:
                return 0
        an, ad = self._value()
        bn, bd = other._value()
        return (an * bd > bn * ad) - (an * bd < bn * ad)

    def __eq__(self, other):
        c = self._compare(other)
        if c is NotImplemented:
            return c
        return c == 0

    def _order(self, other, test):
        c = self._compare(other)
        if c is NotImplemented:
            return c
        if c is None:
            raise _signal(InvalidOperation)
        return test(c)

    def __lt__(self, other):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._order(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        c = self._compare(_convert_other(other, raiseit=True))
        if c is None:
            return Decimal('NaN')
        return Decimal(c)

    def __hash__(self):
        if self._is_special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value.')
            if self.is_nan():
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _HASH_MODULUS)
        else:
            exp_hash = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        hash_ = int(self._int) * exp_hash % _HASH_MODULUS
        ans = hash_ if self._sign == 0 else -hash_
        return -2 if ans == -1 else ans

    def __bool__(self):
        return self._is_special or self._int != '0'

    def __int__(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        s = (-1) ** self._sign
        if self._exp >= 0:
            return s * int(self._int) * 10 ** self._exp
        return s * int(self._int[:self._exp] or '0')

    __trunc__ = __int__

    def __float__(self):
        if self.is_nan():
            if self.is_snan():
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan' if self._sign else 'nan')
        if self.is_infinite():
            return float('-inf' if self._sign else 'inf')
        n, d = self._value()
        return n / d if n else (-0.0 if self._sign else 0.0)

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            return self.quantize(_from_triple(0, '1', -n))
        if self._is_special:
            if self.is_nan():
                raise ValueError('cannot round a NaN')
            raise OverflowError('cannot round an infinity')
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def __floor__(self):
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        return int(self._rescale(0, ROUND_CEILING))

    def __str__(self, eng=False, context=None):
        sign = ['', '-'][self._sign]
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            return sign + ('sNaN' if self._exp == 'N' else 'NaN') + self._int
        leftdigits = self._exp + len(self._int)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == '0':
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + self._int
        elif dotplace >= len(self._int):
            intpart = self._int + '0' * (dotplace - len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace]
            fracpart = '.' + self._int[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            exp = ['e', 'E'][getcontext().capitals] + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, spec):
        if not spec:
            return str(self)
        raise NotImplementedError('bitzel: format specifications for Decimal are not supported')

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _unsupported_method(name):
    def method(self, *args, **kwargs):
        raise NotImplementedError('bitzel: Decimal.%s is not supported' % name)
    method.__name__ = name
    return method


for _name in ('ln', 'log10', 'exp', 'fma', 'logb', 'scaleb', 'next_plus', 'next_minus', 'next_toward', 'rotate',
              'shift', 'max', 'min', 'max_mag', 'min_mag', 'number_class', 'same_quantum', 'remainder_near',
              'compare_signal', 'compare_total', 'compare_total_mag', 'logical_and', 'logical_or', 'logical_xor',
              'logical_invert', 'is_normal', 'is_subnormal', 'is_canonical', 'canonical', 'conjugate', 'radix'):
    setattr(Decimal, _name, _unsupported_method(_name))
del _name
