# __import__: the import statement as a function, as programs that load a
# module by name use it.
import asyncio

math = __import__("math")
print(math.floor(2.5), __import__("json").dumps({"a": 1}))
print(__import__("collections.abc").__name__)
print(__import__("collections.abc", fromlist=["Mapping"]).__name__)
print(__import__("collections.abc", None, None, [], 0).__name__)
print(__import__(name="asyncio") is asyncio)
for args, kwargs in [((1,), {}), (("",), {}), (("math",), {"level": -1}),
                     (("math",), {"level": 1}), (("no_such_module_here",), {}),
                     (("math",), {"bogus": 1}), ((), {})]:
    try:
        __import__(*args, **kwargs)
    except (TypeError, ValueError, KeyError, ImportError) as e:
        print(type(e).__name__, e)


async def main():
    names = ["json", "math"]
    modules = [__import__(n) for n in names]
    await asyncio.sleep(0)
    print([m.__name__ for m in modules])


asyncio.run(main())
