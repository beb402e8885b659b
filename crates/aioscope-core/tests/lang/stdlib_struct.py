# struct: packing and unpacking in every byte order, native alignment,
# the float formats' rounding, Struct objects, and CPython's errors (whose
# wording depends on the format and the byte order). The simulator has no
# bytearray yet, so pack_into is only seen refusing bytes.
import struct

print(struct.pack('>I', 1), struct.pack('<I', 1), struct.pack('!H', 0xABCD), struct.pack('=h', -2))
print(struct.pack('>bBhHiIqQ', -1, 255, -300, 65535, -70000, 2**32 - 1, -2**63, 2**64 - 1))
print(struct.unpack('>bBhHiIqQ', struct.pack('>bBhHiIqQ', -1, 255, -300, 65535, -70000, 2**32 - 1, -2**63, 2**64 - 1)))
print(struct.pack('<lL', -5, 7), struct.pack('lL', -5, 7), struct.pack('nNP', -1, 2, 3))
print(struct.pack('?', []), struct.pack('??', 'x', 0), struct.unpack('??', b'\x00\x07'), struct.pack('>i', True))
print(struct.pack('c3s5p0s', b'Z', b'abcdef', b'xy', b'gone'))
print(struct.unpack('c3s5p', b'Zabcxy\x00\x00\x00'), struct.unpack('>3p', b'\x09ab'), struct.pack('1p', b'ab'))
print(struct.pack('>2xH3x', 1), struct.unpack('2xH', b'\x00\x00\x01\x00'), struct.pack('> I  h ', 1, 2))
print(struct.pack('2c', b'a', b'b'), struct.pack('3h', 1, 2, 3), struct.unpack('<3h', b'\x01\x00\x02\x00\x03\x00'))

for fmt in ('i', 'bi', '<bi', '@bq', 'ci?hlqnNPefd', '0i', 'bi0q', '@ci', '@cq', '@hd', '@ce', '@i3s', '3s i', '>qh', '20s', 'x'):
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack('@ci', b'a', 1), struct.pack('@bd', 1, 1.0), struct.pack('@hq', 1, 2))

for fmt in ('>d', '<d', '>f', '<f', '>e', '<e', 'f', 'e', 'd'):
    for x in (0.1, -2.5, 1.0, -0.0, 3.4028235e38, 65504.0, 1e-8, 5.96e-8, 1 / 3):
        try:
            data = struct.pack(fmt, x)
        except OverflowError as e:
            print(fmt, x, e)
        else:
            print(fmt, x, data, struct.unpack(fmt, data)[0])
print(struct.pack('f', 1e300), struct.pack('f', -1e300), struct.pack('>f', float('inf')), struct.pack('<e', float('-inf')))
print(struct.pack('f', float('nan')), struct.pack('>d', float('nan')), struct.pack('>e', float('nan')))
print(struct.unpack('>e', b'\x7c\x00'), struct.unpack('>e', b'\x7c\x01'), struct.unpack('>f', b'\x00\x00\x00\x01'))
print(struct.pack('>e', 65519.99), struct.pack('>d', 3), struct.pack('<f', 2**24 + 1))


class Index:
    def __index__(self):
        return 7


class Real:
    def __float__(self):
        return 0.5


print(struct.pack('>i', Index()), struct.pack('>d', Index()), struct.pack('>d', Real()))

s = struct.Struct('>HI4s')
print(s.format, s.size, s.pack(1, 2, b'xy'), s.unpack(b'\x00\x01\x00\x00\x00\x02xy\x00\x00'))
print(type(s).__name__, type(s).__module__, struct.Struct(b'<i').format, struct.error, struct.error.__mro__[1])
s2 = struct.Struct('<ih')
print(s2.unpack_from(b'\x00' * 10, offset=2), s2.unpack_from(b'\x01\x00\x00\x00\x02\x00\x09', 0))
print(list(s2.iter_unpack(b'\x01\x00\x00\x00\x02\x00' * 2)), struct.unpack_from('>H', b'abcd', -2))
it = struct.iter_unpack('>H', b'abcd')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(sorted(struct.__all__))

# A length-prefixed frame, as stream protocols write and read them.
payload = 'héllo'.encode()
frame = struct.pack('>I', len(payload)) + payload
(length,) = struct.unpack('>I', frame[:4])
print(frame, length, frame[4:4 + length].decode())


def attempt(func, *args):
    try:
        print('   ', func(*args))
    except Exception as e:
        print(f'{type(e).__name__}: {e}')


for prefix in ('', '<', '>', '=', '!'):
    for code in 'bBhHiIlLqQ':
        size = struct.calcsize(prefix + code)
        for value in (2 ** (8 * size - 1), 2 ** (8 * size), -1, -2 ** (8 * size - 1) - 1, 2 ** 70):
            try:
                struct.pack(prefix + code, value)
            except struct.error as e:
                print(prefix + code, value, e)
for prefix in ('', '<', '>'):
    for code in 'fe':
        for value in (1e300, 65520.0, 3.4028236e38):
            attempt(struct.pack, prefix + code, value)
attempt(struct.pack, 'i', 'x')
attempt(struct.pack, 'i', 1.5)
attempt(struct.pack, 'i', None)
attempt(struct.pack, 'd', 'x')
attempt(struct.pack, 'd', None)
attempt(struct.pack, '>II', 1)
attempt(struct.pack, '>I', 1, 2)
attempt(struct.pack, '<', 1)
attempt(struct.pack, 'z', 1)
attempt(struct.pack, '3', 1)
attempt(struct.pack, '3 i', 1)
attempt(struct.pack, ' >i', 1)
attempt(struct.pack, '>n', 1)
attempt(struct.calcsize, '>P')
attempt(struct.calcsize, 5)
attempt(struct.pack, '4s', 'abc')
attempt(struct.pack, 'p', 1)
attempt(struct.pack, 'c', b'ab')
attempt(struct.pack, 'c', 'a')
attempt(struct.unpack, '>I', b'\x00')
attempt(struct.unpack, '>I', b'12345')
attempt(struct.unpack, 'i', 'abcd')
attempt(struct.unpack, '>I', 5)
attempt(struct.unpack_from, '>I', b'\x00\x00\x00\x01\x02', 2)
attempt(struct.unpack_from, '>I', b'abcdef', -1)
attempt(struct.unpack_from, '>I', b'abcdef', -10)
attempt(struct.iter_unpack, '>H', b'abc')
attempt(struct.iter_unpack, '', b'')
attempt(struct.pack_into, '>I', bytes(6), 0, 1)
attempt(struct.pack)
attempt(s.pack, 1, 2)
attempt(s.unpack, b'12')
