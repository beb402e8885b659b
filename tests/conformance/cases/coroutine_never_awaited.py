# coroutine_never_awaited.py -- calling an async function only makes a
# coroutine object; without `await` (or a task) its body never runs.  When
# the object is thrown away, Python warns: "RuntimeWarning: coroutine
# 'save' was never awaited", at the line where it was dropped.  A
# coroutine still referenced when the program ends is reported then, as
# `sys:1`.
import asyncio


async def save(record):
    await asyncio.sleep(0.1)
    print('saved', record)


async def main():
    save('first')                 # forgot the await
    print('after the forgotten call')
    await save('second')
    pending = save('third')       # kept in a global below, never awaited
    global later
    later = pending
    print('main done')


asyncio.run(main())
print('end of program')
