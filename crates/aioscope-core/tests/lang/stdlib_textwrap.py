# textwrap: wrap, fill, shorten, dedent, indent as CPython lays them out.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. A well-known pangram, "
        "often used for type-setting and long-term font tests; it has every letter.")
for width in [10, 20, 35, 70]:
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", 12))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", 12, break_on_hyphens=False))
print(textwrap.wrap("tabs\tand\nnewlines   and  spaces", 12))
print(textwrap.wrap("   leading and trailing   ", 10), textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.wrap("keep   the   spaces", 8, drop_whitespace=False))
print(textwrap.wrap(text, 25, max_lines=2), textwrap.wrap(text, 25, max_lines=3, placeholder="..."))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world!", width=11),
      textwrap.shorten(text, 40), textwrap.shorten(text, 40, placeholder=" (more)"))
print(textwrap.wrap("em--dash and x--y words", 8))
print(repr(textwrap.dedent("""
    def f():
        return 1

    print(f())
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   x\n  \n   y")), repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\nb", "+ ", lambda line: True)))
w = textwrap.TextWrapper(width=15, initial_indent="- ")
print(w.wrap("one two three four five six seven"), w.fill("short"))
for bad in [lambda: textwrap.wrap("x", 0), lambda: textwrap.wrap("x y", 3, max_lines=1, placeholder=" [...]")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
