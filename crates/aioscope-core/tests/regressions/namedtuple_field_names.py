# Found by hand (issue 12): a non-str field name crashed the VM with an
# index out of bounds when the instance's attribute was read.
from collections import namedtuple

cases = [
    [1, 'a'],
    ['def', 'b'],
    ['_x', 'y'],
    ['a', 'a'],
    'x, y',
    ['ok', 'a-b'],
]
for fields in cases:
    try:
        P = namedtuple('P', fields)
        print('fields', P._fields)
    except Exception as e:
        print(type(e).__name__ + ':', e)

try:
    namedtuple('class', 'a')
except ValueError as e:
    print(e)

R = namedtuple('R', ['a', 'def', '_c', 'a'], rename=True)
print(R._fields)

D = namedtuple('D', 'x y z', defaults=[2, 3])
print(D(1), D(1, 5), D._field_defaults)
try:
    namedtuple('E', 'x', defaults=[1, 2])
except TypeError as e:
    print(e)
