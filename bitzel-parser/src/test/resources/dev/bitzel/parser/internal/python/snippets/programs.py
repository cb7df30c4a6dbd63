#### fake_datastore_helpers
class D:
    def __init__(self, **kw):
        self.vars = dict(kw)
    def getVar(self, name, expand=True):
        return self.vars.get(name)
    def setVar(self, name, value):
        self.vars[name] = value
    def appendVar(self, name, value):
        self.vars[name] = (self.vars.get(name) or '') + value

def contains(variable, checkvalues, truevalue, falsevalue, d):
    val = d.getVar(variable)
    if not val:
        return falsevalue
    val = set(val.split())
    if isinstance(checkvalues, str):
        checkvalues = set(checkvalues.split())
    else:
        checkvalues = set(checkvalues)
    if checkvalues.issubset(val):
        return truevalue
    return falsevalue

def conditional(variable, checkvalue, truevalue, falsevalue, d):
    if d.getVar(variable) == checkvalue:
        return truevalue
    else:
        return falsevalue

def filter_str(f, str_, d):
    from re import match
    return " ".join([x for x in str_.split() if match(f, x, 0)])

d = D(DISTRO_FEATURES='x11 wayland systemd', MACHINE='qemux86-64', PN='busybox')
print(contains('DISTRO_FEATURES', 'x11', 'gtk', '', d), repr(contains('DISTRO_FEATURES', ['x11', 'opengl'], 'gl', '', d)))
print(conditional('MACHINE', 'qemux86-64', 'yes', 'no', d), filter_str(r'^w', 'wayland x11 weston', d))
d.appendVar('DEPENDS', ' zlib')
d.appendVar('DEPENDS', ' openssl')
print(repr(d.getVar('DEPENDS')), sorted(d.vars))
#### explode_deps
def explode_deps(s):
    r = []
    l = s.split()
    flag = False
    for i in l:
        if i[0] == '(':
            flag = True
            j = []
        if flag:
            j.append(i)
            if i.endswith(')'):
                flag = False
        else:
            r.append(i)
    return r
print(explode_deps('a (>= 1.0) b c (= 2)'))
#### version_compare
def split_version(v):
    parts = []
    for p in v.replace('-', '.').split('.'):
        parts.append(int(p) if p.isdigit() else p)
    return parts
def vercmp(a, b):
    pa, pb = split_version(a), split_version(b)
    for x, y in zip(pa, pb):
        if x == y:
            continue
        if isinstance(x, int) and isinstance(y, int):
            return (x > y) - (x < y)
        return (str(x) > str(y)) - (str(x) < str(y))
    return (len(pa) > len(pb)) - (len(pa) < len(pb))
vs = ['1.10', '1.2', '1.2.1', '2.0-rc1', '2.0']
import functools
print(sorted(vs, key=functools.cmp_to_key(vercmp)), vercmp('1.0', '1.0'))
#### packages_split
pkgs = 'foo foo-dev foo-dbg foo-doc libfoo1 foo-locale-en'
suffixes = ('-dev', '-dbg', '-doc')
main = [p for p in pkgs.split() if not p.endswith(suffixes) and '-locale-' not in p]
extra = {s.lstrip('-'): [p for p in pkgs.split() if p.endswith(s)] for s in suffixes}
print(main, extra)
#### class_registry_pattern
class Registry:
    _items = {}
    @classmethod
    def register(cls, name):
        def deco(f):
            cls._items[name] = f
            return f
        return deco
    @classmethod
    def run(cls, name, *args):
        return cls._items[name](*args)
@Registry.register('add')
def add(a, b):
    return a + b
@Registry.register('join')
def join(*parts):
    return '/'.join(parts)
print(Registry.run('add', 2, 3), Registry.run('join', 'a', 'b'), sorted(Registry._items))
#### tree_walk_generator
tree = {'name': 'root', 'children': [{'name': 'a', 'children': [{'name': 'a1', 'children': []}]}, {'name': 'b', 'children': []}]}
def walk(node, depth=0):
    yield depth, node['name']
    for c in node['children']:
        yield from walk(c, depth + 1)
for depth, name in walk(tree):
    print('  ' * depth + name)
#### exception_chain_handling
class FetchError(Exception):
    def __init__(self, msg, url=None):
        self.msg = msg
        self.url = url
        Exception.__init__(self, msg)
    def __str__(self):
        return 'Fetcher failure for URL: %r. %s' % (self.url, self.msg)
class NoMethodError(FetchError):
    pass
def fetch(url):
    if url.startswith('git://'):
        return 'ok'
    raise NoMethodError('no method', url)
for u in ['git://x', 'ftp://y']:
    try:
        print(fetch(u))
    except FetchError as e:
        print(type(e).__name__, e, e.url)
#### string_processing_pipeline
text = '''
# comment
KEY1 = "value one"
KEY2 ?= 'v2'

KEY3 += "more"
'''
import re
rx = re.compile(r'^(?P<var>\w+)\s*(?P<op>\?=|\+=|=)\s*(?P<q>["\'])(?P<val>.*)(?P=q)$')
for line in text.splitlines():
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    m = rx.match(line)
    print(m.group('var'), m.group('op'), m.group('val'))
#### dict_of_sets_merge
a = {'x': {1, 2}, 'y': {3}}
b = {'x': {2, 4}, 'z': {5}}
merged = {k: sorted(a.get(k, set()) | b.get(k, set())) for k in sorted(set(a) | set(b))}
print(merged)
#### closures_counter_factory_with_state
def make_accumulators():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    def reset():
        total.clear()
    return add, reset
add, reset = make_accumulators()
print(add(1), add(2), add(3))
reset()
print(add(10))
#### operator_overloading_version
class Version:
    def __init__(self, s):
        self.parts = tuple(int(x) for x in s.split('.'))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return 'Version(%s)' % '.'.join(map(str, self.parts))
vs = [Version('1.10.0'), Version('1.2'), Version('1.2.0'), Version('0.9')]
print(sorted(vs), max(vs), Version('1.2') <= Version('1.2'), len(set([Version('1.0'), Version('1.0')])))
#### with_resource_manager
log = []
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append('open ' + self.name)
        return self
    def __exit__(self, *exc):
        log.append('close ' + self.name)
        return False
def use():
    with Resource('a') as a, Resource('b') as b:
        log.append('use ' + a.name + b.name)
        return 'done'
print(use(), log)
#### nested_comprehension_matrix
m = [[1, 2, 3], [4, 5, 6]]
t = [[row[i] for row in m] for i in range(3)]
flat = [x for row in m for x in row if x % 2]
print(t, flat, sum(map(sum, m)))
#### inheritance_template_method
class Task:
    def run(self):
        return [self.prepare(), self.execute(), self.cleanup()]
    def prepare(self):
        return 'prep'
    def cleanup(self):
        return 'clean'
class Compile(Task):
    def execute(self):
        return 'compile'
class Install(Compile):
    def prepare(self):
        return 'prep-install+' + super().prepare()
    def execute(self):
        return super().execute() + '+install'
print(Compile().run(), Install().run())
#### recursive_data_formatting
def fmt(obj, indent=0):
    pad = '  ' * indent
    if isinstance(obj, dict):
        return '\n'.join(pad + str(k) + ':\n' + fmt(v, indent + 1) for k, v in obj.items())
    if isinstance(obj, list):
        return '\n'.join(fmt(x, indent) for x in obj)
    return pad + repr(obj)
print(fmt({'a': [1, 'two'], 'b': {'c': None}}))
#### sorting_records
records = [
    {'name': 'zlib', 'size': 120, 'deps': 0},
    {'name': 'openssl', 'size': 900, 'deps': 2},
    {'name': 'busybox', 'size': 500, 'deps': 1},
    {'name': 'acl', 'size': 120, 'deps': 1},
]
for r in sorted(records, key=lambda r: (-r['size'], r['name'])):
    print('%-10s %5d %s' % (r['name'], r['size'], '*' * r['deps']))
print(', '.join(f"{r['name']}={r['size']:,}" for r in records if r['deps']))
#### generator_pipeline
def read(lines):
    for l in lines:
        yield l.strip()
def nonblank(it):
    return (l for l in it if l)
def numbered(it):
    for i, l in enumerate(it, 1):
        yield '%02d: %s' % (i, l)
print(list(numbered(nonblank(read([' a', '', 'b ', '   ', 'c'])))))
#### property_cached_value
class Lazy:
    def __init__(self):
        self._v = None
        self.calls = 0
    @property
    def value(self):
        if self._v is None:
            self.calls += 1
            self._v = sum(range(10))
        return self._v
l = Lazy()
print(l.value, l.value, l.calls)
#### string_template_expansion
import re
def expand(s, vars, depth=0):
    if depth > 10:
        raise RecursionError('too deep')
    def repl(m):
        name = m.group(1)
        v = vars.get(name)
        return m.group(0) if v is None else expand(v, vars, depth + 1)
    return re.sub(r'\$\{([A-Za-z0-9_]+)\}', repl, s)
vars = {'PN': 'foo', 'PV': '1.0', 'P': '${PN}-${PV}', 'S': '${WORKDIR}/${P}'}
print(expand('${S}', vars), expand('${P}.tar.gz', vars))
#### bitflags_and_sets
FEATURES = ['acl', 'xattr', 'pam', 'selinux']
enabled = {'pam', 'acl'}
mask = sum(1 << i for i, f in enumerate(FEATURES) if f in enabled)
print(bin(mask), [f for i, f in enumerate(FEATURES) if mask & (1 << i)])
#### defaultdict_graph_toposort
from collections import defaultdict
deps = {'app': ['lib', 'util'], 'lib': ['base'], 'util': ['base'], 'base': []}
order = []
seen = set()
def visit(n):
    if n in seen:
        return
    seen.add(n)
    for m in deps[n]:
        visit(m)
    order.append(n)
for n in sorted(deps):
    visit(n)
rdeps = defaultdict(list)
for n, ds in deps.items():
    for x in ds:
        rdeps[x].append(n)
print(order, dict(rdeps))
#### star_args_forwarding
def wrapper(func, *args, **kwargs):
    return func(*args, **kwargs)
def target(a, b=2, *rest, c=3, **kw):
    return a, b, rest, c, kw
print(wrapper(target, 1), wrapper(target, 1, 2, 3, 4, c=5, d=6))
#### int_parsing_robust
def to_int(s, default=0):
    try:
        return int(s, 0)
    except (TypeError, ValueError):
        return default
print([to_int(x) for x in ['10', '0x1f', '0o7', 'bad', None, ' 5 ', '0b11']])
#### multiple_inheritance_mixins
class JsonMixin:
    def to_json(self):
        import json
        return json.dumps(self.__dict__, sort_keys=True)
class ReprMixin:
    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join('%s=%r' % kv for kv in sorted(self.__dict__.items())))
class Pkg(JsonMixin, ReprMixin):
    def __init__(self, name, ver):
        self.name = name
        self.ver = ver
p = Pkg('zlib', '1.3')
print(p, p.to_json(), [c.__name__ for c in Pkg.__mro__])
