d = {'b': 2, 'a': 1}
d['c'] = 3
del d['b']
print(d, len(d), sorted(d), list(d.items()), list(d.values()), d.setdefault('z', 26), d)
print({**d, 'q': 0}, dict(a=1, b=2), dict([('x', 1)]), {1: 'one'}.get(2, 'none'))
s = {3, 1, 2}
s.add(4)
s.discard(1)
print(sorted(s), 2 in s, {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, len(set('hello')))
lst = [5, 3, 8]
lst.append(1)
lst.extend([9, 0])
lst.insert(0, 7)
lst.remove(8)
print(lst, lst.pop(), lst.pop(0), lst.index(3), lst.count(5), lst[1:3], lst[::-1], lst * 2)
lst.sort()
print(lst, sorted([(2, 'b'), (1, 'z'), (2, 'a')]), min([], default='empty'), max('abc'))
t = (1, 2, 3)
print(t + (4,), t[1:], t * 2, t.index(2), (1,) < (1, 2), [1, 2] == [1, 2], (1, 2) == [1, 2])
nested = [[1, 2], [3]]
print([x for row in nested for x in row], list(zip(*nested)), list(reversed([1, 2, 3])))
try:
    {}[['unhashable']] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    [1, 2][5]
except IndexError as e:
    print('IndexError:', e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
print(bytes([65, 66]), b'abc'.decode(), 'é'.encode(), list(b'hi'), str(b'x'), b'x' == b'x')
