# json for the aioscope interpreter: CPython 3.11's output and errors.
# Escaping strings and scanning documents are native (_json); the encoder's
# layout is here. CPython encodes dumps() without indent in C and
# everything else in Python, and the two word one error differently; both
# are reproduced.

from _json import encode_string as _encode_string, scan as _scan

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError',
           'JSONEncoder']


class JSONDecodeError(ValueError):
    """A document that is not JSON: where, and why."""

    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


def _float_text(o, allow_nan, c_path):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == -float('inf'):
        text = '-Infinity'
    else:
        return repr(o)
    if not allow_nan:
        if c_path:
            raise ValueError("Out of range float values are not JSON compliant")
        raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
    return text


class JSONEncoder:
    """Turns Python values into JSON text."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        return ''.join(self._chunks(o, True))

    def iterencode(self, o, _one_shot=False):
        return iter(self._chunks(o, _one_shot))

    def _chunks(self, o, one_shot):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        c_path = one_shot and indent is None
        out = []
        markers = {} if self.check_circular else None
        self._encode(o, out, markers, indent, 0, c_path)
        return out

    def _encode(self, o, out, markers, indent, level, c_path):
        if isinstance(o, str):
            out.append(_encode_string(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_text(o, self.allow_nan, c_path))
        elif isinstance(o, (list, tuple)):
            self._encode_list(o, out, markers, indent, level, c_path)
        elif isinstance(o, dict):
            self._encode_dict(o, out, markers, indent, level, c_path)
        else:
            if markers is not None:
                marker = id(o)
                if marker in markers:
                    raise ValueError("Circular reference detected")
                markers[marker] = o
            self._encode(self.default(o), out, markers, indent, level, c_path)
            if markers is not None:
                del markers[marker]

    def _enter(self, o, markers):
        if markers is None:
            return None
        marker = id(o)
        if marker in markers:
            raise ValueError("Circular reference detected")
        markers[marker] = o
        return marker

    def _encode_list(self, lst, out, markers, indent, level, c_path):
        if not lst:
            out.append('[]')
            return
        marker = self._enter(lst, markers)
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            separator = self.item_separator + newline
            out.append('[' + newline)
        else:
            separator = self.item_separator
            out.append('[')
        first = True
        for value in lst:
            if not first:
                out.append(separator)
            first = False
            self._encode(value, out, markers, indent, level, c_path)
        if indent is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append(']')
        if marker is not None:
            del markers[marker]

    def _encode_dict(self, dct, out, markers, indent, level, c_path):
        if not dct:
            out.append('{}')
            return
        marker = self._enter(dct, markers)
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            separator = self.item_separator + newline
            out.append('{' + newline)
        else:
            separator = self.item_separator
            out.append('{')
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _float_text(key, self.allow_nan, c_path)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if not first:
                out.append(separator)
            first = False
            out.append(_encode_string(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(value, out, markers, indent, level, c_path)
        if indent is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append('}')
        if marker is not None:
            del markers[marker]


class JSONDecoder:
    """Turns JSON text into Python values."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def _hooks(self):
        return dict(object_hook=self.object_hook, parse_float=self.parse_float,
                    parse_int=self.parse_int, parse_constant=self.parse_constant,
                    strict=self.strict, object_pairs_hook=self.object_pairs_hook)

    def decode(self, s):
        return _scan(s, JSONDecodeError, **self._hooks())

    def raw_decode(self, s, idx=0):
        return _scan(s, JSONDecodeError, raw_start=idx, **self._hooks())


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan, indent=indent,
               separators=separators, default=default, sort_keys=sort_keys,
               **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    encoder = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                  check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                  separators=separators, default=default, sort_keys=sort_keys, **kw)
    for chunk in encoder.iterencode(obj):
        fp.write(chunk)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    elif isinstance(s, bytes):
        s = s.decode('utf-8')
    else:
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
               **kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)
