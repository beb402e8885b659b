# get_event_loop_after_run.py -- asyncio.run() sets its loop as the main
# thread's event loop and unsets it when it ends; the policy remembers that
# set_event_loop was called, so get_event_loop() makes no new loop after it
# (as it does before any loop was set) and raises instead. A Future made
# without a loop asks the same question.
import asyncio


async def answer():
    await asyncio.sleep(0.5)
    return 42


first = asyncio.get_event_loop()
print('a loop is made before any was set:', first.is_closed())
print('same one again:', asyncio.get_event_loop() is first)
print(first.run_until_complete(answer()))
first.close()
print('closed, still the current one:', asyncio.get_event_loop() is first)

print(asyncio.run(answer()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print('get_event_loop:', e)
try:
    asyncio.Future()
except RuntimeError as e:
    print('Future():', e)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print('set again:', asyncio.get_event_loop() is loop)
fut = asyncio.Future()
loop.call_later(0.25, fut.set_result, 'done')
print(loop.run_until_complete(fut))
asyncio.set_event_loop(None)
loop.close()
asyncio.get_event_loop()
