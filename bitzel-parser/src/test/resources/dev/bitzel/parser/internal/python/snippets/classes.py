#### basic_class
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(3, 4)
print(p, p.norm2(), Point.dims, p.dims, [p], str(p))
#### inheritance_super
class A:
    def __init__(self, v):
        self.v = v
    def who(self):
        return 'A'
    def hello(self):
        return 'hello from ' + self.who()
class B(A):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def who(self):
        return 'B' + super().who()
b = B(1, 2)
print(b.v, b.w, b.hello(), isinstance(b, A), issubclass(B, A), issubclass(A, B), type(b).__name__)
#### mro_diamond
class A:
    def f(self): return 'A'
class B(A):
    def f(self): return 'B' + super().f()
class C(A):
    def f(self): return 'C' + super().f()
class D(B, C):
    def f(self): return 'D' + super().f()
print(D().f(), [k.__name__ for k in D.__mro__])
#### str_vs_repr
class X:
    def __str__(self): return 'str!'
    def __repr__(self): return 'repr!'
x = X()
print(x, repr(x), [x], f'{x}', f'{x!r}', '%s %r' % (x, x))
#### eq_hash
class K:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, K) and self.k == o.k
    def __hash__(self): return hash(self.k)
d = {K(1): 'one'}
print(d[K(1)], K(1) == K(1), K(1) != K(2), K(1) in [K(1)], len({K(1), K(1)}))
#### unhashable_with_eq
class E:
    def __eq__(self, o): return True
{E(): 1}
#### ordering
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'V%d' % self.v
print(sorted([V(3), V(1), V(2)]), V(1) < V(2), V(2) > V(1), max([V(1), V(5)]))
#### container_protocol
class Bag:
    def __init__(self): self.items = {}
    def __len__(self): return len(self.items)
    def __getitem__(self, k): return self.items[k]
    def __setitem__(self, k, v): self.items[k] = v
    def __delitem__(self, k): del self.items[k]
    def __contains__(self, k): return k in self.items
    def __iter__(self): return iter(sorted(self.items))
b = Bag()
b['x'] = 1; b['a'] = 2
print(len(b), b['x'], 'a' in b, 'z' in b, list(b), bool(b))
del b['x']
print(len(b), [k for k in b])
#### bool_len_protocol
class Z:
    def __len__(self): return 0
class T:
    def __bool__(self): return False
print(bool(Z()), bool(T()), bool(object()), 'yes' if Z() else 'no')
#### class_attributes_shared
class C:
    items = []
    count = 0
    def add(self, x):
        self.items.append(x)
        self.count += 1
a = C(); b = C()
a.add(1); b.add(2)
print(C.items, a.count, b.count, C.count)
#### properties
class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v): self._c = v * 1
    @property
    def f(self): return self._c * 9 / 5 + 32
t = Temp()
t.c = 100
print(t.c, t.f)
#### property_no_setter
class P:
    @property
    def x(self): return 1
P().x = 2
#### staticmethod_classmethod
class M:
    n = 'M'
    @staticmethod
    def s(a): return a * 2
    @classmethod
    def c(cls, a): return cls.n + str(a)
class N(M):
    n = 'N'
print(M.s(2), M().s(3), M.c(1), N.c(2), N().c(3))
#### getattr_fallback
class G:
    def __getattr__(self, name):
        if name.startswith('x'):
            return name.upper()
        raise AttributeError(name)
g = G()
print(g.xyz, getattr(g, 'xa'), hasattr(g, 'b'), getattr(g, 'b', 'default'))
#### attribute_error
class A: pass
A().missing
#### setattr_getattr_builtins
class O: pass
o = O()
setattr(o, 'a', 1)
print(getattr(o, 'a'), hasattr(o, 'a'), vars(o))
delattr(o, 'a')
print(hasattr(o, 'a'))
#### dunder_arith
class Vec:
    def __init__(self, *c): self.c = c
    def __add__(self, o): return Vec(*[a + b for a, b in zip(self.c, o.c)])
    def __mul__(self, k): return Vec(*[a * k for a in self.c])
    def __rmul__(self, k): return self * k
    def __neg__(self): return self * -1
    def __repr__(self): return 'Vec%r' % (self.c,)
print(Vec(1, 2) + Vec(3, 4), Vec(1, 2) * 3, 2 * Vec(1, 1), -Vec(1, 2))
#### subclass_dict
class D(dict):
    def __missing__(self, k):
        return 'missing:' + k
    def total(self):
        return sum(self.values())
d = D(a=1)
d['b'] = 2
print(d['a'], d['zz'], d.total(), len(d), sorted(d), isinstance(d, dict), d.get('q', 0))
#### subclass_list
class L(list):
    def first(self): return self[0]
l = L([3, 1])
l.append(2)
print(l.first(), len(l), sorted(l), isinstance(l, list), l)
#### class_repr_default_type
class Foo: pass
print(Foo, type(Foo()) is Foo, Foo.__name__, type(1), type('a'), type(None).__name__, type(Foo))
#### isinstance_tuple_builtins
print(isinstance(1, (str, int)), isinstance(True, int), isinstance('a', str), isinstance([], (tuple, dict)), isinstance(1.0, float), isinstance(None, object))
#### instance_dict
class A:
    def __init__(self):
        self.a = 1
        self.b = 2
print(A().__dict__)
#### class_body_execution
class C:
    x = 1
    y = x + 1
    z = [x] * 2
    def m(self): return self.y
print(C.y, C.z, C().m())
#### init_returns_value_error
class Bad:
    def __init__(self):
        return 1
Bad()
#### iterator_protocol_class
class CountDown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(CountDown(3)), [x for x in CountDown(2)])
#### method_bound_unbound
class A:
    def f(self, x): return x + 1
a = A()
m = a.f
print(m(1), A.f(a, 2))
#### super_explicit
class A:
    def f(self): return 'A'
class B(A):
    def f(self): return super(B, self).f() + 'B'
print(B().f())
#### object_takes_no_args
class E: pass
E(1)
#### class_decorator
def register(cls):
    cls.registered = True
    return cls
@register
class R: pass
print(R.registered)
#### type_three_args
T = type('T', (object,), {'x': 5})
print(T.x, T().x, T.__name__)
#### user_descriptors
class Typed:
    def __init__(self, name, kind):
        self.name = '_' + name
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError('expected ' + self.kind.__name__)
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return 'computed'
class P:
    name = Typed('name', str)
    size = Typed('size', int)
    info = NonData()
p = P()
p.name = 'zlib'
p.size = 3
print(p.name, p.size, p.info)
p.info = 'shadowed'
print(p.info)
try:
    p.size = 'big'
except TypeError as e:
    print('TypeError', e)
#### init_subclass_with_class_keywords
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class K(Base, tag='k'): pass
class L(K): pass
print(K.tag, L.tag, 'tag' in Base.__dict__)
try:
    class M(Base, tag='m', other=1): pass
except TypeError as e:
    print(e)
try:
    class N(other=1): pass
except TypeError as e:
    print(e)
T = type('T', (Base,), {}, tag='t')
print(T.tag)
class Plain:
    def __init_subclass__(cls):
        cls.seen = cls.__name__
class Sub(Plain): pass
print(Sub.seen, hasattr(Plain, 'seen'))
#### slots_leave_no_dict
class O:
    __slots__ = ('a',)
o = O()
o.a = 5
for attempt in [lambda: setattr(o, 'b', 1), lambda: o.__dict__, lambda: O().a, lambda: object.__setattr__(o, 'c', 1)]:
    try:
        attempt()
    except AttributeError as e:
        print(e)
print(o.a, hasattr(o, '__dict__'))
class P(O):
    pass
p = P()
p.z = 1
print(p.__dict__)
class Q(O):
    __slots__ = 'b'
q = Q()
q.a = 1
q.b = 2
print(q.a, q.b, hasattr(q, '__dict__'))
class R:
    __slots__ = ('x', '__dict__')
r = R()
r.y = 1
print(r.__dict__)
class S(Exception):
    __slots__ = ()
s = S()
s.k = 1
print(s.k)
#### class_annotations_and_renaming
class A:
    x: int
    y: str = 'a'
    z = 3
print(A.__annotations__, A.y, hasattr(A, 'x'))
A.__name__ = 'B'
A.__qualname__ = 'Q'
print(A.__name__, A.__qualname__, A)
try:
    A().missing
except AttributeError as e:
    print(e)
try:
    A.__name__ = 1
except TypeError as e:
    print(e)
