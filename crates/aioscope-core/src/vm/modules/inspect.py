# inspect for the aioscope interpreter: the type predicates, signatures
# and the source of the program's own functions and classes. There are no
# frame objects: currentframe() is None, as CPython allows.
import types
import _inspect
from _inspect import _code


def ismodule(obj):
    return isinstance(obj, types.ModuleType)


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return isinstance(obj, types.MethodType)


def isfunction(obj):
    return isinstance(obj, types.FunctionType)


def isbuiltin(obj):
    return isinstance(obj, types.BuiltinFunctionType)


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj)


def isgenerator(obj):
    return isinstance(obj, types.GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, types.CoroutineType)


def isasyncgen(obj):
    return isinstance(obj, types.AsyncGeneratorType)


def isawaitable(obj):
    return _inspect._isawaitable(obj)


def istraceback(obj):
    return False


def isframe(obj):
    return False


def iscode(obj):
    return False


def isabstract(obj):
    return bool(getattr(obj, '__abstractmethods__', False))


def _unwrap_callable(f):
    # Methods and functools.partial objects stand for their function.
    while True:
        if ismethod(f):
            f = f.__func__
        elif type(f).__name__ == 'partial' and hasattr(f, 'func'):
            f = f.func
        else:
            return f


def _flags(obj):
    info = _code(_unwrap_callable(obj))
    if info is None:
        return False, False
    return info[12], info[13]


def isgeneratorfunction(obj):
    coroutine, generator = _flags(obj)
    return generator and not coroutine


def iscoroutinefunction(obj):
    coroutine, generator = _flags(obj)
    return coroutine and not generator


def isasyncgenfunction(obj):
    coroutine, generator = _flags(obj)
    return coroutine and generator


def getmro(cls):
    return cls.__mro__


def unwrap(func, *, stop=None):
    seen = [func]
    while hasattr(func, '__wrapped__') and (stop is None or not stop(func)):
        func = func.__wrapped__
        for s in seen:
            if s is func:
                raise ValueError('wrapper loop when unwrapping {!r}'.format(seen[0]))
        seen.append(func)
    return func


def getmembers(obj, predicate=None):
    results = []
    for key in dir(obj):
        try:
            value = getattr(obj, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda kv: kv[0])
    return results


def _expandtabs(text):
    out = []
    column = 0
    for c in text:
        if c == '\t':
            spaces = 8 - column % 8
            out.append(' ' * spaces)
            column += spaces
        else:
            out.append(c)
            column = 0 if c == '\n' else column + 1
    return ''.join(out)


def cleandoc(doc):
    lines = _expandtabs(doc).split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            if margin is None or indent < margin:
                margin = indent
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(obj):
    doc = getattr(obj, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def currentframe():
    return None


def stack(context=1):
    raise NotImplementedError('inspect.stack() is not supported yet')


def getmodule(obj):
    import sys
    name = getattr(obj, '__module__', None)
    if name is None:
        return None
    return sys.modules.get(name)


# --- source ----------------------------------------------------------------------

def _where(obj):
    """(filename, first line) of a function, method or class."""
    if ismethod(obj):
        obj = obj.__func__
    if isfunction(obj):
        info = _code(obj)
        return info[2], info[3]
    if isclass(obj):
        module = getmodule(obj)
        filename = getattr(module, '__file__', None)
        if filename is None:
            raise OSError('source code not available')
        lines = _inspect._source(filename)
        if lines is None:
            raise OSError('could not find class definition')
        return filename, _class_line(lines, obj.__qualname__.split('.'))
    if ismodule(obj):
        filename = getattr(obj, '__file__', None)
        if filename is None:
            raise TypeError('{!r} is a built-in module'.format(obj))
        return filename, 0
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(type(obj).__name__))


def _class_line(lines, path):
    # The line of `class A` then, inside its block, `class B` for A.B.
    lo, hi, indent = 0, len(lines), -1
    for name in path:
        found = None
        for i in range(lo, hi):
            text = lines[i].lstrip()
            depth = len(lines[i]) - len(text)
            if depth <= indent:
                continue
            if text.startswith('class ' + name):
                rest = text[6 + len(name):].lstrip()
                if rest.startswith('(') or rest.startswith(':'):
                    found = i
                    indent = depth
                    break
        if found is None:
            raise OSError('could not find class definition')
        lo = found + 1
        while found > 0 and lines[found - 1].lstrip().startswith('@'):
            found -= 1
        start = found
    return start + 1


def getsourcefile(obj):
    return _where(obj)[0]


def getfile(obj):
    return _where(obj)[0]


def getsourcelines(obj):
    filename, line = _where(obj)
    if line == 0:
        lines = _inspect._source(filename)
        if lines is None:
            raise OSError('could not get source code')
        return lines, 0
    found = _inspect._block(filename, line)
    if found is None:
        raise OSError('could not get source code')
    return found[0], found[1]


def getsource(obj):
    lines, lnum = getsourcelines(obj)
    return ''.join(lines)


def getsourcefile_or_none(obj):
    try:
        return getsourcefile(obj)
    except (OSError, TypeError):
        return None


# --- signatures ------------------------------------------------------------------

class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind:
    def __init__(self, name, value, description):
        self.name = name
        self.value = value
        self.description = description

    def __repr__(self):
        return '<_ParameterKind.' + self.name + ': ' + str(self.value) + '>'

    def __str__(self):
        return self.name

    def __eq__(self, other):
        if isinstance(other, _ParameterKind):
            return self.value == other.value
        if isinstance(other, int):
            return self.value == other
        return NotImplemented

    def __lt__(self, other):
        return self.value < other.value

    def __le__(self, other):
        return self.value <= other.value

    def __gt__(self, other):
        return self.value > other.value

    def __ge__(self, other):
        return self.value >= other.value

    def __hash__(self):
        return hash(self.value)

    def __index__(self):
        return self.value

    def __int__(self):
        return self.value


_POSITIONAL_ONLY = _ParameterKind('POSITIONAL_ONLY', 0, 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind('POSITIONAL_OR_KEYWORD', 1,
                                        'positional or keyword')
_VAR_POSITIONAL = _ParameterKind('VAR_POSITIONAL', 2, 'variadic positional')
_KEYWORD_ONLY = _ParameterKind('KEYWORD_ONLY', 3, 'keyword-only')
_VAR_KEYWORD = _ParameterKind('VAR_KEYWORD', 4, 'variadic keyword')


def formatannotation(annotation, base_module=None):
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    text = repr(annotation)
    if text.startswith('typing.'):
        text = text[7:]
    return text


class Parameter:
    """One parameter of a signature."""

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            raise ValueError('value {!r} is not a valid Parameter.kind'.format(kind))
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError('{} parameters cannot have default values'.format(
                kind.description))
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a {}'.format(type(name).__name__))
        if not name.isidentifier():
            raise ValueError('{!r} is not a valid parameter name'.format(name))
        self.name = name
        self.kind = kind
        self.default = default
        self.annotation = annotation

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return Parameter(self.name if name is _void else name,
                         self.kind if kind is _void else kind,
                         default=self.default if default is _void else default,
                         annotation=self.annotation if annotation is _void else annotation)

    def __str__(self):
        formatted = self.name
        if self.annotation is not _empty:
            formatted = formatted + ': ' + formatannotation(self.annotation)
        if self.default is not _empty:
            if self.annotation is not _empty:
                formatted = formatted + ' = ' + repr(self.default)
            else:
                formatted = formatted + '=' + repr(self.default)
        if self.kind == _VAR_POSITIONAL:
            formatted = '*' + formatted
        elif self.kind == _VAR_KEYWORD:
            formatted = '**' + formatted
        return formatted

    def __repr__(self):
        return '<{} "{}">'.format(type(self).__name__, self)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self.name == other.name and self.kind == other.kind and
                self.default == other.default and
                self.annotation == other.annotation)

    def __hash__(self):
        return hash((self.name, self.kind.value))


class _Parameters:
    """Signature.parameters: a read-only ordered mapping of names."""

    def __init__(self, params):
        self._params = params

    def __getitem__(self, name):
        for p in self._params:
            if p.name == name:
                return p
        raise KeyError(name)

    def __contains__(self, name):
        for p in self._params:
            if p.name == name:
                return True
        return False

    def __iter__(self):
        return iter([p.name for p in self._params])

    def __len__(self):
        return len(self._params)

    def keys(self):
        return [p.name for p in self._params]

    def values(self):
        return list(self._params)

    def items(self):
        return [(p.name, p) for p in self._params]

    def get(self, name, default=None):
        for p in self._params:
            if p.name == name:
                return p
        return default

    def __str__(self):
        if not self._params:
            return 'OrderedDict()'
        return 'OrderedDict([' + ', '.join(
            '(' + repr(p.name) + ', ' + repr(p) + ')' for p in self._params) + '])'

    def __repr__(self):
        return 'mappingproxy(' + str(self) + ')'


class BoundArguments:
    """The result of Signature.bind: arguments by parameter name."""

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    def __getattr__(self, name):
        if name == 'signature':
            return self._signature
        if name == 'args':
            return self._args()
        if name == 'kwargs':
            return self._kwargs()
        raise AttributeError("'BoundArguments' object has no attribute '"
                             + name + "'")

    def _args(self):
        args = []
        for param in self._signature._params:
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            if param.name not in self.arguments:
                break
            arg = self.arguments[param.name]
            if param.kind == _VAR_POSITIONAL:
                args.extend(arg)
            else:
                args.append(arg)
        return tuple(args)

    def _kwargs(self):
        kwargs = {}
        started = False
        for param in self._signature._params:
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif param.name not in self.arguments:
                    started = True
                    continue
            if not started:
                continue
            if param.name not in self.arguments:
                continue
            arg = self.arguments[param.name]
            if param.kind == _VAR_KEYWORD:
                kwargs.update(arg)
            else:
                kwargs[param.name] = arg
        return kwargs

    def apply_defaults(self):
        new = {}
        for param in self._signature._params:
            name = param.name
            if name in self.arguments:
                new[name] = self.arguments[name]
            elif param.default is not _empty:
                new[name] = param.default
            elif param.kind == _VAR_POSITIONAL:
                new[name] = ()
            elif param.kind == _VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __eq__(self, other):
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return (self._signature == other._signature and
                self.arguments == other.arguments)

    def __repr__(self):
        args = []
        for arg, value in self.arguments.items():
            args.append('{}={!r}'.format(arg, value))
        return '<{} ({})>'.format(type(self).__name__, ', '.join(args))


class Signature:
    """A callable's parameters and return annotation."""

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty,
                 __validate_parameters__=True):
        params = list(parameters or ())
        if __validate_parameters__:
            kind = _POSITIONAL_ONLY
            seen_default = False
            names = []
            for param in params:
                if param.kind < kind:
                    raise ValueError(
                        'wrong parameter order: {} parameter before {} '
                        'parameter'.format(kind.description, param.kind.description))
                if param.kind > kind:
                    kind = param.kind
                if param.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                    if param.default is _empty:
                        if seen_default:
                            raise ValueError('non-default argument follows '
                                             'default argument')
                    else:
                        seen_default = True
                if param.name in names:
                    raise ValueError('duplicate parameter name: {!r}'.format(param.name))
                names.append(param.name)
        self._params = params
        self.parameters = _Parameters(params)
        self.return_annotation = return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._params
        if return_annotation is _void:
            return_annotation = self.return_annotation
        return Signature(parameters, return_annotation=return_annotation)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return (self.return_annotation == other.return_annotation and
                self._params == other._params)

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self._params:
            formatted = str(param)
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append('/')
                render_pos_only_separator = False
            if kind == _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind == _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append('/')
        rendered = '(' + ', '.join(result) + ')'
        if self.return_annotation is not _empty:
            rendered += ' -> ' + formatannotation(self.return_annotation)
        return rendered

    def __repr__(self):
        return '<{} {}>'.format(type(self).__name__, self)

    def _bind(self, args, kwargs, partial=False):
        arguments = {}
        params = self._params
        kwargs = dict(kwargs)
        i = 0
        rest_from = None
        # Positional arguments fill the parameters in order.
        pos = 0
        while True:
            if pos >= len(args):
                if i >= len(params):
                    break
                param = params[i]
                if param.kind == _VAR_POSITIONAL:
                    i += 1
                    break
                if param.name in kwargs:
                    if param.kind == _POSITIONAL_ONLY:
                        raise TypeError('{arg!r} parameter is positional only, but '
                                        'was passed as a keyword'.format(arg=param.name))
                elif param.kind != _VAR_KEYWORD and param.default is _empty \
                        and not partial:
                    raise TypeError('missing a required argument: {arg!r}'.format(
                        arg=param.name))
                break
            if i >= len(params):
                raise TypeError('too many positional arguments')
            param = params[i]
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                raise TypeError('too many positional arguments')
            if param.kind == _VAR_POSITIONAL:
                arguments[param.name] = tuple(args[pos:])
                pos = len(args)
                i += 1
                break
            if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                raise TypeError('multiple values for argument {arg!r}'.format(
                    arg=param.name))
            arguments[param.name] = args[pos]
            pos += 1
            i += 1
        # The rest by keyword.
        kwargs_param = None
        for param in params[i:]:
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            if param.name not in kwargs:
                if not partial and param.default is _empty:
                    raise TypeError('missing a required argument: {arg!r}'.format(
                        arg=param.name))
                continue
            value = kwargs.pop(param.name)
            if param.kind == _POSITIONAL_ONLY:
                raise TypeError('{arg!r} parameter is positional only, but was '
                                'passed as a keyword'.format(arg=param.name))
            arguments[param.name] = value
        if kwargs:
            if kwargs_param is None:
                raise TypeError('got an unexpected keyword argument {arg!r}'.format(
                    arg=next(iter(kwargs))))
            arguments[kwargs_param.name] = kwargs
        return BoundArguments(self, arguments)

    def bind(self, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)


def _signature_of_function(func, skip_first):
    info = _code(func)
    (name, qualname, filename, firstline, argcount, posonly, kwonly, varargs,
     varkw, names, defaults, kwdefaults, is_coroutine, is_generator) = info
    annotations = getattr(func, '__annotations__', None) or {}
    params = []
    first_default = argcount - len(defaults)
    for i in range(argcount):
        kind = _POSITIONAL_ONLY if i < posonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(names[i], kind, default=default,
                                annotation=annotations.get(names[i], _empty)))
    at = argcount
    kwnames = names[at:at + kwonly]
    at += kwonly
    if varargs:
        params.append(Parameter(names[at], _VAR_POSITIONAL,
                                annotation=annotations.get(names[at], _empty)))
        at += 1
    for n in kwnames:
        params.append(Parameter(n, _KEYWORD_ONLY, default=kwdefaults.get(n, _empty),
                                annotation=annotations.get(n, _empty)))
    if varkw:
        params.append(Parameter(names[at], _VAR_KEYWORD,
                                annotation=annotations.get(names[at], _empty)))
    if skip_first and params and params[0].kind != _VAR_POSITIONAL:
        params = params[1:]
    return Signature(params, return_annotation=annotations.get('return', _empty),
                     __validate_parameters__=False)


def _signature_of_partial(sig, partial):
    args = partial.args
    keywords = partial.keywords
    bound = sig.bind_partial(*args, **keywords)
    params = []
    transform_to_kwonly = False
    for param in sig._params:
        name = param.name
        if name in bound.arguments and param.kind in (_POSITIONAL_ONLY,
                                                       _POSITIONAL_OR_KEYWORD) \
                and name not in keywords:
            continue
        if param.kind == _POSITIONAL_ONLY:
            params.append(param)
            continue
        if name in keywords:
            if param.kind == _POSITIONAL_OR_KEYWORD:
                transform_to_kwonly = True
                params.append(param.replace(default=keywords[name],
                                            kind=_KEYWORD_ONLY))
            else:
                params.append(param.replace(default=keywords[name]))
            continue
        if transform_to_kwonly and param.kind == _POSITIONAL_OR_KEYWORD:
            params.append(param.replace(kind=_KEYWORD_ONLY))
        elif transform_to_kwonly and param.kind == _VAR_POSITIONAL:
            continue
        else:
            params.append(param)
    kw = [p for p in params if p.kind == _KEYWORD_ONLY]
    rest = [p for p in params if p.kind != _KEYWORD_ONLY and p.kind != _VAR_KEYWORD]
    varkw = [p for p in params if p.kind == _VAR_KEYWORD]
    return Signature(rest + kw + varkw, return_annotation=sig.return_annotation,
                     __validate_parameters__=False)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None,
              eval_str=False):
    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))
    if ismethod(obj):
        sig = signature(obj.__func__)
        params = sig._params
        if params and params[0].kind != _VAR_POSITIONAL:
            params = params[1:]
        return Signature(params, return_annotation=sig.return_annotation,
                         __validate_parameters__=False)
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
    sig = getattr(obj, '__signature__', None)
    if isinstance(sig, Signature):
        return sig
    if isfunction(obj):
        return _signature_of_function(obj, False)
    if type(obj).__name__ == 'partial' and hasattr(obj, 'func'):
        return _signature_of_partial(signature(obj.func), obj)
    if isclass(obj):
        init = getattr(obj, '__init__', None)
        if isfunction(init):
            return _signature_of_function(init, True)
        new = getattr(obj, '__new__', None)
        if isfunction(new):
            return _signature_of_function(new, True)
        raise ValueError('no signature found for builtin type {!r}'.format(obj))
    if isbuiltin(obj):
        raise ValueError('no signature found for builtin {!r}'.format(obj))
    call = getattr(type(obj), '__call__', None)
    if isfunction(call):
        return _signature_of_function(call, True)
    raise ValueError('callable {!r} is not supported by signature'.format(obj))


class FullArgSpec:
    def __init__(self, args, varargs, varkw, defaults, kwonlyargs,
                 kwonlydefaults, annotations):
        self.args = args
        self.varargs = varargs
        self.varkw = varkw
        self.defaults = defaults
        self.kwonlyargs = kwonlyargs
        self.kwonlydefaults = kwonlydefaults
        self.annotations = annotations

    def __repr__(self):
        return ('FullArgSpec(args={!r}, varargs={!r}, varkw={!r}, defaults={!r}, '
                'kwonlyargs={!r}, kwonlydefaults={!r}, annotations={!r})').format(
                    self.args, self.varargs, self.varkw, self.defaults,
                    self.kwonlyargs, self.kwonlydefaults, self.annotations)


def getfullargspec(func):
    sig = signature(func, follow_wrapped=False)
    args = []
    varargs = varkw = None
    defaults = ()
    kwonlyargs = []
    kwdefaults = {}
    for param in sig._params:
        if param.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(param.name)
            if param.default is not _empty:
                defaults += (param.default,)
        elif param.kind == _VAR_POSITIONAL:
            varargs = param.name
        elif param.kind == _KEYWORD_ONLY:
            kwonlyargs.append(param.name)
            if param.default is not _empty:
                kwdefaults[param.name] = param.default
        else:
            varkw = param.name
    return FullArgSpec(args, varargs, varkw, defaults or None, kwonlyargs,
                       kwdefaults or None, {})
