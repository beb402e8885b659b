# str.center/ljust/rjust/zfill with a huge width allocated the padded
# string up front: a width near 2**62 aborted the process with a failed
# allocation (found with the fuzz target, fuzz/). CPython raises
# MemoryError. The fix belongs in vm/methods.rs (pad, str_zfill).
for name in ["center", "ljust", "rjust", "zfill"]:
    for w in [2**40, 2**62, 9223372036854775807]:
        try:
            getattr("x", name)(w)
            print(name, w, "ok")
        except MemoryError as e:
            print(name, w, type(e).__name__)
print("x".center(5, "*"), "x".zfill(3), "-7".zfill(4))
