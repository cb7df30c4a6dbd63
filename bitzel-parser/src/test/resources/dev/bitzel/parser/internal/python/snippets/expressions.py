#### e001
print(repr('%5s|%-5s|' % ('ab', 'cd')))
#### e002
print(repr('%.2s' % 'abcdef'))
#### e003
print(repr('%c%c' % (65, 'b')))
#### e004
print(repr('%o %x %X %#o %#x' % (8, 255, 255, 8, 255)))
#### e005
print(repr('%5.1f%%' % 99.44))
#### e006
print(repr('%s' % {'a': 1}))
#### e007
print(repr('%r' % 1.0))
#### e008
print(repr('%i' % 3.7))
#### e009
print(repr('%d' % 2**70))
#### e010
print(repr('%.3e' % 123456))
#### e011
print(repr('%10.3g|' % 0.000123456))
#### e012
print(repr('%-10d|' % -5))
#### e013
print(repr('% 5d' % 42))
#### e014
print(repr('{:>+8.2f}'.format(3.14159)))
#### e015
print(repr('{:^+9}'.format(12)))
#### e016
print(repr('{:#010x}'.format(255)))
#### e017
print(repr('{:,d}'.format(-1234567)))
#### e018
print(repr('{:_b}'.format(255)))
#### e019
print(repr('{:.3s}'.format('abcdef')))
#### e020
print(repr('{0}{0}'.format('x')))
#### e021
print(repr('{:n}'.format(1234)))
#### e022
print(repr('{:c}'.format(97)))
#### e023
print(repr('{:10}|'.format(3.5)))
#### e024
print(repr('{:<10}|'.format(3)))
#### e025
print(repr('{:=10}|'.format(-3)))
#### e026
print(repr('{:010}'.format(-3.5)))
#### e027
print(repr('{:.0%}'.format(1)))
#### e028
print(repr(format(0.1, '.20f')))
#### e029
print(repr(format(1e100, '.3g')))
#### e030
print(repr(format(123.456, 'e')))
#### e031
print(repr(format(-0.0, '')))
#### e032
print(repr(format(-0.0, '.1f')))
#### e033
print(repr(format(float('nan'), '.2f')))
#### e034
print(repr(format(float('inf'), '>6')))
#### e035
print(repr(format(10**20, ',')))
#### e036
print(repr(format(12345.6789, '_.2f')))
#### e037
print(repr(format(5, 'b')))
#### e038
print(repr(format(-5, '#x')))
#### e039
print(repr(str(1e16)))
#### e040
print(repr(str(1.0e-5)))
#### e041
print(repr(str(123456789.0)))
#### e042
print(repr(str(0.1 + 0.7)))
#### e043
print(repr(repr(1.0000000000000002)))
#### e044
print(repr(repr(9007199254740993.0)))
#### e045
print(repr(repr(5e-324)))
#### e046
print(repr(repr(1.7976931348623157e308)))
#### e047
print(repr(repr(2.5e-5)))
#### e048
print(repr(repr(100000000000000000.0)))
#### e049
print(repr(repr(123456789012345.6)))
#### e050
print(repr(repr(0.3)))
#### e051
print(repr(repr(2/3)))
#### e052
print(repr(round(2.675, 2)))
#### e053
print(repr(round(1.0005, 3)))
#### e054
print(repr(round(-0.5)))
#### e055
print(repr(round(123.456, -1)))
#### e056
print(repr(round(5, -1)))
#### e057
print(repr(round(15, -1)))
#### e058
print(repr(round(25, -1)))
#### e059
print(repr(7 // -3))
#### e060
print(repr(-7 // 3))
#### e061
print(repr(7 % -3))
#### e062
print(repr(-7.5 % 2))
#### e063
print(repr(2 ** 63))
#### e064
print(repr(-2 ** 63))
#### e065
print(repr((-2) ** 63))
#### e066
print(repr(2 ** -2))
#### e067
print(repr(divmod(2**65, 3)))
#### e068
print(repr(int('1' * 30) % 1000))
#### e069
print(repr(abs(-2**63)))
#### e070
print(repr(-(-2**63)))
#### e071
print(repr((2**63 - 1) + 1))
#### e072
print(repr((-2**63) - 1))
#### e073
print(repr((2**62) * 2))
#### e074
print(repr((2**62) * 4))
#### e075
print(repr(-(2**63) // -1))
#### e076
print(repr(1 << 63))
#### e077
print(repr(1 << 64))
#### e078
print(repr(-1 >> 100))
#### e079
print(repr(~(2**64)))
#### e080
print(repr((2**64) & 0xff))
#### e081
print(repr((2**64) | 1))
#### e082
print(repr(hex(2**64)))
#### e083
print(repr(bin(-10)))
#### e084
print(repr(oct(-8)))
#### e085
print(repr(int('z', 36)))
#### e086
print(repr(int('-0b101', 0)))
#### e087
print(repr(int('0o17', 0)))
#### e088
print(repr(int('10', 2)))
#### e089
print(repr(float('1e500')))
#### e090
print(repr(float('-0')))
#### e091
print(repr(1e308 * 10))
#### e092
print(repr(-1e308 * 10))
#### e093
print(repr(0.1 * 3))
#### e094
print(repr(1 / 3 * 3))
#### e095
print(repr(True / 2))
#### e096
print(repr(True // 2))
#### e097
print(repr(3 * True))
#### e098
print(repr('abc' * True))
#### e099
print(repr([1, 2] * 0))
#### e100
print(repr((1,) * 3))
#### e101
print(repr('a,b,,c'.split(',', 2)))
#### e102
print(repr('a b c'.split(' ', 0)))
#### e103
print(repr('  a  '.split(' ')))
#### e104
print(repr('abc'.split('abc')))
#### e105
print(repr('aXbXc'.rsplit('X', 1)))
#### e106
print(repr('hello world'.title()))
#### e107
print(repr('HELLO'.capitalize()))
#### e108
print(repr('hello'.center(10, '*')))
#### e109
print(repr('hello'.center(11, '*')))
#### e110
print(repr('ab'.center(5)))
#### e111
print(repr('abc'.ljust(2)))
#### e112
print(repr('x'.rjust(3, '0')))
#### e113
print(repr('a\tb\tc'.expandtabs(3)))
#### e114
print(repr('Hello'.swapcase()))
#### e115
print(repr('ABC'.lower().islower()))
#### e116
print(repr('123abc'.isalnum()))
#### e117
print(repr('½'.isnumeric()))
#### e118
print(repr('½'.isdigit()))
#### e119
print(repr('²'.isdigit()))
#### e120
print(repr('Ⅻ'.isnumeric()))
#### e121
print(repr(' '.isspace()))
#### e122
print(repr('\xa0'.isspace()))
#### e123
print(repr('A1 B2'.istitle()))
#### e124
print(repr('abc'.find('c', -1)))
#### e125
print(repr('abc'.rfind('a', 1)))
#### e126
print(repr('abcabc'.index('c', 3)))
#### e127
print(repr('a-b-c'.partition('-')))
#### e128
print(repr('abc'.replace('b', '')))
#### e129
print(repr('aaa'.replace('a', 'aa', 1)))
#### e130
print(repr('abc'.startswith('bc', 1)))
#### e131
print(repr('abc'.endswith('ab', 0, 2)))
#### e132
print(repr('abc'.startswith('', 5)))
#### e133
print(repr('abc'[::-1]))
#### e134
print(repr('abc'[5:]))
#### e135
print(repr('abc'[-5:-2]))
#### e136
print(repr('abcdef'[1:5:2]))
#### e137
print(repr('abcdef'[5:1:-2]))
#### e138
print(repr([1, 2, 3, 4][::-1][1:]))
#### e139
print(repr(list(range(10))[2:8:3]))
#### e140
print(repr(list(range(5))[-100:100]))
#### e141
print(repr([1, 2, 3][3:1]))
#### e142
print(repr((1, 2, 3)[1:]))
#### e143
print(repr(sorted([3, 1, 2], reverse=True)))
#### e144
print(repr(sorted(['b', 'a'], key=None)))
#### e145
print(repr(sorted([(2, 'a'), (1, 'b'), (2, 'A')])))
#### e146
print(repr(sorted({'z': 1, 'a': 2}.items())))
#### e147
print(repr(sorted('hello')))
#### e148
print(repr(max('hello')))
#### e149
print(repr(max([1, 2], [1, 3])))
#### e150
print(repr(min((3, 'a'), (3, 'B'))))
#### e151
print(repr(sum(range(101))))
#### e152
print(repr(sum([0.1] * 10)))
#### e153
print(repr(any(x > 3 for x in range(5))))
#### e154
print(repr(all([])))
#### e155
print(repr(list(zip('abc', range(2)))))
#### e156
print(repr(list(enumerate([]))))
#### e157
print(repr(dict(zip('ab', [1, 2]))))
#### e158
print(repr(list(map(lambda x, y: x * y, [1, 2], [3, 4, 5]))))
#### e159
print(repr(list(filter(str.isdigit, 'a1b2'))))
#### e160
print(repr(list(reversed(range(1, 10, 3)))))
#### e161
print(repr(tuple('ab')))
#### e162
print(repr(set('aab') == {'a', 'b'}))
#### e163
print(repr(frozenset([1, 2]) | {3}))
#### e164
print(repr({1, 2} - frozenset([2])))
#### e165
print(repr({'a': 1} == {'a': 1.0}))
#### e166
print(repr([1, 2] == (1, 2)))
#### e167
print(repr((1, 2) < (1, 2)))
#### e168
print(repr([1, [2]] < [1, [3]]))
#### e169
print(repr('a' < 'B'))
#### e170
print(repr(None == 0))
#### e171
print(repr(0 == False))
#### e172
print(repr(1 == True == 1.0))
#### e173
print(repr(2 is 2))
#### e174
print(repr(() is ()))
#### e175
print(repr('' == False))
#### e176
print(repr([] == []))
#### e177
print(repr({} != {}))
#### e178
print(repr(1 < 2 < 3 > 2))
#### e179
print(repr(1 if [] else 2))
#### e180
print(repr([] or {} or 0))
#### e181
print(repr('a' and 'b'))
#### e182
print(repr(not ''))
#### e183
print(repr(list({1: 'a', 2: 'b'})))
#### e184
print(repr(list({1: 'a'}.items())))
#### e185
print(repr({'a': 1}.get('b', [])))
#### e186
print(repr({**{'a': 1}, 'a': 2}))
#### e187
print(repr(dict(a=1) | {'b': 2}))
#### e188
print(repr({1: 2}.pop(3, 'd')))
#### e189
print(repr({}.setdefault('x')))
#### e190
print(repr(len({'a': 1}.keys() | {'b'})))
#### e191
print(repr(ord('€')))
#### e192
print(repr(chr(8364)))
#### e193
print(repr(ascii('héllo')))
#### e194
print(repr(repr('€')))
#### e195
print(repr(repr('\x85')))
#### e196
print(repr(repr('\ud800')))
#### e197
print(repr('é'.encode('utf-8')))
#### e198
print(repr('é'.encode('latin-1')))
#### e199
print(repr(b'\xc3\xa9'.decode()))
#### e200
print(repr(b'abc'[1]))
#### e201
print(repr(b'abc'[-1:]))
#### e202
print(repr(bytes([1, 2]) + b'\x03'))
#### e203
print(repr(b'a b'.split()))
#### e204
print(repr(b'abc'.hex()))
#### e205
print(repr(bytes.fromhex('0a0b') if hasattr(bytes, 'fromhex') else b'\n\x0b'))
#### e206
print(repr(str(b'abc')))
#### e207
print(repr(len('😀')))
#### e208
print(repr('😀'[0]))
#### e209
print(repr('a😀b'[::-1]))
#### e210
print(repr(hash(-1)))
#### e211
print(repr(hash(2**61 - 1)))
#### e212
print(repr(isinstance(1, float)))
#### e213
print(repr(issubclass(int, object)))
#### e214
print(repr(type(type)))
#### e215
print(repr(type(len)))
#### e216
print(repr(type(lambda: 0)))
#### e217
print(repr(type(range(1))))
#### e218
print(repr(type(None)))
#### e219
print(repr(type(...)))
#### e220
print(repr(type(NotImplemented)))
#### e221
print(repr(callable(type)))
#### e222
print(repr(getattr(1, 'real')))
#### e223
print(repr((5).bit_length()))
#### e224
print(repr((1.5).is_integer()))
#### e225
print(repr(int.from_bytes(b'\x01\x00', 'big')))
#### e226
print(repr((1024).to_bytes(2, 'little')))
#### e227
print(repr(divmod(-1, 5)))
#### e228
print(repr(pow(-2, 3)))
#### e229
print(repr(pow(2, 3, 5)))
#### e230
print(repr(abs(-0.0)))
#### e231
print(repr(max(1, 2.0)))
#### e232
print(repr(min(1.0, 1)))
#### e233
print(repr(round(0.5) + round(1.5)))
