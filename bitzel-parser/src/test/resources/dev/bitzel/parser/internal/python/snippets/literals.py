#### ints
print(1, -2, 0x1F, 0o17, 0b101, 1_000_000, 0)
#### bigints
print(2**100, -(2**70), 10**20 // 3, (2**64) % 7)
#### floats
print(0.1, 1.5, 1e16, 1e15, 1e-5, 0.0001, 2.0, -0.0, 1/3, 100.0, 1e22, 123456789.125)
#### float_repr
print(repr(0.1 + 0.2), repr(1.1 * 3), repr(2.5e-10), repr(float('inf')), repr(-float('inf')), repr(float('nan')))
#### strings_quotes
print(repr('a'), repr("it's"), repr('say "hi"'), repr('both \' and "'), repr(''))
#### string_escapes
print(repr('\n\t\\'), repr('\x00\x7f'), repr('é'), repr('\u200b'), repr('\U0001F600'), len('\U0001F600'))
#### raw_strings
print(r'\n', r'a\tb', R"\d+", len(r'\\'))
#### bytes_literals
print(b'abc', b'\x00\xff', rb'\n', repr(b"it's"), len(b'\x01\x02'))
#### implicit_concat
x = 'a' 'b' "c"
print(x, ('multi'
 'line'))
#### triple_quoted
s = """line1
line2 'q' "dq"
"""
print(repr(s))
#### none_bool
print(None, True, False, repr(None), True + 1, True == 1, False == 0, True * 3)
#### tuples
print((), (1,), (1, 2), ((1, 2), [3]), tuple())
#### lists
print([], [1], [1, 'a', None, 2.5], [[1], [2, [3]]])
#### dicts
print({}, {'a': 1}, {1: 'x', 'b': [1, 2]}, {(1, 2): None})
#### sets
print(set(), {1}, frozenset(), frozenset({1}), sorted({3, 1, 2}))
#### dict_key_equivalence
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
e = {True: 'a'}
print(e)
#### nested_repr
print(repr([{'a': (1, 'b')}, {2}, None]))
#### unicode_str
s = 'héllo wörld'
print(s, len(s), s.upper(), s[1])
#### ellipsis
print(..., Ellipsis is ...)
#### str_multiply
print('ab' * 3, 3 * 'x', [0] * 3, (1, 2) * 2, 'a' * 0, 'a' * -1)
#### numeric_literal_underscore
print(1_0.5, 0x_ff, 1e1_0)
