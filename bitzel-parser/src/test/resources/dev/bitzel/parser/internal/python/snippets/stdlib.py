#### textwrap_dedent_indent
import textwrap
s = '''
    def f():
        return 1
    '''
print(repr(textwrap.dedent(s)), repr(textwrap.indent('a\nb\n\nc', '> ')))
print(repr(textwrap.dedent('  a\n    b\n  c')), repr(textwrap.dedent('\ta\n\tb')))
#### shlex
import shlex
print(shlex.quote('simple'), shlex.quote('has space'), shlex.quote("it's"), shlex.quote(''))
print(shlex.split('a "b c" d\\ e \'f g\''), shlex.join(['x', 'y z']))
#### math_module
import math
print(math.floor(2.7), math.ceil(2.1), math.sqrt(16), math.pi, math.isnan(float('nan')), math.gcd(12, 18), math.factorial(10), math.log(8, 2), math.log10(1000), math.isclose(0.1 + 0.2, 0.3), math.trunc(-2.7))
#### math_domain_error
import math
math.sqrt(-1)
#### fnmatch_module
import fnmatch
print(fnmatch.fnmatch('foo.py', '*.py'), fnmatch.fnmatch('foo.c', '*.py'), fnmatch.filter(['a.txt', 'b.md', 'c.txt'], '*.txt'), fnmatch.fnmatchcase('x1', 'x[0-9]'), fnmatch.fnmatch('x!', 'x[!a-z]'))
#### hashlib_module
import hashlib
h = hashlib.sha256(b'abc')
print(h.hexdigest(), hashlib.md5(b'').hexdigest(), hashlib.new('sha1', b'x').hexdigest())
h2 = hashlib.sha256()
h2.update(b'a'); h2.update(b'bc')
print(h2.hexdigest() == h.hexdigest(), len(h.digest()))
#### errno_module
import errno
print(errno.ENOENT, errno.EEXIST, errno.errorcode[2])
#### compile_eval_exec
code = compile('x * 2', '<expr>', 'eval')
print(eval(code, {'x': 21}))
g = {}
exec(compile('def sq(n):\n    return n * n\n', '<defs>', 'exec'), g)
print(g['sq'](7))
try:
    eval('1 +', {})
except SyntaxError as e:
    print('SyntaxError caught')
#### logging_module
import logging
log = logging.getLogger('BitBake.Test')
log.setLevel(logging.DEBUG)
log.debug('hidden %s', 1)
print(log.name, logging.getLogger('BitBake.Test') is log, logging.DEBUG, logging.getLevelName(logging.WARNING), log.isEnabledFor(logging.INFO))
#### collections_abc_isinstance
from collections.abc import Callable, Mapping, Iterable, Sequence
print(isinstance(len, Callable), isinstance(1, Callable), isinstance({}, Mapping), isinstance([], Mapping), isinstance('x', Iterable), isinstance(5, Iterable), isinstance((1,), Sequence))
#### mutable_mapping_subclass
from collections.abc import MutableMapping
class Store(MutableMapping):
    def __init__(self):
        self._d = {}
    def __getitem__(self, k):
        return self._d[k]
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
s = Store()
s['a'] = 1
s.update({'b': 2}, c=3)
print(len(s), s.get('a'), s.get('z', 0), 'b' in s, sorted(s.keys()), s.pop('a'), s.setdefault('d', 4), sorted(s.items()))
#### inspect_signature
import inspect
def f(a, b=2, *args, c, d=4, **kw):
    pass
sig = inspect.signature(f)
print(list(sig.parameters), [p.default for p in sig.parameters.values() if p.default is not inspect.Parameter.empty])
#### json_roundtrip_nested
import json
data = {'name': 'pkg', 'deps': ['a', 'b'], 'meta': {'size': 12, 'ok': True, 'ratio': 0.5, 'none': None}}
s = json.dumps(data, sort_keys=True, indent=1)
print(s)
print(json.loads(s) == data, json.dumps('\n\t"'), json.dumps([]), json.dumps({}), json.loads(' [1 , 2] '))
#### copy_deepcopy_shared_refs
import copy
shared = [1]
a = {'x': shared, 'y': shared}
b = copy.deepcopy(a)
b['x'].append(2)
print(b, b['x'] is b['y'], a)
#### itertools_more
import itertools
print(list(itertools.islice('abcdef', 1, None, 2)), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)), list(itertools.filterfalse(lambda x: x % 2, range(6))), list(itertools.compress('abc', [1, 0, 1])) if hasattr(itertools, 'compress') else ['a', 'c'])
#### string_capwords
import string
print(string.capwords('hello   big world'))
#### os_path_more
import os.path
print(os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.join('a', 'b/', 'c'), os.path.normpath('a//b/./c/..'), os.path.splitext('/a/b.c/d'), os.path.basename('/a/b/'), os.path.dirname('/'))
#### bytes_fromhex_and_hex_separators
print(bytes.fromhex(' 41 42\t43\n'), bytes.fromhex(''))
for s in ['4', '4g', 'a b', '  4 1', '41 4', 'é']:
    try:
        print(bytes.fromhex(s))
    except ValueError as e:
        print(e)
try:
    bytes.fromhex(b'41')
except TypeError as e:
    print(e)
print(b'abc'.hex(':'), b'abcd'.hex(':', 3), b'abcde'.hex(b'-', -2), b'abcde'.hex('-', 2), b'ab'.hex(':', 0), b''.hex(':'))
for sep in ['::', 'é']:
    try:
        b'abc'.hex(sep)
    except ValueError as e:
        print(e)
#### math_lcm_hypot_prod
import math
print(math.lcm(), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(4, 6, 10), math.lcm(2**64, 3))
print(math.hypot(), math.hypot(3, 4), math.hypot(-5, 12))
print(math.prod([]), math.prod([2, 3, 4]), math.prod([1, 2], start=3), math.prod(['a'], start=2), math.prod([0.5, 4]))
#### itertools_combinations_with_replacement_pairwise_cycle
import itertools
print(list(itertools.combinations_with_replacement(range(3), 2)), list(itertools.combinations_with_replacement('', 2)),
      list(itertools.combinations_with_replacement('ab', 0)), list(itertools.combinations_with_replacement('ab', 3)))
try:
    itertools.combinations_with_replacement('ab', -1)
except ValueError as e:
    print(e)
print(list(itertools.pairwise([1])), list(itertools.pairwise('abcd')), list(itertools.compress('abc', [0, 1])),
      list(itertools.compress('ab', [1, 1, 1])))
print(list(itertools.islice(itertools.cycle([]), 3)), list(itertools.islice(itertools.cycle('ab'), 5)))
#### namedtuple_make_replace_defaults
import collections
P = collections.namedtuple('P', 'x y', defaults=[3])
print(P._fields, P._field_defaults, P._make([1, 2]), P._make(iter('ab')), P(1)._replace(y=5), P(1, 2)._asdict())
try:
    P._make([1])
except TypeError as e:
    print(e)
try:
    P(1)._replace(z=1, w=2)
except ValueError as e:
    print(e)
#### counter_arithmetic_and_subtract
import collections
c = collections.Counter(a=3, b=1)
print(c + collections.Counter(b=2), c - collections.Counter(a=5), c | collections.Counter(b=4), c & collections.Counter(a=1))
c.subtract(a=5)
c.subtract({'z': 1})
c.subtract('bb')
print(c, +c, -c, c.total())
#### chainmap_and_ordereddict_equality
import collections
cm = collections.ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm, len(cm), list(cm), cm['a'], cm.get('z', 0), 'b' in cm, dict(cm), cm.new_child({'c': 4}), cm.parents)
cm['b'] = 9
print(cm.maps, bool(collections.ChainMap()), collections.ChainMap())
try:
    del cm['zz']
except KeyError as e:
    print(e)
o1 = collections.OrderedDict(a=1, b=2)
print(o1 == collections.OrderedDict(b=2, a=1), o1 != collections.OrderedDict(b=2, a=1), o1 == {'b': 2, 'a': 1})
#### lru_cache_info_and_clear
import functools
@functools.lru_cache(maxsize=2)
def f(x, **k):
    return x
f(1); f(2); f(1); f(3); f(2); f(1, a=1); f(1, a=1)
print(f.cache_info(), f.cache_info().hits, f.cache_info()._fields)
f.cache_clear()
print(f.cache_info(), f.cache_parameters())
@functools.lru_cache
def g(x):
    return x
g(1); g(1.0); g(True)
print(g.cache_info())
@functools.cache
def h(n):
    return n if n < 2 else h(n - 1) + h(n - 2)
print(h(20), h.cache_info())
@functools.lru_cache(maxsize=0)
def z(x):
    return x
z(1); z(1)
print(z.cache_info())
try:
    functools.lru_cache('x')
except TypeError as e:
    print(e)
#### string_template
import string
t = string.Template('$who ${what} $$ $')
print(t.safe_substitute(who='w'), t.get_identifiers(), t.is_valid(), string.Template('$a').is_valid())
for args in [{}, {'who': 1, 'what': 2}]:
    try:
        print(t.substitute(args))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
try:
    string.Template('a\nb $1').substitute()
except ValueError as e:
    print(e)
print(string.Template('$x').substitute({'x': 1}, x=2), string.Template('${x}y $xy').safe_substitute(x='X'))
class D(string.Template):
    delimiter = '@'
    idpattern = '[a-z]+'
print(D('@ab@@ @{cd}').substitute(ab=1, cd=2), string.Template.delimiter, D.pattern.pattern == string.Template.pattern.pattern)
print(string.capwords(' a  b-c d ', '-'), string.capwords('hello   big  world'), string.whitespace == ' \t\n\r\x0b\x0c')
#### textwrap_shorten_and_max_lines
import textwrap
for w in [5, 6, 10, 11, 12, 15, 30]:
    print(repr(textwrap.shorten('Hello  world, this is long', width=w)))
try:
    textwrap.shorten('Hello world', 3)
except ValueError as e:
    print(e)
print(textwrap.shorten('Hello world', 8, placeholder='..'), textwrap.shorten('superlongwordhere and more', 10))
print(textwrap.wrap('aa bb cc dd ee ff gg', 6, max_lines=2), textwrap.wrap('aa bb cc dd', 6, max_lines=2, placeholder='...'))
print(textwrap.fill('one two three four five six', 9, max_lines=3, subsequent_indent='  '))
#### json_decode_errors_and_hooks
import json, collections
for s in ['{bad}', '[1,', '', '{"a" 1}', '[1] x', '"abc', '\n\n  [tru]', '{"a":1,}', 'nul', '[1 2]', '"\\x"', '-', '["é😀", x]', '😀\n é x']:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), '|', e.msg, e.pos, e.lineno, e.colno, '|', str(e), '|', repr(e.doc), e.args, isinstance(e, ValueError))
e = json.JSONDecodeError('boom', 'ab\ncd', 4)
print(e.msg, e.pos, e.lineno, e.colno, str(e))
print(json.loads('{"b": 1, "a": {"c": [1, {"d": 2}]}, "b": 3}', object_pairs_hook=collections.OrderedDict))
print(json.loads('{"b": 1, "b": 2}', object_pairs_hook=list), json.loads('[{"x": 1}, {}]', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1}', object_hook=dict, object_pairs_hook=tuple))
for s in ['"a\\', '"a\\u12', '"a\\u12g4"', '"a\\/"', '"a\\q"', '"a\nb"', '"a\tb"', '"\\ud83d"', '"\\ud83d\\ude00"']:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), str(e))
#### dataclasses_generated_methods
import dataclasses as dc
@dc.dataclass
class A:
    x: int
    y: list = dc.field(default_factory=list)
    z: int = dc.field(default=3, repr=False)
print(A(1), A(1) == A(1), A(1) != A(2), A.__init__.__qualname__, dc.fields(A)[0].name, A.z)
try:
    A()
except TypeError as e:
    print(e)
try:
    A(1, 2, 3, 4)
except TypeError as e:
    print(e)
@dc.dataclass(frozen=True)
class F:
    a: int = 1
f = F()
try:
    f.a = 2
except dc.FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
print(hash(f) == hash((1,)), dc.replace(f, a=5), dc.astuple(F()), dc.is_dataclass(f), dc.is_dataclass(F), dc.is_dataclass(1))
try:
    @dc.dataclass
    class B:
        x: int = 1
        y: int
except TypeError as e:
    print(e)
try:
    @dc.dataclass
    class C:
        x: list = []
except ValueError as e:
    print(e)
print(A.__hash__, dc.fields(A)[1].default is dc.MISSING)
@dc.dataclass(order=True)
class O:
    a: int
    b: str = dc.field(compare=False, default='')
print(O(1, 'z') < O(2, 'a'), O(1) <= O(1), sorted([O(3), O(1)]))
try:
    O(1) < 1
except TypeError as e:
    print(e)
@dc.dataclass
class P:
    a: int
    def __post_init__(self):
        self.b = self.a * 2
print(P(2).b, P(2))
@dc.dataclass
class K:
    a: int
    _: dc.KW_ONLY
    b: int = 0
print(K(1, b=2))
try:
    K(1, 2)
except TypeError as e:
    print(e)
print(dc.asdict(A(1, [A(2)])))
@dc.dataclass
class Child(A):
    w: int = 9
print(Child(1), [f.name for f in dc.fields(Child)])
try:
    dc.fields(1)
except TypeError as e:
    print(e)
