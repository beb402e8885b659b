# dataclasses for the aioscope interpreter. The generated methods are
# closures over the field list (there is no exec here), written to behave
# and fail the way CPython 3.11's generated code does; a method the class
# defines itself is kept.

import copy as _copy


class _MissingType:
    def __repr__(self):
        return '<dataclasses._MISSING_TYPE object>'


MISSING = _MissingType()


class KW_ONLY:
    """The annotation of a pseudo-field after which fields are keyword-only."""


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    """An init-only pseudo-field: given to __init__ and __post_init__."""

    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            name = self.type.__name__
        else:
            name = repr(self.type)
        return 'dataclasses.InitVar[' + name + ']'

    def __class_getitem__(cls, type):
        return InitVar(type)


# What a class-body annotation declares.
_FIELD = 'field'
_CLASSVAR = 'classvar'
_INITVAR = 'initvar'


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
        self._kind = None

    def __repr__(self):
        return ('Field(name=' + repr(self.name) + ',type=' + repr(self.type)
                + ',default=' + repr(self.default) + ',default_factory='
                + repr(self.default_factory) + ',init=' + repr(self.init)
                + ',repr=' + repr(self.repr) + ',hash=' + repr(self.hash)
                + ',compare=' + repr(self.compare) + ',metadata=mappingproxy('
                + repr(self.metadata) + '),kw_only=' + repr(self.kw_only)
                + ',_field_type=_FIELD' + ('' if self._kind == _FIELD else '_' + str(self._kind).upper())
                + ')')

    def __set_name__(self, owner, name):
        # A descriptor as default is told its name too.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook is not None:
            hook(self.default, owner, name)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _annotation_text(annotation):
    if isinstance(annotation, str):
        return annotation
    return repr(annotation)


def _kind_of(annotation):
    if annotation is InitVar or isinstance(annotation, InitVar):
        return _INITVAR
    text = _annotation_text(annotation)
    for prefix in ('typing.ClassVar', 'ClassVar', 't.ClassVar'):
        if text == prefix or text.startswith(prefix + '['):
            return _CLASSVAR
    for prefix in ('dataclasses.InitVar', 'InitVar'):
        if text == prefix or text.startswith(prefix + '['):
            return _INITVAR
    return _FIELD


def _is_kw_only_marker(annotation):
    return annotation is KW_ONLY or (isinstance(annotation, str)
                                     and annotation in ('KW_ONLY', 'dataclasses.KW_ONLY'))


def _own_annotations(cls):
    return cls.__dict__.get('__annotations__', {})


def _collect(cls, kw_only):
    """The fields of cls in order: its dataclass bases' first, then its own
    annotations (a redefined name keeps its place)."""
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get('__dataclass_fields__', {}).values():
            fields[f.name] = f
    own = []
    marker_seen = False
    for name, annotation in _own_annotations(cls).items():
        if _is_kw_only_marker(annotation):
            if marker_seen:
                raise TypeError(repr(name) + ' is KW_ONLY, but KW_ONLY has already been specified')
            marker_seen = True
            kw_only = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        f._kind = _kind_of(annotation)
        if f.kw_only is MISSING:
            f.kw_only = kw_only and f._kind != _CLASSVAR
        if f._kind != _FIELD and f.default_factory is not MISSING:
            raise TypeError('field ' + name + ' cannot have a default factory')
        if f._kind == _FIELD and f.default is not MISSING and type(f.default).__hash__ is None:
            raise ValueError('mutable default ' + repr(type(f.default)) + ' for field '
                             + name + ' is not allowed: use default_factory')
        own.append(f)
    for f in own:
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
        fields[f.name] = f
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in _own_annotations(cls):
            raise TypeError(repr(name) + ' is a field but has no type annotation')
    return list(fields.values())


def _has_default(f):
    return f.default is not MISSING or f.default_factory is not MISSING


def _quoted_list(names):
    names = ["'" + n + "'" for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return names[0] + ' and ' + names[1]
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _make_init(cls, fields, frozen, has_post_init):
    taken = [f for f in fields if f._kind in (_FIELD, _INITVAR) and f.init]
    positional = [f for f in taken if not f.kw_only]
    keyword = [f for f in taken if f.kw_only]
    seen_default = False
    for f in positional:
        if _has_default(f):
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument '" + f.name + "' follows default argument")
    qualname = cls.__qualname__ + '.__init__()'
    least = len([f for f in positional if not _has_default(f)])
    names = {f.name for f in taken}
    initvars = [f for f in fields if f._kind == _INITVAR]
    stored = [f for f in fields if f._kind == _FIELD]
    assign = object.__setattr__ if frozen else setattr

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            most = str(len(positional) + 1)
            takes = most if least == len(positional) else 'from ' + str(least + 1) + ' to ' + most
            given = str(len(args) + 1)
            if keyword and kwargs:
                given = (given + ' positional arguments (and ' + str(len(kwargs))
                         + ' keyword-only argument' + ('' if len(kwargs) == 1 else 's') + ')')
                raise TypeError(qualname + ' takes ' + takes + ' positional argument'
                                + ('' if takes == '1' else 's') + ' but ' + given + ' were given')
            raise TypeError(qualname + ' takes ' + takes + ' positional argument'
                            + ('' if takes == '1' else 's') + ' but ' + given
                            + (' was' if given == '1' else ' were') + ' given')
        values = {}
        for f, v in zip(positional, args):
            values[f.name] = v
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError(qualname + " got an unexpected keyword argument '" + k + "'")
            if k in values:
                raise TypeError(qualname + " got multiple values for argument '" + k + "'")
            values[k] = v
        missing = [f.name for f in positional if f.name not in values and not _has_default(f)]
        if missing:
            raise TypeError(qualname + ' missing ' + str(len(missing))
                            + ' required positional argument' + ('' if len(missing) == 1 else 's')
                            + ': ' + _quoted_list(missing))
        missing = [f.name for f in keyword if f.name not in values and not _has_default(f)]
        if missing:
            raise TypeError(qualname + ' missing ' + str(len(missing))
                            + ' required keyword-only argument' + ('' if len(missing) == 1 else 's')
                            + ': ' + _quoted_list(missing))
        for f in stored:
            if f.name in values:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            elif f.default is not MISSING and f.init:
                v = f.default
            else:
                continue
            assign(self, f.name, v)
        if has_post_init:
            extra = []
            for f in initvars:
                extra.append(values[f.name] if f.name in values else f.default)
            self.__post_init__(*extra)

    return __init__


def _set_new(cls, name, value):
    """Sets a generated method unless the class defines its own."""
    if name in cls.__dict__:
        return True
    value.__qualname__ = cls.__qualname__ + '.' + name
    setattr(cls, name, value)
    return False


def _values(obj, fields):
    return tuple(getattr(obj, f.name) for f in fields)


def _make_repr(shown):
    running = set()

    def __repr__(self):
        key = (id(self), id(type(self)))
        if key in running:
            return '...'
        running.add(key)
        try:
            parts = [f.name + '=' + repr(getattr(self, f.name)) for f in shown]
        finally:
            running.discard(key)
        return self.__class__.__qualname__ + '(' + ', '.join(parts) + ')'

    return __repr__


def _make_compare(op, compared):
    def method(self, other):
        if other.__class__ is self.__class__:
            return op(_values(self, compared), _values(other, compared))
        return NotImplemented

    return method


def _make_hash(hashed):
    def __hash__(self):
        return hash(_values(self, hashed))

    return __hash__


def _make_frozen(cls, fields):
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot assign to field '" + name + "'")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot delete field '" + name + "'")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=' + repr(self.init) + ',repr=' + repr(self.repr)
                + ',eq=' + repr(self.eq) + ',order=' + repr(self.order) + ',unsafe_hash='
                + repr(self.unsafe_hash) + ',frozen=' + repr(self.frozen) + ')')


def _process(cls, init, repr_, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        params = base.__dict__.get('__dataclass_params__')
        if params is not None:
            has_dataclass_bases = True
            if params.frozen:
                any_frozen_base = True
    all_fields = _collect(cls, kw_only)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_params__ = _DataclassParams(init, repr_, eq, order, unsafe_hash, frozen)
    cls.__dataclass_fields__ = {f.name: f for f in all_fields}
    fields = [f for f in all_fields if f._kind == _FIELD]
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and '__eq__' in cls.__dict__))
    if init:
        has_post_init = hasattr(cls, '__post_init__')
        _set_new(cls, '__init__', _make_init(cls, all_fields, frozen, has_post_init))
    if repr_:
        _set_new(cls, '__repr__', _make_repr([f for f in fields if f.repr]))
    compared = [f for f in fields if f.compare]
    if eq:
        _set_new(cls, '__eq__', _make_compare(lambda a, b: a == b, compared))
    if order:
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if _set_new(cls, name, _make_compare(op, compared)):
                raise TypeError('Cannot overwrite attribute ' + name + ' in class '
                                + cls.__name__ + '. Consider using functools.total_ordering')
    if frozen:
        setter, deleter = _make_frozen(cls, fields)
        if _set_new(cls, '__setattr__', setter):
            raise TypeError('Cannot overwrite attribute __setattr__ in class ' + cls.__name__)
        if _set_new(cls, '__delattr__', deleter):
            raise TypeError('Cannot overwrite attribute __delattr__ in class ' + cls.__name__)
    hashed = [f for f in fields if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class ' + cls.__name__)
        cls.__hash__ = _make_hash(hashed)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _make_hash(hashed)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None
    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in all_fields
                                   if f._kind == _FIELD and f.init and not f.kw_only)
    if slots:
        cls = _with_slots(cls, fields)
    return cls


def _with_slots(cls, fields):
    if '__slots__' in cls.__dict__:
        raise TypeError(cls.__name__ + ' already specifies __slots__')
    names = tuple(f.name for f in fields)
    namespace = dict(cls.__dict__)
    for name in names:
        namespace.pop(name, None)
    namespace.pop('__dict__', None)
    namespace.pop('__weakref__', None)
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(base.__dict__.get('__slots__', ()))
    namespace['__slots__'] = tuple(n for n in names if n not in inherited)
    namespace['__qualname__'] = cls.__qualname__
    return type(cls)(cls.__name__, cls.__bases__, namespace)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                        slots)
    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in found.values() if f._kind == _FIELD)


def _is_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def _convert(v, factory):
    if _is_instance(v):
        return factory([(f.name, _convert(getattr(v, f.name), factory)) for f in fields(v)])
    if isinstance(v, tuple) and hasattr(v, '_fields'):
        return type(v)(*[_convert(x, factory) for x in v])
    if isinstance(v, (list, tuple)):
        return type(v)(_convert(x, factory) for x in v)
    if isinstance(v, dict):
        return type(v)((_convert(k, factory), _convert(x, factory)) for k, x in v.items())
    return _copy.deepcopy(v)


def asdict(obj, *, dict_factory=dict):
    if not _is_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, dict_factory)


def _convert_tuple(v, factory):
    if _is_instance(v):
        return factory([_convert_tuple(getattr(v, f.name), factory) for f in fields(v)])
    if isinstance(v, tuple) and hasattr(v, '_fields'):
        return type(v)(*[_convert_tuple(x, factory) for x in v])
    if isinstance(v, (list, tuple)):
        return type(v)(_convert_tuple(x, factory) for x in v)
    if isinstance(v, dict):
        return type(v)((_convert_tuple(k, factory), _convert_tuple(x, factory))
                       for k, x in v.items())
    return _copy.deepcopy(v)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _convert_tuple(obj, tuple_factory)


def replace(obj, /, **changes):
    if not _is_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._kind == _CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field ' + f.name + ' is declared with init=False, it cannot '
                                 'be specified with replace()')
            continue
        if f.name not in changes:
            if f._kind == _INITVAR and f.default is MISSING:
                raise ValueError("InitVar '" + f.name + "' must be specified with replace()")
            if f._kind == _FIELD:
                changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _is_identifier(name):
    if not name or name[0].isdigit():
        return False
    return all(c == '_' or c.isalnum() for c in name)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False):
    namespace = {} if namespace is None else dict(namespace)
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            namespace[name] = spec
        else:
            raise TypeError('Invalid field: ' + repr(item))
        if not isinstance(name, str) or not _is_identifier(name):
            raise TypeError('Field names must be valid identifiers: ' + repr(name))
        if name in annotations:
            raise TypeError('Field name duplicated: ' + repr(name))
        annotations[name] = tp
    namespace['__annotations__'] = annotations
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
