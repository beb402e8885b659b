print("a.b.c".rpartition("."), "abc".rpartition("x"), "a.b".partition("."))
print("TestCase".removeprefix("Test"), "file.py".removesuffix(".py"), "x".removesuffix(""), "abc".removeprefix("z"))
print("Hello World".swapcase(), "Straße".casefold(), "ΣΑΣ".casefold())
print(repr("a\tbc\td\n\tx".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\tc".expandtabs(tabsize=2)))
print("Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "".istitle(), "A1 B2".istitle())
print("123".isdecimal(), "١٢٣".isdecimal(), "½".isdecimal(), "½".isnumeric(), "²".isnumeric(), "x1".isnumeric())
print("abc".isprintable(), "a\nb".isprintable(), "".isprintable(), "tab\t".isprintable())
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()), "abcdd".translate(table))
print("hello".translate({ord("l"): None, ord("h"): "J"}), "hello".translate(str.maketrans({"e": "3", "o": "0"})))
print("tr".translate({}), "a-b_c".translate(str.maketrans("-_", "  ")))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)
try:
    "x".rpartition("")
except ValueError as e:
    print(e)
print("a b  c".rsplit(None, 1), "a b  c".rsplit(maxsplit=1), "  a b c  ".rsplit(None, 1), "  a b  ".rsplit(None, 0), "".rsplit(None, 1), "a,b,c".rsplit(",", 1), "a,b,c".rsplit(sep=",", maxsplit=1))
