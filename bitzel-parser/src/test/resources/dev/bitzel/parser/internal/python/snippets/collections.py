#### list_methods
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9)
print(l, l.pop(), l.pop(0), l)
l.remove(9); l.reverse()
print(l, l.index(2), l.count(1), len(l))
#### list_sort
l = [3, 1, 2]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
words = ['bb', 'a', 'ccc', 'dd']
words.sort(key=len)
print(words)
print(sorted(words, key=len, reverse=True))
#### sort_stable
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
#### list_slicing
l = list(range(10))
print(l[2:5], l[::3], l[::-2], l[-3:], l[:-7])
l[2:5] = ['a']
print(l)
del l[::2]
print(l)
l[1:1] = [7, 8]
print(l)
#### list_index_error
[1, 2][5]
#### list_remove_error
[1].remove(2)
#### list_ops
print([1, 2] + [3], [1] * 3, 2 in [1, 2], [1, 2] == [1, 2], [1, 2] < [1, 3], [] or 'empty')
#### list_copy_clear
a = [1, [2]]
b = a.copy()
b[1].append(3)
a.clear()
print(a, b)
#### tuple_methods
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t[1:], len(t), t + (4,), 2 in t)
#### unpacking
a, b = 1, 2
a, b = b, a
(c, d), e = (3, 4), 5
f, *g = [1, 2, 3]
*h, i = 'abc'
j, *k, l = range(5)
print(a, b, c, d, e, f, g, h, i, j, k, l)
#### unpack_error
a, b = [1, 2, 3]
#### unpack_too_few
a, b, c = [1, 2]
#### dict_methods
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 9))
print(d.pop('b'), d.pop('zz', None), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.popitem(), d)
#### dict_views
d = {'a': 1, 'b': 2}
k = d.keys()
d['c'] = 3
print(k, d.values(), d.items(), 'a' in k, ('a', 1) in d.items(), len(k))
print(sorted(d.keys() & {'a', 'c', 'z'}), sorted(d.keys() - {'a'}))
#### dict_keyerror
{}['missing']
#### dict_keyerror_str
try:
    {'a': 1}['b']
except KeyError as e:
    print(str(e), repr(e), e.args)
#### dict_iteration_order
d = {}
for k in ['z', 'a', 'm']:
    d[k] = len(d)
del d['a']
d['a'] = 9
print(d, list(d))
#### dict_fromkeys_copy
d = dict.fromkeys(['a', 'b'], 0)
e = d.copy()
e['a'] = 1
print(d, e, dict(a=1, b=2), dict([('x', 1)]), dict({'y': 2}, z=3))
#### dict_comprehension
print({k: v for k, v in zip('abc', range(3)) if v != 1}, {x: x * x for x in range(4)})
#### dict_merge
a = {'a': 1}
b = {'b': 2, 'a': 3}
print(a | b, {**a, **b, 'c': 4})
a |= b
print(a)
#### dict_changed_during_iteration
d = {'a': 1, 'b': 2}
for k in d:
    d['c'] = 3
#### dict_unhashable
{[1]: 2}
#### set_ops
a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {1} < a, a.isdisjoint({9}))
#### set_methods
s = set()
s.add(1); s.add(2); s.add(1); s.update([3, 4], (5,)); s.discard(9); s.remove(5)
print(sorted(s), len(s), 3 in s)
print(sorted(s.union([9])), sorted(s.intersection([1, 2, 7])), sorted(s.difference([1])), s.issubset(range(10)))
#### set_remove_error
s = {1}
s.remove(2)
#### frozenset_hashable
fs = frozenset([1, 2])
d = {fs: 'x'}
print(d[frozenset([2, 1])], fs == {1, 2}, sorted(fs | {3}))
#### set_comprehension
print(sorted({x % 3 for x in range(10)}))
#### range_ops
r = range(2, 10, 3)
print(list(r), len(r), r[1], r[-1], 5 in r, 6 in r, list(range(5, 0, -2)), list(range(0)), r)
print(range(10)[2:5], list(range(10)[::3]))
#### nested_comprehension
print([(x, y) for x in range(3) for y in range(x)], [[j for j in range(i)] for i in range(3)])
#### comprehension_conditions
print([x for x in range(20) if x % 2 if x % 3], [x if x > 2 else -x for x in range(5)])
#### list_equality_nested
print([1, [2, (3,)]] == [1, [2, (3,)]], (1, 2) == [1, 2], {1: [2]} == {1: [2]})
#### recursive_repr
l = [1]
l.append(l)
print(l)
#### list_mul_alias
m = [[0] * 2] * 2
m[0][0] = 1
print(m)
#### enumerate_zip
print(list(enumerate('ab')), list(enumerate('ab', 1)), list(zip([1, 2, 3], 'ab')), list(zip()))
#### bytes_ops
b = b'hello'
print(b[0], b[1:3], list(b[:2]), b + b'!', len(b), b.upper(), b'l' in b, b.hex(), b.split(b'l'))
#### tuple_hash_key
d = {(1, 'a'): 1}
print(d[(1, 'a')], (1, 2) in {(1, 2)})
#### list_iadd_identity
a = [1]
b = a
a += [2]
print(a is b, b)
t = (1,)
u = t
t += (2,)
print(t is u, u)
