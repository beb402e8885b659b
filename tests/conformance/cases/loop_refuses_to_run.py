# A loop refuses to run while it (or another loop in the thread) runs, and
# once it is closed. The coroutine it was handed was never awaited: it dies
# with the exception at the end of the handler, and the warning names the
# handler's last line.
import asyncio


async def inner():
    return 1


async def main():
    try:
        asyncio.run(inner())
    except RuntimeError as e:
        print(e)
    loop = asyncio.get_running_loop()
    try:
        loop.run_until_complete(inner())
    except RuntimeError as e:
        print(e)
    try:
        loop.run_forever()
    except RuntimeError as e:
        print(e)
    other = asyncio.new_event_loop()
    try:
        other.run_until_complete(asyncio.sleep(0))
    finally:
        other.close()


closed = asyncio.new_event_loop()
closed.close()
try:
    closed.run_until_complete(inner())
except RuntimeError as e:
    print("closed:", e)
try:
    closed.run_forever()
except RuntimeError as e:
    print("closed:", e)
asyncio.run(main())
