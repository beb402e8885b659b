# tempfile: named files, spooled files and directories in the temporary
# directory, removed when closed or cleaned up. Their names are random in
# CPython, so only their shape is printed.
import os
import tempfile


def shape(path, prefix='tmp', suffix=''):
    folder, name = os.path.split(path)
    middle = name[len(prefix):len(name) - len(suffix)]
    return (folder == tempfile.gettempdir(), name.startswith(prefix), name.endswith(suffix),
            len(middle), all(c in 'abcdefghijklmnopqrstuvwxyz0123456789_' for c in middle))


print(tempfile.gettempdir(), tempfile.gettempprefix(), tempfile.gettempprefixb(),
      tempfile.gettempdirb(), tempfile.template, tempfile.TMP_MAX, tempfile.tempdir)

f = tempfile.NamedTemporaryFile()
print(type(f).__name__, f.mode, f.delete, shape(f.name), os.path.exists(f.name))
print(f.write(b'hello\n'), f.write(b'world\n'), f.tell(), f.seek(0), f.read(), f.closed)
f.close()
print(f.closed, os.path.exists(f.name))

with tempfile.NamedTemporaryFile('w+', suffix='.csv', prefix='report_') as t:
    print(shape(t.name, 'report_', '.csv'), t.mode)
    t.write('a,b\n1,2\n')
    t.seek(0)
    print([line for line in t])
    with open(t.name) as again:
        print(repr(again.read()))
print(os.path.exists(t.name))

kept = tempfile.NamedTemporaryFile('w', delete=False, dir='.', prefix='keep')
kept.write('kept')
kept.close()
print(shape(os.path.abspath(kept.name), 'keep')[1:], os.path.dirname(kept.name) == '.',
      open(kept.name).read())
os.remove(kept.name)

with tempfile.TemporaryFile('w+') as tf:
    tf.write('scratch')
    tf.seek(0)
    print(tf.read())

s = tempfile.SpooledTemporaryFile(max_size=10)
print(type(s).__name__, s._rolled, s.name, s.mode)
s.write(b'12345')
print(s._rolled, s.tell())
s.write(b'678901')
print(s._rolled, s.tell(), s.seek(0), s.read())
s.close()
print(s.closed)
with tempfile.SpooledTemporaryFile(mode='w+') as st:
    st.write('text stays in memory')
    st.seek(5)
    print(st._rolled, st.read(), st.name)

d = tempfile.TemporaryDirectory()
print(repr(d).startswith("<TemporaryDirectory '"), shape(d.name), os.path.isdir(d.name))
os.makedirs(os.path.join(d.name, 'sub', 'deeper'))
with open(os.path.join(d.name, 'sub', 'deeper', 'x.txt'), 'w') as fh:
    fh.write('x')
with open(os.path.join(d.name, 'top.txt'), 'w') as fh:
    fh.write('y')
print(sorted(os.listdir(d.name)))
d.cleanup()
print(os.path.exists(d.name))
d.cleanup()

with tempfile.TemporaryDirectory(prefix='work-', suffix='.d') as path:
    print(shape(path, 'work-', '.d'), os.path.isdir(path))
    inner = tempfile.mkdtemp(dir=path)
    print(os.path.dirname(inner) == path, shape(inner)[1:])
print(os.path.exists(path))

made = tempfile.mkdtemp(suffix='_x')
print(shape(made, 'tmp', '_x'), os.path.isdir(made))
os.rmdir(made)
name = tempfile.mktemp(suffix='.tmp')
print(shape(name, 'tmp', '.tmp'), os.path.exists(name))
print(sorted(tempfile.__all__))

# The modes binary files report (FileIO's names), as temporary files show.
scratch = os.path.join(tempfile.mkdtemp(), 'modes.bin')
for mode in ('wb', 'w+b', 'r+b', 'rb', 'ab', 'a+b', 'rb+', 'bw+'):
    with open(scratch, mode) as fh:
        print(mode, fh.mode, end='; ')
os.remove(scratch)
for mode in ('xb', 'x+b'):
    with open(scratch, mode) as fh:
        print(mode, fh.mode, end='; ')
    os.remove(scratch)
os.rmdir(os.path.dirname(scratch))
print()
