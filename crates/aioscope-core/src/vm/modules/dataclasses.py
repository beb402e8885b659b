# dataclasses for the aioscope interpreter. The generated methods are
# closures over the field list (there is no exec here), written to behave
# and fail the way CPython 3.11's generated code does.


class _MissingType:
    def __repr__(self):
        return '<dataclasses._MISSING_TYPE object>'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, compare):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

    def __repr__(self):
        return ('Field(name=' + repr(self.name) + ',type=' + repr(self.type)
                + ',default=' + repr(self.default) + ',default_factory='
                + repr(self.default_factory) + ',init=' + repr(self.init)
                + ',repr=' + repr(self.repr) + ',compare=' + repr(self.compare) + ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, compare)


def _is_classvar(annotation):
    text = repr(annotation)
    return text == 'typing.ClassVar' or text.startswith('typing.ClassVar[')


def _collect(cls):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, '__dataclass_fields__', {}).values():
            fields[f.name] = f
    # The class's own annotations, not one inherited from a base.
    annotations = getattr(cls, '__annotations__', {})
    for base in cls.__mro__[1:]:
        if getattr(base, '__annotations__', None) is annotations:
            annotations = {}
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        default = getattr(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
            # CPython deletes the class attribute of a field with no default;
            # here the Field stays (this subset has no delattr).
            if f.default is not MISSING:
                setattr(cls, name, f.default)
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        if isinstance(f.default, (list, dict, set)):
            raise ValueError('mutable default ' + repr(type(f.default)) + ' for field '
                             + name + ' is not allowed: use default_factory')
        fields[name] = f
    return list(fields.values())


def _make_init(cls, fields, frozen):
    params = [f for f in fields if f.init]
    seen_default = False
    for f in params:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument '" + f.name + "' follows default argument")
    qualname = cls.__qualname__ + '.__init__()'
    least = len([f for f in params if f.default is MISSING and f.default_factory is MISSING])

    def __init__(self, *args, **kwargs):
        if len(args) > len(params):
            most = str(len(params) + 1)
            takes = most if least == len(params) else 'from ' + str(least + 1) + ' to ' + most
            raise TypeError(qualname + ' takes ' + takes + ' positional arguments but '
                            + str(len(args) + 1) + ' were given')
        values = {}
        for f, v in zip(params, args):
            values[f.name] = v
        for k, v in kwargs.items():
            if not any(f.name == k for f in params):
                raise TypeError(qualname + " got an unexpected keyword argument '" + k + "'")
            if k in values:
                raise TypeError(qualname + " got multiple values for argument '" + k + "'")
            values[k] = v
        missing = [f.name for f in params if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            names = ["'" + m + "'" for m in missing]
            if len(names) == 1:
                listed = names[0]
            elif len(names) == 2:
                listed = names[0] + ' and ' + names[1]
            else:
                listed = ', '.join(names[:-1]) + ', and ' + names[-1]
            raise TypeError(qualname + ' missing ' + str(len(missing)) + ' required positional argument'
                            + ('' if len(missing) == 1 else 's') + ': ' + listed)
        for f in fields:
            if f.name in values:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            elif f.default is not MISSING:
                v = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, v)
            else:
                setattr(self, f.name, v)
        post = getattr(self, '__post_init__', None)
        if post is not None:
            post()

    return __init__


def _values(obj, fields):
    return tuple(getattr(obj, f.name) for f in fields if f.compare)


def _process(cls, init, repr_, eq, order, frozen, match_args):
    fields = _collect(cls)
    cls.__dataclass_fields__ = {f.name: f for f in fields}
    if match_args:
        cls.__match_args__ = tuple(f.name for f in fields if f.init)
    if init:
        cls.__init__ = _make_init(cls, fields, frozen)
    if repr_:
        shown = [f for f in fields if f.repr]

        def __repr__(self):
            parts = [f.name + '=' + repr(getattr(self, f.name)) for f in shown]
            return type(self).__qualname__ + '(' + ', '.join(parts) + ')'

        cls.__repr__ = __repr__
    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _values(self, fields) == _values(other, fields)
            return NotImplemented

        cls.__eq__ = __eq__
        if frozen:
            def __hash__(self):
                return hash(_values(self, fields))

            cls.__hash__ = __hash__
        else:
            cls.__hash__ = None
    if order:
        def compare(op):
            def method(self, other):
                if other.__class__ is self.__class__:
                    return op(_values(self, fields), _values(other, fields))
                return NotImplemented
            return method

        cls.__lt__ = compare(lambda a, b: a < b)
        cls.__le__ = compare(lambda a, b: a <= b)
        cls.__gt__ = compare(lambda a, b: a > b)
        cls.__ge__ = compare(lambda a, b: a >= b)
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field '" + name + "'")

        def __delattr__(self, name):
            raise FrozenInstanceError("cannot delete field '" + name + "'")

        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False,
              match_args=True):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen, match_args)
    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def fields(obj):
    if not is_dataclass(obj):
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(getattr(obj, '__dataclass_fields__').values())


def _copy_value(v, factory):
    if is_dataclass(v) and not isinstance(v, type):
        return factory((f.name, _copy_value(getattr(v, f.name), factory)) for f in fields(v))
    if isinstance(v, list):
        return [_copy_value(x, factory) for x in v]
    if isinstance(v, tuple):
        return tuple(_copy_value(x, factory) for x in v)
    if isinstance(v, dict):
        return {_copy_value(k, factory): _copy_value(x, factory) for k, x in v.items()}
    return v


def asdict(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _copy_value(obj, dict)


def astuple(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple(_copy_value(getattr(obj, f.name), dict) for f in fields(obj))


def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
