#### enum_basics
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1
print(repr(Color.RED), str(Color.RED), f'{Color.RED}', format(Color.RED, '>12'), Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color.__members__)
print(repr(Color), str(Color), type(Color), type(Color.RED), Color.RED.__class__)
print(Color(1) is Color.RED, Color['GREEN'], Color.RED in Color, Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1)
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum), issubclass(Color, Enum), hash(Color.RED) == hash('RED'))
print(list(reversed(Color)), sorted(Color.__members__), dict(Color.__members__)['CRIMSON'])
print({Color.RED: 'r'}[Color.CRIMSON], Color._member_names_, bool(Color.RED), bool(Color))
#### enum_errors
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
for f in [lambda: Color(5), lambda: Color['X'], lambda: 1 in Color, lambda: Color.RED < Color.GREEN, lambda: Color('1')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
try:
    class More(Color):
        BLUE = 3
except TypeError as e:
    print(e)
#### enum_auto_unique_and_functional_api
from enum import Enum, auto, unique, Flag
class A(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()
print(list(A), [m.value for m in A])
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print(e)
@unique
class Ok(Enum):
    A = 1
    B = 2
print(Ok.B)
An = Enum('An', 'ANT BEE, CAT')
print(list(An), repr(An.ANT), An(2), An['CAT'].value)
Pairs = Enum('Pairs', [('ONE', 'one'), ('TWO', 'two')])
print(list(Pairs), Pairs('two'))
Fl = Flag('Fl', 'A B C')
print([m.value for m in Fl], repr(Fl.A | Fl.C))
class Custom(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() * 2
    NORTH = auto()
    SOUTH = auto()
print(Custom.NORTH.value, Custom('southsouth'))
#### enum_methods_and_values
from enum import Enum
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), Planet((3.303e+23, 2.4397e6)))
class M(Enum):
    A = 1
    B = 'b'
    _ignore_ = ['tmp']
    tmp = 5
    def describe(self):
        return self.name.lower()
    @classmethod
    def first(cls):
        return list(cls)[0]
    def __str__(self):
        return 'M:' + self.name
    lam = lambda self: 1
    class Inner:
        pass
print(M.A.describe(), M.first(), M.B, repr(M.B), f'{M.A}', [m.name for m in M], hasattr(M, 'tmp'))
class S(Enum):
    A = 'a'
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.lower() == 'a':
            return cls.A
        if value == 0:
            return 5
print(S('A'), S('a'))
for v in ['q', 0]:
    try:
        S(v)
    except Exception as e:
        print(type(e).__name__, e)
import copy
print(copy.copy(S.A) is S.A, copy.deepcopy([S.A])[0] is S.A)
#### int_enum
from enum import IntEnum, auto
class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = auto()
print(repr(Num.ONE), str(Num.ONE), f'{Num.ONE}', format(Num.ONE, '03d'), '%d %s %r' % (Num.TWO, Num.TWO, Num.TWO))
print(Num.ONE + 1, Num.ONE < Num.TWO, Num.ONE == 1, 2 == Num.TWO, hash(Num.ONE), int(Num.TWO), float(Num.ONE), [0, 1, 2][Num.TWO])
print(isinstance(Num.ONE, int), Num.THREE.value, Num(3), -Num.TWO, abs(Num.ONE), ~Num.ONE, Num.ONE | Num.TWO, Num.TWO * 'ab')
print({Num.ONE: 'x'}[1], {1: 'y'}[Num.ONE], Num.ONE in {1, 2}, 1 in {Num.ONE}, sorted([Num.TWO, Num.ONE, 0]), max(Num), sum(Num))
print(list(range(Num.TWO)), bool(Num.ONE), Num.TWO.bit_length(), str(Num.ONE + Num.TWO), type(Num.ONE + 1).__name__)
class Plain(int):
    pass
p = Plain(7)
print(p, repr(p), p + 1, p == 7, type(p).__name__, isinstance(p, int), hash(p) == hash(7), Plain('12', 8), f'{p:x}')
#### flags
from enum import Flag, IntFlag, auto
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
print(repr(Perm.R | Perm.W), str(Perm.R | Perm.W), repr(Perm.R & Perm.X), str(Perm(0)), repr(~Perm.R), repr(Perm.R ^ Perm.R))
print(Perm.R in (Perm.R | Perm.W), list(Perm.R | Perm.W | Perm.X), len(Perm.R | Perm.X), bool(Perm(0)), list(Perm), Perm(7).name, Perm(0).name)
print(Perm.__members__, repr(Perm), Perm['RW'] is (Perm.W | Perm.R), Perm(6))
try:
    Perm(8)
except ValueError as e:
    print(repr(str(e)))
try:
    1 in Perm.R
except TypeError as e:
    print(e)
class F(Flag):
    A = auto()
    B = auto()
    C = auto()
print([m.value for m in F], repr(F.A | F.C), repr(F(7)), F.A | F.B in F(7))
class P2(IntFlag):
    R = 4
    W = 2
    X = 1
print(repr(P2.R | P2.W), str(P2.R | P2.W), repr(P2.R | 8), P2.R + 1, repr(~P2.R), repr(P2(0)), str(P2(0)), int(P2.R | P2.W))
print(bool(P2.R & P2.X), repr(P2(-1)), repr(P2.R | 1), isinstance(P2.R, int), P2.R == 4, format(P2.R | P2.X, '04b'))
