# int() of bytes, as stream protocols read length prefixes: ASCII digits
# with int()'s rules for str, errors quoting the bytes.
print(int(b'0004'), int(b' -12_3 '), int(b'ff', 16), int(b'0x10', 0))
for bad in (b'1.5', b'', b'zz'):
    try: int(bad)
    except ValueError as e: print(e)
try: int(b'12', 1)
except ValueError as e: print(e)
