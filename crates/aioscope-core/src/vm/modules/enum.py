# enum for the aioscope interpreter, built on its metaclasses: EnumType
# collects the members from the class body (a namespace from __prepare__
# that resolves auto()), makes each an instance of the class (through the
# mixed-in type's __new__ for IntEnum or str mixins), and gives the class
# iteration, len, membership and lookup by name; calling the class looks a
# member up by value. Flag adds the bitwise operators and the combined
# pseudo-members. Behaviour, reprs and messages are CPython 3.11's.

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'ReprEnum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'auto', 'unique', 'member', 'nonmember', 'property']

_builtin_property = property


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """A member's value chosen by _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    """Forces a value to be a member (a function, for instance)."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps a value out of the members."""

    def __init__(self, value):
        self.value = value


property = _builtin_property


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(cls_name, name):
    prefix = '_%s__' % (cls_name,)
    return name.startswith(prefix) and not name.endswith('__')


def _is_descriptor(obj):
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


_SUNDERS = ('_order_', '_generate_next_value_', '_missing_', '_ignore_', '_numeric_repr_',
            '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_')


class _EnumDict(dict):
    """The namespace of an enum's class body: tells members apart."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in _SUNDERS:
                raise ValueError('_sunder_ names, such as %r, are reserved for future Enum use' % (key,))
            if key == '_generate_next_value_':
                self._generate_next_value = getattr(value, '__func__', value)
            elif key == '_ignore_':
                names = value.replace(',', ' ').split() if isinstance(value, str) else list(value)
                self._ignore = names
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value) and not isinstance(value, member):
            pass
        else:
            if isinstance(value, member):
                value = value.value
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                value = value.value
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)


class EnumType(type):
    """Metaclass of the enums."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        namespace = _EnumDict()
        namespace._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            namespace._generate_next_value = getattr(first_enum, '_generate_next_value_', None)
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        ignore = classdict.get('_ignore_', ())
        member_names = [n for n in classdict._member_names if n not in ignore]
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        body = {}
        for key in classdict:
            if key not in classdict._member_names and key != '_ignore_':
                body[key] = classdict[key]
        invalid = set(member_names) & {'mro', ''}
        if invalid:
            raise ValueError('invalid enum member name(s) %s' % (','.join(repr(n) for n in invalid),))
        custom_new = body.get('__new__')
        if custom_new is not None and Enum is not None:
            body['__new_member__'] = custom_new
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        type.__setattr__(enum_class, '_member_names_', [])
        type.__setattr__(enum_class, '_member_map_', {})
        type.__setattr__(enum_class, '_value2member_map_', {})
        type.__setattr__(enum_class, '_member_type_', member_type)
        if member_type is object:
            type.__setattr__(enum_class, '_value_repr_', None)
        else:
            type.__setattr__(enum_class, '_value_repr_', member_type.__repr__)
        new = metacls._find_new_(enum_class, body, member_type, first_enum)
        for name in member_names:
            metacls._add_member_(enum_class, name, classdict[name], new, member_type)
        # Methods of the mixed-in type must not replace Enum's own, except
        # str() and format() of a ReprEnum.
        defined = set(classdict)
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type (i.e. int, str, float, etc.)')
            if '__format__' not in defined:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
                defined.add('__format__')
            if '__str__' not in defined:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)
                defined.add('__str__')
        if first_enum is not None:
            for name in ('__repr__', '__str__', '__format__'):
                if name not in defined:
                    enum_method = getattr(first_enum, name)
                    found = getattr(enum_class, name)
                    if found is getattr(object, name) or found is getattr(member_type, name):
                        type.__setattr__(enum_class, name, enum_method)
        if Enum is not None:
            type.__setattr__(enum_class, '__new__', Enum.__new__)
        order = classdict.get('_order_')
        if order is not None:
            if isinstance(order, str):
                order = order.replace(',', ' ').split()
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        if not bases or Enum is None:
            return object, None
        last = bases[-1]
        if not isinstance(last, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        if last._member_names_:
            raise TypeError('%s: cannot extend enumeration %r' % (class_name, last.__name__))
        member_type = object
        for base in bases:
            for klass in base.__mro__:
                if klass is object or isinstance(klass, EnumType):
                    continue
                if '__new__' in klass.__dict__ or klass in (int, str, float, bytes, tuple, list, dict):
                    member_type = klass
                    break
            if member_type is not object:
                break
        return member_type, last

    @classmethod
    def _find_new_(metacls, enum_class, body, member_type, first_enum):
        if '__new__' in body:
            return body['__new__'], True
        for base in enum_class.__mro__[1:]:
            if isinstance(base, EnumType) and '__new_member__' in base.__dict__:
                return base.__dict__['__new_member__'], True
        if member_type is object:
            return None, False
        return member_type.__new__, True

    @classmethod
    def _add_member_(metacls, enum_class, name, value, new, member_type):
        new, use_args = new
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        if new is None:
            item = object.__new__(enum_class)
        else:
            if isinstance(new, staticmethod):
                new = new.__func__
            item = new(enum_class, *args)
        if not hasattr(item, '_value_'):
            if member_type is object or not use_args:
                item._value_ = value
            else:
                item._value_ = member_type(*args)
        value = item._value_
        item._name_ = name
        item.__objclass__ = enum_class
        item.__init__(*args)
        item._sort_order_ = len(enum_class._member_names_)
        for canonical in enum_class._member_map_.values():
            if canonical._value_ == value:
                item = canonical
                break
        else:
            enum_class._member_names_.append(name)
        enum_class._member_map_[name] = item
        try:
            enum_class._value2member_map_.setdefault(value, item)
        except TypeError:
            pass
        type.__setattr__(enum_class, name, item)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        namespace = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names = names, []
            last_values = []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            namespace[member_name] = member_value
        namespace['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            namespace['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, namespace)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType
Enum = None
ReprEnum = None
Flag = None


class Enum(metaclass=EnumType):
    """Generic enumeration: members are instances, found by name or value."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for candidate in cls._member_map_.values():
                if candidate._value_ == value:
                    return candidate
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    @_builtin_property
    def name(self):
        return self._name_

    @_builtin_property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    """Only the repr is Enum's; str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """An enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """An enum whose members are also strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Members combine with the bitwise operators."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        return 2 ** (_high_bit(last) + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        all_bits = 0
        for m in cls._member_map_.values():
            all_bits |= m._value_
        if value & ~all_bits and value >= 0:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if value < 0:
            value = all_bits & value
        pseudo = cls._member_type_.__new__(cls) if cls._member_type_ is object else cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._flag_members(value)]
        pseudo._name_ = '|'.join(names) if names else None
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _flag_members(cls, value):
        return [cls._member_map_[n] for n in cls._member_names_
                if cls._member_map_[n]._value_ and cls._member_map_[n]._value_ & value == cls._member_map_[n]._value_]

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self._flag_members(self._value_))

    def __len__(self):
        return len(self._flag_members(self._value_))

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        all_bits = 0
        for m in self.__class__._member_map_.values():
            all_bits |= m._value_
        return self.__class__(all_bits & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """A Flag whose members are also ints."""

    def __or__(self, other):
        if isinstance(other, int):
            return self.__class__(int(self) | int(other))
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, int):
            return self.__class__(int(self) & int(other))
        return NotImplemented

    __ror__ = __or__
    __rand__ = __and__


def unique(enumeration):
    """A class decorator that refuses aliases."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
