# _csv for the aioscope interpreter: what CPython keeps in C under this
# name (the reader's state machine, the writer's quoting rules, checked
# dialects, the dialect registry, Error), with CPython 3.11's results and
# messages.  csv.py adds the dialect classes and the dict reader/writer.
QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

# What QUOTE_NONNUMERIC leaves unquoted (complex once the simulator has it).
_NUMBERS = (int, float)
try:
    _NUMBERS = (int, float, complex)
except NameError:
    pass


class Error(Exception):
    pass


_dialects = {}
_limit = [128 * 1024]


def field_size_limit(*args):
    if len(args) > 1:
        raise TypeError('field_size_limit expected at most 1 argument, got %d'
                        % len(args))
    old = _limit[0]
    if args:
        if not isinstance(args[0], int):
            raise TypeError('limit must be an integer')
        _limit[0] = args[0]
    return old


def _char(name, value, allow_none):
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise TypeError('"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class Dialect:
    """A dialect checked and frozen, as _csv.Dialect is."""

    def __init__(self, dialect=None, **params):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)

        def pick(name, default):
            if name in params:
                return params[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default

        quoting_given = 'quoting' in params or (
            dialect is not None and hasattr(dialect, 'quoting'))
        quoting = pick('quoting', QUOTE_MINIMAL)
        quotechar = pick('quotechar', '"')
        self.delimiter = _char('delimiter', pick('delimiter', ','), False)
        self.doublequote = bool(pick('doublequote', True))
        self.escapechar = _char('escapechar', pick('escapechar', None), True)
        lineterminator = pick('lineterminator', '\r\n')
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        self.lineterminator = lineterminator
        if not isinstance(quoting, int) or quoting not in range(4):
            raise TypeError('bad "quoting" value')
        if quotechar is None and not quoting_given:
            quoting = QUOTE_NONE
        self.quotechar = _char('quotechar', quotechar, True)
        if self.quotechar is None and quoting != QUOTE_NONE:
            raise TypeError('quotechar must be set if quoting enabled')
        self.quoting = quoting
        self.skipinitialspace = bool(pick('skipinitialspace', False))
        self.strict = bool(pick('strict', False))



def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    return list(_dialects)


# The reader's states.
(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL,
 _AFTER_ESCAPED_CRNL) = range(9)
_EOL = object()


class reader:
    """Rows of fields from an iterable of lines."""

    def __init__(self, lines, dialect=None, **params):
        self._lines = iter(lines)
        self.dialect = Dialect(dialect, **params)
        self.line_num = 0

    def __iter__(self):
        return self

    def _add(self, c):
        if len(self._field) >= _limit[0]:
            raise Error('field larger than field limit (%d)' % _limit[0])
        self._field.append(c)

    def _save(self):
        field = ''.join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)

    def __next__(self):
        self._fields = []
        self._field = []
        self._numeric = False
        self._state = _START_RECORD
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error('unexpected end of data')
                    self._save()
                    break
                raise
            if not isinstance(line, str):
                raise Error('iterator should return strings, not %s (the file '
                            'should be opened in text mode)' % type(line).__name__)
            self.line_num += 1
            for c in line:
                self._step(c)
            self._step(_EOL)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields

    def _step(self, c):
        d = self.dialect
        state = self._state
        if state == _START_RECORD:
            if c is _EOL:
                return
            if c == '\n' or c == '\r':
                self._state = _EAT_CRNL
                return
            state = self._state = _START_FIELD
        if state == _START_FIELD:
            if c is _EOL or c == '\n' or c == '\r':
                self._save()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == ' ' and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add(c)
                self._state = _IN_FIELD
        elif state == _ESCAPED_CHAR:
            if c == '\n' or c == '\r':
                self._add(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            self._add('\n' if c is _EOL else c)
            self._state = _IN_FIELD
        elif state == _AFTER_ESCAPED_CRNL:
            if c is _EOL:
                return
            self._state = _IN_FIELD
            self._step(c)
        elif state == _IN_FIELD:
            if c is _EOL or c == '\n' or c == '\r':
                self._save()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save()
                self._state = _START_FIELD
            else:
                self._add(c)
        elif state == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add(c)
        elif state == _ESCAPE_IN_QUOTED_FIELD:
            self._add('\n' if c is _EOL else c)
            self._state = _IN_QUOTED_FIELD
        elif state == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save()
                self._state = _START_FIELD
            elif c is _EOL or c == '\n' or c == '\r':
                self._save()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add(c)
                self._state = _IN_FIELD
            else:
                raise Error("'%s' expected after '%s'" % (d.delimiter, d.quotechar))
        elif state == _EAT_CRNL:
            if c == '\n' or c == '\r':
                pass
            elif c is _EOL:
                self._state = _START_RECORD
            else:
                raise Error('new-line character seen in unquoted field - do you '
                            'need to open the file in universal-newline mode?')


_reader_type = reader


class writer:
    """Rows written as delimited, quoted lines to a file's write()."""

    def __init__(self, fileobj, dialect=None, **params):
        self._write = getattr(fileobj, 'write', None)
        if self._write is None:
            raise TypeError('argument 1 must have a "write" method')
        self.dialect = Dialect(dialect, **params)

    def _field(self, value, quoted):
        d = self.dialect
        special = (d.delimiter, d.escapechar, d.quotechar)
        out = []
        for c in value:
            if c in special or c in d.lineterminator:
                escape = False
                if d.quoting == QUOTE_NONE:
                    escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(c)
                        else:
                            escape = True
                    elif c == d.escapechar:
                        escape = True
                    if not escape:
                        quoted = True
                if escape:
                    if d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(d.escapechar)
            out.append(c)
        text = ''.join(out)
        if quoted:
            return d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            raise Error('iterable expected, not %s' % type(row).__name__) from None
        parts = []
        for value in fields:
            if d.quoting == QUOTE_NONNUMERIC:
                quoted = not isinstance(value, _NUMBERS)
            else:
                quoted = d.quoting == QUOTE_ALL
            if value is None:
                text = ''
            elif isinstance(value, str):
                text = value
            elif isinstance(value, float):
                text = repr(value)
            else:
                text = str(value)
            parts.append(self._field(text, quoted))
        line = d.delimiter.join(parts)
        if parts and not line:
            if d.quoting == QUOTE_NONE:
                raise Error('single empty field record must be quoted')
            line = d.quotechar * 2
        return self._write(line + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


_writer_type = writer


# Without a dialect argument the settings start from Dialect's defaults
# (not from the 'excel' entry, whose quoting would count as given).
def reader(csvfile, dialect=None, **fmtparams):
    return _reader_type(csvfile, dialect, **fmtparams)


def writer(csvfile, dialect=None, **fmtparams):
    return _writer_type(csvfile, dialect, **fmtparams)
