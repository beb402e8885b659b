# len() of a range longer than 2**63 - 1 values, and indexing one whose
# step times the index overflows 64 bits (found with the fuzz target,
# fuzz/). CPython raises OverflowError for the len and computes the items.
lo = -9223372036854775807 - 1
hi = 9223372036854775807
try:
    print(len(range(lo, hi)))
except Exception as e:
    print(type(e).__name__ + ":", e)
print(len(range(lo, hi, 3)))
print(range(lo, hi, 3)[-1])
print(range(lo, hi, 3)[3074457345618258601])
print(range(hi, lo, -3)[-1])
print(range(lo, hi)[-1])
