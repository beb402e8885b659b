# str.splitlines splits at every line boundary Python knows, keepends keeps them.
text = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x85eight\u2028nine\u2029ten\n\nlast"
print(text.splitlines())
print(text.splitlines(True))
print(text.splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "a\n".splitlines(keepends=True), "\r\n\r".splitlines(True))
print("no breaks".splitlines(False))
