# syntax_error.py -- a program that does not compile never runs: Python
# reports the first syntax error with the line and a caret under the
# place where parsing failed, and nothing else is printed.
import asyncio


async def main():
    for i in range(3)
        print(i)
        await asyncio.sleep(0.1)


asyncio.run(main())
