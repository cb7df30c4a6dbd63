#### if_elif_else
for x in range(4):
    if x == 0:
        print('zero')
    elif x == 1:
        print('one')
    elif x == 2: print('two')
    else:
        print('many')
#### while_else_break
i = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 5:
        break
    print(i)
else:
    print('no break')
print('done', i)
#### for_else
for x in []:
    pass
else:
    print('empty else')
for x in range(3):
    if x == 1:
        break
else:
    print('not printed')
print(x)
#### nested_loops
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end='; ')
print()
#### conditional_expression
x = 5
print('big' if x > 3 else 'small', 'a' if None else 'b')
#### boolean_ops
print(1 and 2, 0 and 2, 1 or 2, 0 or '', None or [] or 'x', not 0, not 'a')
#### walrus
data = [1, 2, 3, 4]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * 2) > 4])
#### pass_statement
def f():
    pass
class C: pass
print(f(), C.__name__)
#### del_statement
x = 1
del x
try:
    x
except NameError as e:
    print(e)
l = [1, 2, 3]
del l[0], l[-1]
print(l)
#### assert_ok
assert True
assert 1 == 1, 'msg'
print('ok')
#### assert_fail
assert 1 == 2, 'one is not two'
#### assert_message
try:
    assert False, 'boom'
except AssertionError as e:
    print('caught', e, e.args)
#### global_statement
count = 0
def inc():
    global count
    count += 1
inc(); inc()
print(count)
#### nonlocal_statement
def outer():
    x = 0
    def inner():
        nonlocal x
        x += 1
        return x
    inner(); inner()
    return x
print(outer())
#### semicolons
a = 1; b = 2; print(a + b)
#### with_statement
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return et is ValueError
with CM('a') as v, CM('b') as w:
    print('body', v, w)
with CM('c'):
    raise ValueError('swallowed')
print('after')
#### with_exception_propagates
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): print('exit'); return False
with CM():
    raise KeyError('k')
#### for_tuple_targets
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
#### loop_variable_leak
for i in range(3):
    pass
print(i)
#### return_in_loop
def find(l, x):
    for i, v in enumerate(l):
        if v == x:
            return i
    return -1
print(find([5, 6, 7], 6), find([], 1))
#### try_finally_order
def f():
    try:
        print('try')
        return 'ret'
    finally:
        print('finally')
print(f())
#### finally_overrides_return
def f():
    try:
        return 1
    finally:
        return 2
print(f())
#### break_in_finally_loop
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print('f', i)
#### while_true_counter
n = 0
while True:
    n += 1
    if n >= 1000:
        break
print(n)
#### name_error
print(undefined_name)
#### unbound_local
def f():
    print(x)
    x = 1
x = 5
f()
#### match_statement
import collections, dataclasses
P = collections.namedtuple('P', 'x y')
@dataclasses.dataclass
class D:
    a: int
    b: str = 'b'
class C:
    __match_args__ = ('v',)
    def __init__(self, v):
        self.v = v
def classify(x):
    match x:
        case 0 | 1:
            return 'small'
        case -5:
            return 'minus five'
        case 'a' 'b':
            return 'ab'
        case None:
            return 'none'
        case True:
            return 'true'
        case []:
            return 'empty'
        case [1, *rest]:
            return 'starts1:%s' % rest
        case (a, *_, b):
            return 'ends:%s,%s' % (a, b)
        case {'k': 1, **others}:
            return 'k1:%s' % others
        case {'t': [x, y]} if x < y:
            return 'ordered:%s<%s' % (x, y)
        case P(x=0, y=yy):
            return 'P0:%s' % yy
        case P(a, b):
            return 'P:%s,%s' % (a, b)
        case D(1, b=bb):
            return 'D1:' + bb
        case C(v=str() as s) | C(v=[s]):
            return 'C:%s' % s
        case C(7):
            return 'C7'
        case float(f) if f > 1:
            return 'float:%s' % f
        case int():
            return 'int'
        case str(s):
            return 'str:' + s
        case _:
            return 'other:%r' % (x,)
for v in [0, 1, -5, 'ab', None, True, False, [], [1, 2, 3], (4, 5, 6), [7], {'k': 1, 'z': 2}, {'t': [1, 2]}, {'t': [2, 1]},
          P(0, 9), P(3, 4), D(1, 'q'), D(2), C('s'), C(['l']), C(7), 2.5, 0.5, 42, 'zz', range(2), b'ab', {'k': 2}]:
    print(classify(v))
match = 3
match += 1
print(match)
def g(match):
    return match
print(g(5))
try:
    match 1:
        case C(1, 2):
            pass
except TypeError as e:
    print(e)
try:
    match 1:
        case int(1, 2):
            pass
except TypeError as e:
    print(e)
try:
    match 1:
        case len():
            pass
except TypeError as e:
    print(e)
match (1, 2):
    case (x, y) if x > y:
        print('no')
    case (x, y):
        print('yes', x, y)
match 3, 4:
    case a, b:
        print(a + b)
d = collections.defaultdict(int)
match d:
    case {'missing': _}:
        print('matched')
    case _:
        print(dict(d))
#### match_is_a_soft_keyword
import re
match = re.match(r'(\w+)-(\d+)', 'zlib-13')
print(match.group(1), match[2])
def match(*args):
    return len(args)
print(match(1, 2), match((lambda: 1)(), {1: 2}))
match: int = 5
print(match, [match for match in range(2)])
