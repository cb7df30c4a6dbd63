#### simple_generator
def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(4)), sum(gen(3)))
#### generator_is_iterator
def g():
    yield 1
    yield 2
it = g()
print(next(it), next(it), next(it, 'done'))
#### yield_from
def inner():
    yield 1
    yield 2
def outer():
    yield 0
    yield from inner()
    yield from [3, 4]
print(list(outer()))
#### generator_return
def g():
    yield 1
    return
    yield 2
print(list(g()))
#### generator_expression_lazy
def noisy(n):
    for i in range(n):
        print('produce', i)
        yield i
ge = (x * 10 for x in [1, 2, 3])
print(next(ge))
print(list(ge))
#### genexp_any_short_circuit
calls = []
def check(x):
    calls.append(x)
    return x > 1
print(any(check(x) for x in [1, 2, 3, 4]), calls)
#### generator_with_state
def fib():
    a, b = 0, 1
    for _ in range(10):
        yield a
        a, b = b, a + b
print(list(fib()))
#### generator_in_class
class Tree:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = kids
    def walk(self):
        yield self.v
        for k in self.kids:
            yield from k.walk()
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t.walk()))
#### genexp_nested
print(list((i, j) for i in range(3) for j in range(i)))
#### generator_exception
def g():
    yield 1
    raise ValueError('in gen')
try:
    for x in g():
        print(x)
except ValueError as e:
    print('caught', e)
#### iter_protocol_dict_items
d = {'a': 1, 'b': 2}
print([k + str(v) for k, v in d.items()], dict(zip(d.values(), d.keys())))
#### enumerate_of_generator
def g():
    yield 'x'
    yield 'y'
print(list(enumerate(g())))
#### genexp_type
g = (x for x in [])
print(type(g).__name__, list(g))
#### sorted_generator
print(sorted(x % 4 for x in range(10)))
#### str_join_generator
print('+'.join(str(i) for i in range(5)))
#### yield_from_returns_the_generators_value
def sub():
    yield 1
    yield 2
    return 'done'
def outer(res):
    r = yield from sub()
    res.append(r)
    r = yield from [3]
    res.append(r)
res = []
print(list(outer(res)), res)
#### close_ends_generators
def g():
    yield 1
    yield 2
x = g()
print(x.close(), next(x, 'e'))
x = g()
next(x)
x.close()
print(next(x, 'e'), list(x))
y = (i for i in range(3))
next(y)
y.close()
print(list(y))
#### lazy_side_effects_interleave
def g():
    print('start')
    yield 1
    print('middle')
    yield 2
    print('end')
it = g()
print('created')
print(next(it))
print('between')
print(next(it))
print(next(it, 'done'))
#### infinite_generator
import itertools
def nat():
    n = 0
    while True:
        yield n
        n += 1
print(list(itertools.islice(nat(), 3, 12, 4)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print([x for _, x in zip(range(10), fib())])
#### send_values
def echo():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            break
        got.append(x)
    return got
e = echo()
print(next(e), e.send('a'), e.send('b'))
try:
    e.send(None)
except StopIteration as s:
    print('stop', s.value, s.args)
#### send_to_just_started
def g():
    x = yield 1
    print('got', x)
    yield 2
it = g()
try:
    it.send(5)
except TypeError as e:
    print(type(e).__name__, e)
print(it.send(None), it.send('v'))
ge = (c for c in 'ab')
try:
    ge.send(1)
except TypeError as e:
    print('genexp', e)
print(next(ge), ge.send(7), next(ge, 'end'))
#### stop_iteration_carries_return_value
def g():
    yield 1
    return 42
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value, e.args)
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value)
def h():
    return 'r'
    yield
try:
    h().send(None)
except StopIteration as e:
    print(e.value)
#### throw_into_generator
def g():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('handled', e)
            yield 'after'
it = g()
print(next(it))
print(it.throw(ValueError('bad')))
print(next(it))
print(it.throw(ValueError, 'two'))
try:
    it.throw(KeyError('k'))
except KeyError as e:
    print('escaped', repr(e))
print(next(it, 'finished'))
#### throw_unstarted_and_finished
def g():
    try:
        yield 1
    finally:
        print('cleanup')
it = g()
try:
    it.throw(RuntimeError('early'))
except RuntimeError as e:
    print('raised', e)
print(next(it, 'closed'))
try:
    it.throw(TypeError)
except TypeError as e:
    print('again', type(e).__name__)
try:
    g().throw(1)
except TypeError as e:
    print(e)
try:
    g().throw(ValueError('x'), 'y')
except TypeError as e:
    print(e)
#### close_runs_finally
def g():
    try:
        yield 1
        yield 2
    finally:
        print('finally ran')
it = g()
print(next(it))
print(it.close())
print(it.close())
print(list(it))
def h():
    try:
        yield 1
    except GeneratorExit:
        print('exit seen')
        raise
it = h()
next(it)
it.close()
#### close_ignoring_generator_exit
def g():
    try:
        yield 1
    except GeneratorExit:
        print('ignoring')
    yield 2
it = g()
next(it)
try:
    it.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def h():
    try:
        yield 1
    finally:
        return 'swallowed'
it = h()
next(it)
print(it.close())
def k():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError('other')
it = k()
next(it)
try:
    it.close()
except ValueError as e:
    print('close raised', e)
#### generator_already_executing
def g():
    yield next(me)
me = g()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
#### yield_expression_positions
def g():
    x = yield 1
    print('x', x)
    print('sum', (yield 2) + (yield 3))
    y = [(yield 4), (yield 5)]
    print('y', y)
    z = {'a': (yield 6)}
    print('z', z)
    print('f', f'{(yield 7)}-{(yield 8)!r}')
    w = yield
    return w
it = g()
out = [next(it)]
try:
    for v in 'abcdefghij':
        out.append(it.send(v))
except StopIteration as e:
    print('returned', e.value)
print(out)
#### yield_operands_evaluated_once
log = []
def f(x):
    log.append(x)
    return x
def g():
    r = f('a') + (yield 1) + f('b') + (yield 2)
    print(r)
    print(f('c') and (yield 3) or f('d'))
    print(f(1) < (yield 4) < f(10))
    print([f('e'), *(yield 5), f('g')])
    print(dict([(f('h'), 1)] if (yield 6) else [(f('i'), 2)], k=(yield 7)))
it = g()
next(it)
vals = ['x', 'y', '', 5, ['s', 't'], True, 'v']
try:
    for v in vals:
        it.send(v)
except StopIteration:
    pass
print(log)
#### yield_inside_control_flow
def g(n):
    for i in range(n):
        if i % 2:
            continue
        try:
            yield 'try', i
            if i == 2:
                raise KeyError(i)
        except KeyError as e:
            yield 'except', e.args[0]
        else:
            yield 'else', i
        finally:
            yield 'finally', i
    else:
        yield 'loop-else'
    k = 0
    while k < 2:
        with Ctx(k) as c:
            yield 'with', c
        k += 1
class Ctx:
    def __init__(self, k):
        self.k = k
    def __enter__(self):
        print('enter', self.k)
        return self.k * 10
    def __exit__(self, *a):
        print('exit', self.k, a[0])
print(list(g(4)))
#### yield_in_except_and_bare_raise
def g():
    try:
        raise ValueError('orig')
    except ValueError:
        yield 'in handler'
        raise
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print('re-raised', e)
def h():
    try:
        yield 1
    except Exception as e:
        yield type(e).__name__
    try:
        e
    except NameError:
        yield 'unbound'
it = h()
next(it)
print(it.throw(OSError('x')), next(it))
#### yield_from_delegation
def sub():
    try:
        x = yield 'sub1'
        print('sub got', x)
        x = yield 'sub2'
        print('sub got', x)
    except ValueError as e:
        print('sub caught', e)
        yield 'sub-recovered'
    finally:
        print('sub finally')
    return 'sub-result'
def outer():
    r = yield from sub()
    print('outer got', r)
    yield 'outer-last'
it = outer()
print(next(it))
print(it.send('A'))
print(it.throw(ValueError('V')))
print(next(it))
print(next(it, 'end'))
it = outer()
next(it)
it.close()
print('closed')
#### yield_from_non_generators
class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration('counted')
        self.n -= 1
        return self.n
def g():
    r = yield from Counter(3)
    yield r
    r = yield from (x * 2 for x in range(2))
    yield r
    r = yield from {'a': 1}
    yield r
print(list(g()))
def h():
    yield from [1, 2]
it = h()
next(it)
try:
    it.send('x')
except AttributeError as e:
    print(type(e).__name__, e)
def k():
    yield from 5
try:
    list(k())
except TypeError as e:
    print(e)
#### stop_iteration_inside_generator
def g():
    yield 1
    raise StopIteration('oops')
try:
    list(g())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def h():
    it = iter([])
    yield next(it)
try:
    list(h())
except RuntimeError as e:
    print(e)
#### generator_exception_after_values
def g():
    yield 1
    yield 2
    raise KeyError('k')
it = g()
print(next(it), next(it))
try:
    next(it)
except KeyError as e:
    print('key', e)
print(next(it, 'done'))
#### generator_local_state_and_closures
def counter():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    while True:
        n = yield total
        add(n)
c = counter()
next(c)
print(c.send(3), c.send(4), c.send(10))
#### aug_assign_with_yield
class Box:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        print('get v')
        return self._v
    @v.setter
    def v(self, value):
        print('set v', value)
        self._v = value
def g(b, d):
    b.v += yield 'a'
    d['k'] += yield 'b'
    n = 5
    n *= yield 'c'
    yield b.v, d, n
b = Box()
it = g(b, {'k': 10})
next(it)
it.send(2)
it.send(3)
print(it.send(4))
#### generator_lambda_and_genexp_yield_syntax
f = lambda: (yield 1)
it = f()
print(next(it))
try:
    it.send('ret')
except StopIteration as e:
    print('lambda returned', e.value)
for src in ['[(yield) for x in y]', '{(yield) for x in y}', '{x: (yield) for x in y}', '((yield) for x in y)']:
    try:
        compile('def f():\n    return ' + src + '\n', 'f', 'exec')
    except SyntaxError as e:
        print(e.msg)
#### generator_repr_and_inspect
import inspect
def gen():
    yield 1
g = gen()
print(repr(g).startswith('<generator object gen at 0x'), type(g).__name__, inspect.isgenerator(g), inspect.isgeneratorfunction(gen))
print(iter(g) is g, hasattr(g, 'send'), hasattr(g, 'throw'), hasattr(g, 'close'))
#### generator_match_and_nested_loops
def g(items):
    for item in items:
        match item:
            case (a, b):
                for i in range(a):
                    yield 'pair', i, b
            case str() as s if (yield 'guard ' + s):
                yield 'accepted', s
            case _:
                yield 'other', item
it = g([(2, 'x'), 'q', 'r', 7])
out = [next(it)]
for v in [None, None, True, None, False, None]:
    try:
        out.append(it.send(v))
    except StopIteration:
        break
print(out)
#### many_yields
def g(n):
    for i in range(n):
        yield i
print(sum(g(200000)))
