#### percent_basic
print('%s-%d-%r' % ('a', 5, 'b'), '%5.2f|%-5d|%05d' % (3.14159, 42, 7), '%x %X %o' % (255, 255, 8), '%%' % ())
#### percent_dict
print('%(name)s is %(age)d' % {'name': 'Bob', 'age': 30})
#### percent_single
print('value: %s' % [1, 2], '%s' % (1,), '%s' % None)
#### percent_errors
'%d' % 'x'
#### percent_not_enough
'%s %s' % ('a',)
#### percent_too_many
'%s' % ('a', 'b')
#### percent_float_forms
print('%e|%g|%G|%.3g|%10.4e|%+d|% d' % (12345.678, 0.00001234, 1e20, 3.14159, 1.5, 5, 5))
#### format_spec_align
print('[{:>10}]'.format('right'), '[{:<10}]'.format('left'), '[{:^10}]'.format('mid'), '[{:*^9}]'.format('x'), '[{:=+8}]'.format(42))
#### format_spec_numbers
print('{:d} {:5d} {:05d} {:+d} {:,} {:_} {:x} {:#x} {:#o} {:b} {:#b}'.format(42, 42, 42, 42, 1234567, 1234567, 255, 255, 8, 5, 5))
#### format_spec_float
print('{:.2f} {:10.3f} {:e} {:.2e} {:g} {:.3g} {:%} {:.1%} {}'.format(3.14159, 2.5, 12345.6789, 0.000123, 1e-5, 1234.5, 0.25, 0.123, 1.0))
#### format_float_general
print(format(1e16, 'g'), format(123456789.0, 'g'), format(0.0001, 'g'), format(100.0, '.2g'), format(1.5, ''), format(2.0, '.3'))
#### format_conversions
print('{!r} {!s} {!a}'.format('x', 'y', 'é'))
#### format_attr_index
class P:
    x = 3
print('{0.x} {1[0]} {2[k]}'.format(P(), [9], {'k': 'v'}))
#### fstrings
name = 'World'
n = 42
pi = 3.14159
items = ['a', 'b']
print(f'Hello {name}!', f'{n:>6}', f'{pi:.2f}', f'{n!r}', f'{items[0]}{len(items)}', f'{{literal}}', f'{n * 2 + 1}')
#### fstring_nested_spec
width = 8
prec = 3
print(f'[{3.14159:{width}.{prec}f}]', f'[{"x":^{width}}]')
#### fstring_quotes_and_dicts
d = {'key': 'val'}
print(f"{d['key']}", f'{d["key"]}', f'''{d['key']} triple''')
#### fstring_debug
x = 10
print(f'{x=}', f'{x + 1=}', f'{x=:>4}')
#### fstring_expressions
print(f'{"yes" if True else "no"}', f'{[i * 2 for i in range(3)]}', f'{ {"a": 1}["a"] }', f'{(lambda: 5)()}')
#### format_builtin
print(format(42), format(42, '08.3f'), format('s', '>3'), format(True), format(1234.5, ',.1f'), format(-3, '05d'))
#### str_format_escapes
print('{{}} {}'.format(1), '{:{}}'.format('a', 4) + '|')
#### format_bool_int
print('{:d}'.format(True), '{}'.format(False), '%d' % True, f'{True:>6}')
#### format_negative_zero_pad
print('{:06.2f}'.format(-1.5), '{:+.1f}'.format(2.25), '{:.0f}'.format(2.5), '{:.0f}'.format(3.5))
#### format_invalid_spec
'{:d}'.format('x')
#### repr_floats_various
for v in [1.0, 10.0, 1e15, 1e16, 1.5e-4, 1e-4, 1e-5, 123.456, 1/7, 2.5e300, 5e-324]:
    print(repr(v), str(v))
#### percent_with_width_star
print('%*d|%-*s|' % (5, 42, 4, 'ab'))
#### percent_repr_strings
print('%r %r' % ("it's", 'a"b'))
#### format_thousands_float
print('{:,.2f}'.format(1234567.891), '{:>12,}'.format(1234567))
#### str_format_kw_and_pos
print('{a}{0}{b}'.format('-', a='A', b='B'))
#### format_percent_literal
print(f'{0.5:.0%}', '{:5.1%}'.format(0.123))
