# re for the aioscope interpreter: CPython's API, Match and Pattern
# objects, reprs, replacement templates and errors, over the native
# backtracking engine in _re.
import _re

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall',
           'finditer', 'compile', 'purge', 'escape', 'error', 'Pattern', 'Match',
           'A', 'I', 'M', 'S', 'X', 'ASCII', 'IGNORECASE', 'MULTILINE', 'DOTALL',
           'VERBOSE', 'NOFLAG']

NOFLAG = 0
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
ASCII = A = 256

_FLAG_NAMES = [(IGNORECASE, 'IGNORECASE'), (LOCALE, 'LOCALE'), (MULTILINE, 'MULTILINE'),
               (DOTALL, 'DOTALL'), (UNICODE, 'UNICODE'), (VERBOSE, 'VERBOSE'),
               (ASCII, 'ASCII')]


class error(Exception):
    """A pattern that does not compile: the message, and where."""

    __module__ = 're'

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            self.lineno = pattern.count('\n', 0, pos) + 1
            self.colno = pos - pattern.rfind('\n', 0, pos)
            if '\n' in pattern:
                msg = '%s at position %d (line %d, column %d)' % (msg, pos, self.lineno, self.colno)
            else:
                msg = '%s at position %d' % (msg, pos)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


def _flags_repr(flags):
    names = [name for bit, name in _FLAG_NAMES if flags & bit and bit != UNICODE]
    rest = flags & ~sum(bit for bit, _ in _FLAG_NAMES)
    if rest:
        names.append(hex(rest))
    return '|'.join('re.' + n if not n.startswith('0x') else n for n in names)


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        if isinstance(pattern, bytes):
            raise NotImplementedError('bytes patterns are not supported yet')
        result = _re.compile(pattern, flags)
        if not result[0]:
            raise error(result[1], pattern, result[2])
        self._program = result[1]
        self.groups = result[2]
        self.groupindex = dict(result[3])
        self.flags = result[4] | (0 if result[4] & ASCII else UNICODE)
        self.pattern = pattern

    def __repr__(self):
        shown = repr(self.pattern)
        if len(shown) > 200:
            shown = shown[:200]
        flags = self.flags & ~UNICODE
        if flags:
            return 're.compile(%s, %s)' % (shown, _flags_repr(flags))
        return 're.compile(%s)' % shown

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _exec(self, string, pos, endpos, mode, reject=-1):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        n = len(string)
        if pos < 0:
            pos = 0
        if endpos is None or endpos > n:
            endpos = n
        spans = self._program.exec(string, pos, endpos, mode, reject)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        n = len(string)
        end = n if endpos is None or endpos > n else endpos
        for spans in self._program.exec_all(string, max(pos, 0), end):
            yield Match(self, string, spans, pos, end)

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.group(1) or '')
            else:
                out.append(tuple(g or '' for g in m.groups()))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        count = 0
        for m in self.finditer(string):
            if maxsplit and count >= maxsplit:
                break
            out.append(m._gap)
            out.extend(m.groups())
            last = m.end()
            count += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            make = repl
        else:
            template = _parse_template(repl, self)
            make = lambda m: _expand(template, m)
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            out.append(m._gap)
            piece = make(m)
            if piece is None:
                piece = ''
            if not isinstance(piece, str):
                raise TypeError('expected str instance, %s found' % type(piece).__name__)
            out.append(piece)
            last = m.end()
            n += 1
        out.append(string[last:])
        return ''.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError('Pattern.scanner() is not supported yet')


def _parse_template(repl, pattern):
    """A replacement string as pieces: str literals and group numbers."""
    if not isinstance(repl, str):
        raise TypeError('expected str instance, %s found' % type(repl).__name__)
    pieces = []
    literal = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error('bad escape (end of pattern)', repl, i)
        d = repl[i + 1]
        if d == 'g':
            close = repl.find('>', i + 2)
            if i + 2 >= n or repl[i + 2] != '<':
                raise error('missing <', repl, i + 2)
            if close < 0:
                raise error('missing >, unterminated name', repl, i + 3)
            name = repl[i + 3:close]
            if not name:
                raise error('missing group name', repl, i + 3)
            if name.isdigit():
                group = int(name)
                if group > pattern.groups:
                    raise error('invalid group reference %d' % group, repl, i + 3)
            elif name in pattern.groupindex:
                group = pattern.groupindex[name]
            elif _is_identifier(name):
                raise IndexError("unknown group name '%s'" % name)
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 3)
            pieces.append(''.join(literal))
            literal = []
            pieces.append(group)
            i = close + 1
        elif d.isdigit():
            j = i + 1
            digits = ''
            while j < n and repl[j].isdigit() and len(digits) < 2:
                digits += repl[j]
                j += 1
            if digits[0] == '0':
                literal.append(chr(int(digits, 8)))
            else:
                group = int(digits)
                if group > pattern.groups:
                    raise error('invalid group reference %d' % group, repl, i + 1)
                pieces.append(''.join(literal))
                literal = []
                pieces.append(group)
            i = j
        else:
            simple = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a',
                      'b': '\b', '\\': '\\'}
            if d in simple:
                literal.append(simple[d])
            elif d.isalpha() and d.isascii():
                raise error('bad escape \\%s' % d, repl, i)
            else:
                literal.append('\\' + d)
            i += 2
    pieces.append(''.join(literal))
    return pieces


def _is_identifier(name):
    if not name or not (name[0].isalpha() or name[0] == '_'):
        return False
    return all(c.isalnum() or c == '_' for c in name)


def _expand(template, m):
    out = []
    for piece in template:
        if isinstance(piece, str):
            out.append(piece)
        else:
            out.append(m.group(piece) or '')
    return ''.join(out)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, found, pos, endpos):
        self.re = pattern
        self.string = string
        spans = found[0]
        self._spans = spans
        self._texts = found[1]
        self._gap = found[2] if len(found) > 2 else None
        self.pos = pos
        self.endpos = endpos
        # The group that closed last: the latest end, the outermost on ties.
        last = None
        for g in range(1, pattern.groups + 1):
            e = spans[2 * g + 1]
            if spans[2 * g] >= 0 and (last is None or e > spans[2 * last + 1]):
                last = g
        self.lastindex = last
        self.lastgroup = None
        for name, g in pattern.groupindex.items():
            if g == last:
                self.lastgroup = name

    def _index(self, group):
        if type(group) is int and 0 <= group <= self.re.groups:
            return group
        if isinstance(group, str):
            if group in self.re.groupindex:
                return self.re.groupindex[group]
            raise IndexError('no such group')
        if isinstance(group, int) and 0 <= group <= self.re.groups:
            return group
        raise IndexError('no such group')

    def span(self, group=0):
        g = self._index(group)
        return (self._spans[2 * g], self._spans[2 * g + 1])

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def group(self, *groups):
        if not groups:
            groups = (0,)
        if len(groups) == 1:
            return self._texts[self._index(groups[0])]
        return tuple([self._texts[self._index(g)] for g in groups])

    def __getitem__(self, g):
        return self.group(g)

    def groups(self, default=None):
        if default is None:
            return self._texts[1:]
        return tuple([default if t is None else t for t in self._texts[1:]])

    def groupdict(self, default=None):
        d = {}
        for name, g in self.re.groupindex.items():
            t = self._texts[g]
            d[name] = default if t is None else t
        return d

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())


_cache = {}


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= 512:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


_SPECIAL = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
    raise NotImplementedError('re.escape() of bytes is not supported yet')
