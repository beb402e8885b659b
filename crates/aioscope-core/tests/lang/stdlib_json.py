# json: dumps/loads with CPython's text, layout and errors.
import json

data = {"name": "Ada", "age": 36, "langs": ["en", "fr"], "ok": True, "none": None,
        "pi": 3.14159, "big": 1e100, "small": 1e-7, "neg": -0.0, "nested": {"a": [1, {"b": []}], "c": {}}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps([1, [2, 3]], indent=0))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps({"a": 1, "b": 2}, indent=4, separators=(",", " = ")))
print(json.dumps("héllo wörld 😀 \u2028 \x00\x1f\x7f \"quoted\" back\\slash \n\t\r\b\f"))
print(json.dumps("héllo 😀 \x7f", ensure_ascii=False))
print(json.dumps({1.5: 2, True: 3, None: 4, 7: "x", False: 0}))
print(json.dumps((1, 2, (3,))), json.dumps([]), json.dumps({}), json.dumps(""), json.dumps(0))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps(3.0), json.dumps(0.1 + 0.2), json.dumps(123456789.0), json.dumps(1e16), json.dumps(-5))
print(json.dumps({"z": 1, "a": 2, "m": [3, 2, 1]}, sort_keys=True))
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode_point(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    raise TypeError(f"cannot encode {type(o).__name__}")


print(json.dumps([Point(1, 2), Point(3, 4)], default=encode_point))
print(json.dumps({"p": Point(0, 0)}, default=encode_point, indent=1))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


print(json.dumps({"where": Point(5, 6)}, cls=PointEncoder))
print(PointEncoder(indent=2).encode([Point(7, 8)]))

for kw in [{}, {"indent": 2}]:
    for bad in [lambda: json.dumps(float("nan"), allow_nan=False, **kw),
                lambda: json.dumps({(1, 2): 3}, **kw),
                lambda: json.dumps(object(), **kw),
                lambda: json.dumps({1: 2, "a": 3}, sort_keys=True, **kw),
                lambda: json.dumps({1, 2}, **kw),
                lambda: json.dumps([Point(1, 1)], default=encode_point, **kw) + json.dumps(b"x", **kw)]:
        try:
            print(bad())
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ":", e)
    loop = []
    loop.append(loop)
    try:
        json.dumps(loop, **kw)
    except ValueError as e:
        print("ValueError:", e)
    d = {}
    d["self"] = [d]
    try:
        json.dumps(d, **kw)
    except ValueError as e:
        print("ValueError:", e)

# loads
text = json.dumps(data)
print(json.loads(text) == data, json.loads(text))
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\ny\\u00e9\\ud83d\\ude00"]}'))
print(json.loads("  [1, 2 ]  "), json.loads('"\\/\\b\\f"'), json.loads("-0"), json.loads("1E+2"))
print(json.loads("[NaN, Infinity, -Infinity]"), json.loads('{"a": 1, "a": 2, "b": 3}'))
print(json.loads(b'{"bytes": true}'), json.loads("12"), json.loads("1.5e400"))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('[1.10, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN]', parse_constant=lambda s: "const " + s))
print(json.JSONDecoder().raw_decode('{"a": 1} trailing'))
for doc in ["", " ", '{"a" 1}', '{"a":1 "b":2}', "[1 2]", "[1,2", "[1,]", '{"a":1,}', "{1:2}",
            '"abc', '"a\\qb"', '"\\u12"', "01", "1.", "-", "nul", "tru", "[", "{", '"a\nb"',
            '{"a"', '{"a":', "[1] x", '  \n  [1,\n 2 x]', '["a" , ]', "true false", "\ufeff[]"]:
    try:
        print(repr(doc), json.loads(doc))
    except json.JSONDecodeError as e:
        print(repr(doc), "JSONDecodeError:", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(None)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError))
try:
    json.loads("[1,")
except ValueError as e:
    print("caught as ValueError:", e)
print(json.loads('"\\t"', strict=False), json.loads('"a\tb"', strict=False))
