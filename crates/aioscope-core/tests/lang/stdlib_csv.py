# csv: the reader's handling of quotes, escapes, newlines and strictness,
# the writer's quoting modes, dialects, DictReader/DictWriter over StringIO
# and over a file, and CPython's errors.
import csv
import io
import os


def read(lines, **kw):
    try:
        r = csv.reader(lines, **kw)
        rows = list(r)
        print(rows, r.line_num)
    except Exception as e:
        print(f'{type(e).__name__}: {e}')


def write(rows, **kw):
    out = io.StringIO()
    w = csv.writer(out, **kw)
    try:
        counts = [w.writerow(row) for row in rows]
        print(counts, repr(out.getvalue()))
    except Exception as e:
        print(f'{type(e).__name__}: {e}', repr(out.getvalue()))


read(['a,b,c\r\n', '1,"2,3",4\n', '\n', '"x""y",z\n'])
read(['a,"b\n', 'c",d\n'])
read(['a,"b'])
read(['a,"b'], strict=True)
read(['"a"b,c\n'])
read(['"a"b,c\n'], strict=True)
read(['a, b,  "c"\n'], skipinitialspace=True)
read(['a, "b"\n'])
read(['a\\,b,c\n', '"a\\"b",c\n', 'x\\\n', 'y,z\n'], escapechar='\\')
read(['1,"2",3.5,-4e3\n', ',x\n'.replace('x', '"x"')], quoting=csv.QUOTE_NONNUMERIC)
read(['1,"2",abc\n'], quoting=csv.QUOTE_NONNUMERIC)
read(['a,"b",c\n'], quoting=csv.QUOTE_NONE)
read([b'a,b'])
read([1])
read(['a\rb\n'])
read(['a,b\r', 'c,d'])
read(['', 'x', '"",""\n', ',\n', '""\n'])
read(['a,"b"   ,c\n', 'ab"c,d\n', '"a\r\nb",c\r\n'])
read(['a;b;"c;d"\n'], delimiter=';')
read(['a\tb\n'], dialect='excel-tab')
read(["'x,y',z\n"], quotechar="'")

write([['a', 'b,c', 'd"e', 'f\ng', 'h\ri', ' j', '', None, 1.5, 10, True, 1e20, -0.0]])
write([[''], [None], [], ['', ''], ('t', 'u'), 'xy'])
write([['aXb', 'c\nd']], lineterminator='X')
write([['a', None, 1, 1.0, True, '']], quoting=csv.QUOTE_NONNUMERIC)
write([['a', None, 1, '']], quoting=csv.QUOTE_ALL)
write([['a,b']], quoting=csv.QUOTE_NONE)
write([['']], quoting=csv.QUOTE_NONE)
write([['a,b', 'c"d', 'e\\f']], quoting=csv.QUOTE_NONE, escapechar='\\')
write([['c"d']], doublequote=False)
write([['c"d', 'e\\f', 'g,h']], doublequote=False, escapechar='\\')
write([['a\tb', 'c']], dialect='excel-tab')
write([['x y', 'z']], delimiter=' ')
write([['x,y', "o'k"]], quotechar="'")
write([['a,b']], quotechar=None)
write([5])
write([['a', 1]], dialect='unix')

print(csv.list_dialects(), csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
d = csv.get_dialect('excel')
print(type(d).__name__, type(d).__module__, d.delimiter, repr(d.lineterminator), d.quoting,
      d.escapechar, d.strict, d.doublequote, d.quotechar, d.skipinitialspace)
print(csv.excel.delimiter, repr(csv.unix_dialect.lineterminator), csv.unix_dialect.quoting,
      repr(csv.excel_tab.delimiter), issubclass(csv.excel_tab, csv.Dialect))
r = csv.reader(['a'])
print(type(r).__name__, type(r).__module__, type(r.dialect).__name__, r.line_num)
print(type(csv.writer(io.StringIO())).__name__, csv.Error.__module__, csv.Error.__mro__[1].__name__)
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
write([['a', 1]], dialect='pipes')
print(csv.get_dialect('pipes').delimiter, csv.list_dialects())
csv.unregister_dialect('pipes')


class Semi(csv.Dialect):
    delimiter = ';'
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL


write([['x;y', "o'k"]], dialect=Semi)
read(["'x;y';'o''k'\n"], dialect=Semi())
print(Semi()._valid, csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
read(['a' * 11 + ',b\n'])
csv.field_size_limit(131072)
for bad in [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1), dict(quotechar=''),
            dict(quoting=9), dict(lineterminator=1), dict(escapechar='ab'), dict(dialect='nope')]:
    try:
        csv.writer(io.StringIO(), **bad)
    except Exception as e:
        print(bad, f'{type(e).__name__}: {e}')
for action in (lambda: csv.get_dialect('nope'), lambda: csv.unregister_dialect('nope'),
               lambda: type('Empty', (csv.Dialect,), {})(), lambda: csv.writer(5)):
    try:
        action()
    except Exception as e:
        print(f'{type(e).__name__}: {e}')

f = io.StringIO('name,age\nbob,3\n\nal,4,extra\nzed\n')
dr = csv.DictReader(f)
print(dr.fieldnames, dr.line_num)
for row in dr:
    print(row, dr.line_num)
dr = csv.DictReader(io.StringIO('name,age\nbob,3,x,y\nzed\n'), restkey='more', restval='?')
print(list(dr))
dr = csv.DictReader(io.StringIO('1,2\n'), fieldnames=['a', 'b'])
print(dr.fieldnames, next(dr))
print(csv.DictReader(io.StringIO('')).fieldnames, list(csv.DictReader(io.StringIO(''))))
print(list(csv.DictReader(io.StringIO('a;b\n1;2\n'), delimiter=';')))

out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['a', 'b'], restval='-')
print(dw.writeheader(), dw.writerow({'a': 1}), dw.writerows([{'a': 2, 'b': 3}, {'b': 'x,y'}]))
print(repr(out.getvalue()))
try:
    dw.writerow({'a': 1, 'c': 2})
except ValueError as e:
    print('ValueError:', e)
try:
    csv.DictWriter(out, ['a'], extrasaction='x')
except ValueError as e:
    print('ValueError:', e)
print(csv.DictWriter(out, ['a'], extrasaction='ignore').writerow({'a': 1, 'z': 2}))

# A results file written and read back, as a downloader saves its report.
with open('report_fixture.csv', 'w', newline='') as fh:
    w = csv.DictWriter(fh, fieldnames=['url', 'status', 'bytes'])
    w.writeheader()
    w.writerow({'url': 'https://example.com/a', 'status': 200, 'bytes': 1234})
    w.writerow({'url': 'https://example.com/b?x=1,2', 'status': 404, 'bytes': 0})
with open('report_fixture.csv', newline='') as fh:
    print(repr(fh.read()))
with open('report_fixture.csv', newline='') as fh:
    for row in csv.DictReader(fh):
        print(row['url'], int(row['status']), row['bytes'])
with open('report_fixture.csv', newline='') as fh:
    print([len(row) for row in csv.reader(fh)])
os.remove('report_fixture.csv')
