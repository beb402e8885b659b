# loop_method_callbacks.py -- the loop's own methods scheduled as callbacks:
# their handles carry the qualname of the class CPython defines them in.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(loop.stop.__qualname__, loop.close.__qualname__, loop.call_soon.__qualname__)
    print(loop.add_signal_handler.__qualname__, loop.set_default_executor.__qualname__)
    loop.call_later(0.1, loop.is_running)
    loop.call_later(0.2, loop.get_debug)
    await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)

asyncio.run(main())
loop = asyncio.new_event_loop()
loop.call_later(0.5, loop.stop)
loop.run_forever()
loop.close()
