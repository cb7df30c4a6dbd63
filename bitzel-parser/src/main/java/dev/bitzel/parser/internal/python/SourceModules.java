package dev.bitzel.parser.internal.python;

import java.util.Map;

/** Standard modules written in Python, compiled on first import. */
final class SourceModules {
    private SourceModules() {}

    static final String COLLECTIONS = """
            class OrderedDict(dict):
                def move_to_end(self, key, last=True):
                    v = self.pop(key)
                    if last:
                        self[key] = v
                    else:
                        items = list(self.items())
                        self.clear()
                        self[key] = v
                        self.update(items)
                def popitem(self, last=True):
                    if not self:
                        raise KeyError('dictionary is empty')
                    key = next(reversed(self)) if last else next(iter(self))
                    return key, self.pop(key)
                def __eq__(self, other):
                    if isinstance(other, OrderedDict):
                        return dict.__eq__(self, other) and list(self) == list(other)
                    return dict.__eq__(self, other)
                def __ne__(self, other):
                    return not self == other
                __hash__ = None
                def __repr__(self):
                    if not self:
                        return 'OrderedDict()'
                    return 'OrderedDict(%r)' % (list(self.items()),)

            class deque(object):
                # a list underneath: metadata's deques are short
                def __init__(self, iterable=(), maxlen=None):
                    self.maxlen = maxlen
                    self._items = []
                    for x in iterable:
                        self.append(x)
                def append(self, x):
                    self._items.append(x)
                    if self.maxlen is not None and len(self._items) > self.maxlen:
                        del self._items[0]
                def appendleft(self, x):
                    self._items.insert(0, x)
                    if self.maxlen is not None and len(self._items) > self.maxlen:
                        self._items.pop()
                def pop(self):
                    if not self._items:
                        raise IndexError('pop from an empty deque')
                    return self._items.pop()
                def popleft(self):
                    if not self._items:
                        raise IndexError('pop from an empty deque')
                    return self._items.pop(0)
                def extend(self, iterable):
                    for x in iterable:
                        self.append(x)
                def extendleft(self, iterable):
                    for x in iterable:
                        self.appendleft(x)
                def rotate(self, n=1):
                    if self._items:
                        n = n % len(self._items)
                        self._items[:] = self._items[len(self._items) - n:] + self._items[:len(self._items) - n]
                def clear(self):
                    self._items.clear()
                def count(self, x):
                    return self._items.count(x)
                def remove(self, x):
                    self._items.remove(x)
                def reverse(self):
                    self._items.reverse()
                def index(self, x, *args):
                    return self._items.index(x, *args)
                def copy(self):
                    return deque(self._items, self.maxlen)
                def __len__(self):
                    return len(self._items)
                def __iter__(self):
                    return iter(self._items)
                def __reversed__(self):
                    return reversed(self._items)
                def __getitem__(self, i):
                    return self._items[i]
                def __setitem__(self, i, value):
                    self._items[i] = value
                def __contains__(self, x):
                    return x in self._items
                def __bool__(self):
                    return bool(self._items)
                def __eq__(self, other):
                    return isinstance(other, deque) and self._items == other._items
                def __repr__(self):
                    if self.maxlen is None:
                        return 'deque(%r)' % (self._items,)
                    return 'deque(%r, maxlen=%d)' % (self._items, self.maxlen)

            class defaultdict(dict):
                def __init__(self, default_factory=None, *args, **kwargs):
                    dict.__init__(self, *args, **kwargs)
                    self.default_factory = default_factory
                def __missing__(self, key):
                    if self.default_factory is None:
                        raise KeyError(key)
                    value = self.default_factory()
                    self[key] = value
                    return value
                def __repr__(self):
                    return 'defaultdict(%r, %s)' % (self.default_factory, dict.__repr__(dict(self)))
                def copy(self):
                    return defaultdict(self.default_factory, self)

            class Counter(dict):
                def __init__(self, iterable=None, **kwds):
                    dict.__init__(self)
                    self.update(iterable, **kwds)
                def __missing__(self, key):
                    return 0
                def update(self, iterable=None, **kwds):
                    if iterable is not None:
                        if isinstance(iterable, dict):
                            for elem, count in iterable.items():
                                self[elem] = self[elem] + count
                        else:
                            for elem in iterable:
                                self[elem] = self[elem] + 1
                    for elem, count in kwds.items():
                        self[elem] = self[elem] + count
                def most_common(self, n=None):
                    items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
                    return items if n is None else items[:n]
                def elements(self):
                    for elem, count in self.items():
                        for _ in range(count):
                            yield elem
                def subtract(self, iterable=None, **kwds):
                    if iterable is not None:
                        if isinstance(iterable, dict):
                            for elem, count in iterable.items():
                                self[elem] = self.get(elem, 0) - count
                        else:
                            for elem in iterable:
                                self[elem] = self.get(elem, 0) - 1
                    for elem, count in kwds.items():
                        self[elem] = self.get(elem, 0) - count
                def total(self):
                    return sum(self.values())
                def __add__(self, other):
                    if not isinstance(other, Counter):
                        return NotImplemented
                    result = Counter()
                    for elem, count in self.items():
                        newcount = count + other[elem]
                        if newcount > 0:
                            result[elem] = newcount
                    for elem, count in other.items():
                        if elem not in self and count > 0:
                            result[elem] = count
                    return result
                def __sub__(self, other):
                    if not isinstance(other, Counter):
                        return NotImplemented
                    result = Counter()
                    for elem, count in self.items():
                        newcount = count - other[elem]
                        if newcount > 0:
                            result[elem] = newcount
                    for elem, count in other.items():
                        if elem not in self and count < 0:
                            result[elem] = 0 - count
                    return result
                def __or__(self, other):
                    if not isinstance(other, Counter):
                        return NotImplemented
                    result = Counter()
                    for elem, count in self.items():
                        newcount = max(count, other[elem])
                        if newcount > 0:
                            result[elem] = newcount
                    for elem, count in other.items():
                        if elem not in self and count > 0:
                            result[elem] = count
                    return result
                def __and__(self, other):
                    if not isinstance(other, Counter):
                        return NotImplemented
                    result = Counter()
                    for elem, count in self.items():
                        newcount = min(count, other[elem])
                        if newcount > 0:
                            result[elem] = newcount
                    return result
                def __pos__(self):
                    return Counter({e: c for e, c in self.items() if c > 0})
                def __neg__(self):
                    return Counter({e: 0 - c for e, c in self.items() if c < 0})
                def __repr__(self):
                    if not self:
                        return 'Counter()'
                    return 'Counter({%s})' % ', '.join('%r: %r' % kv for kv in self.most_common())

            class ChainMap(object):
                def __init__(self, *maps):
                    self.maps = list(maps) or [{}]
                def __missing__(self, key):
                    raise KeyError(key)
                def __getitem__(self, key):
                    for mapping in self.maps:
                        try:
                            return mapping[key]
                        except KeyError:
                            pass
                    return self.__missing__(key)
                def get(self, key, default=None):
                    return self[key] if key in self else default
                def __len__(self):
                    return len(set().union(*self.maps))
                def __iter__(self):
                    d = {}
                    for mapping in reversed(self.maps):
                        d.update(dict.fromkeys(mapping))
                    return iter(d)
                def __contains__(self, key):
                    return any(key in m for m in self.maps)
                def __bool__(self):
                    return any(self.maps)
                def __eq__(self, other):
                    return dict(self.items()) == dict(other.items())
                __hash__ = None
                def keys(self):
                    return list(self)
                def items(self):
                    return [(k, self[k]) for k in self]
                def values(self):
                    return [self[k] for k in self]
                def __repr__(self):
                    return '%s(%s)' % (type(self).__name__, ', '.join(map(repr, self.maps)))
                @classmethod
                def fromkeys(cls, iterable, *args):
                    return cls(dict.fromkeys(iterable, *args))
                def copy(self):
                    return type(self)(self.maps[0].copy(), *self.maps[1:])
                __copy__ = copy
                def new_child(self, m=None, **kwargs):
                    if m is None:
                        m = kwargs
                    elif kwargs:
                        m.update(kwargs)
                    return type(self)(m, *self.maps)
                @property
                def parents(self):
                    return type(self)(*self.maps[1:])
                def __setitem__(self, key, value):
                    self.maps[0][key] = value
                def __delitem__(self, key):
                    try:
                        del self.maps[0][key]
                    except KeyError:
                        raise KeyError('Key not found in the first mapping: %r' % (key,))
                def pop(self, key, *args):
                    try:
                        return self.maps[0].pop(key, *args)
                    except KeyError:
                        raise KeyError('Key not found in the first mapping: %r' % (key,))
                def popitem(self):
                    try:
                        return self.maps[0].popitem()
                    except KeyError:
                        raise KeyError('No keys found in the first mapping.')
                def clear(self):
                    self.maps[0].clear()
                def setdefault(self, key, default=None):
                    if key not in self:
                        self[key] = default
                    return self[key]
                def update(self, other=(), **kwds):
                    self.maps[0].update(other, **kwds)

            def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
                if isinstance(field_names, str):
                    field_names = field_names.replace(',', ' ').split()
                fields = tuple(field_names)
                nfields = len(fields)
                class _NT(tuple):
                    __slots__ = ()
                    _fields = fields
                    __match_args__ = fields
                    def __new__(cls, *args, **kwargs):
                        values = list(args)
                        for name in fields[len(args):]:
                            if name in kwargs:
                                values.append(kwargs.pop(name))
                            elif defaults is not None and nfields - fields.index(name) <= len(defaults):
                                values.append(defaults[len(defaults) - (nfields - fields.index(name))])
                            else:
                                raise TypeError('missing required argument: %r' % name)
                        if kwargs:
                            raise TypeError('unexpected keyword argument %r' % list(kwargs)[0])
                        if len(values) != nfields:
                            raise TypeError('expected %d arguments, got %d' % (nfields, len(values)))
                        return _bitzel_make_tuple(cls, values)
                    @classmethod
                    def _make(cls, iterable):
                        values = tuple(iterable)
                        if len(values) != nfields:
                            raise TypeError('Expected %d arguments, got %d' % (nfields, len(values)))
                        return _bitzel_make_tuple(cls, values)
                    def _replace(self, **kwargs):
                        result = self._make([kwargs.pop(f, v) for f, v in zip(fields, self)])
                        if kwargs:
                            raise ValueError('Got unexpected field names: %r' % list(kwargs))
                        return result
                    def _asdict(self):
                        return dict(zip(fields, self))
                    def __repr__(self):
                        return typename + '(' + ', '.join('%s=%r' % (f, v) for f, v in zip(fields, self)) + ')'
                    def __getattr__(self, name):
                        if name in fields:
                            return self[fields.index(name)]
                        raise AttributeError(name)
                _NT._field_defaults = {} if defaults is None else dict(zip(fields[nfields - len(defaults):], defaults))
                _NT.__name__ = typename
                _NT.__qualname__ = typename
                return _NT
            """;

    /** {@code string}: the constants, {@code capwords} and {@code Template} as CPython's module defines them. */
    static final String STRING = """
            import re as _re

            whitespace = ' \\t\\n\\r\\v\\f'
            ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
            ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
            ascii_letters = ascii_lowercase + ascii_uppercase
            digits = '0123456789'
            hexdigits = digits + 'abcdef' + 'ABCDEF'
            octdigits = '01234567'
            punctuation = r\"""!"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\"""
            printable = digits + ascii_letters + punctuation + whitespace

            def capwords(s, sep=None):
                return (sep or ' ').join(map(str.capitalize, s.split(sep)))

            class _SentinelDict(dict):
                pass
            _sentinel_dict = _SentinelDict()

            class Template:
                delimiter = '$'
                idpattern = r'(?a:[_a-z][_a-z0-9]*)'
                braceidpattern = None
                flags = _re.IGNORECASE

                def __init_subclass__(cls):
                    super().__init_subclass__()
                    if 'pattern' in cls.__dict__:
                        pattern = cls.pattern
                    else:
                        delim = _re.escape(cls.delimiter)
                        id = cls.idpattern
                        bid = cls.braceidpattern or cls.idpattern
                        pattern = fr\"""
                        {delim}(?:
                          (?P<escaped>{delim})  |   # Escape sequence of two delimiters
                          (?P<named>{id})       |   # delimiter and a Python identifier
                          {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
                          (?P<invalid>)             # Other ill-formed delimiter exprs
                        )
                        \"""
                    cls.pattern = _re.compile(pattern, cls.flags | _re.VERBOSE)

                def __init__(self, template):
                    self.template = template

                def _invalid(self, mo):
                    i = mo.start('invalid')
                    lines = self.template[:i].splitlines(keepends=True)
                    if not lines:
                        colno = 1
                        lineno = 1
                    else:
                        colno = i - len(''.join(lines[:-1]))
                        lineno = len(lines)
                    raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

                def _mapping(self, mapping, kws):
                    if mapping is _sentinel_dict:
                        return kws
                    if kws:
                        from collections import ChainMap
                        return ChainMap(kws, mapping)
                    return mapping

                def substitute(self, mapping=_sentinel_dict, /, **kws):
                    mapping = self._mapping(mapping, kws)
                    def convert(mo):
                        named = mo.group('named') or mo.group('braced')
                        if named is not None:
                            return str(mapping[named])
                        if mo.group('escaped') is not None:
                            return self.delimiter
                        if mo.group('invalid') is not None:
                            self._invalid(mo)
                        raise ValueError('Unrecognized named group in pattern', self.pattern)
                    return self.pattern.sub(convert, self.template)

                def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
                    mapping = self._mapping(mapping, kws)
                    def convert(mo):
                        named = mo.group('named') or mo.group('braced')
                        if named is not None:
                            try:
                                return str(mapping[named])
                            except KeyError:
                                return mo.group()
                        if mo.group('escaped') is not None:
                            return self.delimiter
                        if mo.group('invalid') is not None:
                            return mo.group()
                        raise ValueError('Unrecognized named group in pattern', self.pattern)
                    return self.pattern.sub(convert, self.template)

                def is_valid(self):
                    for mo in self.pattern.finditer(self.template):
                        if mo.group('invalid') is not None:
                            return False
                        if (mo.group('named') is None and mo.group('braced') is None
                                and mo.group('escaped') is None):
                            raise ValueError('Unrecognized named group in pattern', self.pattern)
                    return True

                def get_identifiers(self):
                    ids = []
                    for mo in self.pattern.finditer(self.template):
                        named = mo.group('named') or mo.group('braced')
                        if named is not None and named not in ids:
                            ids.append(named)
                        elif (named is None and mo.group('invalid') is None
                                and mo.group('escaped') is None):
                            raise ValueError('Unrecognized named group in pattern', self.pattern)
                    return ids

            # what __init_subclass__ does for subclasses, done for the base class itself
            Template.__init_subclass__()
            """;

    static final String FUNCTOOLS = """
            def reduce(function, iterable, *initial):
                it = iter(iterable)
                if initial:
                    value = initial[0]
                else:
                    try:
                        value = next(it)
                    except StopIteration:
                        raise TypeError('reduce() of empty iterable with no initial value') from None
                for element in it:
                    value = function(value, element)
                return value

            class partial:
                def __init__(self, func, *args, **keywords):
                    self.func = func
                    self.args = args
                    self.keywords = keywords
                def __call__(self, *args, **keywords):
                    kw = dict(self.keywords)
                    kw.update(keywords)
                    return self.func(*self.args, *args, **kw)

            def cmp_to_key(mycmp):
                class K:
                    __slots__ = ['obj']
                    def __init__(self, obj):
                        self.obj = obj
                    def __lt__(self, other):
                        return mycmp(self.obj, other.obj) < 0
                    def __gt__(self, other):
                        return mycmp(self.obj, other.obj) > 0
                    def __eq__(self, other):
                        return mycmp(self.obj, other.obj) == 0
                    def __le__(self, other):
                        return mycmp(self.obj, other.obj) <= 0
                    def __ge__(self, other):
                        return mycmp(self.obj, other.obj) >= 0
                    __hash__ = None
                return K

            WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')

            def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
                for attr in assigned:
                    try:
                        value = getattr(wrapped, attr)
                    except AttributeError:
                        pass
                    else:
                        setattr(wrapper, attr, value)
                wrapper.__wrapped__ = wrapped
                return wrapper

            def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
                return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)

            from collections import namedtuple
            _CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])
            _kwd_mark = (object(),)

            def lru_cache(maxsize=128, typed=False):
                if isinstance(maxsize, int):
                    if maxsize < 0:
                        maxsize = 0
                elif callable(maxsize) and isinstance(typed, bool):
                    return _lru_cache_wrapper(maxsize, 128, typed)
                elif maxsize is not None:
                    raise TypeError('Expected first argument to be an integer, a callable, or None')
                def decorating(user_function):
                    return _lru_cache_wrapper(user_function, maxsize, typed)
                return decorating

            def _lru_cache_wrapper(user_function, maxsize, typed):
                # keys as CPython's _make_key builds them, so that calls share entries (and count hits) alike
                cache = {}
                stats = [0, 0]
                def wrapper(*args, **kwds):
                    key = args
                    if kwds:
                        key += _kwd_mark
                        for item in kwds.items():
                            key += item
                    if typed:
                        key += tuple(type(v) for v in args)
                        if kwds:
                            key += tuple(type(v) for v in kwds.values())
                    elif len(key) == 1 and type(key[0]) in (int, str):
                        key = key[0]
                    if key in cache:
                        stats[0] += 1
                        result = cache.pop(key)
                        cache[key] = result
                        return result
                    stats[1] += 1
                    result = user_function(*args, **kwds)
                    if maxsize != 0 and key not in cache:
                        cache[key] = result
                        if maxsize is not None and len(cache) > maxsize:
                            del cache[next(iter(cache))]
                    return result
                def cache_info():
                    return _CacheInfo(stats[0], stats[1], maxsize, len(cache))
                def cache_clear():
                    cache.clear()
                    stats[0] = stats[1] = 0
                wrapper.cache_info = cache_info
                wrapper.cache_clear = cache_clear
                wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
                return update_wrapper(wrapper, user_function)

            def cache(user_function):
                return lru_cache(maxsize=None)(user_function)

            def total_ordering(cls):
                # the missing comparisons from one of < <= > >= and ==
                own = cls.__dict__
                if '__lt__' in own:
                    derived = {'__gt__': lambda self, other: not self < other and self != other,
                               '__le__': lambda self, other: self < other or self == other,
                               '__ge__': lambda self, other: not self < other}
                elif '__le__' in own:
                    derived = {'__ge__': lambda self, other: not self <= other or self == other,
                               '__lt__': lambda self, other: self <= other and self != other,
                               '__gt__': lambda self, other: not self <= other}
                elif '__gt__' in own:
                    derived = {'__lt__': lambda self, other: not self > other and self != other,
                               '__ge__': lambda self, other: self > other or self == other,
                               '__le__': lambda self, other: not self > other}
                elif '__ge__' in own:
                    derived = {'__le__': lambda self, other: not self >= other or self == other,
                               '__gt__': lambda self, other: self >= other and self != other,
                               '__lt__': lambda self, other: not self >= other}
                else:
                    raise ValueError('must define at least one ordering operation: < > <= >=')
                for name, method in derived.items():
                    if name not in own:
                        setattr(cls, name, method)
                return cls
            """;

    static final String FNMATCH = """
            import re

            def translate(pat):
                i, n = 0, len(pat)
                res = ''
                while i < n:
                    c = pat[i]
                    i = i + 1
                    if c == '*':
                        res = res + '.*'
                    elif c == '?':
                        res = res + '.'
                    elif c == '[':
                        j = i
                        if j < n and pat[j] == '!':
                            j = j + 1
                        if j < n and pat[j] == ']':
                            j = j + 1
                        while j < n and pat[j] != ']':
                            j = j + 1
                        if j >= n:
                            res = res + chr(92) + '['
                        else:
                            stuff = pat[i:j].replace(chr(92), chr(92) * 2)
                            i = j + 1
                            if stuff[0] == '!':
                                stuff = '^' + stuff[1:]
                            elif stuff[0] == '^':
                                stuff = chr(92) + stuff
                            res = '%s[%s]' % (res, stuff)
                    else:
                        res = res + re.escape(c)
                return '(?s:%s)' % res + chr(92) + 'Z'

            def fnmatchcase(name, pat):
                return re.match(translate(pat), name) is not None

            fnmatch = fnmatchcase

            def filter(names, pat):
                regex = re.compile(translate(pat))
                return [n for n in names if regex.match(n)]
            """;

    static final String PKGUTIL = """
            def extend_path(path, name):
                return path
            """;

    static final String ERRNO = """
            EPERM = 1
            ENOENT = 2
            ESRCH = 3
            EINTR = 4
            EIO = 5
            ENXIO = 6
            E2BIG = 7
            ENOEXEC = 8
            EBADF = 9
            ECHILD = 10
            EAGAIN = 11
            ENOMEM = 12
            EACCES = 13
            EFAULT = 14
            EBUSY = 16
            EEXIST = 17
            EXDEV = 18
            ENODEV = 19
            ENOTDIR = 20
            EISDIR = 21
            EINVAL = 22
            ENFILE = 23
            EMFILE = 24
            ENOTTY = 25
            EFBIG = 27
            ENOSPC = 28
            ESPIPE = 29
            EROFS = 30
            EMLINK = 31
            EPIPE = 32
            ERANGE = 34
            EDEADLK = 35
            ENAMETOOLONG = 36
            ENOSYS = 38
            ENOTEMPTY = 39
            ELOOP = 40
            EWOULDBLOCK = 11
            ENOTSUP = 95
            EOPNOTSUPP = 95
            ETIMEDOUT = 110
            errorcode = {v: k for k, v in list(globals().items()) if k.startswith('E') and isinstance(v, int)}
            """;

    static final String COLLECTIONS_ABC = """
            # Without metaclasses, isinstance() consults the __bitzel_instancecheck__ hook instead of ABC registration.
            class Hashable:
                __bitzel_instancecheck__ = staticmethod(lambda o: type(o).__hash__ is not None)
            class Iterable:
                __bitzel_instancecheck__ = staticmethod(lambda o: hasattr(o, '__iter__') or isinstance(o, (str, list, tuple, dict, set, frozenset, range, bytes)))
            class Iterator(Iterable):
                __bitzel_instancecheck__ = staticmethod(lambda o: hasattr(o, '__next__') or type(o).__name__.endswith('iterator') or type(o).__name__ == 'generator')
            class Sized:
                __bitzel_instancecheck__ = staticmethod(lambda o: hasattr(o, '__len__'))
            class Container:
                __bitzel_instancecheck__ = staticmethod(lambda o: hasattr(o, '__contains__'))
            class Callable:
                __bitzel_instancecheck__ = staticmethod(callable)
            class Collection(Sized, Iterable, Container):
                __bitzel_instancecheck__ = staticmethod(lambda o: isinstance(o, (str, list, tuple, dict, set, frozenset, range, bytes)))
            class Sequence(Collection):
                __bitzel_instancecheck__ = staticmethod(lambda o: isinstance(o, (str, list, tuple, range, bytes)))
            class MutableSequence(Sequence):
                __bitzel_instancecheck__ = staticmethod(lambda o: isinstance(o, list))
            class Set(Collection):
                __bitzel_instancecheck__ = staticmethod(lambda o: isinstance(o, (set, frozenset)))
            class MutableSet(Set):
                __bitzel_instancecheck__ = staticmethod(lambda o: isinstance(o, set))

            class Mapping(Collection):
                __bitzel_instancecheck__ = staticmethod(lambda o: isinstance(o, dict))
                def get(self, key, default=None):
                    try:
                        return self[key]
                    except KeyError:
                        return default
                def __contains__(self, key):
                    try:
                        self[key]
                    except KeyError:
                        return False
                    return True
                def keys(self):
                    return list(self)
                def items(self):
                    return [(k, self[k]) for k in self]
                def values(self):
                    return [self[k] for k in self]
                def __eq__(self, other):
                    return dict(self.items()) == dict(other.items())
                __hash__ = None

            class MutableMapping(Mapping):
                __bitzel_instancecheck__ = staticmethod(lambda o: isinstance(o, dict))
                def pop(self, key, *default):
                    try:
                        value = self[key]
                    except KeyError:
                        if default:
                            return default[0]
                        raise
                    del self[key]
                    return value
                def popitem(self):
                    for key in self:
                        value = self[key]
                        del self[key]
                        return key, value
                    raise KeyError
                def clear(self):
                    for key in list(self):
                        del self[key]
                def update(self, other=(), **kwds):
                    if hasattr(other, 'keys'):
                        for key in other.keys():
                            self[key] = other[key]
                    else:
                        for key, value in other:
                            self[key] = value
                    for key, value in kwds.items():
                        self[key] = value
                def setdefault(self, key, default=None):
                    try:
                        return self[key]
                    except KeyError:
                        self[key] = default
                    return default
            """;

    static final String LOGGING = """
            CRITICAL = 50
            FATAL = 50
            ERROR = 40
            WARNING = 30
            WARN = 30
            INFO = 20
            DEBUG = 10
            NOTSET = 0
            _names = {50: 'CRITICAL', 40: 'ERROR', 30: 'WARNING', 20: 'INFO', 10: 'DEBUG', 0: 'NOTSET'}

            def addLevelName(level, name):
                _names[level] = name

            def getLevelName(level):
                return _names.get(level, 'Level %s' % level)

            class Filter:
                def __init__(self, name=''):
                    self.name = name
                def filter(self, record):
                    return True

            class Filterer:
                def __init__(self):
                    self.filters = []
                def addFilter(self, f):
                    self.filters.append(f)
                def removeFilter(self, f):
                    if f in self.filters:
                        self.filters.remove(f)

            class Handler(Filterer):
                def __init__(self, level=NOTSET):
                    Filterer.__init__(self)
                    self.level = level
                    self.formatter = None
                def setLevel(self, level):
                    self.level = level
                def setFormatter(self, fmt):
                    self.formatter = fmt
                def handle(self, record):
                    pass
                def emit(self, record):
                    pass
                def flush(self):
                    pass
                def close(self):
                    pass

            class StreamHandler(Handler):
                def __init__(self, stream=None):
                    Handler.__init__(self)
                    self.stream = stream

            class Formatter:
                def __init__(self, fmt=None, datefmt=None, style='%'):
                    self._fmt = fmt
                    self.datefmt = datefmt
                def format(self, record):
                    return str(record.msg)

            class Logger(Filterer):
                def __init__(self, name, level=NOTSET):
                    Filterer.__init__(self)
                    self.name = name
                    self.level = level
                    self.handlers = []
                    self.parent = None
                    self.propagate = True
                    self.disabled = False
                def setLevel(self, level):
                    self.level = level
                def getEffectiveLevel(self):
                    return self.level
                def isEnabledFor(self, level):
                    return level >= self.level
                def addHandler(self, h):
                    self.handlers.append(h)
                def removeHandler(self, h):
                    if h in self.handlers:
                        self.handlers.remove(h)
                def log(self, level, msg, *args, **kwargs):
                    pass
                def debug(self, msg, *args, **kwargs):
                    pass
                def info(self, msg, *args, **kwargs):
                    pass
                def warning(self, msg, *args, **kwargs):
                    pass
                warn = warning
                def error(self, msg, *args, **kwargs):
                    pass
                def exception(self, msg, *args, **kwargs):
                    pass
                def critical(self, msg, *args, **kwargs):
                    pass
                fatal = critical
                def getChild(self, suffix):
                    return getLogger(self.name + '.' + suffix)

            class LoggerAdapter:
                def __init__(self, logger, extra=None):
                    self.logger = logger
                    self.extra = extra
                def __getattr__(self, name):
                    return getattr(self.logger, name)

            _loggerClass = Logger
            _loggers = {}
            root = Logger('root', WARNING)

            def setLoggerClass(klass):
                global _loggerClass
                _loggerClass = klass

            def getLoggerClass():
                return _loggerClass

            def getLogger(name=None):
                if not name:
                    return root
                logger = _loggers.get(name)
                if logger is None:
                    logger = _loggerClass(name)
                    _loggers[name] = logger
                return logger

            def basicConfig(**kwargs):
                pass

            def debug(msg, *args, **kwargs):
                pass
            info = warning = warn = error = critical = exception = debug
            """;

    static final String TEXTWRAP = """
            def dedent(text):
                lines = text.split('\\n')
                margin = None
                for line in lines:
                    stripped = line.lstrip(' \\t')
                    if not stripped:
                        continue
                    indent = line[:len(line) - len(stripped)]
                    if margin is None or indent.startswith(margin):
                        margin = indent if margin is None else margin
                    elif margin.startswith(indent):
                        margin = indent
                    else:
                        common = ''
                        for x, y in zip(margin, indent):
                            if x != y:
                                break
                            common += x
                        margin = common
                if not margin:
                    return '\\n'.join(l if l.strip(' \\t') else '' for l in lines)
                return '\\n'.join(l[len(margin):] if l.strip(' \\t') else '' for l in lines)

            import re

            # A chunk: a run of whitespace; an em-dash (two or more hyphens) between words; or a word up to and
            # including a hyphen that joins two letters to letters (after at least two letters, or a letter and a
            # hyphen), or up to the next whitespace, or up to an em-dash
            _PUNCT = r'[\\w!\\x22\\x27&.,?]'
            _CHUNK = re.compile(r'( +|(?<=' + _PUNCT + r')-{2,}(?=\\w)'
                                r'|[^ ]+?(?:-(?:(?<=[^\\d\\W]{2}-)|(?<=[^\\d\\W]-[^\\d\\W]-))'
                                r'(?=[^\\d\\W]-?[^\\d\\W])|(?= |\\Z)|(?<=' + _PUNCT + r')(?=-{2,}\\w)))')

            def _chunks(text, break_on_hyphens):
                if break_on_hyphens:
                    return [c for c in _CHUNK.split(text) if c]
                return [c for c in re.split(r'( +)', text) if c]

            def wrap(text, width=70, initial_indent='', subsequent_indent='', expand_tabs=True,
                     replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                     drop_whitespace=True, break_on_hyphens=True, tabsize=8, max_lines=None, placeholder=' [...]'):
                if width <= 0:
                    raise ValueError("invalid width %r (must be > 0)" % width)
                if fix_sentence_endings:
                    raise NotImplementedError("bitzel: textwrap with fix_sentence_endings")
                if max_lines is not None:
                    indent = subsequent_indent if max_lines > 1 else initial_indent
                    if len(indent) + len(placeholder.lstrip()) > width:
                        raise ValueError("placeholder too large for max width")
                if expand_tabs:
                    text = text.expandtabs(tabsize)
                if replace_whitespace:
                    for ws in '\\t\\n\\x0b\\x0c\\r':
                        text = text.replace(ws, ' ')
                chunks = _chunks(text, break_on_hyphens)
                chunks.reverse()
                lines = []
                while chunks:
                    line = []
                    used = 0
                    indent = subsequent_indent if lines else initial_indent
                    room = width - len(indent)
                    if drop_whitespace and chunks[-1].strip() == '' and lines:
                        del chunks[-1]
                    while chunks:
                        n = len(chunks[-1])
                        if used + n <= room:
                            line.append(chunks.pop())
                            used += n
                        else:
                            break
                    if chunks and len(chunks[-1]) > room:
                        # a word longer than a line
                        left = 1 if room < 1 else room - used
                        if break_long_words:
                            end = left
                            chunk = chunks[-1]
                            if break_on_hyphens and len(chunk) > left:
                                hyphen = chunk.rfind('-', 0, left)
                                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                                    end = hyphen + 1
                            line.append(chunk[:end])
                            chunks[-1] = chunk[end:]
                        elif not line:
                            line.append(chunks.pop())
                        used = sum(len(c) for c in line)
                    if drop_whitespace and line and line[-1].strip() == '':
                        used -= len(line[-1])
                        del line[-1]
                    if line:
                        if (max_lines is None or len(lines) + 1 < max_lines
                                or (not chunks or drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
                                and used <= room):
                            lines.append(indent + ''.join(line))
                        else:
                            # the last line allowed: words leave room for the placeholder
                            while line:
                                if line[-1].strip() and used + len(placeholder) <= room:
                                    line.append(placeholder)
                                    lines.append(indent + ''.join(line))
                                    break
                                used -= len(line[-1])
                                del line[-1]
                            else:
                                if lines:
                                    prev_line = lines[-1].rstrip()
                                    if len(prev_line) + len(placeholder) <= width:
                                        lines[-1] = prev_line + placeholder
                                        break
                                lines.append(indent + placeholder.lstrip())
                            break
                return lines

            def fill(text, width=70, **kwargs):
                return '\\n'.join(wrap(text, width, **kwargs))

            def shorten(text, width, **kwargs):
                return fill(' '.join(text.strip().split()), width, max_lines=1, **kwargs)

            def indent(text, prefix, predicate=None):
                if predicate is None:
                    predicate = lambda line: line.strip()
                return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))
            """;

    static final String SHLEX = """
            import re
            _find_unsafe = re.compile(r'[^\\w@%+=:,./-]', re.ASCII).search

            def quote(s):
                if not s:
                    return "''"
                if _find_unsafe(s) is None:
                    return s
                return "'" + s.replace("'", "'" + '"' + "'" + '"' + "'") + "'"

            def join(split_command):
                return ' '.join(quote(arg) for arg in split_command)

            def split(s, comments=False, posix=True):
                out = []
                cur = None
                i = 0
                n = len(s)
                while i < n:
                    c = s[i]
                    if c in ' \\t\\n':
                        if cur is not None:
                            out.append(cur)
                            cur = None
                    elif c == "'":
                        j = s.index("'", i + 1)
                        cur = (cur or '') + s[i + 1:j]
                        i = j
                    elif c == '"':
                        j = i + 1
                        buf = ''
                        while s[j] != '"':
                            if s[j] == chr(92) and s[j + 1] in '"$`' + chr(92):
                                j += 1
                            buf += s[j]
                            j += 1
                        cur = (cur or '') + buf
                        i = j
                    elif c == chr(92) and i + 1 < n:
                        cur = (cur or '') + s[i + 1]
                        i += 1
                    elif c == '#' and comments and cur is None:
                        break
                    else:
                        cur = (cur or '') + c
                    i += 1
                if cur is not None:
                    out.append(cur)
                return out
            """;

    static final String OPERATOR = """
            def itemgetter(*items):
                if len(items) == 1:
                    item = items[0]
                    return lambda obj: obj[item]
                return lambda obj: tuple(obj[i] for i in items)

            def attrgetter(*attrs):
                def resolve(obj, attr):
                    for name in attr.split('.'):
                        obj = getattr(obj, name)
                    return obj
                if len(attrs) == 1:
                    return lambda obj: resolve(obj, attrs[0])
                return lambda obj: tuple(resolve(obj, a) for a in attrs)

            def methodcaller(name, *args, **kwargs):
                return lambda obj: getattr(obj, name)(*args, **kwargs)

            def add(a, b): return a + b
            def sub(a, b): return a - b
            def mul(a, b): return a * b
            def truediv(a, b): return a / b
            def floordiv(a, b): return a // b
            def mod(a, b): return a % b
            def neg(a): return -a
            def not_(a): return not a
            def truth(a): return bool(a)
            def eq(a, b): return a == b
            def ne(a, b): return a != b
            def lt(a, b): return a < b
            def le(a, b): return a <= b
            def gt(a, b): return a > b
            def ge(a, b): return a >= b
            def contains(a, b): return b in a
            def getitem(a, b): return a[b]
            def concat(a, b): return a + b
            def or_(a, b): return a | b
            def and_(a, b): return a & b
            def xor(a, b): return a ^ b
            def index(a): return a.__index__() if hasattr(a, '__index__') else int(a)
            """;

    /** {@code abc}: abstract methods are plain functions (no instantiation check). */
    static final String ABC = """
            class ABCMeta(type):
                pass

            class ABC(object):
                pass

            def abstractmethod(funcobj):
                return funcobj
            """;

    /**
     * {@code dataclasses}: fields from the class annotations, and the generated {@code __init__} (made from
     * source text, as CPython makes it, so that its argument errors read the same), {@code __repr__},
     * {@code __eq__}, ordering, {@code frozen} and {@code __hash__}; {@code fields}, {@code asdict},
     * {@code astuple}, {@code replace}. No slots, match_args or InitVar/ClassVar handling.
     */
    static final String DATACLASSES = """
            import copy as _copy

            class _MISSING_TYPE:
                pass
            MISSING = _MISSING_TYPE()

            class _KW_ONLY_TYPE:
                pass
            KW_ONLY = _KW_ONLY_TYPE()

            class FrozenInstanceError(AttributeError):
                pass

            class Field:
                def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
                    self.name = None
                    self.type = None
                    self.default = default
                    self.default_factory = default_factory
                    self.init = init
                    self.repr = repr
                    self.hash = hash
                    self.compare = compare
                    self.metadata = {} if metadata is None else metadata
                    self.kw_only = kw_only
                def __repr__(self):
                    return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,'
                            'compare=%r,metadata=%r,kw_only=%r)' % (self.name, self.type, self.default,
                            self.default_factory, self.init, self.repr, self.hash, self.compare, self.metadata,
                            self.kw_only))

            def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
                      metadata=None, kw_only=MISSING):
                if default is not MISSING and default_factory is not MISSING:
                    raise ValueError('cannot specify both default and default_factory')
                return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)

            def _fields_in_init_order(fields):
                return (tuple(f for f in fields if f.init and not f.kw_only),
                        tuple(f for f in fields if f.init and f.kw_only))

            def _collect_fields(cls, kw_only):
                fields = {}
                for b in cls.__mro__[-1:0:-1]:
                    for f in getattr(b, '__dataclass_fields__', {}).values():
                        fields[f.name] = f
                annotations = cls.__dict__.get('__annotations__', {})
                seen_kw_only = False
                for name, type in annotations.items():
                    if type is KW_ONLY:
                        if seen_kw_only:
                            raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
                        seen_kw_only = True
                        kw_only = True
                        continue
                    default = cls.__dict__.get(name, MISSING)
                    if isinstance(default, Field):
                        f = default
                    else:
                        f = field(default=default)
                    f.name = name
                    f.type = type
                    if f.kw_only is MISSING:
                        f.kw_only = kw_only
                    if f.default_factory is MISSING and isinstance(f.default, (list, dict, set)):
                        raise ValueError('mutable default %r for field %s is not allowed: use default_factory'
                                         % (f.default.__class__, name))
                    if isinstance(default, Field):
                        if f.default is MISSING:
                            delattr(cls, name)
                        else:
                            setattr(cls, name, f.default)
                    fields[name] = f
                return fields

            def _init_fn(cls, fields, frozen, has_post_init):
                std, kw = _fields_in_init_order(fields)
                seen_default = False
                for f in std:
                    if f.default is not MISSING or f.default_factory is not MISSING:
                        seen_default = True
                    elif seen_default:
                        raise TypeError(f'non-default argument {f.name!r} follows default argument')
                def param(f):
                    if f.default is MISSING and f.default_factory is MISSING:
                        return f.name
                    if f.default_factory is not MISSING:
                        return f'{f.name}=__dataclass_HAS_DEFAULT_FACTORY__'
                    return f'{f.name}=__dataclass_dflt_{f.name}__'
                params = ['self'] + [param(f) for f in std]
                if kw:
                    params += ['*'] + [param(f) for f in kw]
                body = []
                for f in fields:
                    if f.init:
                        if f.default_factory is not MISSING:
                            value = (f'__dataclass_dflt_{f.name}__() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ '
                                     f'else {f.name}')
                        else:
                            value = f.name
                    elif f.default_factory is not MISSING:
                        value = f'__dataclass_dflt_{f.name}__()'
                    elif f.default is not MISSING:
                        value = f'__dataclass_dflt_{f.name}__'
                    else:
                        continue
                    if frozen:
                        body.append(f'__dataclass_builtins_object__.__setattr__(self, {f.name!r}, {value})')
                    else:
                        body.append(f'self.{f.name} = {value}')
                if has_post_init:
                    body.append('self.__post_init__()')
                if not body:
                    body = ['pass']
                ns = {'__name__': cls.__module__, '__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
                      '__dataclass_builtins_object__': object}
                for f in fields:
                    if f.default_factory is not MISSING:
                        ns[f'__dataclass_dflt_{f.name}__'] = f.default_factory
                    elif f.default is not MISSING:
                        ns[f'__dataclass_dflt_{f.name}__'] = f.default
                src = 'def __init__(%s):\\n%s\\n' % (', '.join(params), '\\n'.join('    ' + l for l in body))
                exec(src, ns)
                fn = ns['__init__']
                fn.__qualname__ = cls.__qualname__ + '.__init__'
                return fn

            class _HAS_DEFAULT_FACTORY_CLASS:
                def __repr__(self):
                    return '<factory>'
            _HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()

            def _tuple(obj, fields):
                return tuple(getattr(obj, f.name) for f in fields)

            def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
                fields = _collect_fields(cls, kw_only)
                cls.__dataclass_fields__ = fields
                cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
                flist = list(fields.values())
                if init and '__init__' not in cls.__dict__:
                    cls.__init__ = _init_fn(cls, flist, frozen, hasattr(cls, '__post_init__'))
                if repr and '__repr__' not in cls.__dict__:
                    shown = [f for f in flist if f.repr]
                    def __repr__(self):
                        return type(self).__qualname__ + '(' + ', '.join(
                            '%s=%r' % (f.name, getattr(self, f.name)) for f in shown) + ')'
                    cls.__repr__ = __repr__
                compared = [f for f in flist if f.compare]
                if eq and '__eq__' not in cls.__dict__:
                    def __eq__(self, other):
                        if other.__class__ is self.__class__:
                            return _tuple(self, compared) == _tuple(other, compared)
                        return NotImplemented
                    cls.__eq__ = __eq__
                if order:
                    for name, op in [('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                                     ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)]:
                        if name in cls.__dict__:
                            raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                            'Consider using functools.total_ordering')
                        def method(self, other, op=op):
                            if other.__class__ is self.__class__:
                                return op(_tuple(self, compared), _tuple(other, compared))
                            return NotImplemented
                        setattr(cls, name, method)
                if frozen:
                    def __setattr__(self, name, value):
                        if type(self) is cls or name in fields:
                            raise FrozenInstanceError(f'cannot assign to field {name!r}')
                        object.__setattr__(self, name, value)
                    def __delattr__(self, name):
                        if type(self) is cls or name in fields:
                            raise FrozenInstanceError(f'cannot delete field {name!r}')
                        object.__delattr__(self, name)
                    cls.__setattr__ = __setattr__
                    cls.__delattr__ = __delattr__
                has_own_hash = '__hash__' in cls.__dict__ and not (eq and cls.__dict__['__hash__'] is None)
                hashed = [f for f in flist if (f.compare if f.hash is None else f.hash)]
                if unsafe_hash or (eq and frozen and not has_own_hash):
                    cls.__hash__ = lambda self: hash(_tuple(self, hashed))
                elif eq and not frozen and not has_own_hash:
                    cls.__hash__ = None
                return cls

            def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
                          frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
                if order and not eq:
                    raise ValueError('eq must be true if order is true')
                def wrap(cls):
                    cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
                    if match_args and '__match_args__' not in cls.__dict__:
                        cls.__match_args__ = tuple(f.name for f in _fields_in_init_order(fields(cls))[0])
                    return cls
                return wrap if cls is None else wrap(cls)

            def fields(class_or_instance):
                try:
                    fields = class_or_instance.__dataclass_fields__
                except AttributeError:
                    raise TypeError('must be called with a dataclass type or instance') from None
                return tuple(fields.values())

            def is_dataclass(obj):
                cls = obj if isinstance(obj, type) else type(obj)
                return hasattr(cls, '__dataclass_fields__')

            def _is_dataclass_instance(obj):
                return hasattr(type(obj), '__dataclass_fields__')

            def asdict(obj, *, dict_factory=dict):
                if not _is_dataclass_instance(obj):
                    raise TypeError('asdict() should be called on dataclass instances')
                return _asdict_inner(obj, dict_factory)

            def _asdict_inner(obj, dict_factory):
                if _is_dataclass_instance(obj):
                    return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                                         for f in fields(obj)])
                if isinstance(obj, tuple) and hasattr(obj, '_fields'):
                    return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
                if isinstance(obj, (list, tuple)):
                    return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
                if isinstance(obj, dict):
                    return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                                     for k, v in obj.items())
                return _copy.deepcopy(obj)

            def astuple(obj, *, tuple_factory=tuple):
                if not _is_dataclass_instance(obj):
                    raise TypeError('astuple() should be called on dataclass instances')
                return _astuple_inner(obj, tuple_factory)

            def _astuple_inner(obj, tuple_factory):
                if _is_dataclass_instance(obj):
                    return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
                if isinstance(obj, (list, tuple)):
                    return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
                if isinstance(obj, dict):
                    return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                                     for k, v in obj.items())
                return _copy.deepcopy(obj)

            def replace(obj, /, **changes):
                if not _is_dataclass_instance(obj):
                    raise TypeError('replace() should be called on dataclass instances')
                for f in fields(obj):
                    if not f.init:
                        if f.name in changes:
                            raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified '
                                             'with replace()')
                        continue
                    if f.name not in changes:
                        changes[f.name] = getattr(obj, f.name)
                return obj.__class__(**changes)
            """;

    /** {@code contextlib}: the decorators and small context managers (generators run as this interpreter's do). */
    static final String CONTEXTLIB = """
            class _GeneratorContextManager(object):
                def __init__(self, func, args, kwds):
                    self.gen = func(*args, **kwds)
                def __enter__(self):
                    try:
                        return next(self.gen)
                    except StopIteration:
                        raise RuntimeError("generator didn't yield")
                def __exit__(self, typ, value, traceback):
                    if typ is None:
                        try:
                            next(self.gen)
                        except StopIteration:
                            return False
                        raise RuntimeError("generator didn't stop")
                    return False

            def contextmanager(func):
                def helper(*args, **kwds):
                    return _GeneratorContextManager(func, args, kwds)
                return helper

            class suppress(object):
                def __init__(self, *exceptions):
                    self._exceptions = exceptions
                def __enter__(self):
                    pass
                def __exit__(self, exctype, excinst, exctb):
                    return exctype is not None and issubclass(exctype, self._exceptions)

            class nullcontext(object):
                def __init__(self, enter_result=None):
                    self.enter_result = enter_result
                def __enter__(self):
                    return self.enter_result
                def __exit__(self, *excinfo):
                    pass

            class closing(object):
                def __init__(self, thing):
                    self.thing = thing
                def __enter__(self):
                    return self.thing
                def __exit__(self, *exc_info):
                    self.thing.close()
            """;

    static final Map<String, String> ALL = Map.ofEntries(Map.entry("contextlib", CONTEXTLIB),Map.entry("abc", ABC), Map.entry("dataclasses", DATACLASSES),Map.entry("operator", OPERATOR),Map.entry("textwrap", TEXTWRAP), Map.entry("shlex", SHLEX),
            Map.entry("collections", COLLECTIONS), Map.entry("string", STRING), Map.entry("functools", FUNCTOOLS),
            Map.entry("fnmatch", FNMATCH), Map.entry("pkgutil", PKGUTIL), Map.entry("errno", ERRNO),
            Map.entry("collections.abc", COLLECTIONS_ABC), Map.entry("logging", LOGGING));

    /**
     * Standard modules kept as Python files beside this class (resources, so that they can be read, linted and
     * run under CPython for comparison as they are), read on first import.
     */
    private static final java.util.Set<String> FILES = java.util.Set.of("enum", "datetime", "_datetime_text",
            "pathlib", "bisect", "heapq", "uuid", "struct", "fractions", "statistics", "decimal");
    private static final java.util.concurrent.ConcurrentHashMap<String, String> FILE_TEXTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The source of the standard module {@code name} kept as a file, or null when there is none. */
    static String file(String name) {
        if (!FILES.contains(name)) {
            return null;
        }
        return FILE_TEXTS.computeIfAbsent(name, n -> {
            try (java.io.InputStream in = SourceModules.class.getResourceAsStream(n + ".py")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + n + ".py");
                }
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
