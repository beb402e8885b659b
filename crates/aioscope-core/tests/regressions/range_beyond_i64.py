# A range from near the smallest to near the largest 64-bit int holds more
# than 2**63 - 1 values: its length (stop - start) and a negative step's
# negation overflowed 64 bits and panicked in bool(), `in`, iteration and
# ==. Found with the fuzz target (fuzz/) on edge-case inputs.
lo = -9223372036854775807 - 1
hi = 9223372036854775807
big = range(lo, hi)
print(bool(big))
print(hi - 1 in big, lo in big, hi in big, True in big)
for x in big:
    print(x)
    break
down = range(hi, lo, lo)
print(list(down), bool(down))
print(-1 in down, hi in down, lo in down)
print(len(range(0, -1, lo)), list(range(0, -1, lo)))
print(big == range(lo, hi - 1), big == range(lo, hi))
print(range(lo, hi, 2) == range(lo, hi - 1, 2))
