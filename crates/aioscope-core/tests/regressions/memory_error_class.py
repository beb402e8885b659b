# The VM raises MemoryError where a result would be too large (repetition,
# islice), but MemoryError was no class of its own: the errors showed as
# plain Exception and `except MemoryError` was a NameError. Found while
# writing the fixtures of the fuzz target's crashes (fuzz/).
for make in [
    lambda: "x" * 2**62,
    lambda: [0] * 2**62,
    lambda: [0, 1] * 2**61,
    lambda: (1,) * 2**62,
    lambda: b"x" * 2**62,
]:
    try:
        make()
        print("made")
    except MemoryError as e:
        print(type(e).__name__, isinstance(e, Exception), issubclass(MemoryError, Exception))
print(MemoryError.__mro__)
print(repr(MemoryError("x")))
