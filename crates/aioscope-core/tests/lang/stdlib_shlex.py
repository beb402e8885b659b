# shlex: split in POSIX and classic modes (quotes, escapes, comments),
# quote and join for building command lines, and the lexer's options.
import shlex

for line in ['ls -l "my file.txt"', "echo 'it''s' \"a\\\"b\" c\\ d", 'a "" b',
             "x='1 2' y", 'a#b # c\nd', 'foo;bar&&baz|qux>out 2>&1',
             'a "b\\c" \'d\\e\'', 'é ü "ß x"', 'cmd --opt=val -x=1,2 ./path/*.py ~/x',
             'a\\\nb', '"a\\\\b" "a\\$b"', 'a"b c"d', '   ', '']:
    print(repr(line))
    print('  ', shlex.split(line))
    print('  ', shlex.split(line, comments=True))
    print('  ', shlex.split(line, posix=False))
for bad in ['a "b', "a 'b", 'a\\', '"end\\']:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError:', e)

for s in ['', 'abc', 'a b', "it's", 'x@y%z+=:,./-', 'é', '$HOME', 'a\nb', '*.py', "--name='x'"]:
    print(repr(s), shlex.quote(s))
cmd = ['python3', '-c', "print('hi there')", 'a b', '']
line = shlex.join(cmd)
print(line)
print(shlex.split(line) == cmd)

lex = shlex.shlex('a = b + "c d"; e # f\ng')
print(lex.posix, repr(lex.eof), lex.wordchars, repr(lex.whitespace), lex.quotes, lex.commenters)
print(list(lex), lex.lineno)
lex = shlex.shlex('a=b "c d" x\\ y', posix=True)
print(repr(lex.eof), list(lex))
lex = shlex.shlex('a && b || (c; d) > out', punctuation_chars=True)
print(lex.punctuation_chars, lex.wordchars, list(lex))
lex = shlex.shlex('ls *.py|wc -l;echo done', posix=True, punctuation_chars=True)
lex.whitespace_split = True
print(list(lex))
lex = shlex.shlex('one two three')
print(lex.get_token(), lex.get_token())
lex.push_token('again')
print(lex.get_token(), lex.get_token(), repr(lex.get_token()), lex.error_leader(), lex.error_leader('f.txt', 9))
print(shlex.__all__)
