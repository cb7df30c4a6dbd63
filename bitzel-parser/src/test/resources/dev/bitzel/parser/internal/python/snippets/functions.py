#### defaults_kwargs
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=8, d=0))
#### keyword_call
def g(x, y):
    return x - y
print(g(y=1, x=10), g(10, y=1))
#### missing_argument
def g(x, y):
    pass
g(1)
#### too_many_arguments
def g(x):
    pass
g(1, 2)
#### unexpected_keyword
def g(x):
    pass
g(x=1, z=2)
#### multiple_values
def g(x):
    pass
g(1, x=2)
#### star_args_call
def h(*args, **kwargs):
    return args, kwargs
print(h(*[1, 2], *(3,), **{'a': 1}, b=2))
#### positional_only
def p(a, b, /, c):
    return a + b + c
print(p(1, 2, c=3), p(1, 2, 3))
#### keyword_only
def k(*, a, b=2):
    return a * b
print(k(a=3))
#### closures
def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1 = make_counter(); c2 = make_counter()
print(c1(), c1(), c2())
#### closure_late_binding
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
#### nested_closures
def a():
    x = 1
    def b():
        def c():
            return x + 1
        return c
    return b()()
print(a())
#### lambda
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(4), add(1), add(1, 2), (lambda *a, **k: (a, k))(1, z=2))
#### recursion
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(25))
#### mutual_recursion
def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(10), odd(7))
#### decorators
def deco(f):
    def wrapper(*a, **k):
        return 'wrapped ' + str(f(*a, **k))
    return wrapper
def param(n):
    def d(f):
        return lambda: f() * n
    return d
@deco
def hello(name):
    return 'hello ' + name
@param(3)
def three():
    return 'x'
print(hello('bob'), three())
#### function_attributes
def f():
    'doc string'
    return 1
f.custom = 5
print(f.__name__, f.__doc__, f.custom)
#### default_mutable
def f(x, acc=[]):
    acc.append(x)
    return acc
f(1)
print(f(2))
#### recursion_error
def r(n):
    return r(n + 1)
r(0)
#### generator_in_call
print(sum(x * x for x in range(5)), max(len(w) for w in ['a', 'abc']))
#### kwargs_order
def f(**kw):
    return list(kw)
print(f(b=1, a=2, c=3))
#### callable_objects
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
a = Adder(5)
print(a(1), callable(a), callable(1), callable(len))
#### map_filter
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(None, [0, 1, '', 'a'])), list(filter(lambda x: x > 1, [1, 2, 3])))
#### not_callable
x = 5
x()
#### global_read_in_function
G = 10
def f():
    return G * 2
print(f())
#### class_scope_in_function
def f():
    class Local:
        v = 3
    return Local.v
print(f())
#### comprehension_scope
x = 'outer'
l = [x for x in range(3)]
print(x, l)
#### closure_in_comprehension
def f(n):
    return [n * i for i in range(3)]
print(f(2))
#### nested_function_defaults
def outer(v):
    def inner(a=v):
        return a
    return inner
print(outer(7)())
#### return_tuple
def f():
    return 1, 2
a, b = f()
print(a, b, f())
#### defaults_and_kwdefaults
def f(a, b=1, *args, c, d=2, **kw):
    pass
def g(a, *, b):
    pass
print(f.__defaults__, f.__kwdefaults__, g.__defaults__, g.__kwdefaults__, (lambda x=3, *, y=4: 0).__kwdefaults__)
#### argument_errors_name_the_qualified_name
class A:
    def f(self, x):
        pass
def outer():
    def inner(a):
        pass
    return inner
for call in [lambda: A().f(), lambda: outer()(), lambda: outer()(1, b=2), lambda: outer()(1, 2), lambda: outer()(1, a=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
