# enumerate() counting from the largest 64-bit int: computing the count
# after the first item overflowed and panicked (found with the fuzz
# target, fuzz/). The count goes on past 64 bits, and may start there.
hi = 9223372036854775807
e = enumerate("ab", hi)
print(next(e))
print(list(enumerate("xyz", hi - 2)))
print(list(enumerate("", hi)))
for i, c in enumerate("q", -9223372036854775807 - 1):
    print(i, c)
print(list(enumerate("abc", hi)))
print(list(enumerate("ab", 2 ** 100)), list(enumerate("ab", start=True)))
