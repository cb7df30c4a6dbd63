#### re001
import re
print(repr(re.findall(r'\b\w+\b', 'hello, big world')))
#### re002
import re
print(repr(re.findall(r'(\d+)-(\d+)?', '1-2 3-')))
#### re003
import re
print(repr(re.sub(r'(?i)HELLO', 'bye', 'Hello hello')))
#### re004
import re
print(repr(re.sub(r'^\s+|\s+$', '', '  trim me  ')))
#### re005
import re
print(repr(re.sub(r'\$\{(\w+)\}', r'<\1>', '${A} and ${B_C}')))
#### re006
import re
print(repr(re.sub(r'(a)|(b)', r'[\1\2]', 'ab')))
#### re007
import re
print(repr(re.split(r'(\d)', 'a1b2c')))
#### re008
import re
print(repr(re.split(r'\W+', 'Words, words, words.')))
#### re009
import re
print(repr(re.split(r'x*', 'abc')))
#### re010
import re
print(repr(re.findall(r'', 'ab')))
#### re011
import re
print(repr(re.sub(r'x*', '-', 'abc')))
#### re012
import re
print(repr(re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe').groupdict()))
#### re013
import re
print(repr(re.match(r'(\w+) (\w+)', 'a b').group(2, 1)))
#### re014
import re
print(repr(re.search(r'(?<=-)\w+', 'spam-egg').group(0)))
#### re015
import re
print(repr(re.search(r'^abc$', 'x\nabc\ny', re.M).span()))
#### re016
import re
print(repr(re.search(r'a{2,3}', 'caaaat').group()))
#### re017
import re
print(repr(re.search(r'a{,2}b', 'aaab').group()))
#### re018
import re
print(repr(re.search(r'[a-z]+(?!\d)', 'abc1 def').group()))
#### re019
import re
print(repr(re.fullmatch(r'[0-9a-f]{8}', 'deadbeef') is not None))
#### re020
import re
print(repr(re.match(r'.*', 'a\nb').group()))
#### re021
import re
print(repr(re.match(r'(?s).*', 'a\nb').group()))
#### re022
import re
print(repr(re.findall(r'[^\s,]+', 'a, b ,c')))
#### re023
import re
print(repr(re.escape('foo.bar[1]{2}')))
#### re024
import re
print(repr(re.sub(r'\s+', ' ', 'a \n\t b')))
#### re025
import re
print(repr(re.compile(r'(\d+)').sub(lambda m: str(int(m.group(1)) * 2), 'a1 b22')))
#### re026
import re
print(repr(re.subn(r'o', '0', 'foo boo')))
#### re027
import re
print(repr(re.match(r'(a(b)?)+', 'aba').groups()))
#### re028
import re
print(repr(re.findall(r'(?:ab)+', 'ababxab')))
#### re029
import re
print(repr(re.search(r'\d+(?:\.\d+)?', 'v1.25rc').group()))
#### re030
import re
print(repr(re.match(r'([a-z]+)-\1', 'abc-abc').group()))
#### re031
import re
print(repr(re.sub(r'(?P<x>\d)', r'\g<x>\g<x>', 'a1')))
#### re032
import re
print(repr(re.findall(r'^#.*$', '#a\nb\n#c', re.MULTILINE)))
#### re033
import re
print(repr(re.search(r'\Bfoo', 'xfoo').start()))
#### re034
import re
print(repr(re.split(r'[;,]', 'a;b,c', maxsplit=1)))
#### re035
import re
print(repr(int(re.compile(r'x', re.I).flags & re.I)))
#### re036
import re
print(repr(re.compile(r'(a)(b)').groups))
#### re037
import re
print(repr(re.search(r'(\d)(\d)?', 'x5').lastindex))
#### re038
import re
print(repr(re.sub(r'\\n', 'N', r'a\nb')))
#### re039
import re
print(repr(re.findall(r'[\[\]]', 'a[b]c')))
#### re040
import re
print(repr(re.findall(r'[]a]', ']a')))
#### re041
import re
print(repr(re.findall(r'\d{2}', '12345')))
#### re042
import re
print(repr(re.match(r'\s*(#.*)?$', '   # comment').group(1)))
#### re043
import re
print(repr(re.search(r'(?i)[A-Z]+', '123abc').group()))
#### re044
import re
print(repr(bool(re.match(r'^(?:[a-z0-9]+-)*[a-z0-9]+$', 'foo-bar-1'))))
#### re045
import re
print(repr(re.sub(r'-+', '-', 'a---b--c')))
#### re046
import re
print(repr(re.match(r'(\w+)\s*=\s*(.*)', 'KEY = value # c').groups()))
#### re047
import re
print(repr(re.findall(r'"([^"]*)"', 'say "hi" and "bye"')))
#### re048
import re
print(repr(re.sub('a|b', lambda m: {'a': '1', 'b': '2'}[m.group()], 'abc')))
#### re049
import re
print(repr(re.match(r'v?(\d+)\.(\d+)(?:\.(\d+))?', 'v1.2').groups()))
#### re050
import re
print(repr(re.match(r'(?x) \d+  # digits', '42').group()))
#### re051
import re
print(repr([m.span() for m in re.finditer(r'\w+', 'ab cd')]))
#### re052
import re
print(repr(re.search(r'$', 'abc').start()))
#### re053
import re
print(repr(re.sub(r'$', '!', 'abc')))
#### re054
import re
print(repr(re.sub(r'^', '> ', 'a\nb', flags=re.M)))
#### inline_flag_groups
import re
print(re.findall(r'(?a:[_a-z]+)', 'ab_c d'), re.findall(r'(?i:AB)c', 'abc ABc abC'), re.findall(r'(?i)x', 'xX'))
print(re.match(r'(?s:a.b)', 'a\nb') is not None, re.match(r'(?-i:a)', 'A', re.I), re.findall(r'(?x: a b )', 'ab'))
#### re_error_messages_and_attributes
import re
for p in ['(', 'a(b', '(?:a', ')', 'a)b', '*', 'a**', '[a', '[', r'\q', '(?P=x)', 'a\n(', '^*', 'a|*', '(?:a)*', '(?P<x>a)(?P=x)*', '(?i)*', '(?i)a*', r'\(*', '[(]*', '(?=a)*', 'a*?', 'a+?+', '(?#c)*', '(?x: a )+', '$*', 'x|', '()*', '(a)(?<=b)c', r'[\]]+', '[]a]', '(?P<n>x)+']:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), '|', e.msg, '|', e.pos, e.lineno, e.colno, '|', str(e), '|', e.pattern)
e = re.error('boom')
print(e.msg, e.pos, e.pattern, e.lineno, str(e))
e = re.error('boom', 'ab\ncd', 4)
print(e.msg, e.pos, e.pattern, e.lineno, e.colno, str(e), e.args)
#### unicode_character_classes
import re
print(re.findall(r'\w+', 'café naïve'), re.findall(r'\w+', 'café', re.A), re.findall(r'(?a:\w+)', 'café'), re.findall(r'(?u:\w+)', 'café', re.A))
print(re.findall(r'\d', '1٢3'), re.findall(r'\b\w', 'été à'), re.sub(r'\W', '_', 'a-é.b'))
