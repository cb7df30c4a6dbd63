#### closure_cell_param
def f(x):
    def g():
        return x * 2
    x += 1
    return g()
print(f(1))
#### closure_modified_after
def f():
    fs = []
    for i in range(3):
        def g(i=i):
            return i
        fs.append(g)
    return [h() for h in fs]
print(f())
#### nonlocal_in_nested_loops
def counter():
    total = 0
    def add(xs):
        nonlocal total
        for x in xs:
            total += x
    add([1, 2]); add([3])
    return total
print(counter())
#### class_method_closure
def make(prefix):
    class P:
        def name(self, n):
            return prefix + n
    return P()
print(make('x-').name('y'))
#### class_attr_from_enclosing
def f():
    v = 5
    class C:
        a = v + 1
        b = [v for _ in range(2)]
    return C.a, C.b
print(f())
#### comprehension_in_class_body
class C:
    xs = [1, 2, 3]
    ys = [x * 2 for x in xs]
print(C.ys)
#### lambda_default_capture
x = 1
f = lambda y=x: y
x = 2
print(f(), (lambda: x)())
#### generator_closure
def gen(n):
    def inner():
        return n
    for i in range(n):
        yield inner() + i
print(list(gen(3)))
#### star_in_list_display
a = [1, 2]
print([*a, *a, 3], (*a,), {*a}, {**{'x': 1}, 'y': 2})
#### starred_assignment_targets
first, *_, last = range(10)
print(first, last)
[a, b] = 'xy'
print(a, b)
#### chained_assignment
a = b = c = []
a.append(1)
print(b, c, a is c)
#### augassign_subscript_attr
class O: pass
o = O()
o.n = 1
o.n += 2
d = {'k': [1]}
d['k'] += [2]
l = [1, 2]
l[0] *= 10
print(o.n, d, l)
#### is_none_checks
x = None
print(x is None, x is not None, None == None, not None)
#### truthiness_table
for v in [0, 1, -1, 0.0, '', ' ', [], [0], (), {}, {0: 0}, set(), None, True, False, range(0), b'']:
    print(repr(v), bool(v))
#### string_multiline_continuation
s = 'a' \
    'b'
t = ('c'
     'd')
x = 1 + \
    2
print(s, t, x)
#### nested_data_access
cfg = {'a': {'b': [{'c': 'deep'}]}}
print(cfg['a']['b'][0]['c'], cfg.get('a', {}).get('z', 'none'))
#### dict_iteration_items_unpack
d = {'x': 1, 'y': 2}
for k, v in sorted(d.items(), key=lambda kv: -kv[1]):
    print(k, v)
#### int_str_conversions
print(int('  12  '), str(-0), int('-0'), int('+5'), repr(int('0')), int(' 0x10 ', 0))
#### string_comparisons_unicode
print(sorted(['b', 'A', 'a', 'B', 'é', 'z']), 'a' < 'é')
#### list_sort_key_tuple
data = [('b', 2), ('a', 2), ('c', 1)]
print(sorted(data, key=lambda t: (t[1], t[0])), sorted(data, key=lambda t: t[1], reverse=True))
#### max_min_tuples
print(max([(1, 'b'), (1, 'a'), (0, 'z')]), min(['bb', 'a', 'ccc'], key=len))
#### enumerate_dict_order
d = dict.fromkeys('hello')
print(list(d), len(d))
#### exception_in_finally_replaces
try:
    try:
        raise ValueError('first')
    finally:
        raise KeyError('second')
except Exception as e:
    print(type(e).__name__, e)
#### return_inside_try_except
def f():
    try:
        return int('x')
    except ValueError:
        return 'fallback'
print(f())
#### while_with_complex_condition
i, j = 0, 10
while i < j and j - i > 2:
    i += 1
    j -= 1
print(i, j)
#### str_format_with_dict_unpack
info = {'name': 'pkg', 'ver': '1.0'}
print('{name}-{ver}'.format(**info), '%(name)s_%(ver)s' % info)
#### percent_tuple_in_tuple
print('%s and %s' % ((1, 2), [3]))
#### split_join_roundtrip
s = 'a:b::c'
print(s.split(':'), ':'.join(s.split(':')) == s, s.split(':', -1), s.rsplit(':', 2))
#### replace_chain
print('${A}/${B}'.replace('${A}', 'x').replace('${B}', 'y'))
#### str_methods_on_empty
print(repr(''.strip()), ''.split(','), ''.startswith(''), ''.upper(), ''.find(''), repr(''.join([])))
#### startswith_tuple_empty
print('abc'.startswith(()), 'abc'.endswith(('',)))
#### boolean_short_circuit_side_effects
calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) or t('') or t('x') or t('y')
s = t(1) and t(0) and t(2)
print(r, s, calls)
#### nested_functions_recursion
def outer(n):
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)
    return fib(n)
print(outer(15))
#### global_declared_before_assignment_in_func
def setg():
    global newglobal
    newglobal = 'set'
setg()
print(newglobal)
#### del_dict_items_in_loop_copy
d = {'a': 1, 'b': 2, 'c': 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
#### list_comprehension_with_method_calls
words = ' Foo bar  BAZ '.split()
print([w.lower() for w in words if w.isalpha()], {w[0]: w for w in words})
#### sum_of_generator_with_condition
print(sum(1 for c in 'hello world' if c in 'aeiou'))
#### string_in_list_membership
print('x' in ['x', 'y'], 'x' in 'xyz', ('a', 1) in [('a', 1)], 1 in {1: 2}, 2 in {1: 2}.values())
#### tuple_comparison_and_sorting_mixed_lengths
print((1, 2) < (1, 2, 3), (2,) > (1, 9), sorted([(1,), (0, 5), (1, -1)]))
#### repr_of_special_floats_in_containers
print([1.0, -0.0, float('inf'), 1e-7, 123456789012345678.0])
#### int_float_equality_in_set
s = {1, 1.0, True}
print(len(s), s)
#### dict_bool_int_keys
d = {0: 'zero', False: 'false', 1.0: 'one'}
print(d)
#### floor_division_negative_floats
print(-7.0 // 2, 7.0 // -2, -7 % 2.5, divmod(-7.5, 2))
#### power_edge_cases
print(0 ** 0, 2 ** 0.5, (-8) ** 2, 10 ** -2, (-2) ** 3)
#### big_int_operations
a = 12345678901234567890
print(a * a, a // 7, a % 97, -a // 10, hex(a), a.bit_length(), str(a)[::-1])
#### round_half_even_float
print(round(0.125, 2), round(0.375, 2), round(2.5), round(-1.5), round(10.0))
#### str_index_negative
s = 'hello'
print(s[-1], s[-5], s[-3:-1], s[:-1])
#### list_insert_negative_pop_index
l = [1, 2, 3]
l.insert(-10, 0)
l.insert(100, 4)
print(l, l.pop(-2), l)
#### list_slice_assignment_extend
l = [1, 2, 3]
l[len(l):] = [4, 5]
l[:0] = [0]
print(l)
#### list_extend_with_generator
l = []
l.extend(x * 2 for x in range(3))
l += 'ab'
print(l)
#### dict_get_with_none_value
d = {'a': None}
print(d.get('a', 'default'), 'a' in d, d.get('b'))
#### dict_setdefault_list_append
groups = {}
for w in ['apple', 'avocado', 'banana']:
    groups.setdefault(w[0], []).append(w)
print(groups)
#### set_of_tuples_sorted
pairs = {(1, 'a'), (0, 'b'), (1, 'a')}
print(sorted(pairs))
#### str_count_overlapping
print('aaaa'.count('aa'), 'abababa'.find('aba', 1), 'abababa'.rfind('aba'))
#### str_splitlines_trailing
print('a\n\nb\n'.splitlines(), 'x'.splitlines(), '\n'.splitlines())
#### string_title_capitalize_unicode
print('ß'.upper(), 'ǆ'.title(), 'İ'.lower() == 'i̇', 'hello WORLD'.capitalize())
#### format_nested_fields_alignment
for name, v in [('a', 1), ('bbb', 22)]:
    print('{:<5}|{:>4}|'.format(name, v))
#### fstring_with_format_spec_from_var
fmt = '>8'
val = 'x'
print(f'{val:{fmt}}|', f'{12.5:{"^10.2f"}}|')
#### fstring_multiple_conversions
s = 'q'
print(f'{s!r:>5}', f'{s!s}', f'{3.0!r}')
#### str_zfill_and_format_zero
print('7'.zfill(3), '{:03}'.format(7), '{:03d}'.format(-7), '%03d' % 7, '%+04d' % 7)
#### format_g_variants
for v in [0.0001, 0.00001, 123456, 1234567, 1.0, 1.5, 100]:
    print('{:g}'.format(v), '%g' % v)
#### format_e_variants
print('{:e}'.format(0), '{:.0e}'.format(12345), '%e' % 1e-10, '{:E}'.format(1.5e300))
#### format_f_large_and_rounding
print('{:.2f}'.format(1e20), '{:.1f}'.format(0.05), '{:.1f}'.format(0.15), '{:.1f}'.format(0.25), '%.3f' % 2.0005)
#### repr_strings_with_both_quotes
print(repr('\'"'), repr("a'b\"c"), repr('\\'), repr('\x1b[0m'), repr('tab\there'))
#### bytes_repr_variants
print(repr(b"'"), repr(b'"'), repr(b'\'"'), bytes(range(5)), b'\x7f\x80')
#### exception_args_and_str_multi
e = ValueError('a', 'b')
print(e.args, str(e), repr(e), repr(Exception()), str(OSError(2, 'nf')))
#### exception_attribute_set
try:
    raise RuntimeError('x')
except RuntimeError as e:
    e.extra = 5
    print(e.extra, e.args[0])
#### isinstance_with_exception_classes
print(isinstance(KeyError(), LookupError), isinstance(ValueError(), (TypeError, ValueError)), issubclass(bool, int))
#### class_counter_instances
class C:
    count = 0
    def __init__(self):
        C.count += 1
        self.id = C.count
a, b = C(), C()
print(a.id, b.id, C.count)
#### class_inherits_builtin_exception_str
class E(Exception):
    def __str__(self):
        return 'custom:' + ','.join(map(str, self.args))
try:
    raise E(1, 2)
except E as e:
    print(e, repr(e.args))
#### method_resolution_class_attr_override
class A:
    x = 'A'
    def get(self): return self.x
class B(A):
    x = 'B'
print(A().get(), B().get())
#### super_in_classmethod
class A:
    @classmethod
    def make(cls): return cls.__name__
class B(A):
    @classmethod
    def make(cls): return 'B>' + super().make()
print(B.make())
#### property_inheritance
class A:
    @property
    def v(self): return 1
class B(A):
    @property
    def v(self): return super().v + 1
print(B().v)
#### dunder_contains_fallback_iter
class R:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in R(), 5 in R(), list(R()), sorted(R(), reverse=True))
#### dunder_len_bool
class Empty:
    def __len__(self): return 0
print(bool(Empty()), len(Empty()), 'falsy' if not Empty() else 'truthy')
#### eq_without_hash_in_list
class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
print(P(1) in [P(0), P(1)], [P(1)].index(P(1)), [P(1), P(1)].count(P(1)))
#### repr_default_object_contains_name
class Foo: pass
r = repr(Foo())
print(r.startswith('<__main__.Foo object at 0x'), r.endswith('>'))
#### getattr_on_class_and_module
import os
class K:
    a = 1
print(getattr(K, 'a'), getattr(os, 'sep'), hasattr(os, 'nope'))
#### staticmethod_called_via_instance_and_class
class S:
    @staticmethod
    def add(a, b): return a + b
print(S.add(1, 2), S().add(3, 4))
