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
                def __repr__(self):
                    if not self:
                        return 'OrderedDict()'
                    return 'OrderedDict(%r)' % (list(self.items()),)

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
                def total(self):
                    return sum(self.values())
                def __repr__(self):
                    if not self:
                        return 'Counter()'
                    return 'Counter({%s})' % ', '.join('%r: %r' % kv for kv in self.most_common())

            def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
                if isinstance(field_names, str):
                    field_names = field_names.replace(',', ' ').split()
                fields = tuple(field_names)
                nfields = len(fields)
                class _NT(tuple):
                    __slots__ = ()
                    _fields = fields
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
                    def _replace(self, **kwargs):
                        return type(self)(*[kwargs.pop(f, v) for f, v in zip(fields, self)])
                    def _asdict(self):
                        return dict(zip(fields, self))
                    def __repr__(self):
                        return typename + '(' + ', '.join('%s=%r' % (f, v) for f, v in zip(fields, self)) + ')'
                    def __getattr__(self, name):
                        if name in fields:
                            return self[fields.index(name)]
                        raise AttributeError(name)
                _NT.__name__ = typename
                _NT.__qualname__ = typename
                return _NT
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

            def lru_cache(maxsize=128, typed=False):
                def decorating(user_function):
                    cache = {}
                    def wrapper(*args, **kwargs):
                        key = (args, tuple(sorted(kwargs.items())))
                        if key in cache:
                            return cache[key]
                        result = user_function(*args, **kwargs)
                        cache[key] = result
                        return result
                    wrapper.cache_clear = cache.clear
                    return update_wrapper(wrapper, user_function)
                if callable(maxsize) and not isinstance(maxsize, int):
                    return decorating(maxsize)
                return decorating

            def cache(user_function):
                return lru_cache(None)(user_function)

            def total_ordering(cls):
                return cls
            """;

    static final Map<String, String> ALL = Map.of("collections", COLLECTIONS, "functools", FUNCTOOLS);
}
