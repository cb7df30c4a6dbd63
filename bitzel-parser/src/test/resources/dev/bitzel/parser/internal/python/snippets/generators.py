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
