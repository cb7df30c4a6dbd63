#### split_default
print('  a b\tc\n d  '.split(), ''.split(), '   '.split())
#### split_sep
print('a,b,,c'.split(','), 'a,b,c'.split(',', 1), ','.split(','), 'abc'.split('b'))
#### split_maxsplit_ws
print(' a b c '.split(None, 1), 'a b c'.split(maxsplit=1))
#### rsplit
print('a,b,c'.rsplit(',', 1), ' a b c '.rsplit(None, 1), 'a b c'.rsplit())
#### join
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join(x for x in 'xyz'))
#### join_error
'-'.join(['a', 1])
#### strip
print(repr('  x  '.strip()), repr('xxaxx'.strip('x')), repr('  x '.lstrip()), repr(' x  '.rstrip()), repr('abcba'.strip('ab')))
#### startswith_endswith
print('hello'.startswith('he'), 'hello'.startswith(('x', 'h')), 'hello'.endswith('lo'), 'hello'.startswith('l', 2), 'hello'.endswith('l', 0, 4))
#### replace
print('aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'), 'a.b.c'.replace('.', ''))
#### find_index
print('hello'.find('l'), 'hello'.rfind('l'), 'hello'.find('z'), 'hello'.index('e'), 'hello'.find('l', 3), 'hello'.find(''))
#### index_error
'abc'.index('z')
#### count
print('banana'.count('a'), 'banana'.count('an'), 'banana'.count(''), 'banana'.count('a', 2))
#### case
print('Hello World'.upper(), 'Hello World'.lower(), 'hello world'.capitalize(), 'hello wORLD'.title(), 'Hello'.swapcase())
#### title_digits
print("they're bill's friends".title(), 'hello2world'.title())
#### predicates
print('123'.isdigit(), '12a'.isdigit(), ''.isdigit(), 'abc'.isalpha(), 'ab1'.isalnum(), ' \t'.isspace(), 'ABC'.isupper(), 'abc1'.islower(), 'A1'.isupper())
#### partition
print('a=b=c'.partition('='), 'abc'.partition('='), 'a=b=c'.rpartition('='), 'abc'.rpartition('='))
#### splitlines
print('a\nb\r\nc\rd'.splitlines(), 'a\nb\n'.splitlines(True), ''.splitlines(), 'x\n\ny'.splitlines())
#### padding
print(repr('ab'.ljust(5)), repr('ab'.rjust(5, '*')), repr('ab'.center(7, '-')), repr('abc'.center(6)), repr('42'.zfill(5)), repr('-42'.zfill(5)))
#### encode_decode
b = 'héllo'.encode()
print(b, b.decode('utf-8'), 'abc'.encode('ascii'), len(b))
#### expandtabs
print(repr('a\tb'.expandtabs()), repr('ab\tc'.expandtabs(4)))
#### slicing
s = 'abcdefgh'
print(s[1:3], s[:2], s[-2:], s[::2], s[::-1], s[5:1:-1], s[100:], s[-100:2])
#### indexing
s = 'abc'
print(s[0], s[-1])
#### index_out_of_range
'abc'[5]
#### in_operator
print('b' in 'abc', 'x' not in 'abc', '' in 'abc')
#### comparison
print('a' < 'b', 'abc' < 'abd', 'B' < 'a', 'a' == 'a', 'ab' > 'a')
#### removeprefix
print('foobar'.removeprefix('foo'), 'foobar'.removesuffix('bar'), 'x'.removeprefix('y'))
#### str_iteration
print(list('abc'), [c for c in 'hé'])
#### str_conversion
print(str(1), str(1.5), str(None), str([1, 'a']), str(True), str(b'x'))
#### translate
t = str.maketrans('ab', 'xy', 'c')
print('abcabc'.translate(t))
#### immutability
s = 'abc'
s[0] = 'x'
#### str_concat_type_error
'a' + 1
#### format_method
print('{} {}'.format(1, 'a'), '{1}{0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0[1]}'.format([5, 6]))
#### casefold_isidentifier
print('ABC'.casefold(), 'abc_1'.isidentifier(), '1abc'.isidentifier())
