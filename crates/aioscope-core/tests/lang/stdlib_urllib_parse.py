# urllib.parse as a crawler uses it: split, join, quote and query strings.
import urllib.parse
from urllib.parse import (urljoin, urlparse, urlsplit, urlunparse, urldefrag,
                          quote, quote_plus, unquote, unquote_plus, urlencode,
                          parse_qs, parse_qsl)

u = urlparse("https://user:secret@Example.COM:8443/docs/a;v=1/page.html?q=async+io&n=2#intro")
print(u)
print(u.scheme, u.netloc, u.path, u.params, u.query, u.fragment)
print(u.hostname, u.port, u.username, u.password, u.geturl())
print(u._replace(fragment="").geturl(), tuple(u)[:2], len(u))
s = urlsplit("http://[::1]:8080/x?y#z")
print(s, s.hostname, s.port)
print(urlsplit("//cdn.example.org/lib.js"), urlsplit("mailto:me@example.org"))
print(urlparse("www.example.com/path"), urlparse("/path", scheme="https"))
print(urlparse("  http://x.org/a\tb\n").geturl())

base = "http://example.com/blog/2023/post.html?page=1#top"
for ref in ["../about", "/contact", "img/a.png", "?page=2", "#comments",
            "//other.org/x", "https://secure.example.com/", "./", "../../..",
            "", "mailto:x@y.z", "javascript:void(0)"]:
    print(repr(ref), "->", urljoin(base, ref))
print(urljoin("http://a/b/c/d;p?q", "g;x?y#s"), urljoin("http://a/b/c/d;p?q", "../../../g"))
print(urldefrag("http://x.org/p?q#frag"), urldefrag("http://x.org/p").url)
print(urlunparse(("https", "h.org", "/p", "", "a=1", "f")), urlunparse(("", "", "rel", "", "", "")))

print(quote("/path with spaces/ü"), quote("a&b=c", safe=""), quote(b"\x00\xff"))
print(quote_plus("async io & more/x"), quote_plus("x/y", safe="/"))
print(unquote("%E4%BD%A0%E5%A5%BD%20world%zz"), unquote_plus("a+b%2Bc"))
print(urlencode({"q": "python asyncio", "page": 2, "lang": "中文"}))
print(urlencode([("tag", ["a", "b"]), ("x", 1)], doseq=True), urlencode([("tag", ["a", "b"])]))
print(parse_qs("a=1&b=2&a=3&empty=&flag"), parse_qsl("a=1&b=&c", keep_blank_values=True))
print(parse_qsl("x+y=%20z;k=v", separator=";"))

for bad in ["http://x.org:abc/", "http://x.org:99999/"]:
    try:
        urlparse(bad).port
    except ValueError as e:
        print("ValueError:", e)
try:
    urlsplit("http://[::1/")
except ValueError as e:
    print("ValueError:", e)
try:
    urlencode("text")
except TypeError as e:
    print("TypeError:", e)
try:
    parse_qsl("a", strict_parsing=True)
except ValueError as e:
    print("ValueError:", e)
print(type(u).__name__, type(s).__name__, isinstance(u, tuple), urllib.parse.uses_netloc[:3])
