# fnmatch's wildcards and translate(), and glob over files the program
# makes (recursive '**', hidden files, root_dir, escape); results sorted,
# since directories list in their own order.
import fnmatch
import glob
import os

for pat in ['*.py', 'a*b*c', '[!a-c]?x[]', '[a-', '**', '?', '[]]', '[!]]', 'a[b-a]c', '[z-a]',
            '*[0-9]', 'x[!.]*', '[-a]', '[a-]', 'a**b', '[^x]', '[[]', '[a-c-e]', 'data_??.csv']:
    names = ['a.py', 'abc', 'abbc', 'dzx]', 'x', 'bx', '-', 'a', 'z', '5', 'x.y', 'xa', '^', '[',
             ']', 'e', 'd', '', 'ab', 'aXbYc', 'acb', 'data_01.csv', 'data_1.csv']
    print(repr(pat), fnmatch.translate(pat), [n for n in names if fnmatch.fnmatchcase(n, pat)])
print(fnmatch.filter(['a.txt', 'B.TXT', 'c.py'], '*.txt'), fnmatch.fnmatch('A.TXT', '*.txt'))

top = 'glob_fixture'
for path in ['a.txt', 'b.py', '.hidden.txt', 'sub/c.txt', 'sub/deep/d.py', 'sub/.h/e.txt',
             'x[1].txt', 'other/f.txt']:
    full = os.path.join(top, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w') as f:
        f.write(path)
for pat in ['*.txt', '*', '**', '**/*.py', 'sub/*', 'sub/**', '*/*.txt', '.*', 'x[[]1].txt',
            'sub', 'sub/', 'nope/*', '*/deep/*', '**/*.txt', 'sub/**/*.txt']:
    print(repr(pat), sorted(glob.glob(os.path.join(top, pat))),
          sorted(glob.glob(pat, root_dir=top, recursive=True)),
          sorted(glob.glob(pat, root_dir=top, recursive=True, include_hidden=True)))
print(sorted(glob.iglob(top + '/**/*.py', recursive=True)), glob.escape('a*[b]?'),
      glob.has_magic('a['), glob.has_magic('plain'), sorted(glob.__all__))
for folder, dirs, files in os.walk(top, topdown=False):
    for name in files:
        os.remove(os.path.join(folder, name))
    os.rmdir(folder)
print(os.path.exists(top))
