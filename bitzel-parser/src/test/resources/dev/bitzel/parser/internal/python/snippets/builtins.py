#### len_variants
print(len('abc'), len([1]), len({}), len((1, 2)), len(range(5)), len({1, 2}), len(b'xy'))
#### len_error
len(5)
#### sorted_variants
print(sorted([3, 1, 2]), sorted('cba'), sorted({'b': 1, 'a': 2}), sorted([-3, 1, 2], key=abs), sorted(['B', 'a', 'C'], key=str.lower))
#### sorted_mixed_error
sorted([1, 'a'])
#### reversed_builtin
print(list(reversed([1, 2, 3])), ''.join(reversed('abc')), list(reversed(range(3))), list(reversed({'a': 1, 'b': 2})))
#### min_max_key_default
print(min([3, 1, 2], key=lambda x: -x), max('apple', 'fig', key=len), min([], default='none'), max(1, 2, 3))
#### min_empty
min([])
#### sum_any_all
print(sum([1, 2, 3]), sum([1.5, 2]), sum([[1], [2]], []), any([0, '', 1]), all([1, 'a']), any([]), all([]))
#### isinstance_bool_int
print(isinstance(True, bool), isinstance(1, bool), type(True) == bool, bool.__name__, int.__name__)
#### ord_chr
print(ord('a'), ord('é'), chr(65), chr(0x1F600) == '\U0001F600', ord(b'a'))
#### iter_next
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'))
#### iter_sentinel
vals = [3, 2, 1, 0, 5]
it = iter(lambda: vals.pop(0), 0)
print(list(it))
#### type_checks
print(type(1) is int, type(1.0) is float, type('') is str, type([]) is list, type({}) is dict, type(()) is tuple, type(set()) is set, type(None) is type(None))
#### repr_builtins
print(repr(len), repr(int), repr(str), repr(ValueError))
#### getattr_default
print(getattr('abc', 'upper')(), getattr([], 'nope', 42))
#### hash_consistency
print(hash(1) == hash(1.0) == hash(True), hash('a') == hash('a'), hash((1, 2)) == hash((1, 2)), hash(0), hash(-5), hash(10 ** 3))
#### hash_unhashable
hash([])
#### zip_strict
list(zip([1, 2], [1], strict=True))
#### dir_basic
class A:
    def m(self): pass
print('m' in dir(A()), 'append' in dir([]))
#### int_bool_float_constructors
print(int(), float(), str(), bool(), list(), dict(), tuple(), bool([]), bool([0]), bool(0.0))
#### divmod_negative
print(divmod(-7, -2), divmod(7, -2), -7 // -2)
#### print_sep_end
print('a', 'b', sep='-', end='!\n')
print('x', end='')
print('y')
print()
print(1, 2, sep='')
#### enumerate_start
for i, c in enumerate('xy', start=10):
    print(i, c)
#### list_of_map
print(list(map(int, '123')), [*map(len, ['a', 'bb'])])
#### range_negative_step
print(list(range(10, 0, -3)), list(range(-3, 3)), range(0, 10, 2)[-1])
#### abs_bool
print(abs(True), abs(-0.0))
#### round_types
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, round(-0.5), round(1.5))
#### slice_object
s = slice(1, 5, 2)
print([0, 1, 2, 3, 4, 5][s], s.start, s.stop, s.step)
#### max_of_strings
print(max(['apple', 'banana', 'cherry']), min('hello'))
#### eval_exec
print(eval('1 + 2 * 3'), eval('x + 1', {'x': 41}))
g = {}
exec('y = 5\ndef f(): return y * 2', g)
print(g['y'], g['f']())
#### callable_types
print(callable(str), callable('s'), callable(lambda: 0), callable(print))
#### bytes_constructor
print(bytes(3), bytes([65, 66]), bytes('hé', 'utf-8'), list(bytes(b'ab')))
#### str_of_collections_nested_str
print(str(['a', "b'c"]), str({'k': 'v'}), str(('x',)))
#### id_is_stable
a = []
print(id(a) == id(a), a is a, [] is [])
#### set_frozenset_repr_single
print({'only'}, frozenset(['z']), set([1, 1, 1]))
#### hash_of_user_hash_values
class F:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
print(hash(F(5)), hash(F(2**70)), hash(F(-1)), hash(F(True)), hash(F((1 << 61) - 1)))
try:
    hash(F('x'))
except TypeError as e:
    print(e)
#### bytearray
ba = bytearray(b'ab')
print(ba + b'c', b'c' + ba, type(b'c' + ba).__name__, ba[0], ba[1:], ba == b'ab', bytes(ba), isinstance(ba, bytes))
ba.append(99)
ba.extend(b'de')
ba[0] = 65
ba[1:2] = b'xy'
print(ba, len(ba), ba.pop(), ba.decode(), ba.hex())
ba2 = ba
ba += b'!'
print(ba2 is ba, ba2)
print(bytearray(), bytearray(3), bytearray('é', 'utf-8'), bytearray([1, 2]), ba.upper(), type(ba.upper()).__name__, bytearray(b'a b').split())
try:
    hash(ba)
except TypeError as e:
    print(e)
try:
    ba.append(256)
except ValueError as e:
    print(e)
try:
    bytearray('x')
except TypeError as e:
    print(e)
print(repr(bytearray(b"it's")), bytearray.fromhex('4142'), str(bytearray(b'x')), b'x' in ba, 120 in ba, list(bytearray(b'hi')))
ba.insert(0, 33)
ba.insert(-1, 63)
ba.remove(65)
ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba, bytearray(b'x') * 2 if False else '', ba.split(b'y'))
ba.clear()
print(ba, bool(ba))
try:
    bytearray().pop()
except IndexError as e:
    print(e)
try:
    bytearray(b'a')[5] = 1
except IndexError as e:
    print(e)
try:
    bytearray(b'a') + 'x'
except TypeError as e:
    print(e)
import copy
src = bytearray(b'ab')
c1, c2 = copy.copy(src), copy.deepcopy([src])[0]
src.append(99)
print(c1, c2, src, c1 is src)
