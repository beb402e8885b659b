# pprint: CPython's layout of nested containers and long strings.
import pprint

data = {"name": "aioscope", "tasks": [{"id": i, "state": "done" if i % 2 else "pending",
                                        "tags": ["net", "io"][: i % 3]} for i in range(4)],
        "config": {"retries": 3, "timeout": 2.5, "hosts": ("alpha", "beta", "gamma")},
        "empty": {}, "nums": list(range(30)), "z": None, "a": True}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60, sort_dicts=False)
pprint.pp({"b": 1, "a": [1, 2]}, width=10)
print(pprint.pformat(list(range(40)), compact=True, width=50))
print(pprint.pformat(list(range(40)), width=50)[:60])
print(pprint.pformat(("only",), width=5), pprint.pformat((1, 2, 3), width=5), pprint.pformat(set(range(12)), width=20))
long_text = "This is a fairly long sentence that will not fit on one line of forty characters at all."
pprint.pprint(long_text, width=40)
pprint.pprint({"key": long_text, "lines": "first line\nsecond line that is long enough to wrap around\n"}, width=45)
pprint.pprint([[1, 2, [3, 4, [5, 6]]], {"deep": {"deeper": {"deepest": 1}}}], depth=2)
loop = [1, 2]
loop.append(loop)
print("<Recursion on list with id=" in pprint.pformat(loop), pprint.isrecursive(loop), pprint.isreadable([1, "a"]), pprint.saferepr({"b": 2, "a": 1}))
pprint.pprint([], width=1)
pprint.pprint({}, width=1)
pprint.pprint("", width=1)
pprint.pprint({"k" * 10: ["v" * 20, "w" * 20]}, width=30)
