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
#### codec_errors_and_handlers
def t(f):
  try: print(repr(f()))
  except Exception as e: print(type(e).__name__, e, e.args if isinstance(e, UnicodeError) else '')
t(lambda: 'a\udc80\udc81b'.encode('utf-8'))
t(lambda: 'a\udc80\udc81b\udc82'.encode('utf-8', 'replace'))
t(lambda: 'a\udc80é'.encode('ascii', 'surrogateescape'))
t(lambda: 'a\udc80\ud800'.encode('utf-8', 'surrogatepass'))
t(lambda: 'a'.encode('ascii', 'bogus'))
t(lambda: 'aé'.encode('ascii', 'bogus'))
for enc in ['ascii','latin-1', 'UTF8']:
  for err in ['strict','ignore','replace','backslashreplace','xmlcharrefreplace']:
    t(lambda: 'aé€\U0001F600\udc80'.encode(enc, err))
for b in [b'\xff', b'a\x80b', b'\xe2\x82', b'\xe2\x82a', b'\xe0\x80\x80', b'\xed\xa0\x80', b'\xf0\x90\x80', b'\xf0\x90\x80a', b'\xf4\x90\x80\x80', b'\xc0\xaf', b'\xe2a', b'\xf0\x9f\x98', b'\xf0\x9f\x98\x80\xc3\xa9']:
  t(lambda: b.decode('utf-8'))
  t(lambda: b.decode('utf-8', 'replace'))
  t(lambda: b.decode('utf-8', 'backslashreplace'))
t(lambda: b'a\xff\xfe'.decode('ascii'))
t(lambda: b'a\xff\xfe'.decode('latin-1'))
t(lambda: b'a\xff\xfe'.decode('ascii', 'backslashreplace'))
t(lambda: b'a\xff\xfe'.decode('utf-8', 'surrogateescape'))
t(lambda: b'a\xff'.decode('utf-8', 'bogus'))
t(lambda: b'a'.decode('utf-8', 'bogus'))
t(lambda: bytes('é', 'ascii', 'replace'))
t(lambda: bytes('é', 'ascii'))
t(lambda: str(UnicodeDecodeError('x', b'ab', 0, 2, 'why')))
t(lambda: str(UnicodeDecodeError('x', b'ab', 1, 2, 'why')))
t(lambda: str(UnicodeEncodeError('x', 'ab', 1, 2, 'why')))
t(lambda: str(UnicodeEncodeError('x', 'ab', 0, 2, 'why')))
#### codec_error_attributes
for args in [('x', b'ab', 0, 2, 'why'), ('x', b'ab', 1, 2, 'why')]:
    e = UnicodeDecodeError(*args)
    print(str(e), e.start, e.end, e.reason, repr(e))
print(str(UnicodeEncodeError('x', 'ab', 1, 2, 'why')), str(UnicodeEncodeError('x', 'ab', 0, 2, 'why')),
      str(UnicodeEncodeError('x', 'a\U0001F600', 1, 2, 'why')))
try:
    UnicodeDecodeError('x', b'ab')
except TypeError as e:
    print(e)
try:
    b'\xff'.decode()
except ValueError as e:
    print(e.reason, e.start, e.end, e.object, e.encoding, isinstance(e, UnicodeError))
try:
    'aé'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.reason, e.start, e.end, e.object, e.encoding)
