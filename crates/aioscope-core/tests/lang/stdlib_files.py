# open(), os and pathlib on the run's file system: files written, appended,
# read back, listed, renamed and removed, with CPython's errors and reprs.
import os
from pathlib import Path

with open('notes.txt', 'w') as f:
    print(f)
    print(f.write('hello\n'), f.write('world\n'))
with open('notes.txt') as f:
    print(f.read().splitlines())
with open('notes.txt', 'a') as f:
    f.write('more\n')
with open('notes.txt') as f:
    for i, line in enumerate(f, 1):
        print(i, repr(line))
print(os.path.exists('notes.txt'), os.path.getsize('notes.txt'), os.path.isdir('notes.txt'))
try:
    open('missing.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
os.makedirs('out/sub', exist_ok=True)
print(sorted(os.listdir('out')))
try:
    os.mkdir('out')
except FileExistsError as e:
    print(e)
d = Path('out') / 'sub'
p = d / 'data.bin'
print(repr(p), p.name, p.stem, p.suffix, repr(p.parent), p.exists())
print(p.write_bytes(b'\x00\x01\x02'), p.read_bytes(), p.exists(), p.is_file(), d.is_dir())
with open(p, 'rb') as f:
    print(f, f.read(2), f.tell())
Path('out/a.txt').write_text('A')
Path('out/b.gif').write_bytes(b'GIF89a')
print(sorted(x.name for x in Path('out').iterdir()))
print(sorted(str(x) for x in Path('out').glob('*.txt')), sorted(str(x) for x in Path('.').rglob('*.bin')))
print(Path('out/a.txt').read_text(), Path('out/a.txt').stat().st_size)
Path('out/a.txt').rename('out/c.txt')
print(sorted(os.listdir('out')))
os.remove('out/c.txt')
Path('out/b.gif').unlink()
try:
    Path('out/b.gif').unlink()
except FileNotFoundError as e:
    print(e)
Path('out/b.gif').unlink(missing_ok=True)
try:
    os.rmdir('out')
except OSError as e:
    print(type(e).__name__, e)
with open('x.bin', 'xb') as f:
    f.write(b'abc')
try:
    open('x.bin', 'x')
except FileExistsError as e:
    print(e)
try:
    open('out')
except IsADirectoryError as e:
    print(e)
try:
    open('nodir/file.txt', 'w')
except FileNotFoundError as e:
    print(e)
try:
    os.rename('nope', 'other')
except FileNotFoundError as e:
    print(e)
with open('x.bin', 'r+b') as f:
    print(f)
    f.seek(1)
    f.write(b'Z')
print(open('x.bin', 'rb').read())
try:
    open('x.bin', 'rw')
except ValueError as e:
    print(e)
with open('t.txt', 'w') as f:
    try:
        f.read()
    except Exception as e:
        print(type(e).__name__, e)
    f.writelines(['a\n', 'b\n'])
print(open('t.txt').readlines())
print(Path('a/b/../c.tar.gz').suffixes, Path('/x/y').parts, Path('a') == Path('a/'), Path('a/b').relative_to('a'))
print(Path('x.py').with_suffix('.txt'), Path('dir/x.py').with_name('y.py'), Path('a', 'b', 'c'), list(Path('a/b/c').parents))
print(os.path.join(Path('a'), 'b'), os.fspath(Path('q')), Path('out').absolute().is_absolute())
print(sorted(n for n in os.listdir('.') if n != os.path.basename(__file__)), os.path.isfile(__file__))
for root, dirs, files in os.walk('out'):
    print(root, dirs, files)
