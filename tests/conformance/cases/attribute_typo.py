# attribute_typo.py -- a misspelt name is an AttributeError (or a
# NameError) at the moment the line runs, not before: the first sleep works,
# the typo fails, and Python suggests the name it probably meant.
import asyncio


async def main():
    print('sleeping properly')
    await asyncio.sleep(0.1)
    print('now with a typo')
    await asyncio.slep(0.1)


asyncio.run(main())
