# re: a backtracking engine with Python's semantics, Match/Pattern objects
# and reprs, substitution templates, and re.error messages.
import re

m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m, m.group(0), m.group(1), m.group(2), m.group(1, 2), m.groups(), m.span(2), m.start(1), m.end())
print(m[1], m.lastindex, m.re, m.string, m.pos, m.endpos)
m = re.search(r"(?P<first>\w+)\s(?P<last>\w+)", "  Malcolm Reynolds  ")
print(m, m.groupdict(), m.group("last"), m.span("first"), m.lastgroup)
print(re.match(r"a(b)?c", "ac").groups(), re.match(r"a(b)?c", "ac").groups("-"), re.match("x", "abc"))
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"), re.search(r"\d+$", "ab12\n"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)=(\d)", "a=1, b=2"), re.findall(r"(\d)x", "1x2x"))
print(re.findall(r"a*", "baaa"), re.findall(r"", "ab"), re.findall(r"\b\w", "hello big world"))
print([m.span() for m in re.finditer(r"o", "foo boo")])
print(re.sub(r"\d", "#", "a1b2c3"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home ann@work"),
      re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi you"), re.sub(r"x*", "-", "abxd"),
      re.sub(r"\s+", " ", "a  b \n c", count=1), re.sub(r"(\d+)", lambda m: str(int(m.group(1)) * 2), "3 apples, 10 pears"))
print(re.subn(r"o", "0", "foo boo"), re.sub(r"a", r"\n", "bab") == "b\nb", re.sub(r"(a)", r"\g<1>\g<0>", "ab"))
print(re.split(r"\s*,\s*", "a , b,c ,d"), re.split(r"(,)", "a,b"), re.split(r"\W+", "Words, words, words."),
      re.split(r"x*", "axbc"), re.split(r",", "a,b,c", maxsplit=1), re.split("[;:]", "a;b:c"))
print(re.escape("a.b*c?"), re.escape("1+1=2"), re.escape("path/to file"))
p = re.compile(r"[a-z]+", re.IGNORECASE)
print(p, p.pattern, p.flags, p.groups, p.match("Hello World").group(), p.findall("Hi THERE 42"))
print(re.compile(r"\d+\s", re.M | re.I | re.S | re.X | re.A), re.compile("a"), re.compile("(a)(?P<n>b)").groupindex)
print(re.findall(r"^\w+", "one\ntwo\nthree", re.M), re.findall(r"^\w+", "one\ntwo"), re.findall(r"\w+$", "a b\nc d", re.MULTILINE))
print(re.match(r".+", "ab\ncd").group(), re.match(r".+", "ab\ncd", re.DOTALL).group())
print(re.findall(r"""\d+  # digits
                     \.?  # optional dot""", "1. 22 3.", re.VERBOSE))
print(re.match(r"(?i)hello", "HeLLo").group(), re.findall(r"[^aeiou\s]+", "quick brown"), re.findall(r"[\d-]+", "a 1-2 b"))
print(re.findall(r"\w+", "héllo wörld 東京"), re.findall(r"\w+", "héllo wörld", re.ASCII), re.findall(r"\d", "٣3"))
print(re.findall(r"(\w)\1", "aabbcd"), re.match(r"(?P<q>['\"]).*?(?P=q)", "'hi' there").group())
print(re.findall(r"\w+(?=!)", "hi! yo? ok!"), re.findall(r"(?<=\$)\d+", "$10 and 20 and $30"),
      re.findall(r"\b(?!un)\w+", "undo redo unit it"), re.findall(r"(?<!-)\b\d+", "-1 2 -3 4"))
print(re.match(r"a{2,3}", "aaaa").group(), re.match(r"a{2,3}?", "aaaa").group(), re.match(r"a{2}", "aaa").group(),
      re.match(r"a{,2}", "aaa").group(), re.match(r"x{2,}", "xxxxx").group(), re.match(r"a{x", "a{x").group())
print(re.match(r"<.*>", "<a><b>").group(), re.match(r"<.*?>", "<a><b>").group(), re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.match(r"(a|)*", "aa").groups(), re.match(r"(a*)*", "b").span(), re.match(r"(a*)+", "b").groups())
print(re.search(r"\Aab\Z", "ab"), re.search(r"\Bb", "ab"), re.search(r"colou?r", "The color red").group())
print(bool(re.match("a", "a")), re.match(r"\x41\u0042\n", "AB\n").group() == "AB\n", re.findall(r"[\]\-a]", "a-]b"))
url = re.compile(r"^(?P<scheme>https?)://(?P<host>[^/:]+)(?::(?P<port>\d+))?(?P<path>/.*)?$")
for u in ["http://example.com/a/b", "https://host:8080", "ftp://x"]:
    m = url.match(u)
    print(u, m.groupdict() if m else None)
# A pathological pattern finishes (here quickly enough to print).
print(re.match(r"(a+)+b", "a" * 18 + "c"))
for bad in ["(abc", "abc)", "[abc", "a**", "*a", "a{3,2}", r"\q", "(?P<1>a)", r"(a)\2", "(?<=a+)b",
            "(?z)", r"\u12", "a|*"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "error:", e, "|", e.msg, e.pos)
for bad in [lambda: re.sub("(a)", r"\2", "a"), lambda: re.sub("a", "\\", "a"), lambda: re.sub("(a)", r"\g<x>", "a")]:
    try:
        bad()
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.match("a", 5)
except TypeError as e:
    print("TypeError:", e)
try:
    re.match("(a)", "a").group(3)
except IndexError as e:
    print("IndexError:", e)
