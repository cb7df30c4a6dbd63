#### os_path_join_split
import os.path
print(os.path.join('a', 'b', 'c'), os.path.join('/a', '/b'), os.path.join('a/', 'b'), os.path.join('a', ''), os.path.join(''))
print(os.path.dirname('/a/b/c.txt'), os.path.basename('/a/b/c.txt'), os.path.split('/a/b'), os.path.split('file'), os.path.dirname('file'))
#### os_path_splitext
import os
print(os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('noext'), os.path.splitext('a.b/c'))
#### os_path_normpath
import os.path
print(os.path.normpath('/a/./b/../c//d/'), os.path.normpath('a/../../b'), os.path.normpath(''), os.path.normpath('//x'), os.path.normpath('./'))
#### os_path_misc
import os
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.relpath('/a/b/c', '/a'), os.path.relpath('/a', '/a/b/c'), os.sep, os.pathsep)
#### os_path_abspath
import os
print(os.path.abspath('/a/b/../c'))
#### re_match_search
import re
m = re.match(r'(\w+)-(\d+)', 'abc-123 rest')
print(m.group(0), m.group(1), m.group(2), m.groups(), m.start(), m.end(2), m.span(1))
print(re.match(r'\d', 'x1'), re.search(r'\d+', 'x12y').group())
#### re_named_groups
import re
m = re.search(r'(?P<key>\w+)=(?P<val>[^;]*)', 'a;foo_bar=baz qux;')
print(m.group('key'), m.group('val'), m.groupdict(), m['key'])
print(re.sub(r'(?P<a>x)(?P=a)', 'Y', 'axxbx'))
#### re_findall_finditer
import re
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2'), re.findall(r'x', 'abc'))
print([m.group() for m in re.finditer(r'[aeiou]', 'education')])
#### re_sub
import re
print(re.sub(r'\s+', ' ', 'a   b \t c'), re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'me@host'), re.sub('a', lambda m: m.group().upper(), 'banana'), re.sub('a', 'o', 'banana', count=2))
print(re.subn(r'\d', '#', 'a1b2'), re.sub(r'\\', '/', 'a\\b'), re.sub(r'(\d)', r'<\g<1>>', 'x5'))
#### re_split
import re
print(re.split(r'[,;]\s*', 'a, b;c'), re.split(r'(,)', 'a,b'), re.split(r'\s+', ' a b '), re.split(',', 'a,b,c', maxsplit=1))
#### re_flags
import re
print(re.findall(r'^\w', 'ab\ncd', re.M), re.match('ABC', 'abc', re.I) is not None, re.findall('a.b', 'a\nb', re.S), re.match(r'''a \s* b  # comment''', 'a  b', re.X) is not None)
#### re_compile_methods
import re
p = re.compile(r'(\d+)')
print(p.pattern, p.search('ab12').group(1), p.findall('1 2 3'), p.sub('N', 'a1b2'), p.fullmatch('123') is not None, p.fullmatch('12a'), p.split('a1b'))
#### re_escape
import re
print(re.escape('a.b*c'), re.escape('x-y z'), re.match(re.escape('1+1'), '1+1').group())
#### re_fullmatch_anchors
import re
print(re.fullmatch(r'\w+', 'abc') is not None, re.search(r'c$', 'abc\n') is not None, re.search(r'\Aabc\Z', 'abc') is not None)
#### re_groups_optional
import re
m = re.match(r'(a)(b)?', 'a')
print(m.groups(), m.groups('x'), m.group(2), m.lastindex)
#### re_lookaround_nongreedy
import re
print(re.findall(r'<.*?>', '<a><b>'), re.findall(r'\d(?=px)', '1px 2em 3px'), re.sub(r'(?<=a)b', 'X', 'ab cb'))
#### re_char_class
import re
print(re.findall(r'[^a-c]', 'abcdef'), re.findall(r'[\w.-]+', 'a.b-c d'), re.findall(r'[[]', 'a[b'))
#### string_module
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.ascii_lowercase, string.ascii_uppercase, string.punctuation)
print(repr(string.whitespace), string.octdigits)
#### collections_ordereddict_defaultdict
import collections
from collections import OrderedDict, defaultdict
od = OrderedDict()
od['b'] = 1
od['a'] = 2
print(list(od.items()), list(od))
dd = defaultdict(list)
dd['x'].append(1)
dd['x'].append(2)
dd['y']
print(dict(dd), sorted(dd))
cnt = defaultdict(int)
for c in 'abca':
    cnt[c] += 1
print(sorted(cnt.items()))
#### collections_namedtuple
from collections import namedtuple
P = namedtuple('P', ['x', 'y'])
Q = namedtuple('Q', 'a b')
p = P(1, y=2)
print(p, p.x, p[1], p == (1, 2), Q(3, 4), p._replace(x=9), p._asdict(), P._fields, len(p))
x, y = p
print(x + y)
#### collections_counter
from collections import Counter
c = Counter('abracadabra')
print(c['a'], c['z'], c.most_common(2), sorted(c.elements())[:3])
#### itertools_chain_product
import itertools
print(list(itertools.chain([1, 2], (3,), 'ab')), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.product('ab', [1, 2])), list(itertools.product([0, 1], repeat=2)))
#### itertools_groupby
import itertools
for k, g in itertools.groupby('aabccca'):
    print(k, list(g))
print([(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
#### itertools_misc
import itertools
print(list(itertools.islice(itertools.count(5), 3)), list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations('abc', 2)), list(itertools.zip_longest('ab', 'x', fillvalue='-')), list(itertools.accumulate([1, 2, 3])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.repeat('z', 3)), list(itertools.starmap(pow, [(2, 3)])))
#### functools
import functools
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a + b, [], 0))
add3 = functools.partial(lambda a, b, c: a + b + c, 1, c=10)
print(add3(2))
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: cmp(b, a))))
#### functools_wraps_lru
import functools
def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def named():
    'the doc'
    return 1
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(named.__name__, named.__doc__, fib(60))
#### copy_module
import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(9)
a[2]['k'].append(5)
print(b, c)
class O:
    def __init__(self): self.l = [1]
o = O()
o2 = copy.deepcopy(o)
o2.l.append(2)
print(o.l, o2.l)
#### json_module
import json
s = json.dumps({'a': [1, 2.5, None, True], 'b': 'x"y', 'c': {}})
print(s)
print(json.loads(s), json.loads('[1, "\\u00e9", false, null, 1e3]'))
print(json.dumps([1, 2], indent=2), json.dumps({'b': 1, 'a': 2}, sort_keys=True), json.dumps('é'))
#### json_error
import json
json.loads('{bad')
#### sys_module
import sys
print(sys.version_info[0], sys.version_info >= (3, 8), sys.maxsize > 2 ** 31, type(sys.argv).__name__)
#### os_environ_getcwd
import os
print(os.environ.get('HOME_NOT_SET', 'unset'), type(os.getcwd()).__name__, os.sep, os.linesep == '\n', os.path.sep)
#### from_import_as
from os.path import join as pjoin, basename
from os import path
print(pjoin('x', 'y'), basename('/q/r'), path.dirname('/a/b'))
#### time_module
import time
t = time.time()
print(type(t).__name__, t > 0)
#### import_star
from string import *
print(digits)
#### os_path_exists_nonexistent
import os
print(os.path.exists('/definitely/not/here/xyz'), os.path.isdir('/definitely/not'), os.path.isfile('/nope'))
