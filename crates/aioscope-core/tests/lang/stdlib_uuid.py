# uuid: name-based UUIDs (the same everywhere), parsing in every form,
# fields, ordering and errors; uuid1/uuid4 only by their shape.
import uuid

a = uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
b = uuid.uuid3(uuid.NAMESPACE_URL, 'https://example.com/a')
print(a, repr(b), a.version, b.version, a.variant)
print(a.hex, a.int, a.urn)
print(a.bytes, a.bytes_le)
print(a.fields, a.time_low, a.time_mid, a.time_hi_version, a.clock_seq_hi_variant, a.clock_seq_low, a.node)
print(a.time, a.clock_seq)
for form in ('{12345678-1234-5678-1234-567812345678}', 'urn:uuid:12345678123456781234567812345678',
             '12345678-1234-5678-1234-567812345678'):
    u = uuid.UUID(form)
    print(u, u.version, u.variant)
c = uuid.UUID(bytes=bytes(range(16)))
print(c, uuid.UUID(bytes_le=c.bytes_le) == c, uuid.UUID(int=c.int) == c, uuid.UUID(fields=c.fields) == c)
print(uuid.UUID(int=1, version=4), uuid.UUID(int=0).variant, uuid.UUID(int=(7 << 125)).variant)
print(sorted([a, b, c]) == sorted([c, b, a]), a == uuid.UUID(str(a)), a != b, len({a, uuid.UUID(a.hex)}), int(c))
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.uuid5(uuid.NAMESPACE_OID, '1.2.3'), uuid.uuid3(uuid.NAMESPACE_X500, 'cn=x'))
try:
    uuid.uuid5(uuid.NAMESPACE_OID, b'1.2.3')
except TypeError as e:
    print(e)
for bad in [dict(hex='123'), dict(bytes=b'x'), dict(bytes_le=b'y' * 3), dict(int=-1), dict(fields=(1, 2)),
            dict(fields=(1 << 32, 0, 0, 0, 0, 0)), dict(fields=(0, 0, 0, 256, 0, 0)), dict(int=1, version=6), {}, dict(hex='0' * 32, int=1)]:
    try:
        uuid.UUID(**bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a.int = 3
except TypeError as e:
    print(e)
r = uuid.uuid4()
print(type(r).__name__, r.version, r.variant, len(str(r)), len(r.hex))
t = uuid.uuid1()
print(t.version, t.variant, uuid.uuid1() != t, isinstance(uuid.getnode(), int))
print(uuid.SafeUUID.unknown, a.is_safe)
