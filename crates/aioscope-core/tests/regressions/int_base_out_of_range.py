# int(s, base) with a base outside 2..36 (and not 0) used to reach
# i64::from_str_radix, which panics on such a radix (found by the fuzzer).
for base in [37, -1, 1, 100, -9223372036854775807 - 1, 0, 2, 36]:
    try:
        print(base, int("10", base))
    except Exception as e:
        print(base, type(e).__name__ + ":", e)
