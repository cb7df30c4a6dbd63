"""enum for Bitzel's interpreter: Enum, IntEnum, Flag, IntFlag, auto, unique and the functional API, with
CPython 3.11's values, lookups, aliases, reprs and errors.

The interpreter runs no metaclass when a class is created, so members are made by Enum.__init_subclass__ from
the class namespace; EnumType serves the operations on the class (iteration, len, in, [], calls, repr,
__members__). IntEnum and IntFlag members are instances of a subclass of int. Mixing in str (StrEnum) is not
supported.
"""
_builtin_bin = bin
_builtin_type = type

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum', 'auto', 'unique',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP']

class _AutoNull:
    def __repr__(self):
        return '_auto_null'
_auto_null = _AutoNull()

class auto:
    def __init__(self, value=_auto_null):
        self.value = value
    def __repr__(self):
        return 'auto(%r)' % (self.value,)

def _is_descriptor(obj):
    return isinstance(obj, (classmethod, staticmethod, property)) or hasattr(obj, '__get__')

def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'

def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'

def _high_bit(value):
    return value.bit_length() - 1

def _bit_count(value):
    return bin(value).count('1')

def bin(num, max_bits=None):
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = _builtin_bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _builtin_bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return '%s %s' % (sign, digits)

class mappingproxy:
    # a read-only view of a class's members
    def __init__(self, mapping):
        self._mapping = mapping
    def __getitem__(self, key):
        return self._mapping[key]
    def __iter__(self):
        return iter(self._mapping)
    def __len__(self):
        return len(self._mapping)
    def __contains__(self, key):
        return key in self._mapping
    def get(self, key, default=None):
        return self._mapping.get(key, default)
    def keys(self):
        return self._mapping.keys()
    def values(self):
        return self._mapping.values()
    def items(self):
        return self._mapping.items()
    def copy(self):
        return dict(self._mapping)
    def __eq__(self, other):
        return self._mapping == other
    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)
    def __str__(self):
        return str(self._mapping)

class FlagBoundary:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return '<FlagBoundary.%s: %r>' % (self.name, self.name.lower())
STRICT = FlagBoundary('STRICT')
CONFORM = FlagBoundary('CONFORM')
EJECT = FlagBoundary('EJECT')
KEEP = FlagBoundary('KEEP')

class EnumType(type):
    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start,
                            boundary=boundary)
    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)
    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))
    def __len__(cls):
        return len(cls._member_names_)
    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_
    def __getitem__(cls, name):
        return cls._member_map_[name]
    def __bool__(cls):
        return True
    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)
    @property
    def __members__(cls):
        return mappingproxy(cls._member_map_)

EnumMeta = EnumType
Flag = None

def _data_type(cls):
    for base in cls.__mro__[1:]:
        if base is not object and not isinstance(base, EnumType):
            return base
    return object

def _enum_method(cls, name):
    # the method of the nearest enum class, which wins over the data type's (as EnumType.__new__ sets it)
    for base in cls.__mro__[1:]:
        if isinstance(base, EnumType) and name in base.__dict__:
            return base.__dict__[name]

def _make_members(cls, boundary):
    member_type = _data_type(cls)
    if member_type is str:
        raise NotImplementedError('bitzel: enums of str (StrEnum, str mix-ins) are not supported')
    cls._member_type_ = member_type
    for base in cls.__mro__[1:]:
        if isinstance(base, EnumType) and base._member_names_:
            raise TypeError('<enum %r> cannot extend %r' % (cls.__name__, base))
    # with a data type: repr from the enum classes, str and format too unless it is a ReprEnum
    if member_type is not object:
        if '__repr__' not in cls.__dict__:
            cls.__repr__ = _enum_method(cls, '__repr__')
        if issubclass(cls, ReprEnum):
            if '__str__' not in cls.__dict__:
                cls.__str__ = lambda self: str(self._value_)
            if '__format__' not in cls.__dict__:
                cls.__format__ = lambda self, spec: format(self._value_, spec)
        else:
            for name in ('__str__', '__format__'):
                if name not in cls.__dict__:
                    setattr(cls, name, _enum_method(cls, name))
    is_flag = Flag is not None and issubclass(cls, Flag)
    if is_flag:
        if boundary is None:
            boundary = cls._boundary_
        cls._boundary_ = boundary
    ignore = cls.__dict__.get('_ignore_', [])
    if isinstance(ignore, str):
        ignore = ignore.replace(',', ' ').split()
    ignore = list(ignore)
    custom_new = cls.__dict__.get('__new__')
    cls._member_names_ = []
    cls._member_map_ = {}
    cls._value2member_map_ = {}
    last_values = []
    order = 0
    for name, value in list(cls.__dict__.items()):
        if (_is_dunder(name) or _is_sunder(name) or name in ignore or name in ('_ignore_',)
                or _is_descriptor(value)):
            continue
        if isinstance(value, auto):
            if value.value is _auto_null:
                value.value = cls._generate_next_value_(name, 1, len(cls._member_names_),
                                                        last_values[:])
            value = value.value
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        if custom_new is not None:
            member = custom_new(cls, *args)
        elif member_type is object:
            member = object.__new__(cls)
        else:
            member = member_type.__new__(cls, *args)
        if not hasattr(member, '_value_'):
            member._value_ = value if member_type is object else member_type(*args)
        value = member._value_
        member._name_ = name
        member._sort_order_ = order
        order += 1
        init = cls.__dict__.get('__init__') or _find_init(cls)
        if init is not None:
            init(member, *args)
        canonical = None
        try:
            canonical = cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            member = canonical
        elif not is_flag or (isinstance(value, int) and value > 0 and _bit_count(value) == 1):
            cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_.setdefault(value, member)
        except TypeError:
            pass
        setattr(cls, name, member)
        last_values.append(value)
    for name in ignore + ['_ignore_']:
        if name in cls.__dict__:
            delattr(cls, name)
    if is_flag:
        flag_mask = 0
        for m in cls._member_map_.values():
            if isinstance(m._value_, int) and m._value_ > 0 and _bit_count(m._value_) == 1:
                flag_mask |= m._value_
        cls._flag_mask_ = flag_mask
        cls._all_bits_ = 2 ** flag_mask.bit_length() - 1

def _find_init(cls):
    for base in cls.__mro__[1:]:
        if base is Enum or base is object or base is int:
            return None
        init = base.__dict__.get('__init__')
        if init is not None:
            return init
    return None

class Enum(metaclass=EnumType):
    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}
    _member_type_ = object

    def __init_subclass__(cls, boundary=None, **kwds):
        super().__init_subclass__(**kwds)
        _make_members(cls, boundary)

    @classmethod
    def _lookup_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        exc = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if result is None:
            ve = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
            if exc is None:
                raise ve
            raise exc
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        namespace = {'__module__': module or '__main__'}
        items = names.items() if isinstance(names, dict) else names
        for item in items:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            namespace[member_name] = member_value
        bases = (cls,) if type is None else (type, cls)
        enum_class = _builtin_type(class_name, bases, namespace)
        if qualname is not None:
            enum_class.__qualname__ = qualname
        return enum_class

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    _value_repr_ = None

class ReprEnum(Enum):
    # only the repr is Enum's: str() and format() are the mixed-in type's
    pass

class IntEnum(int, ReprEnum):
    pass

class Flag(Enum, boundary=STRICT):
    _boundary_ = STRICT
    _flag_mask_ = 0
    _all_bits_ = 0

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        members = [m for m in cls._member_map_.values()
                   if m._name_ in cls._member_names_ and m._value_ & value == m._value_]
        return iter(sorted(members, key=lambda m: m._sort_order_))

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s' % (
                    cls, value, bin(value, max_bits), bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif value < 0:
                value = max(all_bits + 1, 2 ** value.bit_length()) + value
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        member_value = value & flag_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]' % (
                cls.__name__, value, unknown, _builtin_bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        pseudo_member._value_ = value
        pseudo_member._sort_order_ = -1
        if member_value:
            names = [m._name_ for m in cls._iter_member_(member_value)]
            name = '|'.join(names)
            if unknown:
                name += '|%r' % (unknown,)
            pseudo_member._name_ = name
        else:
            pseudo_member._name_ = None
        if not unknown:
            pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
            if neg_value is not None:
                cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (self.__class__.__name__, self._value_)
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return self._iter_member_(self._value_)

    def __len__(self):
        return _bit_count(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        if self._boundary_ is KEEP:
            return self.__class__(~self._value_)
        return self.__class__(self._flag_mask_ ^ self._value_)

class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    _boundary_ = KEEP

    def __or__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(~self._value_)

class StrEnum:
    def __init_subclass__(cls, **kwds):
        raise NotImplementedError('bitzel: enum.StrEnum is not supported (no subclasses of str)')

def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
