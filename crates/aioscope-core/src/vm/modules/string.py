# string for the aioscope interpreter: the constants, capwords and
# Template with CPython's placeholder rules and errors.

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([x.capitalize() for x in s.split(sep)])


def _is_ident_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_ident_char(c):
    return _is_ident_start(c) or ('0' <= c <= '9')


class Template:
    """$-substitution: $name, ${name}, and $$ for a dollar."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _parse(self):
        """The template as pieces: ('text', s), ('name', n), or
        ('invalid', index)."""
        t = self.template
        d = self.delimiter
        pieces = []
        i = 0
        text_start = 0
        n = len(t)
        while True:
            j = t.find(d, i)
            if j < 0:
                break
            k = j + len(d)
            if t.startswith(d, k):
                pieces.append(('text', t[text_start:j] + d))
                i = text_start = k + len(d)
                continue
            if k < n and _is_ident_start(t[k]):
                e = k + 1
                while e < n and _is_ident_char(t[e]):
                    e += 1
                pieces.append(('text', t[text_start:j]))
                pieces.append(('name', t[k:e], j, e))
                i = text_start = e
                continue
            if t.startswith('{', k):
                e = k + 1
                if e < n and _is_ident_start(t[e]):
                    e += 1
                    while e < n and _is_ident_char(t[e]):
                        e += 1
                    if t.startswith('}', e):
                        pieces.append(('text', t[text_start:j]))
                        pieces.append(('name', t[k + 1:e], j, e + 1))
                        i = text_start = e + 1
                        continue
            pieces.append(('text', t[text_start:j]))
            pieces.append(('invalid', k))
            i = text_start = k
        pieces.append(('text', t[text_start:]))
        return pieces

    def _invalid(self, i):
        t = self.template
        lineno = t.count('\n', 0, i) + 1
        colno = i - (t.rfind('\n', 0, i) + 1)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged
        out = []
        for piece in self._parse():
            if piece[0] == 'text':
                out.append(piece[1])
            elif piece[0] == 'name':
                out.append('%s' % (mapping[piece[1]],))
            else:
                self._invalid(piece[1])
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged
        out = []
        for piece in self._parse():
            if piece[0] == 'text':
                out.append(piece[1])
            elif piece[0] == 'name':
                try:
                    out.append('%s' % (mapping[piece[1]],))
                except KeyError:
                    out.append(self.template[piece[2]:piece[3]])
            else:
                out.append(self.delimiter)
        return ''.join(out)

    def get_identifiers(self):
        ids = []
        for piece in self._parse():
            if piece[0] == 'name' and piece[1] not in ids:
                ids.append(piece[1])
            elif piece[0] == 'invalid':
                self._invalid(piece[1])
        return ids

    def is_valid(self):
        return all(piece[0] != 'invalid' for piece in self._parse())
