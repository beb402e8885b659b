s = 'Hello, World'
print(s.lower(), s.upper(), s.replace('l', 'L'), s.split(', '), len(s), s[0], s[-1], s[2:5], s[::-1])
print('a b  c'.split(), 'x,y,,z'.split(','), '-'.join(['a', 'b', 'c']), '  pad  '.strip(), 'abc'.startswith('ab'))
print(repr('it\'s'), repr("say \"hi\""), repr('tab\there'), repr('\b\x00é'), 'ab' * 3, 'abc' in 'xabcx')
print('{} and {}'.format(1, 'two'), '{0}{1}{0}'.format('a', 'b'), '{cc}/{cc}.gif'.format(cc='br'), '{:.2f}'.format(3.14159))
print('{:>8}|{:<6}|{:^7}|'.format('r', 'l', 'c'), '{:05d}'.format(42), '{:,}'.format(1234567), '{!r}'.format('q'))
name = 'asyncio'
n = 3
print(f'{name} has {n} tasks', f'{n * 2}', f'{name!r}', f'{3.14159:.3f}', f'{n:>4}', f'{{literal}}')
print('%s is %d years and %.1f%%' % ('Bob', 30, 99.5), '%r' % 'x', '%5s|' % 'ab', '%-5d|' % 7, 'w%d' % 3)
print('CN IN US'.split(), 'abc'.encode(), b'GIF89a' + b'CN', len(b'abc'), b'ab'[0], 'Zz'.find('z'), 'aXbX'.count('X'))
print(str(None), str(True), repr([1, 'a', None]), repr((1,)), repr({'k': [1, 2]}), repr(set()), repr({1}))
print('abc' < 'abd', 'B' < 'a', sorted(['b', 'C', 'a']), 'x'.join('abc'), 'title case'.title(), '42'.zfill(5))
