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
